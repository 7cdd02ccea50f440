"""One full citation's text → its parts and the work it describes.

A citation is read from both ends. From the end: a web address and the date it was read, the
pages cited (in a note; in a reference list the pages are the work's), a volume, then the
imprint — "(Place: Publisher, Year)", "(Place; Publisher, Year)", "(Place, Publisher, Year)",
"Place: Publisher, Year", "Place, Publisher, Year", "Place Year" (no publisher), "Publisher Year",
a periodical's date "(Oct., 1977)" — or a journal's volume, issue and date ("13:1 (1982)",
"29: 4 (Oct., 1977)", "vol. 12, no. 3, 2005", "12(3)", "No.7, November-December 1929",
"t. 46, 1928"). From the start: the names, natural ("Leon Trotsky") in notes and inverted
("Cliff, Tony") in reference lists, with what they did ("ed.", "(eds)", "Hrsg.", "trans."), and in
author-date lists the year after them ("Cliff, Tony 1991,", "Smith, J. (2001).").

What is left between is the title zone: a quoted title is a piece (article, chapter, web page)
and what follows it its container ("in Book", a journal, a site); an unquoted title may hold
", in Book" (a chapter), ", trans. X", ", ed. X", ". Edited by X.", an abbreviation the source sets
up (", hereafter WLT,"). Which kind of work it is follows from what was found (see `_kind`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from enum import StrEnum

from ..garbage import emptied_when_the_conversion_ends
from . import patterns as P
from .model import Citation, Correction, Field, Form, Name, Part, Work, WorkKind
from .names import INITIALS, NameRun, natural_name, read_names
from .vocabulary import (DASHES, LOWER, UPPER, abbreviation_setups, author_placeholder, lead_ins, looks_like_publisher,
                         looks_like_web, strong_lead_ins)

# Patterns are built from the vocabulary at run time; each is compiled once.
_rx = lru_cache(maxsize=4096)(re.compile)

Italics = list[tuple[int, int]]


@dataclass
class Draft:
    """What has been read of one citation so far."""

    s: str
    start: int
    end: int
    entry: bool                                   # a reference-list entry
    parts: list[Part] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()
    translators: tuple[Name, ...] = ()
    pinpoint: str = ""
    quoted: bool = False                          # the work's title stood in quotation marks
    in_book: bool = False                         # ", in Book": the container is a book
    periodical: bool = False                      # a journal's volume, issue or date was read
    imprint: bool = False                         # place, publisher or year of a book was read
    abbreviation: str = ""
    floor: int = -1                               # where the title zone begins (after the names)

    @property
    def low(self) -> int:
        return self.floor if self.floor >= 0 else self.start

    def add(self, name: Field, start: int, end: int, value: str | None = None) -> None:
        start, end = _trim(self.s, start, end)
        if end <= start:
            return
        text = value if value is not None else _clean(self.s[start:end])
        self.parts.append(Part(name, start, end, text))

    def names(self, name: Field, run: NameRun) -> tuple[Name, ...]:
        for placed in run.names:
            self.add(name, placed.start, placed.end, placed.name.bibtex())
        return run.all()


def _trim(s: str, start: int, end: int) -> tuple[int, int]:
    while start < end and s[start] in " \t\n,;:":
        start += 1
    while end > start and s[end - 1] in " \t\n,;:":
        end -= 1
    return start, end


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:")


# ----------------------------------------------------------------------------- from the end

def _ends(rx: str, s: str, start: int, end: int, flags: int = 0) -> re.Match[str] | None:
    """`rx` matching a stretch that ends at `end` (leftmost such stretch after `start`)."""
    pattern = _end_anchored(rx, flags)
    key = (id(pattern), s, end)        # by identity: a pattern's own hash reads its whole code
    searched = _ENDS_SEARCHED.get(key)
    if searched is not None and searched[0] is pattern:
        _, since, found = searched
        # Whether a match begins at a position does not depend on where the search began (the
        # look-behinds see the whole string, `$` is `end`): a search from `since` ≤ `start`
        # that found nothing, or found its leftmost match at or after `start`, answers for
        # `start` too. The citation's readings try the same end from several floors (the names
        # read or not, each start the finder tries).
        if since <= start and (found is None or found.start() >= start):
            return found
    if len(_ENDS_SEARCHED) >= _ENDS_KEPT:
        _ENDS_SEARCHED.clear()
    found = pattern.search(s, start, end)
    _ENDS_SEARCHED[key] = (pattern, start, found)
    return found


@lru_cache(maxsize=1024)
def _end_anchored(rx: str, flags: int) -> re.Pattern[str]:
    """`rx` anchored at the end, compiled once. Keyed by `rx` itself, not the anchored text:
    the callers' patterns are built once (their hash is kept with them), and the anchored copy,
    thousands of characters long, is neither built nor hashed again at each of the thousands of
    searches."""
    return re.compile(rf"(?:{rx})\s*$", flags)


# The end-anchored searches made: (the pattern's id, text, end) → (the pattern itself, kept to
# check the id is still its, where the search began, its match).
_ENDS_SEARCHED: dict[tuple[int, str, int], tuple[re.Pattern[str], int, re.Match[str] | None]] = {}
_ENDS_KEPT = 8192


def _strip_end(s: str, start: int, end: int) -> int:
    """The end of a citation without the full stop (or comma) that ends its sentence, nor a
    closing parenthesis that opened before it."""
    while True:
        before = end
        while end > start and s[end - 1] in " \t\n":
            end -= 1
        if end > start and s[end - 1] in ",;":
            end -= 1
        if end > start and s[end - 1] == ")" and s.count("(", start, end) < s.count(")", start, end):
            end -= 1
        if end > start and s[end - 1] == ".":
            text = s[start:end - 1]
            # keep the stop of an abbreviation ("n.d.", "ff.", "et al."), drop a sentence's
            if not _ends_in_abbreviation(text + ".") or re.search(r"[\d)\]”\"’]$", text):
                end -= 1
        if end == before:
            return end


ABBREVIATION_WINDOW = 32       # characters: more than any abbreviation's stop below spans


@lru_cache(maxsize=1)
def _abbreviation_stop() -> re.Pattern[str]:
    """The stop of an abbreviation at the end: "n.d.", "ff.", "et al.", "Inc.", "eds." (built once)."""
    return re.compile(rf"(?:{P.no_date_rx()}|\bff\.|\bf\.|\bal\.|\b{UPPER}\.|\bInc\.|\bLtd\.|\bCo\.|\beds?\.|\bsqq?\.)$",
                      re.IGNORECASE)


def _ends_in_abbreviation(text: str) -> bool:
    """Does text end with an abbreviation's stop? A match ends at the text's end, and every
    alternative is a short abbreviation (data/citation_no_date.txt's longest is far shorter than
    the window; a test keeps it so): only the last ABBREVIATION_WINDOW characters are searched
    (\b still sees the character before them), not every position of the citation."""
    return _abbreviation_stop().search(text, max(0, len(text) - ABBREVIATION_WINDOW)) is not None


def _damaged_address(d: Draft, end: int) -> int:
    """"Marxists Internet Archive.é/1971/ussr/ch10.htm": the remains of a web address run into
    the site's name; kept in the note (it is no address), and doubted."""
    m = _rx(r"\.(?P<frag>[^\s/]{0,12}(?:/[\w.~%+\-]+)+)\s*$").search(d.s, d.low, end)
    if not m:
        return end
    d.values["note"] = f"web address as printed: {m.group('frag')}"
    d.doubts.append(f"the web address is damaged: '{m.group('frag')}'")
    return m.start() + 1 if d.s[m.start() - 1:m.start()] != "" else m.start()


def _url(d: Draft, end: int) -> int:
    seen = d.s[min(d.start, d.low):end]
    if "://" not in seen and "www." not in seen.lower():
        return end        # every reading below needs an address (URL) in the citation
    before = _rx(rf"(?:,\s*|\.\s+|\s+)\(?(?:{P.ACCESSED})\s+(?P<date>[^()]+?)\)?[,.]?\s+(?P<url>{P.URL})[\s.]*$",
                        re.IGNORECASE).search(d.s, d.low, end)
    if before:
        d.add(Field.URL, before.start("url"), before.end("url"))
        d.values["url"] = before.group("url") if before.group("url").startswith("http") else "http://" + before.group("url")
        d.add(Field.URLDATE, before.start("date"), before.end("date"))
        d.values["urldate"] = _iso_date(before.group("date")) or _clean(before.group("date"))
        return _back_over(d.s, d.low, before.start())
    m = _rx(rf"(?P<url>{P.URL})(?:[\s,.]*\(?(?:{P.ACCESSED})\s+(?P<date>[^()]+?)\)?)?[\s.]*$",
                   re.IGNORECASE).search(d.s, d.low, end)
    if not m:
        m = _rx(rf"(?:{P.ACCESSED})\s+(?P<date>[^()]+?)[\s.)]*$", re.IGNORECASE).search(d.s, d.low, end)
        if m and re.search(P.URL, d.s[d.start:m.start()]):
            date_start = m.start("date")
            d.add(Field.URLDATE, date_start, m.end("date"))
            d.values["urldate"] = _iso_date(m.group("date")) or _clean(m.group("date"))
            end = m.start()
            m = _rx(rf"(?P<url>{P.URL})[\s,.(]*$").search(d.s, d.low, end)
            if not m:
                return end
        else:
            return end
    d.add(Field.URL, m.start("url"), m.end("url"))
    d.values["url"] = m.group("url") if m.group("url").startswith("http") else "http://" + m.group("url")
    if m.groupdict().get("date"):
        d.add(Field.URLDATE, m.start("date"), m.end("date"))
        d.values["urldate"] = _iso_date(m.group("date")) or _clean(m.group("date"))
    return _back_over(d.s, d.low, m.start())


def _back_over(s: str, start: int, end: int) -> int:
    while end > start and s[end - 1] in " \t\n,;:.":
        end -= 1
    return end


def _pinpoint(d: Draft, end: int) -> int:
    """The pages (or chapter) cited, at the end: ", p. 64", ", pp. 403-4", "), 118", ", ch. XVI"."""
    m = _ends(_pinpoint_rx(), d.s, d.low, end, re.IGNORECASE)
    if not m:
        return end
    if m.group("chapter"):
        d.add(Field.PINPOINT, m.start("all"), m.end("all"), m.group("chapter"))
        d.pinpoint = m.group("chapter")
        d.values["pinpoint_unit"] = "chapter"
        return _back_over(d.s, d.low, m.start("all"))
    pages = m.group("pages")
    if not m.group("unit") and (P.read_year(pages.split("-")[0].split("–")[0]) and not re.search(r"[)\]]\s*,?\s*$", d.s[d.start:m.start("all")])):
        return end        # a year, not a page
    if not m.group("unit") and re.fullmatch(r"[IVXLCDM]+|[ivxlcdm]+", pages) and not d.s[m.start("all") - 2:m.start("all")].strip() in (",", "),", ")"):
        return end
    _record_pages(d, Field.PINPOINT, m.start("all"), m.end("all"), pages)
    d.pinpoint = _pages_value(P.digits_corrected(pages))
    return _back_over(d.s, d.low, m.start("all"))


@lru_cache(maxsize=None)
def _pinpoint_rx() -> str:
    """The pages or chapter cited after a separator (built once: `_ends` keys on the text)."""
    return (rf"(?:(?<=[,:)\]])|[,:]|\s)\s*(?P<all>(?:(?P<unit>{P.scope('page')})\s*)?(?P<pages>{P.PAGES})"
            rf"|(?P<cunit>{P.scope('chapter')})\s*(?P<chapter>{P.NUMBER}))")


def _record_pages(d: Draft, name: Field, start: int, end: int, pages: str) -> None:
    fixed = P.digits_corrected(pages)
    if fixed != pages:
        at = d.s.index(pages, start)
        d.corrections.append(Correction(at, at + len(pages), pages, fixed, "letters read as digits"))
        d.doubts.append(f"read the page number '{pages}' as '{fixed}'")
    d.add(name, start, end, _pages_value(fixed))


def _pages_value(pages: str) -> str:
    return re.sub(rf"\s*[{DASHES}]+\s*", "--", " ".join(pages.split()))


@lru_cache(maxsize=None)
def _volume_rx(separator: str) -> str:
    """A volume ("vol. 3", "t. II") after `separator` (built once: `_ends` keys on the text)."""
    return rf"{separator}(?P<all>{P.scope('volume')}\s*(?P<v>{P.NUMBER}))"


def _volume_after(d: Draft, end: int) -> int:
    m = _ends(_volume_rx("[,.]\\s*"), d.s, d.low, end, re.IGNORECASE)
    if not m:
        return end
    d.add(Field.VOLUME, m.start("all"), m.end("all"), m.group("v"))
    d.values["volume"] = m.group("v")
    return _back_over(d.s, d.low, m.start())


# ----------------------------------------------------------------------------- imprints

def _year(d: Draft, start: int, end: int) -> bool:
    """Read the year at s[start:end] into the draft (corrected where OCR garbled it)."""
    text = d.s[start:end]
    year = P.read_year(text)
    if year is None:
        if re.fullmatch(P.no_date_rx(), text.strip(), re.IGNORECASE):
            d.add(Field.DATE, start, end, "")
            return True
        return False
    if year.corrected:
        printed = text[:-1] if year.label else text
        d.corrections.append(Correction(start, start + len(printed), printed, year.year, "OCR noise in a year"))
        d.doubts.append(f"read the year '{printed}' as {year.year}")
    d.add(Field.DATE, start, end, year.year)
    d.values["year"] = year.year
    if year.label:
        d.values["year_label"] = year.label
    return True


def _date(d: Draft, start: int, end: int) -> bool:
    """A periodical's date: "Oct., 1977", "November-December 1929", "1986", "1948-1949"."""
    text = d.s[start:end]
    if not re.fullmatch(P.date_words(), text.strip()):
        return False
    years = list(re.finditer(P.YEARISH, text))
    if not years:
        return False
    y = P.read_year(years[0].group(0))
    if y is None:
        return False
    d.add(Field.DATE, start, end, y.year)
    d.values["year"] = y.year
    if y.label:
        d.values["year_label"] = y.label
    months = _months_of_date().match(text)
    if months:
        d.values["month"] = _clean(months.group("m"))
    if y.corrected:
        d.corrections.append(Correction(start + years[0].start(), start + years[0].end(), years[0].group(0), y.year,
                                        "OCR noise in a year"))
        d.doubts.append(f"read the year '{years[0].group(0)}' as {y.year}")
    return True


@lru_cache(maxsize=None)
def _months_of_date() -> re.Pattern[str]:
    """The month or months at a date's start, after its day (compiled once)."""
    return re.compile(rf"\s*(?:\d{{1,2}}\.?\s+)?(?P<m>{P.month()}(?:\s*[{DASHES}/]\s*{P.month()})?)")


def _place_publisher(d: Draft, place: tuple[int, int] | None, publisher: tuple[int, int] | None) -> None:
    if place is not None:
        d.add(Field.PLACE, *place)
        d.values["place"] = _clean(d.s[place[0]:place[1]])
    if publisher is not None:
        value = _unglued(d, *publisher)
        d.add(Field.PUBLISHER, *publisher, value)
        d.values["publisher"] = value
    d.imprint = True


@lru_cache(maxsize=None)
def _glued_words() -> re.Pattern[str]:
    """A short lower-case word run into a capitalised one: "andCarter" (compiled once)."""
    return re.compile(rf"\b({LOWER}{{2,4}})({UPPER}{LOWER}+)")


def _unglued(d: Draft, start: int, end: int) -> str:
    """A publisher's name with a function word OCR glued to the next word ("Hollis andCarter")."""
    text = _clean(d.s[start:end])

    def split(m: re.Match[str]) -> str:
        return m.group(1) + " " + m.group(2) if m.group(1).lower() in P.glued_words() else m.group(0)

    glued = _glued_words()
    fixed = glued.sub(split, text)
    if fixed != text:
        for m in glued.finditer(d.s[start:end]):
            if m.group(1).lower() in P.glued_words():
                d.corrections.append(Correction(start + m.start(), start + m.end(), m.group(0),
                                                m.group(1) + " " + m.group(2), "words run together"))
        d.doubts.append(f"read '{text}' as '{fixed}'")
    return fixed


_IMPRINT_INNER = [
    # Place: Publisher, Year (also "Place; Publisher, Year"; a second imprint after it is kept in the note)
    rf"(?P<place>{P.PLACE})\s*[:;]\s*(?P<publisher>[^:;()]+?),?\s+(?P<year>{P.YEARISH})(?P<more>,?\s+(?:and|&|und|et)\s+.+)?",
    # Place, Publisher, Year
    rf"(?P<place>{P.PLACE}),\s*(?P<publisher>[^,:;()]+?),\s*(?P<year>{P.YEARISH})",
    # Publisher, Year or Place, Year
    rf"(?P<either>[^,:;()]+?),\s*(?P<year>{P.YEARISH})",
    # Place Year
    rf"(?P<place>{P.PLACE})\s+(?P<year>{P.YEARISH})",
]


@lru_cache(maxsize=None)
def _inner_imprint(rx: str) -> re.Pattern[str]:
    """A shape of _IMPRINT_INNER filling a parenthesis to its end, compiled once, when the reading
    first comes to it (not built again and looked up at each parenthesis read)."""
    return re.compile(rf"(?:{rx})\s*[.,]?\s*$")


def _imprint_paren(d: Draft, end: int) -> int:
    """(Place: Publisher, Year) and its variants, or a periodical's date in parentheses."""
    m = _ends(r"(?P<open>\()(?P<inner>(?:[^()]|\([^()]*\))*)\)", d.s, d.low, end)
    if not m:
        return end
    a, b = m.start("inner"), m.end("inner")
    a, b = _trim(d.s, a, b)
    if _has_month(d.s[a:b]):
        if _date(d, a, b):
            d.periodical = True           # a month: a periodical's date
            return _back_over(d.s, d.low, m.start())
        return end
    for rx in _IMPRINT_INNER:
        im = _inner_imprint(rx).match(d.s, a, b)
        if not im or P.read_year(im.group("year")) is None:
            continue
        groups = im.groupdict()
        if groups.get("either") is not None:
            either = im.span("either")
            if looks_like_publisher(im.group("either")):
                _place_publisher(d, None, either)
            else:
                _place_publisher(d, either, None)
        else:
            _place_publisher(d, im.span("place"), im.span("publisher") if groups.get("publisher") else None)
        _year(d, *im.span("year"))
        if groups.get("more"):
            d.values["note"] = "also " + _clean(im.group("more")).lstrip(",").strip().removeprefix("and ").strip()
        return _back_over(d.s, d.low, m.start())
    return end


def _has_month(text: str) -> bool:
    return _month_word().search(text) is not None


@lru_cache(maxsize=None)
def _month_word() -> re.Pattern[str]:
    """A month's or a season's name that begins a word (compiled once)."""
    return re.compile(rf"(?<!\w){P.month()}")


_IMPRINT_PLAIN = [
    # ", Place: Publisher, Year" ; ", Place: Publisher Year" (German)
    rf"(?:,|\.)\s+(?P<place>{P.PLACE})\s*:\s*(?P<publisher>[^,:;()]+?),?\s+(?P<year>{P.YEARISH})",
    # ", Place, Publisher, Year" (French, Italian)
    rf",\s+(?P<place>{P.PLACE}),\s+(?P<publisher>[^,:;()]+?),\s+(?P<year>{P.YEARISH})",
    # ", Publisher Year" / ", Place Year" / ". Publisher, Year" (MLA)
    rf"(?:,|\.)\s+(?P<either>{UPPER}[^,:;()]*?),?\s+(?P<year>{P.YEARISH})",
    # ", Year"
    rf",\s+(?P<year>{P.YEARISH})",
]
_IMPRINT_NO_YEAR = [
    # reference lists give the year after the names: ", Place: Publisher" / ". Place: Publisher"
    rf"(?:,|\.)\s+(?P<place>{P.PLACE})\s*:\s*(?P<publisher>{UPPER}[^,:;()]*?)",
    rf",\s+(?P<place>{P.PLACE}),\s+(?P<publisher>{UPPER}[^,:;()]*?)",
    # APA: ". Publisher."
    rf"\.\s+(?P<either>{UPPER}[^.,:;()]*?)",
]


def _imprint_plain(d: Draft, end: int, *, with_year: bool) -> int:
    for rx in (_IMPRINT_PLAIN if with_year else _IMPRINT_NO_YEAR):
        m = _ends(rx, d.s, d.low, end)
        if not m:
            continue
        groups = m.groupdict()
        if with_year and P.read_year(m.group("year")) is None:
            continue
        if any(_has_month(m.group(g)) for g in ("place", "either", "publisher") if groups.get(g)):
            continue
        if groups.get("either") is not None:
            text = m.group("either")
            if re.search(rf"{P.scope('issue')}\s*\d|{P.scope('volume')}\s*\d", text, re.IGNORECASE):
                continue
            if looks_like_publisher(text):
                _place_publisher(d, None, m.span("either"))
            elif with_year and re.fullmatch(P.PLACE, text) and len(text.split()) <= 3:
                _place_publisher(d, m.span("either"), None)
            else:
                continue
        elif groups.get("place") is not None:
            pub = m.span("publisher") if groups.get("publisher") is not None else None
            if pub is not None and not looks_like_publisher(m.group("publisher")) and len(m.group("publisher").split()) > 6:
                continue
            _place_publisher(d, m.span("place"), pub)
        if with_year:
            _year(d, *m.span("year"))
        return _back_over(d.s, d.low, m.start())
    return end


# ----------------------------------------------------------------------------- periodicals

def _journal_tail(d: Draft, end: int) -> int:
    """A journal's volume, issue and date at the end of the title zone; the journal's name before
    it is left for the title zone (its start is where the tail begins)."""
    for rx in _journal_shapes(d.periodical):
        m = _ends(rx, d.s, d.low, end, re.IGNORECASE)
        if not m:
            continue
        g = m.groupdict()
        date_group = "date" if g.get("date") else ("date2" if g.get("date2") else None)
        if date_group and not _date(d, *m.span(date_group)):
            continue
        if g.get("v"):
            d.add(Field.VOLUME, *m.span("v"))
            d.values["volume"] = m.group("v")
        issue = "i" if g.get("i") else ("i2" if g.get("i2") else ("named" if g.get("named") else None))
        if issue:
            d.add(Field.ISSUE, *m.span(issue))
            d.values["issue"] = _pages_value(m.group(issue)) if issue != "named" else _clean(m.group(issue))
        d.periodical = True
        return _back_over(d.s, d.low, m.start())
    return end


@lru_cache(maxsize=None)
def _journal_shapes(periodical: bool) -> tuple[str, ...]:
    """The shapes of a journal's tail, tried in this order; one of them only where a periodical's
    date was read before (built once for each: `_ends` keys on the text)."""
    vol, iss = P.scope("volume"), P.scope("issue")
    date = P.date_words()
    return (
        # No.7, November-December 1929 · n°34, August-September 1936 · no. 6 (1959) · Nr. 5/1990
        rf"(?<!\d)(?<!\d,)[,\s]\s*{iss}\s*(?P<i>\d+(?:[{DASHES}/]\d+)?)(?:(?:,\s*|\s+)(?P<date>{date})|\s*\((?P<date2>[^()]+)\))?",
        # 13:1 (1982) · 29: 4 (Oct., 1977) · 12(3) · 12 (1986) · 17, no. 1 (1965)
        rf"[,\s]\s*(?P<v>\d+)\s*(?:[:.]\s*(?P<i>\d+(?:[{DASHES}/]\d+)?)|,?\s*{iss}\s*(?P<i2>\d+(?:[{DASHES}/]\d+)?))?\s*\((?P<date>[^()]+)\)",
        # vol. 12, no. 3, 2005 · vol. 12, no. 3 (2005) · Vol. 3, No. 2, Spring 1990
        rf"[,.]\s*{vol}\s*(?P<v>{P.NUMBER})(?:,?\s*{iss}\s*(?P<i>[\w{DASHES}/]+))?(?:,\s*(?P<date>{date})|\s*\((?P<date2>[^()]+)\))?",
        # 12(3), · 12.3 (lists)
        rf"[,\s]\s*(?P<v>\d+)\s*\((?P<i>[\w{DASHES}/]+)\)",
        r",\s*(?P<v>\d+)\.(?P<i>\d+)",
        # t. 46, 1928 (French)
        rf",\s*{vol}\s*(?P<v>{P.NUMBER}),\s*(?P<date>{date})",
        # 13:1 · 29: 4 · 17, no. 1 · 12 (the date was read in parentheses after them)
        rf"[,\s]\s*(?P<v>\d+)\s*(?:[:.]\s*(?P<i>\d+)|,?\s*{iss}\s*(?P<i2>\d+))?" if periodical else r"(?!)",
        # , January-February (an issue named, lists)
        rf",\s*(?P<named>{P.month()}(?:\s*[{DASHES}/]\s*{P.month()})?)",
        # , 1986 · , Oct. 1934 (a date alone after the journal)
        rf",\s*(?P<date>{date})",
    )


# ----------------------------------------------------------------------------- from the start

class Names(StrEnum):
    """How a parse reads the names at a citation's start (tried in this order)."""

    USUAL = "usual"          # natural order in notes, inverted in reference lists
    INVERTED = "inverted"    # a note written as a bibliography ("Smith, John. Title. Place: …")
    FAMILY = "family"        # a family name alone before a comma ("Trotsky, Sochineniia, …")
    NONE = "none"            # the title comes first


def _head(d: Draft, italics: Italics, mode: Names) -> int:
    """Names at the start, what they did, and (reference lists) the year after them; the position
    where the title zone begins, or -1 where the names read leave no title."""
    s, at = d.s, d.start
    for placeholder in ("idem", "anonymous"):
        m = author_placeholder(placeholder).match(s, at, d.end)
        if m and _rx(r",\s+").match(s, m.end(), d.end) and mode is Names.USUAL:
            # "Ders., Die Protestantische Ethik …", "Anon., A Short Account …": no names here
            d.add(Field.AUTHOR, m.start(), m.end(), "")
            d.values["same_authors" if placeholder == "idem" else "anonymous"] = "yes"
            return _rx(r",\s+").match(s, m.end(), d.end).end()
    if mode is Names.NONE:
        return at
    if mode is Names.FAMILY:
        run = read_names(s, at, d.end, families=True)
        if run is None or not _rx(r",\s+").match(s, run.end, d.end):
            return -1
    elif mode is Names.INVERTED:
        run = read_names(s, at, d.end, inverted=True)
        if run is None or not _STOP_OR_YEAR.match(s, run.end, d.end):
            return -1
    else:
        run = read_names(s, at, d.end, inverted=d.entry)
        if run is None and d.entry:
            run = _body_author(d) or read_names(s, at, d.end)
        if run is None:
            return -1
    role_m = _editor_after_names().match(s, run.end, d.end)
    after = role_m.end() if role_m else run.end
    if role_m:
        d.editors = d.names(Field.EDITOR, run)
    else:
        d.authors = d.names(Field.AUTHOR, run)
    if d.entry or mode is Names.INVERTED:
        ym = _year_after_names().match(s, after, d.end)
        if ym and _year(d, *ym.span("y")):
            after = ym.end()
            role_m2 = _editor_after_year().match(s, after, d.end)
            if role_m2 and not d.editors:
                d.editors, d.authors = d.authors, ()
                d.parts = [Part(Field.EDITOR, p.start, p.end, p.value) if p.field is Field.AUTHOR else p for p in d.parts]
                after = role_m2.end()
    sep_rx = r"\s*,\s*" if mode is Names.FAMILY else _NAMES_TITLE_SEPARATOR
    if "year" in d.values or any(p.field is Field.DATE for p in d.parts):
        sep_rx = r"[\s,.:]*"          # the year after the names was their separator
    sep = _rx(sep_rx).match(s, after, d.end)
    if sep is None:
        if any(a <= after + 1 for a, _ in italics if a >= after):
            return after
        return -1
    return sep.end()


# After an inverted name, a full stop or the year in parentheses ("Smith, John. Title", "Smith, J. (2001)").
_STOP_OR_YEAR = re.compile(rf"\.\s+|\s*\({P.YEARISH}\)")
# Between the names and the title: a stop, comma or colon, or " in " before a title's first mark or capital.
_NAMES_TITLE_SEPARATOR = r"\s*(?:[,.:]\s*|\s+in\s+(?=[\"“‘'«" + UPPER[1:-1] + r"]))"


# The patterns of a citation's head, built from the vocabulary, each compiled once on first use.

@lru_cache(maxsize=None)
def _editor_after_names() -> re.Pattern[str]:
    """An editor's role after the names: ", ed.", " (eds)"."""
    return re.compile(rf"(?:,\s*|\s+)(?P<r>{P.role('editor')})(?=[\s,.:)]|$)", re.IGNORECASE)


@lru_cache(maxsize=None)
def _year_after_names() -> re.Pattern[str]:
    """The year after the names (reference lists, and notes written as a bibliography)."""
    return re.compile(rf"[,.]?\s*\(?(?P<y>{P.YEARISH}|{P.no_date_rx()})\)?(?=[\s,.:;])[.,:]?")


@lru_cache(maxsize=None)
def _editor_after_year() -> re.Pattern[str]:
    """An editor's role after the year: "(ed.)"."""
    return re.compile(rf"\s*\(?(?P<r>{P.role('editor')})\)?[.,]?", re.IGNORECASE)


@lru_cache(maxsize=None)
def _body_before_year() -> re.Pattern[str]:
    """A body's name before a year or a parenthesis: "International Communist Current 2000"."""
    return re.compile(rf"(?P<body>{UPPER}[\w'’&.\-]*(?:\s+(?:{UPPER}[\w'’&.\-]*|of|for|and|the|de|du|des|für|der|del|di)){{1,7}}),?\s+(?={P.YEARISH}|\()")


def _body_author(d: Draft) -> NameRun | None:
    """A body as author of a reference-list entry: "International Communist Current 2000, …"."""
    from .names import Placed
    m = _body_before_year().match(d.s, d.start, d.end)
    if not m:
        return None
    return NameRun((Placed(Name(m.group("body"), body=True), m.start("body"), m.end("body")),), False, m.end("body"))


# ----------------------------------------------------------------------------- the title zone

_IN_BOOK = _rx(r"(?:,\s*|\.\s+|\s+)(?P<w>in|In|dans|Dans|en|En|in:|In:)\s+(?=\S)")


def quoted_span(s: str, start: int, end: int) -> tuple[int, int, int] | None:
    return _quoted(s, start, end)


def _quoted(s: str, start: int, end: int) -> tuple[int, int, int] | None:
    """A title in quotation marks at `start`: (title start, title end, end after the closing mark)."""
    if start >= end or s[start] not in P.OPEN_QUOTES:
        return None
    closers = P.CLOSE_FOR[s[start]]
    depth_open = s[start]
    for mark in _closing_marks(closers).finditer(s, start + 1, end):
        k = mark.start()
        ch = s[k]
        if ch not in "'’" or k + 1 >= end or not s[k + 1].isalpha():
            # a closing mark inside ("The “Professional Dangers” of Power") pairs with an opening one
            inner_opens = s.count(depth_open, start + 1, k) if depth_open not in closers else 0
            inner_closes = sum(s.count(c, start + 1, k) for c in closers) if depth_open not in closers else 0
            if inner_opens <= inner_closes:
                return start + 1, k, k + 1
    return None


@lru_cache(maxsize=None)
def _closing_marks(closers: str) -> re.Pattern[str]:
    """The marks that may close a quoted title, found by re: the scan visits them only, not
    every character of the title (no other character could end it)."""
    return re.compile(f"[{re.escape(closers)}]")


def _title_zone(d: Draft, start: int, end: int, italics: Italics) -> bool:
    """Title, container, roles and abbreviations between the names and the imprint."""
    s = d.s
    start, end = _trim(s, start, end)
    if end <= start:
        return False
    end = _abbreviation(d, start, end)
    q = _quoted(s, start, end)
    if q is not None:
        t0, t1, after = q
        d.quoted = True
        t0, t1 = _trim(s, t0, t1)
        while t1 > t0 and s[t1 - 1] in ",.":
            t1 -= 1
        d.add(Field.TITLE, t0, t1)
        d.values["title"] = _clean(s[t0:t1])
        rest = _rx(r"[\s,.:]*").match(s, after, end).end()
        if rest >= end:
            return True
        m = _rx(r"(?P<w>in|In|dans|Dans|en|En|in:|In:)\s+").match(s, rest, end)
        if m:
            d.in_book = True
            return _container(d, m.end(), end, italics)
        return _container(d, rest, end, italics)
    inner = _quoted_after_issue(d, start, end)
    if inner:
        return True
    italic = next(((a, b) for a, b in italics if a == start and b <= end), None)
    if italic is not None and d.entry:
        a, b = italic
        d.add(Field.TITLE, a, b)
        d.values["title"] = _clean(s[a:b])
        rest = _rx(r"[\s,.:]*").match(s, b, end).end()
        if rest < end:
            _roles_in(d, rest, end, container=False)
        return True
    split = _book_split(s, start, end)
    if split is not None:
        title_end, book_start = split
        d.in_book = True
        t_end = _roles_in(d, start, title_end, container=False)
        d.add(Field.TITLE, start, t_end)
        d.values["title"] = _clean(s[start:t_end])
        return _container(d, book_start, end, italics)
    collected = _collection_split(d, start, end)
    if collected is not None:
        title_end, book_start = collected
        d.in_book = True
        d.add(Field.TITLE, start, title_end)
        d.values["title"] = _clean(s[start:title_end])
        return _container(d, book_start, end, italics)
    if d.periodical and d.entry and not d.imprint and ". " in s[start:end]:
        # APA and MLA lists: "Article title. Journal of Things, 12(3)"
        cut = s.rfind(". ", start, end)
        d.add(Field.TITLE, start, cut)
        d.values["title"] = _clean(s[start:cut])
        d.add(Field.CONTAINER, cut + 2, end)
        d.values["container"] = _clean(s[cut + 2:end])
        return True
    if d.periodical and (d.authors or d.editors) and not d.imprint:
        # "Rakovsky, On Capitulation and Capitulators, Biulleten Oppozitsii, No.7, …": the
        # journal is the last part before its number
        cut = s.rfind(", ", start, end)
        if cut > start:
            t_end = _roles_in(d, start, cut, container=False)
            d.add(Field.TITLE, start, t_end)
            d.values["title"] = _clean(s[start:t_end])
            d.add(Field.CONTAINER, cut + 2, end)
            d.values["container"] = _clean(s[cut + 2:end])
            return True
    t_end = _roles_in(d, start, end, container=False)
    t_end = _volume_in_title(d, start, t_end)
    extent = _ends(_extent_rx(), s, start, t_end, re.IGNORECASE)
    if extent and extent.start() > start:
        d.values["note"] = _clean(s[extent.start():t_end])      # "Rosa Luxemburg, 2 vols": the set's extent
        t_end = _back_over(s, start, extent.start())
    if t_end <= start:
        return False
    d.add(Field.TITLE, start, t_end)
    d.values["title"] = _clean(s[start:t_end])
    return True


@lru_cache(maxsize=None)
def _extent_rx() -> str:
    """A set's extent after its title: ", 2 vols" (built once: `_ends` keys on the text)."""
    return rf",\s*(?P<n>\d+)\s+(?:{P.scope('volume')})"


@lru_cache(maxsize=None)
def _journal_and_issue() -> re.Pattern[str]:
    """A periodical's name and its issue at a title zone's start: "Bilan n°34, " (compiled once)."""
    return re.compile(rf"(?P<journal>{UPPER}[^,“\"‘'«]*?)\s*,?\s*(?P<iw>{P.scope('issue')})\s*(?P<i>\d+(?:[{DASHES}/]\d+)?),?\s+",
                      re.IGNORECASE)


def _quoted_after_issue(d: Draft, start: int, end: int) -> bool:
    """"Bilan n°34, “La Boucherie de Moscou”, August-September 1936": a periodical and its issue
    first, then the piece's title in quotation marks."""
    s = d.s
    m = _journal_and_issue().match(s, start, end)
    if not m:
        return False
    q = _quoted(s, m.end(), end)
    if q is None or _rx(r"[\s,.]*").match(s, q[2], end).end() < end:
        return False
    t0, t1, _ = q
    while t1 > t0 and s[t1 - 1] in ",.":
        t1 -= 1
    d.add(Field.CONTAINER, *m.span("journal"))
    d.values["container"] = _clean(m.group("journal"))
    d.add(Field.ISSUE, *m.span("i"))
    d.values["issue"] = m.group("i")
    d.add(Field.TITLE, t0, t1)
    d.values["title"] = _clean(s[t0:t1])
    d.quoted = d.periodical = True
    return True


def _collection_split(d: Draft, start: int, end: int) -> tuple[int, int] | None:
    """"Speech to the 11th Congress, Collected Works, vol. 33": a piece in a collection cited by
    its volume."""
    if "volume" not in d.values or d.imprint:
        return None
    for m in re.finditer(r",\s+(?=(?P<w>[\w’']+))", d.s[start:end]):
        if m.group("w").lower() in P.collection_words():
            return start + m.start(), start + m.end()
    return None


def _volume_in_title(d: Draft, start: int, end: int) -> int:
    """"The Gulag Archipelago …, Volume II (New York …)": the volume cited, not the title's words."""
    if "volume" in d.values:
        return end
    m = _ends(_volume_rx("(?:,\\s*|\\s+)"), d.s, start, end, re.IGNORECASE)
    if not m or m.start() <= start:
        return end
    d.add(Field.VOLUME, m.start("all"), m.end("all"), m.group("v"))
    d.values["volume"] = m.group("v")
    return _back_over(d.s, start, m.start())


def _book_split(s: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a piece's title ends and its book's begins: ", in Book", ". In Book", ", in: Book",
    " dans Book", or a bare " in " before a collection's title ("… in Selected Writings")."""
    for m in _IN_BOOK.finditer(s, start, end):
        lead = s[m.start():m.start("w")]
        word = m.group("w")
        following = s[m.end():end]
        if not following[:1].isupper() and following[:1] not in P.OPEN_QUOTES:
            continue
        if "," in lead or "." in lead or word.endswith(":"):
            return m.start(), m.end()
        first = re.match(r"[\w’']+", following)
        if first and first.group(0).lower() in P.collection_words():
            return m.start(), m.end()
        # "… A Critique in T. Cliff, State Capitalism in Russia": a book by a named author
        author = natural_name(s, m.end(), end)
        if author is not None and re.search(INITIALS, author.name.given) and _rx(r",\s+").match(s, author.end, end):
            return m.start(), _rx(r",\s+").match(s, author.end, end).end()
    return None


def _container(d: Draft, start: int, end: int, italics: Italics) -> bool:
    start, end = _trim(d.s, start, end)
    c_end = _roles_in(d, start, end, container=True)
    c_end = _back_over(d.s, start, c_end)
    if c_end <= start:
        return True
    d.add(Field.CONTAINER, start, c_end)
    d.values["container"] = _clean(d.s[start:c_end])
    return True


@lru_cache(maxsize=None)
def _role_in_title() -> re.Pattern[str]:
    """A role's words inside a title zone: ", trans. ", ". Edited by " (compiled once)."""
    return re.compile(rf"(?:,\s*|\.\s+|\s+|\(\s*)(?P<r>{P.any_role()})\s+(?=\S)", re.IGNORECASE)


def _roles_in(d: Draft, start: int, end: int, *, container: bool) -> int:
    """Translators and editors named inside the title zone (", trans. Charles Malamuth",
    ". Edited by Al Richardson.", ", ed. X", ", hg. von X"), each of them: tagged, and the title
    ends before the first."""
    s = d.s
    rx = _role_in_title()
    first = -1
    pos = start
    while True:
        m = next((m for m in rx.finditer(s, pos, end) if read_names(s, m.end(), end) is not None), None)
        if m is None:
            break
        run = read_names(s, m.end(), end)
        assert run is not None
        if re.fullmatch(P.role("translator"), m.group("r"), re.IGNORECASE):
            d.translators = d.translators + d.names(Field.TRANSLATOR, run)
        else:
            d.editors = d.editors + d.names(Field.EDITOR, run)
        first = m.start() if first < 0 else first
        pos = run.end
        tail = _rx(r"[\s.,)]*").match(s, run.end, end).end()
        split = _rx(r"(?:in|In|dans|in:|In:)\s+").match(s, tail, end)
        if split and not container:
            # what follows the names (a book after "trans. X, in …") is read on
            d.in_book = True
            _container(d, split.end(), end, [])
            break
    return end if first < 0 else _back_over(s, start, first)


def _abbreviation(d: Draft, start: int, end: int) -> int:
    """", hereafter WLT," inside a title: the abbreviation is kept, and the rest of the title
    ("(1933-34)") joins it again; the setup's words are part of no field."""
    anywhere = _any_abbreviation_setup()
    if anywhere is not None and anywhere.search(d.s, start, end) is None:
        return end             # no setup's words in the title zone: no setup searched for
    for setup in _abbreviation_setups_after_title():
        m = setup.search(d.s, start, end)
        if m:
            d.abbreviation = m.group("abbr").rstrip(".")
            d.values["abbreviation"] = d.abbreviation
            d.values["title_rest"] = _clean(d.s[m.end():end])
            d.values["abbreviation_span"] = f"{m.start()}:{m.end()}"
            return m.start()
    return end


@lru_cache(maxsize=None)
def _abbreviation_setups_after_title() -> tuple[re.Pattern[str], ...]:
    """Each way of setting up an abbreviation, after the title's comma or space, in the order
    they are tried (compiled once)."""
    return tuple(re.compile(rf"(?:,\s*|\s+)(?:{rx.pattern})(?P<after>,?\s*)", re.IGNORECASE)
                 for rx in abbreviation_setups())


@lru_cache(maxsize=None)
def _any_abbreviation_setup() -> re.Pattern[str] | None:
    r"""One search for all the setups at once, to learn whether any of them stands in a title zone
    (most hold none, and five searches would each scan it). A setup matches where its own
    pattern does, its trailing "(?P<after>,?\s*)" matching empty if need be, so this finds a
    place wherever one of them would. Their groups are renamed apart (each name is defined once
    in its pattern, and that definition is what is renamed); None, and each setup searched as
    before, where a pattern refers to its groups or sets flags for the whole of it."""
    alternatives = []
    for k, rx in enumerate(abbreviation_setups()):
        text = rx.pattern
        if re.search(r"\\[1-9]|\(\?P=|\(\?\(", text):
            return None
        for name in rx.groupindex:
            if text.count(f"(?P<{name}>") != 1:
                return None
            text = text.replace(f"(?P<{name}>", f"(?P<{name}_{k}>")
        alternatives.append(f"(?:{text})")
    try:
        return re.compile(rf"(?:,\s*|\s+)(?:{'|'.join(alternatives)})", re.IGNORECASE)
    except re.error:
        return None


# ----------------------------------------------------------------------------- the kind

def _kind(d: Draft) -> WorkKind:
    v = d.values
    if d.quoted or d.in_book:
        if d.in_book:
            # "'Kronstadt', in Politics (April 1945)": in a periodical, not a book
            return WorkKind.ARTICLE if (d.periodical and not d.imprint) else WorkKind.CHAPTER
        if d.periodical or v.get("pages"):
            return WorkKind.ARTICLE
        if d.imprint:
            return WorkKind.BOOK
        if v.get("container") or v.get("url"):
            return WorkKind.WEB if (v.get("url") or looks_like_web(v.get("container", "")) or not d.entry) else WorkKind.ARTICLE
        return WorkKind.BOOK if (d.authors or d.editors) else WorkKind.DOCUMENT
    if d.periodical and not d.imprint:
        if v.get("container"):
            return WorkKind.ARTICLE
        return WorkKind.BOOK if (d.authors or d.editors) else WorkKind.ISSUE
    if v.get("url") and not d.imprint:
        return WorkKind.WEB
    if d.editors and not d.authors:
        return WorkKind.COLLECTION
    return WorkKind.BOOK


def _work(d: Draft) -> Work:
    v = d.values
    kind = _kind(d)
    title = v.get("title", "")
    if v.get("title_rest"):
        title = f"{title} {v['title_rest']}"
    container = v.get("container", "")
    issue = v.get("issue", "")
    if kind is WorkKind.ISSUE:
        container, title = title, ""
    publisher = v.get("publisher", "")
    return Work(kind=kind, authors=d.authors, editors=d.editors, translators=d.translators,
                title=title, container=container, volume=v.get("volume", ""), issue=issue,
                pages=v.get("pages", ""), year=v.get("year", ""), year_label=v.get("year_label", ""),
                month=v.get("month", ""), place=v.get("place", ""), publisher=publisher,
                url=v.get("url", ""), urldate=v.get("urldate", ""), note=v.get("note", ""),
                abbreviation=d.abbreviation)


# ----------------------------------------------------------------------------- the whole

def parse_full(s: str, start: int, end: int, italics: Italics | None = None, *, entry: bool = False
               ) -> Citation | None:
    """The full citation in s[start:end] (its whole span), or None where it is not one."""
    end = _strip_end(s, start, end)
    if end - start < 6:
        return None
    read = (_read_entry if entry else _read_span)(s, start, end, tuple(italics or ()), entry)
    return _fresh(read) if read is not None else None


def _read_full(s: str, start: int, end: int, italics: tuple[tuple[int, int], ...], entry: bool) -> Citation | None:
    """The reading of s[start:end] (its end already stripped): a function of its arguments alone
    (the vocabulary is read once per process), so kept (`_read_span`, `_read_entry`). Callers get
    a copy (`_fresh`), so that what they change is not the kept reading."""
    paper = _legal_or_official(s, start, end, entry)
    if paper is not None:
        return paper
    modes = (Names.USUAL, Names.NONE) if entry else (Names.USUAL, Names.INVERTED, Names.FAMILY, Names.NONE)
    for mode in modes:
        found = _parse(s, start, end, list(italics), entry, mode)
        if found is not None:
            return found
    return None


# The finder asks again for spans it has just read (a clause read again joined to the next one, a
# note's parentheses after its clauses, spans whose ends strip to the same end): the last spans
# read are kept. A reference list's entries are asked again by later passes (the block passes,
# the tree builder, the citation finder), thousands of entries apart: they are kept for the whole
# conversion (a bound missed at every read past it: a list of 5,700 works was parsed four times,
# not twice), the spans of notes and paragraphs not (24,000 notes' spans kept took 56 MB more of a
# 50 MB text's peak).
_read_span = lru_cache(maxsize=2048)(_read_full)
_read_entry = emptied_when_the_conversion_ends(lru_cache(maxsize=None)(_read_full))


def _fresh(c: Citation) -> Citation:
    """A copy of a kept reading that a caller may change: its own lists; the work is shared, as
    a work is never changed in place (a change makes a copy: Work.copy)."""
    return replace(c, parts=list(c.parts), corrections=list(c.corrections), doubts=list(c.doubts))


def _parse(s: str, start: int, end: int, italics: Italics, entry: bool, mode: Names) -> Citation | None:
    d = Draft(s, start, end, entry)
    title_start = _head(d, italics, mode)
    if title_start < 0:
        return None
    d.floor = title_start            # the tail is read from the end back to the names, no further
    cut = _url(d, end)
    damaged = _damaged_address(d, cut)
    cut = cut if damaged == cut else _back_over(s, title_start, damaged)
    cut = _remark(s, title_start, cut)
    if not entry:
        cut = _pinpoint(d, cut)
        cut = _volume_after(d, cut)
    before_imprint = cut
    cut = _imprint_paren(d, cut)
    if cut == before_imprint:
        cut = _imprint_plain(d, cut, with_year=True)
    if cut == before_imprint and entry:
        pages = _ends(_entry_pages_rx(), s, title_start, cut, re.IGNORECASE)
        if pages:
            _record_pages(d, Field.PAGES, *pages.span("pages"), pages.group("pages"))
            d.values["pages"] = _pages_value(P.digits_corrected(pages.group("pages")))
            cut = _back_over(s, title_start, pages.start())
    if entry and not d.imprint:
        cut = _imprint_plain(d, cut, with_year=False)
    if not d.imprint:
        cut = _journal_tail(d, cut)
    if not d.imprint and not d.periodical and d.pinpoint and not d.values.get("url") and not entry:
        # "Trotsky, Sochineniia, Moscow, Vol.20": a place alone before the volume
        m = _ends(_PLACE_ALONE, s, title_start, cut)
        if m and (d.authors or d.editors) and len(m.group("place").split()) <= 2 and "volume" in d.values:
            _place_publisher(d, m.span("place"), None)
            cut = _back_over(s, title_start, m.start())
    if title_start >= cut or not _title_zone(d, title_start, cut, italics):
        return None
    if not _acceptable(d):
        return None
    d.parts.sort(key=lambda p: (p.start, p.end))
    return Citation(start, end, Form.FULL, d.parts, _work(d), pinpoint=d.pinpoint, corrections=d.corrections,
                    doubts=d.doubts, reference_entry=entry, sets_abbreviation=d.abbreviation,
                    same_authors=bool(d.values.get("same_authors")))


@lru_cache(maxsize=None)
def _entry_pages_rx() -> str:
    """A reference-list entry's pages at its end (built once: `_ends` keys on the text)."""
    return rf"[:,]\s*(?:{P.scope('page')}\s*)?(?P<pages>{P.RANGE})"


_PLACE_ALONE = rf",\s*(?P<place>{P.PLACE})"


def _legal_or_official(s: str, start: int, end: int, entry: bool) -> Citation | None:
    """Cases, statutes and official papers, cited by their reporters' and series' numbers:
    "Brown v. Board of Education, 347 U.S. 483, 495 (1954)", "42 U.S.C. § 1983 (2012)",
    "Correspondence respecting the European Crisis, Cd. 7467 (London, 1914), No. 12", "Cd. 7717,
    No. 109". They are @misc: their numbers go in `howpublished`, the page or document cited is
    the pinpoint."""
    if lead_ins().match(s, start, end):
        return None               # "See Roe v. Wade, …": the citation begins after the lead-in
    d = Draft(s, start, end, entry)
    # a case's parties stand either side of "v." and a statute's section after "§": where the
    # text holds neither, their patterns are neither compiled nor tried
    case = _case().fullmatch(s, start, end) if _VERSUS.search(s, start, end) else None
    statute = _statute().fullmatch(s, start, end) if s.find("§", start, end) >= 0 else None
    paper = _official_paper().fullmatch(s, start, end)
    m = case or statute or paper
    if m is None:
        return None
    g = m.groupdict()
    title_span = m.span("title") if g.get("title") else m.span("where")
    d.add(Field.TITLE, *title_span)
    d.add(Field.NUMBER, *m.span("where"))
    if g.get("year"):
        _year(d, *m.span("year"))
    if g.get("imprint"):
        im = _rx(rf"(?P<place>{P.PLACE}),?\s+(?P<year>{P.YEARISH})").fullmatch(s, *m.span("imprint"))
        if im:
            _place_publisher(d, im.span("place"), None)
            _year(d, *im.span("year"))
    pin = g.get("pin")
    if pin:
        d.add(Field.PINPOINT, *m.span("pin"))
        d.pinpoint = _pages_value(re.sub(r"^pp?\.\s?", "", pin))
    work = Work(WorkKind.DOCUMENT, title=_clean(s[title_span[0]:title_span[1]]), number=_clean(m.group("where")),
                year=d.values.get("year", ""), place=d.values.get("place", ""))
    d.parts.sort(key=lambda p: (p.start, p.end))
    return Citation(start, end, Form.FULL, d.parts, work, pinpoint=d.pinpoint, corrections=d.corrections, doubts=d.doubts,
                    reference_entry=entry)


_VERSUS = re.compile(r"\sv\.?\s")


@lru_cache(maxsize=None)
def _case() -> re.Pattern[str]:
    """A case: "Brown v. Board of Education, 347 U.S. 483, 495 (1954)" (compiled once)."""
    return re.compile(rf"(?P<title>{UPPER}.{{1,150}}?\sv\.?\s.{{1,150}}?),\s+(?P<where>(?P<vol>\d+)\s+(?:{P.law_reporters()})\s+(?P<page>\d+))"
                      rf"(?:,\s*(?P<pin>\d+(?:[{DASHES}]\d+)?))?\s*\((?:[^()\d]*\s)?(?P<year>{P.YEAR})\)")


@lru_cache(maxsize=None)
def _statute() -> re.Pattern[str]:
    """A statute: "42 U.S.C. § 1983 (2012)" (compiled once)."""
    return re.compile(rf"(?P<where>(?P<vol>\d+)\s+(?:{P.law_reporters()})\s*§+\s*(?P<sec>[\w.\-]+))(?:\s*\((?P<year>{P.YEAR})\))?")


@lru_cache(maxsize=None)
def _official_paper() -> re.Pattern[str]:
    """An official paper by its series' number: "Correspondence …, Cd. 7467 (London, 1914), No. 12"
    (compiled once)."""
    return re.compile(rf"(?:(?P<title>{UPPER}[^()]{{2,200}}?),\s*)?(?P<where>(?:{P.official_series()})\s?\d+(?:/\d+)?)"
                      rf"(?:\s*\((?P<imprint>[^()]*)\))?(?:,\s*(?P<pin>(?:No\.|pp?\.)\s?\d+(?:[{DASHES}]\d+)?))?")


def _remark(s: str, start: int, end: int) -> int:
    """A remark in parentheses after the citation ("(emphasis added)") is not part of it."""
    m = _ends(r"\s\((?P<r>[^()\d]*)\)", s, start, end)
    if m and not re.search(rf"{P.YEARISH}|:", m.group("r")) and len(m.group("r").split()) <= 8 \
            and not re.search(P.month(), m.group("r")):
        return _back_over(s, start, m.start())
    return end


def _acceptable(d: Draft) -> bool:
    """A full citation names a title and says more than a title: who, where, when, in what."""
    title = d.values.get("title", "") or d.values.get("container", "")
    if not title or len(title) > 260:
        return False
    if not re.search(r"[^\W\d_]{2,}", title) or _numbered_scope().match(title):
        return False           # a number, not a title
    if re.search(r"\(\s*(?:note|n\.|fn\.)\s*\d+\s*\)", title):
        return False
    if d.abbreviation:
        return True            # the source sets the work up to cite it again
    # an author and a title alone are a short form ("Trotsky, Stalin, p. 403"), not a full citation
    has_more = bool(d.imprint or d.periodical or d.values.get("url") or d.values.get("container")
                    or d.values.get("year") or d.values.get("volume"))
    if not has_more:
        return False
    if not _plausible_fields(d):
        return False
    if not (d.authors or d.editors) and not (d.imprint or d.periodical or d.values.get("url")):
        # a title with a container only: a piece in quotation marks in a named site or journal,
        # or a piece in a collection cited by its volume ("Speech…, Collected Works, vol. 33")
        return bool(d.values.get("container")) and (d.quoted or d.in_book and bool(d.values.get("volume")))
    words = d.values.get("title", "").split()
    lowers = sum(1 for w in words if w[:1].islower())
    if not d.quoted and len(words) > 12 and lowers > 0.7 * len(words):
        return False           # prose, not a title
    return True


@lru_cache(maxsize=None)
def _numbered_scope() -> re.Pattern[str]:
    """An issue's, a volume's or a page's word and its number: "No. 3", "vol. 2" (compiled once)."""
    return re.compile(rf"(?:{P.scope('issue')}|{P.scope('volume')}|{P.scope('page')})\s*\d", re.IGNORECASE)


def _plausible_fields(d: Draft) -> bool:
    """A title or container that holds "see" or "quoted in", a page reference, or a sentence is
    prose that a parse took in, not a field."""
    title, container = d.values.get("title", ""), d.values.get("container", "")
    for text in (title, container):
        if strong_lead_ins().search(text) and not d.quoted:
            return False
    if strong_lead_ins().search(container) or re.search(r"[\[\]!?]|(?<![A-Z])\.\s|^\(|\((?:note|n\.|fn\.)\s*\d", container):
        return False
    if d.quoted and not (d.authors or d.editors) and (len(title.split()) > 20 or d.s[:0] == "" and title.endswith(".")):
        return False           # a sentence quoted in prose, not a title
    if len(container.split()) > 16 or len(title.split()) > 40 or (not d.quoted and len(title.split()) > 28):
        return False
    for text in (title, container):
        if text.count("(") != text.count(")"):
            return False       # a parenthesis opened or closed outside the field: prose taken in
    if container and not re.match(rf"[{UPPER[1:-1]}\d“\"‘'«]", container) and len(container.split()) > 1:
        return False           # a journal's or a book's name begins with a capital (a site's may not: "libcom")
    if not (d.authors or d.editors) and re.match(rf"(?:{P.any_role()})\s", title, re.IGNORECASE):
        return False           # "Translated from …": a role, not a title
    if re.match(r"\d+\s*[,;]|[a-z]", title) and not d.quoted:
        return False           # "210, and A Documentary History…": pages and prose before a title
    if not d.quoted and re.search(rf"(?<!\w)(?:{P.scope('page')})\s*\d", title, re.IGNORECASE):
        return False
    return True


def _iso_date(text: str) -> str:
    """"3 May 2020", "May 3, 2020", "2020-05-03" → 2020-05-03 where it can be read."""
    from .. import data
    months = {m.lower(): k + 1 for k, m in enumerate(data.ordered("months.txt"))}
    t = _clean(text).rstrip(".")
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if iso:
        return t
    m = re.fullmatch(r"(\d{1,2})\.?\s+([A-Za-z]+)\.?,?\s+(\d{4})", t) or None
    if m:
        day, mon, year = m.group(1), m.group(2), m.group(3)
    else:
        m = re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", t)
        if not m:
            return ""
        mon, day, year = m.group(1), m.group(2), m.group(3)
    number = next((n for name, n in months.items() if name.startswith(mon.lower()[:3])), None)
    if number is None:
        return ""
    return f"{year}-{number:02d}-{int(day):02d}"


__all__ = ["parse_full", "quoted_span"]
