"""Bookkeeping both engines share: tasks in flight, results put back in input order, lost documents retried alone.

Every part gets a slot numbered in input order; results are released slot by slot, so the
stream of outcomes (and the JSONL written from it) is in the same order a single process gives,
while at most `window` slots are open at once (bounded memory however long the corpus). When a
worker dies, the units of its task that had not come back are tried again one by one (a
document that kills its worker then fails alone), up to `retries` times, and after that are
reported as failed with a note to rerun them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from ..errors import DatelineError
from ..pipeline import Outcome
from .parts import Part
from .work import Item, decode, encode

RERUN_HINT = "rerun it (--resume skips what is done)"


@dataclass(eq=False, slots=True)
class Task:
    """One part sent to a worker; a retry task settles one unit of its root task."""

    seq: int
    part: Part
    attempt: int = 0
    root: Task | None = None
    results: dict[int, list[Item]] = field(default_factory=dict)
    pending: set[int] = field(default_factory=set)

    @property
    def owner(self) -> Task:
        """The task whose slot this task's results fill."""
        return self.root or self

    def unsettled(self) -> list[int]:
        """This task's units that have no result yet."""
        return [u for u in self.part.active() if u in self.owner.pending]


class Ledger:
    """Slots numbered in input order, each a task awaiting results or a finished list of items.

    Ordered (the local engine), slots are released in input order and at most `window` are open;
    unordered (Dask, where one slow part must not idle a cluster), any complete slot is released.
    """

    def __init__(self, retries: int = 1, window: int = 8, ordered: bool = True) -> None:
        self.retries = retries
        self.window = max(1, window)
        self.ordered = ordered
        self._slots: dict[int, Task | list[Item]] = {}
        self._complete: set[int] = set()
        self._next = 0  # the next slot to open
        self._emit = 0  # the next slot to release, in order
        self.rerun: list[str] = []  # documents lost with their worker after every retry
        self.retried = 0  # documents sent again on their own after their worker died

    def open(self, part: Part) -> Task:
        """A slot for a new part, in input order."""
        task = Task(self._next, part, pending=set(part.active()))
        self._slots[self._next] = task
        if not task.pending:
            self._complete.add(task.seq)
        self._next += 1
        return task

    def add(self, items: list[Item]) -> None:
        """A slot whose results are known already (a failure found while planning)."""
        self._slots[self._next] = items
        self._complete.add(self._next)
        self._next += 1

    def settle(self, task: Task, unit: int, items: list[Item]) -> None:
        """One unit's results have arrived."""
        owner = task.owner
        if unit in owner.pending:
            owner.results[unit] = items
            owner.pending.discard(unit)
            if not owner.pending:
                self._complete.add(owner.seq)

    def lost(self, task: Task, reason: str) -> list[Task]:
        """The task's worker died (or the task failed as a whole): retry its unsettled units alone, or fail them."""
        retries: list[Task] = []
        owner = task.owner
        for unit in task.unsettled():
            if task.attempt < self.retries:
                self.retried += 1
                retries.append(Task(owner.seq, owner.part.alone(unit), task.attempt + 1, owner))
                continue
            name = owner.part.unit_name(unit)
            self.rerun.append(name)
            self.settle(task, unit, [("err", name, "ProcessError", f"{reason}; {RERUN_HINT}", name)])
        return retries

    def ready(self) -> Iterator[Item]:
        """Items of the complete slots: the next ones in input order, or (unordered) all of them."""
        while self._complete:
            if self.ordered:
                if self._emit not in self._complete:
                    return
                seq = self._emit
            else:
                seq = min(self._complete)
            self._complete.discard(seq)
            slot = self._slots.pop(seq)
            while self._emit < self._next and self._emit not in self._slots:
                self._emit += 1
            if isinstance(slot, Task):
                yield from (item for unit in sorted(slot.results) for item in slot.results[unit])
            else:
                yield from slot

    @property
    def full(self) -> bool:
        """Whether as many slots are open as the window allows (wait for results before planning more)."""
        return (self._next - self._emit if self.ordered else len(self._slots)) >= self.window

    @property
    def empty(self) -> bool:
        """Whether every slot has been released."""
        return not self._slots

    def unfinished(self) -> list[str]:
        """Names of the documents whose results have not arrived (for a report when a run is cut short)."""
        names: list[str] = []
        for slot in self._slots.values():
            if isinstance(slot, Task):
                names.extend(slot.part.unit_name(u) for u in sorted(slot.pending))
        return names


class Engine:
    """What every engine reports besides its outcomes, and the steps they share."""

    def __init__(self) -> None:
        self.skipped = 0  # documents not processed because a previous run did them (--resume)
        self.peak_rss_mb: list[float] = []  # per worker process, when it could tell
        self.busy_cpu_s: list[float] = []  # CPU seconds each worker spent processing (benchmarks)
        self.rerun: list[str] = []  # documents lost with their worker after every retry
        self.retried = 0  # documents sent again on their own after their worker died
        self.unfinished: list[str] = []  # documents in flight when the run was cut short

    @staticmethod
    def _plan(item: Part | DatelineError, ledger: Ledger) -> Task | None:
        """A slot for the next planned item: a task for a part, finished at once for a failed input."""
        if isinstance(item, DatelineError):
            ledger.add([encode(Outcome(input=item.input or "?", error=item))])
            return None
        return ledger.open(item)

    def _release(self, ledger: Ledger) -> Iterator[Outcome]:
        """Outcomes of the slots that are complete, in input order (skipped documents are only counted)."""
        for item in ledger.ready():
            outcome = decode(item)
            if outcome is None:
                self.skipped += 1
            else:
                yield outcome

    def _usage(self, peak_mb: float, cpu_s: float) -> None:
        """A worker's closing figures."""
        self.peak_rss_mb.append(peak_mb)
        self.busy_cpu_s.append(cpu_s)

    def _finish(self, ledger: Ledger, finished: bool) -> None:
        self.rerun = list(ledger.rerun)
        self.retried = ledger.retried
        self.unfinished = [] if finished else ledger.unfinished()
