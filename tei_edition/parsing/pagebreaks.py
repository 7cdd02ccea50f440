"""Paragraphs cut in two by a page break, with page-foot notes or blank lines between the halves.

The halves are joined where the first does not end a sentence (or ends with a hyphen, or the second
opens in lower case after an abbreviation). They are kept apart where the second half is a
quotation continuing a lead-in ('... he wrote' / 'not with the aid of ...⁵'): a lower-case block
that ends with a note call, with no page-foot note between, is a block quotation, not a page break.
"""
from __future__ import annotations

import re

from .. import data
from ..reading.blocks import Block, Document
from ..reading.layout import CALL_MARK, TRAILING_CALL, is_terminal
from ..report import Report
from .hyphenation import Lexicon, join_hyphenated

STAGE = "pagebreaks"
ENDS_WITH_CALL = re.compile(rf"""[.!?…'’”"\])]\s*(?:{CALL_MARK}|\d{{1,3}})\s*$""")
ELISION = re.compile(r"(?:\.\s?\.\s?\.|…)")
BULLET_OR_NUMBER = re.compile(r"^\s*(?:[•▪◦●·\-*–]\s+|\(\d{1,2}\)\s|\d{1,2}[.)]\s)")


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
    if a.kind != "p" or b.kind != "p" or "item" in a.attrs or "item" in b.attrs \
            or BULLET_OR_NUMBER.match(b.text):
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


def _adjacent_lines(a: Block, b: Block, layout: str, blank_separated: bool, notes_between: bool) -> bool:
    """Lines standing one under the other in a text that separates paragraphs by blank lines
    are a list or a table, not a paragraph cut by a page break; so are two short lines in a text
    that has a paragraph on each line."""
    if notes_between or layout == "wrapped-continuous":
        return False
    if b.text[:1].islower() and (a.text.endswith("-") or not is_terminal(a.text)):
        return False   # the second line carries on the first's sentence or word
    return (blank_separated and b.blank_before == 0) or (len(a.text) < 40 and len(b.text) < 40) \
        or (len(a.text) < 40 and b.text[:1].isupper())


def join_split_paragraphs(doc: Document, report: Report, lexicon: Lexicon) -> None:
    paragraphs = [b for b in doc.blocks if b.kind == "p"]
    blanks = sorted(b.blank_before for b in paragraphs)
    blank_separated = doc.layout != "wrapped-continuous" and bool(blanks) and blanks[len(blanks) // 2] >= 1
    prev: Block | None = None
    notes_between = False
    for b in doc.blocks:
        if b.kind == "note":
            notes_between = True
            continue
        if b.kind == "removed":
            continue
        if prev is not None and should_join(prev, b, notes_between) and \
                not _adjacent_lines(prev, b, doc.layout, blank_separated, notes_between):
            _join(prev, b, lexicon, report, notes_between)
            b.kind = "removed"
            notes_between = False
            continue
        prev, notes_between = b, False


def _join(a: Block, b: Block, lexicon: Lexicon, report: Report, notes_between: bool) -> None:
    where = "across page-foot notes" if notes_between else "across page break"
    if a.text.endswith("-"):
        joined, how = join_hyphenated(a.text, b.text, lexicon)
        shift = len(joined) - len(b.text)
        a.anchors += [(o + shift, ln) for o, ln in b.anchors]
        a.text, a.last_line = joined, b.last_line
        report.repair(STAGE, f"joined paragraph {where} ({how} hyphen)", b.first_line,
                      a.text[max(shift - 20, 0): shift + 20])
    else:
        a.absorb(b)
        report.repair(STAGE, f"joined paragraph {where}", b.first_line, b.text[:40])


def mark_fragments(doc: Document, report: Report) -> None:
    """A word or two in lower case standing alone between blank lines (the residue of a diagram or
    a page header) is kept as a fragment, not passed off as a paragraph."""
    for b in doc.blocks:
        if b.kind == "p" and "item" not in b.attrs and b.text[:1].islower() and len(b.text.split()) <= 3 \
                and not is_terminal(b.text):
            b.kind = "fragment"
            report.doubt(STAGE, "kept an isolated fragment apart from the paragraphs", b.first_line, b.text)
