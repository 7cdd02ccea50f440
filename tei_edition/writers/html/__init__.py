"""TEI → HTML for the print edition.

`translator.py` (one visit method per TEI element) makes the HTML of a document's text, cut into
the runs of pages the PDF writer typesets; `footnotes.py` is the footnote policy, `prelims.py` the
half-title, title page, imprint and contents, `quotations.py` the edition's quotation marks,
`words.py` the addressing of words the layout is read back by, `labels.py` the edition's own
words by language. `tei_to_html` gives the whole document as one HTML page (for a look at the
markup, and for tests); the PDF writer typesets the runs (writers/pdf.py, writers/book.py).
"""
from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from .footnotes import compress_numbers
from .prelims import ContentsLine, contents, front_pages, half_title, imprint, missing_statement, title_page
from .translator import HtmlTranslator, TranslatedDocument


def document_html(doc: TranslatedDocument, tool: str = "tei-edition") -> etree._Element:
    """The whole document as one HTML tree: prelims, text with each chapter's statement of the
    notes the source lacks, contents with page numbers left to the stylesheet."""
    t = doc.translator
    html = t.el("html", lang=doc.lang)
    head = etree.SubElement(html, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    etree.SubElement(head, "title").text = doc.title
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    for a in doc.root.findall(".//t:teiHeader/t:fileDesc/t:titleStmt/t:author", ns):
        text = " ".join("".join(a.itertext()).split())
        if text:
            etree.SubElement(head, "meta", name="author", content=text)
    body = etree.SubElement(html, "body", attrib={"class": "book" if doc.book else "article"})
    body.extend([half_title(doc), title_page(doc), imprint(doc, tool=tool, font="Linux Libertine O", continued=False)])
    body.extend(front_pages(doc))
    lines = [ContentsLine(d.level, d.text, None, d.ident) for d in doc.divisions]
    if len(lines) > 1:
        body.append(contents(doc.lang, lines, t))
    for chunk in doc.chunks:
        elements = list(chunk.elements)
        if chunk.missing and doc.book:
            statement = t.el("p", "missing-notes")
            statement.text = missing_statement(chunk.missing, doc.lang)
            if chunk.opening is not None:
                chunk.opening.addnext(statement)
            else:
                elements.insert(0, statement)
        body.extend(elements)
    return html


def tei_to_html(tree, report=None) -> str:
    """The TEI document as one HTML page."""
    doc = HtmlTranslator(tree, report=report).translate()
    return "<!DOCTYPE html>\n" + lxml_html.tostring(document_html(doc), encoding="unicode", method="html")


__all__ = ["compress_numbers", "document_html", "tei_to_html"]
