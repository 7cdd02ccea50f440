"""The print PDF: TEI → HTML (writers/html.py) → WeasyPrint with styles/print.css.

``write_pdf(tree, path)`` writes the print PDF; ``variant="pdf/a-3b"`` (or any variant the
installed WeasyPrint knows, see ``pdf_variants()``) writes an archival PDF/A instead.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from .atomic import write_atomic
from .html import tei_to_html

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


def _quiet_weasyprint() -> None:
    # WeasyPrint logs every CSS property it ignores at WARNING level; that is noise on a build's
    # terminal. Errors are still shown.
    for name in ("weasyprint", "weasyprint.progress"):
        logging.getLogger(name).setLevel(logging.ERROR)


def render_pdf(tree, variant: str | None = None, stylesheet: Path | None = None) -> bytes:
    """The PDF bytes for a TEI tree (an lxml ElementTree or root element)."""
    from weasyprint import CSS, HTML

    _quiet_weasyprint()
    html_text = tei_to_html(tree)
    css_path = stylesheet or find_stylesheet()
    if css_path is not None:
        css = CSS(filename=str(css_path))
    else:
        css = CSS(string=FALLBACK_CSS)
    options: dict = {"stylesheets": [css]}
    if variant:
        known = pdf_variants()
        if variant not in known:
            raise ValueError(f"unknown PDF variant {variant!r} (this WeasyPrint knows: {', '.join(known)})")
        options["pdf_variant"] = variant
    base = str(css_path.parent) if css_path is not None else os.getcwd()
    doc = HTML(string=html_text, base_url=base).render(stylesheets=[css])
    return doc.write_pdf(**{k: v for k, v in options.items() if k != "stylesheets"})


def write_pdf(tree, path: Path, variant: str | None = None) -> None:
    """Typeset the TEI tree and write the PDF to path atomically (tempfile + rename)."""
    data = render_pdf(tree, variant=variant)
    write_atomic(Path(path), data)
