"""The three builds of one generated archive, each timed with its peak memory.

A  full      mkdocs.yml as published
B  no search mkdocs.yml without the search hooks (hooks/search_*.py)
C  bare      Material over the same Markdown: no hooks, no search, the same
             theme, features and Markdown extensions, and a nav of the
             hand-written pages only (MkDocs' automatic nav would list every
             document, an O(N²) build no archive runs)
The configs are written beside mkdocs.yml (relative paths resolve) and removed after.
"""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
BUILDS = ("full", "no_search", "bare")


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` as its default."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def _config(kind: str, docs: Path) -> dict:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    config["docs_dir"] = str(docs)
    if kind == "no_search":
        config["hooks"] = [h for h in config["hooks"] if not Path(h).name.startswith("search_")]
    elif kind == "bare":
        for key in ("hooks", "extra_javascript", "extra_css"):
            config.pop(key, None)
        config["theme"].pop("custom_dir", None)
        config["nav"] = [item for item in config["nav"] if isinstance(item, dict)
                         and isinstance(next(iter(item.values())), list)]   # Hướng dẫn only
        config["validation"] = {"nav": {"omitted_files": "ignore"}, "links": {"not_found": "ignore"}}
    return config


@contextlib.contextmanager
def configs(docs: Path):
    """{kind: path of its config file} for the three builds."""
    paths = {kind: ROOT / f".bench-{kind}-{os.getpid()}.yml" for kind in BUILDS}   # runs may overlap
    try:
        for kind, path in paths.items():
            path.write_text(yaml.safe_dump(_config(kind, docs), allow_unicode=True, sort_keys=False),
                            encoding="utf-8")
        yield paths
    finally:
        for path in paths.values():
            path.unlink(missing_ok=True)


def _tree_rss(root: int) -> float:
    """RSS in MB of a process and its descendants, from /proc. A child between fork and exec
    (subprocess uses vfork) still reports its parent's memory, shared, not its own: it is
    left out until it runs a program of its own, or one poll could count the build twice."""
    total, pending = 0.0, [root]
    root_exe = _exe(root)
    while pending:
        pid = pending.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except OSError:  # it ended meanwhile
            continue
        if pid != root and _exe(pid) == root_exe:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        total += int(fields.get("VmRSS", "0 kB").split()[0]) / 1024
    return total


def _exe(pid: int) -> str | None:
    try:
        return os.readlink(f"/proc/{pid}/exe")
    except OSError:
        return None


@dataclass
class Build:
    seconds: float
    cpu_seconds: float      # user + system of the build and the processes it waited for (Pagefind):
                            # the figure that a machine shared with other work does not inflate
    peak_rss_mb: float      # all its processes at once (Python holds its memory while Pagefind runs)
    log: str


def build(config: Path, site: Path, strict: bool = True, extra: tuple = ()) -> Build:
    """One `mkdocs build` process; the peak is polled from /proc every 20 ms."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site), *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(command + (["--strict"] if strict else []), cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with proc.stderr:
        # Read the log in a thread: a full pipe would stall the build.
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(1) as pool:
            log = pool.submit(proc.stderr.read)
            peak = 0.0
            while True:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                peak = max(peak, _tree_rss(proc.pid))
                time.sleep(0.02)
            seconds = time.perf_counter() - start
            text = log.result()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{config.name}: build failed:\n{text[-3000:]}")
    return Build(seconds, usage.ru_utime + usage.ru_stime, peak, text)
