"""What a WeasyPrint layout did, read back from its pages: the facts the print edition checks.

WeasyPrint's public `Page` gives a page's size, anchors, links and bookmarks, not its lines. The
footnote policy, the hyphenation checks and the layout report need more: on which page each
footnote's call and text stand, how far down a page its text reaches and where its footnote area
begins, which lines end in a hyphenated word, which run beyond their measure, which line begins
with a note call, on which page each mention of a person stands. This module is the one place
that reads the box tree WeasyPrint laid out (`Page._page_box`, as the pinned WeasyPrint 70 builds
it); it changes nothing in it, and tests/writers/test_layout.py fails if an upgrade changes what
it reads.

Lines are addressed as the HTML is (html/words.py): by the key of the block that holds them
(``data-b``) and the index, in that block's own words, of the word each line ends with.

Every figure is in CSS pixels (1pt = 4/3 px), as WeasyPrint measures.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .html.words import BLOCK_KEY

# The character WeasyPrint sets at the end of a hyphenated line (its default hyphenate-character).
HYPHENATE_CHARACTER = "\u2010"
# What may stand beside a note call on a line that says nothing else.
_CALL_COMPANIONS = set(".,;:!?)]}»”’\"'\u2019\u201d\u2060 \u00a0\u202f\u2009")
# Characters of the text after which a line may break inside a word.
_WORD_BREAKS = "-\u2010\u2011\u2013\u2014/"
_PSEUDO = ("::footnote-marker", "::marker", "::before", "::after")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _length(value: Any) -> float:
    """A computed length in px (WeasyPrint computes margins to px; 'auto' and percentages are 0)."""
    return float(getattr(value, "value", 0.0)) if getattr(value, "unit", "px") == "px" else 0.0


@dataclass(frozen=True)
class Line:
    """One line of a page's text (the text block, or a footnote in the footnote area)."""

    top: float
    bottom: float
    text: str
    hyphenated: bool          # ends in a word broken by hyphenation (not a hyphen of the text)
    overfull: float           # how far its content runs beyond the measure (0 when it fits)
    calls: tuple[str, ...]    # ids of the footnotes called on this line
    starts_with_call: bool    # a note call opens it: the call was parted from the word before it
    only_calls: bool          # it holds nothing but note calls (and punctuation)
    block: str | None         # the key of the HTML block whose line it is
    block_line: int           # its place among that block's lines (0 = the first)
    last_word_index: int      # the index of its last word among the block's own words
    name_broken: bool         # it ends in a person's name broken by hyphenation
    runs_on: bool = False     # its last word goes on on the next line (hyphenated, or after a dash)

    @property
    def words(self) -> list[str]:
        return self.text.split()


@dataclass(frozen=True)
class FootBox:
    """A footnote (or a part of one) as the footnote area of a page holds it."""

    ident: str
    classes: frozenset[str]
    top: float
    bottom: float
    lines: tuple[Line, ...]


@dataclass
class PageFacts:
    """One laid-out page: its text block, its footnote area, what stands on it."""

    index: int                        # 0-based, in its rendered document
    side: str                         # "left" or "right"
    blank: bool
    content_top: float
    content_bottom: float             # the bottom of the text block when no footnote takes room
    lines: list[Line] = field(default_factory=list)
    foot: list[FootBox] = field(default_factory=list)
    foot_top: float | None = None     # top of the footnote area's margin box, if it holds notes
    # when the page opens with a heading: the space the stylesheet puts above it, which a page's
    # top takes away (the heading needs it, and its lines, to be set at the foot of the page before)
    heading_space: float | None = None

    @property
    def text_bottom(self) -> float:
        return max((ln.bottom for ln in self.lines), default=self.content_top)

    @property
    def limit(self) -> float:
        """How far down the text may reach: the footnote area's top, or the text block's foot."""
        return self.foot_top if self.foot_top is not None else self.content_bottom

    @property
    def room(self) -> float:
        """The height left free between the last line of text and the footnote area (or the
        foot of the text block)."""
        return max(0.0, self.limit - self.text_bottom)

    @property
    def last_line(self) -> Line | None:
        return self.lines[-1] if self.lines else None

    @property
    def foot_bottom(self) -> float:
        return max((f.bottom for f in self.foot), default=self.content_bottom)


@dataclass(frozen=True)
class Mention:
    """Where an element the print edition tracks (a person's name) was set."""

    ident: str
    ref: str
    page: int
    in_note: bool


@dataclass
class LayoutFacts:
    """What one rendered document's pages hold."""

    pages: list[PageFacts]
    call_page: dict[str, int]          # footnote id → page of its call
    text_pages: dict[str, list[int]]   # footnote id → pages its text stands on
    anchor_page: dict[str, int]        # element id → page where it begins
    mentions: list[Mention]            # persons' names, in document order

    def footnote_away(self) -> list[tuple[str, int, int]]:
        """Footnotes whose text does not begin on the page of their call: (id, call, text)."""
        out = []
        for ident, call in self.call_page.items():
            pages = self.text_pages.get(ident)
            if pages and pages[0] != call:
                out.append((ident, call, pages[0]))
        return sorted(out, key=lambda t: (t[1], t[0]))

    def foot_box(self, ident: str) -> tuple[PageFacts, FootBox] | None:
        for page in self.pages:
            for box in page.foot:
                if box.ident == ident:
                    return page, box
        return None


def read_layout(document: Any) -> LayoutFacts:
    """The facts of a laid-out WeasyPrint document."""
    from weasyprint.formatting_structure import boxes
    reader = _Reader(boxes)
    pages = [reader.page(index, page._page_box) for index, page in enumerate(document.pages)]
    return LayoutFacts(pages, reader.call_page, reader.text_pages, reader.anchor_page, reader.mentions)


@dataclass
class _BlockCount:
    lines: int = 0
    words: int = 0
    running: bool = False      # the last line ended inside a word (hyphenated)


class _Reader:
    """One walk over every page's boxes, in order (a block's lines are counted across pages)."""

    def __init__(self, boxes: Any) -> None:
        self.boxes = boxes
        self.call_page: dict[str, int] = {}
        self.text_pages: dict[str, list[int]] = {}
        self.anchor_page: dict[str, int] = {}
        self.mentions: list[Mention] = []
        self._seen_mentions: set[str] = set()
        self._blocks: dict[str, _BlockCount] = {}

    def page(self, index: int, page_box: Any) -> PageFacts:
        b = self.boxes
        top = page_box.content_box_y()
        facts = PageFacts(index, page_box.page_type.side, bool(page_box.page_type.blank), top, top + page_box.height)
        for child in page_box.children:
            if isinstance(child, b.FootnoteAreaBox):
                if child.children:
                    facts.foot_top = child.position_y
                    facts.foot = [self._footnote(index, fn) for fn in child.children]
            elif not isinstance(child, b.MarginBox):
                facts.lines.extend(self._lines(index, child, in_note=False))
        facts.heading_space = self._opening_heading_space(page_box)
        return facts

    def _opening_heading_space(self, page_box: Any) -> float | None:
        """The margin above the heading whose line is the page's first, else None."""
        b = self.boxes
        stack = [child for child in reversed(page_box.children)
                 if not isinstance(child, (b.FootnoteAreaBox, b.MarginBox))]
        heading = None
        while stack:
            box = stack.pop()
            if box is None:
                heading = None                 # the end of a heading's boxes: its lines are past
                continue
            if isinstance(box, b.LineBox):
                return heading
            if (box.element_tag or "").endswith(_PSEUDO):
                continue
            children = list(getattr(box, "children", None) or ())
            if (box.element_tag or "") in _HEADINGS and isinstance(box, b.BlockBox):
                heading = _length(box.style["margin_top"])
                stack.append(None)
            stack.extend(reversed(children))
        return None

    def _footnote(self, index: int, box: Any) -> FootBox:
        element = box.element
        ident = (element.get("id") if element is not None else None) or ""
        pages = self.text_pages.setdefault(ident, [])
        if not pages or pages[-1] != index:
            pages.append(index)
        lines = tuple(self._lines(index, box, in_note=True))
        classes = frozenset((element.get("class") or "").split()) if element is not None else frozenset()
        return FootBox(ident, classes, box.position_y, box.position_y + box.margin_height(), lines)

    def _lines(self, index: int, box: Any, in_note: bool):
        b = self.boxes
        if (box.element_tag or "").endswith(_PSEUDO):
            return
        self._anchor(index, box, in_note)
        if isinstance(box, b.LineBox):
            yield self._line(index, box, in_note)
            return
        for child in getattr(box, "children", None) or ():
            if not isinstance(child, b.FootnoteAreaBox):
                yield from self._lines(index, child, in_note)

    def _anchor(self, index: int, box: Any, in_note: bool) -> None:
        element = box.element
        if element is None or (box.element_tag or "").endswith(("::footnote-call",) + _PSEUDO):
            return
        ident = element.get("id")
        if ident and ident not in self.anchor_page:
            self.anchor_page[ident] = index
        ref = element.get("data-ref")
        if ref and ident and ident not in self._seen_mentions:
            self._seen_mentions.add(ident)
            self.mentions.append(Mention(ident, ref, index, in_note))

    def _line(self, index: int, line: Any, in_note: bool) -> Line:
        texts: list[str] = []
        calls: list[str] = []
        state = {"right": line.position_x, "first_is_call": None, "last_class": ""}
        self._walk(index, line, texts, calls, state, in_note)
        text = "".join(texts)
        stripped = text.rstrip()
        hyphenated = stripped.endswith(HYPHENATE_CHARACTER)
        # a line broken after a hyphen or dash of the text inside a word ("craft-", "class—")
        # ends in the middle of a word as the HTML counts words
        last = stripped.split()[-1] if stripped.split() else ""
        runs_on = hyphenated or (len(last) > 1 and last[-1] in _WORD_BREAKS and last[-2].isalnum())
        only_calls = bool(calls) and all(ch in _CALL_COMPANIONS for ch in text)
        block, block_line, last_word = self._count(line, text, runs_on)
        return Line(line.position_y, line.position_y + line.height, text, hyphenated,
                    max(0.0, state["right"] - (line.position_x + line.width)), tuple(calls),
                    bool(state["first_is_call"]), only_calls, block, block_line, last_word,
                    hyphenated and "persname" in state["last_class"].split(), runs_on)

    def _count(self, line: Any, text: str, runs_on: bool) -> tuple[str | None, int, int]:
        """The line's block, its place among the block's lines, the index of its last word."""
        element = line.element
        key = element.get(BLOCK_KEY) if element is not None else None
        if key is None:
            return None, 0, -1
        count = self._blocks.setdefault(key, _BlockCount())
        tokens = text.split()
        new_words = len(tokens) - (1 if count.running and tokens else 0)
        count.words += max(new_words, 0)
        place = count.lines
        count.lines += 1
        count.running = runs_on
        return key, place, count.words - 1

    def _walk(self, index: int, box: Any, texts: list[str], calls: list[str], state: dict, in_note: bool) -> None:
        b = self.boxes
        for child in getattr(box, "children", None) or ():
            tag = child.element_tag or ""
            if tag.endswith("::footnote-call"):
                ident = child.element.get("id") if child.element is not None else None
                if child.element is not None and "fn-continued" in (child.element.get("class") or "").split():
                    continue             # a continued note has no call (its box is empty)
                if state["first_is_call"] is None:
                    state["first_is_call"] = True
                if ident:
                    calls.append(ident)
                    self.call_page.setdefault(ident, index)
                state["right"] = max(state["right"], child.position_x + child.margin_width())
                continue
            if tag.endswith(_PSEUDO):
                continue
            self._anchor(index, child, in_note)
            if isinstance(child, b.TextBox):
                if child.text.strip() and state["first_is_call"] is None:
                    state["first_is_call"] = False
                texts.append(child.text)
                state["right"] = max(state["right"], child.position_x + child.margin_width())
                element = child.element
                state["last_class"] = (element.get("class") or "") if element is not None else ""
            elif not isinstance(child, b.LineBox):
                self._walk(index, child, texts, calls, state, in_note)


__all__ = ["FootBox", "HYPHENATE_CHARACTER", "LayoutFacts", "Line", "Mention", "PageFacts", "read_layout"]
