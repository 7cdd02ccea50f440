"""The bibliography of works cited, from the TEI's `standOff/listBibl/biblStruct`s, in one style:
Chicago author-date (The Chicago Manual of Style, 17th ed., ch. 15, the reference list).

A work is read into a typed record (`Work`) and written as one entry:

- Book: Trotsky, Leon. 1947. *Stalin*. Translated by Charles Malamuth. London: Hollis and Carter.
- Edited book: Lovell, Sarah, ed. 1972. *Leon Trotsky Speaks*. New York: Pathfinder.
- Chapter: Cliff, Tony. 1988. “The Theory of Bureaucratic Collectivism.” In *State Capitalism in
  Russia*, 333–53. London: Bookmarks.
- Article: Day, Richard B. 1982. “Leon Trotsky on the Problems of the Smychka.” *Critique* 13 (1).
- Web page: Broué, Pierre. n.d. “In Germany for the International.” *Marxists Internet Archive*.
  https://….

Entries are sorted by the first author's (or editor's) surname and forenames without accents, then
year and title; a work without a name is sorted by its title. Later works of the same names open
with a 3-em dash. Works of one author and one year are told apart by a letter after the year: the
letter the document's own citations give the work ("Deutscher 2003b", read from the `date` of a
citation encoded with the work's key), else one given in the order of their titles, so that every
author-date citation of the text finds its entry. Each entry's id is the work's key (its BibTeX
key), the target of the citations that point to it.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace

from lxml import etree

from ..tei.namespaces import NS, XML_ID, tei
from ..tei.text import text_of

EM_DASH_3 = "\u2014\u2014\u2014"
_YEAR_LETTER = re.compile(r"^\s*(\d{4})([a-z])\s*$")


@dataclass(frozen=True)
class Name:
    """A person as a bibliography names them; `literal` for a name not cut into parts."""

    family: str = ""
    given: str = ""
    link: str = ""          # a particle: "van der", "de"
    literal: str = ""

    @property
    def capital_particle(self) -> bool:
        """A particle written with a capital ("Le Blanc", "De Leon") is part of the surname."""
        return bool(self.link) and self.link[:1].isupper()

    def inverted(self) -> str:
        """"Linden, Marcel van der" (a particle in lower case after the forenames), "Le Blanc,
        Paul" (one in capitals before the surname): the first name of an entry."""
        if not self.family:
            return self.literal
        if self.capital_particle:
            return f"{self.link} {self.family}, {self.given}" if self.given else f"{self.link} {self.family}"
        given = " ".join(x for x in (self.given, self.link) if x)
        return f"{self.family}, {given}" if given else self.family

    def natural(self) -> str:
        """"Marcel van der Linden", every other name."""
        if not self.family:
            return self.literal
        return " ".join(x for x in (self.given, self.link, self.family) if x)

    def sort_key(self) -> str:
        if not self.family:
            return fold(self.literal)
        family = f"{self.link} {self.family}" if self.capital_particle else self.family
        return fold(f"{family} {self.given}")


@dataclass(frozen=True)
class Work:
    """A work cited, as the reference list needs it."""

    key: str
    kind: str                          # book, collection, incollection, article, online, misc
    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()     # of the book (a collection's, or the book a chapter is in)
    translators: tuple[Name, ...] = ()
    piece: str = ""                    # the title of an article, a chapter, a web page
    title: str = ""                    # the title of a book or a site
    journal: str = ""
    place: str = ""
    publisher: str = ""
    date: str = ""                     # as the source gives it ("October 1965")
    year: str = ""                     # the year, or "" for n.d.
    letter: str = ""                   # 2003a, 2003b
    volume: str = ""
    issue: str = ""
    pages: str = ""
    url: str = ""
    accessed: str = ""
    number: str = ""
    notes: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[Name, ...]:
        return self.authors or self.editors

    def sort_key(self) -> tuple[str, ...]:
        names = " ".join(n.sort_key() for n in self.names) or fold(self.piece or self.title or self.journal)
        return (names, self.year or "9999", self.letter, fold(self.piece or self.title))


def fold(text: str) -> str:
    """Lower case without accents or punctuation: the order of a reference list or an index."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", "", plain.lower()).split())


# --------------------------------------------------------------------------- reading

def works_of(root: etree._Element) -> list[Work]:
    """The document's works cited (its standOff's biblStructs), with their year letters."""
    works = [read_work(b) for b in root.iterfind(".//t:standOff/t:listBibl/t:biblStruct", NS)]
    return with_letters(works, cited_letters(root))


def read_work(b: etree._Element) -> Work:
    analytic = b.find(tei("analytic"))
    monogr = b.find(tei("monogr"))
    imprint = monogr.find(tei("imprint")) if monogr is not None else None
    titles = {t.get("level") or "m": text_of(t) for t in (monogr.findall(tei("title")) if monogr is not None else [])
              if t.get("type") != "short"}
    scope = {s.get("unit"): text_of(s) for s in (imprint.findall(tei("biblScope")) if imprint is not None else [])}
    date = imprint.find(tei("date")) if imprint is not None else None
    notes = {n.get("type") or "": text_of(n) for n in b.findall(tei("note"))}
    return Work(
        key=b.get(XML_ID) or "",
        kind=b.get("type") or "misc",
        authors=_names(analytic if analytic is not None else monogr, "author"),
        editors=tuple(n for n in _names(monogr, "editor", role="editor")),
        translators=_names(monogr, "editor", role="translator"),
        piece=text_of(analytic.find(tei("title"))) if analytic is not None and analytic.find(tei("title")) is not None else "",
        title=titles.get("m", ""),
        journal=titles.get("j", ""),
        place=_text(imprint, "pubPlace"),
        publisher=_text(imprint, "publisher"),
        date=text_of(date) if date is not None else "",
        year=(date.get("when") or "")[:4] if date is not None else "",
        volume=scope.get("volume", ""),
        issue=scope.get("issue", ""),
        pages=scope.get("page", ""),
        url=_text(b, "idno") or _text(monogr, "idno") or _text(analytic, "idno"),
        accessed=notes.get("accessed", ""),
        number=notes.get("number", ""),
        notes=tuple(v for k, v in notes.items() if k not in ("accessed", "number") and v),
    )


def _text(parent: etree._Element | None, tag: str) -> str:
    if parent is None:
        return ""
    e = parent.find(tei(tag))
    return text_of(e) if e is not None else ""


def _names(parent: etree._Element | None, tag: str, role: str | None = None) -> tuple[Name, ...]:
    if parent is None:
        return ()
    out = []
    for e in parent.findall(tei(tag)):
        if role is not None and (e.get("role") or "editor") != role:
            continue
        out.append(read_name(e))
    return tuple(n for n in out if n.family or n.literal)


def read_name(e: etree._Element) -> Name:
    pers = e.find(tei("persName"))
    holder = pers if pers is not None else e
    surnames = [text_of(s) for s in holder.findall(tei("surname"))]
    if not surnames:
        return Name(literal=text_of(holder))
    forenames = [text_of(f) for f in holder.findall(tei("forename"))]
    links = [text_of(x) for x in holder.findall(tei("nameLink"))]
    return Name(" ".join(surnames), " ".join(forenames), " ".join(links))


def cited_letters(root: etree._Element) -> dict[str, str]:
    """The year letter each work is cited with in the document (a citation's date '2003b')."""
    found: dict[str, str] = {}
    text = root.find(tei("text"))
    if text is None:
        return found
    for bibl in text.iter(tei("bibl")):
        key = (bibl.get("corresp") or "").lstrip("#")
        date = bibl.find(f".//{tei('date')}")
        if key and date is not None:
            m = _YEAR_LETTER.match(text_of(date))
            if m and key not in found:
                found[key] = m.group(2)
    return found


def with_letters(works: list[Work], cited: dict[str, str]) -> list[Work]:
    """Give a letter to each work that shares its names and year with another: the one its
    citations use, else the next free one in the order of the titles."""
    groups: dict[tuple[str, str], list[Work]] = defaultdict(list)
    for w in works:
        groups[(" ".join(n.sort_key() for n in w.names), w.year)].append(w)
    out: dict[str, Work] = {}
    for (names, year), group in groups.items():
        if len(group) < 2 or not names:
            for w in group:
                out[w.key] = replace(w, letter=cited.get(w.key, ""))
            continue
        used = {cited[w.key] for w in group if w.key in cited}
        free = (c for c in "abcdefghijklmnopqrstuvwxyz" if c not in used)
        for w in sorted(group, key=lambda w: fold(w.piece or w.title)):
            out[w.key] = replace(w, letter=cited.get(w.key) or next(free))
    return [out[w.key] for w in works]


# --------------------------------------------------------------------------- writing

def _names_text(names: tuple[Name, ...]) -> str:
    """"Rakovsky, Kh., M. Okudjava, and V. Kossior"."""
    if not names:
        return ""
    parts = [names[0].inverted()] + [n.natural() for n in names[1:]]
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return f"{parts[0]}, and {parts[1]}"
    return ", ".join(parts[:-1]) + f", and {parts[-1]}"


def _others(names: tuple[Name, ...]) -> str:
    items = [n.natural() for n in names]
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def _sentence(text: str) -> str:
    """End a part of an entry with a period unless it already ends with a mark."""
    text = text.strip()
    return text if not text or text[-1] in ".?!" else text + "."


def _pages(pages: str) -> str:
    return pages.replace("--", "\u2013").replace("-", "\u2013")


class EntryWriter:
    """Writes one work as a reference-list entry (HTML: a paragraph with italic titles)."""

    def __init__(self, maker) -> None:
        self.el = maker           # makes an HTML element (tag, cls) → element

    def entry(self, work: Work, repeat: bool, ident: str | None) -> etree._Element:
        p = self.el("p", "bib-entry")
        if ident:
            p.set("id", ident)
        pieces: list[tuple[str, str]] = []          # (text, "i" for italic or "")
        names = EM_DASH_3 if repeat and work.names else _names_text(work.names)
        if names:
            role = ", ed." if not work.authors and work.editors and len(work.editors) == 1 else \
                (", eds." if not work.authors and work.editors else "")
            pieces.append((_sentence(names + role), ""))
        year = work.year + work.letter if work.year else "n.d." + (f"-{work.letter}" if work.letter else "")
        pieces.append((" " + _sentence(year), ""))
        pieces.extend(self._title_and_container(work))
        for note in work.notes:
            pieces.append((" " + _sentence(note), ""))
        if work.url:
            pieces.append((" " + work.url + ("" if work.url.endswith(".") else "."), "url"))
        if work.accessed:
            pieces.append((f" Accessed {work.accessed}.", ""))
        self._fill(p, pieces)
        return p

    def _title_and_container(self, work: Work) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        if work.piece:
            out.append((" \u201c" + _sentence(work.piece).rstrip(".") + ".\u201d", ""))
        if work.kind == "article" or (work.journal and not work.title):
            if work.journal:
                out.append((" ", ""))
                out.append((work.journal, "i"))
                vol = " " + work.volume if work.volume else ""
                issue = f" ({work.issue})" if work.issue else ""
                pages = f": {_pages(work.pages)}" if work.pages else ""
                date = f", {work.date}" if work.date and not work.volume and work.date != work.year else ""
                out.append((vol + issue + date + pages + ".", ""))
            return out
        if work.title:
            lead = " In " if work.piece else " "
            out.append((lead, ""))
            out.append((_sentence(work.title).rstrip("."), "i"))
            tail = ""
            if work.piece and work.editors:
                tail += ", edited by " + _others(work.editors)
            if work.piece and work.pages:
                tail += ", " + _pages(work.pages)
            out.append((tail + ".", ""))
        if work.translators:
            out.append((" Translated by " + _others(work.translators) + ".", ""))
        if work.volume and not work.journal:
            out.append((f" Vol. {work.volume}.", ""))
        if work.number:
            out.append((f" {work.number}.", ""))
        place = ": ".join(x for x in (work.place, work.publisher) if x)
        if place:
            out.append((" " + place + ".", ""))
        return out

    def _fill(self, p: etree._Element, pieces: list[tuple[str, str]]) -> None:
        text = ""
        last: etree._Element | None = None
        for piece, style in pieces:
            if style == "i" or style == "url":
                e = self.el("em" if style == "i" else "span", "url" if style == "url" else None)
                if style == "url":
                    lead = piece[: len(piece) - len(piece.lstrip())]
                    e.text = piece.strip()
                    piece = lead
                else:
                    e.text = piece
                    piece = ""
                if last is None:
                    p.text = (p.text or "") + text + piece
                else:
                    last.tail = (last.tail or "") + text + piece
                p.append(e)
                last, text = e, ""
            else:
                text += piece
        if last is None:
            p.text = (p.text or "") + text
        else:
            last.tail = (last.tail or "") + text


def bibliography_entries(works: list[Work], maker, prefix: str = "") -> list[etree._Element]:
    """The reference list, sorted, each entry an HTML paragraph with the work's key as its id."""
    writer = EntryWriter(maker)
    out = []
    previous: tuple[str, ...] | None = None
    for work in sorted(works, key=Work.sort_key):
        names = tuple(n.sort_key() for n in work.names)
        out.append(writer.entry(work, repeat=bool(names) and names == previous and bool(work.authors or work.editors),
                                ident=prefix + work.key if work.key else None))
        previous = names
    return out


def merge_works(documents: list[list[Work]]) -> list[Work]:
    """The works of several documents, each key once (the keys are the edition's)."""
    seen: dict[str, Work] = {}
    for works in documents:
        for w in works:
            seen.setdefault(w.key, w)
    return list(seen.values())


__all__ = ["EM_DASH_3", "EntryWriter", "Name", "Work", "bibliography_entries", "cited_letters", "fold",
           "merge_works", "read_name", "read_work", "with_letters", "works_of"]
