"""Text between quotation marks becomes quote, q or soCalled; the marks go to @rend.

The pass reads every element of the text that holds running text of its own (a paragraph, a
heading, a list item, a note, a block quotation with no paragraphs), never entering a citation
(`bibl`) or a title, whose marks belong to the citations pass. The marks of its own text (notes
left out, so a quotation may run across a note's call; emphasis kept, so it may hold one) are
paired by `quotation_marks.analyse`, which also tells apostrophes from single marks. Each pair
becomes an element in the place of its text:

- `quote` when the quotation gives its source: a note call inside it at its end or after it in the
  same sentence, a citation or a reference in parentheses right after it, or a verb of writing
  next to it ('Trotsky writes: …', '…, notes Trotsky');
- `q` for speech (a verb of saying next to it) and for words quoted without a source;
- `soCalled` for scare quotes: a word or two, no source, no verb, not a sentence.

The marks are dropped and `@rend` records which the source printed (data/quotation_marks.tsv:
double, single, guillemets, low-double…); the print edition sets marks back in its own style. A
block quotation printed between marks keeps its marks in its own `@rend`. Marks that pair with no
other stay in the text, each reported with its line; so does every apostrophe at a word's edge.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from lxml import etree

from ..passes import Context, Declaration, Section, TreePass
from ..report import Entry, StageReport
from ..tei.elements import el, within
from ..tei.lines import LINES, line_at, replaced
from ..tei.namespaces import local_name, tei
from ..tei.text import raw_text
from .inline import WrapsFromTheEnd, text_blocks, text_length, wrap
from .quotation_marks import HABIT_MARKS, MASK, Habit, Mark, Marks, Pair, adopt, analyse, run_over

# Elements whose text the pass never reads: a citation's marks are the citation's, a title's the
# title's; an elision's mark is no text of the author's.
OPAQUE = {"bibl", "title", "gap", "ref", "biblStruct", "code", "formula"}   # code, formula: verbatim, not prose
# Elements that hold running text of their own (a note or a block quotation holding paragraphs
# does not: its paragraphs do).
UNITS = {"p", "head", "item", "quote", "note", "ab", "titlePart", "l", "cell"}
_BLOCK_UNITS = UNITS - {"note"}       # a unit's child that holds text of its own, not the unit's
BLOCK_PARENTS = {"div", "body", "front", "back", "cit", "epigraph"}
SENTENCE_END = re.compile(r"[.!?…]['’”»\"]*(?=\s|$|" + MASK + ")")
PARENTHESIS = re.compile(r"\s*[,.;:]?\s*\(((?:[^()]|\([^()]*\)){2,200})\)")
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
ENDS_A_SENTENCE = re.compile(r"[.!?…]\W*$")
LEAD_IN = re.compile(r":\s*$")                     # 'matter of fact: '
DIGIT = re.compile(r"\d")
SPACES_AND_STOPS = re.compile(r"[\s.,;:]*")
CLAUSE_STOP = re.compile(r"[.!?;:]")
SENTENCE_STOP = re.compile(r"[.!?]\s")
# What the pass records where it leaves quotation marks as text (the header reads them).
KEPT_UNPAIRED = "quotation mark left unpaired, kept as text"
KEPT_CROSSING = "quotation marks kept as text: the quotation crosses the edge of an element it does not enclose"
KEPT_IN_CITATIONS = "quotation marks kept as text inside citations and titles"
MARKS_KEPT = frozenset({KEPT_UNPAIRED, KEPT_CROSSING, KEPT_IN_CITATIONS})
# How the TEI keeps the marks of the quotations this pass encodes (declared in editorialDecl).
MARKS_POLICY = ("Quotation marks that pair are not kept in the text: each quotation is encoded as quote, q or "
                "soCalled (a block quotation printed between marks as quote), and its @rend names the marks "
                "the source printed (double, single, low-double, low-single, guillemets, reversed-guillemets; "
                "'straight' for typewriter marks). Marks that pair with no other, and marks inside citations "
                "and titles, are kept as text. Apostrophes are always kept.")
SO_CALLED_WORDS = 2          # scare quotes are a word or two
SOURCE_WORDS = 6             # a call this many words after a quotation, in its sentence, is its source


class Kind(StrEnum):
    QUOTE = "quote"
    Q = "q"
    SO_CALLED = "soCalled"


@dataclass
class Unit:
    """An element's own text as the pass reads it: masked where it must not look, with the
    places (offsets) where its notes stand."""

    element: etree._Element
    text: str
    notes: list[int] = field(default_factory=list)               # where its reference notes stand
    citations: list[tuple[int, int]] = field(default_factory=list)   # masked citations (bibl)

    @classmethod
    def of(cls, e: etree._Element) -> "Unit":
        parts: list[str] = []
        unit = cls(e, "")
        length = 0                  # of the parts so far: where the next one begins

        def walk(x: etree._Element) -> None:
            nonlocal length
            if x.text:
                parts.append(x.text)
                length += len(x.text)
            for child in x:
                name = local_name(child)
                if not name:
                    pass
                elif name == "note":
                    if child.get("type") != "author":      # the author's own note is no source
                        unit.notes.append(length)
                elif name in OPAQUE:
                    masked = text_length(child)
                    parts.append(MASK * masked)
                    if name == "bibl":
                        unit.citations.append((length, length + masked))
                    length += masked
                else:
                    walk(child)
                if child.tail:
                    parts.append(child.tail)
                    length += len(child.tail)

        walk(e)
        unit.text = "".join(parts)
        return unit


class InlineQuotations(TreePass):
    """Quotations between marks → quote, q, soCalled (see the module's docstring)."""

    name = "inline-quotations"
    after = {"citations": "marks around a title inside a citation belong to the citation, which this pass "
                          "never enters",
             "emphasis": "emphasis marks are gone, so that a quotation may hold its emphasis",
             "elisions": "an elision mark is a gap the quotation may hold, not text"}
    declaration = Declaration(Section.QUOTATION,
                              "Quotations were found by pairing their marks (double and single, straight and "
                              "curly, guillemets, German low marks), nested as the marks nest and across notes "
                              "and emphasis; apostrophes were told from single marks by the pairing, the text's "
                              "own use of marks and the shapes of words (plural possessives, elisions). Each "
                              "became quote (with its source), q (speech, or words quoted without a source) or "
                              "soCalled (scare quotes around a word or two); marks left unpaired were kept as "
                              "text.")

    def declare(self, recorded: list[Entry]) -> Declaration:
        """The declaration, with how the TEI keeps the marks: @marks 'some' where marks were left
        as text (unpaired, or inside citations and titles), 'none' where every mark went."""
        kept = any(e.action in MARKS_KEPT for e in recorded)
        return Declaration(Section.QUOTATION, f"{self.declaration.text} {MARKS_POLICY}",
                           (("marks", "some" if kept else "none"),))

    def apply(self, tree: etree._ElementTree, context: Context) -> None:
        opaque: dict[etree._Element, bool] = {}
        elements = [e for e in list(text_blocks(tree)) if _holds_running_text(e, opaque)]
        verbs = _reporting_verbs(context)
        # Each unit's text is read where the pass comes to it, and let go after it, not held for the
        # whole text (2 MB per MB of text); those an earlier unit's quotations may change are read
        # now, as they were before any quotation was placed.
        early = _read_early(elements)
        # (the lexicon the hyphenation passes asked before; where no pass did, as after a markup
        # reader, it is counted from a decoded copy of the text: not `reads_source`, which would
        # keep the text whole through the tree passes of every source)
        habit = Habit.of(_texts_for_habit(elements, early), context.evidence.lexicon.words, verbs)
        kept_in_citations = _marks_in_citations(tree, elements)
        # paragraphs next to each other, in the same element (read before the tree changes)
        adjacent = [elements[k + 1] is e.getnext() for k, e in enumerate(elements[:-1])]
        following: tuple[Unit, Marks] | None = None
        kinds: dict[int, Kind] = {}           # of this unit's pairs that continue the previous unit's
        for k, e in enumerate(elements):
            unit, found = following or _analysed(early.get(k) or Unit.of(e), habit)
            following, next_kinds = None, {}
            if k + 1 < len(elements):
                # the next unit is read before this one's quotations change the tree
                following = _analysed(early.get(k + 1) or Unit.of(elements[k + 1]), habit)
                if adjacent[k]:
                    _quotation_over_paragraphs(unit, found, *following, verbs, next_kinds)
            _quotations(unit, found, verbs, context.report, kinds)
            # (by the pair's id: only while its unit's pairs live, so that no id is read again)
            kinds = next_kinds
        if kept_in_citations:
            context.report.info(KEPT_IN_CITATIONS, None, f"{kept_in_citations} marks")


def _texts_for_habit(elements: list[etree._Element], early: dict[int, "Unit"]) -> Iterator[str]:
    """The units' texts that may hold a single mark the text's habit is learnt from: a unit none of
    whose characters (its notes and citations too, read by lxml in C) is one adds nothing to it, and
    is not read for it (two units in three)."""
    for k, e in enumerate(elements):
        if k in early:
            yield early[k].text
        elif any(mark in etree.tostring(e, method="text", encoding=str, with_tail=False) for mark in HABIT_MARKS):
            yield Unit.of(e).text


def _analysed(unit: "Unit", habit: Habit) -> tuple["Unit", Marks]:
    return unit, analyse(unit.text, habit)


# --------------------------------------------------------------------------- units


def _holds_running_text(e: etree._Element, opaque: dict[etree._Element, bool]) -> bool:
    name = local_name(e)
    if name not in UNITS or within(e.getparent(), OPAQUE, opaque):
        return False
    if not any(local_name(c) in _BLOCK_UNITS for c in e):
        return True
    own = (e.text or "") + "".join(c.tail or "" for c in e)
    return bool(own.strip())


def _read_early(elements: list[etree._Element]) -> dict[int, Unit]:
    """The units (by their place in `elements`) whose text lies in the own text of an earlier unit
    (a paragraph inside a block quotation that has text of its own): that unit's quotations may
    change it, so it is read before any is placed. A note's text is no part of the text around it."""
    units = set(elements)
    early: dict[int, Unit] = {}
    for k, e in enumerate(elements):
        if local_name(e) == "note":
            continue
        for a in e.iterancestors(*_UNIT_TAGS):    # (no other ancestor is a unit or a note)
            if a in units:
                early[k] = Unit.of(e)
                break
            if local_name(a) == "note":
                break
    return early


def _quotation_over_paragraphs(here: Unit, mine_found: Marks, there: Unit, next_found: Marks,
                               verbs: dict[str, str], kinds: dict[int, Kind]) -> None:
    """A quotation that runs on from a paragraph into the next one (see run_over); the part in
    the next paragraph is of the kind its beginning is (by the pair's id)."""
    mine, next_one = run_over(here.text, mine_found, there.text, next_found)
    if mine is not None:
        adopt(mine_found, mine)
    if mine is not None and next_one is not None:
        adopt(next_found, next_one)
        kinds[id(next_one)] = _kind(here, mine, verbs, (0, len(here.text)))


# The opaque elements as tags lxml's iter() finds in C, in any namespace ("{*}bibl"): the same
# elements as asking local_name() of every descendant, without visiting the others in Python.
_OPAQUE_TAGS = tuple(f"{{*}}{name}" for name in sorted(OPAQUE))
_UNIT_TAGS = tuple(f"{{*}}{name}" for name in sorted(UNITS))
OPENING_MARKS = "“„«»‘‚‹›"


def _marks_in_citations(tree: etree._ElementTree, elements: list[etree._Element]) -> int:
    """Opening marks left inside citations and titles (the header says some marks are kept), as
    many times as there are units holding them: each opaque element's text is counted once, mark
    by mark with str.count (the marks are single, distinct characters), and not again for every
    unit above it. The pass never changes the text of an opaque element, nor which units hold it."""
    text_element = tree.getroot().find(tei("text"))
    if not elements or text_element is None:
        return 0
    units = set(elements)
    total = 0
    for c in text_element.iter(*_OPAQUE_TAGS):
        text = raw_text(c)
        marks = sum(text.count(mark) for mark in OPENING_MARKS)
        if marks:
            total += marks * sum(1 for a in c.iterancestors() if a in units)
    return total


def _reporting_verbs(context: Context) -> dict[str, str]:
    verbs: dict[str, str] = {}
    for kind, forms in context.data.table("reporting_verbs.tsv"):
        for form in forms.split():
            verbs.setdefault(form, kind)
    return verbs


# --------------------------------------------------------------------------- one unit


def _quotations(unit: Unit, found, verbs: dict[str, str], report: StageReport, kinds: dict[int, Kind]) -> None:
    e, text = unit.element, unit.text
    for m in found.unpaired:
        report.doubt(KEPT_UNPAIRED, line_at(e, m.start), _around(text, m))
    for m in found.apostrophes:
        report.recognise("apostrophe at a word's edge, not a quotation mark", line_at(e, m.start), _around(text, m))
    if not found.pairs:
        return
    whole = _whole_block(unit, found.pairs)
    if whole is not None:
        _drop_block_marks(unit, whole, report)
        pairs = whole.children
    else:
        pairs = found.pairs
    # Placed last first: a wrap leaves every offset of the unit where it was, and each then walks
    # only the children the element had before it, not every quotation placed to its left (a
    # paragraph of thousands, a text on one line, made that quadratic). What is reported and
    # placed keeps the order of the text.
    placings: list[tuple[_Reported, list[tuple[etree._Element, Pair]]]] = []
    wraps = WrapsFromTheEnd.of(e)
    for pair in reversed(pairs):
        kind = kinds.get(id(pair)) or _kind(unit, pair, verbs, (0, len(unit.text)))
        reported, placed_here = _Reported(), []
        _place(unit, pair, kind, e, 0, verbs, reported, placed_here, wraps)
        placings.append((reported, placed_here))
    if wraps is not None:
        wraps.flush()
    placed: list[tuple[etree._Element, Pair]] = []
    for reported, placed_here in reversed(placings):
        reported.to(report)
        placed += placed_here
    # the marks go last: until every quotation is in place, offsets count them
    for new, pair in placed:
        own = text_length(new)
        _delete(new, own - (pair.end - pair.inner_end), own)
        _delete(new, 0, pair.inner_start - pair.start)


class _Reported:
    """What _place reports of one quotation (its doubts and recognitions), held to be reported in
    the order of the text."""

    def __init__(self) -> None:
        self._calls: list[tuple[str, tuple]] = []

    def doubt(self, *entry) -> None:
        self._calls.append(("doubt", entry))

    def recognise(self, *entry) -> None:
        self._calls.append(("recognise", entry))

    def to(self, report: StageReport) -> None:
        for kind, entry in self._calls:
            getattr(report, kind)(*entry)


def _around(text: str, m: Mark) -> str:
    return " ".join(text[max(0, m.start - 25):m.end + 25].replace(MASK, "…").split())


def _place(unit: Unit, pair: Pair, kind: Kind, container: etree._Element, base: int, verbs: dict[str, str],
           report: StageReport | _Reported, placed: list[tuple[etree._Element, Pair]],
           wraps: WrapsFromTheEnd | None = None) -> None:
    """Wrap the pair's text, marks included, in its element inside `container` (whose own text
    begins at offset `base` of the unit's; `wraps` wraps in the unit's element), then its nested
    pairs inside that element."""
    text = unit.text
    line = line_at(unit.element, pair.start)
    new = el(kind.value, {"rend": pair.rend})
    if not _wrap_deep(container, pair.start - base, pair.end - base, new, wraps):
        report.doubt(KEPT_CROSSING, line, _excerpt(pair.inner(text)))
        for child in pair.children:       # the quotations inside it may still be placed
            _place(unit, child, _kind(unit, child, verbs, (pair.inner_start, pair.inner_end)), container, base,
                   verbs, report, placed, wraps)
        return
    report.recognise(f"quotation found: {kind.value} ({pair.rend} marks)", line, _excerpt(pair.inner(text)))
    placed.append((new, pair))
    for child in pair.children:
        child_kind = _kind(unit, child, verbs, (pair.inner_start, pair.inner_end))
        if kind is Kind.SO_CALLED and child_kind is Kind.QUOTE:
            child_kind = Kind.Q           # soCalled holds phrases only
        _place(unit, child, child_kind, new, pair.start, verbs, report, placed)


def _excerpt(text: str) -> str:
    flat = " ".join(text.replace(MASK, "…").split())
    return flat if len(flat) <= 120 else flat[:117] + "…"


# --------------------------------------------------------------------------- what a quotation is


def _kind(unit: Unit, pair: Pair, verbs: dict[str, str], within: tuple[int, int]) -> Kind:
    """What the quotation is, read from the text around it `within` the quotation that holds it
    (the whole unit for an outermost one)."""
    text = unit.text
    inner = pair.inner(text).replace(MASK, " ")
    words = WORD.findall(inner)
    sentence = bool(ENDS_A_SENTENCE.search(inner.strip()))
    short = len(words) <= SO_CALLED_WORDS and not sentence and not pair.children
    # a word or two take a source or a verb only from right beside them ('functionary' as
    # Trotsky says); a longer quotation from anywhere in the end of its sentence
    if _gives_source(unit, pair, within[1], 0 if short else SOURCE_WORDS):
        return Kind.QUOTE
    verb = _verb_after(text, pair.end, within[1], verbs, 3 if short else 4) \
        or (None if short else _verb_before(text, within[0], pair.start, verbs))
    if verb == "writing":
        return Kind.QUOTE
    if verb == "speech":
        return Kind.Q
    if short:
        return Kind.SO_CALLED
    if sentence and inner.lstrip()[:1].isupper() and LEAD_IN.search(text[within[0]:pair.start]):
        return Kind.QUOTE                 # 'matter of fact: "Needless to say, …"': a passage cited
    return Kind.Q


def _gives_source(unit: Unit, pair: Pair, limit: int, words_between: int) -> bool:
    """A note call at the quotation's end or after it in its sentence with at most
    `words_between` words between them, a citation or a reference in parentheses right after it
    (not past `limit`, the end of the quotation that holds it). The text is read up to `limit`
    by the patterns' end position, not copied up to it."""
    text = unit.text
    end = _sentence_end(text, pair, limit)
    for n in unit.notes:
        if pair.inner_end <= n <= end and len(WORD.findall(text, pair.end, n)) <= words_between:
            return True
    if any(pair.end <= s <= end and len(WORD.findall(text, pair.end, s)) <= words_between
           for s, _ in unit.citations):
        return True
    m = PARENTHESIS.match(text, min(pair.end, limit), limit)
    return bool(m and (DIGIT.search(m.group(1)) or m.group(1)[:1].isupper()))


def _sentence_end(text: str, pair: Pair, limit: int) -> int:
    """Where the sentence that holds the quotation ends (with the spaces after it: a call stands
    there), or where it ends inside the marks; text[:limit] read as the whole text (a pattern's
    start is kept to it: one past the end would find nothing, where the cut text finds its end)."""
    if ENDS_A_SENTENCE.search(text[pair.inner_start:min(pair.inner_end, limit)].rstrip()):
        m = SPACES_AND_STOPS.match(text, min(pair.end, limit), limit)
        return m.end() if m else pair.end
    m = SENTENCE_END.search(text, min(pair.end, limit), limit)
    end = m.end() if m else limit
    while end < limit and text[end].isspace():
        end += 1
    return end


def _verb_after(text: str, end: int, limit: int, verbs: dict[str, str], words: int) -> str | None:
    """', he writes,' / ' notes Trotsky' / ' Cliff reports': a verb among the next few words (not
    past `limit`)."""
    window = CLAUSE_STOP.split(text[end:min(end + 60, limit)], maxsplit=1)[0]
    for word in WORD.findall(window)[:words]:
        kind = verbs.get(word.lower())
        if kind is not None:
            return "writing" if kind == "writing-after" else kind
    return None


def _verb_before(text: str, begin: int, start: int, verbs: dict[str, str]) -> str | None:
    """'Trotsky writes:' / 'he said that': the nearest verb among the last few words before it."""
    head = text[max(begin, start - 120):start]
    head = SENTENCE_STOP.split(head)[-1]
    for word in reversed(WORD.findall(head)[-8:]):
        kind = verbs.get(word.lower())
        if kind is not None and kind != "writing-after":
            return kind
    return None


# --------------------------------------------------------------------------- block quotations


def _block_quote_of(e: etree._Element) -> etree._Element | None:
    """The block quotation `e` is (or is a paragraph of)."""
    if local_name(e) == "quote" and local_name(e.getparent()) in BLOCK_PARENTS:
        return e
    parent = e.getparent()
    if local_name(e) == "p" and parent is not None and local_name(parent) == "quote" \
            and local_name(parent.getparent()) in BLOCK_PARENTS:
        return parent
    return None


def _whole_block(unit: Unit, pairs: list[Pair]) -> Pair | None:
    """A block quotation whose whole text the source printed between marks."""
    if len(pairs) != 1 or _block_quote_of(unit.element) is None:
        return None
    text = unit.text
    first = len(text) - len(text.lstrip())
    last = len(text.rstrip())
    pair = pairs[0]
    return pair if pair.start == first and pair.end == last else None


def _drop_block_marks(unit: Unit, pair: Pair, report: StageReport) -> None:
    quote = _block_quote_of(unit.element)
    assert quote is not None
    quote.set("rend", pair.rend)
    report.recognise(f"block quotation printed between marks: marks dropped ({pair.rend})",
                     line_at(unit.element, pair.start), _excerpt(pair.inner(unit.text)))
    _delete(unit.element, pair.inner_end, pair.end)
    _delete(unit.element, pair.start, pair.inner_start)
    shift = pair.inner_start - pair.start
    for child in pair.children:
        _shift(child, -shift)
    # the unit's own text changed: children's offsets now count from the new text
    unit.text = unit.text[:pair.start] + pair.inner(unit.text) + unit.text[pair.end:]
    unit.notes = [n - shift if n > pair.start else n for n in unit.notes]
    unit.citations = [(s - shift, t - shift) for s, t in unit.citations]


def _shift(pair: Pair, by: int) -> None:
    for m in (pair.opening, pair.closing):
        m.start += by
        m.end += by
        m.opening_end += by
        m.closing_start += by
    for child in pair.children:
        _shift(child, by)


# --------------------------------------------------------------------------- the tree


def _wrap_deep(e: etree._Element, start: int, end: int, new: etree._Element,
               wraps: WrapsFromTheEnd | None = None) -> bool:
    """wrap() the span in the deepest element whose own text holds it: `e`, or a child of e
    (emphasis) when the span lies inside it, marks and all (*“…”* is an emphasised quotation).
    In the element `wraps` holds, it reads and wraps."""
    if wraps is not None and e is wraps.element:
        child, offset = wraps.child_holding(start, end, OPAQUE)
    else:
        child, offset = _child_holding(e, start, end)
    if child is not None:
        return _wrap_deep(child, start - offset, end - offset, new)
    return wraps.wrap(start, end, new) if wraps is not None and e is wraps.element else wrap(e, start, end, new)


def _child_holding(e: etree._Element, start: int, end: int) -> tuple[etree._Element | None, int]:
    """The child of e (not a note, nothing opaque) whose own text holds e's own text[start:end],
    and where that child's text begins."""
    offset = len(e.text or "")
    for child in e:
        if offset > start:
            break       # (this child and those after it begin after the span does)
        if not isinstance(child.tag, str) or local_name(child) == "note":
            offset += len(child.tail or "")
            continue
        length = text_length(child)
        if offset <= start and end <= offset + length and local_name(child) not in OPAQUE:
            return child, offset
        offset += length + len(child.tail or "")
    return None, 0


def _text_nodes(e: etree._Element):
    """e's own text nodes in order: (element whose own text holds it, is_tail owner or None, text)."""
    yield e, None, e.text or ""
    for child in e:
        if isinstance(child.tag, str) and local_name(child) != "note":
            yield from _text_nodes(child)
        yield e, child, child.tail or ""


def _delete(owner: etree._Element, start: int, end: int) -> None:
    """Remove owner's own text[start:end] (which lies in one text node), moving the source-line
    anchors of every element whose own text holds it."""
    if end <= start:
        return
    pos = 0
    for holder, tail_of, text in _text_nodes(owner):
        if pos <= start and end <= pos + len(text) and text:
            cut_start, cut_end = start - pos, end - pos
            offsets = _holders(holder, owner, start)
            new = text[:cut_start] + text[cut_end:]
            if tail_of is None:
                holder.text = new or None
            else:
                tail_of.tail = new or None
            for a, o in offsets:
                replaced(a, o, o + end - start, 0)   # the anchors after the deleted text move back
            return
        pos += len(text)


def _holders(holder: etree._Element, owner: etree._Element, start: int) -> list[tuple[etree._Element, int]]:
    """The elements whose own text includes a node of `holder`, with where owner's own offset
    `start` lies in each one's own text: holder up to owner, and above owner those that carry
    source lines past their start (a note's own text ends at the note). An offset is counted
    upwards, by where each element's text begins in its parent's, not by walking the ancestor's
    text from its start for every mark deleted."""
    path = [holder]                       # holder up to owner
    while path[-1] is not owner:
        path.append(path[-1].getparent())
    inside: list[tuple[etree._Element, int]] = []
    begins = 0                            # where path[k]'s own text begins in owner's
    for x in reversed(path[:-1]):
        begins += _begins_in_parent(x)
        if x is holder or _lines_past_start(x):
            inside.append((x, start - begins))
    found = [*reversed(inside), (owner, start)]
    above: list[etree._Element] = []
    for a in owner.iterancestors():
        if local_name(above[-1] if above else owner) == "note":
            break
        above.append(a)
    wanted = [k for k, a in enumerate(above) if _lines_past_start(a)]
    offset, child = start, owner
    for k, a in enumerate(above[:wanted[-1] + 1] if wanted else []):
        offset += _begins_in_parent(child)
        child = a
        if k in wanted:
            found.append((a, offset))
    return found


def _begins_in_parent(e: etree._Element) -> int:
    """Where e's own text begins in its parent's own text."""
    parent = e.getparent()
    offset = len(parent.text or "")
    for sibling in parent:
        if sibling is e:
            return offset
        if isinstance(sibling.tag, str) and local_name(sibling) != "note":
            offset += text_length(sibling)
        if sibling.tail:
            offset += len(sibling.tail)
    raise ValueError("e is not a child of its parent")


def _lines_past_start(e: etree._Element) -> bool:
    """Does e carry a source line past the start of its own text: more than one anchor, or a
    first anchor after offset 0? (The same answer as reading anchors_of(e) whole, which parses
    every anchor of the element: only the first one, and whether there is a second, are read.)"""
    value = e.get(LINES)
    if not value:
        return False
    pairs = value.split(maxsplit=1)
    return len(pairs) > 1 or (bool(pairs) and int(pairs[0].split(":")[0]) > 0)


__all__ = ["InlineQuotations", "Kind", "MARKS_KEPT", "Unit"]
