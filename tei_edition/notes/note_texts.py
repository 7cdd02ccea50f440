"""Find the note texts in the source and take them out of the running text.

Layouts handled, each by its own function:
- `note_sections`: a heading such as 'Notes', 'Footnotes', 'FOOTNOTES:' followed by numbered texts
  (per chapter or at the end);
- `trailing_notes`: numbered texts at the very end with no heading ('1 text', '2 text'...);
- `one_line_notes`: all notes on one line ('[1] text [2] text ...'), split before the others run;
- `page_foot_notes`: notes standing between paragraphs, where a converted PDF's page ended;
- `called_notes`: notes an e-book sets after the paragraph that calls them ('…rhythm.[01] What'
  above, '[01] The strength…' below): a bracketed label whose very call stands in the text above.
A note text is numbered in sequence with its neighbours; a block whose number breaks the sequence
is not a note text, which is what keeps numbered headings and list items in the text.
"""
from __future__ import annotations

import re

from .. import data
from ..model import Block, BlockKind, Document, Note, NoteCall, NoteFamily, NotePlace, NoteText
from ..passes import BlockPass, Context, Declaration, Section
from ..report import StageReport
from ..vocabulary import CALL_IN_TEXT, caps_opening, is_terminal
from ..citations.find import looks_like_entry
from .labels import Label, parse_label

STRONG_FOOT = ("superscript", "footnote", "star", "rst")
# superscript-numbered texts between paragraphs are page-foot notes, not end notes
TRAILING_FORMS = ("plain", "dotted", "bracket", "paren", "rst")
SYMBOL_FOOT = ("bracket-symbol", "symbol")
MAX_FOOT_NOTE = 1500


class NoteTexts(BlockPass):
    """Blocks that are note texts are taken out of the running text, in every layout the module's
    docstring lists; each keeps its label, number and the body block it follows."""

    name = "note-texts"
    after = {"front-matter": "the front's lines are not note texts",
             "colophon": "a colophon at the end is not a trailing note"}
    declaration = Declaration(Section.INTERPRETATION,
                              "Note texts were recognised where the source sets them (between paragraphs at "
                              "a page's foot, in notes sections, at the end, all on one line) by their "
                              "labels and numbering, and taken out of the running text.")

    def apply(self, doc: Document, context: Context) -> None:
        report = context.report
        read_from_pages = bool(doc.notes)   # a PDF's page-foot notes, read off its pages by a line pass
        one_line_notes(doc, report)
        note_sections(doc, report)
        trailing_notes(doc, report)
        called_notes(doc, report)
        if not read_from_pages:
            page_foot_notes(doc, report)
        doc.notes.sort(key=lambda n: (n.paragraphs[0].first_line))
        before = _flow_before(doc.blocks)
        for note in doc.notes:
            note.after_block = before[id(note.paragraphs[0])]


def _is_note_heading(text: str) -> bool:
    return text.strip().lower().rstrip(":").strip() in data.words("note_headings.txt")


def _fits(label: Label, expected: int | None, family: str | None) -> bool:
    if family is not None and label.family != family:
        return False
    if label.value is None:
        return label.family is NoteFamily.SYMBOL
    return expected is None or label.value in (expected, expected + 1)


def _numbered_title(label: Label, expected: int | None) -> bool:
    """'5. The Forced March of Industrialisation' after notes 1-3: the next chapter's heading,
    not a note: a note that skips a number must be a sentence, and no note reads like a title."""
    rest = label.rest.strip()
    if label.form not in ("dotted", "plain") or is_terminal(rest) or "," in rest:
        return False
    words = rest.split()
    titled = sum(w[:1].isupper() for w in words) >= 0.6 * len(words) and len(words) <= 12
    return titled or (expected is not None and label.value != expected)


def _continuation(block: Block) -> bool:
    """An unlabelled paragraph that carries on the note before it."""
    text = block.text.strip()
    if not text or caps_opening(text) or parse_label(text) or CALL_IN_TEXT.search(text):
        return False   # a paragraph with calls of its own is running text, not a note's sequel
    return text[0].islower() or text[0] in "‘'\"“(" or (is_terminal(text) and len(text) > 60)


def _take(doc: Document, start: int, place: NotePlace, report: StageReport,
          stop_on_break: bool = True) -> list[NoteText]:
    """Take consecutive note texts from blocks[start:], following their numbering."""
    blocks = doc.blocks
    expected: int | None = None
    family: NoteFamily | None = None
    taken: list[NoteText] = []
    for j in range(start, len(blocks)):
        b = blocks[j]
        if b.kind is BlockKind.REMOVED:
            continue
        if b.kind is not BlockKind.P:
            break
        label = parse_label(b.text)
        if label and _fits(label, expected, family) and not _numbered_title(label, expected):
            taken.append(_note_from(b, label, place))
            family = label.family
            expected = label.value + 1 if label.value is not None else None
        elif taken and _continuation(b):
            b.kind = BlockKind.NOTE
            taken[-1].paragraphs.append(b)
        elif stop_on_break:
            break
    for note in taken:
        doc.notes.append(note)
        report.recognise(f"found {place} note text {note.label}", note.line, note.paragraphs[0].text)
    return taken


def _note_from(block: Block, label: Label, place: NotePlace) -> NoteText:
    """The block is a note text: its label is taken off its text."""
    block.kind = BlockKind.NOTE
    block.edit(label.rest_end, len(block.text), "")
    block.edit(0, label.rest_start, "")
    return NoteText(label.mark, label.value, [block], place, label.family)


def note_sections(doc: Document, report: StageReport) -> None:
    for i, b in enumerate(doc.blocks):
        if b.kind is BlockKind.P and _is_note_heading(b.text):
            if _take(doc, i + 1, NotePlace.END, report):
                b.kind = BlockKind.REMOVED
                report.repair("took a notes section out of the running text", b.first_line, b.text)


def trailing_notes(doc: Document, report: StageReport) -> None:
    """Numbered note texts that run, in sequence, to the end of the text.

    One backward pass: the longest tail in which numbered blocks count down by one (with
    unnumbered continuation paragraphs between them) and which starts at number 1."""
    blocks = doc.blocks
    start: int | None = None
    expected: int | None = None
    form: str | None = None
    notes = continuations = 0
    for i in range(len(blocks) - 1, -1, -1):
        b = blocks[i]
        if b.kind is BlockKind.REMOVED:
            continue
        if b.kind is not BlockKind.P:
            break
        label = parse_label(b.text)
        if label and label.value is not None and label.form in TRAILING_FORMS and \
                (expected is None or (label.form == form and label.value == expected)):
            form, expected, notes = label.form, label.value - 1, notes + 1
            if label.value == 1:
                start = i
                break
        elif expected is not None and _continuation(b):
            continuations += 1
        else:
            break
    if start is None or notes < 2 * continuations:
        return
    if sum(1 for b in blocks[:start] if b.kind is BlockKind.P) < 2:
        return
    first_text = blocks[start].text
    _take(doc, start, NotePlace.END, report)
    report.repair("took the end notes out of the running text", blocks[start].first_line, first_text)


SEQUENTIAL_LABEL = re.compile(r"\[(\d{1,4})\]")


def one_line_notes(doc: Document, report: StageReport) -> None:
    """'[1] text [2] text [3] text' on a single line becomes one block per note."""
    out: list[Block] = []
    for b in doc.blocks:
        parts = _split_sequence(b.text) if b.kind is BlockKind.P and b.text.startswith("[") else None
        if not parts or len(parts) < 3:
            out.append(b)
            continue
        report.repair("split notes standing on one line", b.first_line, f"{len(parts)} notes")
        out.extend(b.piece(start, end, b.blank_before if start == 0 else 0) for start, end in parts)
    doc.blocks[:] = out


def _split_sequence(text: str) -> list[tuple[int, int]] | None:
    starts: list[int] = []
    expected: int | None = None
    for m in SEQUENTIAL_LABEL.finditer(text):
        value = int(m.group(1))
        if expected is None:
            if m.start() != 0:
                return None
            expected = value
        if value == expected:
            starts.append(m.start())
            expected += 1
    if len(starts) < 2:
        return None
    return [(s, e) for s, e in zip(starts, starts[1:] + [len(text)])]


def page_foot_notes(doc: Document, report: StageReport) -> None:
    """Note texts left between paragraphs where the pages of a PDF ended."""
    last: int | None = None
    for b in doc.blocks:
        if b.kind is not BlockKind.P or len(b.text) > MAX_FOOT_NOTE:
            continue
        label = parse_label(b.text)
        if label and (label.form in SYMBOL_FOOT or label.form == "footnote" and label.value is None) \
                and len(b.text) < 600:
            note = _note_from(b, label, NotePlace.FOOT)
            doc.notes.append(note)
            report.recognise(f"found page-foot note text {note.label}", note.line, note.paragraphs[0].text)
            continue
        if not label or label.value is None:
            continue
        strong = label.form in STRONG_FOOT
        # numbering may start again at 1 (per chapter, per page)
        in_sequence = last is None or last < label.value <= last + 6 or label.value == 1
        if strong and (in_sequence or label.form == "footnote") or (
                label.form in ("plain", "bracket") and last is not None and label.value == last + 1
                and len(b.text) < 400):
            note = _note_from(b, label, NotePlace.FOOT)
            doc.notes.append(note)
            last = label.value if label.family is NoteFamily.NUMBER else last
            report.recognise(f"found page-foot note text {note.label}", note.line, note.paragraphs[0].text)


CALLED_FORMS = ("bracket", "bracket-symbol")
CALL_REACH = 400       # how many blocks above a note text its call may stand (notes at a chapter's end)


def called_notes(doc: Document, report: StageReport) -> None:
    """Notes set after the paragraphs that call them, whose very mark stands in the text above:
    bracket-labelled texts ('[01] …', where no mark repeats: a numbering that restarts is the
    pairing's to scope), and Project Gutenberg's '[Footnote 2: …]' (its calls '[2]' restart with
    every letter or chapter: each note takes the nearest mark above that no other note took; a
    note of several paragraphs runs to the one that closes its bracket)."""
    blocks = doc.blocks
    labels = [parse_label(b.text) if b.kind is BlockKind.P else None for b in blocks]
    marks = [lb.mark for lb in labels if lb is not None and lb.form in CALLED_FORMS]
    brackets_unique = len(marks) == len(set(marks))
    for i, b in enumerate(blocks):
        label = labels[i]
        if b.kind is not BlockKind.P or label is None or len(b.text) > MAX_FOOT_NOTE:
            continue
        if label.form in CALLED_FORMS and brackets_unique and not looks_like_entry(label.rest):
            pass   # (an entry of a reference list that numbered citations call is no note)
        elif label.form != "footnote" or label.value is None:
            continue
        mark = f"[{label.mark}]"
        above = _called_above(blocks, i, mark)
        if above is None:
            continue
        rest = _bracket_sequel(blocks, i) if label.form == "footnote" else []
        text = _note_from(b, label, NotePlace.FOOT)
        for para in rest:
            para.kind = BlockKind.NOTE
            text.paragraphs.append(para)
        if rest and rest[-1].text.endswith("]"):
            rest[-1].edit(len(rest[-1].text) - 1, len(rest[-1].text), "")
        text.called = True
        doc.notes.append(text)
        block, at = above
        n = str(text.value) if text.value is not None else text.label
        block.calls.append(NoteCall(at, at + len(mark), Note(n, NotePlace.FOOT, text, label.form, True,
                                                             block.line_at(at))))
        report.recognise(f"found note text {text.label} after the paragraph that calls it", text.line,
                         text.paragraphs[0].text)
        report.recognise(f"paired note call {n} with its text", block.line_at(at), mark)


SEQUEL_REACH = 8       # how many paragraphs a '[Footnote N: …' may run over before its ']'


def _bracket_sequel(blocks: list[Block], i: int) -> list[Block]:
    """The paragraphs that carry on a '[Footnote N: …' whose closing bracket has not come yet."""
    if blocks[i].text.rstrip().endswith("]"):
        return []
    out: list[Block] = []
    for b in blocks[i + 1:i + 1 + SEQUEL_REACH]:
        if b.kind is not BlockKind.P or parse_label(b.text) is not None:
            return []
        out.append(b)
        if b.text.rstrip().endswith("]") and b.text.count("]") > b.text.count("["):
            return out
    return []


def _called_above(blocks: list[Block], i: int, call: str) -> tuple[Block, int] | None:
    """The block above whose text holds the call, and where: the nearest mark no note took yet."""
    for b in reversed(blocks[max(0, i - CALL_REACH):i]):
        if b.kind is BlockKind.HEAD:
            return None
        if b.kind is not BlockKind.P:
            continue
        at = b.text.rfind(call)
        while at > 0:
            if not any(c.start < at + len(call) and at < c.end for c in b.calls):
                return b, at
            at = b.text.rfind(call, 0, at)
    return None


def _flow_before(blocks: list[Block]) -> dict[int, int]:
    """For every block, the index of the last running-text block before it (-1 if none)."""
    out: dict[int, int] = {}
    last = -1
    for i, b in enumerate(blocks):
        out[id(b)] = last
        if b.kind not in (BlockKind.NOTE, BlockKind.REMOVED):
            last = i
    return out
