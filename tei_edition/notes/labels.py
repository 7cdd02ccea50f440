"""How a note is labelled where its text begins: '¹ ', '1 ', '1. ', '[1] ', '1*. ', '[Footnote 1: '."""
from __future__ import annotations

import re
from dataclasses import dataclass

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPTS, "0123456789")
OCR_DIGITS = str.maketrans("lIO", "110")


@dataclass(frozen=True)
class Label:
    form: str          # superscript, bracket, footnote, star, dotted, plain, paren, symbol, rst
    mark: str          # as printed
    value: int | None
    family: str        # number | star | symbol
    rest: str          # the note's text after the label


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


def parse_label(text: str) -> Label | None:
    text = text.strip()
    for form, rx in _FORMS:
        m = rx.match(text)
        if m:
            mark = m.group("n")
            return Label(form, mark, number(mark), family_of(mark), m.group("rest").strip())
    return None


def number(mark: str) -> int | None:
    digits = mark.translate(FROM_SUPERSCRIPT).rstrip("*").lstrip("#")
    digits = digits.removeprefix("fn") if digits.startswith("fn") else digits
    if re.fullmatch(r"[0-9lIO]{1,4}", digits) and re.search(r"\d", digits):
        return int(digits.translate(OCR_DIGITS))
    return None


def family_of(mark: str) -> str:
    if mark.endswith("*") and any(c.isdigit() for c in mark):
        return "star"
    if number(mark) is not None:
        return "number"
    return "symbol"
