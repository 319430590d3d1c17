"""`dateline eval ...`: scorers against gold data and the gate over their floors."""

from __future__ import annotations

import importlib

import click

# Each scorer module in dateline.evaluate exposes `command` (a click.Command); absent ones are skipped.
SCORERS = ("html", "quotes", "events", "seed", "wire", "gate")


@click.group(name="eval")
def eval_group() -> None:
    """Score dateline against gold data (reads ../shared; skips what is absent)."""


for _name in SCORERS:
    try:
        _module = importlib.import_module(f"dateline.evaluate.{_name}")
    except ModuleNotFoundError as _exc:
        if _exc.name != f"dateline.evaluate.{_name}":
            raise
        continue
    eval_group.add_command(_module.command)

commands = [eval_group]
