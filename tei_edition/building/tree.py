"""Blocks → TEI: divisions nested by heading level, notes inline at their calls.

Front matter goes to `front` (title page, dedication, argument, acknowledgements, a generated
contents list in place of the source's), references to `back`, everything else to `body`.
"""
from __future__ import annotations

from lxml import etree

from ..metadata import Metadata
from ..notes.pairing import Note
from ..reading.blocks import Block, Document
from ..report import Report
from .header import build_header
from .tei import LINE, append_text, el, sub, tei

DIV_TYPES = {1: "chapter", 2: "section"}
Calls = list[tuple[int, int, Note]]


def build(doc: Document, metadata: Metadata, report: Report) -> etree._ElementTree:
    root = el("TEI", {"xml:lang": metadata.language})
    root.append(build_header(doc, metadata, report))
    text = sub(root, "text", {"xml:lang": metadata.language})
    _front(text, doc)
    body = sub(text, "body")
    Builder(body, text).run(doc.blocks)
    if not len(body):
        sub(body, "p").append(el("gap", {"reason": "missing"}))
    return etree.ElementTree(root)


class Builder:
    """Walks the blocks in order, keeping the stack of open divisions."""

    def __init__(self, body: etree._Element, text: etree._Element) -> None:
        self.body, self.text = body, text
        self.back: etree._Element | None = None
        self.stack: list[tuple[int, etree._Element]] = [(0, body)]
        self.quote: tuple[int, etree._Element] | None = None
        self.list: tuple[str, etree._Element] | None = None
        self.in_back = False

    @property
    def container(self) -> etree._Element:
        return self.stack[-1][1]

    def run(self, blocks: list[Block]) -> None:
        for b in blocks:
            if b.kind == "head":
                self.heading(b)
            elif b.kind == "p":
                self.paragraph(b)
            elif b.kind == "quote":
                self.block_quote(b)
            elif b.kind == "fragment":
                self.quote = self.list = None
                ab = sub(self.container, "ab", {"type": "fragment"})
                ab.set(LINE, str(b.first_line))
                fill(ab, b.text, b.attrs.get("calls", []))

    def heading(self, b: Block) -> None:
        self.quote = self.list = None
        level = max(b.level, 1)
        if b.attrs.get("back") and level == 1:
            if self.back is None:
                self.back = sub(self.text, "back")
            self.stack = [(0, self.back)]
            self.in_back = True
        elif level == 1 and self.in_back:
            self.stack = [(0, self.back)]
        while self.stack[-1][0] >= level:
            self.stack.pop()
        div_type = "bibliography" if b.attrs.get("back") else DIV_TYPES.get(level, "subsection")
        div = sub(self.container, "div", {"type": div_type})
        head = sub(div, "head")
        head.set(LINE, str(b.first_line))
        fill(head, b.text, b.attrs.get("calls", []))
        self.stack.append((level, div))

    def paragraph(self, b: Block) -> None:
        self.quote = None
        if self.container.get("type") == "bibliography":
            self._bibl(b)
            return
        item = b.attrs.get("item")
        if item:
            self._item(b, item)
            return
        self.list = None
        if b.attrs.get("inline_items"):
            self._run_in_list(self.container, b)
            return
        p = sub(self.container, "p")
        p.set(LINE, str(b.first_line))
        fill(p, b.text, b.attrs.get("calls", []))

    def _bibl(self, b: Block) -> None:
        lst = self.container.find("{*}listBibl")
        if lst is None:
            lst = sub(self.container, "listBibl")
        bibl = sub(lst, "bibl")
        bibl.set(LINE, str(b.first_line))
        fill(bibl, b.text, b.attrs.get("calls", []))

    def _item(self, b: Block, item: dict) -> None:
        if self.list is None or self.list[0] != item["rend"] or self.list[1].getparent() is not self.container:
            self.list = (item["rend"], sub(self.container, "list", {"rend": item["rend"]}))
        it = sub(self.list[1], "item", {"n": item.get("n")})
        it.set(LINE, str(b.first_line))
        fill(it, b.text, b.attrs.get("calls", []))

    def _run_in_list(self, parent: etree._Element, b: Block) -> None:
        lead, items = b.attrs["inline_items"]
        calls = b.attrs.get("calls", [])
        if lead:
            p = sub(parent, "p")
            p.set(LINE, str(b.first_line))
            fill_slice(p, b.text, calls, 0, items[0][1])
        lst = sub(parent, "list", {"rend": "numbered"})
        for n, _, start, end in items:
            it = sub(lst, "item", {"n": n})
            fill_slice(it, b.text, calls, start, end)

    def block_quote(self, b: Block) -> None:
        self.list = None
        group = b.attrs.get("quote_group", 0)
        citation = b.attrs.get("citation")
        calls = b.attrs.get("calls", [])
        if self.quote and self.quote[0] == group and self.quote[1].getparent() is not None:
            quote = self.quote[1]
            if len(quote) == 0 or quote[0].tag != tei("p"):
                _wrap_in_p(quote)
            target = sub(quote, "p")
        else:
            if citation:
                cit = sub(self.container, "cit")
                quote = sub(cit, "quote")
            else:
                quote = sub(self.container, "quote")
            quote.set(LINE, str(b.first_line))
            self.quote = (group, quote)
            target = quote
        end = citation[0] if citation else len(b.text)
        if b.attrs.get("inline_items"):
            self._run_in_list(target, b)
        else:
            fill_slice(target, b.text, calls, 0, end)
        if citation:
            parent = quote.getparent()
            if parent.tag == tei("cit"):
                fill_slice(sub(parent, "bibl"), b.text, calls, citation[0], len(b.text))
            else:
                append_text(target, " ")
                fill_slice(target, b.text, calls, citation[0], len(b.text))


def _wrap_in_p(quote: etree._Element) -> None:
    """A quotation that turns out to have several paragraphs: its first becomes a p."""
    p = el("p")
    p.text, quote.text = quote.text, None
    for child in list(quote):
        p.append(child)
    quote.append(p)


def fill(parent: etree._Element, text: str, calls: Calls) -> None:
    fill_slice(parent, text, calls, 0, len(text))


def fill_slice(parent: etree._Element, text: str, calls: Calls, start: int, end: int) -> None:
    """Put text[start:end] into `parent`, with a note element at each call inside the slice."""
    pos = start
    for c_start, c_end, note in sorted(calls, key=lambda c: (c[0], c[1])):
        if not (start <= c_start < end or (c_start == c_end == end and end == len(text))):
            continue
        append_text(parent, _clean(text[pos:c_start], pos == start))
        parent.append(note_element(note))
        pos = max(c_end, pos)
    append_text(parent, _clean(text[pos:end], pos == start, last=True))


def _clean(s: str, first: bool, last: bool = False) -> str:
    if first:
        s = s.lstrip()
    if last:
        s = s.rstrip()
    return s


def note_element(note: Note) -> etree._Element:
    attrs = {"place": note.place, "n": note.n, "xml:id": note.xml_id}
    if not note.anchored:
        attrs["anchored"] = "false"
    if note.text is None:
        attrs["type"] = "missing"
    elif note.text.family == "star":
        attrs["type"] = "author"
    e = el("note", attrs)
    e.set(LINE, str(note.line))
    if note.text is None:
        sub(e, "gap", {"reason": "missing"})
        return e
    paras = note.text.paragraphs
    if len(paras) == 1:
        fill(e, paras[0].text, paras[0].attrs.get("calls", []))
    else:
        for para in paras:
            p = sub(e, "p")
            fill(p, para.text, para.attrs.get("calls", []))
    return e


def _front(text: etree._Element, doc: Document) -> None:
    """The front as the source gives it: every front block kept, in a place for its role."""
    front = sub(text, "front")
    roles = [(b.attrs.get("role", "other"), b) for b in doc.front_blocks]
    titles = [b for r, b in roles if r in ("title", "subtitle")]
    if not roles:
        if doc.contents:
            sub(front, "divGen", {"type": "toc"})
        if not len(front):
            text.remove(front)   # a text with no front matter: the title lives in the header only
        return
    page = sub(front, "titlePage")
    doc_title = sub(page, "docTitle")
    for b in titles:
        part = sub(doc_title, "titlePart", {"type": "main" if b.attrs["role"] == "title" else "sub"})
        _title_part(part, b, doc.front)
    if not titles:
        page.remove(doc_title)
    for role, b in roles:
        if role in ("author", "byline"):
            _byline(sub(page, "byline"), b.text, doc.front.get("author"))
        elif role == "imprint":
            imp = doc.front["imprint"]
            imprint = sub(page, "docImprint")
            sub(imprint, "publisher", None, imp["publisher"]).tail = ", "
            sub(imprint, "pubPlace", None, imp["place"]).tail = ", "
            sub(imprint, "docDate", None, imp["date"])
        elif role == "date":
            sub(page, "docDate", None, b.text)
    dateline = doc.front.get("dateline")
    if dateline:
        imprint = sub(page, "docImprint")
        sub(imprint, "docDate", None, dateline["date"]).tail = " — " + dateline["venue"]
    if not len(page):
        front.remove(page)
    _front_parts(front, roles)
    if doc.contents:
        sub(front, "divGen", {"type": "toc"})


FRONT_ROLES_IN_TITLE_PAGE = ("title", "subtitle", "author", "byline", "imprint", "date")


def _front_parts(front: etree._Element, roles: list[tuple[str, Block]]) -> None:
    """What follows the title page, in the order TEI allows: epigraphs, arguments and loose
    paragraphs first, then divisions (dedication, credits, acknowledgements)."""
    leading: list[etree._Element] = []
    divisions: list[etree._Element] = []
    groups: dict[str, etree._Element] = {}
    section: etree._Element | None = None
    epigraph: etree._Element | None = None
    for role, b in roles:
        calls = b.attrs.get("calls", [])
        if role in FRONT_ROLES_IN_TITLE_PAGE:
            continue
        if role == "section-head":
            section = el("div", {"type": _section_type(b.text)})
            sub(section, "head", None, b.text)
            divisions.append(section)
        elif role == "section" and section is not None:
            fill(sub(section, "p"), b.text, calls)
        elif role == "epigraph":
            epigraph = el("epigraph")
            fill(sub(epigraph, "quote"), b.text, calls)
            leading.append(epigraph)
        elif role == "epigraph-source" and epigraph is not None:
            fill(sub(epigraph, "bibl"), b.text, calls)
        elif role == "argument":
            if "argument" not in groups:
                groups["argument"] = el("argument")
                leading.append(groups["argument"])
            fill(sub(groups["argument"], "p"), b.text, calls)
        elif role.startswith("credit") or role == "dedication":
            kind = "dedication" if role == "dedication" else "credits"
            if kind not in groups:
                groups[kind] = el("div", {"type": kind})
                divisions.append(groups[kind])
            fill(sub(groups[kind], "p"), b.text, calls)
        else:   # a front line that is neither title, byline, credit nor dedication: kept as it is
            if "front" not in groups:
                groups["front"] = el("div", {"type": "front"})
                divisions.insert(0, groups["front"])
            fill(sub(groups["front"], "p"), b.text, calls)
    for e in leading + divisions:
        front.append(e)


def _title_part(part: etree._Element, b: Block, f: dict) -> None:
    """A title line that also names the author ('Title - Author') gives the title here and the
    author in a byline right after the title."""
    author = f.get("author")
    if b.attrs["role"] == "title" and author and b.text.endswith(author) and b.text != author:
        rest = b.text[: -len(author)]
        title = rest.rstrip(" -–—")
        part.text = title
        byline = el("byline")
        byline.text = rest[len(title):].strip() + " " if rest[len(title):].strip() else None
        sub(byline, "docAuthor", None, author)
        part.getparent().addnext(byline)
    else:
        part.text = b.text


def _byline(byline: etree._Element, text: str, author: str | None) -> None:
    if author and author in text:
        before, _, after = text.partition(author)
        byline.text = before or None
        sub(byline, "docAuthor", None, author).tail = after or None
    else:
        sub(byline, "docAuthor", None, text)


def _section_type(heading: str) -> str:
    low = heading.lower()
    return "acknowledgements" if low.startswith("acknowledg") else "dedication" if "dedication" in low else "preface"


__all__ = ["build", "fill", "note_element"]
