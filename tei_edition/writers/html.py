"""TEI → HTML5 for the print edition (typeset by WeasyPrint with styles/print.css).

A small, self-contained transformer: it reads the TEI tree (ignoring the pipeline's working
attributes in ``urn:tei-edition:internal``) and builds an HTML document whose classes the print
stylesheet knows. Every word of the TEI text reaches the HTML: elements it has no rule for keep
their text in a ``<span class="tei-NAME">``.

Print conventions decided here (the stylesheet only styles them):

- Notes with text become real footnotes (``<span class="fn" data-n="N">`` floated to the foot of
  the page with ``float: footnote``); the footnote call and marker print the source's own number
  (``@n``), not a CSS counter, because the sources restart numbering per chapter, have author notes
  numbered apart and sometimes print calls out of order.
- A note whose call the source lacks (``@anchored="false"``) is still a footnote, at the place where
  the converter put it, but its number carries a dagger (``3†``) so the reader knows the call
  position is the editor's, not the author's.
- Author notes (``@type="author"``, printed with an asterisk in the sources: ``1*``) keep the
  asterisk, so that they are not confused with the reference notes of the same number.
- A note whose text the source lacks (``@type="missing"`` or holding only ``<gap reason="missing"/>``)
  is not a footnote: a book can have hundreds of them (one of ours has over 900) and a page of empty
  "[missing]" footnotes would bury the real ones and slow the layout. Its number stays in the text
  as a plain superscript (so the reader sees where the source had a call), and one line at the end
  of each chapter lists the numbers whose text is missing ("The source gives no text for notes
  1–63, 65."): the information is all kept, at the cost of one line per chapter.
- Notes inside notes cannot float a second time: they are printed in brackets inside the outer note.
- Headings carry ``data-running``, their text without notes, for running heads (``string-set``),
  PDF bookmarks (``bookmark-label``) and the contents list.
- Quotations (``q``, an inline ``quote``, ``soCalled``) whose marks the TEI records in ``@rend``
  (the conversion drops the source's marks) are printed between the edition's own marks, by the
  language of the text and by nesting: English “…” with ‘…’ inside, French «…», German „…“
  (``data/edition_quotation_marks.tsv``). The marks are written into the HTML as text, so that
  running heads, bookmarks and the contents list carry them too. A quotation without ``@rend``
  has its marks in its text and gets none added; a block quotation is displayed, not marked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

from .. import data
from ..tei.elements import append_text
from ..tei.namespaces import NS, XML_ID, XML_LANG, local_name, tei
from ..tei.text import text_of

# Documents with at least this many words are set as books: chapters open on a new right-hand page.
BOOK_WORDS = 30_000

# TEI block elements: inside an HTML phrasing context (a p, a heading, a footnote) they become
# spans with display: block, since an HTML parser would otherwise close the paragraph around them.
_BLOCK_TEI = {"p", "quote", "list", "item", "lg", "l", "cit", "listBibl", "div", "ab", "table", "row", "cell"}

_HI_TAGS = {
    "italic": "em", "i": "em", "italics": "em", "emph": "em",
    "bold": "strong", "b": "strong",
    "sup": "sup", "superscript": "sup", "sub": "sub", "subscript": "sub",
    "underline": "u",
}


def plain_text(el, skip_notes: bool = True) -> str:
    """The element's text, whitespace-normalised, without notes (their text is not heading text)."""
    return text_of(el, notes=not skip_notes)


# ---------------------------------------------------------------------------- quotation marks

QUOTATION_TAGS = {"q", "quote", "soCalled"}
# Parents that make a quote a displayed (block) quotation rather than a quotation in a sentence.
_BLOCK_QUOTE_PARENTS = {"div", "body", "front", "back", "cit", "epigraph", "argument"}


def is_block_quote(e) -> bool:
    """A quote standing as a block (in a division, a cit, an epigraph, or holding paragraphs)."""
    if local_name(e) != "quote":
        return False
    parent = e.getparent()
    return (parent is not None and local_name(parent) in _BLOCK_QUOTE_PARENTS) or \
        any(local_name(c) in ("p", "list", "lg") for c in e)


def marks_printed(e) -> bool:
    """An inline quotation whose marks the TEI keeps in @rend: the edition prints its own."""
    return local_name(e) in QUOTATION_TAGS and bool(e.get("rend")) and not is_block_quote(e)


def _unescape(field: str) -> str:
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), field)


def edition_marks(lang: str | None) -> list[tuple[str, str]]:
    """The edition's pairs of marks for a language, outermost first."""
    rows = {row[0]: [_unescape(f) for f in row[1:5]] for row in data.table("edition_quotation_marks.tsv")}
    base = (lang or "").split("-")[0].lower()
    o1, c1, o2, c2 = rows.get(base) or rows["*"]
    return [(o1, c1), (o2, c2)]


def language_of(e) -> str | None:
    for x in (e, *e.iterancestors()):
        lang = x.get(XML_LANG)
        if lang:
            return lang
    return None


def mark_depth(e) -> int:
    """How many printed quotations hold `e` (0 for an outermost one)."""
    return sum(1 for a in e.iterancestors() if marks_printed(a))


def quotation_marks_for(e) -> tuple[str, str]:
    pairs = edition_marks(language_of(e))
    return pairs[mark_depth(e) % len(pairs)]


def running_text(e) -> str:
    """Plain text (no notes) with the edition's marks around printed quotations: the text of a
    heading as running heads, bookmarks and the contents list show it."""
    parts: list[str] = []

    def walk(x) -> None:
        printed = x is not e and marks_printed(x)
        if printed:
            parts.append(quotation_marks_for(x)[0])
        if x.text:
            parts.append(x.text)
        for c in x:
            if isinstance(c.tag, str) and local_name(c) != "note":
                walk(c)
            if c.tail:
                parts.append(c.tail)
        if printed:
            parts.append(quotation_marks_for(x)[1])

    walk(e)
    return " ".join("".join(parts).split())


def is_missing_note(note) -> bool:
    """A note whose text the source lacks: type="missing", or only a <gap reason="missing"/>."""
    if note.get("type") == "missing":
        return True
    gaps = note.findall(tei("gap"))
    return bool(gaps) and all(g.get("reason") == "missing" for g in gaps) and not plain_text(note)


def _is_block_child(c) -> bool:
    """A child that is a block of its own (a paragraph, a list, a displayed quotation), not a
    phrase of the text around it (an inline quotation)."""
    name = local_name(c)
    if name == "quote":
        return is_block_quote(c) or not (c.get("rend") or c.getparent() is not None and _has_own_text(c.getparent()))
    if name == "cit":
        return not _has_own_text(c.getparent())
    return name in _BLOCK_TEI


def _has_own_text(e) -> bool:
    return bool((e.text or "").strip() or any((c.tail or "").strip() for c in e))


def note_label(note) -> str:
    n = (note.get("n") or "").strip() or "*"
    if note.get("type") == "author" and not n.endswith("*"):
        n += "*"
    if note.get("anchored") == "false":
        n += "\u2020"
    return n


def compress_numbers(labels: list[str]) -> str:
    """'1, 2, 3, 5, 7, 8, x' → '1–3, 5, 7–8, x' (runs of consecutive integers joined)."""
    out: list[str] = []
    run: list[int] = []

    def flush():
        if not run:
            return
        if len(run) >= 3:
            out.append(f"{run[0]}\u2013{run[-1]}")
        else:
            out.extend(str(x) for x in run)
        run.clear()

    for lab in labels:
        if lab.isdigit():
            v = int(lab)
            if run and v == run[-1] + 1:
                run.append(v)
                continue
            flush()
            run.append(v)
        else:
            flush()
            out.append(lab)
    flush()
    return ", ".join(out)


@dataclass
class _Ctx:
    inline: bool = False      # inside an HTML phrasing element: blocks become display:block spans
    in_note: bool = False     # inside a footnote: inner notes are bracketed, not floated
    heading_level: int = 1


@dataclass
class _State:
    toc_entries: list = field(default_factory=list)   # (level, id, text)
    missing: list = field(default_factory=list)        # labels of notes without text, current chapter
    used_ids: set = field(default_factory=set)
    div_counter: int = 0
    marks: set = field(default_factory=set)            # conventions used: dagger, author, missing, quotes


class HtmlBuilder:
    def __init__(self, tree):
        root = tree.getroot() if hasattr(tree, "getroot") else tree
        self.root = root
        self.state = _State()
        for e in root.iter():
            i = e.get(XML_ID)
            if i:
                self.state.used_ids.add(i)

    # ------------------------------------------------------------------ helpers
    def _new_id(self, prefix: str) -> str:
        while True:
            self.state.div_counter += 1
            cand = f"{prefix}-{self.state.div_counter}"
            if cand not in self.state.used_ids:
                self.state.used_ids.add(cand)
                return cand

    @staticmethod
    def _el(tag: str, cls: str | None = None, **attrs) -> etree._Element:
        e = etree.Element(tag)
        if cls:
            e.set("class", cls)
        for k, v in attrs.items():
            if v is not None:
                e.set(k.rstrip("_").replace("_", "-"), str(v))
        return e

    def _copy_common(self, src, dst) -> None:
        lang = src.get(XML_LANG)
        if lang:
            dst.set("lang", lang)
        i = src.get(XML_ID)
        if i and dst.get("id") is None:
            dst.set("id", i)

    def _block(self, ctx: _Ctx, html_tag: str, cls: str | None = None) -> etree._Element:
        """An HTML block element, or a span of that class when the context is phrasing-only."""
        if ctx.inline:
            name = f"blk-{html_tag}" + (f" {cls}" if cls else "")
            return self._el("span", name)
        return self._el(html_tag, cls)

    # ------------------------------------------------------------------ document
    def header_value(self, path: str) -> str:
        e = self.root.find(path, NS)
        return plain_text(e) if e is not None else ""

    def metadata(self) -> dict:
        ns = NS
        title = self.header_value(".//t:teiHeader/t:fileDesc/t:titleStmt/t:title[@type='main']") \
            or self.header_value(".//t:teiHeader/t:fileDesc/t:titleStmt/t:title")
        sub = self.header_value(".//t:teiHeader/t:fileDesc/t:titleStmt/t:title[@type='sub']")
        authors = [plain_text(a) for a in self.root.findall(".//t:teiHeader/t:fileDesc/t:titleStmt/t:author", ns)]
        date = self.root.find(".//t:teiHeader/t:fileDesc/t:publicationStmt/t:date", ns)
        text = self.root.find(tei("text"))
        lang = (text.get(XML_LANG) if text is not None else None) or self.root.get(XML_LANG) or "en"
        return {
            "title": title or "Untitled", "subtitle": sub, "authors": [a for a in authors if a],
            "date": date.get("when") if date is not None and date.get("when") else "",
            "lang": lang,
        }

    def build(self) -> etree._Element:
        meta = self.metadata()
        html = self._el("html", lang=meta["lang"])
        head = etree.SubElement(html, "head")
        etree.SubElement(head, "meta", charset="utf-8")
        etree.SubElement(head, "title").text = meta["title"] + (f": {meta['subtitle']}" if meta["subtitle"] else "")
        if meta["authors"]:
            etree.SubElement(head, "meta", name="author", content="; ".join(meta["authors"]))
        if meta["subtitle"]:
            etree.SubElement(head, "meta", name="description", content=meta["subtitle"])
        etree.SubElement(head, "meta", name="generator", content="tei-edition (WeasyPrint)")
        if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", meta["date"]):
            etree.SubElement(head, "meta", name="dcterms.created", content=meta["date"])

        text = self.root.find(tei("text"))
        words = len(plain_text(text, skip_notes=False).split()) if text is not None else 0
        body = self._el("body", "book" if words >= BOOK_WORDS else "article")
        html.append(body)
        if text is None:
            return html

        self._collect_toc(text)
        front = text.find(tei("front"))
        title_page = front.find(tei("titlePage")) if front is not None else None
        body.append(self._title_page(title_page, meta))
        verso = self._verso(front)
        body.append(verso)

        if front is not None:
            sect = self._el("section", "front")
            for c in front:
                if local_name(c) in ("titlePage",) or (local_name(c) == "div" and c.get("type") == "credits"):
                    continue
                self._convert_block(c, sect, _Ctx(), depth=0)
            if len(sect):
                body.append(sect)
        for part in ("body", "back"):
            e = text.find(tei(part))
            if e is None:
                continue
            sect = self._el("section" if part == "back" else "main", part)
            self.state.missing = []
            self._convert_children_block(e, sect, _Ctx(), depth=0)
            self._flush_missing(sect, chapter=False)
            body.append(sect)
        self._conventions(verso)
        return html

    # ------------------------------------------------------------------ front pages
    def _title_page(self, tp, meta) -> etree._Element:
        sect = self._el("section", "titlepage")
        ns = NS
        mains = tp.findall(".//t:titlePart[@type='main']", ns) if tp is not None else []
        if not mains and tp is not None:
            mains = [p for p in tp.findall(".//t:titlePart", ns) if p.get("type") not in ("sub", "alt")]
        if mains:
            for m in mains:
                h = self._el("h1", "title", data_running=running_text(m))
                self._copy_common(m, h)
                self._convert_inline_children(m, h, _Ctx(inline=True))
                sect.append(h)
        else:
            h = self._el("h1", "title", data_running=meta["title"])
            h.text = meta["title"]
            sect.append(h)
        subs = tp.findall(".//t:titlePart[@type='sub']", ns) if tp is not None else []
        if not subs and meta["subtitle"] and not mains:
            p = self._el("p", "subtitle")
            p.text = meta["subtitle"]
            sect.append(p)
        for s in subs:
            p = self._el("p", "subtitle")
            self._convert_inline_children(s, p, _Ctx(inline=True))
            sect.append(p)
        authors = tp.findall(".//t:docAuthor", ns) if tp is not None else []
        if authors:
            for a in authors:
                p = self._el("p", "author")
                self._convert_inline_children(a, p, _Ctx(inline=True))
                sect.append(p)
        else:
            for a in meta["authors"]:
                p = self._el("p", "author")
                p.text = a
                sect.append(p)
        if tp is not None:
            for e in tp:
                if local_name(e) in ("docTitle", "byline") or not isinstance(e.tag, str):
                    continue
                p = self._el("p", f"tp-{local_name(e)}")
                self._convert_inline_children(e, p, _Ctx(inline=True))
                sect.append(p)
            for by in tp.findall(".//t:byline", ns):
                rest = plain_text(by)
                for a in by.findall(tei("docAuthor")):
                    rest = rest.replace(plain_text(a), "")
                if re.search(r"\w", rest):   # byline words beyond the author's name ("Translated by …")
                    p = self._el("p", "byline")
                    self._convert_inline_children(by, p, _Ctx(inline=True))
                    sect.append(p)
        return sect

    def _verso(self, front) -> etree._Element:
        """The title verso: source, credits, licence, edition (from the header) and conventions."""
        sect = self._el("section", "verso")
        ns = NS
        fd = self.root.find(".//t:teiHeader/t:fileDesc", ns)
        if fd is not None:
            src = fd.find("t:sourceDesc/t:bibl", ns)
            if src is not None:
                parts = [plain_text(c) for c in src if isinstance(c.tag, str) and local_name(c) != "note"]
                if any(parts):
                    p = self._el("p", "source")
                    p.text = "Source: " + "; ".join(x for x in parts if x) + "."
                    sect.append(p)
                # The source notes often repeat the front's credits (Cliff's book has both):
                # print them only when the front has no credits of its own.
                has_credits = front is not None and front.find("t:div[@type='credits']", ns) is not None
                for n in ([] if has_credits else src.findall("t:note", ns)):
                    if plain_text(n) and not plain_text(n).startswith("Plain-text source:"):
                        p = self._el("p", "source-note")
                        p.text = plain_text(n)
                        sect.append(p)
        if front is not None:
            for d in front.findall("t:div[@type='credits']", ns):
                self._convert_block(d, sect, _Ctx(), depth=0)
        if fd is not None:
            lic = fd.find("t:publicationStmt/t:availability", ns)
            if lic is not None and plain_text(lic):
                p = self._el("p", "licence")
                p.text = plain_text(lic)
                sect.append(p)
            ed = fd.find("t:editionStmt/t:edition", ns)
            if ed is not None and plain_text(ed):
                p = self._el("p", "edition")
                p.text = plain_text(ed) + "."
                sect.append(p)
        return sect

    def _conventions(self, verso) -> None:
        marks = self.state.marks
        lines = []
        if "dagger" in marks:
            lines.append("A dagger after a note number (3\u2020) marks a note whose call the source "
                         "lacks; the edition places it where its text belongs.")
        if "author" in marks:
            lines.append("An asterisk after a note number (1*) marks the author\u2019s own notes, "
                         "numbered apart from the reference notes.")
        if "missing" in marks:
            lines.append("A note number printed without a footnote is a call whose note text the "
                         "source lacks; each chapter ends with the list of such notes.")
        if "quotes" in marks:
            lang = self.metadata()["lang"]
            (o1, c1), (o2, c2) = edition_marks(lang)
            lines.append(f"Quotations are set between the edition\u2019s marks ({o1}\u2026{c1}, and {o2}\u2026{c2} "
                         "within a quotation), whatever marks the source used; the TEI records the "
                         "source\u2019s own.")
        for line in lines:
            p = self._el("p", "conventions")
            p.text = line
            verso.append(p)

    # ------------------------------------------------------------------ contents
    def _collect_toc(self, text) -> None:
        """Give every headed div an id and note (level, id, heading text) for the contents list."""
        def walk(e, depth):
            for c in e:
                if local_name(c) != "div":
                    continue
                head = c.find(tei("head"))
                if head is not None and plain_text(head):
                    i = c.get(XML_ID) or self._new_id("sec")
                    c_id = i
                    self._div_ids[c] = c_id
                    if depth < 3:
                        self.state.toc_entries.append((depth, c_id, running_text(head)))
                walk(c, depth + 1)

        self._div_ids = {}
        for part in ("front", "body", "back"):
            e = text.find(tei(part))
            if e is not None:
                walk(e, 1)

    def _toc(self, ctx) -> etree._Element:
        nav = self._el("nav", "toc")
        h = self._el("h2", "toc-head", data_running="Contents")
        h.text = "Contents"
        nav.append(h)
        ol = self._el("ol", "toc-list")
        for level, i, text in self.state.toc_entries:
            li = self._el("li", f"toc-{level}")
            a = self._el("a", href=f"#{i}")
            a.text = text
            li.append(a)
            ol.append(li)
        nav.append(ol)
        return nav

    # ------------------------------------------------------------------ blocks
    def _convert_children_block(self, src, dst, ctx: _Ctx, depth: int) -> None:
        """Children of a block container (body, div, back…): text between blocks is kept too."""
        if src.text and src.text.strip():
            p = self._block(ctx, "p")
            p.text = src.text.strip()
            dst.append(p)
        for c in src:
            if isinstance(c.tag, str):
                self._convert_block(c, dst, ctx, depth)
            if c.tail and c.tail.strip():
                p = self._block(ctx, "p", "tail")
                p.text = c.tail.strip()
                dst.append(p)

    def _convert_block(self, e, dst, ctx: _Ctx, depth: int) -> None:
        name = local_name(e)
        if not name:
            return
        if name == "div":
            self._div(e, dst, ctx, depth + 1)
        elif name == "head":
            lvl = min(depth + 1, 6)
            self._heading(e, dst, lvl, "head")
        elif name == "p":
            p = self._block(ctx, "p")
            self._copy_common(e, p)
            self._convert_inline_children(e, p, _Ctx(inline=True, in_note=ctx.in_note))
            dst.append(p)
        elif name == "quote":
            self._block_quote(e, dst, ctx, depth)
        elif name == "cit":
            box = self._block(ctx, "div", "cit")
            self._copy_common(e, box)
            for c in e:
                if local_name(c) == "quote":
                    self._block_quote(c, box, ctx, depth)
                elif local_name(c) == "bibl":
                    p = self._block(ctx, "p", "cit-bibl")
                    self._convert_inline_children(c, p, _Ctx(inline=True, in_note=ctx.in_note))
                    box.append(p)
                elif local_name(c) == "ref" and not plain_text(c):
                    continue          # points to the note that gives the source: its call is printed
                elif isinstance(c.tag, str):
                    self._convert_block(c, box, ctx, depth)
                if c.tail and c.tail.strip():
                    append_text(box, c.tail)
            dst.append(box)
        elif name == "list":
            self._list(e, dst, ctx, depth)
        elif name == "divGen":
            if e.get("type") in (None, "toc", "contents"):
                dst.append(self._toc(ctx))
        elif name in ("listBibl",):
            box = self._block(ctx, "div", "listbibl")
            for c in e:
                if local_name(c) in ("bibl", "biblStruct"):
                    p = self._block(ctx, "p", "bibl-entry")
                    self._copy_common(c, p)
                    if local_name(c) == "biblStruct":
                        p.text = plain_text(c)
                    else:
                        self._convert_inline_children(c, p, _Ctx(inline=True))
                    box.append(p)
                elif local_name(c) == "head":
                    self._heading(c, box, min(depth + 2, 6), "head")
                elif isinstance(c.tag, str):
                    self._convert_block(c, box, ctx, depth)
            dst.append(box)
        elif name in ("argument", "epigraph", "opener", "closer", "trailer", "salute", "signed", "dateline",
                      "byline", "docImprint", "docDate", "docAuthor"):
            box = self._block(ctx, "div", name.lower())
            self._copy_common(e, box)
            if any(local_name(c) in _BLOCK_TEI or local_name(c) == "bibl" for c in e):
                for c in e:
                    if local_name(c) == "bibl":
                        p = self._block(ctx, "p", "cit-bibl")
                        self._convert_inline_children(c, p, _Ctx(inline=True))
                        box.append(p)
                    elif isinstance(c.tag, str):
                        self._convert_block(c, box, ctx, depth)
            else:
                p = self._block(ctx, "p")
                self._convert_inline_children(e, p, _Ctx(inline=True))
                box.append(p)
            dst.append(box)
        elif name == "lg":
            box = self._block(ctx, "div", "lg")
            for c in e:
                if local_name(c) == "l":
                    line = self._block(ctx, "p", "l")
                    self._convert_inline_children(c, line, _Ctx(inline=True))
                    box.append(line)
                elif isinstance(c.tag, str):
                    self._convert_block(c, box, ctx, depth)
            dst.append(box)
        elif name == "gap":
            p = self._block(ctx, "p", "gap")
            self._gap(e, p)
            dst.append(p)
        elif name == "note":
            # A note at block level (e.g. between paragraphs): a paragraph holding only its call.
            p = self._block(ctx, "p", "note-holder")
            self._note(e, p, ctx)
            dst.append(p)
        elif name in ("pb", "milestone", "anchor", "fw"):
            return
        else:
            p = self._block(ctx, "p", f"tei-{name}")
            self._copy_common(e, p)
            self._convert_inline_children(e, p, _Ctx(inline=True, in_note=ctx.in_note))
            dst.append(p)

    def _div(self, e, dst, ctx: _Ctx, depth: int) -> None:
        typ = e.get("type") or "section"
        sect = self._el("section", f"div div-{typ} depth-{depth}")
        self._copy_common(e, sect)
        if e in self._div_ids:
            sect.set("id", self._div_ids[e])
        is_chapter = depth == 1 and not ctx.in_note
        if is_chapter:
            outer_missing = self.state.missing
            self.state.missing = []
        if e.text and e.text.strip():
            p = self._el("p")
            p.text = e.text.strip()
            sect.append(p)
        for c in e:
            if local_name(c) == "head":
                self._heading(c, sect, min(depth + 1, 6), f"head-{typ}" + (" chapter-head" if depth == 1 else ""))
            elif isinstance(c.tag, str):
                self._convert_block(c, sect, ctx, depth)
            if c.tail and c.tail.strip():
                p = self._el("p", "tail")
                p.text = c.tail.strip()
                sect.append(p)
        if is_chapter:
            self._flush_missing(sect, chapter=True)
            self.state.missing = outer_missing
        dst.append(sect)

    def _heading(self, e, dst, level: int, cls: str) -> None:
        h = self._el(f"h{level}", cls, data_running=running_text(e))
        self._copy_common(e, h)
        self._convert_inline_children(e, h, _Ctx(inline=True))
        dst.append(h)

    def _block_quote(self, e, dst, ctx: _Ctx, depth: int) -> None:
        if not is_block_quote(e) and marks_printed(e):
            # an inline quotation standing where a block was expected: in a paragraph of its own
            p = self._block(ctx, "p")
            self._convert_inline(e, p, _Ctx(inline=True, in_note=ctx.in_note))
            dst.append(p)
            return
        bq = self._block(ctx, "blockquote")
        self._copy_common(e, bq)
        kids = [c for c in e if isinstance(c.tag, str)]
        if any(_is_block_child(c) for c in kids):
            self._convert_children_mixed(e, bq, ctx, depth)
        else:
            p = self._block(ctx, "p")
            self._convert_inline_children(e, p, _Ctx(inline=True, in_note=ctx.in_note))
            bq.append(p)
        dst.append(bq)

    def _convert_children_mixed(self, e, dst, ctx: _Ctx, depth: int) -> None:
        """Mixed content with some block children: runs of inline content become paragraphs."""
        run = None

        def open_run():
            nonlocal run
            if run is None:
                run = self._block(ctx, "p")
                dst.append(run)
            return run

        if e.text and e.text.strip():
            open_run().text = e.text
        for c in e:
            name = local_name(c)
            if _is_block_child(c) or name == "head":
                run = None
                self._convert_block(c, dst, ctx, depth)
            elif name:
                self._convert_inline(c, open_run(), _Ctx(inline=True, in_note=ctx.in_note))
            if c.tail and c.tail.strip():
                append_text(open_run(), c.tail)

    def _list(self, e, dst, ctx: _Ctx, depth: int) -> None:
        numbered = e.get("rend") in ("numbered", "ordered") or e.get("type") in ("ordered", "numbered")
        lst = self._block(ctx, "ol" if numbered else "ul", "list")
        self._copy_common(e, lst)
        labelled = any(it.get("n") for it in e.findall(tei("item")))
        if labelled:
            lst.set("class", (lst.get("class") or "") + " labelled")
        for c in e:
            name = local_name(c)
            if name == "item":
                li = self._block(ctx, "li") if not ctx.inline else self._el("span", "blk-li")
                self._copy_common(c, li)
                if c.get("n"):
                    lab = self._el("span", "item-n")
                    lab.text = c.get("n") + ("." if c.get("n").isdigit() else "")
                    li.append(lab)
                    lab.tail = " "
                if any(_is_block_child(k) for k in c):
                    inner = _Ctx(inline=True, in_note=ctx.in_note)
                    self._convert_children_mixed(c, li, inner, depth)
                else:
                    self._convert_inline_children(c, li, _Ctx(inline=True, in_note=ctx.in_note))
                lst.append(li)
            elif name == "head":
                h = self._block(ctx, "p", "list-head")
                self._convert_inline_children(c, h, _Ctx(inline=True))
                dst.append(h)
            elif name == "label":
                lab = self._el("span", "item-n")
                self._convert_inline_children(c, lab, _Ctx(inline=True))
                li = self._block(ctx, "li") if not ctx.inline else self._el("span", "blk-li")
                li.append(lab)
                lst.append(li)
            elif name:
                li = self._block(ctx, "li") if not ctx.inline else self._el("span", "blk-li")
                self._convert_inline(c, li, _Ctx(inline=True, in_note=ctx.in_note))
                lst.append(li)
        dst.append(lst)

    # ------------------------------------------------------------------ inline
    def _convert_inline_children(self, src, dst, ctx: _Ctx) -> None:
        append_text(dst, src.text)
        for c in src:
            if isinstance(c.tag, str):
                self._convert_inline(c, dst, ctx)
            append_text(dst, c.tail)

    def _convert_inline(self, e, dst, ctx: _Ctx) -> None:
        name = local_name(e)
        if name == "note":
            self._note(e, dst, ctx)
            return
        if name == "hi":
            rend = (e.get("rend") or "italic").lower().split()
            tag = _HI_TAGS.get(rend[0] if rend else "italic")
            if tag:
                out = self._el(tag)
            else:
                out = self._el("span", " ".join(f"hi-{r}" for r in rend))
        elif marks_printed(e):
            # the TEI dropped the source's marks (they are in @rend): the edition prints its own
            self.state.marks.add("quotes")
            opening, closing = quotation_marks_for(e)
            runs = (e.get("rend") or "").split()
            if "continued" in runs:          # the quotation goes on in the next paragraph, unclosed here
                closing = ""
            if "continuing" in runs:         # … and is not opened again where it goes on
                opening = ""
            out = self._el("span", f"q tei-{name}", data_rend=e.get("rend"))
            self._copy_common(e, out)
            out.text = opening
            self._convert_inline_children(e, out, ctx)
            append_text(out, closing)
            dst.append(out)
            return
        elif name in ("emph", "title", "foreign", "mentioned", "term", "soCalled"):
            out = self._el("em" if name in ("emph", "title", "mentioned", "term") else "span", f"tei-{name}")
        elif name in ("q", "quote", "said"):
            # marks kept in the text (no @rend): none are added here
            out = self._el("span", "q")
        elif name == "lb":
            dst.append(self._el("br"))
            return
        elif name in ("pb", "milestone", "anchor"):
            return
        elif name == "gap":
            out = self._el("span", "gap")
            self._gap(e, out)
            dst.append(out)
            return
        elif name == "ref" or name == "ptr":
            target = (e.get("target") or "").split()
            out = self._el("a", "ref", href=target[0] if target else None)
        elif name == "choice":
            pick = None
            for want in ("corr", "reg", "expan"):
                pick = e.find(tei(want))
                if pick is not None:
                    break
            if pick is None:
                pick = next((c for c in e if isinstance(c.tag, str)), None)
            if pick is not None:
                out = self._el("span", "choice")
                self._convert_inline_children(pick, out, ctx)
                dst.append(out)
            return
        elif name == "persName":
            out = self._el("span", "persname")    # index of persons: later; plain text for now
        elif name in _BLOCK_TEI:
            # A block inside phrasing content (e.g. a list in a note): a block-displayed span.
            if name == "list":
                self._list(e, dst, _Ctx(inline=True, in_note=ctx.in_note), 0)
                return
            holder = self._el("span", f"blk-{name}")
            self._copy_common(e, holder)
            self._convert_inline_children(e, holder, ctx)
            dst.append(holder)
            return
        else:
            out = self._el("span", f"tei-{name}")
        self._copy_common(e, out)
        self._convert_inline_children(e, out, ctx)
        dst.append(out)

    def _gap(self, e, out) -> None:
        rend = e.get("rend")
        if rend:
            out.text = rend
        elif e.get("reason") == "missing":
            out.text = "[missing]"
        else:
            out.text = "[\u2026]"

    # ------------------------------------------------------------------ notes
    def _note(self, e, dst, ctx: _Ctx) -> None:
        label = note_label(e)
        if is_missing_note(e):
            self.state.marks.add("missing")
            call = self._el("sup", "call-missing", title="note text missing in the source")
            i = e.get(XML_ID)
            if i:
                call.set("id", i)
            call.text = label
            dst.append(call)
            self.state.missing.append(label)
            return
        if e.get("anchored") == "false":
            self.state.marks.add("dagger")
        if e.get("type") == "author":
            self.state.marks.add("author")
        if ctx.in_note:
            out = self._el("span", "inner-note")
            out.text = f" [{label}: "
            self._note_content(e, out, ctx)
            append_text(out, "]")
            dst.append(out)
            return
        fn = self._el("span", "fn", data_n=label)
        self._copy_common(e, fn)
        if fn.get("id") is None:       # every footnote has an id: the PDF writer checks its page
            fn.set("id", self._new_id("fn"))
        if e.get("anchored") == "false":
            fn.set("class", "fn unanchored")
        self._note_content(e, fn, _Ctx(inline=True, in_note=True))
        dst.append(fn)

    def _note_content(self, e, out, ctx: _Ctx) -> None:
        if any(_is_block_child(c) for c in e):
            self._convert_children_mixed(e, out, _Ctx(inline=True, in_note=True), 0)
            # inside a footnote, each paragraph is a block span
        else:
            self._convert_inline_children(e, out, _Ctx(inline=True, in_note=True))

    def _flush_missing(self, sect, chapter: bool) -> None:
        if not self.state.missing:
            return
        labels = self.state.missing
        nums = compress_numbers(labels)
        many = len(labels) > 1
        where = " of this chapter" if chapter else ""
        p = self._el("p", "missing-notes")
        p.text = (f"The source gives no text for note{'s' if many else ''} {nums}{where}.")
        sect.append(p)
        self.state.missing = []


def tei_to_html_tree(tree) -> etree._Element:
    """The HTML document (an lxml element) for a TEI tree."""
    return HtmlBuilder(tree).build()


def tei_to_html(tree) -> str:
    """The HTML5 text for a TEI tree."""
    doc = tei_to_html_tree(tree)
    return "<!DOCTYPE html>\n" + lxml_html.tostring(doc, encoding="unicode", method="html")
