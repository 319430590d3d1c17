"""Scale: the pipeline on N worker processes of one machine (local.py) or on a Dask cluster (dask.py).

Both engines share the plan (parts.py: inputs split into lists of files and JSONL line ranges),
the worker's work (work.py), the in-order, bounded bookkeeping with retries of lost documents
(ledger.py) and resuming (resume.py); run.py puts them together for `dateline process`.
docs/scaling.md says how to use them.
"""

from __future__ import annotations

from .run import ENGINES, Run, RunOptions, cores, default_workers

__all__ = ["ENGINES", "Run", "RunOptions", "cores", "default_workers"]
