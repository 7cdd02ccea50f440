"""Text extracted from a PDF: the furniture of its pages, and the notes at their feet.

pdftotext ends each page with a form feed, which the reader keeps as the page's first line
(`Line.page`). Two line passes read the pages before the layout joins their lines:

- `PageFurniture`: running heads, running feet and folios are the lines that stand in the first or
  last lines of many pages, the same once their figures are set aside ('Cite as: 569 U. S. ____
  (2013)', 'Page 4 of 15', '12'); they are taken out as artifacts, and a running head made of words
  is the text's running title.
- `PageFootNotes`: the notes at a page's foot: every line under a rule ('——————', even one glued
  to the last line of the text above), or, on a page without a rule, from a line that opens with
  the next note number (after a blank line, its call standing in the text above) to the page's end.
  A line opening with the number after that begins the next note; others continue the note, over
  page ends too. The layout makes them note texts at the place where their page ended.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .. import data
from ..model import Line, SourceLines
from ..passes import Context, Declaration, LinePass, Section
from ..vocabulary import is_terminal

HEAD_ZONE, FOOT_ZONE = 5, 3     # how many lines at a page's top and foot may be furniture
FOLIO_ZONE = 3                  # … and how many of them may hold its folio
MIN_PAGES = 3                   # furniture repeats on at least this many pages…
MIN_SHARE = 0.15                # … and this share of them
NOTE_LABEL = re.compile(r"^\s*(?P<n>\d{1,3}|[*†‡]{1,3})(?:\s+(?P<rest>\S.*)|\s*)$")
FIGURES = re.compile(r"\d+")


@dataclass
class Page:
    n: int
    lines: list[Line]

    @property
    def text_lines(self) -> list[Line]:
        return [ln for ln in self.lines if ln.live and not ln.blank]


def pages_of(lines: SourceLines) -> list[Page]:
    pages: list[Page] = [Page(1, [])]
    for ln in lines.lines:
        if ln.page is not None:
            pages.append(Page(ln.page, []))
        pages[-1].lines.append(ln)
    return [p for p in pages if p.lines]


def _rules() -> dict[str, re.Pattern[str]]:
    return {name: re.compile(rx.pattern, re.I) for name, rx in data.patterns("page_rules.tsv")}


def _shape(text: str) -> str:
    return " ".join(FIGURES.sub("#", text.lower()).split())


class PageFurniture(LinePass):
    """Running heads, running feet and folios: lines repeated at the top or foot of many pages."""

    name = "page-furniture"
    declaration = Declaration(Section.NORMALIZATION,
                              "Running heads, running feet and folios of the PDF's pages (lines repeated at the "
                              "top or foot of many pages, figures aside) were removed as artifacts; each page "
                              "break is kept as a pb.")

    def apply(self, lines: SourceLines, context: Context) -> None:
        pages = pages_of(lines)
        if len(pages) < MIN_PAGES:
            return
        zones = [self._zone(p) for p in pages]
        rules = _rules()
        numbered = _folio_offset(pages, rules["folio"])
        counts = Counter(shape for zone in zones for shape in {_shape(ln.text) for ln in zone})
        enough = max(MIN_PAGES, int(MIN_SHARE * len(pages)))
        repeated = {shape for shape, n in counts.items() if n >= enough and re.search(r"[^\W\d_]", shape)}
        titles: Counter[str] = Counter()
        for page, zone in zip(pages, zones):
            for ln in zone:
                shape = _shape(ln.text)
                folio = bool(rules["page-of"].match(ln.text)) or (
                    rules["folio"].match(ln.text) is not None and _is_folio(ln.text, page.n, numbered))
                if shape in repeated or folio:
                    kind = "folio" if folio or not re.search(r"[^\W\d_]{2}", ln.text) else "running head"
                    if kind == "running head" and page is pages[0] and ln is page.text_lines[0] \
                            and not re.search(r"\d", ln.text):
                        titles[ln.text.strip()] += 1
                        continue   # the title page's first line is the title the running heads repeat
                    ln.removed = f"artifact:{kind}"
                    lines.artifacts.append(ln.text.strip())
                    context.report.repair(f"removed a {kind} of the PDF's pages", ln.no, ln.text.strip())
                    if kind == "running head" and not re.search(r"\d", ln.text) and len(ln.text.split()) >= 2:
                        titles[ln.text.strip()] += 1
        lines.running_title = _running_title(titles, pages[0])

    @staticmethod
    def _zone(page: Page) -> list[Line]:
        text = page.text_lines
        return text[:HEAD_ZONE] + text[max(HEAD_ZONE, len(text) - FOOT_ZONE):]


def _running_title(heads: Counter[str], first: Page) -> str | None:
    """The running head that names the text: the one whose opening words the first page prints (a
    running head that only names a part, 'Opinion of the Court', is not on the title page)."""
    opening = {" ".join(_shape(ln.text).split()[:2]) for ln in first.lines if ln.text.strip()}
    named = [h for h in heads if " ".join(_shape(h).split()[:2]) in opening and len(h.split()) >= 3]
    return max(named, key=lambda h: (heads[h], len(h))) if named else None

def _folio_offset(pages: list[Page], folio: re.Pattern[str]) -> dict[int, set[int]]:
    """How the printed page numbers run against the pages (folio − page), page by page, read off
    the numbers that stand first or last on their page. The numbering may start again (a slip
    opinion's syllabus, then its opinion; a book's front matter, then its text), so each run of
    pages keeps its own offset."""
    offsets: dict[int, set[int]] = {}
    for page in pages:
        text = page.text_lines
        for ln in text[:FOLIO_ZONE] + text[-FOLIO_ZONE:]:   # (a folio may stand under a line of furniture)
            if folio.match(ln.text) and ln.text.strip().strip("-–— ").isdigit():
                offsets.setdefault(page.n, set()).add(int(ln.text.strip().strip("-–— ")) - page.n)
    return offsets


def _is_folio(text: str, page: int, offsets: dict[int, set[int]]) -> bool:
    """A number alone in a page's first or last lines is its folio when it runs with the pages,
    continuing the folio of the page before or after it; a note's number alone on its line, at the
    foot, is not."""
    value = text.strip().strip("-–— ")
    if not value.isdigit():
        return True              # a roman folio (front matter)
    offset = int(value) - page
    return any(offset in offsets.get(near, set()) for near in (page - 1, page + 1))


class PageFootNotes(LinePass):
    """The notes at each page's foot, under a rule or opened by the next note number."""

    name = "page-foot-notes"
    after = {"page-furniture": "a folio under the notes is no note"}
    declaration = Declaration(Section.INTERPRETATION,
                              "Notes at the foot of the PDF's pages (under a rule, or opened by the next note "
                              "number with its call in the text above) were taken out of the running text, "
                              "continued over page ends, and placed at their calls.")

    def apply(self, lines: SourceLines, context: Context) -> None:
        rule = _rules()["rule"]
        state = _Numbering()
        for page in pages_of(lines):
            text = page.text_lines
            start = self._under_rule(text, rule, lines, context)
            if start is None:
                start = self._by_number(page, text, state)
            if start is None and (start := self._number_after(page, text, state, context)) is not None:
                text = page.text_lines      # (the number line moved to the note's first line)
            if start is None and state.unfinished:
                start = self._sequel(page, text)
            if start is None:
                continue
            self._mark(text[start:], state, context)

    @staticmethod
    def _under_rule(text: list[Line], rule: re.Pattern[str], lines: SourceLines, context: Context) -> int | None:
        for k, ln in enumerate(text):
            m = rule.search(ln.text)
            if not m or k < len(text) // 3:
                continue
            lines.artifacts.append(m.group(0).strip())
            context.report.repair("took out the rule over a page's foot notes", ln.no, m.group(0).strip())
            if ln.text[:m.start()].strip():
                ln.text = ln.text[:m.start()].rstrip()    # the rule was glued to the text's last line
                return k + 1
            ln.removed = "artifact:rule"
            return k + 1
        return None

    @staticmethod
    def _by_number(page: Page, text: list[Line], state: "_Numbering") -> int | None:
        """The first line of the page's lower half that opens with the next note number, after a
        blank line, with a call of that number in the text above on the page."""
        for k in range(len(text) // 2, len(text)):
            ln = text[k]
            m = NOTE_LABEL.match(ln.text)
            if not m or not state.expects(m.group("n")) or not _after_blank(page, ln):
                continue
            above = " ".join(t.text for t in text[:k])
            if _called(above, m.group("n")):
                return k
        return None

    @staticmethod
    def _number_after(page: Page, text: list[Line], state: "_Numbering", context: Context) -> int | None:
        """A note whose number pdftotext set after its text ('… in Sandhill.' / '3'): the page's
        last line is a bare number the numbering expects, with its call in the text above; the note
        is the block of lines after the last blank line above it, in the page's lower half. The
        number is moved to the note's first line."""
        if len(text) < 2:
            return None
        last = text[-1]
        m = NOTE_LABEL.match(last.text)
        if not m or m.group("rest") or not m.group("n").isdigit() or not state.expects(m.group("n")):
            return None
        k = len(text) - 2
        while k > len(text) // 2 and not _after_blank(page, text[k]):
            k -= 1
        if k <= len(text) // 2 or not _after_blank(page, text[k]) \
                or not _called(" ".join(t.text for t in text[:k]), m.group("n")):
            return None
        label = m.group("n")
        text[k].text = f"{label} {text[k].text.lstrip()}"
        last.removed = "moved:note-label"
        context.report.repair("moved a page-foot note's number, printed after its text, to its first line",
                              last.no, f"{label} → line {text[k].no}")
        return k

    @staticmethod
    def _sequel(page: Page, text: list[Line]) -> int | None:
        """A note that ran over the page's end goes on at the foot of the next, unlabelled: the
        first line of the lower half that follows a blank line in lower case."""
        for k in range(len(text) // 2, len(text)):
            if _after_blank(page, text[k]) and text[k].text.lstrip()[:1].islower():
                return k
        return None

    @staticmethod
    def _mark(foot: list[Line], state: "_Numbering", context: Context) -> None:
        prev: Line | None = None
        for ln in foot:
            m = NOTE_LABEL.match(ln.text)
            # a number opening a line inside a note's sentence is the note's text ('…in subbasin / 5 and')
            opens = m is not None and state.expects(m.group("n")) and (
                prev is None or is_terminal(prev.text) or not state.current)
            prev = ln
            if opens:
                state.open(m.group("n"))
                ln.note_label = m.group("n")
                ln.text = ln.text[m.start("rest"):] if m.group("rest") else ""
                context.report.recognise(f"found the page-foot note {m.group('n')}", ln.no, ln.text[:60])
            if state.current:
                ln.foot_note = state.current
        if foot and state.current:
            state.unfinished = not is_terminal(foot[-1].text)   # the note goes on at the next page's foot


class _Numbering:
    """The numbers of the foot notes so far: the next one continues them, or starts them again."""

    def __init__(self) -> None:
        self.last: int | None = None
        self.current = 0          # which foot note the lines belong to (counting every note)
        self.unfinished = False   # the last note's last line ends in the middle of a sentence

    def expects(self, label: str) -> bool:
        if not label.isdigit():
            return True
        n = int(label)
        return n == 1 or self.last is not None and n == self.last + 1

    def open(self, label: str) -> None:
        if label.isdigit():
            self.last = int(label)
        self.current += 1


def _after_blank(page: Page, ln: Line) -> bool:
    k = page.lines.index(ln)
    return k > 0 and (page.lines[k - 1].blank or not page.lines[k - 1].live)


def _called(text: str, label: str) -> bool:
    if not label.isdigit():
        return label in text
    # a call is glued to the word or the punctuation it follows ('located.2', 'said,”3', '_____.” 1')
    # (closing marks of every language: ” ’ » and the German “ ‘ «)
    return re.search(rf"(?:(?<=[^\W\d_])|(?<=[.,;:!?”’“‘»«\"')\]])|(?<=[.,;:!?”’“‘»«\"')\]] )){label}(?![\d.,])",
                     text) is not None


__all__ = ["PageFootNotes", "PageFurniture", "pages_of"]
