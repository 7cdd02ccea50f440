"""The print PDF: TEI → HTML (writers/html.py) → WeasyPrint with styles/print.css.

``write_pdf(tree, path)`` writes the print PDF; ``variant="pdf/a-3b"`` (or any variant the
installed WeasyPrint knows, see ``pdf_variants()``) writes an archival PDF/A instead.
"""
from __future__ import annotations

import datetime
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from ..report import Report
from ..tei.lines import line_at
from ..tei.namespaces import TEI_NS, XML_ID
from .atomic import write_atomic
from .html import tei_to_html

if TYPE_CHECKING:
    import weasyprint
    from lxml import etree

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


_PATCHED: bool | None = None


def keep_footnotes_with_calls() -> bool:
    """Stop WeasyPrint from moving a page's footnotes to the next page to fit more text.

    Since WeasyPrint 66 (Kozea/WeasyPrint#2437), when a line overflows a page and widows/orphans
    forbid breaking before it, the layout "reports" the page's footnotes to the following page so
    that the line fits, leaving their calls behind: CSS allows that under footnote-policy: auto,
    but an edition wants every footnote on the page of its call (and the report even ignores
    footnote-policy: line). We switch off that one decision, so the line breaks as WeasyPrint did
    before (the paragraph goes on on the next page, its footnotes with it). The patch recompiles
    WeasyPrint's own _linebox_layout with that single statement changed; when the statement is not
    there (another WeasyPrint version) nothing is changed, and check_footnotes() still reports
    any footnote that lands on another page than its call.
    """
    global _PATCHED
    if _PATCHED is not None:
        return _PATCHED
    _PATCHED = False
    try:
        import inspect
        import textwrap

        from weasyprint.layout import block

        func = block._linebox_layout
        src = textwrap.dedent(inspect.getsource(func))
        old = "report = not context.in_column and can_break_now and not could_break_before"
        if src.count(old) != 1:
            return False
        namespace = dict(block.__dict__)
        exec(compile(src.replace(old, "report = False"), block.__file__, "exec"), namespace)
        block._linebox_layout = namespace["_linebox_layout"]
        _PATCHED = True
    except Exception:   # pragma: no cover - never let the patch break rendering
        logging.getLogger(__name__).debug("footnote patch not applied", exc_info=True)
    return _PATCHED


def footnote_pages(document) -> dict[str, tuple[int, int]]:
    """For each footnote id: (page of its call, page of its text), 1-based; 0 if not found."""
    calls: dict[str, int] = {}
    bodies: dict[str, int] = {}

    def walk(box, page, in_area):
        for child in getattr(box, "children", None) or []:
            tag = getattr(child, "element_tag", "") or ""
            el = getattr(child, "element", None)
            if el is not None and "fn" in (el.get("class") or "").split():
                ident = el.get("id")
                if tag.endswith("::footnote-call"):
                    calls.setdefault(ident, page)
                elif in_area and not tag.endswith("::footnote-marker"):
                    bodies.setdefault(ident, page)
            walk(child, page, in_area or type(child).__name__ == "FootnoteAreaBox")

    for number, page in enumerate(document.pages, start=1):
        walk(page._page_box, number, False)
    return {i: (calls.get(i, 0), bodies.get(i, 0)) for i in {*calls, *bodies}}


def check_footnotes(document) -> list[tuple[str, int, int]]:
    """Footnotes whose text is not on the page of its call: (id, call page, text page)."""
    return sorted((i, c, b) for i, (c, b) in footnote_pages(document).items() if c != b)


def _quiet_weasyprint() -> None:
    # WeasyPrint logs every CSS property it ignores at WARNING level; that is noise on a build's
    # terminal. Errors are still shown.
    for name in ("weasyprint", "weasyprint.progress"):
        logging.getLogger(name).setLevel(logging.ERROR)


def render_document(tree: "etree._ElementTree", stylesheet: Path | None = None) -> "weasyprint.Document":
    """The laid-out WeasyPrint document (pages, bookmarks) for a TEI tree."""
    from weasyprint import CSS, HTML

    _quiet_weasyprint()
    keep_footnotes_with_calls()
    html_text = tei_to_html(tree)
    css_path = stylesheet or find_stylesheet()
    css = CSS(filename=str(css_path)) if css_path is not None else CSS(string=FALLBACK_CSS)
    base = str(css_path.parent) if css_path is not None else os.getcwd()
    return HTML(string=html_text, base_url=base).render(stylesheets=[css])


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


def render_pdf(tree, variant: str | None = None, stylesheet: Path | None = None,
               report: Report | None = None, attachments: tuple[Attached, ...] = ()) -> bytes:
    """The PDF bytes for a TEI tree (an lxml ElementTree or root element).

    variant: None for the print PDF, or a WeasyPrint PDF variant such as "pdf/a-3b" (archival;
    WeasyPrint adds the XMP identification and an sRGB output intent, fonts are embedded anyway).
    report: where what the layout could not do is recorded (stage "pdf"), with the source line
    of the note concerned where the tree carries it (a tree just converted) or its TEI line.
    attachments: files embedded as associated files, dated with the edition's date (the TEI's
    publication date) so that the PDF's bytes do not depend on the clock.
    """
    options: dict = {}
    if variant:
        known = pdf_variants()
        if variant not in known:
            raise ValueError(f"unknown PDF variant {variant!r} (this WeasyPrint knows: {', '.join(known)})")
        options["pdf_variant"] = variant
    if attachments:
        options["attachments"] = [_attachment(a, _edition_time(tree)) for a in attachments]
    document = render_document(tree, stylesheet)
    if report is not None:
        _report_misplaced(tree, check_footnotes(document), report)
    return document.write_pdf(**options)


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


def _report_misplaced(tree, misplaced: list[tuple[str, int, int]], report: Report) -> None:
    """A footnote the layout could not keep on the page of its call is a warning of the report."""
    stage = report.for_stage("pdf")
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    notes = {e.get(XML_ID): e for e in root.iter() if e.get(XML_ID)} if misplaced else {}
    for ident, call_page, text_page in misplaced:
        note = notes.get(ident)
        line = line_at(note) if note is not None else None            # the source's line…
        tei_line = note.sourceline if note is not None and line is None else None   # …or the file's
        stage.warn("footnote not on the page of its call", line,
                   f"note {ident}: call on p. {call_page}, text on p. {text_page}"
                   + (f" (TEI line {tei_line})" if tei_line else ""))


def write_pdf(tree, path: Path, variant: str | None = None, report: Report | None = None,
              attachments: tuple[Attached, ...] = ()) -> None:
    """Typeset the TEI tree and write the PDF to path atomically (tempfile + rename)."""
    data = render_pdf(tree, variant=variant, report=report, attachments=attachments)
    write_atomic(Path(path), data)
