"""How a note is labelled where its text begins: '¹ ', '1 ', '1. ', '[1] ', '1*. ', '[Footnote 1: '."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import NoteFamily
from ..vocabulary import FROM_SUPERSCRIPT, OCR_DIGITS, SUPERSCRIPT_DIGITS as SUPERSCRIPTS


@dataclass(frozen=True)
class Label:
    form: str          # superscript, bracket, footnote, star, dotted, plain, paren, symbol, rst
    mark: str          # as printed
    value: int | None
    family: NoteFamily
    rest: str          # the note's text after the label
    rest_start: int    # where the rest begins and ends in the labelled text
    rest_end: int


_FORMS = [
    ("footnote", re.compile(r"^\[\s*Footnote\s+(?P<n>\d{1,4}|[A-Z*†‡§])\s*:\s*(?P<rest>.*?)\]?\s*$", re.S | re.I)),
    ("superscript", re.compile(rf"^(?P<n>[{SUPERSCRIPTS}]+)\s*(?P<rest>\S.*)$", re.S)),
    ("star", re.compile(r"^\[?(?P<n>\d{1,3}\*)\]?\.?\s+(?P<rest>\S.*)$", re.S)),
    ("rst", re.compile(r"^\.\.\s+\[(?P<n>#?\w+)\]\s+(?P<rest>\S.*)$", re.S)),
    ("bracket", re.compile(r"^\[(?P<n>\d{1,4})\]\s*(?P<rest>\S.*)$", re.S)),
    ("paren", re.compile(r"^\((?P<n>\d{1,3})\)\s+(?P<rest>\S.*)$", re.S)),
    ("dotted", re.compile(r"^(?P<n>\d{1,3})\.\s+(?P<rest>\S.*)$", re.S)),
    ("plain", re.compile(r"^(?P<n>\d{1,3})\s+(?P<rest>[^\s\d].*)$", re.S)),
    ("bracket-symbol", re.compile(r"^\[(?P<n>[*†‡§]{1,3})\]\s*(?P<rest>\S.*)$", re.S)),
    ("symbol", re.compile(r"^(?P<n>[†‡§]{1,3}|\*{1,3}(?=\S))\s*(?P<rest>\S.*)$", re.S)),
]


# the characters a label opens with, but digits (any the patterns' \d reads: str.isdecimal); a text
# that opens otherwise, as most paragraphs do, need not be matched against every form
_OPENINGS = frozenset("[(.*†‡§" + SUPERSCRIPTS)


def parse_label(text: str) -> Label | None:
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    if not (text[:1] in _OPENINGS or text[:1].isdecimal()):
        return None
    for form, rx in _FORMS:
        m = rx.match(text)
        if m:
            mark, rest = m.group("n"), m.group("rest")
            start = m.start("rest") + len(rest) - len(rest.lstrip())
            end = m.end("rest") - (len(rest) - len(rest.rstrip()))
            return Label(form, mark, number(mark), family_of(mark), text[start:end], lead + start, lead + end)
    return None


def number(mark: str) -> int | None:
    digits = mark.translate(FROM_SUPERSCRIPT).rstrip("*").lstrip("#")
    digits = digits.removeprefix("fn") if digits.startswith("fn") else digits
    if re.fullmatch(r"[0-9lIO]{1,4}", digits) and re.search(r"\d", digits):
        return int(digits.translate(OCR_DIGITS))
    return None


def family_of(mark: str) -> NoteFamily:
    if mark.endswith("*") and any(c.isdigit() for c in mark):
        return NoteFamily.STAR
    if number(mark) is not None:
        return NoteFamily.NUMBER
    return NoteFamily.SYMBOL
