"""Blocks: what later becomes one TEI block element (p, head, quote paragraph, list item, note text).

A block's text may only be changed through its methods (`edit`, `substitute`, `absorb`,
`append_line`): each keeps every offset the block carries (source-line anchors, line-end hyphens,
note calls, run-in list items, a quotation's source) pointing at the same characters, so that a
pass may edit text that an earlier pass has already measured.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from itertools import islice
from typing import TYPE_CHECKING

from ..offsets import moved as moved_offset
from .front import FrontPart

if TYPE_CHECKING:
    from .notes import Note


class BlockKind(StrEnum):
    P = "p"                  # a paragraph of running text (or a list item: see Block.item)
    HEAD = "head"
    QUOTE = "quote"          # a paragraph of a block quotation
    NOTE = "note"            # a paragraph of a note text, taken out of the running text
    FRONT = "front"          # front matter (see Block.front)
    FRAGMENT = "fragment"    # a stray word or two, kept apart from the paragraphs
    CODE = "code"            # a block of code or other verbatim text (TEI eg), its lines kept
    TABLE = "table"          # a table (see Block.table); the block's text is its cells, joined
    FIGURE = "figure"        # a figure: its caption is the text, its image in Block.figure
    FORMULA = "formula"      # displayed mathematics, kept as the source writes it (TEI formula)
    REMOVED = "removed"      # absorbed by another block, or dropped (declared in the report)


class ListStyle(StrEnum):
    BULLETED = "bulleted"
    NUMBERED = "numbered"


@dataclass
class ListItem:
    """The block is an item of a list; `n` is its number or letter as printed."""

    style: ListStyle
    n: str | None = None


@dataclass
class RunInItem:
    """One item of an enumeration run into a paragraph: '(2) text…'."""

    n: str
    mark: int       # offset of its marker '(2)'
    start: int      # offset of its text
    end: int        # offset where its text ends


@dataclass
class RunInList:
    items: list[RunInItem]

    @property
    def lead_end(self) -> int:
        """Where the lead text before the first item ends."""
        return self.items[0].mark


@dataclass
class Span:
    start: int
    end: int


@dataclass
class Quotation:
    """The block is a paragraph of a block quotation; paragraphs of one `group` are one quotation.
    `citation` is the span of its source given in parentheses after it, where there is one."""

    group: int
    citation: Span | None = None


class MarkKind(StrEnum):
    """What an inline span of a block's text is, as a reader with real markup knows it."""

    EMPHASIS = "emphasis"    # hi rend="italic"
    STRONG = "strong"        # hi rend="bold"
    CODE = "code"            # code
    FORMULA = "formula"      # formula notation="tex"
    LINK = "link"            # ref target (the address in Mark.target)


@dataclass
class Mark:
    """An inline span of the block's text that the source marks up: text[start:end]."""

    start: int
    end: int
    kind: MarkKind
    target: str | None = None


@dataclass
class Table:
    """A table: rows of cells (each cell a block of its own, with its lines and calls), the first
    `header_rows` of them labels."""

    rows: list[list["Block"]]
    header_rows: int = 0
    caption: "Block | None" = None   # its caption or heading, printed above it (TEI table/head)


@dataclass
class Figure:
    """A figure: the image's address, where the source gives one; the caption is the block's text."""

    url: str | None = None


@dataclass
class ParagraphNumber:
    """The number the source prints beside a paragraph ('¶ 12', 'Rn. 12'): `n` is the number (TEI
    p/@n), `printed` the mark as printed, on source line `line` (the mark leaves the text)."""

    n: str
    printed: str
    line: int


@dataclass
class PageBreak:
    """A page of the source begins at text[offset]: its number counted from the first page."""

    offset: int
    n: int


@dataclass(slots=True)
class NoteCall:
    """Where a note stands in the block's text: the call characters text[start:end] are removed."""

    start: int
    end: int
    note: "Note"


class Anchors:
    """A block's source lines: (offset in its text, source line) pairs, by rising offset, each the
    line on which the character at that offset stood. A sequence of those pairs, held as two
    arrays of machine integers: a pair for every line of the source, as tuples of Python ints,
    took about 80 MB of a 50 MB text's blocks, and their line numbers, the lines' own ints, kept
    the lines' memory from being given back once the lines were let go."""

    __slots__ = ("offsets", "lines")

    def __init__(self, pairs: Iterable[tuple[int, int]] = ()) -> None:
        self.offsets = array("q")
        self.lines = array("q")
        for offset, line in pairs:
            self.offsets.append(offset)
            self.lines.append(line)

    def __len__(self) -> int:
        return len(self.offsets)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.offsets, self.lines)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return list(zip(self.offsets[index], self.lines[index]))
        return self.offsets[index], self.lines[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Anchors):
            return self.offsets == other.offsets and self.lines == other.lines
        return isinstance(other, (list, tuple)) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"Anchors({list(self)!r})"

    def append(self, pair: tuple[int, int]) -> None:
        self.offsets.append(pair[0])
        self.lines.append(pair[1])

    def __iadd__(self, pairs: Iterable[tuple[int, int]]) -> "Anchors":
        for pair in pairs:
            self.append(pair)
        return self

    def line_at(self, offset: int) -> int:
        """The line of the character at `offset` (the first line for an offset before every anchor)."""
        i = bisect_right(self.offsets, offset) - 1
        return self.lines[max(i, 0)]

    def between(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The pairs whose offset lies strictly between `start` and `end`, found by bisection: the
        tree builder asks this for every piece of a block (between its notes), and a block with
        thousands of lines and of calls made that a scan of every anchor for every piece."""
        first, last = bisect_right(self.offsets, start), bisect_left(self.offsets, end)
        return zip(self.offsets[first:last], self.lines[first:last])

    def moved(self, moved: Callable[[int], int]) -> None:
        """Every offset moved by `moved`, the lines as they were."""
        self.offsets = array("q", map(moved, self.offsets))


class Block:
    """One block of the source with the lines it came from."""

    # a block is made for every paragraph and every piece of one: slots, not a dict of 25 fields
    __slots__ = ("_joined", "_pending", "_length", "first_line", "last_line", "kind", "level", "indent", "blank_before", "_anchors",
                 "soft_hyphens", "level_from_markup", "opens_back_matter", "front", "item", "run_in",
                 "quotation", "calls", "marks", "table", "figure", "language", "code_language", "pages",
                 "number", "heads_table")

    def __init__(self, text: str, first_line: int, last_line: int | None = None, *,
                 kind: BlockKind = BlockKind.P, level: int = 0, indent: int = 0, blank_before: int = 0,
                 anchors: Iterable[tuple[int, int]] | None = None) -> None:
        self._text = text
        self.first_line = first_line
        self.last_line = first_line if last_line is None else last_line
        self.kind = kind
        self.level = level                 # heading level (1 = chapter)
        self.indent = indent               # leading spaces of the first line in the source
        self.blank_before = blank_before   # blank lines between this block and the one before
        # (offset in text, source line): the line on which the character at offset stood
        self.anchors = anchors or [(0, first_line)]
        self.soft_hyphens: list[int] = []  # offsets just after a hyphen where two lines were joined
        self.level_from_markup = False     # a heading whose level the source marks ('## Title')
        self.opens_back_matter = False     # a heading of the back matter (References)
        self.front: FrontPart | None = None
        self.item: ListItem | None = None
        self.run_in: RunInList | None = None
        self.quotation: Quotation | None = None
        self.calls: list[NoteCall] = []
        self.marks: list[Mark] = []        # inline spans a reader found marked up
        self.table: Table | None = None
        self.figure: Figure | None = None
        self.language: str | None = None   # a passage in another language than the document's
        self.code_language: str | None = None   # the language a code block is written in
        self.pages: list[PageBreak] = []    # where pages of the source begin in the text
        self.number: ParagraphNumber | None = None   # the paragraph's number as the source prints it
        self.heads_table = False           # a heading (level 0) that is the caption of the table after it

    def __repr__(self) -> str:
        return f"Block({self.kind}, line {self.first_line}, {self._text[:40]!r})"

    # The text is kept as a string and the lines appended since it was last read: a block of
    # thousands of lines (a list the layout reads as one block) made each appended line copy all
    # those before it; they are joined once, when the text is next read.
    @property
    def text(self) -> str:
        if self._pending:
            self._joined = "".join([self._joined, *self._pending])
            self._pending = None
        return self._joined

    @property
    def _text(self) -> str:
        return self.text

    @_text.setter
    def _text(self, value: str) -> None:
        self._joined, self._pending, self._length = value, None, len(value)

    def ends_with(self, suffixes: tuple[str, ...]) -> bool:
        """text.endswith(suffixes), without joining the lines appended since the text was read."""
        if not self._pending:
            return self._joined.endswith(suffixes)
        longest = max(map(len, suffixes), default=0)
        tail, k = "", len(self._pending)
        while len(tail) < longest and k > 0:
            k -= 1
            tail = self._pending[k] + tail
        if len(tail) < longest:
            tail = self._joined[-longest:] + tail
        return tail.endswith(suffixes)

    def _extend(self, more: str) -> None:
        """Append `more` to the text without copying all of it each time: the pieces appended are
        merged as a binary counter carries (a piece is joined to the one before it once it is as
        long), so that a block of n lines holds about log n pieces and each character is copied
        about log n times. (Each line kept apart until the text was read held a string object per
        line of the source: 56 MB more of a 50 MB text's peak.)"""
        pending = self._pending
        if pending is None:
            pending = self._pending = []
        pending.append(more)
        while len(pending) > 1 and len(pending[-1]) >= len(pending[-2]):
            last = pending.pop()
            pending[-1] += last
        self._length += len(more)

    @property
    def anchors(self) -> Anchors:
        return self._anchors

    @anchors.setter
    def anchors(self, pairs: Iterable[tuple[int, int]]) -> None:
        self._anchors = pairs if isinstance(pairs, Anchors) else Anchors(pairs)

    def line_at(self, offset: int) -> int:
        """The source line on which the character at `offset` stood."""
        return self._anchors.line_at(offset)

    # ------------------------------------------------------------------ editing

    def edit(self, start: int, end: int, replacement: str) -> None:
        """Replace text[start:end] by `replacement`, moving every offset after it."""
        length = len(replacement)
        self._text = self._text[:start] + replacement + self._text[end:]
        if length != end - start:
            self._remap(lambda o, opens=False: moved_offset(o, start, end, length, opens))

    def substitute(self, rx: re.Pattern[str], replace: Callable[[re.Match[str]], str | None]) -> int:
        """Replace each match of `rx` by what `replace` returns for it (None: keep the match);
        the number of matches replaced."""
        edits = [(m.start(), m.end(), new) for m in rx.finditer(self._text)
                 if (new := replace(m)) is not None and new != m.group(0)]
        for start, end, new in reversed(edits):
            self.edit(start, end, new)
        return len(edits)

    def strip(self) -> None:
        """Remove leading and trailing white space."""
        tail = len(self._text) - len(self._text.rstrip())
        if tail:
            self.edit(len(self._text) - tail, len(self._text), "")
        lead = len(self._text) - len(self._text.lstrip())
        if lead:
            self.edit(0, lead, "")

    def append_line(self, text: str, line_no: int, joined_at_hyphen: bool) -> None:
        """Unwrap: join the next source line to this block, without a space after a hyphen (which a
        later pass judges with evidence)."""
        if joined_at_hyphen:
            self.soft_hyphens.append(self._length)
        sep = "" if joined_at_hyphen else " "
        self.anchors.append((self._length + len(sep), line_no))
        self._extend(sep + text)
        self.last_line = line_no

    def absorb(self, other: "Block", sep: str = " ") -> None:
        """Append `other` (a continuation of this block) to it, with its offsets."""
        if other.number is not None:
            other.restore_number()     # a number inside a paragraph is text again, never lost
        shift = self._length + len(sep)
        self._extend(sep + other.text)
        self.anchors += [(o + shift, ln) for o, ln in other.anchors]
        self.soft_hyphens += [o + shift for o in other.soft_hyphens]
        self.calls += [NoteCall(c.start + shift, c.end + shift, c.note) for c in other.calls]
        self.marks += [Mark(m.start + shift, m.end + shift, m.kind, m.target) for m in other.marks]
        self.pages += [PageBreak(b.offset + shift, b.n) for b in other.pages]
        self.last_line = other.last_line

    def restore_number(self) -> None:
        """Put the paragraph's printed number back at the opening of its text (it no longer opens a
        paragraph of its own), on its own source line."""
        number, self.number = self.number, None
        if number is None:
            return
        label = number.printed + " "
        self.edit(0, 0, label)
        self.anchors = [(0, number.line)] + [(o + len(label) if o == 0 else o, ln) for o, ln in self.anchors]
        for page in self.pages:
            if page.offset == len(label):
                page.offset = 0      # a page that began with the paragraph begins before its number

    def piece(self, start: int, end: int, blank_before: int = 0) -> "Block":
        """A new block of text[start:end] (white space trimmed), with its source lines."""
        while start < end and self._text[start].isspace():
            start += 1
        while end > start and self._text[end - 1].isspace():
            end -= 1
        first = self.line_at(start)
        # (the anchors by bisection, the text before read from its start: a table's block is cut
        # into a piece for each of its thousands of cells)
        anchors = [(0, first)] + [(o - start, ln) for o, ln in self._anchors.between(start, end)]
        piece = Block(self._text[start:end], first, self.line_at(max(end - 1, start)),
                      blank_before=blank_before, anchors=anchors)
        if all(c.isspace() for c in islice(self._text, start)):
            piece.number = self.number      # the piece that opens the paragraph keeps its number
        return piece

    def _remap(self, moved: Callable[..., int]) -> None:
        self._anchors.moved(moved)
        self.soft_hyphens = [moved(o) for o in self.soft_hyphens]
        for call in self.calls:
            call.start, call.end = moved(call.start, opens=True), moved(call.end)
        for mark in self.marks:
            mark.start, mark.end = moved(mark.start, opens=True), moved(mark.end)
        for page in self.pages:
            page.offset = moved(page.offset, opens=True)
        if self.run_in is not None:
            for item in self.run_in.items:
                item.mark, item.start, item.end = moved(item.mark, opens=True), moved(item.start, opens=True), \
                    moved(item.end)
        if self.quotation is not None and self.quotation.citation is not None:
            span = self.quotation.citation
            span.start, span.end = moved(span.start, opens=True), moved(span.end)

__all__ = ["Anchors", "Block", "BlockKind", "Figure", "FrontPart", "ListItem", "ListStyle", "Mark", "MarkKind", "NoteCall",
           "PageBreak", "Quotation", "RunInItem", "RunInList", "Span", "Table"]
