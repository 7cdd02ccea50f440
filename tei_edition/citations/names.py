"""Persons' names as citations write them: "Leon Trotsky", "R. V. Daniels", "Marcel van der Linden",
"Cliff, Tony, et al.", "Haynes, Mike and Jim Wolfreys", "Smith, J. A., & Doe, B.", "BOURDIEU
Pierre", and family names alone in short forms ("Getty and Naumov 1999").

A reader takes a text and a position and reads as many names as stand there, giving each name's
span, so that the encoder can tag each one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .model import OTHERS, Name
from .vocabulary import LOWER, UPPER, non_names, particles

# One capitalised word of a name: "Trotsky", "O’Brien", "McGraw", "Jean-Pierre", "Mendès-France".
WORD = rf"(?:{UPPER}['’])?{UPPER}{LOWER}+(?:{UPPER}{LOWER}+)?(?:-{UPPER}?{LOWER}+)*"
# Initials: "R.", "Kh.", "C. L. R.", "J.-P.", "E. H." (a space after the full stop or none).
INITIALS = rf"{UPPER}{LOWER}?\.(?:\s?-?{UPPER}{LOWER}?\.)*"
# A surname printed in capitals (French bibliographies): "BOURDIEU", "LÉVI-STRAUSS".
CAPITALS = rf"{UPPER}{{2,}}(?:-{UPPER}{{2,}})*"
GIVEN = rf"(?:{INITIALS}|{WORD}|{UPPER}(?=\s+{UPPER}{LOWER})|{UPPER}{{2,3}}(?=\s+{UPPER}{LOWER}{{2,}}))"
_PARTICLE = r"(?:" + "|".join(sorted((re.escape(p) for p in particles()), key=len, reverse=True)) + r")"
FAMILY = rf"(?:(?:{_PARTICLE}|d['’])\s*)*(?:{WORD}|{CAPITALS})"
_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and|&|und|et|y|e)\s+|\s(?:and|&|und|et|y|e)\s+|,\s+)", re.IGNORECASE)
_SEPARATOR_CASED = re.compile(r"\s*(?:,\s*(?:and|&|und|et|y|e)\s+|\s(?:and|&|und|et|y|e)\s+|,\s+)")
# One to four given names or initials ("J. Arch", "C. L. R.", "Jean-Paul"): the first GIVEN, then
# up to three more after spaces or none. Written as one repeat, not "GIVEN(?:\s*GIVEN){0,3}": the
# same matches (the look-ahead keeps the first repeat from taking spaces, as GIVEN takes none),
# but GIVEN, the longest piece of the name patterns, stands in them once, not twice, which halves
# what re parses when they are compiled in a fresh process.
GIVENS = rf"(?!\s)(?:\s*{GIVEN}){{1,4}}"
_JOINED = re.compile(r"\s*(?:,\s*)?\s(?:and|&|und|et|y|e)\s+")
_ET_AL = re.compile(r"(?:,\s*|\s+)(?:et\s+al(?:ii)?\.?|and\s+others|u\.\s?a\.|e\.\s?a\.)", re.IGNORECASE)
_NATURAL = re.compile(rf"(?P<given>{GIVENS})(?:\s+|(?<=\.))(?P<family>{FAMILY})(?P<suffix>,?\s+(?:Jr\.|Sr\.|II|III))?")
_INVERTED = re.compile(rf"(?P<family>{FAMILY}),\s+(?P<given>{GIVENS}|{INITIALS})(?P<suffix>,\s+(?:Jr\.|Sr\.))?")
_CAPS_INVERTED = re.compile(rf"(?P<family>{CAPITALS}),?\s+(?P<given>{GIVENS})")
_FAMILY_ONLY = re.compile(rf"(?P<family>{FAMILY})")


@dataclass(frozen=True)
class Placed:
    """A name and its span in the text."""

    name: Name
    start: int
    end: int


@dataclass(frozen=True)
class NameRun:
    """Names read one after the other: their spans, "et al.", and where the run ends."""

    names: tuple[Placed, ...]
    others: bool
    end: int

    def all(self) -> tuple[Name, ...]:
        return tuple(p.name for p in self.names) + ((OTHERS,) if self.others else ())

    @property
    def start(self) -> int:
        return self.names[0].start


def _not_a_name(word: str) -> bool:
    return word.lower().strip(".") in non_names()


def _family(text: str) -> str:
    return " ".join(text.split())


# The readers of one name are asked again and again at the same place (a word start is tried
# as an "op. cit." form, then as an author-date form, then inside a full citation from every
# start and end the finder tries): each answer is kept for its arguments. They are functions of
# them alone and return frozen records (a Placed holds a frozen Name), so a kept answer cannot
# be changed by the caller that receives it.
_READER_CACHE = 8192


@lru_cache(maxsize=_READER_CACHE)
def natural_name(s: str, pos: int, end: int) -> Placed | None:
    """"Leon Trotsky", "J. Arch Getty", "Paul Le Blanc" at `pos`."""
    m = _NATURAL.match(s, pos, end)
    if not m:
        return None
    given, family = m.group("given"), m.group("family")
    tokens = given.split()
    # an initial ("A. Petrov") is no article ("A History")
    if (_not_a_name(tokens[0]) and not tokens[0].endswith(".")) or _not_a_name(family):
        return None
    # "Paul Le Blanc", "Marcel Van der Linden": a particle written with a capital joins the family
    while len(tokens) > 1 and tokens[-1].lower() in particles():
        family = tokens.pop() + " " + family
    # "José Ortega y Gasset": two family names joined by "y" (or "e", "i")
    if re.match(r"(?:y|e|i)\s", family) and len(tokens) > 1:
        family = tokens.pop() + " " + family
    stop = m.end("family")
    return Placed(Name(_family(family), " ".join(tokens)), m.start(), stop)


def inverted_name(s: str, pos: int, end: int) -> Placed | None:
    """"Cliff, Tony", "Gusev, Alexei V.", "Smith, J. A.", "BOURDIEU Pierre" at `pos`."""
    m = _INVERTED.match(s, pos, end) or _CAPS_INVERTED.match(s, pos, end)
    if not m:
        return None
    family, given = m.group("family"), m.group("given")
    if _not_a_name(family) or _not_a_name(given.split()[0]):
        return None
    if family.isupper() and len(family) > 1:
        family = "-".join(part.capitalize() for part in family.split("-"))
    return Placed(Name(_family(family), " ".join(given.split())), m.start(), m.end())


@lru_cache(maxsize=_READER_CACHE)
def family_name(s: str, pos: int, end: int) -> Placed | None:
    """A family name alone, as short forms give it: "Cliff", "van der Linden"."""
    m = _FAMILY_ONLY.match(s, pos, end)
    if not m or _not_a_name(m.group("family")):
        return None
    return Placed(Name(_family(m.group("family"))), m.start(), m.end())


def read_names(s: str, pos: int, end: int, *, inverted: bool = False, families: bool = False,
               cased: bool = False) -> NameRun | None:
    """The names standing at `pos`: natural order ("Leon Trotsky and Max Eastman"), the first
    inverted (reference lists: "Haynes, Mike and Jim Wolfreys"), or family names alone (short
    forms: "Getty and Naumov"). `cased`: "And" with a capital does not join names."""
    first_reader = inverted_name if inverted else (family_name if families else natural_name)
    first = first_reader(s, pos, end)
    if first is None:
        return None
    names = [first]
    at = first.end
    separator = _SEPARATOR_CASED if cased else _SEPARATOR
    if families:
        separator = _JOINED   # family names alone are joined by "and", never by a bare comma
    while True:
        others = _ET_AL.match(s, at, end)
        if others:
            return NameRun(tuple(names), True, others.end())
        sep = separator.match(s, at, end)
        if not sep:
            break
        following = _next_name(s, sep.end(), end, inverted, families)
        if following is None or (_bare_comma(sep.group(0)) and not families and
                                 (not _listed(s, following, end) if not inverted else not _inverted_at(s, sep.end(), end))):
            break
        names.append(following)
        at = following.end
    return NameRun(tuple(names), False, at)


def _bare_comma(separator: str) -> bool:
    return separator.strip() == ","


def _listed(s: str, placed: Placed, end: int) -> bool:
    """A name after a bare comma belongs to the list when it has initials ("Kh. Rakovsky,
    M. Okudjava") or the list goes on with "and" ("A, B, and C"): otherwise it is a title's words
    ("Moshe Lewin, Russian Peasants and Soviet Power")."""
    if re.search(INITIALS, placed.name.given):
        return True
    joined = re.compile(r",?\s+(?:and|&|und|et)\s+").match(s, placed.end, end)
    last = natural_name(s, joined.end(), end) if joined else None
    return last is not None and re.compile(r"\s*(?:,|\(|ed\.|eds\.)").match(s, last.end, end) is not None


def _inverted_at(s: str, pos: int, end: int) -> bool:
    """After a bare comma in an inverted list only another inverted name goes on ("Smith, J., Doe,
    B."): "Nettl, J. P., Rosa Luxemburg" is a name and a title."""
    return _INVERTED.match(s, pos, end) is not None and _inverted_follows(s, pos, end)


def _next_name(s: str, pos: int, end: int, inverted: bool, families: bool) -> Placed | None:
    if families:
        return family_name(s, pos, end)
    if inverted:
        # "Smith, J., & Doe, B." keeps the inverted order; "Haynes, Mike and Jim Wolfreys" turns
        return inverted_name(s, pos, end) if _inverted_follows(s, pos, end) else natural_name(s, pos, end)
    return natural_name(s, pos, end)


def _inverted_follows(s: str, pos: int, end: int) -> bool:
    m = _INVERTED.match(s, pos, end)
    return bool(m) and re.match(INITIALS, m.group("given")) is not None and natural_name(s, pos, end) is None


def name_of(text: str) -> Name:
    """One name given as a string, in either order ("Charles Malamuth", "Malamuth, Charles")."""
    text = " ".join(text.split()).strip(" ,;:")
    placed = inverted_name(text, 0, len(text)) if "," in text else natural_name(text, 0, len(text))
    if placed is not None and placed.end >= len(text.rstrip(".")) - 1:
        return placed.name
    parts = text.split()
    if len(parts) > 1 and all(p[:1].isupper() for p in parts) and len(parts) <= 4:
        return Name(parts[-1], " ".join(parts[:-1]))
    return Name(text, body=len(parts) > 1)
