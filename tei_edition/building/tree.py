"""Blocks → TEI: divisions nested by heading level, notes inline at their calls.

Front matter goes to `front` (title page, dedication, argument, acknowledgements, a generated
contents list in place of the source's), references to `back`, everything else to `body`.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from lxml import etree

from .. import data
from ..model import (Block, BlockKind, Document, FrontMatter, FrontPart, FrontRole, ListItem, MarkKind, Note,
                     NoteFamily, RunInList, TITLE_PAGE_ROLES)
from ..passes import BlockPass, Context, Declaration, Section
from ..report import StageReport
from ..tei.elements import append_text, document_root, el, sub
from ..tei.lines import anchors_of, line_at, set_anchors, set_line
from ..tei.namespaces import XML_ID, tei
from ..tei.text import raw_text
from ..transforms.inline import wrap

DIV_TYPES = {1: "chapter", 2: "section"}   # deeper divisions are subsections


class TreeBuilder(BlockPass):
    """The block document → the TEI tree (its text; the header is written last, by its own pass)."""

    name = "tree"
    after = {"note-pairing": "every note is placed before the text is built",
             "run-in-lists": "run-in lists are built as lists",
             "block-quotations": "quotations are built as quote"}
    declaration = Declaration(Section.SEGMENTATION,
                              "The text is divided as the source divides it: divisions nested by heading "
                              "level, with front and back matter apart from the body; paragraphs, list "
                              "items and quotation paragraphs are the source's.")

    def apply(self, doc: Document, context: Context) -> None:
        language = context.metadata.language
        root = document_root("TEI", {"xml:lang": language})
        text = sub(root, "text", {"xml:lang": language})
        _front(text, doc)
        body = sub(text, "body")
        # the body's blocks are let go as they are built (the header reads only those set in
        # another language): the blocks and the tree are each several times a large text in
        # memory, and the tree builder held both whole at its end, the conversion's first peak
        body_blocks, doc.blocks = doc.blocks, [b for b in doc.blocks if b.language]
        Builder(body, text, context.report).run(_consumed(body_blocks))
        cite_sources_of_block_quotations(text, context.report)
        if not len(body):
            sub(body, "p").append(el("gap", {"reason": "missing"}))
            context.report.warn("the source has no running text: the body holds a gap")
        context.tree = etree.ElementTree(root)


def _consumed(blocks: list[Block]) -> Iterator[Block]:
    """The blocks in order, each let go by the list as it is handed out (the list ends empty)."""
    blocks.reverse()
    while blocks:
        yield blocks.pop()


class MarkedUpTreeBuilder(TreeBuilder):
    """The same builder for a document a reader of markup made (Markdown, reStructuredText): its
    notes already stand at their calls, its quotations and lists are the markup's."""

    after = {"language": "the document's language is its xml:lang"}


class Builder:
    """Walks the blocks in order, keeping the stack of open divisions."""

    def __init__(self, body: etree._Element, text: etree._Element, report: StageReport) -> None:
        self.body, self.text, self.report = body, text, report
        self.back: etree._Element | None = None
        self.stack: list[tuple[int, etree._Element]] = [(0, body)]
        self.quote: tuple[int, etree._Element] | None = None
        self.list: tuple[str, etree._Element] | None = None
        self.in_back = False

    @property
    def container(self) -> etree._Element:
        return self.stack[-1][1]

    def run(self, blocks: Iterable[Block]) -> None:
        caption: Block | None = None     # a table's caption, waiting for its table
        for b in blocks:
            if b.kind in (BlockKind.REMOVED, BlockKind.NOTE):
                continue
            if b.kind is BlockKind.TABLE and caption is not None:
                self.quote = self.list = None
                _table(self.container, b, caption)
                caption = None
                continue
            if caption is not None:
                self.paragraph(caption)      # no table after it after all: a paragraph, as it stands
                caption = None
            if b.heads_table:
                caption = b
                continue
            if b.kind is BlockKind.HEAD:
                self.heading(b)
            elif b.kind is BlockKind.P:
                self.paragraph(b)
            elif b.kind is BlockKind.QUOTE:
                self.block_quote(b)
            elif b.kind is BlockKind.FRAGMENT:
                self.quote = self.list = None
                fill(sub(self.container, "ab", {"type": "fragment"}), b)
            elif b.kind in VERBATIM:
                self.quote = self.list = None
                VERBATIM[b.kind](self.container, b)
        if caption is not None:
            self.paragraph(caption)

    def heading(self, b: Block) -> None:
        self.quote = self.list = None
        level = max(b.level, 1)
        if b.opens_back_matter and level == 1:
            if self.back is None:
                self.back = sub(self.text, "back")
                self.report.recognise("back matter begins", b.first_line, b.text)
            self.stack = [(0, self.back)]
            self.in_back = True
        elif level == 1 and self.in_back:
            self.stack = [(0, self.back)]
        while self.stack[-1][0] >= level:
            self.stack.pop()
        div_type = "bibliography" if b.opens_back_matter else DIV_TYPES.get(level, "subsection")
        div = sub(self.container, "div", {"type": div_type})
        fill(sub(div, "head"), b)
        self.stack.append((level, div))

    def paragraph(self, b: Block) -> None:
        self.quote = None
        if self.container.get("type") == "bibliography":
            self._bibl(b)
            return
        if b.item:
            self._item(b, b.item)
            return
        self.list = None
        if b.run_in:
            self._run_in_list(self.container, b, b.run_in)
            return
        fill(sub(self.container, "p", {"xml:lang": b.language}), b)

    def _bibl(self, b: Block) -> None:
        """A paragraph of a bibliography: an entry goes into the list (a new list after prose), a
        paragraph that is no entry (an introduction, an index line) stays a paragraph."""
        from ..citations.find import looks_like_entry
        # (the last child read from the end: lxml counts every child for len(), and a bibliography
        # of thousands of paragraphs that are no entries made that quadratic)
        last = next(self.container.iterchildren(reversed=True), None)
        if not looks_like_entry(b.text):
            self.report.doubt("a paragraph of the bibliography is no entry: kept as a paragraph", b.first_line, b.text)
            fill(sub(self.container, "p"), b)
            return
        lst = last if last is not None and last.tag == tei("listBibl") else sub(self.container, "listBibl")
        fill(sub(lst, "bibl"), b)

    def _item(self, b: Block, item: ListItem) -> None:
        style = str(item.style)
        if self.list is None or self.list[0] != style or self.list[1].getparent() is not self.container:
            self.list = (style, sub(self.container, "list", {"rend": style}))
        fill(sub(self.list[1], "item", {"n": item.n}), b)

    def _run_in_list(self, parent: etree._Element, b: Block, run_in: RunInList) -> None:
        if b.text[: run_in.lead_end].strip():
            fill(sub(parent, "p"), b, 0, run_in.lead_end)
        lst = sub(parent, "list", {"rend": "numbered"})
        for item in run_in.items:
            fill(sub(lst, "item", {"n": item.n}), b, item.start, item.end)

    def block_quote(self, b: Block) -> None:
        self.list = None
        group = b.quotation.group if b.quotation else 0
        citation = b.quotation.citation if b.quotation else None
        if self.quote and self.quote[0] == group and self.quote[1].getparent() is not None:
            quote = self.quote[1]
            if len(quote) == 0 or quote[0].tag != tei("p"):
                _wrap_in_p(quote)
            target = sub(quote, "p")
        else:
            if citation:
                cit = sub(self.container, "cit")
                quote = sub(cit, "quote", {"xml:lang": b.language})
            else:
                quote = sub(self.container, "quote", {"xml:lang": b.language})
            set_line(quote, b.first_line)
            self.quote = (group, quote)
            target = quote
        end = citation.start if citation else len(b.text)
        if b.run_in:
            self._run_in_list(target, b, b.run_in)
        else:
            fill(target, b, 0, end)
        if citation:
            parent = quote.getparent()
            if parent.tag == tei("cit"):
                fill(sub(parent, "bibl"), b, citation.start)
            else:
                append_text(target, " ")
                fill(target, b, citation.start)


def cite_sources_of_block_quotations(text: etree._Element, report: StageReport) -> None:
    """A block quotation that ends with its note call, the note giving its source (a page, a
    volume, 'Ibid.', 'quoted in', a year: data/source_notes.tsv), becomes a cit: the quote, and a
    ref to the note, which stays at its call inside the quotation."""
    for quote in list(text.iter(tei("quote"))):
        parent = quote.getparent()
        if parent is None or parent.tag not in (tei("div"), tei("body"), tei("back")):
            continue
        note = _closing_note(quote)
        if note is None or not note.get(XML_ID) or not _gives_a_source(note):
            continue
        cit = el("cit")
        set_anchors(cit, anchors_of(quote)[:1])
        cit.tail, quote.tail = quote.tail, None
        parent.replace(quote, cit)
        cit.append(quote)
        sub(cit, "ref", {"type": "note", "target": "#" + note.get(XML_ID)})
        report.recognise("block quotation with its source in the note that closes it: cit", line_at(quote),
                         " ".join(raw_text(note, notes=True).split())[:100])


def _closing_note(quote: etree._Element) -> etree._Element | None:
    """The note whose call ends the quotation, nothing of the quotation after it."""
    last = quote
    while len(last) and last[-1].tag == tei("p") and not (last[-1].tail or "").strip():
        last = last[-1]
    if not len(last) or last[-1].tag != tei("note") or (last[-1].tail or "").strip():
        return None
    return last[-1]


def _gives_a_source(note: etree._Element) -> bool:
    if note.get("type") in ("missing", "author"):
        return False
    content = " ".join(raw_text(note, notes=True).split())
    return len(content) <= 400 and any(rx.search(content) for _, rx in data.patterns("source_notes.tsv"))


def _wrap_in_p(quote: etree._Element) -> None:
    """A quotation that turns out to have several paragraphs: its first becomes a p."""
    p = el("p")
    p.text, quote.text = quote.text, None
    for child in list(quote):
        p.append(child)
    set_anchors(p, anchors_of(quote))
    quote.append(p)


def fill(parent: etree._Element, block: Block, start: int = 0, end: int | None = None) -> None:
    """Put block.text[start:end] into `parent`, with a note element at each call and a pb where each
    page of the source begins inside the slice, the spans the source marks up (emphasis, code,
    formulas, links) in their elements, and give `parent` the source lines of the text it received
    (see tei.lines). A paragraph the source numbers ('¶ 12') has its number as @n."""
    if block.number is not None and start == 0 and parent.get("n") is None:
        parent.set("n", block.number.n)
    text = block.text
    end = len(text) if end is None else end
    own = len(raw_text(parent))          # where this text begins in the parent's own text
    anchors = anchors_of(parent)
    pieces: list[tuple[int, int, int]] = []   # (offset in the block, offset in the parent's own text, length)
    pos = start
    for at, gone, element in _inserts(block, start, end):
        own = _append_piece(parent, block, pos, at, pos == start, False, own, anchors, pieces)
        parent.append(element)
        pos = max(gone, pos)
    _append_piece(parent, block, pos, end, pos == start, True, own, anchors, pieces)
    set_anchors(parent, anchors)
    _wrap_marks(parent, block, start, end, pieces)


def _inserts(block: Block, start: int, end: int) -> list[tuple[int, int, etree._Element]]:
    """The elements that stand at a point of the slice: (where, where the text resumes, element)."""
    text = block.text
    found: list[tuple[int, int, int, etree._Element]] = []
    for call in block.calls:
        if start <= call.start < end or (call.start == call.end == end and end == len(text)):
            found.append((call.start, 1, call.end, note_element(call.note)))
    for page in block.pages:
        if start <= page.offset < end or (page.offset == end == len(text) and start < end):
            found.append((page.offset, 0, page.offset, el("pb", {"n": str(page.n)})))
    return [(at, gone, e) for at, _, gone, e in sorted(found, key=lambda f: (f[0], f[1], f[2]))]


def _append_piece(parent: etree._Element, block: Block, start: int, end: int, first: bool, last: bool,
                  own: int, anchors: list[tuple[int, int]], pieces: list[tuple[int, int, int]]) -> int:
    """Append block.text[start:end] (trimmed at the slice's ends) at offset `own` of the parent's
    own text; record the lines of its characters in `anchors`. Returns the new own length."""
    piece = block.text[start:end]
    if first:
        start += len(piece) - len(piece.lstrip())
        piece = piece.lstrip()
    if last:
        piece = piece.rstrip()
    if not piece:
        if not anchors:
            anchors.append((own, block.line_at(start)))
        return own
    anchors.append((own, block.line_at(start)))
    anchors.extend((own + o - start, ln) for o, ln in block.anchors.between(start, start + len(piece)))
    append_text(parent, piece)
    pieces.append((start, own, len(piece)))
    return own + len(piece)


MARK_ELEMENTS = {MarkKind.EMPHASIS: ("hi", {"rend": "italic"}), MarkKind.STRONG: ("hi", {"rend": "bold"}),
                 MarkKind.CODE: ("code", {}), MarkKind.FORMULA: ("formula", {"notation": "tex"}),
                 MarkKind.LINK: ("ref", {})}


def _wrap_marks(parent: etree._Element, block: Block, start: int, end: int,
                pieces: list[tuple[int, int, int]]) -> None:
    """Each span the source marks up, in its element: innermost first, so that an outer span takes
    the inner one with it."""
    def own_offset(offset: int) -> int | None:
        for at, own, length in pieces:
            if at <= offset <= at + length:
                return own + offset - at
        return None

    for mark in sorted(block.marks, key=lambda m: (m.end - m.start, m.start)):
        if not (start <= mark.start and mark.end <= end):
            continue
        a, b = own_offset(mark.start), own_offset(mark.end)
        if a is None or b is None or a >= b:
            continue
        tag, attrs = MARK_ELEMENTS[mark.kind]
        if mark.kind is MarkKind.LINK:
            if not mark.target:
                continue
            attrs = {"target": mark.target}
        wrap(parent, a, b, el(tag, attrs))


def _code(container: etree._Element, b: Block) -> None:
    """Code and other verbatim text: an eg, its lines as the source has them."""
    fill(sub(container, "eg", {"rend": b.code_language}), b)


def _table(container: etree._Element, b: Block, caption: Block | None = None) -> None:
    table = sub(container, "table")
    set_line(table, b.first_line)
    if caption is not None:
        fill(sub(table, "head"), caption)
    rows = b.table.rows if b.table else []
    header_rows = b.table.header_rows if b.table else 0
    for k, cells in enumerate(rows):
        row = sub(table, "row", {"role": "label"} if k < header_rows else None)
        for cell in cells:
            fill(sub(row, "cell"), cell)
    if not len(table):
        sub(sub(table, "row"), "cell")


FIGURE_CAPTION_MARKS = (MarkKind.EMPHASIS, MarkKind.STRONG, MarkKind.CODE)


def _figure(container: etree._Element, b: Block) -> None:
    figure = sub(container, "figure")
    set_line(figure, b.first_line)
    if b.figure is not None and b.figure.url:
        sub(figure, "graphic", {"url": b.figure.url})
    if b.text.strip() or not len(figure):
        # a caption holds limited phrases only (TEI macro.limitedContent): links and formulas as text
        marks, b.marks = b.marks, [m for m in b.marks if m.kind in FIGURE_CAPTION_MARKS]
        fill(sub(figure, "figDesc"), b)
        b.marks = marks


def _formula(container: etree._Element, b: Block) -> None:
    fill(sub(sub(container, "p"), "formula", {"notation": "tex"}), b)


VERBATIM = {BlockKind.CODE: _code, BlockKind.TABLE: _table, BlockKind.FIGURE: _figure,
            BlockKind.FORMULA: _formula}


def note_element(note: Note) -> etree._Element:
    attrs = {"place": note.place, "n": note.n, "xml:id": note.xml_id}
    if not note.anchored:
        attrs["anchored"] = "false"
    if note.text is None:
        attrs["type"] = "missing"
    elif note.text.family is NoteFamily.STAR:
        attrs["type"] = "author"
    if note.text is not None and note.text.paragraphs and note.text.paragraphs[0].language:
        attrs["xml:lang"] = note.text.paragraphs[0].language
    e = el("note", attrs)
    if note.text is None:
        set_line(e, note.line)
        sub(e, "gap", {"reason": "missing"})
        return e
    paras = note.text.paragraphs
    if len(paras) == 1:
        fill(e, paras[0])
    else:
        set_line(e, paras[0].first_line)
        for para in paras:
            fill(sub(e, "p"), para)
    return e


def _front(text: etree._Element, doc: Document) -> None:
    """The front as the source gives it: every front block kept, in a place for its role."""
    front = sub(text, "front")
    parts = [(b.front, b) for b in doc.front_blocks if b.front is not None]
    titles = [(part, b) for part, b in parts if part.role in (FrontRole.TITLE, FrontRole.SUBTITLE)]
    if not parts:
        if doc.contents:
            sub(front, "divGen", {"type": "toc"})
        if not len(front):
            text.remove(front)   # a text with no front matter: the title lives in the header only
        return
    page = sub(front, "titlePage")
    doc_title = sub(page, "docTitle")
    for part, b in titles:
        _title_part(sub(doc_title, "titlePart", {"type": "main" if part.role is FrontRole.TITLE else "sub"}),
                    part, b, doc.front)
    if not titles:
        page.remove(doc_title)
    for part, b in parts:
        role = part.role
        if role in (FrontRole.AUTHOR, FrontRole.BYLINE):
            _byline(sub(page, "byline"), b.text, doc.front.author)
        elif role is FrontRole.ISSUER:      # who issues the text (a court): responsible, no author
            fill(sub(page, "byline"), b)
        elif role is FrontRole.IMPRINT and doc.front.imprint is not None:
            imp = doc.front.imprint
            imprint = sub(page, "docImprint")
            sub(imprint, "publisher", None, imp.publisher).tail = ", "
            sub(imprint, "pubPlace", None, imp.place).tail = ", "
            sub(imprint, "docDate", None, imp.date)
        elif role is FrontRole.DATE:
            sub(page, "docDate", None, b.text)
    dateline = doc.front.dateline
    if dateline:
        imprint = sub(page, "docImprint")
        sub(imprint, "docDate", None, dateline.date).tail = " — " + dateline.venue
    if not len(page):
        front.remove(page)
    _front_parts(front, parts)
    if doc.contents:
        sub(front, "divGen", {"type": "toc"})


def _front_parts(front: etree._Element, parts: list[tuple[FrontPart, Block]]) -> None:
    """What follows the title page, in the order TEI allows: epigraphs, arguments and loose
    paragraphs first, then divisions (dedication, credits, acknowledgements)."""
    leading: list[etree._Element] = []
    divisions: list[etree._Element] = []
    groups: dict[str, etree._Element] = {}
    section: etree._Element | None = None
    epigraph: etree._Element | None = None
    for part, b in parts:
        role = part.role
        if role in TITLE_PAGE_ROLES:
            continue
        if role is FrontRole.SECTION_HEAD:
            section = el("div", {"type": _section_type(b.text)})
            sub(section, "head", None, b.text)
            divisions.append(section)
        elif role is FrontRole.SECTION and section is not None:
            fill(sub(section, "p"), b)
        elif role is FrontRole.EPIGRAPH:
            epigraph = el("epigraph")
            fill(sub(epigraph, "quote"), b)
            leading.append(epigraph)
        elif role is FrontRole.EPIGRAPH_SOURCE and epigraph is not None:
            fill(sub(epigraph, "bibl"), b)
        elif role is FrontRole.ARGUMENT:
            if "argument" not in groups:
                groups["argument"] = el("argument")
                leading.append(groups["argument"])
            fill(sub(groups["argument"], "p"), b)
        elif role in (FrontRole.CREDIT, FrontRole.DEDICATION):
            kind = "dedication" if role is FrontRole.DEDICATION else "credits"
            if kind not in groups:
                groups[kind] = el("div", {"type": kind})
                divisions.append(groups[kind])
            fill(sub(groups[kind], "p"), b)
        else:   # a front line that is neither title, byline, credit nor dedication: kept as it is
            if "front" not in groups:
                groups["front"] = el("div", {"type": "front"})
                divisions.insert(0, groups["front"])
            fill(sub(groups["front"], "p"), b)
    for e in leading + divisions:
        front.append(e)


def _title_part(title_part: etree._Element, part: FrontPart, b: Block, f: FrontMatter) -> None:
    """A title line that also names the author ('Title - Author') gives the title here and the
    author in a byline right after the title."""
    author = f.author
    if part.role is FrontRole.TITLE and author and b.text.endswith(author) and b.text != author:
        rest = b.text[: -len(author)]
        title = rest.rstrip(" -–—")
        title_part.text = title
        byline = el("byline")
        byline.text = rest[len(title):].strip() + " " if rest[len(title):].strip() else None
        sub(byline, "docAuthor", None, author)
        title_part.getparent().addnext(byline)
    else:
        title_part.text = b.text


def _byline(byline: etree._Element, text: str, author: str | None) -> None:
    if author and author in text:
        before, _, after = text.partition(author)
        byline.text = before or None
        sub(byline, "docAuthor", None, author).tail = after or None
    else:
        sub(byline, "docAuthor", None, text)


def _section_type(heading: str) -> str:
    low = heading.lower()
    return next((kind for kind, rx in data.patterns("front_section_types.tsv") if rx.search(low)), "preface")


__all__ = ["MarkedUpTreeBuilder", "TreeBuilder", "fill", "note_element"]
