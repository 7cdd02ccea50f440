"""The layout report: what the print could not do as it should, listed by page, after rendering.

Recorded in the conversion report under stage "pdf" (each entry with the source line of the note
concerned where the TEI carries it, the page as printed in the detail):

- warning "footnote not on the page of its call": a footnote whose text begins on another page;
- info "note continued overleaf": a long note split by the footnote policy (html/footnotes.py),
  with the pages of its parts;
- warning "page short because of a note": a page (not the last of its chapter) with room for more
  than two whole lines of text above its footnotes;
- info "page short before a heading": such a page whose next page opens with a heading that, with
  its space and the two lines it keeps, would not have fitted even without the notes;
- warning "overfull line": a line whose content runs beyond the measure;
- info "foot unlike the facing page": a spread whose two pages end more than a line apart (the
  last page of a chapter excepted);
- the statistics `stats["pdf"]`: pages, footnotes, notes split, lines holding only note calls or
  opening with one, hyphenated lines and the counts of the hyphenation rules (writers/hyphenation.py).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lxml import etree

from ..report import Report
from ..tei.lines import line_at
from ..tei.namespaces import XML_ID, tei
from .book import Book, Placement
from .html.footnotes import note_of_part
from .layout import PageFacts

OVERFULL_PX = 1.0          # a line running over by less is not seen
SHORT_LINES = 2            # a page may stop this many lines of text above its notes
KEPT_LINES = 2             # the lines of text a heading keeps with it (print.css: orphans)


def lines_short(page: PageFacts, grid: float) -> int:
    """How many more lines of text the page had room for above its notes. A page's foot is not on
    the text's grid (the notes are set smaller), so part of a line's height is always left over:
    only whole lines count."""
    return int((page.room + 0.5) // grid)


def before_heading(page: PageFacts, following: PageFacts, grid: float) -> bool:
    """The page stops short because the next page opens with a heading that, with its space above
    it and the lines it keeps with it, needs more than the page's room and all its notes' room:
    without the notes it would not have been set here either, so a note is not the cause."""
    if following.heading_space is None or not following.lines:
        return False
    heading = following.lines[0].block
    own = sum(1 for ln in following.lines if ln.block == heading)
    kept = following.lines[min(len(following.lines), own + KEPT_LINES) - 1]
    needs = following.heading_space + kept.bottom - following.content_top
    notes = page.content_bottom - page.limit
    return needs > page.room + notes + 0.5


@dataclass(frozen=True)
class LayoutCounts:
    pages: int
    footnotes: int
    away: int
    split: int
    short_pages: int
    overfull: int
    uneven_spreads: int


def _grid(book: Book) -> float:
    heights = Counter(round(ln.bottom - ln.top, 1) for p in book.text.placements
                      for page in p.typeset.facts.pages for ln in page.lines)
    return heights.most_common(1)[0][0] if heights else 18.0


class _Lines:
    """The source line of a footnote, from its document's TEI (a tree just converted carries it),
    else the line of the TEI file."""

    def __init__(self) -> None:
        self._notes: dict[int, dict[str, etree._Element]] = {}

    def of(self, placement: Placement, html_id: str) -> tuple[int | None, str]:
        doc = placement.owner
        if doc is None:
            return None, ""
        notes = self._notes.get(id(doc))
        if notes is None:
            notes = {n.get(XML_ID): n for n in doc.root.iter(tei("note")) if n.get(XML_ID)}
            self._notes[id(doc)] = notes
        prefix = doc.translator.ids.prefix
        ident = note_of_part(html_id)[0]
        note = notes.get(ident[len(prefix):] if prefix and ident.startswith(prefix) else ident)
        if note is None:
            return None, f"note {ident}"
        line = line_at(note)
        n = note.get("n") or ident
        return line, f"note {n}" + (f" (TEI line {note.sourceline})" if line is None and note.sourceline else "")


def layout_report(book: Book, report: Report) -> LayoutCounts:
    stage = report.for_stage("pdf")
    lines = _Lines()
    grid = _grid(book)
    footnotes = away = split = short = short_before_heads = overfull = uneven = lone_calls = opening_calls = 0
    bottoms: dict[int, tuple[float, Placement, bool]] = {}
    for placement in book.placements:
        ts = placement.typeset
        facts = ts.facts
        footnotes += len(facts.call_page)
        for ident, call, text in facts.footnote_away():
            away += 1
            line, what = lines.of(placement, ident)
            stage.warn("footnote not on the page of its call", line,
                       f"{what}: call on p. {placement.label(call)}, text on p. {placement.label(text)}")
        for note, s in sorted(ts.splits.by_note.items()):
            split += 1
            line, what = lines.of(placement, note)
            pages = sorted({placement.label(p) for k in range(len(s.cuts) + 1)
                            for p in facts.text_pages.get(note if k == 0 else f"{note}--{k + 1}", [])}, key=str)
            stage.info("note continued overleaf", line, f"{what}: on pp. {', '.join(pages)}")
        last = len(facts.pages) - 1
        for page in facts.pages:
            where = placement.label(page.index)
            if page.foot and page.index < last and lines_short(page, grid) > SHORT_LINES:
                shortfall = f"{lines_short(page, grid)} lines short ({page.room / grid:.1f} lines of space above its notes)"
                if before_heading(page, facts.pages[page.index + 1], grid):
                    short_before_heads += 1
                    stage.info("page short before a heading", None,
                               f"p. {where}: {shortfall}; the next page's heading and the lines "
                               "kept with it would not fit here even without the notes")
                else:
                    short += 1
                    stage.warn("page short because of a note", None, f"p. {where}: {shortfall}")
            for ln in page.lines:
                lone_calls += ln.only_calls
                opening_calls += ln.starts_with_call
            for ln in page.lines + [x for box in page.foot for x in box.lines]:
                if ln.overfull > OVERFULL_PX:
                    overfull += 1
                    stage.warn("overfull line", None, f"p. {where}: {ln.overfull:.1f}px over: {ln.text.strip()[:60]}")
            if page.lines or page.foot:
                bottom = max(page.text_bottom, page.foot_bottom if page.foot else 0.0)
                bottoms[book.physical(placement, page.index)] = (bottom, placement, page.index == last)
    for index, (bottom, placement, is_last) in sorted(bottoms.items()):
        if index % 2 == 0 or index + 1 not in bottoms:        # a left-hand page has an odd index
            continue
        other, other_placement, other_last = bottoms[index + 1]
        if placement is not other_placement or is_last or other_last or placement.owner is None:
            continue
        if abs(bottom - other) > grid + 0.5:
            uneven += 1
            stage.info("foot unlike the facing page", None,
                       f"pp. {placement.label(index - book.physical(placement, 0))}–"
                       f"{placement.label(index + 1 - book.physical(placement, 0))}: "
                       f"{abs(bottom - other) / grid:.1f} lines apart")
    pages = len(book.pages())
    hy = book.hyphenation()
    stage.stats["pdf"] = {
        "pages": pages, "footnotes": footnotes, "footnotes away from their call": away, "notes split": split,
        "pages short because of a note": short, "pages short before a heading": short_before_heads,
        "overfull lines": overfull, "uneven spreads": uneven,
        "lines of calls alone": lone_calls, "lines opening with a call": opening_calls,
        "lines": hy.lines, "hyphenated lines": hy.hyphenated, "hyphenated share": round(hy.share, 4),
        "broken at the leaf turn": hy.leaf_turns, "ladders of three hyphens": hy.ladders,
        "names broken": hy.names_broken, "renderings": book.typesetter.renderings,
    }
    return LayoutCounts(pages, footnotes, away, split, short, overfull, uneven)


__all__ = ["LayoutCounts", "layout_report"]
