"""The words of citations, read once from the data files, and the patterns built from them.

Letters are any Latin, Greek or Cyrillic letters: a name may be "Broué", "Sochineniia" or
"Троцкий". The character classes are built from Unicode's own case data, not spelt out.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import data

# Latin (with its extensions), Greek and Cyrillic: the scripts of the names a citation may hold.
_SCRIPTS = [(0x41, 0x24F), (0x370, 0x52F), (0x1E00, 0x1FFF)]


def _letters(predicate) -> str:
    """The inside of a character class of the scripts' letters that satisfy `predicate`, written
    as ranges of consecutive code points ("A-Z"): the same set of characters as listing each one,
    but a shorter pattern, which every name pattern holds dozens of times and re parses at each
    compile (a fresh process compiles them all)."""
    runs: list[list[int]] = []
    for code in (c for a, b in _SCRIPTS for c in range(a, b + 1) if predicate(chr(c))):
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(_class_item(first, last) for first, last in runs)


def _class_item(first: int, last: int) -> str:
    """One run of a character class: a letter, two letters, or a range (letters need no escape
    in a class, but re.escape keeps any other character literal)."""
    a, b = re.escape(chr(first)), re.escape(chr(last))
    if first == last:
        return a
    return a + b if last == first + 1 else f"{a}-{b}"


UPPER = f"[{_letters(str.isupper)}]"
LOWER = f"[{_letters(str.islower)}]"
APOSTROPHES = "'’ʼ"
DASHES = r"\-–—‐‑"          # for character classes


@lru_cache(maxsize=None)
def _spellings() -> tuple[dict[str, str], dict[str, str]]:
    return data.pairs("ascii_folding.tsv"), data.pairs("transliteration.tsv")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII letters and digits for comparing and for keys: accents dropped, Greek and
    Cyrillic transliterated, other letters spelt as ascii_folding.tsv says."""
    folding, translit = _spellings()
    spelt = "".join(folding.get(ch, ch) for ch in text)
    bare = "".join(c for c in unicodedata.normalize("NFKD", spelt) if not unicodedata.combining(c)).lower()
    latin = "".join(translit.get(ch, ch) for ch in bare)
    return latin.encode("ascii", "ignore").decode()


def words(text: str) -> list[str]:
    """The words of a text, folded; apostrophes join ("Stalin’s" → stalins)."""
    return list(_words(text))


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    joined = re.sub(f"[{APOSTROPHES}]", "", text)
    spaced = re.sub(r"[^\w]|_", " ", joined)       # a dash or a stop parts words, whatever its script
    return tuple(re.findall(r"[a-z0-9]+", fold(spaced)))


@lru_cache(maxsize=None)
def stop_words() -> frozenset[str]:
    return data.words("title_stop_words.txt")


def significant_words(title: str) -> list[str]:
    return [w for w in words(title) if w not in stop_words()]


def _phrases(strength: str | None) -> str:
    phrases = sorted({row[1].lower() for row in data.table("citation_lead_ins.tsv")
                      if len(row) > 1 and (strength is None or row[0] == strength)}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


@lru_cache(maxsize=None)
def lead_ins() -> re.Pattern[str]:
    """A lead-in phrase ending right before a citation ("See also ", "quoted in ", "Vgl. ")."""
    return re.compile(rf"(?<!\w)(?:{_phrases(None)})(?:\s*[,:])?\s+", re.IGNORECASE)


@lru_cache(maxsize=None)
def self_lead_in() -> re.Pattern[str]:
    """A possessive that makes the source's own author the author of the work after it ("my")."""
    return re.compile(rf"(?<!\w)(?:{_phrases('self')})\s+$", re.IGNORECASE)


@lru_cache(maxsize=None)
def strong_lead_ins() -> re.Pattern[str]:
    """A lead-in that never stands inside a title ("see", "quoted in", "cité par")."""
    return re.compile(rf"(?<!\w)(?:{_phrases('strong')})(?=[\s,:])", re.IGNORECASE)


@lru_cache(maxsize=None)
def repeats() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile(rf"(?:{rx})", re.IGNORECASE))
                 for name, rx in data.pattern_texts("citation_repeats.tsv") if name in ("ibid", "op-cit"))


@lru_cache(maxsize=None)
def repeat_words() -> str:
    """One alternation of every 'ibid.' and 'op. cit.' form."""
    return "|".join(f"(?:{rx})" for name, rx in data.pattern_texts("citation_repeats.tsv")
                    if name in ("ibid", "op-cit"))


@lru_cache(maxsize=None)
def author_placeholder(name: str) -> re.Pattern[str]:
    """The words that stand where a citation's names would ("Ders.", "Id.", "Anon.")."""
    rx = next(rx for n, rx in data.pattern_texts("citation_repeats.tsv") if n == name)
    return re.compile(rf"(?:{rx})", re.IGNORECASE)


@lru_cache(maxsize=None)
def roles() -> dict[str, str]:
    """role → an alternation of its words."""
    return dict(data.pattern_texts("citation_roles.tsv"))


@lru_cache(maxsize=None)
def scopes() -> dict[str, str]:
    """biblScope unit → an alternation of its words."""
    return dict(data.pattern_texts("citation_scopes.tsv"))


@lru_cache(maxsize=None)
def month_words() -> str:
    """An alternation of month and season words (any of five languages), longest first."""
    names = {m.lower() for m in data.ordered("months.txt")} | set(data.words("citation_dates.txt"))
    return "|".join(re.escape(m) for m in sorted(names, key=len, reverse=True))


@lru_cache(maxsize=None)
def no_date() -> str:
    return "|".join(re.escape(m).replace(r"\ ", r"\s?") for m in sorted(data.words("citation_no_date.txt"), key=len, reverse=True))


@lru_cache(maxsize=None)
def particles() -> frozenset[str]:
    return data.words("name_particles.txt")


@lru_cache(maxsize=None)
def non_names() -> frozenset[str]:
    """Capitalised words that never begin a person's name (compared in lower case): those listed,
    and the words that lead to a citation ("See", "Voir", "Siehe", "Véase", "Vgl")."""
    leads = {row[1].split()[0].lower().rstrip(".,") for row in data.table("citation_lead_ins.tsv")
             if len(row) > 1 and row[0] == "strong"}
    return data.words("citation_non_names.txt") | frozenset(leads)


@lru_cache(maxsize=None)
def publisher_words() -> frozenset[str]:
    return data.words("citation_publisher_words.txt")


@lru_cache(maxsize=None)
def publisher_abbreviations() -> dict[str, str]:
    return data.pairs("citation_publishers.tsv")


@lru_cache(maxsize=None)
def web_words() -> frozenset[str]:
    return data.words("citation_web_words.txt")


@lru_cache(maxsize=None)
def abbreviation_setups() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rx, re.IGNORECASE) for _, rx in data.pattern_texts("citation_abbreviation_setups.tsv"))


def looks_like_publisher(text: str) -> bool:
    found = set(re.findall(r"[^\W\d_]+", text.lower()))
    compact = text.replace(".", "").strip()
    return bool(found & publisher_words()) or compact in publisher_abbreviations() or "&" in text


def looks_like_web(text: str) -> bool:
    return bool(set(re.findall(r"[^\W\d_]+", text.lower())) & web_words()) or bool(
        re.search(r"\b[\w-]+\.(?:org|com|net|info|edu|de|fr|it|es)\b", text.lower()))
