"""The prelims of the print edition: half-title, title page, imprint, pages of the front matter
(dedication, epigraph), and the contents.

Each is an HTML section the stylesheet sets on a page of its own: the half-title (the title alone)
on the first recto, its verso blank, the title page on the second recto, the imprint on its verso,
a dedication or epigraph on the next recto, then the contents on a recto. The prelims are numbered
in roman figures (the half-title, title and imprint carry none); the text begins on an arabic 1.

The imprint is written from the TEI header: the source as a citation (Chicago, note form, names
as the source gives them), what the header says of it, the credits, the rights in the text and in
the encoding (with the licence's address), the edition with its publisher and date, the tool and
the typesetting, then the conventions the text needed (daggers, asterisks, quotation marks,
notes that go on overleaf) and, in a text set as one run, the notes the source lacks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ... import data
from ...tei.namespaces import NS, local_name, tei
from ...tei.text import text_of
from .footnotes import compress_numbers
from .labels import has_label, label
from .quotations import edition_marks, running_text
from .translator import Ctx, TranslatedDocument

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")


@dataclass(frozen=True)
class ContentsLine:
    """A line of the contents: its level, heading, page label (None: the stylesheet finds the
    page with target-counter) and the id it links to."""

    level: int
    text: str
    page: str | None
    target: str


def half_title(doc: TranslatedDocument) -> etree._Element:
    t = doc.translator
    sect = t.el("section", "half-title")
    h = t.el("p", "half-title-text")
    h.text = _main_title_text(doc)
    sect.append(h)
    return sect


def _main_title_text(doc: TranslatedDocument) -> str:
    mains = doc.root.findall(".//t:text/t:front/t:titlePage//t:titlePart[@type='main']", NS)
    return " ".join(running_text(m) for m in mains) or doc.title


def title_page(doc: TranslatedDocument, publisher: str | None = None) -> etree._Element:
    """The title page: title, subtitle, author, byline, the source's imprint line; the edition's
    publisher at its foot."""
    t = doc.translator
    root = doc.root
    sect = t.el("section", "titlepage")
    tp = root.find(".//t:text/t:front/t:titlePage", NS)
    mains = tp.findall(".//t:titlePart[@type='main']", NS) if tp is not None else []
    if not mains and tp is not None:
        mains = [p for p in tp.findall(".//t:titlePart", NS) if p.get("type") not in ("sub", "alt")]
    if mains:
        for m in mains:
            h = t.el("h1", "title", data_running=running_text(m))
            t.common(m, h)
            t.children(m, h, Ctx(inline=True))
            sect.append(h)
    else:
        h = t.el("h1", "title", data_running=doc.title)
        h.text = doc.title
        sect.append(h)
    subs = tp.findall(".//t:titlePart[@type='sub']", NS) if tp is not None else []
    header_sub = root.find(".//t:teiHeader/t:fileDesc/t:titleStmt/t:title[@type='sub']", NS)
    if not subs and header_sub is not None and text_of(header_sub) and not mains:
        p = t.el("p", "subtitle")
        p.text = text_of(header_sub)
        sect.append(p)
    for s in subs:
        p = t.el("p", "subtitle")
        t.children(s, p, Ctx(inline=True))
        sect.append(p)
    authors = tp.findall(".//t:docAuthor", NS) if tp is not None else []
    if authors:
        for a in authors:
            p = t.el("p", "author")
            t.children(a, p, Ctx(inline=True))
            sect.append(p)
    else:
        for a in root.findall(".//t:teiHeader/t:fileDesc/t:titleStmt/t:author", NS):
            if text_of(a):
                p = t.el("p", "author")
                p.text = text_of(a)
                sect.append(p)
    if tp is not None:
        for by in tp.findall(".//t:byline", NS):
            rest = text_of(by)
            for a in by.findall(tei("docAuthor")):
                rest = rest.replace(text_of(a), "")
            if len(re.findall(r"\w+", rest)) > 1:   # words beyond the author's name ("Translated by …")
                p = t.el("p", "byline")
                t.children(by, p, Ctx(inline=True))
                sect.append(p)
        for e in tp:
            if local_name(e) in ("docImprint", "docDate"):
                p = t.el("p", f"tp-{local_name(e)}")
                t.children(e, p, Ctx(inline=True))
                sect.append(p)
    if publisher:
        p = t.el("p", "tp-publisher")
        p.text = publisher
        sect.append(p)
    return sect


def front_pages(doc: TranslatedDocument) -> list[etree._Element]:
    """The dedication, the epigraph (and in a book any other front part without a heading),
    each on a recto of its own."""
    t = doc.translator
    out = []
    for e in doc.prelim_front:
        sect = t.el("section", f"prelim-page prelim-{e.get('type') or local_name(e)}")
        if local_name(e) == "div":
            box = t.el("div", f"div-{e.get('type')}")
            t.blocks(e, box, Ctx())
            sect.append(box)
        else:
            t.visit(e, sect, Ctx())
        out.append(sect)
    return out


# --------------------------------------------------------------------------- the imprint

def imprint(doc: TranslatedDocument, *, tool: str, font: str, continued: bool) -> etree._Element:
    """The imprint (title verso) from the header."""
    t = doc.translator
    lang = doc.lang
    root = doc.root
    sect = t.el("section", "imprint")
    fd = root.find(".//t:teiHeader/t:fileDesc", NS)
    source = fd.find("t:sourceDesc/t:bibl", NS) if fd is not None else None
    if source is not None:
        p = t.el("p", "source")
        lead = t.el("span", "caption")
        lead.text = label("source", lang) + ": "
        p.append(lead)
        _citation(t, source, p, lang)
        sect.append(p)
        for n in source.findall("t:note", NS):
            if text_of(n):
                q = t.el("p", "source-note")
                q.text = text_of(n)
                sect.append(q)
    for k, box in enumerate(doc.credits):
        # the source's own credit lines, quoted as it prints them: the note above may say the same
        # in the edition's words
        box.set("class", "credits")
        if k == 0:
            cap = t.el("p", "caption credits-caption")
            cap.text = label("source_credits", lang) + ":"
            sect.append(cap)
        sect.append(box)
    if fd is not None:
        licences = fd.findall("t:publicationStmt/t:availability/t:licence", NS)
        for k, lic in enumerate(licences):
            if not text_of(lic):
                continue
            p = t.el("p", "licence")
            if k == 0 and len(licences) > 1 and not lic.get("target"):
                cap = t.el("span", "caption")
                cap.text = label("text_rights", lang) + ": "
                p.append(cap)
                cap.tail = _sentence(text_of(lic))
            else:
                p.text = _sentence(text_of(lic))
                if lic.get("target"):
                    p.text += " "
                    url = t.el("span", "url")
                    url.text = lic.get("target")
                    p.append(url)
            sect.append(p)
        p = t.el("p", "edition")
        cap = t.el("span", "caption")
        cap.text = label("this_edition", lang) + ": "
        p.append(cap)
        publisher_e = fd.find("t:publicationStmt/t:publisher", NS)
        publisher = text_of(publisher_e) if publisher_e is not None else ""
        date = fd.find("t:publicationStmt/t:date", NS)
        when = format_date((date.get("when") or text_of(date)) if date is not None else "", lang)
        edition = fd.find("t:editionStmt/t:edition", NS)
        cap.tail = ", ".join(x for x in (publisher, when) if x) + "."
        if edition is not None and text_of(edition):
            cap.tail += " " + _sentence(text_of(edition))
        sect.append(p)
    p = t.el("p", "typeset")
    p.text = label("typeset", lang, tool=tool, font=font)
    sect.append(p)
    for line in conventions(doc, continued):
        q = t.el("p", "conventions")
        q.text = line
        sect.append(q)
    for division, labels in doc.unplaced_missing:
        statement = missing_statement(labels, lang)
        q = t.el("p", "missing-notes")
        q.text = label("missing_in", lang, division=division, statement=statement) if division else statement
        sect.append(q)
    return sect


def conventions(doc: TranslatedDocument, continued: bool) -> list[str]:
    lang = doc.lang
    used = doc.conventions
    lines = []
    if "dagger" in used:
        lines.append(label("convention_dagger", lang))
    if "author" in used:
        lines.append(label("convention_author", lang))
    if "missing" in used and doc.book:
        lines.append(label("convention_missing", lang))
    if continued:
        lines.append(label("convention_continued", lang))
    if "quotes" in used:
        (o1, c1), (o2, c2) = edition_marks(lang)
        lines.append(label("convention_quotes", lang, outer=f"{o1}\u2026{c1}", inner=f"{o2}\u2026{c2}"))
    return lines


def missing_statement(labels: list[str], lang: str) -> str:
    numbers = compress_numbers(labels)
    many = len(set(labels)) > 1
    return label("missing_many" if many else "missing_one", lang, labels=numbers)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def format_date(when: str, lang: str) -> str:
    """An ISO date as the text's language writes it ('13 October 2017', '13. Oktober 2017',
    '13 de octubre de 2017'; data/print_labels.tsv); any other date as it is given."""
    m = _ISO_DATE.match(when.strip())
    if not m:
        return when
    year, month, day = m.groups()
    if not month:
        return year
    names = month_names(lang)
    name = names[int(month) - 1] if 1 <= int(month) <= len(names) else month
    key = "date_day" if day else "date_month"
    return label(key, lang, day=str(int(day)) if day else "", month=name, year=year)


def month_names(lang: str) -> list[str]:
    """The months in the text's language: print_labels.tsv's `month_names` for it, else English
    (data/months.txt, the list the rest of the tool reads datelines with)."""
    if has_label("month_names", lang):
        return [n.strip() for n in label("month_names", lang).split(",")]
    return data.ordered("months.txt")


def _citation(t, bibl: etree._Element, out: etree._Element, lang: str) -> None:
    """The source in Chicago's note form: Author, “Piece,” *Book or Journal* vol, no. issue
    (Place: Publisher, date), pages, address."""
    def first(tag: str, **attrs: str) -> str:
        for e in bibl.findall(tei(tag)):
            if all(e.get(k) == v for k, v in attrs.items()):
                return text_of(e)
        return ""
    authors = [text_of(a) for a in bibl.findall(tei("author")) if text_of(a)]
    translators = [text_of(a) for a in bibl.findall(tei("editor")) if a.get("role") == "translator"]
    piece = first("title", level="a")
    container = first("title", level="m") or first("title", level="j") or first("title")
    if container == piece:
        container = ""
    journal = bool(first("title", level="j"))
    scopes = {s.get("unit"): text_of(s) for s in bibl.findall(tei("biblScope"))}
    date = format_date(first("date"), lang)
    place, publisher = first("pubPlace"), first("publisher")
    url = first("idno", type="URI")
    parts: list[tuple[str, str]] = []
    if authors:
        parts.append((" and ".join(authors) + ", ", ""))
    if piece:
        parts.append(("\u201c" + piece + ",\u201d ", ""))
    if container:
        parts.append((container, "i"))
    elif not piece:
        parts.append((running_text(bibl), ""))
    if translators:
        parts.append((", trans. " + " and ".join(translators), ""))
    if journal:
        vol = (" " + scopes["volume"]) if scopes.get("volume") else ""
        issue = (", no. " + scopes["issue"]) if scopes.get("issue") else ""
        parts.append((vol + issue + (f" ({date})" if date else ""), ""))
    else:
        imprint_text = ", ".join(x for x in (": ".join(y for y in (place, publisher) if y), date) if x)
        if imprint_text:
            parts.append((f" ({imprint_text})", ""))
    if scopes.get("page"):
        parts.append((", " + scopes["page"], ""))
    if url:
        parts.append((", ", ""))
        parts.append((url, "url"))
    parts.append((".", ""))
    last: etree._Element | None = None
    for text, style in parts:
        if style:
            e = t.el("em" if style == "i" else "span", "url" if style == "url" else None)
            e.text = text
            out.append(e)
            last = e
        elif last is None:
            t.append_text(out, text)
        else:
            last.tail = (last.tail or "") + text


# --------------------------------------------------------------------------- contents

def contents(doc_lang: str, lines: list[ContentsLine], t) -> etree._Element:
    """The contents list: one line per division to the second level, with its page."""
    nav = t.el("nav", "toc")
    h = t.el("h2", "toc-head", data_running=label("contents", doc_lang))
    h.text = label("contents", doc_lang)
    nav.append(h)
    ol = t.el("ol", "toc-list")
    for line in lines:
        li = t.el("li", f"toc-{line.level}")
        a = t.el("a", "toc-entry", href=f"#{line.target}")
        a.text = line.text
        li.append(a)
        if line.page is not None:
            page = t.el("span", "toc-page")
            page.text = line.page
            li.append(page)
        else:
            li.set("class", li.get("class") + " toc-counted")
        ol.append(li)
    nav.append(ol)
    return nav


__all__ = ["ContentsLine", "contents", "conventions", "format_date", "front_pages", "half_title", "imprint",
           "missing_statement", "title_page"]
