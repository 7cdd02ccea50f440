"""Data files (word lists, patterns) that rules read: one place for each list, none in code."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """A list file: one entry per line, `#` comments; entries compared in lower case."""
    return frozenset(line.lower() for line in _lines(name))


@lru_cache(maxsize=None)
def ordered(name: str) -> tuple[str, ...]:
    return tuple(_lines(name))


@lru_cache(maxsize=None)
def patterns(name: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """A pattern file: `name<TAB>regex` per line."""
    out = []
    for line in _lines(name):
        label, _, rx = line.partition("\t")
        out.append((label.strip(), re.compile(rx.strip())))
    return tuple(out)


def _lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
