"""Making up a book from typeset runs of pages: the order of the prelims, the text and the back
matter, their numbering, and the pages that need numbers of other pages (contents, index).

A book is a sequence of runs (writers/makeup.py), each typeset alone and placed after the one
before it:

1. the text: the chapters of a book (each on a recto) or an article's one run, then the text's
   own back matter, all numbered in arabic figures from 1 (the first page of the text is a recto);
2. the bibliography of works cited (html/back matter, writers/bibliography.py) and the index of
   persons (writers/index.py), whose page numbers are those the text was typeset on;
3. the prelims, numbered in roman figures: half-title (its verso blank), title page, imprint on
   its verso, the dedication or epigraph on a recto, the contents on a recto (for a text with more
   than one division, with the page of each division), then the front matter (a preface).

Where a run must begin on a recto and the page before it is one too, a blank verso is put in.
The PDF's page labels say the same as the folios (i, ii … then 1, 2 …). A volume (writers/volume.py)
puts each document after its part title and shares one bibliography and one index.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from lxml import etree

from .bibliography import bibliography_entries, merge_works, works_of
from .html.labels import label
from .html.prelims import ContentsLine, contents, front_pages, half_title, imprint, missing_statement, title_page
from .html.translator import ChunkRole, TranslatedDocument, header_title
from .hyphenation import HyphenationCounts, counts, hyphenation_language
from .index import Placed, index_entries, index_html, persons_of
from .makeup import HeadMeta, Run, RunKind, Typeset, Typesetter

FONT = "Linux Libertine O"


class Numbering(Enum):
    ROMAN = "roman"          # the prelims and the front matter
    ARABIC = "arabic"        # the text and the back matter


def roman(n: int) -> str:
    out = []
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def folio(number: int, numbering: Numbering) -> str:
    return roman(number) if numbering is Numbering.ROMAN else str(number)


@dataclass
class Placement:
    """A typeset run as the book holds it."""

    typeset: Typeset
    numbering: Numbering
    owner: TranslatedDocument | None       # the document whose text it sets (None: the book's own pages)

    @property
    def start(self) -> int:
        return self.typeset.start

    def label(self, page_index: int) -> str:
        return folio(self.start + page_index, self.numbering)


@dataclass
class Sequence:
    """Runs of one numbering placed one after the other, with the blank versos between them."""

    numbering: Numbering
    items: list[Placement | None] = field(default_factory=list)     # None: a blank page
    next_number: int = 1

    def place(self, typesetter: Typesetter, run: Run, owner: TranslatedDocument | None) -> Placement:
        if run.recto and self.next_number % 2 == 0:
            self.items.append(None)
            self.next_number += 1
        typeset = typesetter.typeset(run, self.next_number, left=self.next_number % 2 == 0)
        placement = Placement(typeset, self.numbering, owner)
        self.items.append(placement)
        self.next_number += typeset.page_count
        return placement

    def pages(self, typesetter: Typesetter) -> list[Any]:
        out = []
        for item in self.items:
            out.extend([typesetter.blank_page()] if item is None else item.typeset.document.pages)
        return out

    def page_count(self) -> int:
        return self.next_number - 1

    @property
    def placements(self) -> list[Placement]:
        return [p for p in self.items if p is not None]


@dataclass
class Book:
    """The made-up book: its pages in order and where each run stands."""

    prelims: Sequence
    text: Sequence
    typesetter: Typesetter
    metadata_document: Any

    def pages(self) -> list[Any]:
        blank = [self.typesetter.blank_page()] if self.prelims.page_count() % 2 else []
        return self.prelims.pages(self.typesetter) + blank + self.text.pages(self.typesetter)

    def prelim_pages(self) -> int:
        """The pages before the text: the prelims, and a blank verso when they end on a recto
        (the text opens on a recto)."""
        count = self.prelims.page_count()
        return count + count % 2

    @property
    def placements(self) -> list[Placement]:
        return self.prelims.placements + self.text.placements

    def page_labels(self) -> list[tuple[int, Numbering]]:
        """(index of the first page, numbering) of each numbering, for the PDF's page labels."""
        out = [(0, Numbering.ROMAN)]
        if self.text.items:
            out.append((self.prelim_pages(), Numbering.ARABIC))
        return out

    def physical(self, placement: Placement, page_index: int) -> int:
        """The 0-based index in the PDF of a run's page."""
        offset = 0 if placement.numbering is Numbering.ROMAN else self.prelim_pages()
        return offset + placement.start - 1 + page_index

    def hyphenation(self) -> HyphenationCounts:
        totals = [0, 0, 0, 0, 0]
        for p in self.placements:
            c = counts(p.typeset.facts, p.typeset.run.goes_on)
            for k, v in enumerate((c.lines, c.hyphenated, c.leaf_turns, c.ladders, c.names_broken)):
                totals[k] += v
        return HyphenationCounts(*totals)


# --------------------------------------------------------------------------- the runs

def head_meta(doc: TranslatedDocument, title: str | None = None) -> HeadMeta:
    root = doc.root
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    authors = tuple(" ".join("".join(a.itertext()).split())
                    for a in root.findall(".//t:teiHeader/t:fileDesc/t:titleStmt/t:author", ns))
    date = root.find(".//t:teiHeader/t:fileDesc/t:publicationStmt/t:date", ns)
    when = (date.get("when") or "") if date is not None else ""
    note = root.find(".//t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl/t:note", ns)
    description = " ".join("".join(note.itertext()).split()) if note is not None else ""
    return HeadMeta(title or doc.title, tuple(a for a in authors if a), description, when)


class BookMaker:
    """Makes up the book of one document, or a volume of several (`volume.py`)."""

    def __init__(self, typesetter: Typesetter, tool: str) -> None:
        self.typesetter = typesetter
        self.tool = tool

    def run(self, name: str, kind: RunKind, content: list[etree._Element], doc: TranslatedDocument,
            strings: dict[str, str], head: HeadMeta, *, recto: bool, classes: str = "",
            fixable: bool = True) -> Run:
        base = "book" if doc.book else "article"
        return Run(name, kind, content, doc.lang, hyphenation_language(doc.lang), f"{base} {kind.value} {classes}".strip(),
                   strings, head, recto=recto, fixable=fixable, owner=doc)

    # ------------------------------------------------------------------ the text

    def text_runs(self, doc: TranslatedDocument, head: HeadMeta, booktitle: str) -> tuple[list[Run], list[Run]]:
        """The runs of the document's front matter (roman) and of its text and back (arabic)."""
        front, text = [], []
        for chunk in doc.chunks:
            content = list(chunk.elements)
            if chunk.missing and doc.book:
                statement = doc.translator.el("p", "missing-notes")
                statement.text = missing_statement(chunk.missing, doc.lang)
                opening = chunk.opening
                if opening is not None:
                    opening.addnext(statement)
                else:
                    content.insert(0, statement)
            kind = {ChunkRole.FRONT: RunKind.FRONT, ChunkRole.BODY: RunKind.BODY, ChunkRole.BACK: RunKind.BACK}[chunk.role]
            run = self.run(chunk.name, kind, content, doc, {"booktitle": booktitle, "chapter": chunk.running},
                           head, recto=doc.book or not text, classes="roman" if kind is RunKind.FRONT else "")
            (front if kind is RunKind.FRONT else text).append(run)
        return front, text

    def back_matter_run(self, doc: TranslatedDocument, kind: RunKind, heading: str, ident: str,
                        body: list[etree._Element], head: HeadMeta, booktitle: str, book: bool) -> Run:
        t = doc.translator
        section = t.el("section", f"back-matter {kind.value}-list")
        section.set("id", ident)
        h = t.el("h2", "back-head", data_running=heading)
        h.text = heading
        section.append(h)
        for e in body:
            section.append(e)
        return self.run(heading, kind, [section], doc, {"booktitle": booktitle, "chapter": heading}, head,
                        recto=book, fixable=kind is not RunKind.INDEX)

    def bibliography(self, docs: list[TranslatedDocument], owner: TranslatedDocument, head: HeadMeta,
                     booktitle: str, book: bool) -> Run | None:
        works = merge_works([works_of(d.root) for d in docs])
        if not works:
            return None
        entries = bibliography_entries(works, owner.translator.el, prefix="bib-")
        return self.back_matter_run(owner, RunKind.BACK, label("bibliography", owner.lang), "bibliography",
                                    entries, head, booktitle, book)

    def index(self, book: Book, docs: list[TranslatedDocument], owner: TranslatedDocument, head: HeadMeta,
              booktitle: str, is_book: bool) -> Run | None:
        persons: dict = {}
        for d in docs:
            for ident, person in persons_of(d.root).items():
                persons.setdefault(ident, person)
        placed = []
        for placement in book.placements:
            if placement.owner is None or placement.typeset.run.kind is RunKind.INDEX:
                continue
            for m in placement.typeset.facts.mentions:
                placed.append(Placed(m.ref, book.physical(placement, m.page), placement.label(m.page),
                                     m.in_note, m.ident))
        entries = index_entries(persons, placed)
        if not entries:
            return None
        body = index_html(entries, owner.translator.el, label("note_mark", owner.lang), label("see", owner.lang))
        return self.back_matter_run(owner, RunKind.INDEX, label("index_of_persons", owner.lang), "index-of-persons",
                                    body, head, booktitle, is_book)

    # ------------------------------------------------------------------ the prelims

    def prelims_run(self, doc: TranslatedDocument, head: HeadMeta, lines: list[ContentsLine],
                    continued: bool) -> Run:
        content = [half_title(doc), title_page(doc), imprint(doc, tool=self.tool, font=FONT, continued=continued)]
        content.extend(front_pages(doc))
        if len(doc.divisions) > 1:          # a text of one division needs no contents
            content.append(contents(doc.lang, lines, doc.translator))
        return self.run("prelims", RunKind.PRELIMS, content, doc, {"booktitle": head.title, "chapter": ""},
                        head, recto=True, classes="roman", fixable=False)

    # ------------------------------------------------------------------ one document

    def make(self, doc: TranslatedDocument) -> Book:
        head = head_meta(doc)
        booktitle = doc.title
        front_runs, text_runs = self.text_runs(doc, head, booktitle)
        text = Sequence(Numbering.ARABIC)
        for run in text_runs:
            text.place(self.typesetter, run, doc)
        bib = self.bibliography([doc], doc, head, booktitle, doc.book)
        if bib is not None:
            text.place(self.typesetter, bib, None)
        book = Book(Sequence(Numbering.ROMAN), text, self.typesetter, None)
        index = self.index(book, [doc], doc, head, booktitle, doc.book)
        if index is not None:
            text.place(self.typesetter, index, None)
        continued = any(p.typeset.splits.by_note for p in text.placements)
        book.prelims = self.prelims(book, doc, head, front_runs, continued)
        book.metadata_document = book.prelims.placements[0].typeset.document
        return book

    def prelims(self, book: Book, doc: TranslatedDocument, head: HeadMeta, front_runs: list[Run],
                continued: bool) -> Sequence:
        """The prelims and the front matter after them. The contents list the front matter's
        pages, which depend on the prelims' length: they are set again until the pages they list
        are those the front matter was set on (three times at most)."""
        previous: list[int] | None = None
        sequence = book.prelims
        for _ in range(3):
            lines = contents_lines(book, [doc])
            sequence = Sequence(Numbering.ROMAN)
            sequence.place(self.typesetter, self.prelims_run(doc, head, lines, continued), None)
            for front in front_runs:
                sequence.place(self.typesetter, front, doc)
            book.prelims = sequence
            starts = [p.start for p in sequence.placements[1:]]
            if not front_runs or starts == previous:
                break
            previous = starts
        return sequence


def contents_lines(book: Book, docs: list[TranslatedDocument], depth: int = 2) -> list[ContentsLine]:
    """The contents: each document's divisions with the label of the page they begin on, and the
    back matter of the book."""
    placements = book.placements
    # the documents' divisions, in the order of their runs
    by_run: dict[int, Placement] = {}
    for placement in placements:
        if placement.owner is not None and placement.typeset.run.kind in (RunKind.FRONT, RunKind.BODY, RunKind.BACK):
            by_run[id(placement.typeset.run)] = placement
    ordered: list[tuple[int, ContentsLine]] = []
    for k, placement in enumerate(placements):
        run = placement.typeset.run
        if run.kind is RunKind.PART:
            ordered.append((k, ContentsLine(0, run.strings.get("chapter", ""), placement.label(0),
                                            run.content[0].get("id") or "")))
            continue
        if id(run) in by_run:
            doc = placement.owner
            anchors = placement.typeset.facts.anchor_page
            for division in doc.divisions:
                if division.ident in anchors and division.level <= depth:
                    ordered.append((k, ContentsLine(division.level, division.text,
                                                    placement.label(anchors[division.ident]), division.ident)))
        elif placement.owner is None and run.content and run.content[0].get("id"):
            ordered.append((k, ContentsLine(1, run.name, placement.label(0), run.content[0].get("id"))))
    return [line for _, line in ordered]


__all__ = ["Book", "BookMaker", "FONT", "Numbering", "Placement", "Sequence", "contents_lines", "folio",
           "head_meta", "header_title", "roman"]
