"""Converter speed: documents per second over the bundled seeds, repeated."""
from __future__ import annotations

import time
from pathlib import Path

from vanban.convert import SUPPORTED, convert_bytes

ROOT = Path(__file__).resolve().parents[2]


def convert_speed(folder: Path = ROOT / "tests" / "fixtures" / "seeds", rounds: int = 40) -> dict:
    """convert_docs_per_s (wall) and per CPU-second (what does not depend on the machine's load)."""
    inputs = [(p.name, p.read_bytes()) for p in sorted(Path(folder).rglob("*"))
              if p.is_file() and p.suffix.lower() in SUPPORTED]
    if not inputs:
        raise SystemExit(f"no inputs in {folder}")
    convert_bytes(inputs[0][1], inputs[0][0])  # warm-up: imports and regex compilation
    start, cpu_start = time.perf_counter(), time.process_time()
    statuses: dict[str, int] = {}
    for _ in range(rounds):
        for name, data in inputs:
            status = convert_bytes(data, name).status
            statuses[status] = statuses.get(status, 0) + 1
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    count = rounds * len(inputs)
    return {"convert_docs_per_s": round(count / elapsed, 1), "convert_docs_per_cpu_s": round(count / cpu, 1),
            "convert_statuses": statuses}
