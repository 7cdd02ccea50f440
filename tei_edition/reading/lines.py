"""Source lines, numbered from 1, that line-level passes may mark as removed."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Line:
    no: int
    text: str                   # without the line end; trailing spaces and tabs removed
    raw: str                    # as in the source (contents lists keep their tab + page number)
    removed: str | None = None  # why a pass took the line out of the text (artifact, contents...)

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def live(self) -> bool:
        return self.removed is None

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" \t"))


def split_lines(text: str) -> list[Line]:
    return [Line(i, raw.rstrip(), raw) for i, raw in enumerate(text.split("\n"), 1)]
