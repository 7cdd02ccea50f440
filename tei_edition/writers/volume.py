"""The edition volume (`edition.pdf`): every source of the edition as a part of one book, with one
bibliography of the works all of them cite and one index of the persons all of them name.

The volume's prelims (roman folios) are its half-title, its title page (the edition's title, its
editors and publisher), its imprint (the edition's publisher, date and licence, the tool, and
the sources it gathers) and its contents (each part with its chapters, not their sections). Each part opens on a
recto with its part title ("Part 2", the source's title and author), the imprint of its source on
the verso (as the source's own PDF has it), then its text. The pages of the text are numbered in
arabic figures through the volume; the index gives those numbers. The archival variant carries
every TEI file of the volume (and any supplement given) as associated files.

    write_volume([Path("out/a.xml"), Path("out/b.xml")], Path("out/edition.pdf"), report, edition=ed)
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from ..metadata import Edition
from ..report import Report
from .atomic import write_atomic
from .book import FONT, Book, BookMaker, Numbering, Sequence, contents_lines
from .html.labels import label
from .html.prelims import contents, format_date, imprint
from .html.translator import HtmlTranslator, TranslatedDocument
from .makeup import HeadMeta, Run, RunKind

if TYPE_CHECKING:
    from .pdf import Attached


@dataclass(frozen=True)
class VolumeInfo:
    """What the volume's own pages say: the edition's title, editors, publisher, date, licence."""

    title: str
    editors: tuple[str, ...] = ()
    publisher: str = ""
    date: str = ""
    licence: str = ""
    licence_url: str = ""

    @classmethod
    def of(cls, edition: Edition | None, docs: list[TranslatedDocument]) -> "VolumeInfo":
        edition = edition or Edition()
        title = edition.title or " · ".join(d.title for d in docs)
        return cls(title, tuple(edition.editors), edition.publisher or "", edition.date or "",
                   edition.licence or "", edition.licence_url or "")


class VolumeMaker(BookMaker):
    """Makes up the volume of several documents."""

    def make_volume(self, docs: list[TranslatedDocument], info: VolumeInfo) -> Book:
        lead = docs[0]
        head = HeadMeta(info.title, info.editors, "", info.date)
        text = Sequence(Numbering.ARABIC)
        for number, doc in enumerate(docs, start=1):
            text.place(self.typesetter, self.part_run(doc, number, head), None)
            front, body = self.text_runs(doc, head, doc.title)
            for run in front + body:
                run.recto = doc.book or run is (front + body)[0]
                text.place(self.typesetter, run, doc)
        bib = self.bibliography(docs, lead, head, info.title, True)
        if bib is not None:
            text.place(self.typesetter, bib, None)
        book = Book(Sequence(Numbering.ROMAN), text, self.typesetter, None)
        index = self.index(book, docs, lead, head, info.title, True)
        if index is not None:
            text.place(self.typesetter, index, None)
        prelims = Sequence(Numbering.ROMAN)
        book.prelims = prelims
        for _ in range(2):        # the contents' length does not depend on the pages of the text
            prelims = Sequence(Numbering.ROMAN)
            prelims.place(self.typesetter, self.volume_prelims(lead, docs, info, head,
                                                               contents_lines(book, docs, depth=1)), None)
        book.prelims = prelims
        book.metadata_document = prelims.placements[0].typeset.document
        return book

    def volume_prelims(self, lead: TranslatedDocument, docs: list[TranslatedDocument], info: VolumeInfo,
                       head: HeadMeta, lines) -> Run:
        t = lead.translator
        lang = lead.lang
        half = t.el("section", "half-title")
        p = t.el("p", "half-title-text")
        p.text = info.title
        half.append(p)
        title = t.el("section", "titlepage")
        h = t.el("h1", "title", data_running=info.title)
        h.text = info.title
        title.append(h)
        for editor in info.editors:
            e = t.el("p", "author")
            e.text = editor
            title.append(e)
        if info.publisher:
            e = t.el("p", "tp-publisher")
            e.text = info.publisher
            title.append(e)
        verso = t.el("section", "imprint")
        edition = t.el("p", "edition")
        cap = t.el("span", "caption")
        cap.text = label("this_edition", lang) + ": "
        cap.tail = ", ".join(x for x in (info.publisher, format_date(info.date, lang)) if x) + "."
        edition.append(cap)
        verso.append(edition)
        for number, doc in enumerate(docs, start=1):
            e = t.el("p", "source")
            e.text = f"{label('part', lang, number=str(number))}: {doc.title}"
            verso.append(e)
        if info.licence:
            e = t.el("p", "licence")
            e.text = info.licence
            if info.licence_url:
                url = t.el("span", "url")
                url.text = info.licence_url
                e.text += " "
                e.append(url)
            verso.append(e)
        e = t.el("p", "typeset")
        e.text = label("typeset", lang, tool=self.tool, font=FONT)
        verso.append(e)
        content = [half, title, verso]
        if lines:
            content.append(contents(lang, lines, t))
        return self.run("volume prelims", RunKind.PRELIMS, content, lead, {"booktitle": info.title, "chapter": ""},
                        head, recto=True, classes="roman", fixable=False)

    def part_run(self, doc: TranslatedDocument, number: int, head: HeadMeta) -> Run:
        """A part's title on a recto, its source's imprint on the verso."""
        t = doc.translator
        part = t.el("section", "part-title", data_running=doc.title)
        part.set("id", t.ids.new("part"))
        n = t.el("p", "part-number")
        n.text = label("part", doc.lang, number=str(number))
        part.append(n)
        name = t.el("p", "part-name")
        name.text = doc.title
        part.append(name)
        ns = {"t": "http://www.tei-c.org/ns/1.0"}
        for a in doc.root.findall(".//t:teiHeader/t:fileDesc/t:titleStmt/t:author", ns):
            text = " ".join("".join(a.itertext()).split())
            if text:
                e = t.el("p", "part-author")
                e.text = text
                part.append(e)
        verso = imprint(doc, tool=self.tool, font=FONT, continued=True)
        verso.set("class", "part-imprint")
        run = self.run(doc.title, RunKind.PART, [part, verso], doc, {"booktitle": doc.title, "chapter": doc.title},
                       head, recto=True, fixable=False)
        run.strings = {"booktitle": doc.title, "chapter": doc.title}
        return run


def translate_all(trees: list[etree._ElementTree], report: Report | None) -> list[TranslatedDocument]:
    stage = report.for_stage("pdf") if report is not None else None
    return [HtmlTranslator(tree, prefix=f"d{k}-", report=stage).translate() for k, tree in enumerate(trees, start=1)]


def typeset_volume(trees: list[etree._ElementTree], report: Report | None = None, edition: Edition | None = None,
                   stylesheet: Path | None = None) -> Book:
    from .pdf import tool_name, typesetter
    docs = translate_all(trees, report)
    maker = VolumeMaker(typesetter(stylesheet), tool_name())
    return maker.make_volume(docs, VolumeInfo.of(edition, docs))


def render_volume(trees: list[etree._ElementTree], report: Report | None = None, variant: str | None = None,
                  edition: Edition | None = None, attachments: tuple["Attached", ...] = (),
                  stylesheet: Path | None = None) -> bytes:
    from .pdf import _edition_time, pdf_options, write_book
    if not trees:
        raise ValueError("a volume needs at least one TEI document")
    options = pdf_options(variant, attachments, _edition_time(trees[0]))
    book = typeset_volume(trees, report, edition, stylesheet)
    if report is not None:
        from .qa import layout_report
        layout_report(book, report)
    return write_book(book, options)


def write_volume(tei_paths: list[Path], target: Path, report: Report | None = None, variant: str | None = None,
                 edition: Edition | None = None, supplements: tuple[Path, ...] = ()) -> None:
    """Typeset the TEI files as the parts of one volume and write it to `target` atomically. With
    an archival `variant` ("pdf/a-3b"), every TEI file is embedded as a source of the PDF and
    each of `supplements` (the edition's works-cited.bib, say) as a supplement."""
    from ..validation import parse_xml
    from .pdf import archival_attachments
    trees = [parse_xml(Path(p)) for p in tei_paths]
    attachments: tuple = ()
    if variant:
        attachments = tuple(a for k, p in enumerate(tei_paths)
                            for a in archival_attachments(Path(p), tuple(supplements) if k == len(tei_paths) - 1 else ()))
    write_atomic(Path(target), render_volume(trees, report, variant, edition, attachments))


__all__ = ["VolumeInfo", "VolumeMaker", "render_volume", "typeset_volume", "write_volume"]
