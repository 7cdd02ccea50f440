"""The reStructuredText reader: docutils' own parser, its doctree mapped to the block document.

docutils parses the source (its standard reader and transforms: the document title and docinfo,
numbered and auto-numbered footnotes, references); this reader walks the doctree and makes the same
blocks every other reader makes: sections' titles as headings with their depth, paragraphs, list
items, block quotations, literal blocks (code), tables, figures, mathematics, footnotes at their
references, emphasis, inline literals and links. A header of 'Key: value' lines that opens the
source (RFC 2822, as PEPs have) feeds the title, author and date before docutils parses the rest.
docutils' own messages (an unknown role or directive) are reported as warnings at their lines;
comments and raw output are dropped as artifacts.
"""
from __future__ import annotations

import io

from ..model import Block, BlockKind, Document, Figure, ListItem, ListStyle, MarkKind, NotePlace, NoteText, \
    Quotation, SourceLines, Table
from ..passes import Context, Declaration, LinePass, Section
from ..report import StageReport
from .markdown import verbatim_block
from .markup import Field, MarkupReader, TextBuilder, apply_fields, leading_fields, link_target, opening_title_line

QUOTING = ("block_quote", "admonition", "note", "warning", "tip", "important", "caution", "attention",
           "danger", "error", "hint", "sidebar", "epigraph", "highlights", "pull_quote")
DROPPED = ("comment", "raw", "substitution_definition", "target", "transition", "pending", "system_message")
INLINE_MARKS = {"emphasis": MarkKind.EMPHASIS, "title_reference": MarkKind.EMPHASIS, "strong": MarkKind.STRONG,
                "literal": MarkKind.CODE, "math": MarkKind.FORMULA}


class RstReader(LinePass):
    """reStructuredText → the block document, parsed by docutils (makes the block document)."""

    name = "rst"
    declaration = Declaration(Section.INTERPRETATION,
                              "The reStructuredText source was parsed by docutils: section titles with their "
                              "depth, paragraphs, lists, block quotations, literal blocks, tables, figures, "
                              "mathematics and emphasis are encoded as the source marks them, and each footnote "
                              "at its reference; the document title, docinfo fields and an opening "
                              "'Key: value' header gave the title, author and date; comments and raw output "
                              "were dropped.")

    def apply(self, lines: SourceLines, context: Context) -> None:
        context.document = Reader(lines, context.report).read()


class Reader(MarkupReader):
    """One walk over the doctree, keeping the open quotation, list item and footnote."""

    def __init__(self, lines: SourceLines, report: StageReport) -> None:
        super().__init__(lines, report, "rst")
        self.quoting = 0

    def read(self) -> Document:
        rows = [ln.raw.rstrip("\n") for ln in self.lines.lines]
        fields, taken = leading_fields(rows)
        if fields:
            apply_fields(fields, self.doc, self.report, "header")
            rows = [""] * taken + rows[taken:]
        tree = self._parse("\n".join(rows))
        self.walk(tree.children, 0)
        self.finish()
        opening_title_line(self.doc, self.report)
        return self.doc

    def _parse(self, source: str):
        import docutils.core
        messages = io.StringIO()
        settings = {"report_level": 5, "halt_level": 5, "warning_stream": messages, "file_insertion_enabled": False,
                    "raw_enabled": False, "input_encoding": "unicode", "output_encoding": "unicode",
                    "doctitle_xform": True, "docinfo_xform": True, "pep_references": True, "rfc_references": True}
        tree = docutils.core.publish_doctree(source, settings_overrides=settings)
        for msg in tree.findall(lambda n: n.tagname == "system_message"):
            if msg.get("level", 0) >= 2:
                self.report.warn(f"docutils: {msg.children[0].astext() if msg.children else 'message'}",
                                 msg.get("line"), msg.get("type", ""))
        title = next((c for c in tree.children if c.tagname == "title"), None)
        if title is not None and self.doc.front.title is None:
            self.doc.front.title = " ".join(title.astext().split())
        return tree

    # ------------------------------------------------------------------ blocks

    def walk(self, nodes, depth: int) -> None:
        for node in nodes:
            self.node(node, depth)

    def node(self, node, depth: int) -> None:
        name = node.tagname
        line = self._line(node)
        if name == "#text":
            return
        if name in DROPPED:
            if name in ("comment", "raw") and node.astext().strip():
                self.doc.artifacts.append(" ".join(node.astext().split())[:80])
                self.report.repair(f"dropped a {name}", line, node.astext()[:80])
            return
        if name == "title":
            if depth == 0:
                return          # the document title (docutils promoted it): the front's title
            block = self.inline(node, line).block(line, BlockKind.HEAD)
            block.level = depth
            self.emit(block)
        elif name == "subtitle":
            self.doc.front.subtitle = self.doc.front.subtitle or " ".join(node.astext().split())
        elif name == "docinfo":
            self.docinfo(node)
        elif name == "section":
            self.walk(node.children, depth + 1)
        elif name in ("paragraph", "line", "rubric", "term", "attribution", "caption", "legend", "field_name"):
            self.emit(self.inline(node, line).block(line))
        elif name in ("literal_block", "doctest_block"):
            block = verbatim_block(node.astext(), line, BlockKind.CODE)
            classes = [c for c in node.get("classes", []) if c != "code"]
            block.code_language = classes[0] if classes else None
            self.emit(block)
        elif name == "math_block":
            self.emit(verbatim_block(node.astext(), line, BlockKind.FORMULA))
        elif name in ("bullet_list", "enumerated_list"):
            self.list(node, depth)
        elif name in QUOTING:
            self.quoting += 1
            self.quote_group += 1
            self.walk(node.children, depth)
            self.quoting -= 1
        elif name in ("footnote", "citation"):
            self.note(node, depth)
        elif name == "table":
            self.table(node, line)
        elif name in ("figure", "image"):
            self.figure(node, line)
        elif name == "topic" and "contents" in node.get("classes", []):
            self.doc.contents.extend(" ".join(r.astext().split()) for r in node.findall(
                lambda n: n.tagname == "reference"))
            self.report.repair("replaced the generated contents list by a divGen", line, "contents")
        elif name == "label":
            return
        else:
            self.walk(node.children, depth)   # containers: definition lists, field lists, topics, line blocks

    def docinfo(self, node) -> None:
        fields = []
        for child in node.children:
            if child.tagname == "field":
                key = child.children[0].astext()
                value = child.children[1].astext()
            else:
                key, value = child.tagname, child.astext()
            fields.append(Field(key, value, self._line(child)))
        apply_fields(fields, self.doc, self.report, "docinfo")

    def list(self, node, depth: int) -> None:
        style = ListStyle.NUMBERED if node.tagname == "enumerated_list" else ListStyle.BULLETED
        start = int(node.get("start", 1)) if style is ListStyle.NUMBERED else 0
        for k, item in enumerate(c for c in node.children if c.tagname == "list_item"):
            self.item = ListItem(style, str(start + k) if style is ListStyle.NUMBERED else None)
            self.walk(item.children, depth)
        self.item = None

    def note(self, node, depth: int) -> None:
        key = (node.get("ids") or [f"note-{len(self.notes.texts) + 1}"])[0]
        outer = self.footnote
        self.footnote = NoteText(key, None, [], NotePlace.FOOT)
        self.notes.texts[key] = self.footnote
        self.walk([c for c in node.children if c.tagname != "label"], depth)
        if not self.footnote.paragraphs:
            self.footnote.paragraphs.append(Block("", self._line(node), kind=BlockKind.NOTE))
        self.footnote = outer

    def table(self, node, line: int) -> None:
        rows: list[list[Block]] = []
        header_rows = 0
        for part in node.findall(lambda n: n.tagname in ("thead", "tbody")):
            for row in (c for c in part.children if c.tagname == "row"):
                cells = []
                for entry in (c for c in row.children if c.tagname == "entry"):
                    cell_line = self._line(entry) or line
                    builder = TextBuilder(cell_line)
                    for k, para in enumerate(entry.children):
                        if k:
                            builder.space()
                        self.inline_into(builder, para)
                    cells.append(builder.block(cell_line))
                rows.append(cells)
                header_rows += part.tagname == "thead"
        block = Block(" | ".join(c.text for r in rows for c in r), line, kind=BlockKind.TABLE)
        block.table = Table(rows, header_rows)
        self.report.recognise("read a table", line, f"{len(rows)} rows")
        self.emit(block)

    def figure(self, node, line: int) -> None:
        image = node if node.tagname == "image" else next(iter(node.findall(lambda n: n.tagname == "image")), None)
        caption = next(iter(node.findall(lambda n: n.tagname == "caption")), None)
        text = caption.astext() if caption is not None else (image.get("alt", "") if image is not None else "")
        block = Block(" ".join(text.split()), line, kind=BlockKind.FIGURE)
        uri = image.get("uri") if image is not None else None
        block.figure = Figure(uri)
        self.emit(block)

    # ------------------------------------------------------------------ emitting

    def emit(self, block: Block) -> None:
        if self.footnote is not None:
            block.kind = BlockKind.NOTE
            self.footnote.paragraphs.append(block)
            self.doc.blocks.append(block)
            return
        if not block.text and block.kind in (BlockKind.P, BlockKind.HEAD):
            return
        if self.quoting and block.kind in (BlockKind.P, BlockKind.HEAD):
            block.kind, block.level = BlockKind.QUOTE, 0
            block.quotation = Quotation(self.quote_group)
        elif block.kind is BlockKind.P and self.item is not None:
            block.item = self.item
            self.item = None
        self.doc.blocks.append(block)

    # ------------------------------------------------------------------ inline

    def inline(self, node, line: int) -> TextBuilder:
        builder = TextBuilder(line)
        self.inline_into(builder, node)
        return builder

    def inline_into(self, b: TextBuilder, node) -> None:
        for child in node.children:
            name = child.tagname
            if name == "#text":
                self._text(b, str(child))
            elif name in ("footnote_reference", "citation_reference"):
                refid = child.get("refid") or (child.get("refname") or child.astext())
                b.call(self.notes.call(refid, b.line), takes_space=True)
            elif name in INLINE_MARKS:
                kind = INLINE_MARKS[name]
                if kind in (MarkKind.CODE, MarkKind.FORMULA):
                    b.marked(kind, child.astext())
                else:
                    b.open(kind)
                    self.inline_into(b, child)
                    b.close(kind)
            elif name == "reference":
                b.open(MarkKind.LINK, link_target(child.get("refuri")))
                self.inline_into(b, child)
                b.close(MarkKind.LINK)
            elif name in ("target", "substitution_definition", "comment", "system_message"):
                continue
            elif name == "image":
                b.text(child.get("alt", ""))
            elif name == "problematic":
                self._text(b, child.astext())
            elif getattr(child, "children", None):
                self.inline_into(b, child)

    @staticmethod
    def _text(b: TextBuilder, text: str) -> None:
        rows = text.split("\n")
        for k, row in enumerate(rows):
            if k:
                b.newline()
            b.text(row.replace("\u00a0", " "))

    def _line(self, node) -> int:
        line = getattr(node, "line", None)
        if line is None:
            parent = node.parent
            while parent is not None and getattr(parent, "line", None) is None:
                parent = parent.parent
            line = getattr(parent, "line", None) if parent is not None else None
        if node.tagname == "title" and line:
            line = max(1, line - 1)   # docutils gives a title the line of its underline
        self.last_line = line or self.last_line
        return self.last_line


__all__ = ["RstReader"]
