#!/usr/bin/env python3
"""Conversion speed: documents per second over the bundled seeds, repeated.

Usage: python scripts/bench.py [FOLDER] [--rounds N]
By default it reads the seeds in tests/fixtures/seeds (never ../shared); pass a folder to measure other inputs.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vanban.convert import SUPPORTED, convert_bytes  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "tests" / "fixtures" / "seeds"))
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    inputs = [(p.name, p.read_bytes()) for p in sorted(Path(args.folder).rglob("*"))
              if p.is_file() and p.suffix.lower() in SUPPORTED]
    if not inputs:
        print(f"no inputs in {args.folder}", file=sys.stderr)
        return 2
    convert_bytes(*reversed(inputs[0]))  # warm-up: imports and regex compilation
    start, cpu_start = time.perf_counter(), time.process_time()
    statuses = {}
    for _ in range(args.rounds):
        for name, data in inputs:
            status = convert_bytes(data, name).status
            statuses[status] = statuses.get(status, 0) + 1
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    count = args.rounds * len(inputs)
    # CPU time is the figure that does not depend on what else the machine runs.
    print(f"{count} documents ({len(inputs)} inputs x {args.rounds}) in {elapsed:.2f} s wall, {cpu:.2f} s CPU: "
          f"{count / elapsed:.0f} documents/second wall, {count / cpu:.0f} per CPU-second  {statuses}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
