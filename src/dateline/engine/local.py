"""Runs parts on N worker processes of this machine, each loading the spaCy pipeline once.

Each worker has its own pipe: the parent sends it a part (and, when the part is small, the next
one too, so the worker never waits), and the worker sends back each unit's results as soon as
they are done. The parent is the only writer: it releases outcomes in input order (ledger.py)
for the caller to write to the store in batches. A worker that dies (killed, out of memory, a
crash in native code) is replaced; the documents it had not finished are tried again alone,
then reported as failed with a note to rerun them. Finished results are never lost: they left
the worker as soon as each document was done.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import signal
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Iterable, Iterator

from ..errors import ConfigError, DatelineError, ProcessError
from ..pipeline import Outcome
from .ledger import Engine, Ledger, Task
from .parts import Part
from .work import Settings, encode, load_language, run_part, single_threaded_children, usage

PREFETCH_BYTES = 32 * 1024  # a part this small may wait in a busy worker's pipe without any risk of blocking
START_FAILURES = 3  # workers dying before they are ready, beyond the pool size, before the run gives up


def _context() -> Any:
    """Forkserver where the OS has it (workers fork from a clean, pre-imported server), else spawn."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["dateline.engine.work"])
        return ctx
    return mp.get_context("spawn")


def _worker_main(conn: Connection, settings: Settings) -> None:
    """A worker process: load the pipeline once, then process parts until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        language = load_language(settings)
    except DatelineError as exc:
        conn.send(("fatal", type(exc).__name__, exc.reason, exc.input))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            message = pickle.loads(conn.recv_bytes())
        except EOFError:
            return
        if message is None:
            break
        task_id, part = message[0], pickle.loads(message[1])
        conn.send(("start", task_id))
        try:
            for unit, outcomes in run_part(part, settings, language):
                conn.send(("unit", task_id, unit, [encode(o, settings.send_articles) for o in outcomes]))
        except Exception as exc:  # noqa: BLE001 - the parent retries the part's documents one by one
            conn.send(("failed", task_id, f"processing failed ({type(exc).__name__}: {exc})".splitlines()[0]))
            continue
        conn.send(("done", task_id))
    conn.send(("bye", *usage()))


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    pid: int | None = None
    current: Task | None = None  # the task it is working on
    queued: deque[Task] = field(default_factory=deque)  # sent, not started yet

    def death(self) -> str:
        code = self.process.exitcode
        if code is not None and code < 0:
            try:
                return f"its worker process died ({signal.Signals(-code).name})"
            except ValueError:
                pass
        return f"its worker process died (exit status {code})"


class LocalEngine(Engine):
    """N worker processes; `run(parts)` yields Outcomes in input order, skipping documents already done."""

    def __init__(self, settings: Settings, workers: int, retries: int = 1, window: int | None = None) -> None:
        if workers < 1:
            raise ConfigError("the number of workers must be at least 1", input="--workers")
        super().__init__()
        self.settings = settings
        self.workers = workers
        self.retries = retries
        self.window = window or 4 * workers
        self.deaths = 0
        self._pool: list[_Worker] = []
        self._tasks: dict[int, Task] = {}
        self._ids = 0
        self._queue: deque[Task] = deque()
        self._pickled: dict[Task, bytes] = {}  # a waiting task's part, pickled once
        self._start_failures = 0
        self._ledger = Ledger(retries, self.window)

    # -- the pool --------------------------------------------------------------------------------
    def _spawn(self) -> None:
        parent, child = mp.Pipe(duplex=True)
        with single_threaded_children():
            process = _context().Process(target=_worker_main, args=(child, self.settings), daemon=True,
                                         name="dateline-worker")
            process.start()
        child.close()
        self._pool.append(_Worker(process, parent))

    def pids(self) -> dict[int, Task | None]:
        """Live worker processes and the task each is working on (for tests and progress)."""
        return {w.process.pid: w.current for w in self._pool if w.process.is_alive()}

    def _send(self, worker: _Worker, task: Task, payload: bytes) -> bool:
        try:
            worker.conn.send_bytes(payload)
        except OSError:
            return False  # it died; its sentinel says so next
        worker.queued.append(task)
        return True

    def _dispatch(self) -> None:
        """Hand queued tasks to idle workers, and a small next task to each busy one."""
        for worker in self._pool:
            while self._queue and worker.ready and len(worker.queued) + (worker.current is not None) < 2:
                task = self._queue[0]
                part = self._pickled.get(task)
                if part is None:
                    part = self._pickled[task] = pickle.dumps(task.part, protocol=pickle.HIGHEST_PROTOCOL)
                if (worker.current is not None or worker.queued) and len(part) > PREFETCH_BYTES:
                    break
                self._queue.popleft()
                self._ids += 1
                self._tasks[self._ids] = task
                if not self._send(worker, task, pickle.dumps((self._ids, part), protocol=pickle.HIGHEST_PROTOCOL)):
                    self._queue.appendleft(task)
                    break
                del self._pickled[task]

    # -- messages ----------------------------------------------------------------------------------
    def _receive(self, worker: _Worker) -> bool:
        """Handle every message waiting on a worker's pipe; False once the pipe is closed."""
        while True:
            try:
                if not worker.conn.poll():
                    return True
                message = worker.conn.recv()
            except (EOFError, OSError):
                return False
            except pickle.UnpicklingError:
                return False  # a message cut short by the worker's death
            self._handle(worker, message)

    def _handle(self, worker: _Worker, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "unit":
            self._ledger.settle(self._tasks[message[1]], message[2], message[3])
        elif kind == "start":
            worker.current = worker.queued.popleft() if worker.queued else self._tasks.get(message[1])
        elif kind == "done":
            task = self._tasks.pop(message[1])
            worker.current = None
            self._queue.extendleft(reversed(self._ledger.lost(task, "no result came back")))
        elif kind == "failed":
            task = self._tasks.pop(message[1])
            worker.current = None
            self._queue.extendleft(reversed(self._ledger.lost(task, message[2])))
        elif kind == "ready":
            worker.ready, worker.pid, self._start_failures = True, message[1], 0
        elif kind == "bye":
            self._usage(message[1], message[2])
        elif kind == "fatal":
            from .. import errors

            cls = getattr(errors, message[1], ConfigError)
            raise cls(message[2], input=message[3])

    def _bury(self, worker: _Worker) -> None:
        """A worker died: keep what it sent, retry or fail what it held, and start another."""
        self._receive(worker)
        worker.process.join(timeout=1)
        self._pool.remove(worker)
        worker.conn.close()
        self.deaths += 1
        if not worker.ready:
            self._start_failures += 1
            if self._start_failures > START_FAILURES:
                raise ProcessError(f"worker processes die as they start ({worker.death().removeprefix('its ')})",
                                   input="--workers")
        for task in reversed(worker.queued):  # never started: back to the front of the queue as they were
            self._queue.appendleft(task)
        held = [worker.current, *worker.queued]
        self._tasks = {i: t for i, t in self._tasks.items() if t not in held}
        if worker.current is not None:
            self._queue.extendleft(reversed(self._ledger.lost(worker.current, worker.death())))
        if self._queue or not self._ledger.empty:
            self._spawn()

    # -- the run -----------------------------------------------------------------------------------
    def start(self) -> None:
        """Start every worker and wait until each has loaded the pipeline (run() does it on its first part)."""
        while not (len(self._pool) == self.workers and all(w.ready for w in self._pool)):
            while len(self._pool) < self.workers:
                self._spawn()
            self._wait()

    def run(self, parts: Iterable[Part | DatelineError]) -> Iterator[Outcome]:
        """Outcomes for every document of the parts, in input order."""
        source = iter(parts)
        more = True
        finished = False
        try:
            while True:
                while more and not self._ledger.full:
                    item = next(source, None)
                    if item is None:
                        more = False
                    elif (task := self._plan(item, self._ledger)) is not None:
                        self._queue.append(task)
                if self._queue and not self._pool:  # started on the first part: nothing to do costs nothing
                    for _ in range(self.workers):
                        self._spawn()
                self._dispatch()
                yield from self._release(self._ledger)
                if not more and self._ledger.empty:
                    finished = True
                    return
                self._wait()
        finally:
            self._finish(self._ledger, finished)
            self._stop(graceful=finished)

    def _wait(self) -> None:
        """Sleep until a worker sends something or dies, then handle it."""
        by_handle: dict[Any, _Worker] = {}
        for worker in self._pool:
            by_handle[worker.conn] = worker
            by_handle[worker.process.sentinel] = worker
        dead: list[_Worker] = []
        for handle in wait(list(by_handle), timeout=5):
            worker = by_handle[handle]
            if worker not in dead and (handle is not worker.conn or not self._receive(worker)):
                dead.append(worker)
        for worker in dead:
            self._bury(worker)

    def _stop(self, graceful: bool) -> None:
        """Stop every worker: politely after a finished run (collecting peak memory), at once otherwise."""
        for worker in self._pool:
            if graceful:
                try:
                    worker.conn.send_bytes(pickle.dumps(None))
                except OSError:
                    pass
            else:
                worker.process.terminate()
        for worker in self._pool:
            if graceful:
                while worker.conn.poll(10):
                    try:
                        message = worker.conn.recv()
                    except (EOFError, OSError):
                        break
                    if message[0] == "bye":
                        self._usage(message[1], message[2])
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self._pool = []
