"""Coded errors, so every failure reaches the user as one line that names the input and the reason."""

from __future__ import annotations


class DatelineError(Exception):
    """Base of all errors dateline reports to users; `code` is stable and documented."""

    code = "E000"

    def __init__(self, reason: str, *, input: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.input = input

    def __str__(self) -> str:
        where = f"{self.input}: " if self.input else ""
        return f"{where}{self.reason} [{self.code}]"


class ReadError(DatelineError):
    """A document could not be read or holds no article."""

    code = "E001"


class StructureError(DatelineError):
    """A document was read but no article text could be found in it."""

    code = "E002"


class ProcessError(DatelineError):
    """A stage failed on one document; the batch goes on."""

    code = "E003"


class ConfigError(DatelineError):
    """A setting, pipeline name or user data file is unusable."""

    code = "E004"


class StoreError(DatelineError):
    """The store could not be opened, migrated or written."""

    code = "E005"


class UsageError(DatelineError):
    """A command was called with options that do not fit together."""

    code = "E006"
