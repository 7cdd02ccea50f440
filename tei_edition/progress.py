"""What a build shows as it goes, and its summary table.

On a terminal, one status line is rewritten in place (how many sources are done, which are at
which stage) and each source's outcome is printed above it as it finishes; in a log or in CI
(no terminal), every stage and every outcome is a plain line of its own. The summary table at the
end has a row per source: built, unchanged or failed, the time it took and what it holds.
"""
from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

from .edition import Progress, SourceResult, Stage, Status


class Display(Progress):
    def __init__(self, total: int, stream: TextIO | None = None, live: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self.total, self.finished = total, 0
        self.active: dict[str, Stage] = {}
        self.lock = threading.Lock()
        self.start = time.perf_counter()

    def stage(self, stem: str, stage: Stage) -> None:
        with self.lock:
            self.active[stem] = stage
            if self.live:
                self._status()
            else:
                self._line(f"{stem}: {stage}")

    def done(self, result: SourceResult) -> None:
        with self.lock:
            self.finished += 1
            self.active.pop(result.source.stem, None)
            if self.live:
                self._clear()
            outcome = f"{result.status}" + (f" in {result.seconds:.1f} s" if result.status is Status.BUILT else "")
            self._line(f"[{self.finished}/{self.total}] {result.source.stem}: {outcome}")
            if self.live:
                self._status()

    def close(self) -> None:
        with self.lock:
            if self.live:
                self._clear()

    def _status(self) -> None:
        doing = ", ".join(f"{stem} ({stage})" for stem, stage in sorted(self.active.items()))
        line = f"[{self.finished}/{self.total}] {time.perf_counter() - self.start:5.1f} s  {doing}"
        width = 120
        self.stream.write("\r" + line[:width].ljust(width))
        self.stream.flush()

    def _clear(self) -> None:
        self.stream.write("\r" + " " * 120 + "\r")
        self.stream.flush()

    def _line(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()


COLUMNS = (("paragraphs", "paragraphs"), ("notes", "notes"), ("persons", "persons"),
           ("inline_quotes", "quotations"), ("citations", "citations"))


def summary_table(results: list[SourceResult], seconds: float) -> str:
    """A row per source: its status, the time it took, what it holds, its warnings."""
    name_width = max([len("source")] + [len(r.source.stem) for r in results])
    head = f"{'source':<{name_width}}  {'status':<9}  {'seconds':>7}  " + "  ".join(f"{h:>10}" for _, h in COLUMNS) \
        + f"  {'warnings':>8}"
    rows = [head, "-" * len(head)]
    for r in results:
        cells = "  ".join(f"{r.counts.get(key, 0):>10}" for key, _ in COLUMNS) if r.ok else " " * (12 * len(COLUMNS) - 2)
        secs = f"{r.seconds:7.1f}" if r.status is Status.BUILT else f"{'':>7}"
        rows.append(f"{r.source.stem:<{name_width}}  {r.status:<9}  {secs}  {cells}  {r.warnings:>8}")
    built = sum(r.status is Status.BUILT for r in results)
    unchanged = sum(r.status is Status.UNCHANGED for r in results)
    failed = sum(r.status is Status.FAILED for r in results)
    rows.append(f"{built} built, {unchanged} unchanged, {failed} failed, {seconds:.1f} s")
    return "\n".join(rows)


__all__ = ["Display", "summary_table"]
