"""Each conversion of a batch in a child process, within a time budget: one stalled file never stalls the batch.

An input file is untrusted. Whatever it makes the converter do (a pattern that turns
quadratic, a scan of 900 pages, a damaged PDF that sends a library into a loop), the
batch goes on: a file that overruns its budget is stopped, reported with a clear
message, and the next file is converted by a fresh child.

The child runs one job at a time, in its own process group, so stopping it also stops
the OCR programs it started. A job may ask for more time while it runs (the converter
asks for `seconds` more per page it is about to OCR): a long scan is slow, not stalled.
Results come back through a pipe between this process and its own child (pickle, which
is safe here: nothing from an input crosses it but the Result the converter made).
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import time
from dataclasses import dataclass
from typing import Callable


@dataclass
class Overrun:
    """The job did not finish within its budget and was stopped."""
    seconds: float


@dataclass
class Failed:
    """The job raised: the exception's type and message."""
    error: str


class Worker:
    """A child process that runs `job(item, more_time)` for one item at a time.

    `more_time(units)` extends the running job's deadline by `units` times the budget."""

    def __init__(self, job: Callable, budget: float):
        self.job, self.budget = job, budget
        methods = multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self._process = None

    def _start(self) -> None:
        self._pipe, child_end = self._context.Pipe()
        self._process = self._context.Process(target=_serve, args=(child_end, self.job), daemon=True)
        self._process.start()
        child_end.close()

    def run(self, item):
        """The job's result, Overrun or Failed."""
        if self._process is None or not self._process.is_alive():
            self._start()
        started = time.monotonic()
        deadline = started + self.budget
        self._pipe.send(item)
        while True:
            left = deadline - time.monotonic()
            try:
                ready = left > 0 and self._pipe.poll(left)
                message = self._pipe.recv() if ready else None
            except (EOFError, OSError):   # the child died (out of memory, a crash in a C library)
                self.stop()
                return Failed("tiến trình chuyển đổi dừng đột ngột")
            if message is None:
                self.stop()
                return Overrun(time.monotonic() - started)
            kind, value = message
            if kind == "more":
                deadline += value * self.budget
            else:
                return value

    def stop(self) -> None:
        """Stop the child and every program it started."""
        if self._process is None:
            return
        if self._process.is_alive():
            try:
                os.killpg(self._process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                self._process.kill()
        self._process.join()
        self._pipe.close()
        self._process = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _serve(pipe, job: Callable) -> None:
    os.setpgrp()   # its own process group: Worker.stop ends its OCR programs with it
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl+C is the parent's to handle: it stops us
    while True:
        item = pipe.recv()
        try:
            result = job(item, lambda units: pipe.send(("more", units)))
        except Exception as exc:  # reported by the parent as this file's error, the batch goes on
            result = Failed(f"{type(exc).__name__}: {exc}")
        pipe.send(("done", result))
