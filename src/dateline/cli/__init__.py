"""The `dateline` command: a thin click layer over the core; each module in this package adds its commands."""

from __future__ import annotations

import importlib
import sys

import click

from .. import __version__
from ..errors import DatelineError

# Command name -> the module of this package that defines it (in its `commands` list). Modules are
# imported only when one of their commands runs, so `dateline events` does not pay for loading spaCy.
COMMANDS = {
    "process": "process", "show": "process",
    "events": "query", "quotes": "query", "actors": "query", "stats": "query",
    "export": "export",
    "eval": "evaluate",
    "serve": "serve",
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use (help lists them all, importing every module)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands or cmd_name not in COMMANDS:
            return self.commands.get(cmd_name)
        module = importlib.import_module(f"{__name__}.{COMMANDS[cmd_name]}")
        for command in module.commands:
            self.add_command(command)
        return self.commands.get(cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
def main() -> None:
    """Read news; write down who did what to whom, when and where, and who said what."""


def run() -> None:
    """Entry point: turn dateline's own errors into one line and exit status 2."""
    try:
        main(standalone_mode=True)
    except DatelineError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
