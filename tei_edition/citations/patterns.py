"""The pieces citations are made of, as regular expressions built once from the vocabulary:
years (with the source's letters and OCR noise), dates, page numbers and ranges, the words of
scopes and roles, imprints, quoted titles.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import data
from .vocabulary import DASHES, LOWER, UPPER, month_words, no_date, roles, scopes

# A year as printed, OCR noise allowed ("194~7", "l930"): read_year decides what it is.
YEARISH = r"(?<![\w~])[12lI][0-9lIO~'`´^*°]{3,4}(?:[a-z](?![\w]))?(?![\w~])"
YEAR = r"(?<!\d)(?:1[4-9]\d\d|20[0-4]\d)(?!\d)"
_NOISE = "~'`´^*°"
_DIGIT_LOOKALIKES = {"l": "1", "I": "1", "O": "0", "i": "1", "o": "0"}


# Compiled once: read_year and digits_corrected are asked thousands of times in a text.
_WHOLE_YEAR = re.compile(YEAR)
_LOOKALIKE_IN_NUMBER = re.compile(r"(?<=\d)[ilIO](?=[\dilIO]*\d)|(?<=\d[ilIO])[ilIO]")


@dataclass(frozen=True)
class Year:
    year: str
    label: str          # the source's letter ("a" of "2003a")
    corrected: bool     # the printed form had noise or look-alike letters


def read_year(text: str) -> Year | None:
    """'1991' → 1991; '2003a' → 2003 with label a; '194~7' → 1947, corrected; else None."""
    text = text.strip()
    label = ""
    if text[-1:].isalpha() and text[-1:].islower() and text[-1:] not in _DIGIT_LOOKALIKES:
        text, label = text[:-1], text[-1]
    cleaned = "".join(_DIGIT_LOOKALIKES.get(c, c) for c in text if c not in _NOISE)
    if not _WHOLE_YEAR.fullmatch(cleaned):
        return None
    return Year(cleaned, label, cleaned != text)


def digits_corrected(text: str) -> str:
    """A page number with letters read for digits by OCR ('2i0' → '210')."""
    return _LOOKALIKE_IN_NUMBER.sub(lambda m: _DIGIT_LOOKALIKES[m.group(0)], text)


@lru_cache(maxsize=None)
def month() -> str:
    return rf"(?i:{month_words()})\.?(?!\w)"


@lru_cache(maxsize=None)
def date_words() -> str:
    """A date as periodicals give it: "Oct., 1977", "Sept.-Oct. 1947", "13 May 1924", "Spring 1990",
    "November-December 1929", "January 1926"."""
    m = month()
    day = r"\d{1,2}(?:st|nd|rd|th|\.)?"
    return (rf"(?:(?:{day}\s+)?{m}(?:\s*[{DASHES}/]\s*(?:{day}\s+)?{m})?\s*(?:{day},?\s*)?,?\s*{YEARISH}"
            rf"|{YEARISH}(?:\s*[{DASHES}/]\s*\d{{2,4}})?)")


@lru_cache(maxsize=None)
def no_date_rx() -> str:
    return rf"(?:{no_date()})"


NUM = r"(?:\d[\dilIO]*\d[a-z]?|\d[a-z]?|(?-i:[ivxlcdm]{1,7}))(?![\w])"
# volumes and chapters may be numbered in capitals ("vol. II", "ch. XVI"); pages are not
NUMBER = r"(?:\d+[a-z]?|[ivxlcdm]{1,7}|[IVXLCDM]{1,7})(?![\w])"
RANGE = rf"{NUM}(?:\s*[{DASHES}]+\s*{NUM})?(?:\s?(?:ff?\.|et\s+seq\.|sqq?\.))?"
PAGES = rf"{RANGE}(?:\s*(?:,|and|&|und|et|y|e)\s*{RANGE})*"


@lru_cache(maxsize=None)
def scope(unit: str) -> str:
    return rf"(?:{scopes()[unit]})"


@lru_cache(maxsize=None)
def role(name: str) -> str:
    return rf"(?:{roles()[name]})"


@lru_cache(maxsize=None)
def any_role() -> str:
    return rf"(?:{role('editor')}|{role('translator')})"


# Quoted titles: the opening mark and the mark that closes it.
OPEN_QUOTES = "“\"‘'«„‚‹»"
CLOSE_FOR = {"“": "”\"", "\"": "\"”", "‘": "’'", "'": "'’", "«": "»", "„": "“”\"", "‚": "‘’'", "‹": "›", "»": "«"}

# A place of publication: one to four capitalised words, a state or country after a comma
# ("Cambridge, Mass.", "Ann Arbor", "Frankfurt a. M.", "New York, NY").
PLACE = (rf"{UPPER}[\w'’.\-]*(?:\s+(?:{UPPER}[\w'’.\-]*|a\.\s?[MDO]\.|am|an|upon|on|sur|de|del|di|im|in|und|and|&|et|e|y)){{0,4}}"
         rf"(?:,\s*(?:{UPPER}{{2}}|{UPPER}{LOWER}+\.?))?")


def glued_words() -> frozenset[str]:
    """Function words that OCR glues to the next word ("andCarter")."""
    return data.words("function_words.txt")


@lru_cache(maxsize=None)
def collection_words() -> frozenset[str]:
    return data.words("citation_collection_words.txt")


@lru_cache(maxsize=None)
def official_series() -> str:
    return "|".join(f"(?:{rx})" for _, rx in data.pattern_texts("citation_official_papers.tsv"))


@lru_cache(maxsize=None)
def law_reporters() -> str:
    return "|".join(f"(?:{rx})" for _, rx in data.pattern_texts("citation_law_reports.tsv"))


URL = r"(?:https?://|www\.)[^\s<>\"”]+[^\s<>\"”.,;:)\]]"
ACCESSED = (r"(?:accessed|retrieved|viewed|consulted|abgerufen\s+am|zugegriffen\s+am|consulté\s+le|"
            r"consultado\s+el|consultato\s+il)")
