"""Group source lines into blocks, whatever the source's line convention.

Three conventions are told apart by measuring the lines, not by knowing the source:
- paragraph-per-line: each line is a paragraph (web and ebook exports), blank lines optional;
- wrapped-blank-separated: lines wrapped at ~70 characters, paragraphs separated by blank lines
  (Project Gutenberg and most e-texts);
- wrapped-continuous: lines wrapped, no blank line between paragraphs (PDF exports); a paragraph
  ends where its last line is short, and blank lines are page breaks that may fall mid-sentence.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import product, repeat
from typing import NamedTuple

from ..model import (Block, BlockKind, Document, FrontMatter, Line, LineConvention, NotePlace, NoteText,
                     PageBreak, SourceLines)
from ..parsing.headings import caption_kinds
from ..parsing.paragraph_numbers import is_paragraph_number
from ..passes import Context, Declaration, LinePass, Section
from .. import data
from ..report import StageReport
from ..vocabulary import BULLET_ITEM, CALL_MARK, ENUMERATOR, LETTERED, caps_opening, is_terminal
from .formats import SourceFormat

LONE_CALL = re.compile(CALL_MARK)
# A label that opens a note or an item and the space after it: wrapped lines of a hanging indent
# stand under the text that follows it ('[01] The strength…' / '     symphony undoubtedly…').
HANGING_LABEL = re.compile(r"^\s*(?:\[\w{1,4}\]|\(?\d{1,3}[.)]|[*•])\s+(?=\S)")

__all__ = ["Layout", "measure", "caps_opening", "is_terminal"]


class Layout(LinePass):
    """Lines → blocks, by the line convention measured from the text: makes the block document."""

    name = "layout"
    after = {"contents": "a line that is a contents entry stands on its own",
             "artifact-lines": "dropped lines take no part in the measure"}
    declaration = Declaration(Section.NORMALIZATION,
                              "The line convention was measured from the text (a paragraph on each line, or "
                              "hard-wrapped lines with or without blank lines between paragraphs); "
                              "hard-wrapped lines were unwrapped into paragraphs.")

    from_pdf = False   # see PdfLayout
    source_format = SourceFormat.PLAIN.value    # what the header says the text was converted from

    def apply(self, lines: SourceLines, context: Context) -> None:
        flow = [ln for ln in lines.lines if ln.foot_note is None]
        m = measure(flow)
        context.report.info(f"line convention: {m.convention}", None, f"width {m.width}" if m.width else "")
        if m.convention is LineConvention.PARAGRAPH_PER_LINE:
            blocks = _per_line(flow)
        else:
            blocks = _wrapped(flow, m, context.report, Entries(lines.contents), self.from_pdf)
            joined = [b for b in blocks if b.last_line > b.first_line]
            if joined:
                context.report.repair("unwrapped hard-wrapped lines into paragraphs", joined[0].first_line,
                                      f"{sum(len(b.anchors) for b in joined)} lines into {len(joined)} blocks")
        fields = lines.distributor_fields
        context.document = Document(
            blocks, convention=m.convention, contents=lines.contents, artifacts=list(lines.artifacts),
            front=FrontMatter(title=fields.get("title"), author=fields.get("author")),
            header_credits=[f"{k.capitalize()}: {v}" for k, v in fields.items()],
            source_format=context.document.source_format if context.document else self.source_format)
        if lines.running_title and context.document.front.title is None:
            context.document.front.title = lines.running_title
        _foot_notes(lines.lines, context.document)


class PdfLayout(Layout):
    """The layout of text extracted from a PDF: no blank line sets a heading apart, so a title
    numbered 'A.' or 'IV.', in title case and not a sentence, ends its line's block, and a line of a
    court's caption ('SUPREME COURT OF THE UNITED STATES', 'Syllabus', 'No. 11–889') begins one;
    the width a line is measured against is its own column's (see `local_widths`)."""

    from_pdf = True
    source_format = SourceFormat.PDF_TEXT.value


@dataclass
class Measure:
    convention: LineConvention
    width: int


def measure(lines: list[Line]) -> Measure:
    """Decide the line convention from the lengths of the live, non-blank lines."""
    width = text_width(lines)
    if not width:
        return Measure(LineConvention.PARAGRAPH_PER_LINE, 0)
    runs = _runs(lines)
    # runs (between blank lines) that hold a paragraph's end: in text without blank lines between
    # paragraphs nearly all do; where blank lines separate them, only the runs of verse, tables and
    # lists do (counted by run, not by line: a long table does not outweigh the paragraphs)
    broken = sum(1 for run in runs if any(_ends_paragraph(a.text, b.text, width) for a, b in zip(run, run[1:])))
    multi = sum(1 for run in runs if len(run) > 1)
    if multi and broken / multi > 0.6:
        return Measure(LineConvention.WRAPPED_CONTINUOUS, width)
    return Measure(LineConvention.WRAPPED_BLANK_SEPARATED, width)


def text_width(lines: list[Line]) -> int:
    """The width of the text's hard-wrapped lines, from the lengths of the live, non-blank lines
    (characters): measure(lines).width, 0 where the lines are not hard-wrapped, without telling
    the two wrapped conventions apart (which reads every run of lines)."""
    return width_of([len(ln.text.strip()) for ln in lines if ln.live and not ln.blank])


def width_of(lengths: Sequence[int]) -> int:
    """text_width, from the lengths of the live, non-blank lines in their order."""
    if not lengths:
        return 0
    # share of the text (in characters) that stands in long lines: short lines of tables, lists
    # and headings do not make a web text look hard-wrapped
    long_share = sum(n for n in lengths if n > 120) / max(sum(lengths), 1)
    if long_share > 0.5:
        return 0
    typical = sorted(n for n in lengths if n >= 20) or sorted(lengths)
    return typical[int(len(typical) * 0.9)] if len(typical) > 10 else max(typical)


class EntryShape(NamedTuple):
    """What the contents entries tell of one line's text."""

    entry: bool     # the line is an entry (or a misspelt one, on a line that ends no sentence)
    opens: bool     # the line is an entry or an entry's first words (15 characters or more)
    may_end: bool   # the line could end an entry begun on the line before (see `Entries._may_end`)


# The eight shapes, made once: each distinct line of a text is given one of them, where a shape
# made for each would be as many objects more for the garbage collector to walk.
ENTRY_SHAPES = {flags: EntryShape(*flags) for flags in product((False, True), repeat=3)}


class Entries:
    """The source's contents entries: a line that is (or begins) an entry stands on its own."""

    def __init__(self, contents: list[str]) -> None:
        from ..parsing.contents import matches_entry, norm
        self.norm, self.matches = norm, matches_entry
        self.keys = frozenset(norm(c) for c in contents if norm(c))
        self.prefixes = frozenset(" ".join(k.split()[:n]) for k in self.keys
                                  for n in range(1, len(k.split())) if len(" ".join(k.split()[:n])) >= 15)
        # the last word of each entry: the second line of an entry wrapped in the text ends with one
        self.last_words = frozenset(k.rpartition(" ")[2] for k in self.keys)
        # … and the first: a line that is no entry is a misspelt one only if it begins with one
        # (as `matches_entry` compares it only with the entries that begin with its first word)
        self.first_words = frozenset(k.partition(" ")[0] for k in self.keys)
        # line text → its shape: the layout asks of each line as the line and as the line before
        # the next (a pure function of the text, the entries fixed)
        self._shapes: dict[str, EntryShape] = {}

    def shape(self, line: str) -> EntryShape:
        known = self._shapes.get(line)
        if known is None:
            known = self._shapes[line] = self._shape_of(line)
        return known

    def _shape_of(self, line: str) -> EntryShape:
        key = self.norm(line)
        entry = self._is_entry(line, key)
        return ENTRY_SHAPES[entry, entry or key in self.prefixes, self._may_end(key)]

    def _is_entry(self, line: str, key: str) -> bool:
        """Is `line`, whose `norm` is `key`, an entry? A misspelt entry is looked for only on lines
        that could be headings, and only where an entry begins with the line's first word."""
        if len(line) > 150:
            return False
        if key in self.keys:
            return True
        return key.partition(" ")[0] in self.first_words and self.matches(key, self.keys, fuzzy=not is_terminal(line))

    def _may_end(self, key: str) -> bool:
        """Could a line whose `norm` is `key` end an entry begun on the line before? The two lines
        joined end with its last word, so it must be an entry's last word. (Exact: `norm` lowers case
        and splits at the same non-word characters in the line as in the joined lines; a line with
        no word left in its own `norm`, only numbering, is not ruled out.) Spares normalising the
        two lines joined for nearly every pair of lines."""
        last = key.rpartition(" ")[2]
        return not last or last in self.last_words

    def begins_block(self, prev: str, cur: str) -> bool | None:
        """False where `cur` goes on with an entry begun on `prev` (the two joined are an entry);
        else True where `prev` is an entry or `cur` opens one; None where the entries tell nothing."""
        before, shape = self.shape(prev), self.shape(cur)
        if not before.entry and shape.may_end and self.norm(prev + " " + cur) in self.keys:
            return False
        if before.entry or shape.opens:
            return True
        return None


def _runs(lines: list[Line]) -> list[list[Line]]:
    runs: list[list[Line]] = []
    current: list[Line] = []
    for ln in lines:
        if not ln.live:
            continue
        if ln.blank:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(ln)
    if current:
        runs.append(current)
    return runs


def _text_lines(lines: list[Line]) -> Iterator[tuple[Line, int, int | None]]:
    """The live non-blank lines, each with the number of blank lines before it and the page that
    begins with it (a page break counts as a blank line: a new page may begin a paragraph). One
    at a time: as a list, a tuple for every line of a large text beside its lines and the blocks
    being made of them (60 MB of a 50 MB text's peak)."""
    blanks = 0
    page: int | None = None
    for ln in lines:
        if ln.page is not None:
            page = ln.page
            blanks += 1
        if not ln.live:
            continue
        if ln.blank:
            blanks += 1
            continue
        yield ln, blanks, page
        blanks = 0
        page = None


def _per_line(lines: list[Line]) -> list[Block]:
    blocks = []
    for ln, blanks, page in _text_lines(lines):
        block = Block(own_text(ln.text.strip(), ln), ln.no, ln.no, indent=ln.indent, blank_before=blanks)
        if page is not None:
            block.pages.append(PageBreak(0, page))
        blocks.append(block)
    return blocks


def _first_word(text: str) -> str:
    parts = text.split(maxsplit=1)
    return parts[0] if parts else ""


def _ends_paragraph(prev: str, cur: str, width: int) -> bool:
    """Would a typesetter have started `cur` on a new line only because a paragraph ended?"""
    prev_s, cur_s = prev.strip(), cur.strip()
    if not prev_s:
        return True
    room = len(prev.rstrip()) + 1 + len(_first_word(cur_s))
    if is_terminal(prev_s):
        return room < width - 1
    return len(prev.rstrip()) < width * 0.6 and room < width - 4


def _starts_block(prev: Line, cur: Line, width: int, after_blank: bool, blank_separated: bool,
                  entries: Entries) -> bool:
    if after_blank and blank_separated:
        return True
    if LONE_CALL.fullmatch(cur.text.strip()):
        return False   # a note call wrapped onto a line of its own ends the paragraph above it
    if is_paragraph_number(cur.text) or is_paragraph_number(prev.text):
        return True    # '¶ 12' from a page's margin stands apart (parsing/paragraph_numbers.py moves it)
    if entries.keys and (told := entries.begins_block(prev.text, cur.text)) is not None:
        return told
    if not after_blank and cur.text.lstrip()[:1].islower() and cur.indent == prev.indent \
            and not prev.text.rstrip().endswith(":") and not LETTERED.match(cur.text):
        return False   # wrapped text does not open a paragraph in lower case
    if _bare_mark(cur.text) and is_terminal(prev.text) or _bare_mark(prev.text) and cur.text.lstrip()[:1].isupper():
        return True    # 'I', 'A', '3' alone on its line between sentences: a division's number, apart
    if not after_blank and _hangs_under(prev, cur):
        return False   # a hanging indent: the line stands under the text after the label above
    if cur.indent != prev.indent and (cur.indent > 0 or prev.indent > 0):
        return True
    if caps_opening(cur.text) and (after_blank or len(prev.text.strip()) < width * 0.9):
        return True
    if BULLET_ITEM.match(cur.text) and not _dash_in_a_sentence(prev, cur) \
            or (ENUMERATOR.match(cur.text) or LETTERED.match(cur.text)) and is_terminal(prev.text):
        return True
    if prev.text.rstrip().endswith(":") and re.match(r"\s*(?:[A-Z‘“'\"]|…|\.\.\.)", cur.text):
        return True   # a lead-in ending its line, then a capital: a displayed quotation or list begins
    if after_blank and not is_terminal(prev.text) and len(prev.text.strip()) < 0.75 * width \
            and cur.text.lstrip()[:1].isupper():
        return True   # a short line, a blank, a capital: a heading and its text, not a page break
    if after_blank and is_terminal(prev.text) and _names_back_matter(cur.text):
        return True   # a sentence ends, a blank, "References": the list's heading, not the page's next line
    return _ends_paragraph(prev.text, cur.text, width)


def _names_back_matter(text: str) -> bool:
    """The whole line is a heading of back matter ("Bibliography", "Literatura:"; back_headings.txt)."""
    return text.strip().rstrip(":").strip().lower() in data.words("back_headings.txt")


BARE_MARK = re.compile(r"^\s*(?:[IVXLC]{1,7}|[A-H]|\d{1,2})\.?\s*$")


LETTERED_TITLE = re.compile(r"^\s*(?:[IVXLC]{1,7}|[A-H])\.\s+[A-Z]")


def _titled_apart(prev: Line, cur: Line) -> bool:
    """In text from a PDF a numbered title stands on its own line: it ends the block of the line
    before it when that line ends a sentence, and its own block at the next line's capital."""
    return _lettered_title(prev.text) and cur.text.lstrip()[:1].isupper() \
        or _lettered_title(cur.text) and is_terminal(prev.text)


CAPTION_OPENINGS = frozenset({"court", "term", "kind"})


def _caption_line(text: str) -> bool:
    """A line that names the court, its term or the kind of text ('SUPREME COURT OF THE UNITED
    STATES', 'OCTOBER TERM, 2012', 'Syllabus'): a court's caption begins there, in a block of its
    own, whatever the width of the line before. (Only these kinds, and a court's name only in
    capitals: a line of prose may name a court or cite 'A v. B'.)"""
    kinds = caption_kinds(text) & CAPTION_OPENINGS
    letters = [c for c in text if c.isalpha()]
    return bool(kinds) and ("kind" in kinds or bool(letters) and all(c.isupper() for c in letters))


def _lettered_title(text: str) -> bool:
    """'A. Texas Insurance Code and Deceptive Trade Practices Act': a title numbered in roman or by a
    capital letter, in title case, not a sentence."""
    if not LETTERED_TITLE.match(text) or is_terminal(text):
        return False
    words = [w for w in text.split()[1:] if len(w) > 3]
    return bool(words) and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def _bare_mark(text: str) -> bool:
    return BARE_MARK.match(text) is not None


def _hangs_under(prev: Line, cur: Line) -> bool:
    """Is `cur` the wrapped line of a labelled note or item, aligned under the text after its label?
    (Lines after the first of a hanging indent keep the column of that text.)"""
    m = HANGING_LABEL.match(prev.text)
    return m is not None and cur.indent == len(m.group(0)) and cur.indent > prev.indent


def _dash_in_a_sentence(prev: Line, cur: Line) -> bool:
    """'…and such a privilege exists / – permits, or rather compels…': a dash that a wrapped
    sentence carries onto the next line before a word in lower case is no bullet."""
    rest = cur.text.lstrip()
    return rest[:1] in "–—-" and rest[1:].lstrip()[:1].islower() and not is_terminal(prev.text) \
        and not prev.text.rstrip().endswith(":") and cur.indent == prev.indent


WIDTH_WINDOW = 15      # lines on either side of a line that show the width of its column
JOINED_LINE = 1.5      # a line this much longer than its neighbours' median is two lines run together


def local_widths(lengths: list[int], width: int) -> list[int]:
    """The width of the column each line stands in, read off the lines around it. A PDF sets its
    syllabus, opinion and notes in columns of different widths, and pdftotext runs some pairs of
    lines together: measured against the widest lines of the whole text, every line of a narrow
    column would look short, so would end its paragraph."""
    out = []
    for j in range(len(lengths)):
        near = [n for n in lengths[max(0, j - WIDTH_WINDOW):j + WIDTH_WINDOW + 1] if n >= 20]
        if len(near) < 5:
            out.append(width)
            continue
        median = sorted(near)[len(near) // 2]
        kept = sorted(n for n in near if n <= JOINED_LINE * median)
        out.append(min(width, kept[int(len(kept) * 0.9)]))
    return out


def _last_of_joined(ln: Line, width: int) -> Line:
    """pdftotext joins a line ending with a hyphen to the next one: where a line is much longer than
    its column, what ends a paragraph is the second line's length, what follows the first's width."""
    text = ln.text.strip()
    if len(text) <= JOINED_LINE * width:
        return ln
    cut = text.find(" ", width)
    return Line(ln.no, " " * ln.indent + text[cut + 1:], ln.raw) if cut > 0 else ln


def _wrapped(lines: list[Line], m: Measure, report: StageReport, entries: Entries,
             from_pdf: bool = False) -> list[Block]:
    blank_separated = m.convention is LineConvention.WRAPPED_BLANK_SEPARATED
    blocks: list[Block] = []
    prev: Line | None = None
    text_lines: Iterable[tuple[Line, int, int | None]] = _text_lines(lines)
    widths: Iterable[int] = repeat(m.width)
    if from_pdf:      # the width of each line's column, read off the lines around it
        text_lines = list(text_lines)
        widths = local_widths([len(ln.text.strip()) for ln, _, _ in text_lines], m.width)
    for (ln, blanks, page), width in zip(text_lines, widths):
        text = ln.text.strip()
        if prev is not None and from_pdf:
            prev = _last_of_joined(prev, width)
        if prev is None or _starts_block(prev, ln, width, blanks > 0, blank_separated, entries) \
                or from_pdf and (_titled_apart(prev, ln) or _caption_line(text)):
            blocks.append(Block(own_text(text, ln), ln.no, ln.no, indent=ln.indent, blank_before=blanks))
            at = 0
        else:
            if blanks:
                report.repair("joined paragraph across page break", ln.no, text[:40])
            _append_line(blocks[-1], text, ln.no)
            at = blocks[-1].anchors[-1][0]
        if page is not None:
            blocks[-1].pages.append(PageBreak(at, page))
        prev = ln
    return blocks


def _foot_notes(lines: list[Line], doc: Document) -> None:
    """Notes a line pass found at the feet of pages (`Line.foot_note`): each a note text of its
    own, its lines unwrapped, standing after the block of running text its page ended in."""
    from ..notes.labels import family_of, number
    notes: dict[int, Block] = {}
    labels: dict[int, str] = {}
    for ln in lines:
        if ln.foot_note is None or not ln.live or not ln.text.strip():
            if ln.foot_note is not None and ln.note_label and ln.foot_note not in notes:
                notes[ln.foot_note] = Block("", ln.no, ln.no, kind=BlockKind.NOTE)
                labels[ln.foot_note] = ln.note_label
            continue
        text = own_text(ln.text.strip(), ln)
        if ln.foot_note not in notes:
            notes[ln.foot_note] = Block(text, ln.no, ln.no, kind=BlockKind.NOTE)
            labels[ln.foot_note] = ln.note_label or ""
        elif not notes[ln.foot_note].text:
            block = notes[ln.foot_note]
            block.edit(0, 0, text)
            block.anchors = [(0, ln.no)]
            block.last_line = ln.no
        else:
            _append_line(notes[ln.foot_note], text, ln.no)
    for key, block in notes.items():
        label = labels[key]
        at = sum(1 for b in doc.blocks if b.first_line < block.first_line)
        doc.blocks.insert(at, block)
        doc.notes.append(NoteText(label, number(label), [block], NotePlace.FOOT, family_of(label), on_page=True))


def own_text(text: str, line: Line) -> str:
    """`text`, the line's text stripped, as a string of the block's own, never the line's string
    itself (which `str.strip` returns where there is nothing to strip). The lines are let go after
    the layout, but Python's allocator gives an arena of them (1 MiB) back only once nothing in it
    is left: a heading or a one-line paragraph holding its line's string kept whole arenas of lines
    through the block phase and the tree's build (110 MB of a 50 MB text's peak)."""
    if text is not line.text:
        return text
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")


def _append_line(block: Block, text: str, line_no: int) -> None:
    """Unwrap: join a line to its block. Hyphens at line ends are judged later, with evidence."""
    block.append_line(text, line_no, joined_at_hyphen=block.ends_with(("—", "-"))
                      and not block.ends_with((" —", " -")))
