"""Citations in the TEI: each one a `bibl` where it stands, its parts tagged; each work once, a
`biblStruct` in standOff; and a biblStruct read back as a work (the BibTeX writer's input).

In the text (every word kept where it stood):

    <bibl corresp="#trotsky1947stalin"><author>Leon Trotsky</author>, <title level="m">Stalin</title>,
      trans. <editor role="translator">Charles Malamuth</editor> (<pubPlace>London</pubPlace>:
      <publisher>Hollis andCarter</publisher>, <date when="1947"><choice><sic>194~7</sic>
      <corr>1947</corr></choice></date>), <biblScope unit="page">p. 64</biblScope></bibl>
    <bibl><ref target="#trotsky1947stalin">Ibid.</ref>, <biblScope unit="page">p. 18</biblScope></bibl>

In standOff/listBibl, one per work, `@xml:id` its BibTeX key and `@type` its entry type:

    <biblStruct xml:id="day1982leon" type="article"><analytic><author><persName><forename>Richard B.</forename>
      <surname>Day</surname></persName></author><title level="a">Leon Trotsky on …</title></analytic>
      <monogr><title level="j">Critique: Journal of Socialist Theory</title><imprint>
      <biblScope unit="volume">13</biblScope><biblScope unit="issue">1</biblScope><date when="1982">1982</date>
      </imprint></monogr></biblStruct>
"""
from __future__ import annotations

import re

from lxml import etree

from ..tei.elements import el, sub
from ..tei.namespaces import TEI_NS, XML_ID, tei
from ..tei.text import raw_text
from ..transforms.inline import wrap
from .bibtex import entry_type
from .model import OTHERS, Citation, Correction, Field, Form, Name, Work, WorkKind
from .names import name_of
from .vocabulary import scopes

_PIECES = (WorkKind.ARTICLE, WorkKind.CHAPTER, WorkKind.WEB)
_CONTAINER_LEVEL = {WorkKind.CHAPTER: "m", WorkKind.ARTICLE: "j", WorkKind.WEB: "m", WorkKind.DOCUMENT: "m",
                    WorkKind.ISSUE: "j", WorkKind.BOOK: "m", WorkKind.COLLECTION: "m"}


def title_level(kind: WorkKind) -> str:
    return "a" if kind in _PIECES else ("j" if kind is WorkKind.ISSUE else "m")


# ----------------------------------------------------------------------------- in the text

def _part_element(field: Field, part_text: str, value: str, kind: WorkKind | None, key: str | None) -> etree._Element | None:
    if field is Field.AUTHOR:
        return el("author")
    if field is Field.EDITOR:
        return el("editor", {"role": "editor"})
    if field is Field.TRANSLATOR:
        return el("editor", {"role": "translator"})
    if field is Field.TITLE:
        return el("title", {"level": title_level(kind) if kind is not None else None})
    if field is Field.CONTAINER:
        return el("title", {"level": _CONTAINER_LEVEL.get(kind, "m") if kind is not None else None})
    if field is Field.DATE:
        return el("date", {"when": value if re.fullmatch(r"\d{4}", value) else None})
    if field is Field.PLACE:
        return el("pubPlace")
    if field is Field.PUBLISHER:
        return el("publisher")
    if field is Field.VOLUME:
        return el("biblScope", {"unit": "volume"})
    if field is Field.ISSUE:
        return el("biblScope", {"unit": "issue"})
    if field in (Field.PAGES, Field.PINPOINT):
        for unit in ("chapter", "issue"):
            if re.match(rf"(?:{scopes()[unit]})", part_text, re.IGNORECASE):
                return el("biblScope", {"unit": "chapter" if unit == "chapter" else "entry"})
        return el("biblScope", {"unit": "page"})
    if field is Field.URL:
        return el("idno", {"type": "URI"})
    if field is Field.NUMBER:
        return el("num")
    if field is Field.SHORT:
        return el("ref", {"target": f"#{key}"}) if key else None
    return None


def encode_citation(element: etree._Element, citation: Citation, key: str | None, kind: WorkKind | None,
                    *, in_place: bool = False, book: str | None = None) -> bool:
    """Wrap the citation's span of `element`'s own text in a bibl and tag its parts; False where
    the span cannot be wrapped (it cuts through an element). `in_place`: the element is already
    the citation's bibl (a reference-list entry, a quotation's source), its parts are tagged in it.
    `book`: the key of the book a piece stands in, to which the book's title points."""
    if in_place:
        bibl = element
        placed: list[tuple[etree._Element, int, int]] = [(bibl, 0, len(raw_text(bibl)))]
    else:
        bibl = el("bibl")
        if not wrap(element, citation.start, citation.end, bibl):
            return False
        placed = [(bibl, citation.start, citation.end)]
    if key and citation.form is Form.FULL and not bibl.get("corresp"):
        bibl.set("corresp", f"#{key}")
    base = placed[0][1]
    text = raw_text(bibl)
    for part in sorted(citation.parts, key=lambda p: (p.start, -(p.end - p.start))):
        new = _part_element(part.field, text[part.start - base:part.end - base], part.value, kind, key)
        if new is None:
            continue
        holder = _innermost(placed, part.start, part.end)
        if holder is None:
            continue
        parent, start, _ = holder
        if wrap(parent, part.start - start, part.end - start, new):
            placed.append((new, part.start, part.end))
            if part.field is Field.CONTAINER and book:
                _point(new, book)
    for fix in sorted(citation.corrections, key=lambda c: -c.start):
        _correct(placed, fix)
    return True


def _point(title: etree._Element, key: str) -> None:
    """The book's title in a piece's citation points to the book's work."""
    ref = el("ref", {"target": f"#{key}"})
    title.addprevious(ref)
    ref.tail, title.tail = title.tail, None
    ref.append(title)


def _innermost(placed: list[tuple[etree._Element, int, int]], start: int, end: int
               ) -> tuple[etree._Element, int, int] | None:
    holders = [p for p in placed if p[1] <= start and end <= p[2]]
    for other in placed:
        if other[1] < end and start < other[2] and not (other[1] <= start and end <= other[2]) \
                and not (start <= other[1] and other[2] <= end):
            return None          # overlaps a part already tagged
    return min(holders, key=lambda p: p[2] - p[1]) if holders else None


def _correct(placed: list[tuple[etree._Element, int, int]], fix: Correction) -> None:
    """The printed text kept in sic, the reading in corr."""
    holder = _innermost(placed, fix.start, fix.end)
    if holder is None:
        return
    parent, start, _ = holder
    choice = el("choice")
    if not wrap(parent, fix.start - start, fix.end - start, choice) or len(choice):
        return
    printed = choice.text or ""
    choice.text = None
    sub(choice, "sic", None, printed)
    sub(choice, "corr", None, fix.corr)


# ----------------------------------------------------------------------------- in standOff

def _name_element(parent: etree._Element, tag: str, name: Name, role: str | None = None) -> None:
    e = sub(parent, tag, {"role": role} if role else None)
    if name == OTHERS:
        e.text = "et al."
        return
    if name.body or not name.given:
        e.text = name.family
        return
    pers = sub(e, "persName")
    sub(pers, "forename", None, name.given).tail = " "
    sub(pers, "surname", None, name.family)


def biblstruct(work: Work, key: str) -> etree._Element:
    """The work as a biblStruct (analytic for a piece, monogr, imprint), keyed."""
    kind = work.kind
    bs = el("biblStruct", {"xml:id": key, "type": entry_type(work)})
    piece = kind in _PIECES and bool(work.container)
    if piece:
        analytic = sub(bs, "analytic")
        for n in work.authors:
            _name_element(analytic, "author", n)
        sub(analytic, "title", {"level": "a"}, work.title or None)
    monogr = sub(bs, "monogr")
    after: list[tuple[Name, str]] = []          # names the schema wants after the titles
    if not piece:
        for n in work.authors:
            _name_element(monogr, "author", n)
        if not work.authors:
            for n in work.editors:
                _name_element(monogr, "editor", n, "editor")
        else:
            after += [(n, "editor") for n in work.editors]
        title = work.container if kind is WorkKind.ISSUE else work.title
        sub(monogr, "title", {"level": title_level(kind)}, title or None)
        if work.abbreviation:
            sub(monogr, "title", {"type": "short"}, work.abbreviation)
    else:
        sub(monogr, "title", {"level": _CONTAINER_LEVEL[kind]}, work.container or None)
        after += [(n, "editor") for n in work.editors]
    if work.url:
        sub(monogr, "idno", {"type": "URI"}, work.url)
    for n, role in after + [(n, "translator") for n in work.translators]:
        _name_element(monogr, "editor", n, role)
    if work.edition:
        sub(monogr, "edition", None, work.edition)
    imprint = sub(monogr, "imprint")
    if work.place:
        sub(imprint, "pubPlace", None, work.place)
    if work.publisher:
        sub(imprint, "publisher", None, work.publisher)
    if work.year or not len(imprint):
        shown = " ".join(x for x in (work.month, work.year) if x)
        sub(imprint, "date", {"when": work.year or None}, shown or None)
    for unit, value in (("volume", work.volume), ("issue", work.issue), ("page", work.pages)):
        if value:
            sub(imprint, "biblScope", {"unit": unit}, value)
    if work.number:
        sub(bs, "note", {"type": "number"}, work.number)
    if work.urldate:
        sub(bs, "note", {"type": "accessed"}, work.urldate)
    if work.note:
        sub(bs, "note", None, work.note)
    return bs


# ----------------------------------------------------------------------------- read back

def _text(e: etree._Element | None) -> str:
    return " ".join("".join(e.itertext()).split()) if e is not None else ""


def _names(parent: etree._Element | None, tag: str, role: str | None = None) -> tuple[Name, ...]:
    if parent is None:
        return ()
    out: list[Name] = []
    for e in parent.findall(tei(tag)):
        if tag == "editor" and (e.get("role") or "editor") != (role or "editor"):
            continue
        surname, forename = e.find(f".//{tei('surname')}"), e.find(f".//{tei('forename')}")
        text = _text(e)
        if text in ("et al.", "others"):
            out.append(OTHERS)
        elif surname is not None:
            out.append(Name(_text(surname), _text(forename)))
        elif text:
            out.append(Name(text, body=len(text.split()) > 1) if "," not in text else name_of(text))
    return tuple(out)


def work_of_biblstruct(bs: etree._Element) -> Work:
    from .bibtex import kind_of
    kind = kind_of(bs.get("type") or "misc")
    if bs.get("type") == "misc" and bs.find(f"{tei('monogr')}/{tei('title')}[@level='j']") is not None:
        kind = WorkKind.ISSUE
    analytic, monogr = bs.find(tei("analytic")), bs.find(tei("monogr"))
    imprint = monogr.find(tei("imprint")) if monogr is not None else None
    titles = [t for t in (monogr.findall(tei("title")) if monogr is not None else []) if t.get("type") != "short"]
    short = monogr.find(f"{tei('title')}[@type='short']") if monogr is not None else None
    scope = {s.get("unit"): _text(s) for s in (imprint.findall(tei("biblScope")) if imprint is not None else [])}
    date = imprint.find(tei("date")) if imprint is not None else None
    notes = {n.get("type") or "": _text(n) for n in bs.findall(tei("note"))}
    idno = monogr.find(f"{tei('idno')}[@type='URI']") if monogr is not None else None
    year = date.get("when", "") if date is not None else ""
    month = _text(date).replace(year, "").strip() if date is not None else ""
    if analytic is not None:
        authors = _names(analytic, "author")
        title, container = _text(analytic.find(tei("title"))), _text(titles[0]) if titles else ""
    else:
        authors = _names(monogr, "author")
        title, container = (_text(titles[0]) if titles else ""), ""
        if kind is WorkKind.ISSUE:
            title, container = "", title
    return Work(kind=kind, authors=authors, editors=_names(monogr, "editor", "editor"),
                translators=_names(monogr, "editor", "translator"), title=title, container=container,
                volume=scope.get("volume", ""), issue=scope.get("issue", ""), pages=scope.get("page", ""),
                year=year, month=month, place=_text(imprint.find(tei("pubPlace")) if imprint is not None else None),
                publisher=_text(imprint.find(tei("publisher")) if imprint is not None else None),
                url=_text(idno), urldate=notes.get("accessed", ""), edition=_text(monogr.find(tei("edition")) if monogr is not None else None),
                number=notes.get("number", ""), note=notes.get("", ""), abbreviation=_text(short))


def biblstructs(tree: etree._ElementTree | etree._Element) -> list[etree._Element]:
    """The document's works (standOff/listBibl/biblStruct with an xml:id)."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    return [bs for bs in root.iter(f"{{{TEI_NS}}}biblStruct") if bs.get(XML_ID)]
