"""The PDF writer (TEI → HTML → WeasyPrint).

Small hand-made TEI documents, rendered for real; one test renders the smallest source. The checks
that need poppler-utils (pdffonts, pdftotext, pdfinfo) are skipped without them. The BibTeX
writer's tests are in tests/writers/test_bibtex.py.
"""
from __future__ import annotations

import random
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from lxml import etree

from tei_edition.writers.html import compress_numbers, tei_to_html
from tei_edition.writers.pdf import find_stylesheet, pdf_variants, render_document, render_pdf, write_pdf

ROOT = Path(__file__).resolve().parents[1]
TEI = "http://www.tei-c.org/ns/1.0"
HAVE_POPPLER = all(shutil.which(t) for t in ("pdffonts", "pdftotext", "pdfinfo"))


def tei_doc(body: str, front: str = "", back: str = "", title: str = "A Test Edition",
            author: str = "Ada Author") -> etree._ElementTree:
    xml = f"""<TEI xmlns="{TEI}" xmlns:w="urn:tei-edition:internal" xml:lang="en">
  <teiHeader><fileDesc>
    <titleStmt><title type="main">{title}</title><author>{author}</author></titleStmt>
    <publicationStmt><publisher>p</publisher><date when="2024-01-02">2024</date>
      <availability><licence>Public domain</licence></availability></publicationStmt>
    <sourceDesc><bibl><title>{title}</title><author>{author}</author></bibl></sourceDesc>
  </fileDesc></teiHeader>
  <text xml:lang="en">
    <front><titlePage><docTitle><titlePart type="main">{title}</titlePart></docTitle>
      <byline><docAuthor>{author}</docAuthor></byline></titlePage>{front}</front>
    <body>{body}</body>
    {f'<back>{back}</back>' if back else ''}
  </text>
</TEI>"""
    return etree.ElementTree(etree.fromstring(xml))


FILLER = ("The committee met again in the spring and the discussion turned, as it always did, to the "
          "question of the harvest, the price of grain and the temper of the villages. ")


def page_texts(pdf: Path) -> list[str]:
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                              text=True).stdout).group(1))
    return [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True,
                           text=True).stdout for n in range(1, pages + 1)]


def pdf_streams(data: bytes) -> bytes:
    """The PDF's bytes with its compressed streams inflated (for searching without poppler)."""
    out = [data]
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            out.append(zlib.decompress(m.group(1)))
        except zlib.error:
            pass
    return b"\n".join(out)


# --------------------------------------------------------------------------- HTML

def test_html_maps_structure_and_ignores_working_attributes():
    tree = tei_doc(
        '<div type="chapter" w:line="3"><head w:line="3">One<note n="1" xml:id="n1" place="foot">Head note.</note></head>'
        '<p w:line="4">Text with <hi rend="italic">emphasis</hi> and <persName ref="#p1">Karl Marx</persName>'
        '<note n="2" xml:id="n2" place="foot">A note with <note n="a">an inner note</note> and'
        '<list rend="bulleted"><item>one</item><item>two</item></list></note>.</p>'
        '<quote><p>Quoted one.</p><p>Quoted two.</p></quote>'
        '<list rend="numbered"><item n="1">first</item><item n="2">second</item></list></div>',
        front='<divGen type="toc"/>')
    html = tei_to_html(tree)
    assert "urn:tei-edition:internal" not in html and "w:line" not in html
    assert '<html lang="en">' in html
    assert '<meta name="author" content="Ada Author">' in html
    assert '<h2 class="head-chapter chapter-head" data-running="One"' in html       # no note text in it
    assert '<em>emphasis</em>' in html
    assert '<span class="persname">Karl Marx</span>' in html
    assert 'class="fn" data-n="2"' in html
    assert "[a: an inner note]" in html                     # a note in a note is not floated
    assert '<span class="blk-ul list">' in html              # block in a footnote: display:block spans
    assert "<blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>" in html
    assert '<a href="#sec-1">One</a>' in html                # contents entry
    # every word of the text is kept
    for word in ("first", "second", "Quoted", "inner", "Head note"):
        assert word in html


def test_html_notes_unanchored_author_and_missing():
    tree = tei_doc(
        '<div type="chapter"><head>Ch</head>'
        '<p>a<note n="1" place="end" type="missing"><gap reason="missing"/></note> '
        'b<note n="2" place="end" type="missing"><gap reason="missing"/></note> '
        'c<note n="3" place="end" type="missing"><gap reason="missing"/></note> '
        'd<note n="5" place="end"><gap reason="missing"/></note> '
        'e<note n="4" place="foot" anchored="false">Placed by the editor.</note> '
        'f<note n="1" place="end" type="author">The author speaks.</note></p></div>')
    html = tei_to_html(tree)
    assert html.count('class="call-missing"') == 4
    assert "The source gives no text for notes 1\u20133, 5 of this chapter." in html
    assert 'data-n="4\u2020"' in html
    assert 'data-n="1*"' in html
    assert "[missing]" not in html


def test_compress_numbers():
    assert compress_numbers(["1", "2", "3", "5", "7", "8", "x"]) == "1\u20133, 5, 7, 8, x"
    assert compress_numbers([]) == ""


# --------------------------------------------------------------------------- PDF

def small_book() -> etree._ElementTree:
    paras = []
    for i in range(1, 41):
        note = (f'<note n="{i}" xml:id="n{i}" place="foot">zn{i:02d} Leon Trotsky, My Life, p. {i}.</note>'
                if i % 3 == 0 else "")
        paras.append(f"<p>{FILLER * 2}zc{i:02d}{note} {FILLER}</p>")
    body = ('<div type="chapter"><head>The First Chapter</head>' + "".join(paras[:20]) +
            '<quote><p>A block quotation of some length, for the record.</p></quote>'
            '<list rend="bulleted"><item>an item</item><item>another item</item></list></div>'
            '<div type="chapter"><head>The Second Chapter</head>' + "".join(paras[20:]) +
            '<p>Late<note n="99" place="foot" anchored="false">zn99 A note without its call.</note> words'
            '<note n="100" type="missing" place="end"><gap reason="missing"/></note>.</p></div>')
    back = ('<div type="bibliography"><head>References</head><listBibl>'
            '<bibl>Cliff, Tony 1991, Trotsky, London: Bookmarks.</bibl></listBibl></div>')
    return tei_doc(body, front='<divGen type="toc"/>', back=back)


@pytest.fixture(scope="module")
def book_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "book.pdf"
    write_pdf(small_book(), path)
    return path


def test_pdf_is_written_with_metadata(book_pdf):
    data = book_pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert not list(book_pdf.parent.glob(".book.pdf.*"))      # no temporary file left
    assert oct(book_pdf.stat().st_mode & 0o777) != oct(0o600)
    if HAVE_POPPLER:
        info = subprocess.run(["pdfinfo", str(book_pdf)], capture_output=True, text=True).stdout
        assert re.search(r"Title:\s+A Test Edition", info)
        assert re.search(r"Author:\s+Ada Author", info)
        assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 5


def test_pdf_fonts_are_embedded(book_pdf):
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", str(book_pdf)], capture_output=True, text=True).stdout
        rows = out.splitlines()[2:]
        assert rows, out
        for row in rows:
            # columns: name type encoding emb sub uni object ID
            assert row.split()[-5] == "yes", row
        assert any("Libertine" in r for r in rows), out
    else:
        data = pdf_streams(book_pdf.read_bytes())
        assert b"/FontFile" in data


@pytest.mark.skipif(not HAVE_POPPLER, reason="poppler-utils (pdftotext, pdfinfo) not installed")
def test_footnotes_on_the_page_of_their_call(book_pdf):
    pages = page_texts(book_pdf)
    checked = 0
    for i in list(range(3, 41, 3)):
        call = [n for n, t in enumerate(pages) if f"zc{i:02d}" in t]
        note = [n for n, t in enumerate(pages) if f"zn{i:02d}" in t]
        assert len(call) == 1 and len(note) == 1, (i, call, note)
        assert call == note, f"note {i}: call on page {call[0] + 1}, text on page {note[0] + 1}"
        checked += 1
    assert checked == 13
    # the unanchored note is printed (with its dagger), the missing one is a line, not a footnote
    text = "\n".join(pages)
    assert "zn99" in text and "\u2020" in text
    assert "The source gives no text for note 100 of this chapter." in " ".join(text.split())
    # running heads: the title on left-hand pages, the chapter on right-hand pages
    heads = [" ".join(t.split("\n")[:3]) for t in pages]
    assert sum("A Test Edition" in h for h in heads[2:]) >= 2
    assert sum("The First Chapter" in h for h in heads[2:]) >= 2
    assert any("The Second Chapter" in h for h in heads[2:])
    toc = next(t for t in pages if "Contents" in t)
    assert re.search(r"The First Chapter[ .]*\d+", toc)


def stress_doc() -> etree._ElementTree:
    """Paragraphs of random length, each ending with a note of random length: many notes fall
    near page ends, where WeasyPrint 70 left unpatched moves some to the next page."""
    rnd = random.Random(4)
    words = FILLER.split()
    paras = []
    for i in range(1, 121):
        text = FILLER * rnd.randint(1, 6) + " ".join(words[:rnd.randint(5, 30)])
        paras.append(f"<p>{text}<note n='{i}' xml:id='n{i}' place='foot'>Note {i}: "
                     f"{FILLER[:rnd.randint(20, 200)]}</note> end.</p>")
        if i % 17 == 0:
            paras.append(f"<div type='section'><head>Section {i}</head><p>Short.</p></div>")
    return tei_doc("<div type='chapter'><head>Chapter</head>" + "".join(paras) + "</div>")


def test_every_footnote_on_the_page_of_its_call_in_the_layout():
    from tei_edition.writers.pdf import footnote_pages, keep_footnotes_with_calls
    doc = render_document(stress_doc())
    pages = footnote_pages(doc)
    assert len(pages) == 120 and len(doc.pages) > 20
    misplaced = {i: p for i, p in pages.items() if p[0] != p[1] or not p[0]}
    assert not misplaced, (keep_footnotes_with_calls(), misplaced)


def test_pdf_bookmarks_and_stylesheet():
    assert find_stylesheet() is not None and find_stylesheet().name == "print.css"
    doc = render_document(small_book())
    labels = [b[0] for b in doc.make_bookmark_tree()]
    assert "The First Chapter" in labels and "The Second Chapter" in labels and "References" in labels


def test_pdf_without_stylesheet_uses_builtin_css(tmp_path, monkeypatch):
    from tei_edition.writers import pdf as pdf_mod
    monkeypatch.setattr(pdf_mod, "find_stylesheet", lambda: None)
    data = pdf_mod.render_pdf(tei_doc("<p>Short text<note n='1' place='foot'>A note.</note>.</p>"))
    assert data.startswith(b"%PDF")


@pytest.mark.skipif("pdf/a-3b" not in pdf_variants(), reason="WeasyPrint without PDF/A")
def test_pdf_a_variant(tmp_path):
    path = tmp_path / "a.pdf"
    write_pdf(tei_doc("<p>Archival<note n='1' place='foot'>A note.</note> copy.</p>"), path, variant="pdf/a-3b")
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        meta = subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True).stdout
    else:
        meta = pdf_streams(data).decode("latin-1")
    assert 'pdfaid:part="3"' in meta and 'pdfaid:conformance="B"' in meta
    with pytest.raises(ValueError):
        render_pdf(tei_doc("<p>x</p>"), variant="pdf/z-9")


def test_smallest_source_renders(tmp_path):
    sources = sorted((ROOT / "sources").glob("*.txt"), key=lambda p: p.stat().st_size)
    if not sources:
        pytest.skip("no sources")
    from tei_edition.api import convert_file
    result = convert_file(sources[0])
    path = tmp_path / f"{sources[0].stem}.pdf"
    write_pdf(result.tree, path)
    assert path.read_bytes().startswith(b"%PDF")
    if HAVE_POPPLER:
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) > 3
