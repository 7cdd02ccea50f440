"""Signs of conventions the conversion did not recognise, reported as warnings.

A conversion that leaves footnote definitions, markup or page furniture in the running text must
say so: the report (and the command line's summary of warnings) is where the editor learns that a
source needs another reader or a declared format. Three signs are looked for in the body's blocks
after every structure pass has run: lines that look like note texts or markup
(data/convention_residue.tsv), and short lines repeated many times at about the same distance
(running heads of a text whose page breaks were lost). Calls without note texts are reported by the note pairing; a language that
differs from the declared one by the language pass.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .. import data
from ..model import BlockKind, Document
from ..passes import BlockPass, Context, Declaration, Section

REPEATED = 5            # a short line standing this often in the body is furniture, not text
SHORT = 60              # … of at most this many characters
PAGE_SPREAD = 0.35      # … at distances that vary by at most this share of their mean (a page's length)
BODY = (BlockKind.P, BlockKind.HEAD, BlockKind.QUOTE, BlockKind.NOTE)


@lru_cache(maxsize=1)
def _signs() -> list[tuple[str, str, re.Pattern[str]]]:
    return [(kind, what, re.compile(rx, re.M)) for kind, what, rx in data.table("convention_residue.tsv")]


@lru_cache(maxsize=1)
def _at_line_starts() -> frozenset[str]:
    """The patterns of `_signs` whose every match begins at a line's start (their first item is
    '^', not one branch of an alternation)."""
    try:
        from re import _constants, _parser
        return frozenset(rx.pattern for _, _, rx in _signs()
                         if (parsed := _parser.parse(rx.pattern, rx.flags)) and len(parsed)
                         and parsed[0] == (_constants.AT, _constants.AT_BEGINNING))
    except (ImportError, AttributeError):     # another Python's parser: every pattern is searched
        return frozenset()


def find_sign(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`rx.search(text)`. A pattern anchored at line starts (`_at_line_starts`) is tried only at the
    start of a block without a line break, the one place its '^' (in MULTILINE mode: the start or
    after a '\\n') can match, instead of at every position of the block."""
    if "\n" not in text and rx.pattern in _at_line_starts():
        return rx.match(text)
    return rx.search(text)


class Residue(BlockPass):
    """Warnings for every sign of an unrecognised convention left in the body."""

    name = "residue"
    after = {"note-pairing": "calls and note texts have been taken out of the text"}
    declaration = Declaration(Section.INTERPRETATION,
                              "The body was searched for signs of conventions the conversion did not "
                              "recognise (note texts and markup left as text, lines repeated as running "
                              "heads); each is reported as a warning.")

    def apply(self, doc: Document, context: Context) -> None:
        found: dict[tuple[str, str], list[int]] = {}
        for b in doc.blocks:
            if b.kind not in BODY or b.kind is BlockKind.CODE:
                continue
            for kind, what, rx in _signs():
                m = find_sign(rx, b.text)
                if m:
                    found.setdefault((kind, what), []).append(b.line_at(m.start()))
        for (kind, what), lines in found.items():
            label = "note-like lines left in the body" if kind == "note" else "markup left as text"
            context.report.warn(f"{label}: {len(lines)} × {what}", lines[0],
                                "lines " + ", ".join(map(str, lines[:12])) + (" …" if len(lines) > 12 else ""))
        self._repeated(doc, context)

    @staticmethod
    def _repeated(doc: Document, context: Context) -> None:
        counts = Counter(b.text.strip() for b in doc.blocks
                         if b.kind in (BlockKind.P, BlockKind.HEAD) and 3 <= len(b.text.strip()) <= SHORT
                         and re.search(r"[^\W\d_]{3}", b.text) and not re.fullmatch(r"\[.*\]", b.text.strip()))
        # ('[Illustration]', '[Music]': an e-book's placeholders, not furniture)
        for text, n in counts.most_common():
            if n < REPEATED:
                break
            lines = [b.first_line for b in doc.blocks
                     if b.kind in (BlockKind.P, BlockKind.HEAD) and b.text.strip() == text]
            if _regular(lines):
                context.report.warn(f"a line repeated {n} times in the body (a running head or foot?)", lines[0],
                                    text)


def _regular(lines: list[int]) -> bool:
    """Do the occurrences come at about the same distance, page after page? (A letter's signature
    or salutation repeats too, but where each letter ends.)"""
    gaps = [b - a for a, b in zip(lines, lines[1:])]
    mean = sum(gaps) / len(gaps)
    spread = (sum((g - mean) ** 2 for g in gaps) / len(gaps)) ** 0.5
    return mean > 0 and spread <= PAGE_SPREAD * mean


class MarkedUpResidue(Residue):
    """The same warnings for a source a parser read (it pairs notes itself: no pass runs before)."""

    after: dict[str, str] = {}


__all__ = ["MarkedUpResidue", "Residue"]
