"""A licence the text states: a public-domain statement, a Creative Commons name or address.

Every line of the source is read, those a distributor's wrapper took out included (a Project
Gutenberg header states the text's status); the first statement of data/licence_statements.tsv that
the text makes is its licence, recorded with its words and line for the header's availability.
A licence the metadata gives (S.toml) always comes first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import data
from ..model import Document, Licence
from ..passes import BlockPass, Context, Declaration, Section


@dataclass(frozen=True)
class Statement:
    """One way a text states its licence (a row of data/licence_statements.tsv)."""

    name: str                            # may use the pattern's groups: {kind} {version}
    url: str | None
    free: bool
    needs: tuple[re.Pattern[str], ...]   # one of these words stands in every match
    pattern: re.Pattern[str]

    def search(self, text: str) -> re.Match[str] | None:
        # a word is found in a fortieth of the time the pattern takes to fail on a long text
        # (most texts state no licence, and every statement is tried on all of it); the same
        # engine and case rule, so a text without the word has no match
        if not any(word.search(text) for word in self.needs):
            return None
        return self.pattern.search(text)


@lru_cache(maxsize=1)
def _statements() -> list[Statement]:
    return [Statement(name, None if url == "-" else url, free == "free",
                      tuple(re.compile(re.escape(w), re.I) for w in needs.split("|") if w), re.compile(rx, re.I))
            for name, url, free, needs, rx in data.table("licence_statements.tsv")]


def licence_in(text: str) -> tuple[str, str | None, bool, re.Match[str]] | None:
    """The licence a line states, named, with its address, whether it is free, and the words that state it."""
    kinds = data.pairs("licence_kinds.tsv")
    for statement in _statements():
        name, url, free = statement.name, statement.url, statement.free
        m = statement.search(text)
        if m:
            groups = {k: (v or "") for k, v in m.groupdict().items()}
            kind = groups.get("kind", "").lower()
            groups["kind"] = kind
            groups["kindname"] = kinds.get(kind, kind.upper())
            return name.format(**groups), url.format(**groups) if url else None, free, m
    return None


class LicenceStatement(BlockPass):
    """The licence the text states, with its evidence line, for the header."""

    name = "licence"
    declaration = Declaration(Section.INTERPRETATION,
                              "The licence the text states (a public-domain statement, a Creative Commons name "
                              "or address) was recorded in the header's availability, with its words and line.")

    def apply(self, doc: Document, context: Context) -> None:
        if context.metadata.licence or doc.front.licence is not None:
            return
        lines = context.lines.lines if context.lines is not None else []
        text = "\n".join(ln.text for ln in lines)     # a statement may run over a line end
        found = licence_in(text)
        if found is None:
            return
        name, url, free, m = found
        line = text.count("\n", 0, m.start()) + 1
        evidence = " ".join(text[text.rfind("\n", 0, m.start()) + 1:max(text.find("\n", m.end()), m.end())].split())
        doc.front.licence = Licence(name, url, evidence[:300], line, free)
        context.report.recognise(f"the text states its licence: {name}", line, evidence[:200])
