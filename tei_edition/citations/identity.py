"""When two citations name one work, and what the work is when they do.

The rule (docs/encoding.md, "Works cited", says it in prose):

1. Who: the family names of the authors (else the editors), folded (accents, case, Cyrillic and
   Greek spelt in Latin letters), are the same, in order; "et al." matches any further names. Two
   works with no names are compared on their titles alone.
2. What: the titles are the same work's when their significant words are the same set (words
   reordered, punctuation or subtitles' separators changed: "Trotsky: Fighting the Rising
   Stalinist Bureaucracy, 1923–1927" and "Trotsky 1923-1927: Fighting the Rising Stalinist
   Bureaucracy"), or when one is the other's main title and has no subtitle of its own (a
   subtitle dropped: "The Prophet Unarmed" and "The Prophet Unarmed: Trotsky, 1921–1929"). Titles
   that merely share words are not ("Trotsky" and "Trotsky and the Left Opposition").
3. Against: a different year, or a different letter the source gave the year (2003a, 2003b), a
   different publisher (abbreviations spelt out and words such as "Books", "Press", "Inc." left
   aside: "OUP" is "Oxford University Press", "Verso Books" is "Verso"), a different book or
   journal (for pieces), a different translator, volume or issue: different editions,
   translations or works, kept apart. What is missing on one side is no evidence. Pages are no
   evidence: the same article cited with another first page is the same article.
4. Kind: a book and an edited volume may be one work (the same book cited by its editor); a piece
   (article, chapter, web page) is never the same work as a book.

Merging keeps, for every field, the value of the most trusted citation that gives it (a
reference-list entry, then the full citation with most fields), and the longest title.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .model import OTHERS, Name, Work, WorkKind
from .vocabulary import fold, publisher_abbreviations, significant_words, words

_PIECES = {WorkKind.ARTICLE, WorkKind.CHAPTER, WorkKind.WEB}
_BOOKS = {WorkKind.BOOK, WorkKind.COLLECTION}
# Words that say a name is a publisher's without being part of what tells publishers apart.
_PUBLISHER_NOISE = frozenset({"books", "press", "publishers", "publishing", "inc", "ltd", "co", "company", "and",
                              "verlag", "editions", "editions", "the", "limited", "llc", "gmbh", "sa"})


def family_key(name: Name) -> str:
    return family_words_key(name.family)


@lru_cache(maxsize=8192)
def family_words_key(family: str) -> str:
    """A family name's words, folded and run together: what names are compared by."""
    return "".join(words(family))


@lru_cache(maxsize=8192)
def name_keys(names: tuple[Name, ...]) -> tuple[str, ...]:
    """The family keys of names, "and others" left out. Kept for each tuple of names: the
    resolver compares every short form's names with every work's, the same works' names
    thousands of times in a text (names are frozen, so a kept answer stays true)."""
    return tuple(family_key(n) for n in names if n != OTHERS)


def _same_names(a: Work, b: Work) -> bool:
    ka, kb = name_keys(a.names), name_keys(b.names)
    if not ka or not kb:
        return not ka and not kb
    if ka == kb:
        return True
    others_a, others_b = OTHERS in a.names, OTHERS in b.names
    short, long_ = (ka, kb) if len(ka) < len(kb) else (kb, ka)
    shorter_has_others = others_a if len(ka) < len(kb) else others_b
    return shorter_has_others and long_[:len(short)] == short


_SHORT_RANGE = re.compile(r"\b(\d{2})(\d{2})\s*[\-–—/]\s*(\d{2})\b(?!\d)")


def title_words(title: str) -> frozenset[str]:
    """A title's significant words; a range of years written short counts as written out
    ("(1932-33)" and "(1932-1933)")."""
    return frozenset(significant_words(_SHORT_RANGE.sub(lambda m: f"{m[1]}{m[2]}-{m[1]}{m[3]}", title)))


def main_title(title: str) -> str:
    """The title before its subtitle (after ':', '. ', ' - ' or a comma before a subtitle)."""
    return re.split(r"\s*(?::|\.\s|\s[\-–—]\s|,\s)", title, maxsplit=1)[0]


def same_title(a: str, b: str) -> bool:
    wa, wb = title_words(a), title_words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    ma, mb = main_title(a), main_title(b)
    # a subtitle dropped: one title is the other's main title, and has none of its own
    if ma == a.strip() and title_words(ma) == title_words(mb):
        return True
    if mb == b.strip() and title_words(ma) == title_words(mb):
        return True
    return False


def publisher_key(name: str) -> frozenset[str]:
    full = publisher_abbreviations().get(name.replace(".", "").strip(), name)
    return frozenset(w for w in words(full) if w not in _PUBLISHER_NOISE)


def _differ(x: str, y: str) -> bool:
    return bool(x) and bool(y) and fold(x).strip() != fold(y).strip()


def publishers_differ(a: str, b: str) -> bool:
    if not a or not b:
        return False
    ka, kb = publisher_key(a), publisher_key(b)
    return bool(ka) and bool(kb) and not (ka <= kb or kb <= ka)


def kind_class(kind: WorkKind) -> str:
    """Books (and edited volumes), pieces, or the kind itself: two kinds agree (_kinds_agree) only
    within one class, what the resolver gathers works by."""
    return "books" if kind in _BOOKS else "pieces" if kind in _PIECES else kind.value


def _kinds_agree(a: WorkKind, b: WorkKind) -> bool:
    if a == b:
        return True
    if a in _BOOKS and b in _BOOKS:
        return True
    if a in _PIECES and b in _PIECES:
        return {a, b} != {WorkKind.ARTICLE, WorkKind.CHAPTER}
    return False


def _same_issue(a: Work, b: Work) -> bool:
    """"The Bulletin (Sept.-Oct. 1947)" and "The Bulletin of the Workers' League … (Sept.-Oct.
    1947)": a periodical's issue of one date, named in full once and by its first words after."""
    if a.kind is not WorkKind.ISSUE or b.kind is not WorkKind.ISSUE or not a.year or a.year != b.year:
        return False
    if fold(a.month) != fold(b.month) or fold(a.issue) != fold(b.issue):
        return False
    wa, wb = words(a.container), words(b.container)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return bool(short) and long_[:len(short)] == short


def same_work(a: Work, b: Work) -> bool:
    """The rule of this module's docstring."""
    # (every test must pass: the quick ones first, the titles' words last, so that the works a
    # citation is compared with and is not, most of them, cost little)
    if not _kinds_agree(a.kind, b.kind) or not _same_names(a, b):
        return False
    if _differ(a.year, b.year) or (a.year_label and b.year_label and a.year_label != b.year_label):
        return False
    for x, y in ((a.volume, b.volume), (a.issue, b.issue)):
        if _differ(x, y):
            return False
    if a.translators and b.translators and name_keys(a.translators) != name_keys(b.translators):
        return False
    if publishers_differ(a.publisher, b.publisher):
        return False
    title_a = a.title or a.container
    title_b = b.title or b.container
    if not same_title(title_a, title_b) and not _same_issue(a, b):
        return False
    if a.title and b.title and a.container and b.container and not same_title(a.container, b.container):
        return False
    return True


def merged(works: list[tuple[int, Work]]) -> Work:
    """One work from several citations of it: (trust, work) pairs, lower trust values first."""
    ordered = [w for _, w in sorted(works, key=lambda tw: (tw[0], -_filled(tw[1])))]
    base = ordered[0]
    changes: dict[str, object] = {}
    for attr in ("authors", "editors", "translators", "container", "volume", "issue", "pages", "year", "year_label",
                 "month", "place", "publisher", "url", "urldate", "edition", "number", "series", "note", "abbreviation"):
        if not getattr(base, attr):
            value = next((getattr(w, attr) for w in ordered if getattr(w, attr)), None)
            if value:
                changes[attr] = value
    longest = max((w.title for w in ordered), key=lambda t: (len(title_words(t)), len(t)))
    if longest and same_title(longest, base.title or longest):
        changes["title"] = longest
    return base.copy(**changes)


def _filled(work: Work) -> int:
    return sum(1 for attr in ("authors", "editors", "title", "container", "volume", "issue", "pages", "year", "place",
                              "publisher", "url") if getattr(work, attr))
