"""Run every benchmark in turn and print their figures, as docs/benchmarks.md records them.

Usage: .venv/bin/python benchmarks/run_all.py [--quick]   (or `make bench`)

--quick runs each on a slice (100 bench articles, 100,000 store events) to check they work; the
recorded figures come from the full runs. Run on a quiet machine: the figures are wall-clock.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (script, arguments for the recorded run, arguments for --quick)
RUNS: list[tuple[str, list[str], list[str]]] = [
    ("bench_scale.py", ["--repeat", "2"], ["--limit", "100", "--skip-dask"]),
    ("bench_events.py", ["--repeat", "3"], ["--limit", "100"]),
    ("bench_quotes.py", ["--repeat", "3"], ["--limit", "100"]),
    ("bench_actors.py", ["--repeat", "3"], ["--limit", "100"]),
    ("bench_store.py", ["--repeat", "50"], ["--events", "100000", "--repeat", "10"]),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a slice of each benchmark, to check they run")
    args = parser.parse_args()
    failed = []
    for script, full, quick in RUNS:
        command = [sys.executable, str(HERE / script), *(quick if args.quick else full)]
        print(f"\n$ {' '.join(['.venv/bin/python', f'benchmarks/{script}', *command[2:]])}", flush=True)
        started = time.perf_counter()
        if subprocess.run(command).returncode != 0:
            failed.append(script)
        print(f"({time.perf_counter() - started:.0f} s)", flush=True)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
