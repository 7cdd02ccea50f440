"""Paragraphs cut in two by a page break, with page-foot notes or blank lines between the halves.

The halves are joined where the first does not end a sentence (or ends with a hyphen, or the second
opens in lower case after an abbreviation). They are kept apart where the second half is a
quotation continuing a lead-in ('... he wrote' / 'not with the aid of ...⁵'): a lower-case block
that ends with a note call, with no page-foot note between, is a block quotation, not a page break.
"""
from __future__ import annotations

import re

from .. import data
from ..evidence import Lexicon
from ..model import Block, BlockKind, Document, LineConvention
from ..passes import BlockPass, Context, Declaration, Section
from ..report import StageReport
from ..vocabulary import BULLET_ITEM, CALL_MARK, TRAILING_CALL, is_terminal
from .line_end_hyphens import join_hyphenated

ENDS_WITH_CALL = re.compile(rf"""[.!?…'’”"\])]\s*(?:{CALL_MARK}|\d{{1,3}})\s*$""")
NUMBER_MARK = re.compile(r"^\s*(?:\(\d{1,2}\)\s|\d{1,2}[.)]\s)")


def ends_with_colon(text: str) -> bool:
    """'…he wrote:' and '…he wrote:¹' both introduce what follows."""
    return TRAILING_CALL.sub("", text).rstrip().endswith(":")


def ends_with_call(text: str) -> bool:
    return bool(ENDS_WITH_CALL.search(text))


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

    def apply(self, doc: Document, context: Context) -> None:
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
