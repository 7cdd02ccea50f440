"""A licence the text states: a public-domain statement, a Creative Commons name or address.

Every line of the source is read, those a distributor's wrapper took out included (a Project
Gutenberg header states the text's status); the first statement of data/licence_statements.tsv that
the text makes is its licence, recorded with its words and line for the header's availability.
A licence the metadata gives (S.toml) always comes first.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .. import data
from ..model import Document, Licence
from ..passes import BlockPass, Context, Declaration, Section


# The only characters that re.I takes for an ASCII letter besides its two cases ('i', 's'); a text
# without them holds an ASCII word, case ignored as re.I ignores it, where its small letters hold it.
_UNCASED_ASCII_MATCHES = ("\u0130", "\u0131", "\u017f")     # İ ı ſ


class SearchedText:
    """A long text, and which words it holds, case ignored as re.I ignores it: found in its small
    letters where that is exact (a search for a word with re.I goes through the whole text in
    Python's regex engine, a hundred times slower than `in`: on a 10 MB text the dozen words of
    the statements took 1.6 s, most texts holding none), a piece at a time (a copy of the whole
    text in small letters would be as large as the text)."""

    PIECE = 1 << 20     # characters

    def __init__(self, text: str, words: Iterable[str] = ()) -> None:
        self.text = text
        self._plain = not any(c in text for c in _UNCASED_ASCII_MATCHES)
        self._held = self._find(set(words))

    def holds(self, word: str) -> bool:
        if word not in self._held:
            self._held.update(self._find({word}))
        return self._held[word]

    def _find(self, words: set[str]) -> dict[str, bool]:
        held = {w: False for w in words}
        small = {w: w.lower() for w in words if w.isascii()} if self._plain else {}
        for word in words - small.keys():
            held[word] = re.search(re.escape(word), self.text, re.I) is not None
        overlap = max(map(len, small.values()), default=1) - 1     # a word across two pieces
        for start in range(0, len(self.text), self.PIECE):
            if not small:
                break
            piece = self.text[start:start + self.PIECE + overlap].lower()
            for word in [w for w, lowered in small.items() if lowered in piece]:
                held[word] = True
                del small[word]
        return held


@dataclass(frozen=True)
class Statement:
    """One way a text states its licence (a row of data/licence_statements.tsv)."""

    name: str                            # may use the pattern's groups: {kind} {version}
    url: str | None
    free: bool
    needs: tuple[str, ...]               # one of these words stands in every match (case ignored)
    pattern: re.Pattern[str]

    def search(self, text: SearchedText) -> re.Match[str] | None:
        # most texts state no licence, and every statement is tried on all of it: the pattern is
        # tried only where one of its words stands (the same case rule, so a text without the word
        # has no match)
        if not any(text.holds(word) for word in self.needs):
            return None
        return self.pattern.search(text.text)


@lru_cache(maxsize=1)
def _statements() -> list[Statement]:
    return [Statement(name, None if url == "-" else url, free == "free",
                      tuple(w for w in needs.split("|") if w), re.compile(rx, re.I))
            for name, url, free, needs, rx in data.table("licence_statements.tsv")]


def licence_in(text: str) -> tuple[str, str | None, bool, re.Match[str]] | None:
    """The licence a line states, named, with its address, whether it is free, and the words that state it."""
    kinds = data.pairs("licence_kinds.tsv")
    statements = _statements()
    searched = SearchedText(text, {word for statement in statements for word in statement.needs})
    for statement in statements:
        name, url, free = statement.name, statement.url, statement.free
        m = statement.search(searched)
        if m:
            groups = {k: (v or "") for k, v in m.groupdict().items()}
            kind = groups.get("kind", "").lower()
            groups["kind"] = kind
            groups["kindname"] = kinds.get(kind, kind.upper())
            return name.format(**groups), url.format(**groups) if url else None, free, m
    return None


def stated_licence(text: str) -> Licence | None:
    """The licence `text` states: the first statement of the table it makes, with its line and
    the words around it (the lines the match stands on)."""
    found = licence_in(text)
    if found is None:
        return None
    name, url, free, m = found
    line = text.count("\n", 0, m.start()) + 1
    evidence = " ".join(text[text.rfind("\n", 0, m.start()) + 1:max(text.find("\n", m.end()), m.end())].split())
    return Licence(name, url, evidence[:300], line, free)


class LicenceStatement(BlockPass):
    """The licence the text states, with its evidence line, for the header."""

    name = "licence"
    declaration = Declaration(Section.INTERPRETATION,
                              "The licence the text states (a public-domain statement, a Creative Commons name "
                              "or address) was recorded in the header's availability, with its words and line.")

    def apply(self, doc: Document, context: Context) -> None:
        if context.metadata.licence or doc.front.licence is not None:
            return
        # searched in the decoded source itself, every line of it, those a distributor's wrapper
        # took out included (not its lines joined again: a second copy of a large text); a
        # statement may run over a line end, and its patterns take a trailing space or a form
        # feed for the white space it is. (Read before the text was held deflated: Evidence.)
        found = context.evidence.licence
        if found is None:
            return
        doc.front.licence = found
        context.report.recognise(f"the text states its licence: {found.name}", found.line, found.evidence[:200])
