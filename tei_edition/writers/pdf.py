"""The print PDF: TEI → HTML (writers/html/) → runs of pages typeset by WeasyPrint with
styles/print.css (writers/makeup.py) → one book (writers/book.py) → PDF.

``write_pdf(tree, path)`` writes the print PDF; ``variant="pdf/a-3b"`` (or any variant the
installed WeasyPrint knows, see ``pdf_variants()``) writes an archival PDF/A, which carries the
files it is given as associated files (`Attached`: the TEI as its source, the BibTeX). A volume of
several TEI documents is writers/volume.py. WeasyPrint is used through its public interface only
(HTML, CSS, render, Document.copy, write_pdf with a finisher); the version the styles are tested
with is pinned in pyproject.toml. Nothing is fetched from the network while rendering.

After layout, what the print could not do as it should is recorded in the conversion report
(stage "pdf"), page by page: `layout_report`.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from ..report import Report
from ..tei.namespaces import TEI_NS
from .atomic import write_atomic

if TYPE_CHECKING:
    from .book import Book
    from .makeup import Typesetter

STYLESHEET = Path("styles") / "print.css"

# Used only when styles/print.css cannot be found (e.g. an installed wheel without the
# repository): a plain but complete page, with footnotes, heads and folios.
FALLBACK_CSS = """
@page { size: 156mm 234mm; margin: 20mm 18mm 22mm 20mm;
  @top-center { content: string(chapter); font-style: italic; font-size: 8.5pt; }
  @bottom-center { content: counter(page); font-size: 8.5pt; }
  @footnote { border-top: 0.4pt solid black; padding-top: 1mm; } }
@page titlepage { @top-center { content: none; } @bottom-center { content: none; } }
html { font-family: "Linux Libertine O", "DejaVu Serif", serif; font-size: 10.5pt;
  line-height: 1.3; hyphens: auto; text-align: justify; }
section.titlepage { page: titlepage; break-after: page; text-align: center; padding-top: 40mm; }
section.titlepage h1 { string-set: chapter attr(data-running); }
section.verso { page: titlepage; break-after: page; font-size: 8.5pt; padding-top: 100mm; }
h2 { string-set: chapter attr(data-running); bookmark-label: attr(data-running); bookmark-level: 1; }
h3 { bookmark-label: attr(data-running); bookmark-level: 2; }
h1, h2, h3, h4 { font-weight: normal; text-align: left; hyphens: manual; break-after: avoid; }
p { margin: 0; text-indent: 1.2em; }
blockquote { margin: 2mm 0 2mm 6mm; font-size: 9.5pt; }
.fn { float: footnote; font-size: 8pt; text-indent: 0; }
.fn::footnote-call { content: attr(data-n); vertical-align: super; font-size: 65%; line-height: 0; }
.fn::footnote-marker { content: attr(data-n) ". "; }
.blk-p, .blk-li, .blk-ol, .blk-ul, .blk-blockquote { display: block; }
sup.call-missing { font-size: 65%; }
p.missing-notes { font-style: italic; font-size: 8pt; text-indent: 0; margin-top: 2mm; }
nav.toc ol { list-style: none; padding: 0; }
nav.toc a::after { content: leader(". ") target-counter(attr(href url), page); }
p.bibl-entry { text-indent: -5mm; padding-left: 5mm; text-align: left; }
"""


def find_stylesheet() -> Path | None:
    """styles/print.css under the current directory, else beside the package's parent directory."""
    here = Path(__file__).resolve()
    for base in (Path.cwd(), here.parents[2], here.parents[1]):
        cand = base / STYLESHEET
        if cand.is_file():
            return cand
    return None


def pdf_variants() -> list[str]:
    """The PDF variants (PDF/A, PDF/UA…) the installed WeasyPrint can write."""
    try:
        from weasyprint.pdf import VARIANTS
    except ImportError:   # pragma: no cover - very old WeasyPrint
        return []
    return list(VARIANTS)


@dataclass(frozen=True)
class Attached:
    """A file embedded in the PDF as an associated file (PDF/A-3): the TEI the PDF was typeset
    from (relationship "Source"), its BibTeX ("Supplement")."""

    name: str
    data: bytes
    description: str
    relationship: str = "Source"     # ISO 32000-2 AFRelationship: Source, Data, Supplement…


def archival_attachments(tei_file: Path, supplements: tuple[Path, ...] = ()) -> tuple[Attached, ...]:
    """What the archival PDF of `tei_file` carries: the TEI it was typeset from, then supplements."""
    out = [Attached(Path(tei_file).name, Path(tei_file).read_bytes(), "TEI P5 source of this PDF", "Source")]
    for path in supplements:
        kind = "BibTeX of the works cited" if Path(path).suffix == ".bib" else "supplement"
        out.append(Attached(Path(path).name, Path(path).read_bytes(), kind, "Supplement"))
    return tuple(out)


def typeset_book(tree, stylesheet: Path | None = None, report: Report | None = None) -> "Book":
    """The made-up book of one TEI document (its runs typeset, its pages in order)."""
    from .book import BookMaker
    from .html.translator import HtmlTranslator
    stage = report.for_stage("pdf") if report is not None else None
    doc = HtmlTranslator(tree, report=stage).translate()
    return BookMaker(typesetter(stylesheet), tool_name()).make(doc)


def typesetter(stylesheet: Path | None = None) -> "Typesetter":
    from .makeup import Typesetter
    return Typesetter(stylesheet or find_stylesheet(), FALLBACK_CSS)


def tool_name() -> str:
    from importlib import metadata
    from .. import __version__
    try:
        weasy = metadata.version("weasyprint")
    except metadata.PackageNotFoundError:   # pragma: no cover
        weasy = "?"
    return f"tei-edition {__version__} (WeasyPrint {weasy})"


def render_pdf(tree, variant: str | None = None, stylesheet: Path | None = None,
               report: Report | None = None, attachments: tuple[Attached, ...] = ()) -> bytes:
    """The PDF bytes for a TEI tree (an lxml ElementTree or root element).

    variant: None for the print PDF, or a WeasyPrint PDF variant such as "pdf/a-3b" (archival;
    WeasyPrint adds the XMP identification and an sRGB output intent, fonts are embedded anyway).
    report: where the layout report goes (stage "pdf"), with the source line of each note
    concerned where the tree carries it (a tree just converted) or its TEI line.
    attachments: files embedded as associated files, dated with the edition's date (the TEI's
    publication date) so that the PDF's bytes do not depend on the clock.
    """
    options = pdf_options(variant, attachments, _edition_time(tree))
    book = typeset_book(tree, stylesheet, report)
    if report is not None:
        from .qa import layout_report
        layout_report(book, report)
    return write_book(book, options)


def pdf_options(variant: str | None, attachments: tuple[Attached, ...], when: datetime.datetime) -> dict:
    options: dict = {}
    if variant:
        known = pdf_variants()
        if variant not in known:
            raise ValueError(f"unknown PDF variant {variant!r} (this WeasyPrint knows: {', '.join(known)})")
        options["pdf_variant"] = variant
    if attachments:
        options["attachments"] = [_attachment(a, when) for a in attachments]
    return options


def write_book(book: "Book", options: dict) -> bytes:
    """The PDF of a made-up book: its pages, the first run's metadata, its page labels."""
    document = book.metadata_document.copy(book.pages())
    return document.write_pdf(finisher=lambda _doc, pdf: add_page_labels(pdf, book.page_labels()), **options)


def add_page_labels(pdf, labels) -> None:
    """The PDF's page labels (ISO 32000 12.4.2) say what the folios say: i, ii … then 1, 2 …"""
    import pydyf
    from .book import Numbering
    nums = pydyf.Array()
    for index, numbering in labels:
        nums.append(index)
        nums.append(pydyf.Dictionary({"S": "/r" if numbering is Numbering.ROMAN else "/D", "St": 1}))
    pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": nums})


def _root(tree):
    return tree.getroot() if hasattr(tree, "getroot") else tree


def _attachment(a: Attached, when: datetime.datetime):
    from weasyprint import Attachment
    return Attachment(string=a.data, name=a.name, description=a.description, relationship=a.relationship,
                      created=when, modified=when)


def _edition_time(tree) -> datetime.datetime:
    """Midnight (UTC) of the TEI's publication date; the Unix epoch where it has none."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    date = root.find(f".//{{{TEI_NS}}}publicationStmt/{{{TEI_NS}}}date")
    when = (date.get("when") or date.text or "") if date is not None else ""
    try:
        day = datetime.date.fromisoformat(when[:10])
    except ValueError:
        day = datetime.date(1970, 1, 1)
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc)


def write_pdf(tree, path: Path, variant: str | None = None, report: Report | None = None,
              attachments: tuple[Attached, ...] = ()) -> None:
    """Typeset the TEI tree and write the PDF to path atomically (tempfile + rename)."""
    data = render_pdf(tree, variant=variant, report=report, attachments=attachments)
    write_atomic(Path(path), data)
