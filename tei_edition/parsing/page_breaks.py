"""Paragraphs cut in two by a page break, with page-foot notes or blank lines between the halves.

The halves are joined where the first does not end a sentence (or ends with a hyphen, or the second
opens in lower case after an abbreviation). They are kept apart where the second half is a
quotation continuing a lead-in ('... he wrote' / 'not with the aid of ...⁵'): a lower-case block
that ends with a note call, with no page-foot note between, is a block quotation, not a page break.

A table's caption is no half of a paragraph either: the short lines standing right above a table
(its title, a header the book broke across lines) are taken first as the table's caption (a
heading of level 0 with `Block.heads_table`: TEI table/head), also where the layout ran the first
of them onto the end of the paragraph before (a line that opens with a capital after that
paragraph's short last line).
"""
from __future__ import annotations

import re

from .. import data
from ..evidence import Lexicon
from ..model import Block, BlockKind, Document, LineConvention, PageBreak
from ..passes import BlockPass, Context, Declaration, Section
from ..report import Entry, StageReport
from ..vocabulary import BULLET_ITEM, CALL_MARK, is_terminal
from .headings import CALL_ENDS, without_trailing_call
from .line_end_hyphens import join_hyphenated

CALL_TAIL = 16        # the last characters of a text searched first for a call that ends it
ENDS_WITH_CALL = re.compile(rf"""[.!?…'’”"\])]\s*(?:{CALL_MARK}|\d{{1,3}})\s*$""")
NUMBER_MARK = re.compile(r"^\s*(?:\(\d{1,2}\)\s|\d{1,2}[.)]\s)")
CAPTION_LINE = 50     # a line of a table's caption is short…
CAPTION_LINES = 6     # … and a caption has at most this many lines
LAST_LINE_SHORT = 0.8  # a paragraph's last line is shorter than this share of its widest line


def ends_with_colon(text: str) -> bool:
    """'…he wrote:' and '…he wrote:¹' both introduce what follows."""
    return without_trailing_call(text).rstrip().endswith(":")


def ends_with_call(text: str) -> bool:
    # ENDS_WITH_CALL, anchored at the end, is tried from every position of a paragraph: it is asked
    # only where the last character other than a space can end a match, a call's (CALL_ENDS) or a
    # digit (exact: after it come only spaces, as `str.rstrip` and the pattern's `\s` count them)
    tail = text.rstrip()
    if not tail or not (tail[-1] in CALL_ENDS or tail[-1].isdecimal()):
        return False
    # … and first in its last characters: a match there is one in the whole text (the pattern
    # looks neither behind nor at a start); only where none is found is the whole text searched
    return ENDS_WITH_CALL.search(text, max(0, len(tail) - CALL_TAIL)) is not None \
        or ENDS_WITH_CALL.search(text) is not None


def continues_lead_in(a: Block, b: Block, notes_between: bool) -> bool:
    """`a` is an unfinished lead-in ('As Deutscher says,') and `b`, ending with its source's note
    call, is the quotation it introduces, not the rest of a paragraph cut by a page break."""
    return not notes_between and ends_with_call(b.text) and not is_terminal(a.text)


def _ends_with_abbreviation(text: str) -> bool:
    last = text.split()[-1].lower() if text.split() else ""
    return last in data.words("abbreviations.txt")


def should_join(a: Block, b: Block, notes_between: bool) -> bool:
    if a.kind is not BlockKind.P or b.kind is not BlockKind.P or a.item or b.item \
            or BULLET_ITEM.match(b.text) or NUMBER_MARK.match(b.text):
        return False
    if continues_lead_in(a, b, notes_between):
        return False
    if a.text.endswith("-") and b.text[:1].isalpha():
        return True
    if ends_with_colon(a.text):
        return False
    if not is_terminal(a.text):
        return True
    return b.text[:1].islower() and _ends_with_abbreviation(a.text)


def _adjacent_lines(a: Block, b: Block, convention: LineConvention, blank_separated: bool,
                    notes_between: bool) -> bool:
    """Lines standing one under the other in a text that separates paragraphs by blank lines
    are a list or a table, not a paragraph cut by a page break; so are two short lines in a text
    that has a paragraph on each line."""
    if notes_between or convention is LineConvention.WRAPPED_CONTINUOUS:
        return False
    if b.text[:1].islower() and (a.text.endswith("-") or not is_terminal(a.text)):
        return False   # the second line carries on the first's sentence or word
    return (blank_separated and b.blank_before == 0) or (len(a.text) < 40 and len(b.text) < 40) \
        or (len(a.text) < 40 and b.text[:1].isupper())


class PageBreaks(BlockPass):
    """Paragraphs cut in two by a page break are joined again."""

    name = "page-breaks"
    after = {"note-texts": "page-foot notes between the halves are taken out first",
             "list-items": "list items are never joined",
             "fragments": "fragments are not halves of a paragraph"}
    declaration = Declaration(Section.NORMALIZATION,
                              "Paragraphs cut by page breaks (with page-foot notes or blank lines between the "
                              "halves) were re-joined.")
    with_captions = Declaration(Section.NORMALIZATION,
                                declaration.text + " The short lines right above a table are its caption "
                                "(table/head): they were neither joined to the paragraph before it nor left as "
                                "paragraphs.")

    def declare(self, recorded: list[Entry]) -> Declaration:
        """The captions are declared where tables had them."""
        return self.with_captions if any(e.action.startswith("caption of a table") for e in recorded) \
            else self.declaration

    def apply(self, doc: Document, context: Context) -> None:
        take_table_captions(doc, context.report)
        lexicon = context.evidence.lexicon
        paragraphs = [b for b in doc.blocks if b.kind is BlockKind.P]
        blanks = sorted(b.blank_before for b in paragraphs)
        blank_separated = doc.convention is not LineConvention.WRAPPED_CONTINUOUS and bool(blanks) \
            and blanks[len(blanks) // 2] >= 1
        prev: Block | None = None
        notes_between = False
        for b in doc.blocks:
            if b.kind is BlockKind.NOTE:
                notes_between = True
                continue
            if b.kind is BlockKind.REMOVED:
                continue
            if b.heads_table:
                prev, notes_between = None, False     # a caption is joined to nothing
                continue
            if prev is not None and should_join(prev, b, notes_between) and \
                    not _adjacent_lines(prev, b, doc.convention, blank_separated, notes_between):
                _join(prev, b, lexicon, context.report, notes_between)
                b.kind = BlockKind.REMOVED
                notes_between = False
                continue
            prev, notes_between = b, False


def _join(a: Block, b: Block, lexicon: Lexicon, report: StageReport, notes_between: bool) -> None:
    where = "across page-foot notes" if notes_between else "across page break"
    if a.text.endswith("-"):
        how = join_hyphenated(a, b, lexicon)
        shift = len(a.text) - len(b.text)
        report.repair(f"joined paragraph {where} ({how} hyphen)", b.first_line,
                      a.text[max(shift - 20, 0): shift + 20])
    else:
        a.absorb(b)
        report.repair(f"joined paragraph {where}", b.first_line, b.text[:40])


# ---------------------------------------------------------------------------- table captions

def take_table_captions(doc: Document, report: StageReport) -> None:
    """The short lines right above each table become its caption (one block, its lines kept)."""
    blocks = doc.blocks
    for table in [b for b in blocks if b.kind is BlockKind.TABLE]:
        if (run := _caption_run(blocks, blocks.index(table), report)):
            _make_caption(doc, run, report)


def _caption_run(blocks: list[Block], table: int, report: StageReport) -> list[int]:
    """The indices of the caption blocks above the table at `table`, top first; a paragraph whose
    last lines are the caption's first is split there first."""
    run: list[int] = []
    lines = 0
    k = table - 1
    while k >= 0 and blocks[k].kind is BlockKind.REMOVED:
        k -= 1
    while k >= 0 and _is_caption_block(blocks[k]) and lines + len(_lines(blocks[k])) <= CAPTION_LINES:
        run.insert(0, k)
        lines += len(_lines(blocks[k]))
        k -= 1
        while k >= 0 and blocks[k].kind is BlockKind.REMOVED:
            k -= 1
    if k >= 0 and lines < CAPTION_LINES and (cut := _caption_tail(blocks[k], CAPTION_LINES - lines)) is not None:
        blocks.insert(k + 1, _split_off(blocks[k], cut))
        run = [k + 1] + [r + 1 for r in run]
        report.repair("split a table's caption from the paragraph before it", blocks[k + 1].first_line,
                      blocks[k + 1].text[:40])
    return run if run and blocks[run[0]].text[:1].isupper() else []


def _lines(b: Block) -> list[str]:
    """The block's text, line by line as the source had them."""
    starts = [o for o, _ in b.anchors] + [len(b.text)]
    return [b.text[s:e].strip() for s, e in zip(starts, starts[1:]) if b.text[s:e].strip()]


def _caption_line(text: str) -> bool:
    return 0 < len(text) <= CAPTION_LINE and not is_terminal(text) and not BULLET_ITEM.match(text)


def _is_caption_block(b: Block) -> bool:
    return b.kind is BlockKind.P and not b.item and not b.heads_table and all(map(_caption_line, _lines(b)))


def _caption_tail(b: Block, most: int) -> int | None:
    """Where the caption lines at the end of paragraph `b` begin, when the paragraph ended on the
    line before them (a sentence's end, or a line shorter than the paragraph's others) and the
    first of them opens with a capital; None when its end is no caption."""
    if b.kind is not BlockKind.P or b.item or b.heads_table or len(b.anchors) < 3:
        return None
    lines = _lines(b)
    if len(lines) != len(b.anchors):
        return None
    widest = max(map(len, lines))
    for n in range(1, min(most, len(lines) - 2) + 1):
        tail, above = lines[-n:], lines[-n - 1]
        if not all(map(_caption_line, tail)):
            return None
        ended = is_terminal(above) or len(above) < LAST_LINE_SHORT * widest
        if ended and tail[0][:1].isupper():
            return b.anchors[-n][0]
    return None


def _split_off(b: Block, cut: int) -> Block:
    """Cut block b at `cut`: the text from there is a new block, with its lines and page breaks."""
    rest = b.piece(cut, len(b.text))
    rest.pages = [PageBreak(max(pb.offset - cut, 0), pb.n) for pb in b.pages if pb.offset >= cut]
    b.pages = [pb for pb in b.pages if pb.offset < cut]
    b.edit(cut, len(b.text), "")
    b.strip()
    b.last_line = b.line_at(max(len(b.text) - 1, 0))
    return rest


def _make_caption(doc: Document, run: list[int], report: StageReport) -> None:
    first = doc.blocks[run[0]]
    for k in run[1:]:
        first.absorb(doc.blocks[k])
        doc.blocks[k].kind = BlockKind.REMOVED
    # a heading of the table, not of a division (level 0): later passes read no paragraph into it (a
    # block quotation after a lead-in), and the note pairing still finds the calls in it
    first.kind, first.level, first.heads_table = BlockKind.HEAD, 0, True
    report.recognise("caption of a table (the short lines above it)", first.first_line, first.text[:60])
