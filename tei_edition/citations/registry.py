"""The edition's bibliography as the citations pass reads it back: the keys already given
(`bib/works-cited.bib`, written by the last build) and the editor's corrections
(`bib/corrections.bib`, fields that override what was parsed, by key).

`bib/` stands beside the sources' folder (`sources/` and `bib/` in the edition's root). A text
converted on its own has neither: no keys are known and nothing is corrected. A file that cannot
be read is reported, never a reason to stop.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..registers import Registers
from .bibtex import work_of
from .latex import unescape
from .model import Work

_NAME_FIELDS = ("author", "editor", "translator")   # a body's braces are kept: {International Communist Current}

EDITION_BIB = "works-cited.bib"
CORRECTIONS_BIB = "corrections.bib"


@dataclass(frozen=True)
class Correction:
    entry: str | None            # a new entry type, or None to keep the parsed one
    fields: dict[str, str]


@dataclass
class Registry:
    """Works with the keys the edition gave them, and the editor's corrections by key."""

    known: dict[str, Work] = field(default_factory=dict)
    entries: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)   # key → (type, fields) as written
    corrections: dict[str, Correction] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


WRITTEN_FIELDS = ("title", "year", "author", "editor")


def written_as(work: Work, entry: tuple[str, dict[str, str]]) -> bool:
    """Would the work be written as this entry of the register (type, title, year, names)? A
    work found again is known by what was written of it, whatever shape it was read back in."""
    return written_signature(work) == entry_signature(entry)


def written_signature(work: Work) -> tuple[str, ...]:
    """What `written_as` compares of a work: its entry type and written fields, spaces normalised."""
    from .bibtex import entry_type, fields_of
    mine = fields_of(work)
    return (entry_type(work), *(" ".join(mine.get(name, "").split()) for name in WRITTEN_FIELDS))


def entry_signature(entry: tuple[str, dict[str, str]]) -> tuple[str, ...]:
    """The same of an entry of the register, as it is written there."""
    kind, fields = entry
    return (kind, *(" ".join(unescape(fields.get(name, "")).split()) for name in WRITTEN_FIELDS))


def read_again(work: Work, known: Work) -> bool:
    """The registered work, read now with more or less of its title: same type, names and year,
    no other publisher or place (another edition), and one title is the other with a volume or a part
    after a separator ("Marxist Economic Theory"
    and "Marxist Economic Theory Volume II"; never "Trotsky" and "Trotsky and the Left Opposition")."""
    import re

    from .bibtex import entry_type
    from .identity import name_keys, publishers_differ
    from .vocabulary import fold, scopes, words
    if entry_type(work) != entry_type(known) or work.year != known.year or name_keys(work.names) != name_keys(known.names):
        return False
    if publishers_differ(work.publisher, known.publisher) or (work.place and known.place and fold(work.place) != fold(known.place)):
        return False           # another edition of it
    a, b = sorted((work.title, known.title), key=len)
    if not a or words(b)[:len(words(a))] != words(a) or len(words(b)) == len(words(a)):
        return False
    rest = b[len(a):] if b.lower().startswith(a.lower()) else ""
    return bool(re.match(rf"\s*(?:[,:.;]\s|[\-–—]\s|\s(?:{scopes()['volume']})\s*\w)", rest, re.IGNORECASE))


def load(registers: Registers) -> Registry:
    """The edition's bibliography as the registers hold it (bib/works-cited.bib, bib/corrections.bib)."""
    keys, corrections = registers.contents(EDITION_BIB), registers.contents(CORRECTIONS_BIB)
    if keys is None and corrections is None:
        return Registry()
    return _load(keys, corrections)


@lru_cache(maxsize=8)
def _load(keys: bytes | None, corrections: bytes | None) -> Registry:
    registry = Registry()
    for key, entry, fields in _entries(EDITION_BIB, keys, registry.problems):
        registry.known[key] = work_of(entry, fields)
        registry.entries[key] = (entry.lower(), fields)
    for key, entry, fields in _entries(CORRECTIONS_BIB, corrections, registry.problems):
        registry.corrections[key] = Correction(entry if entry.lower() != "correction" else None, fields)
    return registry


def _entries(name: str, data: bytes | None, problems: list[str]) -> list[tuple[str, str, dict[str, str]]]:
    if data is None:
        return []
    try:
        import bibtexparser
        from bibtexparser.middlewares import RemoveEnclosingMiddleware
        text = data.decode("utf-8")
        library = bibtexparser.parse_string(text, parse_stack=[RemoveEnclosingMiddleware(allow_inplace_modification=True)])
    except (UnicodeDecodeError, ValueError) as exc:
        problems.append(f"{name}: cannot be read ({exc})")
        return []
    for block in library.failed_blocks:
        problems.append(f"{name}: a block could not be parsed ({str(getattr(block, 'error', ''))[:80]})")
    out = []
    for e in library.entries:
        fields = {f.key.lower(): unescape(_unbraced(str(f.value))) if f.key.lower() not in _NAME_FIELDS
                  else str(f.value) for f in e.fields}
        out.append((e.key, e.entry_type, fields))
    return out


def _unbraced(value: str) -> str:
    while value.startswith("{") and value.endswith("}") and _balanced(value[1:-1]):
        value = value[1:-1]
    return value


def _balanced(s: str) -> bool:
    depth = 0
    for ch in s:
        depth += (ch == "{") - (ch == "}")
        if depth < 0:
            return False
    return depth == 0
