"""A work as BibTeX fields, and BibTeX fields as a work (the writer, the registry and the editor's
corrections share this one mapping).

Entry types follow the work's kind: @book, @collection (an edited volume cited whole),
@incollection (a piece in a book), @article (a piece in a journal or a periodical's issue),
@online (a web page), @misc (a periodical issue cited whole, legal and official papers, a work of
unknown shape). Fields are those of BibTeX and biblatex's data model for each type, nothing
invented: a periodical issue's number goes in `howpublished` (@misc has no `number`), a site's
name in `organization` (@online), an issue that is named, not numbered, in `issue`
("January-February"); a month is written as its number where the citation gives one month.
"""
from __future__ import annotations

import re

from .. import data
from .model import OTHERS, Name, Work, WorkKind
from .names import name_of

# Field order in the written entries.
FIELD_ORDER = ("author", "editor", "translator", "title", "booktitle", "journal", "organization", "howpublished",
               "edition", "volume", "number", "issue", "pages", "year", "month", "address", "publisher", "series",
               "url", "urldate", "note")

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def entry_type(work: Work) -> str:
    return "misc" if work.kind is WorkKind.ISSUE else work.kind.value


def arabic(number: str) -> str:
    """A volume as biblatex wants it (an integer): 'II' → '2'; other forms are kept."""
    low = number.lower()
    if not low or not re.fullmatch(r"[ivxlcdm]+", low):
        return number
    total = 0
    for k, ch in enumerate(low):
        value = _ROMAN[ch]
        total += -value if k + 1 < len(low) and _ROMAN[low[k + 1]] > value else value
    return str(total)


def month_number(month: str) -> str:
    """'Oct.' → '10', 'October' → '10'; a range or a season gives ''."""
    months = [m.lower() for m in data.ordered("months.txt")]
    word = month.strip().rstrip(".").lower()
    if not word or re.search(r"[\-–/]", word):
        return ""
    return next((str(k + 1) for k, m in enumerate(months) if len(word) >= 3 and m.startswith(word[:3])
                 and (word in m or m.startswith(word))), "")


def names_field(names: tuple[Name, ...]) -> str:
    return " and ".join(n.bibtex() for n in names)


def fields_of(work: Work) -> dict[str, str]:
    """The work's BibTeX fields (values unescaped), in FIELD_ORDER."""
    f: dict[str, str] = {}
    kind = work.kind
    if work.authors:
        f["author"] = names_field(work.authors)
    if work.editors:
        f["editor"] = names_field(work.editors)
    if work.translators:
        f["translator"] = names_field(work.translators)
    title = work.title
    if kind is WorkKind.ISSUE:
        title = work.container
    if title:
        f["title"] = title
    if kind is WorkKind.CHAPTER and work.container:
        f["booktitle"] = work.container
    elif kind is WorkKind.ARTICLE and work.container:
        f["journal"] = work.container
    elif kind is WorkKind.WEB and work.container:
        f["organization"] = work.container
    elif kind is WorkKind.DOCUMENT and work.container:
        f["howpublished"] = work.container
    if work.edition:
        f["edition"] = work.edition
    month = month_number(work.month)
    if kind is WorkKind.ISSUE:
        issue = f"no. {work.issue}" if work.issue and work.issue[:1].isdigit() else work.issue
        shown = ", ".join(x for x in (issue, "" if month else work.month) if x)
        if shown:
            f["howpublished"] = shown
    else:
        if work.volume and kind not in (WorkKind.WEB, WorkKind.DOCUMENT):
            f["volume"] = arabic(work.volume)
        if work.issue:
            if kind is WorkKind.ARTICLE and not work.issue.isdigit():
                f["issue"] = work.issue
            elif kind in (WorkKind.ARTICLE, WorkKind.BOOK, WorkKind.COLLECTION, WorkKind.CHAPTER):
                f["number"] = work.issue
        if work.number:
            f["number" if kind not in (WorkKind.DOCUMENT, WorkKind.WEB) else "howpublished"] = work.number
        if work.pages and kind in (WorkKind.ARTICLE, WorkKind.CHAPTER):
            f["pages"] = work.pages
    if work.year:
        f["year"] = work.year
    if month:
        f["month"] = month
    elif work.month and kind is WorkKind.ARTICLE and "issue" not in f and "number" not in f:
        f["issue"] = work.month
    elif work.month and kind is not WorkKind.ISSUE:
        f["note"] = work.month
    if kind not in (WorkKind.WEB,):
        if work.place:
            f["address"] = work.place
        if work.publisher:
            f["publisher"] = work.publisher
    if work.series:
        f["series"] = work.series
    if work.url:
        f["url"] = work.url
    if work.urldate:
        f["urldate"] = work.urldate
    if work.note:
        f["note"] = "; ".join(x for x in (f.get("note", ""), work.note) if x)
    return {k: f[k] for k in FIELD_ORDER if f.get(k)}


_KINDS = {k.value: k for k in WorkKind}
_KINDS.update({"inbook": WorkKind.CHAPTER, "incollection": WorkKind.CHAPTER, "inproceedings": WorkKind.CHAPTER,
               "phdthesis": WorkKind.BOOK, "mastersthesis": WorkKind.BOOK, "thesis": WorkKind.BOOK,
               "techreport": WorkKind.DOCUMENT, "report": WorkKind.DOCUMENT, "manual": WorkKind.BOOK,
               "booklet": WorkKind.BOOK, "proceedings": WorkKind.COLLECTION, "periodical": WorkKind.ISSUE,
               "unpublished": WorkKind.DOCUMENT, "www": WorkKind.WEB, "electronic": WorkKind.WEB})


def kind_of(entry: str) -> WorkKind:
    return _KINDS.get(entry.lower(), WorkKind.DOCUMENT)


def parse_names(value: str) -> tuple[Name, ...]:
    """'Cliff, Tony and others', '{International Communist Current}' → names (TeX escapes read)."""
    from .latex import unescape
    out: list[Name] = []
    for part in re.split(r"\s+and\s+", value.strip()):
        part = part.strip()
        if part.startswith("{") and part.endswith("}"):
            out.append(Name(unescape(part[1:-1]), body=True))
            continue
        part = unescape(part)
        if not part:
            continue
        if part == "others":
            out.append(OTHERS)
        elif part.startswith("{") and part.endswith("}"):
            out.append(Name(part[1:-1], body=True))
        elif "," in part:
            family, given = part.split(",", 1)
            out.append(Name(family.strip(), given.strip()))
        else:
            out.append(name_of(part))
    return tuple(out)


def work_of(entry: str, fields: dict[str, str]) -> Work:
    """A work from BibTeX fields (as the registry and corrections files hold them)."""
    f = {k.lower(): v for k, v in fields.items()}
    kind = kind_of(entry)
    if kind is WorkKind.DOCUMENT and entry.lower() == "misc" and f.get("howpublished", "").lower().startswith("no."):
        kind = WorkKind.ISSUE
    container = f.get("booktitle") or f.get("journal") or f.get("organization") or ""
    title = f.get("title", "")
    issue = f.get("issue", "") or f.get("number", "")
    if kind is WorkKind.ISSUE:
        container, title = title, ""
        issue = f.get("howpublished", "").removeprefix("no. ")
    elif kind is WorkKind.DOCUMENT and not container:
        container = f.get("howpublished", "")
    year = re.match(r"\d{4}", f.get("year", "") or f.get("date", ""))
    return Work(kind=kind, authors=parse_names(f.get("author", "")), editors=parse_names(f.get("editor", "")),
                translators=parse_names(f.get("translator", "")), title=title, container=container,
                volume=f.get("volume", ""), issue=issue, pages=f.get("pages", ""),
                year=year.group(0) if year else "", month=f.get("month", ""), place=f.get("address", "") or f.get("location", ""),
                publisher=f.get("publisher", ""), url=f.get("url", ""), urldate=f.get("urldate", ""),
                edition=f.get("edition", ""), series=f.get("series", ""), note=f.get("note", ""))


# The fields an editor's correction may set, and the attribute of Work each one sets.
CORRECTABLE = {"author": "authors", "editor": "editors", "translator": "translators", "title": "title",
               "booktitle": "container", "journal": "container", "organization": "container",
               "howpublished": "container", "volume": "volume", "number": "issue", "issue": "issue",
               "pages": "pages", "year": "year", "month": "month", "address": "place", "location": "place",
               "publisher": "publisher", "url": "url", "urldate": "urldate", "edition": "edition",
               "series": "series", "note": "note"}


def corrected(work: Work, entry: str | None, fields: dict[str, str]) -> Work:
    """`work` with the editor's fields put over what was parsed (and the type, if given)."""
    changes: dict[str, object] = {}
    if entry:
        changes["kind"] = kind_of(entry)
    for name, value in fields.items():
        attr = CORRECTABLE.get(name.lower())
        if attr is None:
            continue
        changes[attr] = parse_names(value) if attr in ("authors", "editors", "translators") else value
    return work.copy(**changes)
