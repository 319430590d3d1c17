"""`dateline serve`: the web app and JSON API over a store, on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import ipaddress

import click

from ..store import DEFAULT_DB

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")


def is_loopback(host: str) -> bool:
    """Whether binding to this host keeps the app on this machine."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, port: int) -> list[str] | None:
    """Host headers to accept: on loopback only the loopback names (stops DNS rebinding); elsewhere any."""
    if not is_loopback(host):
        return None
    names = {host, "localhost", "127.0.0.1", "[::1]"}
    return sorted(names | {f"{name}:{port}" for name in names})


@click.command()
@click.option("--db", default=DEFAULT_DB, envvar="DATELINE_DB", show_default=True, metavar="PATH|URL",
              help="SQLite file or postgresql://user@host/dbname (env DATELINE_DB).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes the store to the network.")
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True)
@click.option("--write-token", envvar="DATELINE_WRITE_TOKEN", metavar="TOKEN", default=None,
              help="Enable POST /api/articles for clients sending 'Authorization: Bearer TOKEN' "
                   "(at least 16 characters; env DATELINE_WRITE_TOKEN). Writes are off without it.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]), default="info",
              show_default=True)
def serve(db: str, host: str, port: int, write_token: str | None, log_level: str) -> None:
    """Explore a store in a browser (articles with their facts highlighted, events, actors, network,
    quotes) and serve it as a JSON API under /api/ (OpenAPI at /openapi.json)."""
    import uvicorn

    from ..store.postgres import redact
    from ..web import create_app

    write_token = write_token or None
    app = create_app(db, write_token=write_token, allowed_hosts=allowed_hosts(host, port), prewarm=True)
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    click.echo(f"dateline: serving {redact(db)} at http://{shown}:{port}/ (writes {'on' if write_token else 'off'}; "
               "Ctrl-C stops)", err=True)
    if not is_loopback(host):
        click.echo(f"dateline: warning: listening on {host}, reachable from other machines", err=True)
    uvicorn.run(app, host=host.strip("[]"), port=port, log_level=log_level, server_header=False)


commands = [serve]
