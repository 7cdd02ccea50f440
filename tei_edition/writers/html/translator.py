"""TEI → HTML for the print edition: a translator with one visit method per TEI element.

In the manner of docutils' writers, `HtmlTranslator.visit(e, out, ctx)` calls `visit_<name>` for
each TEI element; every element the encoding uses has one (`docs/print.md` lists them), and an
element without one is reported (stage "pdf") and printed as plain text in a
``<span class="tei-NAME">``, never dropped. The translator reads the TEI only (the pipeline's
working attributes are ignored) and recognises nothing: the print renders what the TEI says.

What it gives (`TranslatedDocument`) is cut into *chunks*, the runs of pages the PDF writer
typesets one by one (a chapter of a book, the whole text of an article, a preface), with what the
prelims and the back matter are made from: the title page's parts, the dedication, the contents
entries, the conventions the text needed, the persons and works of its standOff.

Print conventions decided here (the stylesheet only styles them):

- Headings carry ``data-running``, their text without notes (quotation marks in the edition's
  style), for running heads (``string-set``), PDF bookmarks and the contents list.
- Every block that holds lines has a key (``data-b``) and every name of a person an id and its
  ``data-ref``: the layout is read back by them (words.py, writers/layout.py).
- Notes: see footnotes.py. Quotations: see quotations.py.
- Titles of books and journals are italic, titles of articles and chapters roman (their quotation
  marks, where the source has them, are text).
"""
from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum

from lxml import etree

from ...report import StageReport
from ...tei.lines import line_at
from ...tei.namespaces import NS, XML_ID, XML_LANG, local_name, tei
from ...tei.text import text_of
from .footnotes import WORD_JOINER, NoteRole, note_label, plain_label, role_of
from .labels import label
from .quotations import is_block_quote, marks_printed, quotation_marks_for, running_text
from .words import BLOCK_KEY, is_footnote

# Documents with at least this many words are set as books: chapters open on a new right-hand page.
BOOK_WORDS = 30_000

# TEI block elements: inside an HTML phrasing context (a p, a heading, a footnote) they become
# spans with display: block, since an HTML parser would otherwise close the paragraph around them.
_BLOCK_TEI = {"p", "quote", "list", "item", "lg", "l", "cit", "listBibl", "div", "ab", "table", "row", "cell",
              "eg", "figure"}

_HI_TAGS = {
    "italic": "em", "i": "em", "italics": "em", "emph": "em",
    "bold": "strong", "b": "strong",
    "sup": "sup", "superscript": "sup", "sub": "sub", "subscript": "sub",
    "underline": "u",
}

# Front divisions that the prelims print on pages of their own, and those printed in the imprint.
PRELIM_FRONT = {"dedication", "epigraph"}
IMPRINT_FRONT = {"credits"}


class ChunkRole(Enum):
    """Where a chunk stands in the book."""

    FRONT = "front"      # a preface, acknowledgements: after the contents, numbered with the prelims
    BODY = "body"
    BACK = "back"


@dataclass
class Chunk:
    """A run of pages typeset alone: it begins on a new page (a right-hand one in a book)."""

    name: str
    role: ChunkRole
    elements: list[etree._Element] = field(default_factory=list)
    running: str = ""                               # the running head its first pages carry
    missing: list[str] = field(default_factory=list)   # notes the source lacks, their labels
    opening: etree._Element | None = None           # where its statement of missing notes goes


@dataclass(frozen=True)
class Division:
    """An entry of the contents: a headed division, its level (1 = chapter) and heading."""

    ident: str
    level: int
    text: str
    chunk: int


@dataclass
class TranslatedDocument:
    """One TEI document rendered for print, ready to be paged."""

    root: etree._Element
    lang: str
    book: bool
    chunks: list[Chunk]
    divisions: list[Division]
    conventions: set[str]
    prelim_front: list[etree._Element]       # TEI front parts printed on prelim pages (dedication …)
    credits: list[etree._Element]            # HTML of the credits, for the imprint
    unplaced_missing: list[tuple[str, list[str]]]   # (division, labels) for the imprint of an article
    translator: "HtmlTranslator"

    @property
    def title(self) -> str:
        return header_title(self.root)


@dataclass(frozen=True)
class Ctx:
    """Where the translator stands: in phrasing content (blocks become display:block spans), in a
    note (inner notes are bracketed), at which division depth."""

    inline: bool = False
    in_note: bool = False
    depth: int = 0

    def phrasing(self) -> "Ctx":
        return Ctx(True, self.in_note, self.depth)


def header_title(root: etree._Element) -> str:
    for path in (".//t:teiHeader/t:fileDesc/t:titleStmt/t:title[@type='main']",
                 ".//t:teiHeader/t:fileDesc/t:titleStmt/t:title"):
        e = root.find(path, NS)
        if e is not None and text_of(e):
            return text_of(e)
    return "Untitled"


class Ids:
    """HTML ids: the TEI's own, prefixed in a volume, and new ones that clash with none."""

    def __init__(self, prefix: str, used: set[str]) -> None:
        self.prefix = prefix
        self.used = {prefix + u for u in used}
        self._counter = itertools.count(1)

    def of(self, tei_id: str) -> str:
        return self.prefix + tei_id

    def new(self, kind: str) -> str:
        while True:
            cand = f"{self.prefix}{kind}-{next(self._counter)}"
            if cand not in self.used:
                self.used.add(cand)
                return cand


class HtmlTranslator:
    """Translates one TEI document; `translate()` gives its chunks and what the prelims need."""

    def __init__(self, tree: etree._ElementTree | etree._Element, *, prefix: str = "",
                 report: StageReport | None = None) -> None:
        self.root = tree.getroot() if hasattr(tree, "getroot") else tree
        self.report = report
        self.ids = Ids(prefix, {e.get(XML_ID) for e in self.root.iter() if e.get(XML_ID)})
        text = self.root.find(tei("text"))
        self.text = text
        self.lang = ((text.get(XML_LANG) if text is not None else None) or self.root.get(XML_LANG) or "en")
        words = len(text_of(text, notes=True).split()) if text is not None else 0
        self.book = words >= BOOK_WORDS
        self.conventions: set[str] = set()
        self.unknown: Counter[str] = Counter()
        self._keys = itertools.count(1)
        self._div_ids: dict[etree._Element, str] = {}
        self._missing: list[str] = []
        self._last_call: etree._Element | None = None

    # ------------------------------------------------------------------ output helpers

    def el(self, tag: str, cls: str | None = None, **attrs: str | None) -> etree._Element:
        e = etree.Element(tag)
        if cls:
            e.set("class", cls)
        for k, v in attrs.items():
            if v is not None:
                e.set(k.rstrip("_").replace("_", "-"), str(v))
        return e

    def block_el(self, ctx: Ctx, tag: str, cls: str | None = None) -> etree._Element:
        """An HTML block that holds lines, or a span of that class in phrasing content; keyed."""
        if ctx.inline:
            out = self.el("span", f"blk-{tag}" + (f" {cls}" if cls else ""))
        else:
            out = self.el(tag, cls)
        out.set(BLOCK_KEY, str(next(self._keys)))
        return out

    def common(self, src: etree._Element, dst: etree._Element) -> None:
        lang = src.get(XML_LANG)
        if lang:
            dst.set("lang", lang)
        i = src.get(XML_ID)
        if i and dst.get("id") is None:
            dst.set("id", self.ids.of(i))

    @staticmethod
    def append_text(dst: etree._Element, text: str | None) -> None:
        if not text:
            return
        if len(dst):
            dst[-1].tail = (dst[-1].tail or "") + text
        else:
            dst.text = (dst.text or "") + text

    # ------------------------------------------------------------------ dispatch

    def visit(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        name = local_name(e)
        if not name:
            return
        getattr(self, f"visit_{name}", self.visit_unknown)(e, dst, ctx)

    def children(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        """e's text and children into dst, in phrasing content."""
        self.append_text(dst, e.text)
        for c in e:
            if isinstance(c.tag, str):
                self.visit(c, dst, ctx)
            self.append_text(dst, c.tail)

    def blocks(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        """The children of a block container (body, div, back…); text between blocks is kept too."""
        self._loose_text(e.text, dst, ctx)
        for c in e:
            if isinstance(c.tag, str):
                self.visit(c, dst, ctx)
            self._loose_text(c.tail, dst, ctx)

    def _loose_text(self, text: str | None, dst: etree._Element, ctx: Ctx) -> None:
        if text and text.strip():
            p = self.block_el(ctx, "p", "tail")
            p.text = text.strip()
            dst.append(p)

    def mixed(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        """Mixed content with some block children: runs of inline content become paragraphs."""
        run: etree._Element | None = None

        def open_run() -> etree._Element:
            nonlocal run
            if run is None:
                run = self.block_el(ctx, "p")
                dst.append(run)
            return run

        if e.text and e.text.strip():
            open_run().text = e.text
        for c in e:
            if not isinstance(c.tag, str):
                continue
            if _is_block_child(c) or local_name(c) == "head":
                run = None
                self.visit(c, dst, ctx)
            else:
                self.visit(c, open_run(), ctx.phrasing())
            if c.tail and c.tail.strip():
                self.append_text(open_run(), c.tail)

    def visit_unknown(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        """An element without a print rendering: its text is printed plain, and it is reported."""
        name = local_name(e)
        self.unknown[name] += 1
        if self.unknown[name] == 1 and self.report is not None:
            line, tei_line = source_line(e)
            self.report.warn("element without a print rendering: its text is printed plain", line,
                             f"<{name}>" + (f" (TEI line {tei_line})" if tei_line else ""))
        out = self.block_el(ctx, "p", f"tei-{name}") if not ctx.inline and name in _BLOCK_TEI else \
            self.el("span", f"tei-{name}")
        self.common(e, out)
        self.children(e, out, ctx.phrasing())
        dst.append(out)

    # ------------------------------------------------------------------ the document

    def translate(self) -> TranslatedDocument:
        text = self.text
        chunks: list[Chunk] = []
        prelim_front: list[etree._Element] = []
        credits: list[etree._Element] = []
        unplaced: list[tuple[str, list[str]]] = []
        if text is None:
            return TranslatedDocument(self.root, self.lang, self.book, chunks, [], self.conventions,
                                      prelim_front, credits, unplaced, self)
        self._collect_ids(text)
        front, body, back = (text.find(tei(p)) for p in ("front", "body", "back"))
        lead: list[etree._Element] = []              # an article's argument and preface open its text
        if front is not None:
            for c in front:
                name, typ = local_name(c), c.get("type")
                if name in ("titlePage", "divGen") or not name:
                    continue
                if name == "epigraph" or (name == "div" and typ in PRELIM_FRONT):
                    prelim_front.append(c)
                elif name == "div" and typ in IMPRINT_FRONT:
                    box = self.el("div", "credits")
                    self.blocks(c, box, Ctx())
                    credits.append(box)
                elif self.book and name == "div":
                    chunks.append(self._chunk(c, ChunkRole.FRONT))
                elif self.book:
                    prelim_front.append(c)
                else:
                    lead.append(c)
        if self.book:
            chunks.extend(self._book_chunks(body, ChunkRole.BODY))
            chunks.extend(self._book_chunks(back, ChunkRole.BACK))
        else:
            chunks.append(self._article_chunk(lead, body, back, unplaced))
        divisions = self._divisions(chunks)
        return TranslatedDocument(self.root, self.lang, self.book, chunks, divisions, self.conventions,
                                  prelim_front, credits, unplaced, self)

    def _collect_ids(self, text: etree._Element) -> None:
        """Every headed division gets an id (the contents and bookmarks point to it)."""
        for div in text.iter(tei("div")):
            head = div.find(tei("head"))
            if head is not None and text_of(head):
                self._div_ids[div] = self.ids.of(div.get(XML_ID)) if div.get(XML_ID) else self.ids.new("sec")

    def _book_chunks(self, part: etree._Element | None, role: ChunkRole) -> list[Chunk]:
        """A book's body or back: each top-level division a chunk, loose blocks between them one."""
        if part is None:
            return []
        chunks: list[Chunk] = []
        loose: list[etree._Element] = []

        def flush() -> None:
            if loose:
                chunk = Chunk(f"{role.value}: opening text", role, running=header_title(self.root))
                self._missing = []
                section = self.el("section", f"{local_name(part)} lead")
                for e in loose:
                    self.visit(e, section, Ctx(depth=0))
                chunk.elements.append(section)
                chunk.missing = self._missing
                chunks.append(chunk)
                loose.clear()

        for c in part:
            if not isinstance(c.tag, str):
                continue
            if local_name(c) == "div":
                flush()
                chunks.append(self._chunk(c, role))
            else:
                loose.append(c)
        flush()
        return chunks

    def _chunk(self, div: etree._Element, role: ChunkRole) -> Chunk:
        head = div.find(tei("head"))
        title = running_text(head) if head is not None else (div.get("type") or role.value)
        chunk = Chunk(f"{role.value}: {title}", role, running=title)
        self._missing = []
        section = self.el("section", role.value) if role is not ChunkRole.BODY else self.el("main", "body")
        self.visit(div, section, Ctx(depth=0))
        chunk.elements.append(section)
        chunk.missing = self._missing
        chunk.opening = next((h for h in section.iter("h2", "h3", "h4", "h5", "h6")), None)
        return chunk

    def _article_chunk(self, lead: list[etree._Element], body: etree._Element | None,
                       back: etree._Element | None, unplaced: list[tuple[str, list[str]]]) -> Chunk:
        """An article is one run of text: its argument, its body, its back matter."""
        chunk = Chunk("text", ChunkRole.BODY, running=header_title(self.root))
        self._missing = []
        if lead:
            section = self.el("section", "front")
            for e in lead:
                self.visit(e, section, Ctx(depth=0))
            chunk.elements.append(section)
        missing_by_division: list[tuple[str, list[str]]] = []
        for part, tag in ((body, "main"), (back, "section")):
            if part is None:
                continue
            out = self.el(tag, local_name(part))
            self._loose_text(part.text, out, Ctx())
            for c in part:
                if isinstance(c.tag, str):
                    before = len(self._missing)
                    self.visit(c, out, Ctx(depth=0))
                    labels = self._missing[before:]
                    if labels:
                        head = c.find(tei("head")) if local_name(c) == "div" else None
                        missing_by_division.append((running_text(head) if head is not None else "", labels))
                self._loose_text(c.tail, out, Ctx())
            chunk.elements.append(out)
        chunk.missing = self._missing
        # Numbering that restarts per division is named by division in the imprint.
        labels = [x for _, ls in missing_by_division for x in ls]
        if len(labels) != len(set(labels)) and all(d for d, _ in missing_by_division):
            unplaced.extend(missing_by_division)
        elif labels:
            unplaced.append(("", labels))
        return chunk

    def _divisions(self, chunks: list[Chunk]) -> list[Division]:
        """The contents entries: headed divisions to the second level, in their chunks."""
        out: list[Division] = []
        for k, chunk in enumerate(chunks):
            for section in chunk.elements:
                for h in section.iter("h2", "h3"):
                    ident = h.getparent().get("id") if h.getparent() is not None else None
                    if ident and h.get("data-running"):
                        out.append(Division(ident, int(h.tag[1]) - 1, h.get("data-running"), k))
        return out

    # ------------------------------------------------------------------ divisions and blocks

    def visit_div(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        depth = ctx.depth + 1
        typ = e.get("type") or "section"
        section = self.el("section", f"div div-{typ} depth-{depth}")
        self.common(e, section)
        if e in self._div_ids:
            section.set("id", self._div_ids[e])
        inner = Ctx(False, ctx.in_note, depth)
        self._loose_text(e.text, section, inner)
        for c in e:
            if not isinstance(c.tag, str):
                continue
            if local_name(c) == "head":
                self.heading(c, section, min(depth + 1, 6), f"head-{typ}" + (" chapter-head" if depth == 1 else ""))
            else:
                self.visit(c, section, inner)
            self._loose_text(c.tail, section, inner)
        dst.append(section)

    def heading(self, e: etree._Element, dst: etree._Element, level: int, cls: str) -> None:
        h = self.el(f"h{level}", cls, data_running=running_text(e))
        h.set(BLOCK_KEY, str(next(self._keys)))
        self.common(e, h)
        self.children(e, h, Ctx(inline=True))
        dst.append(h)

    def visit_head(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        if ctx.inline:
            out = self.block_el(ctx, "p", "head")
            self.children(e, out, ctx.phrasing())
            dst.append(out)
        else:
            self.heading(e, dst, min(ctx.depth + 2, 6), "head")

    def visit_p(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        p = self.block_el(ctx, "p")
        self.common(e, p)
        if e.get("n"):      # the paragraph's number, printed in the margin as the source prints it
            number = self.el("span", "paragraph-number")
            number.text = e.get("n")
            p.append(number)
        self.children(e, p, ctx.phrasing())
        dst.append(p)

    def visit_ab(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        p = self.block_el(ctx, "p", f"ab ab-{e.get('type') or 'block'}")
        self.common(e, p)
        self.children(e, p, ctx.phrasing())
        dst.append(p)

    def visit_quote(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        if ctx.inline and not is_block_quote(e) and (marks_printed(e) or not _is_block_child(e)):
            self.quotation(e, dst, ctx)
            return
        if not is_block_quote(e) and marks_printed(e):
            # an inline quotation standing where a block was expected: in a paragraph of its own
            p = self.block_el(ctx, "p")
            self.quotation(e, p, ctx.phrasing())
            dst.append(p)
            return
        bq = self.block_el(ctx, "blockquote")
        self.common(e, bq)
        if any(_is_block_child(c) for c in e if isinstance(c.tag, str)):
            self.mixed(e, bq, ctx)
        else:
            p = self.block_el(ctx, "p")
            self.children(e, p, ctx.phrasing())
            bq.append(p)
        dst.append(bq)

    def visit_cit(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        if ctx.inline and not _is_block_child(e):
            out = self.el("span", "cit")
            self.children(e, out, ctx)
            dst.append(out)
            return
        box = self.block_el(ctx, "div", "cit")
        self.common(e, box)
        for c in e:
            if not isinstance(c.tag, str):
                continue
            name = local_name(c)
            if name == "quote":
                self.visit_quote(c, box, Ctx(ctx.inline, ctx.in_note, ctx.depth))
            elif name == "bibl":
                p = self.block_el(ctx, "p", "cit-bibl")
                self.children(c, p, ctx.phrasing())
                box.append(p)
            elif name == "ref" and not text_of(c):
                continue          # points to the note that gives the source: its call is printed
            else:
                self.visit(c, box, ctx)
            if c.tail and c.tail.strip():
                self.append_text(box, c.tail)
        dst.append(box)

    def visit_list(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        numbered = e.get("rend") in ("numbered", "ordered") or e.get("type") in ("ordered", "numbered")
        lst = self.block_el(ctx, "ol" if numbered else "ul", "list")
        self.common(e, lst)
        if any(it.get("n") for it in e.findall(tei("item"))):
            lst.set("class", (lst.get("class") or "") + " labelled")
        for c in e:
            if not isinstance(c.tag, str):
                continue
            name = local_name(c)
            if name == "head":
                h = self.block_el(ctx, "p", "list-head")
                self.children(c, h, ctx.phrasing())
                dst.append(h)
            elif name in ("item", "label"):
                self.visit(c, lst, ctx)
            else:
                li = self._item_box(ctx)
                self.visit(c, li, ctx.phrasing())
                lst.append(li)
        dst.append(lst)

    def _item_box(self, ctx: Ctx) -> etree._Element:
        li = self.el("span", "blk-li") if ctx.inline else self.el("li")
        li.set(BLOCK_KEY, str(next(self._keys)))
        return li

    def visit_item(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        li = self._item_box(ctx)
        self.common(e, li)
        n = e.get("n")
        if n:
            lab = self.el("span", "item-n")
            lab.text = n + ("." if n.isdigit() else "")
            lab.tail = " "
            li.append(lab)
        if any(_is_block_child(k) for k in e if isinstance(k.tag, str)):
            self.mixed(e, li, Ctx(True, ctx.in_note, ctx.depth))
        else:
            self.children(e, li, ctx.phrasing())
        dst.append(li)

    def visit_label(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        lab = self.el("span", "item-n")
        self.children(e, lab, ctx.phrasing())
        if local_name(e.getparent()) == "list":
            li = self._item_box(ctx)
            li.append(lab)
            dst.append(li)
        else:
            dst.append(lab)

    def visit_listBibl(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        box = self.block_el(ctx, "div", "listbibl")
        for c in e:
            if not isinstance(c.tag, str):
                continue
            name = local_name(c)
            if name in ("bibl", "biblStruct"):
                p = self.block_el(ctx, "p", "bibl-entry")
                self.common(c, p)
                if name == "biblStruct":
                    p.text = text_of(c)
                else:
                    self.children(c, p, ctx.phrasing())
                box.append(p)
            elif name == "head":
                self.heading(c, box, min(ctx.depth + 2, 6), "head")
            else:
                self.visit(c, box, ctx)
        dst.append(box)

    def visit_biblStruct(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        p = self.block_el(ctx, "p", "bibl-entry") if not ctx.inline else self.el("span", "bibl")
        self.common(e, p)
        p.text = text_of(e)
        dst.append(p)

    def _boxed(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        """argument, epigraph, byline and their kind: a box of the element's name, holding
        paragraphs (its own, or one made of its phrasing content)."""
        name = local_name(e)
        box = self.block_el(ctx, "div", name.lower())
        self.common(e, box)
        if any(local_name(c) in _BLOCK_TEI or local_name(c) == "bibl" for c in e):
            for c in e:
                if not isinstance(c.tag, str):
                    continue
                if local_name(c) == "bibl":
                    p = self.block_el(ctx, "p", "cit-bibl")
                    self.children(c, p, ctx.phrasing())
                    box.append(p)
                else:
                    self.visit(c, box, ctx)
        else:
            p = self.block_el(ctx, "p")
            self.children(e, p, ctx.phrasing())
            box.append(p)
        dst.append(box)

    visit_argument = visit_epigraph = _boxed
    visit_opener = visit_closer = visit_trailer = visit_salute = visit_signed = visit_dateline = _boxed

    def visit_byline(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        if ctx.inline:
            self.children(e, dst, ctx)
        else:
            self._boxed(e, dst, ctx)

    visit_docImprint = visit_docDate = visit_docAuthor = visit_docTitle = visit_byline

    def visit_titlePart(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        out = self.el("span", f"title-part title-{e.get('type') or 'main'}")
        self.children(e, out, ctx.phrasing())
        dst.append(out)

    def visit_titlePage(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        return              # the prelims print the title page (prelims.py)

    def visit_divGen(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        return              # the contents are generated in the prelims (prelims.py)

    def visit_lg(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        box = self.block_el(ctx, "div", "lg")
        self.common(e, box)
        for c in e:
            if isinstance(c.tag, str):
                self.visit(c, box, ctx)
        dst.append(box)

    def visit_l(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        line = self.block_el(ctx, "p", "l")
        self.children(e, line, ctx.phrasing())
        dst.append(line)

    def visit_table(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        if ctx.inline:          # a table in a note: its rows as lines, cells apart
            box = self.block_el(ctx, "div", "table")
            for head in e.findall(tei("head")):     # its caption, as its first line
                line = self.block_el(ctx, "p", "table-caption")
                self.children(head, line, ctx.phrasing())
                box.append(line)
            for row in e.iter(tei("row")):
                line = self.block_el(ctx, "p", "row")
                for k, cell in enumerate(row.iter(tei("cell"))):
                    if k:
                        self.append_text(line, " \u2003")
                    self.children(cell, line, ctx.phrasing())
                box.append(line)
            dst.append(box)
            return
        # the caption is a paragraph before the table in one block that is not broken where it
        # fits on a page: an HTML <caption> stays behind when the table must move to the next page
        block = self.el("div", "table-block")
        for head in e.findall(tei("head")):    # its caption, above it
            caption = self.el("p", "table-caption")
            caption.set(BLOCK_KEY, str(next(self._keys)))     # keyed like a cell: it holds lines
            self.children(head, caption, Ctx(True, ctx.in_note, ctx.depth))
            block.append(caption)
        table = self.el("table", "table")
        self.common(e, table)
        for row in e:
            if local_name(row) == "row":
                self.visit_row(row, table, ctx)
        block.append(table)
        dst.append(block)

    def visit_row(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        tr = self.el("tr", "label" if e.get("role") == "label" else None)
        for cell in e:
            if local_name(cell) == "cell":
                self.visit_cell(cell, tr, ctx)
        dst.append(tr)

    def visit_cell(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        td = self.el("th" if local_name(e.getparent()) == "row" and e.getparent().get("role") == "label" else "td")
        td.set(BLOCK_KEY, str(next(self._keys)))
        self.children(e, td, Ctx(True, ctx.in_note, ctx.depth))
        dst.append(td)

    def visit_eg(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        pre = self.block_el(ctx, "pre", "eg")
        self.common(e, pre)
        self.children(e, pre, ctx.phrasing())
        dst.append(pre)

    def visit_figure(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        """A figure: its caption, and the address of its image (never fetched: the print is made
        without the network)."""
        box = self.block_el(ctx, "div", "figure")
        self.common(e, box)
        caption = self.block_el(ctx, "p", "figure-caption")
        caption.text = label("figure", self.lang) + ". "
        desc = e.find(tei("figDesc"))
        if desc is not None:
            self.children(desc, caption, ctx.phrasing())
        box.append(caption)
        graphic = e.find(tei("graphic"))
        if graphic is not None and graphic.get("url"):
            url = self.block_el(ctx, "p", "figure-url")
            url.text = graphic.get("url")
            box.append(url)
        dst.append(box)

    def visit_figDesc(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        out = self.el("span", "figdesc")
        self.children(e, out, ctx.phrasing())
        dst.append(out)

    def visit_graphic(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        out = self.el("span", "figure-url")
        out.text = e.get("url") or ""
        dst.append(out)

    def visit_pb(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        return              # a page of the source began here: the print has pages of its own

    visit_milestone = visit_anchor = visit_fw = visit_lb_block = visit_pb

    # ------------------------------------------------------------------ phrasing

    def visit_hi(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        rend = (e.get("rend") or "italic").lower().split()
        tag = _HI_TAGS.get(rend[0] if rend else "italic")
        out = self.el(tag) if tag else self.el("span", " ".join(f"hi-{r}" for r in rend))
        self._inline_into(e, out, dst, ctx)

    def _inline_into(self, e: etree._Element, out: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        self.common(e, out)
        self.children(e, out, ctx.phrasing())
        dst.append(out)

    def visit_title(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        # a piece (article, chapter) is roman, a book or journal italic
        out = self.el("span", "tei-title title-a") if e.get("level") == "a" else self.el("em", "tei-title")
        self._inline_into(e, out, dst, ctx)

    def visit_emph(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        self._inline_into(e, self.el("em", "tei-emph"), dst, ctx)

    visit_mentioned = visit_term = visit_emph

    def visit_foreign(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        self._inline_into(e, self.el("span", "tei-foreign"), dst, ctx)

    def quotation(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        """An inline quotation: between the edition's marks when the TEI dropped the source's."""
        name = local_name(e)
        if not marks_printed(e):
            # marks kept in the text (no @rend): none are added here
            self._inline_into(e, self.el("span", "q"), dst, ctx)
            return
        self.conventions.add("quotes")
        opening, closing = quotation_marks_for(e)
        runs = (e.get("rend") or "").split()
        if "continued" in runs:          # the quotation goes on in the next paragraph, unclosed here
            closing = ""
        if "continuing" in runs:         # … and is not opened again where it goes on
            opening = ""
        out = self.el("span", f"q tei-{name}", data_rend=e.get("rend"))
        self.common(e, out)
        out.text = opening
        self.children(e, out, ctx.phrasing())
        self.append_text(out, closing)
        dst.append(out)

    visit_q = visit_soCalled = visit_said = quotation

    def visit_persName(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        """A person's name: never hyphenated, and found again after layout by its id for the
        index of persons."""
        ref = (e.get("ref") or "").lstrip("#")
        out = self.el("span", "persname")
        if ref:
            out.set("id", self.ids.new("pn"))
            out.set("data-ref", ref)
        self._inline_into(e, out, dst, ctx)

    def _plain(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        """A part of a name or a citation: its text as it stands."""
        self._inline_into(e, self.el("span", f"tei-{local_name(e)}"), dst, ctx)

    visit_forename = visit_surname = visit_nameLink = visit_genName = visit_roleName = visit_addName = _plain
    visit_author = visit_editor = visit_pubPlace = visit_publisher = visit_date = visit_biblScope = _plain
    visit_num = visit_idno = visit_series = visit_name = visit_orgName = visit_placeName = _plain
    visit_edition = visit_extent = visit_meeting = _plain
    visit_sic = visit_corr = visit_reg = visit_orig = visit_expan = visit_abbr = _plain

    def visit_bibl(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        if not ctx.inline:
            p = self.block_el(ctx, "p", "bibl-entry")
            self.common(e, p)
            self.children(e, p, ctx.phrasing())
            dst.append(p)
            return
        self._inline_into(e, self.el("span", "bibl"), dst, ctx)

    def visit_ref(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        target = (e.get("target") or "").split()
        href = target[0] if target else None
        if href and href.startswith("#"):
            href = "#" + self.ids.of(href[1:])
        self._inline_into(e, self.el("a", "ref", href=href), dst, ctx)

    visit_ptr = visit_ref

    def visit_choice(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        """The reading: a correction, a regularisation, an expansion (the TEI keeps the source's)."""
        pick = next((c for want in ("corr", "reg", "expan") for c in e.findall(tei(want))), None)
        if pick is None:
            pick = next((c for c in e if isinstance(c.tag, str)), None)
        if pick is not None:
            out = self.el("span", "choice")
            self.children(pick, out, ctx.phrasing())
            dst.append(out)

    def visit_gap(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        out = self.block_el(ctx, "p", "gap") if not ctx.inline else self.el("span", "gap")
        rend = e.get("rend")
        out.text = rend if rend else ("[missing]" if e.get("reason") == "missing" else "[\u2026]")
        dst.append(out)

    def visit_lb(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        dst.append(self.el("br"))

    def visit_code(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        self._inline_into(e, self.el("code", "tei-code"), dst, ctx)

    def visit_formula(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        self._inline_into(e, self.el("span", "tei-formula"), dst, ctx)

    def visit_desc(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        self._inline_into(e, self.el("span", "tei-desc"), dst, ctx)

    # ------------------------------------------------------------------ notes

    def visit_note(self, e: etree._Element, dst: etree._Element, ctx: Ctx) -> None:
        if not ctx.inline:
            # A note at block level (between paragraphs): a paragraph holding only its call.
            p = self.block_el(ctx, "p", "note-holder")
            self.visit_note(e, p, ctx.phrasing())
            dst.append(p)
            return
        role = role_of(e, ctx.in_note)
        if role is NoteRole.MISSING:
            self.conventions.add("missing")
            self._missing.append(plain_label(e))
            return
        lab = note_label(e)
        if e.get("anchored") == "false":
            self.conventions.add("dagger")
        if e.get("type") == "author":
            self.conventions.add("author")
        if role is NoteRole.INNER:
            out = self.el("span", "inner-note")
            out.text = f" [{lab}: "
            self._note_content(e, out, ctx)
            self.append_text(out, "]")
            dst.append(out)
            return
        classes = ["fn"]
        if e.get("anchored") == "false":
            classes.append("unanchored")
        if self._follows_call(dst):
            classes.append("after-call")
        self._join_to_word(dst)
        fn = self.el("span", " ".join(classes), data_n=lab)
        self.common(e, fn)
        if fn.get("id") is None:       # every footnote has an id: the layout is read back by it
            fn.set("id", self.ids.new("fn"))
        fn.set(BLOCK_KEY, str(next(self._keys)))
        self._note_content(e, fn, Ctx(True, True, ctx.depth))
        dst.append(fn)

    def _note_content(self, e: etree._Element, out: etree._Element, ctx: Ctx) -> None:
        """A note's text; its first paragraph runs on from the marker, the others are blocks."""
        kids = [c for c in e if isinstance(c.tag, str)]
        if not any(_is_block_child(c) for c in kids):
            self.children(e, out, ctx)
            return
        first = kids[0] if kids and local_name(kids[0]) == "p" and not (e.text or "").strip() else None
        if first is not None:
            self.children(first, out, ctx)
            self.append_text(out, first.tail)
            rest = etree.Element(e.tag)
            for c in kids[1:]:
                rest.append(_shallow_copy(c))
            self.mixed(rest, out, ctx)
        else:
            self.mixed(e, out, ctx)

    @staticmethod
    def _follows_call(dst: etree._Element) -> bool:
        """The call about to be set follows another call with no text between them."""
        if not len(dst):
            return False
        last = dst[-1]
        return is_footnote(last) and not (last.tail or "").strip()

    @staticmethod
    def _join_to_word(dst: etree._Element) -> None:
        """No line break between a call and what it follows: the space before it goes, a word
        joiner holds it to the word."""
        if len(dst):
            last = dst[-1]
            text = last.tail or ""
            if is_footnote(last) and not text.strip():
                last.tail = None
                return
            last.tail = text.rstrip() + WORD_JOINER if text.strip() or not text else WORD_JOINER
        else:
            text = dst.text or ""
            dst.text = (text.rstrip() + WORD_JOINER) if text.strip() else (WORD_JOINER if text == "" else text)


def _shallow_copy(e: etree._Element) -> etree._Element:
    """A copy of e to hang under another parent (lxml moves an element it appends)."""
    import copy
    return copy.deepcopy(e)


def _is_block_child(c: etree._Element) -> bool:
    """A child that is a block of its own (a paragraph, a list, a displayed quotation), not a
    phrase of the text around it (an inline quotation)."""
    name = local_name(c)
    if name == "quote":
        return is_block_quote(c) or not (c.get("rend") or c.getparent() is not None and _has_own_text(c.getparent()))
    if name == "cit":
        return not _has_own_text(c.getparent())
    return name in _BLOCK_TEI


def _has_own_text(e: etree._Element | None) -> bool:
    if e is None:
        return False
    return bool((e.text or "").strip() or any((c.tail or "").strip() for c in e))


def source_line(e: etree._Element) -> tuple[int | None, int | None]:
    """The source line of an element where the tree carries it (a tree just converted), else
    the line of the TEI file it was read from."""
    line = line_at(e)
    return line, (e.sourceline if line is None else None)


__all__ = ["BOOK_WORDS", "Chunk", "ChunkRole", "Ctx", "Division", "HtmlTranslator", "Ids",
           "TranslatedDocument", "header_title", "source_line"]
