"""Source lines, numbered from 1: the target of the line passes."""
from __future__ import annotations

from array import array
from dataclasses import dataclass, field


@dataclass(eq=False, slots=True)   # one per source line: slots halve what each costs
class Line:
    no: int
    text: str                   # without the line end; trailing spaces and tabs removed
    raw: str                    # as in the source (contents lists keep their tab + page number)
    removed: str | None = None  # why a pass took the line out of the text (artifact, contents...)
    page: int | None = None     # a page of the source begins on this line (a form feed): its number
    foot_note: int | None = None  # the line belongs to a note at its page's foot: which one (1, 2…)
    note_label: str | None = None  # … and opens it with this label ('12', '*')

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def live(self) -> bool:
        return self.removed is None

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" \t"))


@dataclass(eq=False)
class SourceLines:
    """The source's lines, and what the line passes found in them for the phases after."""

    lines: list[Line]
    contents: list[str] = field(default_factory=list)     # entries of the source's own contents list
    artifacts: list[str] = field(default_factory=list)    # residue dropped, declared in the header
    distributor_fields: dict[str, str] = field(default_factory=dict)   # 'Title:', 'Author:'… of a wrapper
    running_title: str | None = None   # the title a PDF's running heads give (page-furniture)

    def __iter__(self):
        return iter(self.lines)


@dataclass(frozen=True, eq=False)
class LineMeasures:
    """How long the source's lines are, once the lines themselves are let go: a block pass that
    weighs how a text is set (how wide its quotations' lines are) reads these two arrays, not a
    record and two strings for every line of the source (a 50 MB text's lines take ~210 MB)."""

    by_number: array           # array('i'): the length of line n's text without the spaces around it; -1: no line n
    live: array                # array('i'): the lengths of the lines no pass took out and not blank, in order

    @classmethod
    def of(cls, lines: "SourceLines") -> "LineMeasures":
        by_number = array("i", [-1]) * (max((ln.no for ln in lines), default=0) + 1)
        live = array("i")
        for ln in lines:
            n = len(ln.text.strip())
            by_number[ln.no] = n
            if n and ln.live:
                live.append(n)
        return cls(by_number, live)

    def length(self, no: int) -> int:
        """The length of line `no`'s text without the spaces around it; 0 for a line there is not."""
        return self.by_number[no] if 0 <= no < len(self.by_number) and self.by_number[no] >= 0 else 0
