"""The working record of one quote while the rules run, before it becomes a model.Quote."""

from __future__ import annotations

from dataclasses import dataclass

from .speakers import Speaker


@dataclass(slots=True)
class Found:
    """A quote a rule found: content and cue as character ranges, the speaker phrase, and the rule's name."""

    kind: str
    start: int
    end: int
    cue: tuple[int, int] | None
    speaker: Speaker | None
    rule: str
    paragraph: int
    speech: bool = True  # a reported utterance; False for "called X Y", beliefs, aims, stances, findings: nothing continues those

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end
