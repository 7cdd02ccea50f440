"""Hyphens at line and page ends, and hyphens an earlier conversion lost.

A hyphen at a line end is removed ('Trot-' + 'sky') unless the text gives evidence that it is a
real one: the hyphenated form occurs elsewhere in the text ('working-class'), the first part is a
prefix that keeps its hyphen, or the second part is capitalised ('anti-' + 'Stalinist'). A word
glued from a lower-case prefix and a capitalised word ('antiStalinist') gets its hyphen back when
the hyphenated form occurs elsewhere or the prefix is one that keeps its hyphen.
"""
from __future__ import annotations

import re
from collections import Counter

from .. import data
from ..reading.blocks import Document
from ..report import Report

STAGE = "hyphenation"
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
LOST = re.compile(r"\b([a-z]{2,})([A-Z][a-z]{2,})\b")


class Lexicon:
    """Word and compound counts of the whole text: the evidence hyphenation rules consult."""

    def __init__(self, text: str) -> None:
        self.words: Counter[str] = Counter()
        self.compounds: Counter[str] = Counter()
        for m in WORD.finditer(text):
            w = m.group(0).lower()
            if "-" in w:
                self.compounds[w] += 1
                self.words.update(w.split("-"))
            else:
                self.words[w] += 1

    def keeps_hyphen(self, left: str, right: str) -> bool:
        l, r = left.lower(), right.lower()
        if self.compounds[f"{l}-{r}"] > 0 and self.words[l + r] <= self.compounds[f"{l}-{r}"]:
            return True
        if self.words[l + r] > 0:
            return False
        return l in data.words("hyphen_prefixes.txt") or right[:1].isupper()


def _word_before(text: str, end: int) -> str:
    m = re.search(r"([^\W\d_]+)$", text[:end])
    return m.group(1) if m else ""


def _word_after(text: str, start: int) -> str:
    m = re.match(r"([^\W\d_]+)", text[start:])
    return m.group(1) if m else ""


def join_hyphenated(left: str, right: str, lexicon: Lexicon) -> tuple[str, str]:
    """Join two parts where `left` ends with a hyphen; say whether the hyphen was kept or removed."""
    a, b = _word_before(left, len(left) - 1), _word_after(right, 0)
    if a and b and not lexicon.keeps_hyphen(a, b):
        return left[:-1] + right, "removed"
    return left + right, "kept"


def resolve_line_end_hyphens(doc: Document, report: Report, lexicon: Lexicon) -> None:
    """Hyphens at which the layout stage joined two lines without a space."""
    for block in doc.blocks:
        positions = block.attrs.pop("line_end_hyphens", [])
        for pos in sorted(positions, reverse=True):
            if pos > len(block.text) or block.text[pos - 1:pos] != "-":
                continue
            a, b = _word_before(block.text, pos - 1), _word_after(block.text, pos)
            if not a or not b or lexicon.keeps_hyphen(a, b):
                report.repair(STAGE, "kept hyphen at line end", block.line_at(pos), f"{a}-{b}")
                continue
            block.text = block.text[: pos - 1] + block.text[pos:]
            block.anchors = [(o - 1 if o >= pos else o, ln) for o, ln in block.anchors]
            report.repair(STAGE, "removed soft hyphen at line end", block.line_at(pos), f"{a}-{b} → {a}{b}")


def restore_lost_hyphens(doc: Document, report: Report, lexicon: Lexicon) -> None:
    prefixes = data.words("hyphen_prefixes.txt")
    for block in doc.blocks:
        if block.kind in ("removed",):
            continue

        def fix(m: re.Match[str]) -> str:
            a, b = m.group(1), m.group(2)
            if a in prefixes or lexicon.compounds[f"{a}-{b.lower()}"]:
                report.repair(STAGE, "restored lost hyphen", block.line_at(m.start()), f"{a}{b} → {a}-{b}")
                return f"{a}-{b}"
            return m.group(0)

        block.text = LOST.sub(fix, block.text)
