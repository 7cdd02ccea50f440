"""The document model between reading and building: a sequence of blocks with their source lines.

A Block is what later becomes one TEI block element (p, head, quote paragraph, list item, note
text...). Parsing passes change a block's `kind` and text; they never lose its line numbers, so
that every repair can be reported at its source line.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Block:
    text: str
    first_line: int
    last_line: int
    kind: str = "p"        # p, head, quote, item, note, front, contents, artifact, removed
    level: int = 0         # heading level (1 = chapter)
    indent: int = 0        # leading spaces of the first line in the source
    blank_before: int = 0  # blank lines between this block and the one before
    anchors: list[tuple[int, int]] = field(default_factory=list)  # (offset in text, source line)
    attrs: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.anchors:
            self.anchors = [(0, self.first_line)]

    def line_at(self, offset: int) -> int:
        """The source line on which the character at `offset` stood."""
        i = bisect_right(self.anchors, (offset, float("inf"))) - 1
        return self.anchors[max(i, 0)][1]

    def absorb(self, other: "Block", sep: str = " ") -> None:
        """Append `other` (a continuation of this block) to it."""
        shift = len(self.text) + len(sep)
        self.text = self.text + sep + other.text
        self.anchors += [(o + shift, ln) for o, ln in other.anchors]
        self.last_line = other.last_line


@dataclass
class NoteText:
    """The text of a footnote or endnote as the source gives it, before it is paired with a call."""

    label: str            # as printed: "1", "¹", "1*", "*", "l6"
    value: int | None     # the number, where there is one
    paragraphs: list[Block]
    place: str            # foot | end
    family: str = "number"  # number | star (author notes beside numbered endnotes) | symbol
    after_block: int = -1   # index (in Document.blocks) of the body block it physically follows

    @property
    def line(self) -> int:
        return self.paragraphs[0].first_line if self.paragraphs else 0


@dataclass
class Document:
    """Blocks plus everything parsing found about the source besides its body."""

    blocks: list[Block]
    layout: str = "paragraph-per-line"
    front: dict[str, Any] = field(default_factory=dict)   # title, subtitle, author, byline...
    front_blocks: list[Block] = field(default_factory=list)
    notes: list[NoteText] = field(default_factory=list)
    contents: list[str] = field(default_factory=list)     # the source's own contents list
    artifacts: list[str] = field(default_factory=list)    # what was dropped, declared in the header
    credits: list[str] = field(default_factory=list)      # transcription/publisher credits → header

    def body(self) -> list[Block]:
        return [b for b in self.blocks if b.kind not in ("removed",)]
