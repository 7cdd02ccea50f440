"""BibTeX keys: the `xml:id`s of the works' biblStructs, stable across runs and sources.

A key is the first author's (else editor's) family name, folded to ASCII letters (Cyrillic and
Greek spelt in Latin letters), the year ("nd" without one) and the first significant word of the
title: `cliff1991trotsky`. A body's name gives its initials when it has three words or more
(`icc2000russian`); a work with no names puts the title's first word in their place.

Stability: a key once given is never given to another work. The edition's bibliography of the
last build (`bib/works-cited.bib`) is the register of keys given: a work found there by the
identity rule keeps its key, whatever else the sources now cite. A new work whose key is taken
(by a work of the register or by another new work) gets the next free letter (`a`, `b`, …), the
letters the source gives its years (1972a, 1972b) first where they are free; works are lettered
in the order of their titles, so the letters depend on the works, not on the order of reading.
A new clashing work therefore never renames an existing key.
"""
from __future__ import annotations

import string
from collections.abc import Iterator
from itertools import count, product

from .model import Name, Work, WorkKind
from .vocabulary import significant_words, words


def _name_part(name: Name) -> str:
    parts = words(name.family)
    if name.body and len(parts) >= 3:
        return "".join(p[0] for p in significant_words(name.family) or parts)
    return "".join(parts)


def base_key(work: Work) -> str:
    names = [n for n in work.names if n.family != "others"]
    title_words = [w for w in significant_words(work.title or work.container) if not w.isdigit()] or \
        significant_words(work.title or work.container)
    year = work.year or "nd"
    if names:
        head, word = _name_part(names[0]), (title_words[0] if title_words else "")
    else:
        head = title_words[0] if title_words else "anon"
        word = title_words[1] if len(title_words) > 1 else ""
    if work.kind is WorkKind.ISSUE and work.issue:
        word += "".join(words(work.issue))       # a periodical's issues: "internationalndreview100"
    return (head + year + word)[:48] or "work"


def assign(works: list[Work], given: dict[int, str], taken: set[str]) -> dict[int, str]:
    """Keys for `works` (by index): those in `given` (from the register) kept, the others made
    from base_key and lettered where taken."""
    keys = dict(given)
    used = set(taken) | set(given.values())
    groups: dict[str, list[int]] = {}
    for k, w in enumerate(works):
        if k not in keys:
            groups.setdefault(base_key(w), []).append(k)
    for base in sorted(groups):
        members = sorted(groups[base], key=lambda k: (works[k].year_label or "~", works[k].title, works[k].container,
                                                      works[k].kind.value, works[k].publisher, works[k].place))
        if len(members) == 1 and base not in used:
            keys[members[0]] = base
            used.add(base)
            continue
        letters = _letters()        # (one run of letters for the group: each letter passed is taken)
        for k in members:
            label = works[k].year_label
            candidate = base + label if label and base + label not in used else next(
                base + letter for letter in letters if base + letter not in used)
            keys[k] = candidate
            used.add(candidate)
    return keys


def _letters() -> Iterator[str]:
    """a … z, aa … zz, aaa …: as many as a group needs (past 702 works of one key, there were none)."""
    for length in count(1):
        for letters in product(string.ascii_lowercase, repeat=length):
            yield "".join(letters)
