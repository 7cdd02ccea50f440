"""Data files (word lists, patterns) that rules read: one place for each list, none in code.

Passes read them through `Context.data` (or, in helpers that have no context, the module
functions below, which read the same files). Every file is read once and cached.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


class DataFiles:
    """The package's data files."""

    @lru_cache(maxsize=None)
    def words(self, name: str) -> frozenset[str]:
        """A list file: one entry per line, `#` comments; entries compared in lower case."""
        return frozenset(line.lower() for line in self._lines(name))

    @lru_cache(maxsize=None)
    def ordered(self, name: str) -> tuple[str, ...]:
        """A list file, in its order, case kept."""
        return tuple(self._lines(name))

    @lru_cache(maxsize=None)
    def table(self, name: str) -> tuple[tuple[str, ...], ...]:
        """A table file: tab-separated fields per line."""
        return tuple(tuple(field.strip() for field in line.split("\t")) for line in self._lines(name))

    def pairs(self, name: str) -> dict[str, str]:
        """A two-column table file as a mapping from its first column to its second."""
        return {row[0]: row[1] for row in self.table(name) if len(row) >= 2}

    @lru_cache(maxsize=None)
    def patterns(self, name: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """A pattern file: `name<TAB>regex` per line."""
        return tuple((label, re.compile(rx)) for label, rx in self.pattern_texts(name))

    @lru_cache(maxsize=None)
    def pattern_texts(self, name: str) -> tuple[tuple[str, str], ...]:
        """A pattern file's names and regexes as text, not compiled: for rules that build their
        own patterns from them (compiling each first costs a fresh process time for nothing)."""
        out = []
        for line in self._lines(name):
            label, _, rx = line.partition("\t")
            out.append((label.strip(), rx.strip()))
        return tuple(out)

    @staticmethod
    def _lines(name: str) -> list[str]:
        text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
        return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


DATA = DataFiles()
words, ordered, table, pairs, patterns = DATA.words, DATA.ordered, DATA.table, DATA.pairs, DATA.patterns
pattern_texts = DATA.pattern_texts
