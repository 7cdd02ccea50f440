"""What the readers of marked-up text (Markdown, reStructuredText) share: building blocks with their
source lines, inline marks and note calls from a parser's tree, the metadata a text declares about
itself (front matter, a field list, an RFC 2822 header), and template tags left by site generators.

The readers make the block document themselves, as the `Layout` pass does for plain text; every
pass after them sees the same model (tei_edition.model) whatever the format.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import data
from ..model import Block, BlockKind, Document, FrontMatter, FrontPart, FrontRole, ListItem, Mark, MarkKind, Note, \
    NoteCall, NotePlace, NoteText, NoteFamily, SourceLines
from ..report import StageReport

# An address a ref may point to: a scheme (http:, mailto:…); a link to a place of a site that the
# document does not hold ('#section', '/lessons/x') would point nowhere in the TEI.
ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
TEMPLATE_TAG = re.compile(r"\{%-?.*?-?%\}|\{\{.*?\}\}")


class TextBuilder:
    """The text of one block as a reader walks its inline nodes: text, the line each piece stands
    on, marked-up spans and note calls."""

    def __init__(self, line: int) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.anchors: list[tuple[int, int]] = [(0, line)]
        self.line = line
        self.marks: list[Mark] = []
        self.calls: list[tuple[int, "PendingCall"]] = []
        self._open: list[tuple[MarkKind, int, str | None]] = []

    def text(self, s: str) -> None:
        if s:
            self.parts.append(s)
            self.length += len(s)

    def space(self) -> None:
        if self.parts and not self.parts[-1].endswith((" ", "\n")):
            self.text(" ")

    def newline(self, next_line: int | None = None) -> None:
        """A line end in the source: a space in the text, the next characters on the next line."""
        self.space()
        self.line = next_line if next_line is not None else self.line + 1
        self.anchors.append((self.length, self.line))

    def open(self, kind: MarkKind, target: str | None = None) -> None:
        self._open.append((kind, self.length, target))

    def close(self, kind: MarkKind) -> None:
        for k in range(len(self._open) - 1, -1, -1):
            if self._open[k][0] is kind:
                _, start, target = self._open.pop(k)
                if self.length > start and not (kind is MarkKind.LINK and self._names_itself(start, target)):
                    self.marks.append(Mark(start, self.length, kind, target))
                return

    def _names_itself(self, start: int, target: str | None) -> bool:
        """A link whose text is its own address ('<https://…>') is a web address in the text, not a
        pointer to be encoded (the citations pass reads web addresses)."""
        text = "".join(self.parts)[start:self.length].strip().rstrip("/")
        bare = (target or "").rstrip("/")
        return not target or text in (bare, bare.split("://", 1)[-1], bare.removeprefix("mailto:"))

    def marked(self, kind: MarkKind, s: str, target: str | None = None) -> None:
        start = self.length
        self.text(s)
        if self.length > start:
            self.marks.append(Mark(start, self.length, kind, target))

    def call(self, pending: "PendingCall", takes_space: bool = False) -> None:
        """A note call here; `takes_space`: the syntax wants a space before the call ('1635 [#]_'),
        which is the call's, not the text's."""
        if takes_space and self.parts and self.parts[-1].endswith(" "):
            self.parts[-1] = self.parts[-1][:-1]
            self.length -= 1
            self.anchors = [(min(o, self.length), ln) for o, ln in self.anchors]
        self.calls.append((self.length, pending))

    def block(self, first_line: int, kind: BlockKind = BlockKind.P) -> Block:
        """The block, its white space trimmed at both ends (offsets moved with it)."""
        raw = "".join(self.parts)
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()

        def at(offset: int) -> int:
            return max(0, min(offset - lead, len(text)))

        anchors: list[tuple[int, int]] = []
        for offset, line in sorted(set(self.anchors)):
            if anchors and anchors[-1][0] == at(offset):
                anchors[-1] = (at(offset), line)
            else:
                anchors.append((at(offset), line))
        block = Block(text, first_line, max(ln for _, ln in self.anchors), kind=kind, anchors=anchors)
        block.marks = [Mark(at(m.start), at(m.end), m.kind, m.target) for m in self.marks if at(m.end) > at(m.start)]
        for offset, pending in self.calls:
            pending.place(block, at(offset))
        return block


@dataclass(eq=False)
class PendingCall:
    """A note call found before its note's number is known: placed when the block is made."""

    key: str
    line: int
    block: Block | None = None
    offset: int = 0

    def place(self, block: Block, offset: int) -> None:
        self.block, self.offset = block, offset


@dataclass
class NoteRegister:
    """The notes of a marked-up text: their texts by key, their calls in reading order; numbered
    in the order of their first call, as pandoc and docutils number them."""

    texts: dict[str, NoteText] = field(default_factory=dict)
    calls: list[PendingCall] = field(default_factory=list)

    def call(self, key: str, line: int) -> PendingCall:
        pending = PendingCall(key, line)
        self.calls.append(pending)
        return pending

    def place(self, doc: Document, report: StageReport, place: NotePlace = NotePlace.FOOT) -> None:
        """Every call gets its note at its place; a note called again gets a second note holding a
        pointer to the first; a note never called is kept, unanchored, after the last call before it."""
        numbers: dict[str, str] = {}
        first: dict[str, Note] = {}
        stats = {"calls_found": 0, "note_texts_found": len(self.texts), "paired": 0,
                 "notes_without_call": 0, "calls_without_text": 0, "numbers_rejected": 0}
        for pending in self.calls:
            if pending.block is None:
                continue
            text = self.texts.get(pending.key)
            n = numbers.setdefault(pending.key, str(len(numbers) + 1))
            stats["calls_found"] += 1
            if pending.key in first:
                note = Note(n, place, _pointer_text(first[pending.key], pending), "reference", True, pending.line)
                report.recognise(f"note {n} called again: a second note points to the first", pending.line,
                                 pending.key)
            else:
                note = Note(n, place, text, "marked-up", True, pending.line)
                first[pending.key] = note
                if text is None:
                    stats["calls_without_text"] += 1
                    report.warn(f"note call '{pending.key}' has no note text in the source: kept as a note "
                                "holding a gap", pending.line, pending.key)
                else:
                    stats["paired"] += 1
                    text.label = n
                    report.recognise(f"note {n} placed at its call", pending.line, pending.key)
            pending.block.calls.append(NoteCall(pending.offset, pending.offset, note))
        for key, text in self.texts.items():
            if key in first:
                continue
            stats["notes_without_call"] += 1
            host = _block_before(doc, text.line)
            if host is None:
                for para in text.paragraphs:
                    para.kind = BlockKind.P
                report.doubt("a note text that no call names, in a text with no paragraph before it: kept "
                             "as text", text.line, key)
                continue
            n = numbers.setdefault(key, str(len(numbers) + 1))
            text.label = n
            note = Note(n, place, text, "", False, text.line, "at the end of the paragraph before its text "
                        "(no call names it)")
            host.calls.append(NoteCall(len(host.text), len(host.text), note))
            report.doubt(f"note '{key}' is never called: placed unanchored after the paragraph before it",
                         text.line, key)
        doc.notes = list(self.texts.values())
        number_marked_notes(doc)
        report.stats["notes"] = stats
        report.info("notes: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in stats.items()))


def _pointer_text(note: Note, pending: PendingCall) -> NoteText:
    """The text of a second call of one note: a pointer to the note (resolved when ids are given)."""
    block = Block(note.n, pending.line)
    block.kind = BlockKind.NOTE
    block.marks.append(Mark(0, len(block.text), MarkKind.LINK, _RefTo(note)))   # type: ignore[arg-type]
    return NoteText(note.n, None, [block], note.place, NoteFamily.NUMBER)


class _RefTo(str):
    """A link target that is a note's xml:id, known only once the notes are numbered."""

    def __new__(cls, note: Note) -> "_RefTo":
        obj = super().__new__(cls, "")
        obj.note = note          # type: ignore[attr-defined]
        return obj


class MarkupReader:
    """What a reader of a marked-up text keeps while it walks its parser's tree: the document it
    makes, the notes waiting for their calls, the open quotation, list item and footnote, and the
    last source line it saw."""

    def __init__(self, lines: SourceLines, report: StageReport, source_format: str) -> None:
        self.lines = lines
        self.report = report
        self.doc = Document([], contents=list(lines.contents), artifacts=list(lines.artifacts),
                            source_format=source_format)
        self.notes = NoteRegister()
        self.quote_group = 0
        self.item: ListItem | None = None    # the item whose first paragraph comes next
        self.footnote: NoteText | None = None
        self.last_line = 1

    def finish(self) -> None:
        """Once the tree is walked: heading levels from 1, the notes at their calls, the title block."""
        normalise_levels(self.doc)
        self.notes.place(self.doc, self.report, NotePlace.FOOT)
        front_title_block(self.doc, self.report)


def number_marked_notes(doc: Document) -> None:
    """Ids for the notes of a marked-up text ('n3'), and the pointers of notes called twice."""
    from ..notes.note_pairing import number_notes
    number_notes(doc)
    for b in _all_blocks(doc):
        for mark in b.marks:
            if isinstance(mark.target, _RefTo):
                mark.target = "#" + mark.target.note.xml_id     # type: ignore[attr-defined]


def _all_blocks(doc: Document):
    for b in doc.blocks:
        yield b
        for call in b.calls:
            if call.note.text is not None:
                yield from call.note.text.paragraphs


def _block_before(doc: Document, line: int) -> Block | None:
    found = None
    for b in doc.blocks:
        if b.kind in (BlockKind.P, BlockKind.QUOTE) and b.first_line <= line:
            found = b
    return found or next((b for b in doc.blocks if b.kind in (BlockKind.P, BlockKind.QUOTE)), None)


# ------------------------------------------------------------------------------------------ metadata


@dataclass
class Field:
    """A field the text declares about itself ('title: …'), and the line it stands on."""

    key: str
    value: str
    line: int


def apply_fields(fields: list[Field], doc: Document, report: StageReport, where: str) -> None:
    """Front-matter fields into the document's front facts, by the roles of data/front_matter_fields.tsv;
    the others go to the header's notes, none is lost."""
    roles = {key.lower(): role for key, role in data.table("front_matter_fields.tsv")}
    front = doc.front
    authors: list[str] = []
    for f in fields:
        role = roles.get(f.key.lower().replace("_", "-"))
        value = " ".join(f.value.split())
        if not value:
            continue
        if role == "title" and front.title is None:
            front.title = value
        elif role == "subtitle" and front.subtitle is None:
            front.subtitle = value
        elif role == "author":
            authors.append(strip_address(value))
        elif role == "date" and front.date is None:
            front.date = value
        elif role == "language" and front.language is None:
            front.language = value.split("_")[0].split("-")[0].lower()
        elif role == "ignore":
            continue
        else:
            doc.header_credits.append(f"{f.key}: {value}")
        report.recognise(f"read the {where} field '{f.key}'" + (f" as the {role}" if role else ""), f.line, value)
    if authors and front.author is None:
        front.author = " and ".join(dict.fromkeys(a for a in authors if a))


def strip_address(name: str) -> str:
    """'Ada Lovelace <ada@example.org>' → 'Ada Lovelace'; several names stay, their addresses go."""
    return ", ".join(p.strip() for p in re.sub(r"<[^>]*>", "", name).split(",") if p.strip())


def yaml_fields(text: str, first_line: int, report: StageReport) -> list[Field]:
    """The fields of YAML front matter: scalars as they are, lists joined by commas."""
    import yaml
    try:
        loaded = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        report.warn("front matter is not valid YAML: its lines are kept in the header's notes", first_line,
                    str(exc).splitlines()[0])
        return [Field("front-matter", text, first_line)]
    if not isinstance(loaded, dict):
        return []
    lines = text.split("\n")
    out = []
    for key, value in loaded.items():
        at = next((k for k, ln in enumerate(lines) if ln.startswith(f"{key}:")), 0)
        out.append(Field(str(key), _flatten(value), first_line + at))
    return out


def _flatten(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_flatten(v) for v in value if v is not None)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_flatten(v)}" for k, v in value.items())
    return "" if value is None else str(value)


KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z][\w-]{0,30}):[ \t]+(?P<value>\S.*)$")


def leading_fields(lines: list[str], first_line: int = 1) -> tuple[list[Field], int]:
    """'Key: value' lines that open a text before its first blank line (a MultiMarkdown or pandoc
    metadata block, an RFC 2822 header such as a PEP's), indented lines continuing a value; taken only
    when one of the keys is a known front-matter field. The fields and how many lines they take."""
    known = {key.lower() for key, _ in data.table("front_matter_fields.tsv")}
    fields: list[Field] = []
    k = 0
    while k < len(lines) and lines[k].strip():
        m = KEY_VALUE.match(lines[k])
        if m:
            fields.append(Field(m.group("key"), m.group("value").strip(), first_line + k))
        elif lines[k][:1] in " \t" and fields:
            fields[-1].value += " " + lines[k].strip()
        else:
            break      # the text begins: the fields end here (a block of them needs no blank line after)
        k += 1
    if not fields or not any(f.key.lower() in known for f in fields):
        return [], 0
    return fields, k


TITLE_LINE_WORDS = 12    # the most words of an unmarked title line


def opening_title_line(doc: Document, report: StageReport) -> None:
    """A text that marks no title but opens with a line of its own, short and not a sentence
    ('On the Question of the Opposition'), then paragraphs, has that line for its title."""
    live = [b for b in doc.blocks if b.kind is not BlockKind.REMOVED]
    if doc.front.title is not None or len(live) < 2:
        return
    first = live[0]
    text = first.text.strip()
    if first.kind is not BlockKind.P or first.first_line != first.last_line or first.calls or first.marks \
            or not text or len(text.split()) > TITLE_LINE_WORDS or text[-1] in ".!?:;,…" or not text[0].isupper():
        return
    doc.front.title = text
    first.kind = BlockKind.FRONT
    first.front = FrontPart(FrontRole.TITLE)
    doc.blocks.remove(first)
    doc.front_blocks.insert(0, first)
    report.recognise("took the short line that opens the text for its title", first.first_line, text)


def front_title_block(doc: Document, report: StageReport) -> None:
    """A text whose only first-level heading opens it (before any paragraph) has that heading for its
    title, unless the front matter gave one: it moves to the title page."""
    heads = [b for b in doc.blocks if b.kind is BlockKind.HEAD]
    first_text = next((b for b in doc.blocks if b.kind is not BlockKind.REMOVED), None)
    if not heads or first_text is not heads[0] or heads[0].level != min(h.level for h in heads):
        return
    if sum(1 for h in heads if h.level == heads[0].level) != 1 or len(heads) == 1 and len(doc.blocks) < 2:
        return
    title = heads[0]
    if doc.front.title is None:
        doc.front.title = title.text
    elif doc.front.title.strip().lower() != title.text.strip().lower():
        return
    title.kind = BlockKind.FRONT
    title.front = FrontPart(FrontRole.TITLE)
    doc.blocks.remove(title)
    doc.front_blocks.insert(0, title)
    report.recognise("moved the heading that titles the text to the title page", title.first_line, title.text)


def normalise_levels(doc: Document) -> None:
    """Heading levels counted from the shallowest one the text uses, one step deeper at most."""
    heads = [b for b in doc.blocks if b.kind is BlockKind.HEAD]
    if not heads:
        return
    top = min(h.level for h in heads)
    back = data.words("back_headings.txt")
    prev = 0
    for h in heads:
        h.level = min(h.level - top + 1, prev + 1)
        h.level_from_markup = True
        h.opens_back_matter = h.text.lower().strip(" :.") in back
        prev = h.level


def strip_template_tags(text: str, line: int, doc: Document, report: StageReport) -> str:
    """Template tags of site generators ('{% include toc.html %}', '{{ site.url }}') are no text."""
    def drop(m: re.Match[str]) -> str:
        doc.artifacts.append(m.group(0))
        report.repair("dropped a template tag", line + text.count("\n", 0, m.start()), m.group(0))
        return ""
    return TEMPLATE_TAG.sub(drop, text)


def link_target(href: str | None) -> str | None:
    return href if href and ABSOLUTE.match(href) else None


def front_matter_of(doc: Document) -> FrontMatter:
    return doc.front


__all__ = ["Field", "NoteRegister", "PendingCall", "TextBuilder", "apply_fields", "front_title_block",
           "leading_fields", "link_target", "normalise_levels", "strip_address", "strip_template_tags",
           "yaml_fields"]
