"""The Markdown reader: a real CommonMark parser's tree → the block document.

markdown-it-py (the Python port of markdown-it, CommonMark-compliant, kept by the Executable Books
project) with the mdit-py-plugins extensions pandoc users write: footnotes ('[^1]' and '[^1]: …',
inline '^[…]'), YAML front matter, tables and '$…$' / '$$…$$' mathematics. Every block keeps the
source lines it came from: the parser gives each block its line range, and each line end inside a
paragraph moves the text to the next line.

What the source marks up is taken as it marks it: headings with their levels, paragraphs, list
items, block quotations, code (fenced or indented: eg), tables, display mathematics (formula),
images standing alone (figure), emphasis, strong emphasis, inline code, links with an address, and
notes at their calls. Front matter (YAML between '---' lines, or 'Key: value' lines opening the
text) feeds the title, author, date and language. HTML tags and comments and the template tags of
site generators ('{% include … %}') are dropped as artifacts and listed in the header; the text
inside an HTML block is read as Markdown.
"""
from __future__ import annotations

import re

from ..model import Block, BlockKind, Document, Figure, ListItem, ListStyle, MarkKind, NotePlace, NoteText, \
    Quotation, SourceLines, Table
from ..passes import Context, Declaration, LinePass, Section
from ..report import StageReport
from .markup import MarkupReader, TextBuilder, apply_fields, leading_fields, link_target, strip_template_tags, \
    yaml_fields

HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
TAG_LINE = re.compile(r"^[ \t]*(?:</?[A-Za-z][\w-]*(?:\s[^<>]*)?>[ \t]*)+$")
FOOTNOTE_DEFINITION = r"^\[\^{label}\]:[ \t]?(?P<first>.*)$"
DEFINITION_START = re.compile(r"^\[\^(?P<label>[^\]\s]+)\]:")


def parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin
    return (MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(footnote_plugin)
            .use(dollarmath_plugin, allow_space=True, double_inline=True))


class MarkdownReader(LinePass):
    """Markdown → the block document, read by markdown-it-py (makes the block document)."""

    name = "markdown"
    declaration = Declaration(Section.INTERPRETATION,
                              "The Markdown source was read with a CommonMark parser (markdown-it-py with its "
                              "footnote, front-matter, table and mathematics extensions): headings with their "
                              "levels, paragraphs, lists, block quotations, code, tables, mathematics, figures "
                              "and emphasis are encoded as the source marks them, and each footnote at its "
                              "call; the front matter gave the title, author, date and language; HTML and "
                              "template tags were dropped.")

    def apply(self, lines: SourceLines, context: Context) -> None:
        context.document = Reader(lines, context.report).read()


class Reader(MarkupReader):
    """One walk over the parser's tokens, keeping the open block quotation, lists and footnote."""

    def __init__(self, lines: SourceLines, report: StageReport) -> None:
        super().__init__(lines, report, "markdown")
        self.quote_depth = 0
        self.lists: list[list] = []          # [style, next number]

    # ------------------------------------------------------------------ the whole text

    def read(self) -> Document:
        rows = [ln.raw.rstrip("\n") for ln in self.lines.lines]
        fields, taken = leading_fields(rows) if rows and rows[0].strip() != "---" else ([], 0)
        if fields:
            apply_fields(fields, self.doc, self.report, "metadata")
            rows = [""] * taken + rows[taken:]
        rows = [self._tag_line(row, k + 1) for k, row in enumerate(rows)]
        source = self._first_definitions(strip_template_tags("\n".join(rows), 1, self.doc, self.report))
        env: dict = {}
        self.walk(parser().parse(source, env), 0)
        self._unreferenced(env, source)
        self.finish()
        return self.doc

    def walk(self, tokens: list, offset: int) -> None:
        i = 0
        while i < len(tokens):
            i = self.token(tokens, i, offset)

    def token(self, tokens: list, i: int, offset: int) -> int:
        t = tokens[i]
        kind = t.type
        if t.map:
            self.last_line = t.map[0] + 1 + offset
        handler = getattr(self, "on_" + kind, None)
        if handler is not None:
            return handler(tokens, i, offset)
        return i + 1

    # ------------------------------------------------------------------ blocks

    def on_front_matter(self, tokens: list, i: int, offset: int) -> int:
        t = tokens[i]
        apply_fields(yaml_fields(t.content, t.map[0] + 2 + offset, self.report), self.doc, self.report,
                     "front matter")
        return i + 1

    def on_heading_open(self, tokens: list, i: int, offset: int) -> int:
        line = tokens[i].map[0] + 1 + offset
        block = self.inline(tokens[i + 1], line).block(line, BlockKind.HEAD)
        block.level = int(tokens[i].tag[1:])
        if self.footnote is not None or self.quote_depth:
            block.level = 0
            block.kind = BlockKind.P
        self.emit(block)
        return i + 3

    def on_paragraph_open(self, tokens: list, i: int, offset: int) -> int:
        line = tokens[i].map[0] + 1 + offset if tokens[i].map else self.last_line
        inline = tokens[i + 1]
        figure = self._lone_image(inline)
        builder = self.inline(inline, line)
        block = builder.block(line, BlockKind.FIGURE if figure else BlockKind.P)
        if figure:
            block.figure = Figure(link_target(figure) or figure)
            block.marks = []
        self.emit(block)
        return i + 3

    def on_blockquote_open(self, tokens: list, i: int, offset: int) -> int:
        if not self.quote_depth:
            self.quote_group += 1
        self.quote_depth += 1
        return i + 1

    def on_blockquote_close(self, tokens: list, i: int, offset: int) -> int:
        self.quote_depth -= 1
        return i + 1

    def on_bullet_list_open(self, tokens: list, i: int, offset: int) -> int:
        self.lists.append([ListStyle.BULLETED, 0])
        return i + 1

    def on_ordered_list_open(self, tokens: list, i: int, offset: int) -> int:
        start = tokens[i].attrs.get("start", 1) if tokens[i].attrs else 1
        self.lists.append([ListStyle.NUMBERED, int(start)])
        return i + 1

    def on_bullet_list_close(self, tokens: list, i: int, offset: int) -> int:
        self.lists.pop()
        self.item = None
        return i + 1

    on_ordered_list_close = on_bullet_list_close

    def on_list_item_open(self, tokens: list, i: int, offset: int) -> int:
        style, number = self.lists[-1]
        self.item = ListItem(style, str(number) if style is ListStyle.NUMBERED else None)
        if style is ListStyle.NUMBERED:
            self.lists[-1][1] = number + 1
        return i + 1

    def on_fence(self, tokens: list, i: int, offset: int) -> int:
        t = tokens[i]
        first = t.map[0] + 1 + offset + (1 if t.type == "fence" else 0)
        block = verbatim_block(t.content.rstrip("\n"), first, BlockKind.CODE)
        block.code_language = (t.info or "").split()[0] if (t.info or "").strip() else None
        self.emit(block)
        return i + 1

    on_code_block = on_fence

    def on_math_block(self, tokens: list, i: int, offset: int) -> int:
        t = tokens[i]
        self.emit(verbatim_block(t.content.strip("\n"), t.map[0] + 2 + offset, BlockKind.FORMULA))
        return i + 1

    on_math_block_label = on_math_block

    def on_hr(self, tokens: list, i: int, offset: int) -> int:
        t = tokens[i]
        self.doc.artifacts.append(t.markup)
        self.report.repair("dropped a thematic break", t.map[0] + 1 + offset, t.markup)
        return i + 1

    def on_html_block(self, tokens: list, i: int, offset: int) -> int:
        """HTML tags and comments are no text; what stands between them is read as Markdown."""
        t = tokens[i]
        line = t.map[0] + 1 + offset
        content = HTML_COMMENT.sub(lambda m: self._dropped(m.group(0), line) or "\n" * m.group(0).count("\n"),
                                   t.content)
        content = HTML_TAG.sub(lambda m: self._dropped(m.group(0), line) or "", content)
        if content.strip():
            self.report.recognise("read the text inside an HTML block as Markdown", line, content.strip()[:60])
            self.walk(parser().parse(content, {}), t.map[0] + offset)
        return i + 1

    def on_table_open(self, tokens: list, i: int, offset: int) -> int:
        line = tokens[i].map[0] + 1 + offset
        rows: list[list[Block]] = []
        header_rows = 0
        in_head = False
        i += 1
        while i < len(tokens) and tokens[i].type != "table_close":
            t = tokens[i]
            if t.type == "thead_open":
                in_head = True
            elif t.type == "thead_close":
                in_head = False
            elif t.type == "tr_open":
                rows.append([])
                header_rows += 1 if in_head else 0
            elif t.type == "inline":
                cell_line = t.map[0] + 1 + offset if t.map else line
                rows[-1].append(self.inline(t, cell_line).block(cell_line))
            i += 1
        block = Block(" | ".join(c.text for row in rows for c in row), line, kind=BlockKind.TABLE)
        block.last_line = max((c.last_line for row in rows for c in row), default=line)
        block.table = Table(rows, header_rows)
        self.report.recognise("read a table", line, f"{len(rows)} rows")
        self.emit(block)
        return i + 1

    def on_footnote_open(self, tokens: list, i: int, offset: int) -> int:
        meta = tokens[i].meta
        key = meta.get("label") or f"^{meta['id']}"
        self.footnote = NoteText(key, None, [], NotePlace.FOOT)
        self.notes.texts[key] = self.footnote
        return i + 1

    def on_footnote_close(self, tokens: list, i: int, offset: int) -> int:
        if self.footnote is not None and not self.footnote.paragraphs:
            self.footnote.paragraphs.append(Block("", self.last_line, kind=BlockKind.NOTE))
        self.footnote = None
        return i + 1

    # ------------------------------------------------------------------ emitting

    def emit(self, block: Block) -> None:
        if self.footnote is not None:
            block.kind = BlockKind.NOTE
            self.footnote.paragraphs.append(block)
            self.doc.blocks.append(block)
            return
        if not block.text and block.kind in (BlockKind.P, BlockKind.HEAD):
            return
        if self.quote_depth and block.kind is BlockKind.P:
            block.kind = BlockKind.QUOTE
            block.quotation = Quotation(self.quote_group)
        elif block.kind is BlockKind.P and self.item is not None:
            block.item = self.item
        if block.kind is not BlockKind.HEAD:
            self.item = None
        self.doc.blocks.append(block)

    def _tag_line(self, row: str, line: int) -> str:
        """A line of HTML tags alone ('<div class="note">', '</markdown>') is dropped before the text
        is parsed: what it wraps is read as the Markdown it is (footnote definitions included)."""
        if TAG_LINE.match(row):
            self._dropped(row.strip(), line)
            return ""
        return row

    def _dropped(self, tag: str, line: int) -> None:
        self.doc.artifacts.append(" ".join(tag.split())[:80])
        self.report.repair("dropped HTML markup", line, tag[:80])

    # ------------------------------------------------------------------ inline

    def inline(self, token, line: int) -> TextBuilder:
        builder = TextBuilder(line)
        for c in token.children or []:
            self.child(builder, c)
        return builder

    def child(self, b: TextBuilder, c) -> None:
        kind = c.type
        if kind == "text":
            b.text(c.content.replace("\u00a0", " "))
        elif kind in ("softbreak", "hardbreak"):
            b.newline()
        elif kind in ("em_open", "strong_open"):
            b.open(MarkKind.EMPHASIS if kind == "em_open" else MarkKind.STRONG)
        elif kind in ("em_close", "strong_close"):
            b.close(MarkKind.EMPHASIS if kind == "em_close" else MarkKind.STRONG)
        elif kind == "code_inline":
            b.marked(MarkKind.CODE, c.content)
        elif kind in ("math_inline", "math_inline_double"):
            b.marked(MarkKind.FORMULA, c.content)
        elif kind == "link_open":
            b.open(MarkKind.LINK, link_target(c.attrs.get("href")))
        elif kind == "link_close":
            b.close(MarkKind.LINK)
        elif kind == "image":
            b.text(c.content or "")
        elif kind == "footnote_ref":
            meta = c.meta
            key = meta.get("label") or f"^{meta['id']}"
            b.call(self.notes.call(key, b.line))
        elif kind == "html_inline":
            if re.match(r"<br\s*/?>", c.content, re.I):
                b.space()
            self._dropped(c.content, b.line)
        elif c.content:
            b.text(c.content)

    @staticmethod
    def _lone_image(inline) -> str | None:
        """The address of an image that stands alone in its paragraph (a figure), else None."""
        children = [c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())
                    and c.type not in ("softbreak", "hardbreak")]
        if len(children) == 1 and children[0].type == "image":
            return children[0].attrs.get("src") or ""
        return None

    # ------------------------------------------------------------------ footnotes defined twice

    def _first_definitions(self, source: str) -> str:
        """A footnote defined twice (once per output format, in '<markdown>' and '<latex>' blocks)
        is the first definition's, as pandoc reads it (the parser would keep the last): a later
        definition is left out, with a warning that gives its text."""
        rows = source.split("\n")
        seen: set[str] = set()
        for k, row in enumerate(rows):
            m = DEFINITION_START.match(row)
            if not m:
                continue
            if m.group("label") not in seen:
                seen.add(m.group("label"))
                continue
            self.report.warn(f"footnote [^{m.group('label')}] is defined again: the first definition is the "
                             "note's, this one is left out", k + 1, row[:200])
            rows[k] = ""
            while k + 1 < len(rows) and rows[k + 1].startswith(("    ", "\t")):
                k += 1
                rows[k] = ""
        return "\n".join(rows)

    # ------------------------------------------------------------------ footnotes no call names

    def _unreferenced(self, env: dict, source: str) -> None:
        """The parser drops footnote definitions that no call names: read them here, so that no
        text is lost (they are kept unanchored, and the report says so)."""
        refs = env.get("footnotes", {}).get("refs", {})
        rows = source.split("\n")
        for key, ident in refs.items():
            if ident != -1:
                continue
            label = key[1:]
            rx = re.compile(FOOTNOTE_DEFINITION.format(label=re.escape(label)))
            at = next((k for k, row in enumerate(rows) if rx.match(row)), None)
            if at is None:
                continue
            body = [rx.match(rows[at]).group("first")]
            k = at + 1
            while k < len(rows) and (rows[k].startswith(("    ", "\t")) or not rows[k].strip()
                                     and k + 1 < len(rows) and rows[k + 1].startswith(("    ", "\t"))):
                body.append(rows[k][4:] if rows[k].startswith("    ") else rows[k].lstrip("\t"))
                k += 1
            note = NoteText(label, None, [], NotePlace.FOOT)
            self.notes.texts[label] = note
            self.footnote = note
            self.walk(parser().parse("\n".join(body), {}), at)
            self.footnote = None


def verbatim_block(text: str, first_line: int, kind: BlockKind) -> Block:
    """A block of lines kept as they are (code, mathematics), each line anchored to its source line."""
    anchors = [(0, first_line)]
    pos = 0
    for k, row in enumerate(text.split("\n")[:-1]):
        pos += len(row) + 1
        anchors.append((pos, first_line + k + 1))
    return Block(text, first_line, first_line + text.count("\n"), kind=kind, anchors=anchors)


__all__ = ["MarkdownReader", "parser", "verbatim_block"]
