"""The footnote policy of the print edition: what becomes of each TEI note, and how a note that
does not fit on the page of its call goes on.

- A note with text is a footnote (``<span class="fn">`` floated to the foot of the page by
  ``float: footnote``). Its call and marker print the source's own label (``@n``), not a CSS
  counter: the sources restart numbering per chapter, number author notes apart and sometimes
  print calls out of order. A note whose call the source lacks (``@anchored="false"``) carries a
  dagger (``3†``), an author note (``@type="author"``) an asterisk (``1*``).
- A note inside a note cannot float a second time: it is printed in brackets inside the outer note.
- A note whose text the source lacks (``@type="missing"``, or only ``<gap reason="missing"/>``)
  prints no call: a number that leads nowhere would mislead. The edition says once which notes the
  source lacks, as a sorted compact range ("1–94"): on the first page of the chapter (books) or
  in the imprint (documents set as one run of text).
- Calls are typeset for reading: a call never starts a line (it is joined to the word before it),
  and a call that follows another call at once is set after a separating comma (``12,13``).
- **Long notes** (the rule, decided per note after layout): a note stays whole on the page of its
  call. When it does not fit there, and the page would stop more than two lines short of the text
  block because the call's line had to move on with it, or the note is taller than a page's foot
  can hold, it is split at the end of a line: as many lines as fit stay on the call's page (at
  least two), the rest (at least two lines) opens the next page's notes, without a number, as a
  continued note does in a printed book. A part still too tall is split again the same way. Parts
  end at a line that does not end in a hyphenated word.
- **Short notes moved off their page**: for a note too short to split (under four lines) that
  the layout set on the page after its call, room is made: the last lines of the page, as many
  as the note needs, go on to the next page when they all stand below the call's line; else the
  call's line itself goes on with its note. The paragraph is cut before the first line that goes
  (before the paragraph where only one of its lines would stay behind), the lines before the
  cut are justified to the end, and the rest begins the next page.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from enum import Enum

from typing import TYPE_CHECKING

from lxml import etree

from ...tei.namespaces import XML_ID, local_name, tei
from ...tei.text import text_of
from .words import BLOCK_KEY, is_footnote, split_after_words, split_before_own_word

if TYPE_CHECKING:      # writers/layout.py reads the layout; this module only its records
    from ..layout import FootBox, LayoutFacts, Line, PageFacts

DAGGER = "\u2020"
WORD_JOINER = "\u2060"       # no line break between a word and the call that follows it


class NoteRole(Enum):
    """What a TEI note becomes in print."""

    FOOTNOTE = "footnote"     # floated to the foot of the page of its call
    MISSING = "missing"       # the source lacks its text: no call, one statement per chapter
    INNER = "inner"           # a note inside a note: in brackets within the outer note


def is_missing_note(note: etree._Element) -> bool:
    """A note whose text the source lacks: type="missing", or only a <gap reason="missing"/>."""
    if note.get("type") == "missing":
        return True
    gaps = note.findall(tei("gap"))
    return bool(gaps) and all(g.get("reason") == "missing" for g in gaps) and not text_of(note)


def role_of(note: etree._Element, in_note: bool) -> NoteRole:
    if is_missing_note(note):
        return NoteRole.MISSING
    return NoteRole.INNER if in_note else NoteRole.FOOTNOTE


def note_label(note: etree._Element) -> str:
    """The label the print shows for a note: the source's number, an asterisk for an author's
    note, a dagger for a note placed by the edition."""
    n = (note.get("n") or "").strip() or "*"
    if note.get("type") == "author" and not n.endswith("*"):
        n += "*"
    if note.get("anchored") == "false":
        n += DAGGER
    return n


def plain_label(note: etree._Element) -> str:
    """The note's own number as the source gives it (for the list of notes the source lacks)."""
    return (note.get("n") or "").strip() or "*"


def compress_numbers(labels: list[str]) -> str:
    """'5, 1, 2, 3, 7, 8, x' → '1–3, 5, 7, 8, x': numbers sorted, runs of three or more joined;
    labels that are not numbers follow in their order, each once."""
    numbers = sorted({int(x) for x in labels if x.isdigit()})
    others = list(dict.fromkeys(x for x in labels if not x.isdigit()))
    out: list[str] = []
    run: list[int] = []

    def flush() -> None:
        if len(run) >= 3:
            out.append(f"{run[0]}\u2013{run[-1]}")
        else:
            out.extend(str(x) for x in run)
        run.clear()

    for v in numbers:
        if run and v != run[-1] + 1:
            flush()
        run.append(v)
    flush()
    return ", ".join(out + others)


# --------------------------------------------------------------------------- splitting

@dataclass(frozen=True)
class Split:
    """Where a footnote is cut: after how many of its words each part but the last ends
    (counted from the note's first word: 40, 95 makes three parts)."""

    note: str                      # the footnote's HTML id
    cuts: tuple[int, ...]


@dataclass(frozen=True)
class Carry:
    """A line carried to the next page: where its block is cut (the index of the line's first
    word among the block's own words; 0: before the block) and the note it goes with."""

    word: int
    note: str
    room: float = 0.0          # the room its page should have once the line is carried (px)
    order: int = 0             # when it was decided (those decided later were made on its layout)


@dataclass
class Splits:
    """The decisions of the footnote policy so far for one run of pages: the splits, by footnote
    id, and the lines carried to the next page with their calls (block key → the index of the
    line's first word among the block's own words; 0: the whole block)."""

    by_note: dict[str, Split] = field(default_factory=dict)
    carried: dict[str, Carry] = field(default_factory=dict)
    settled: set[str] = field(default_factory=set)     # notes and blocks decided for good

    def carry(self, block: str, word: int, note: str, room: float = 0.0) -> bool:
        if block in self.carried and self.carried[block].word <= word:
            return False
        self.carried[block] = Carry(word, note, room, 1 + max((c.order for c in self.carried.values()), default=0))
        return True

    def uncarry(self, block: str) -> list[str]:
        """Take back a carry, and those decided after it (the layout they were read on had it)."""
        gone = self.carried.pop(block)
        later = [k for k, c in self.carried.items() if c.order > gone.order]
        for k in later:
            del self.carried[k]
        return [gone.note] + [c for c in later]

    def cuts(self, note: str) -> tuple[int, ...]:
        split = self.by_note.get(note)
        return split.cuts if split else ()

    def set(self, note: str, cuts: tuple[int, ...]) -> bool:
        """Record the cuts of a note (none: it is whole again); False when nothing changes."""
        cuts = tuple(sorted(set(c for c in cuts if c > 0)))
        if self.cuts(note) == cuts:
            return False
        if cuts:
            self.by_note[note] = Split(note, cuts)
        else:
            self.by_note.pop(note, None)
        return True

    def __bool__(self) -> bool:
        return bool(self.by_note or self.carried)

    def __len__(self) -> int:
        return len(self.by_note)


def part_id(note: str, part: int) -> str:
    """The HTML id of part `part` (1-based) of a split footnote: the first keeps the note's id."""
    return note if part == 1 else f"{note}--{part}"


def note_of_part(ident: str) -> tuple[str, int]:
    """(the footnote's id, the part) of a part's id."""
    base, sep, part = ident.rpartition("--")
    return (base, int(part)) if sep and part.isdigit() else (ident, 1)


def apply_splits(root: etree._Element, splits: Splits) -> None:
    """Cut each split footnote of the HTML tree into its parts: the first part keeps the call,
    each continuation follows it at the same place with no call and no marker, and goes to the
    next page's notes when this page has no room for it (footnote-policy: auto)."""
    if not splits:
        return
    if splits.carried:
        apply_carried(root, splits.carried)
    for fn in list(root.iter("span")):
        split = splits.by_note.get(fn.get("id") or "")
        if split is None or "fn" not in (fn.get("class") or "").split():
            continue
        parts = _parts(fn, split.cuts)
        if len(parts) < 2:
            continue
        tail = fn.tail
        parts[0].tail = None
        parts[0].set("class", (parts[0].get("class") or "") + " fn-split")
        for k, part in enumerate(parts[1:], start=2):
            part.set("id", part_id(split.note, k))
            classes = [c for c in (part.get("class") or "").split() if c not in ("after-call", "fn-split")]
            part.set("class", " ".join(classes + ["fn-continued"]))
            part.set("data-part", str(k))
            part.tail = None
        fn.getparent().replace(fn, parts[0])
        anchor = parts[0]
        for part in parts[1:]:
            anchor.addnext(part)
            anchor = part
        anchor.tail = tail


def apply_carried(root: etree._Element, carried: dict[str, Carry]) -> None:
    """Begin a new page at each carried line: before the block (word 0) or by cutting the block
    into a part that ends its page and a part that begins the next."""
    blocks = {e.get(BLOCK_KEY): e for e in root.iter() if isinstance(e.tag, str) and e.get(BLOCK_KEY) in carried}
    for key, carry in carried.items():
        word = carry.word
        block = blocks.get(key)
        if block is None or block.getparent() is None:
            continue
        pieces = split_before_own_word(block, word) if word > 0 else None
        if pieces is None:
            block.set("class", ((block.get("class") or "") + " carried").strip())
            continue
        first, rest = pieces
        first.set("class", ((first.get("class") or "") + " carry-before").strip())
        rest.set("class", ((rest.get("class") or "") + " carried carry-after").strip())
        rest.set(BLOCK_KEY, key + ".2")
        rest.attrib.pop("id", None)
        for e in rest.iter():
            if isinstance(e.tag, str) and e.get("id") and not is_footnote(e):
                e.attrib.pop("id")               # ids stand once, in the first part
        rest.tail, first.tail = block.tail, None
        block.addprevious(first)
        block.addprevious(rest)
        block.getparent().remove(block)


def _parts(fn: etree._Element, cuts: tuple[int, ...]) -> list[etree._Element]:
    parts: list[etree._Element] = []
    rest, done = fn, 0
    for cut in cuts:
        pieces = split_after_words(rest, cut - done)
        if pieces is None:
            break
        first, rest = pieces
        parts.append(first)
        done = cut
    parts.append(rest)
    return parts


@dataclass(frozen=True)
class FootGeometry:
    """What the stylesheet makes of a page's foot, as measured on the layout."""

    grid: float                # the running text's line height
    overhead: float            # from the top of the footnote area to its first note (rule, space)
    gap: float                 # between two notes
    max_height: float          # the tallest a footnote area may grow


MIN_LINES = 2                  # lines of a note on either side of a split


def _word_counts(lines: tuple[Line, ...] | list[Line]) -> list[int]:
    """counts[m]: the words that lines[:m] hold whole (a word broken at a line's end counts
    with the line where it ends)."""
    counts, total, running = [0], 0, False
    for line in lines:
        tokens = line.text.split()
        total += len(tokens) - (1 if running and tokens else 0)
        running = line.runs_on
        counts.append(total - (1 if running else 0))
    return counts


def _fitting_lines(lines: tuple[Line, ...], top: float, budget: float) -> int:
    """How many of a note's lines fit in `budget` px below `top`, ending on a whole word, with
    at least MIN_LINES on either side of the cut (0 when no such cut exists)."""
    m = sum(1 for ln in lines if ln.bottom - top <= budget)
    m = min(m, len(lines) - MIN_LINES)
    while m >= MIN_LINES and lines[m - 1].runs_on:
        m -= 1
    return m if m >= MIN_LINES else 0


def decide_splits(facts: LayoutFacts, splits: Splits, geometry: FootGeometry,
                  last_page_goes_on: bool = False) -> list[str]:
    """Read a run's layout and change its splits where a note did not fit (see the module's
    rule); what was changed, one line each (empty when the layout is as it should be).

    Only the changes on the earliest page that needs one are made: every change moves the text
    after it, so what the layout shows further on is not what the next rendering will set."""
    trial = copy.deepcopy(splits)
    found = _rules(facts, trial, geometry, None)
    if not found:
        return []
    first = min(page for page, _ in found)
    return [change for _, change in _rules(facts, splits, geometry, first)]


def _rules(facts: LayoutFacts, splits: Splits, geometry: FootGeometry, only: int | None) -> list[tuple[int, str]]:
    """Apply the rules (on page `only`, or everywhere); (page, change) for each change made."""
    changes: list[tuple[int, str]] = []
    pages = facts.pages
    where = {box.ident: (page, box) for page in pages for box in page.foot}
    here = (lambda k: True) if only is None else (lambda k: k == only)

    def add(k: int, made: list[str]) -> None:
        changes.extend((k, c) for c in made)

    # A continuation set on the page of the part before it: the cut is not needed any more.
    for k, page in enumerate(pages):
        ids = {box.ident for box in page.foot}
        for ident in sorted(ids):
            note, part = note_of_part(ident)
            if here(k) and part > 1 and part_id(note, part - 1) in ids and note not in splits.settled:
                cuts = splits.cuts(note)
                splits.settled.add(note)        # joined once: a cut made again stays
                if splits.set(note, cuts[:part - 2] + cuts[part - 1:]):
                    add(k, [f"{note}: joined part {part} to the part before it (same page)"])
    for k, change in _stale_carries(facts, splits, geometry, here):
        add(k, [change])
    # A note the layout moved to the next page, its call left behind: the lines that fit in the
    # room left on the call's page stay there, the rest goes on; a short one takes its call's line.
    handled: set[str] = set()          # notes whose call's line a carry of this pass takes along
    for ident, call, text in facts.footnote_away():
        found = where.get(ident)
        if found is None or call >= len(pages) or text != call + 1 or not here(call) or ident in handled:
            continue
        page, box = pages[call], found[1]
        extra = geometry.gap if page.foot else geometry.overhead
        foot_now = (page.content_bottom - page.foot_top) if page.foot_top is not None else 0.0
        budget = min(page.room - extra - 1.0, geometry.max_height - foot_now - extra)
        m = _fitting_lines(box.lines, box.top, budget)
        if m:
            add(call, _cut_part(splits, box, m, "the layout moved it off its call's page"))
        elif note_of_part(ident)[1] == 1:
            # Room is made below the call when enough lines follow it there; else its line goes on.
            made = _make_room(splits, page, box, geometry, ident)
            if not made:
                line = next((ln for ln in page.lines if ident in ln.calls), None)
                made = _carry_call_line(splits, page, ident)
                if made and line is not None:
                    handled.update(line.calls)
            add(call, made)
    for k, page in enumerate(pages):
        if not here(k):
            continue
        # A note taller than the page's foot: the lines that fit stay, the rest goes on.
        for box in page.foot:
            if box.bottom > page.content_bottom + 0.5:
                m = _fitting_lines(box.lines, box.top, page.content_bottom - 0.5 - box.top)
                if m:
                    add(k, _cut_part(splits, box, m, "too tall for the foot of its page"))
        # A page left short because the line of a call had to move on with its note.
        if k + 1 >= len(pages) or page.room <= 2 * geometry.grid + 0.5:
            continue
        moved = _moved_call(pages[k + 1], where)
        if moved is None:
            continue
        j, box = moved
        extra = geometry.gap if page.foot else geometry.overhead
        budget = page.room - j * geometry.grid - extra - 1.0
        foot_now = (page.content_bottom - page.foot_top) if page.foot_top is not None else 0.0
        budget = min(budget, geometry.max_height - foot_now - extra)
        m = _fitting_lines(box.lines, box.top, budget)
        if m:
            add(k, _cut_part(splits, box, m, "its call's line did not fit on the page before"))
    return changes


def _make_room(splits: Splits, page: PageFacts, box: FootBox, geometry: FootGeometry, ident: str) -> list[str]:
    """A note that did not fit below its call: the last lines of the page go on, as many as the
    note needs room for, where they all stand after the call's line (else nothing is done)."""
    need = (box.bottom - box.top) + (geometry.gap if page.foot else geometry.overhead) + 1.0 - page.room
    count = max(1, int(-(-need // geometry.grid)))
    call_at = next((j for j, ln in enumerate(page.lines) if ident in ln.calls), None)
    if call_at is None or len(page.lines) - count <= call_at:
        return []
    first = page.lines[len(page.lines) - count]
    if not first.block:
        return []
    same = [ln for ln in page.lines[:len(page.lines) - count] if ln.block == first.block]
    if not same:
        word = 0
    elif len(same) == 1 and same[0].block_line == 0:
        if page.lines.index(same[0]) <= call_at:
            return []                              # the whole paragraph would take the call along
        word, first = 0, same[0]
    else:
        word = same[-1].last_word_index + (0 if same[-1].runs_on else 1)
    if splits.carry(first.block, word, ident, page.room + page.text_bottom - first.top):
        return [f"{ident}: the last lines of its call's page carried to the next page to make room for it"]
    return []


def _stale_carries(facts: LayoutFacts, splits: Splits, geometry: FootGeometry, here) -> list[tuple[int, str]]:
    """A carried line whose page before has three lines more room than the carry left it (the
    text before it moved down): it goes back (and is carried again if its note then moves off
    its call's page)."""
    changes = []
    pages = facts.pages
    for key, carry in list(splits.carried.items()):
        if key in splits.settled:
            continue
        moved = key + ".2" if carry.word > 0 else key
        for k, page in enumerate(pages):
            lines = [ln for ln in page.lines if ln.block == moved]
            if not lines or lines[0].block_line != 0:
                continue
            if k == 0:
                break
            before = pages[k - 1]
            # The page before should have the room it had, and the carried lines': with three
            # lines more, the text above moved down since and the carry is not needed there.
            need = carry.room + 3 * geometry.grid
            if before.room >= need and here(k - 1) and key in splits.carried:
                splits.uncarry(key)
                changes.append((k - 1, f"{carry.note}: its carried line goes back (the text before it moved down), "
                                       "with the carries decided after it"))
            break
    return changes


def _carry_call_line(splits: Splits, page: PageFacts, ident: str) -> list[str]:
    """Carry the line of the call of `ident` (on `page`) to the next page, with its note."""
    for k, line in enumerate(page.lines):
        if ident not in line.calls or not line.block:
            continue
        same = [ln for ln in page.lines[:k] if ln.block == line.block]
        if not same:
            if line.block_line > 0:
                return []                          # the line opens the page already
            word, top = 0, line.top
        elif len(same) == 1 and same[0].block_line == 0:
            word, top = 0, same[0].top             # one line would stay behind: the whole block goes
        else:
            previous = same[-1]
            word, top = previous.last_word_index + (0 if previous.runs_on else 1), line.top
        if splits.carry(line.block, word, ident, page.room + page.text_bottom - top):
            return [f"{ident}: its call's line carried to the next page with it"]
        return []
    return []


def _moved_call(page: PageFacts, where: dict[str, tuple[PageFacts, FootBox]]) -> tuple[int, FootBox] | None:
    """A note whose call stands in the first lines of `page` with its text on `page`: the lines
    that must move back with it (the call's line, and those widows and orphans hold to it)."""
    for j, line in enumerate(page.lines[:2], start=1):
        for ident in line.calls:
            found = where.get(ident)
            if found is None or found[0] is not page:
                continue
            same = [ln for ln in page.lines if ln.block == line.block] if line.block else [line]
            before = sum(1 for ln in page.lines[:j] if ln.block == line.block)
            after = len(same) - before
            if same and same[0].block_line == 0 and before < 2 and after > 0:
                j += 1                      # orphans: two lines of a paragraph at a page's foot
            if after == 1:
                j += 1                      # widows: never one line of it left overleaf
            return j, found[1]
    return None


def _cut_part(splits: Splits, box: FootBox, m: int, why: str) -> list[str]:
    """Cut the part `box` after its m-th line; what follows the cut joins the next part (it goes
    on at the top of the next page's notes)."""
    note, part = note_of_part(box.ident)
    cuts = splits.cuts(note)
    start = cuts[part - 2] if part > 1 else 0
    end = cuts[part - 1] if part - 1 < len(cuts) else None
    words = _word_counts(box.lines)[m]
    if words <= 0:
        return []
    later = tuple(c for c in cuts if end is not None and c > end)
    new = tuple(c for c in cuts if c <= start) + (start + words,) + later
    if splits.set(note, new):
        return [f"{note}: part {part} cut after {m} lines ({why})"]
    return []


def note_elements(tree: etree._Element) -> dict[str, etree._Element]:
    """The TEI notes by xml:id (the id their footnote carries)."""
    return {n.get(XML_ID): n for n in tree.iter(tei("note")) if n.get(XML_ID)}


def is_note(e: etree._Element) -> bool:
    return local_name(e) == "note"


__all__ = ["DAGGER", "FootGeometry", "NoteRole", "Split", "Splits", "WORD_JOINER", "apply_splits",
           "Carry", "compress_numbers", "decide_splits", "is_missing_note", "note_label", "note_of_part", "part_id",
           "plain_label", "role_of"]
