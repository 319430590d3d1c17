"""The `dateline` command: a thin click layer over the core; each module in this package adds its commands."""

from __future__ import annotations

import importlib
import sys

import click

from .. import __version__
from ..errors import DatelineError

# Each module defines `commands: list[click.Command]`; a module not yet written is simply absent.
COMMAND_MODULES = ("process", "query", "export", "evaluate", "serve")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
def main() -> None:
    """Read news; write down who did what to whom, when and where, and who said what."""


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as _exc:
        if _exc.name != f"{__name__}.{_name}":
            raise
        continue
    for _command in _module.commands:
        main.add_command(_command)


def run() -> None:
    """Entry point: turn dateline's own errors into one line and exit status 2."""
    try:
        main(standalone_mode=True)
    except DatelineError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
