"""Text → numbered source lines (the target of the line passes)."""
from __future__ import annotations

from ..model import Line, SourceLines


def split_lines(text: str) -> SourceLines:
    return SourceLines([Line(i, raw.rstrip(), raw) for i, raw in enumerate(text.split("\n"), 1)])
