"""A throw-away PostgreSQL cluster for the test suite: initdb in a temp dir, start on a free port, stop at the end."""

from __future__ import annotations

import glob
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def find_bindir() -> Path | None:
    """The newest PostgreSQL server bin directory (Debian layout first, then PATH)."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_user() -> str | None:
    """PostgreSQL refuses to run as root: pick an unprivileged account to run it as (None when not root)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("running as root and neither a 'postgres' nor a 'nobody' account exists")


@dataclass
class PgServer:
    """One running cluster; `url(db)` gives a libpq URL for a database in it."""

    bindir: Path
    root: Path
    port: int
    user: str | None

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://dateline@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.user and shutil.which("runuser"):
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        elif self.user:
            cmd = ["su", "-s", "/bin/sh", self.user, "-c", shlex.join(cmd)]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=self.root)

    def _check(self, proc: subprocess.CompletedProcess[str], what: str) -> None:
        if proc.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{what} failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}\n{log}")

    def start(self) -> None:
        proc = self._run("initdb", "-D", str(self.data), "-U", "dateline", "-A", "trust", "-E", "UTF8",
                         "--no-locale", "--no-sync")
        self._check(proc, "initdb")
        sock = self.root / "sock"
        sock.mkdir()
        if self.user:
            shutil.chown(sock, self.user)
        options = (f"-p {self.port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50")
        self._check(self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.log), "-w", "-t", "60", "start"),
                    "pg_ctl start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def start_server(bindir: Path) -> PgServer:
    """initdb a fresh cluster in a temp dir owned by the server's user and start it."""
    user = _server_user()
    root = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
    if user:
        shutil.chown(root, user)
    server = PgServer(bindir=bindir, root=root, port=_free_port(), user=user)
    try:
        server.start()
    except Exception:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return server
