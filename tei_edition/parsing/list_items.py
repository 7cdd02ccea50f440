"""Bulleted paragraphs, and numbered paragraphs beside the next or previous number, are list items.

A hard-wrapped book also sets dashes at the start of its lines that lead no item: a sentence that
wraps before a parenthetical or range dash ('…a policy being re-established / – ’quickly striking
down…'), or an attribution under a quotation ('– Andrés Nin'). A line led by a dash that has no
bulleted neighbour is therefore read by what stands before it (`DashLine`).
"""
from __future__ import annotations

import re
from enum import StrEnum

from ..model import Block, BlockKind, Document, ListItem, ListStyle
from ..passes import BlockPass, Context, Declaration, Section
from ..report import Entry
from ..vocabulary import BULLET_ITEM, NUMBERED_ITEM, is_terminal

DASH_LEAD = re.compile(r"\s*(\S)\s+(?=\S)")           # a mark and a space open the paragraph
LEAD_IN_CAPITAL = re.compile(r"[\W_]*[^\W\d_]")   # the first letter after the dash (past quotation marks)


JOINED = "joined a dash-led line that continues the sentence above (not a list item)"
KEPT_AS_PARAGRAPH = ("kept a lone dash-led line after a full sentence as a paragraph, dash and all (an "
                     "attribution?), not as a list of one item")
DASH_LINES_DECLARED = ("A line led by a dash without another bulleted line beside it was an item only after a "
                       "lead-in colon and a capital; one that carried on the sentence of the line above was "
                       "joined to it, dash kept, and one after a full sentence stayed a paragraph with its dash.")


class DashLine(StrEnum):
    """What a lone line led by a dash is."""

    ITEM = "item"                  # after a lead-in colon, a capital: a list of one item
    CONTINUATION = "continuation"  # the sentence above goes on: its dash is the sentence's
    STANDALONE = "standalone"      # after a full sentence: an attribution or a line of its own


class ListItems(BlockPass):
    """Paragraphs opening with a bullet, or numbered beside the next or previous number."""

    name = "list-items"
    after = {"headings": "a numbered heading is not a list item"}
    declaration = Declaration(Section.INTERPRETATION,
                              "Bulleted paragraphs, and numbered paragraphs beside the next or previous "
                              "number, were encoded as list items; the bullets were dropped.")

    def declare(self, recorded: list[Entry]) -> Declaration:
        """The declaration, with the rule for lone dash-led lines where it decided one."""
        if not any(e.action in (JOINED, KEPT_AS_PARAGRAPH) for e in recorded):
            return self.declaration
        return Declaration(Section.INTERPRETATION, f"{self.declaration.text} {DASH_LINES_DECLARED}")

    def apply(self, doc: Document, context: Context) -> None:
        flow = [b for b in doc.blocks if b.kind in (BlockKind.P, BlockKind.QUOTE, BlockKind.HEAD)]
        dashes = context.data.words("dash_led_lines.txt")
        led = [_dash_led(b, dashes) for b in flow]
        bulleted = [b.kind is not BlockKind.HEAD and (b.item is not None or BULLET_ITEM.match(b.text) is not None
                                                       or led[i] is not None) for i, b in enumerate(flow)]
        for i, b in enumerate(flow):
            if b.kind is BlockKind.HEAD:
                continue
            m = BULLET_ITEM.match(b.text)
            dash = led[i]
            if dash is not None and not _bulleted_neighbour(bulleted, i):
                kind = self._lone_dash_line(flow[i - 1] if i else None, b, dash, m is not None, context)
                if kind is not DashLine.ITEM or m is None:
                    continue
            if m:
                b.item = ListItem(ListStyle.BULLETED)
                b.edit(0, m.end(), "")
                context.report.recognise("made bulleted paragraph a list item", b.first_line, b.text)
                continue
            m = NUMBERED_ITEM.match(b.text)
            if m and _numbered_neighbour(flow, i, _ordinal(m.group(1) or m.group(2))):
                b.item = ListItem(ListStyle.NUMBERED, m.group(1) or m.group(2))
                b.edit(0, m.end(), "")
                context.report.recognise("made numbered paragraph a list item", b.first_line, b.text)

    @staticmethod
    def _lone_dash_line(prev: Block | None, b: Block, text_start: int, bullet: bool, context: Context) -> DashLine:
        """Encode a line led by a dash that no dash-led or bulleted line stands beside, by what it
        is. A dash that is no bullet ('—') never made an item: only a continuation is acted on."""
        kind = dash_line(prev, b, text_start, context.data.words("abbreviations.txt"))
        if kind is DashLine.CONTINUATION:
            assert prev is not None
            prev.absorb(b)
            b.kind = BlockKind.REMOVED
            context.report.repair(JOINED, b.first_line, b.text)
        elif kind is DashLine.STANDALONE and bullet:
            context.report.doubt(KEPT_AS_PARAGRAPH, b.first_line, b.text)
        return kind


def dash_line(prev: Block | None, b: Block, text_start: int, abbreviations: frozenset[str]) -> DashLine:
    """A lone dash-led line after a lead-in colon and a capital is an item. One directly under a
    line of the same kind carries on its sentence when that line ends without a full stop (a range
    or parenthetical dash after the wrap, or a colon before a word in lower case), or with an
    abbreviation's stop before a word in lower case ('…the U.S.A. / – which'); any other stands
    alone."""
    letter = LEAD_IN_CAPITAL.match(b.text, text_start)
    first = letter.group(0)[-1] if letter else ""
    if prev is None:
        return DashLine.STANDALONE
    if prev.text.rstrip().endswith(":") and first.isupper():
        return DashLine.ITEM
    above = prev.kind is b.kind and prev.item is None and prev.run_in is None and b.first_line == prev.last_line + 1
    if above and (not _ends_sentence(prev.text)
                  or first.islower() and _ends_with_abbreviation(prev.text, abbreviations)):
        return DashLine.CONTINUATION
    return DashLine.STANDALONE


def _ends_sentence(text: str) -> bool:
    """A full stop, not a colon or semicolon, that a sentence would go on after."""
    return is_terminal(text) and not text.rstrip().endswith((":", ";"))


def _ends_with_abbreviation(text: str, abbreviations: frozenset[str]) -> bool:
    words = text.split()
    return bool(words) and words[-1].lower() in abbreviations


def _dash_led(b: Block, dashes: frozenset[str]) -> int | None:
    """Where the text after a leading dash begins, if a dash and a space lead the paragraph."""
    if b.kind is BlockKind.HEAD or b.item is not None:
        return None
    m = DASH_LEAD.match(b.text)
    return m.end() if m and m.group(1) in dashes else None


def _bulleted_neighbour(bulleted: list[bool], i: int) -> bool:
    return i > 0 and bulleted[i - 1] or i + 1 < len(bulleted) and bulleted[i + 1]


def _ordinal(mark: str) -> int:
    return int(mark) if mark.isdigit() else ord(mark) - ord("a") + 1


def _numbered_neighbour(flow: list[Block], i: int, value: int) -> bool:
    """A numbered paragraph is a list item only beside the item before or after it."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(flow):
            item = flow[j].item
            if item:
                n = _ordinal(item.n) if item.n else None
            else:
                m = NUMBERED_ITEM.match(flow[j].text)
                n = _ordinal(m.group(1) or m.group(2)) if m else None
            if n is not None and n == value + (1 if j > i else -1):
                return True
    return False
