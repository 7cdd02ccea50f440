"""writers/pdf.py: the print PDF of one TEI document, rendered for real and read back with
poppler-utils (pdfinfo, pdffonts, pdftotext, pdfdetach): metadata, fonts, prelims and their roman
folios, footnotes on the page of their call or continued overleaf, the bibliography and the index
of persons with the pages the text was set on, the archival PDF/A-3b with its TEI attached.
(The successor of tests/test_writers.py's PDF tests.)"""
from __future__ import annotations

import random
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from lxml import etree

import tei_edition
from tei_edition.report import Report
from tei_edition.writers.pdf import archival_attachments, find_stylesheet, pdf_variants, render_pdf, typeset_book, write_pdf
from tei_edition.writers.tei import to_bytes

TEI = "http://www.tei-c.org/ns/1.0"
FILLER = ("The committee met again in the spring and the discussion turned, as it always did, to the "
          "question of the harvest, the price of grain and the temper of the villages. ")

TEXT = ("Die Reise\n\nEin Absatz über die Reise in den Süden, der mit einem Punkt endet und lang genug "
        "für eine Seite ist.\n")


def tei_doc(body: str, title: str = "A Test Edition", author: str = "Ada Author", standoff: str = "",
            lang: str = "en") -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(f"""<TEI xmlns="{TEI}" xml:lang="{lang}">
  <teiHeader><fileDesc>
    <titleStmt><title type="main">{title}</title><author>{author}</author></titleStmt>
    <publicationStmt><publisher>The Press</publisher><date when="2024-01-02">2024</date>
      <availability><licence>Public domain</licence></availability></publicationStmt>
    <sourceDesc><bibl><author>{author}</author><title level="m">{title}</title><pubPlace>London</pubPlace>
      <date>1931</date></bibl></sourceDesc>
  </fileDesc></teiHeader>
  <text xml:lang="{lang}">
    <front><titlePage><docTitle><titlePart type="main">{title}</titlePart></docTitle>
      <byline><docAuthor>{author}</docAuthor></byline></titlePage></front>
    <body>{body}</body>
  </text>{standoff}
</TEI>"""))


def page_texts(pdf: Path) -> list[str]:
    pages = int(re.search(r"Pages:\s+(\d+)", pdfinfo(pdf)).group(1))
    return [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True,
                           text=True).stdout for n in range(1, pages + 1)]


def pdfinfo(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdfinfo", *args, str(pdf)], capture_output=True, text=True).stdout


def inflated(data: bytes) -> bytes:
    out = [data]
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            out.append(zlib.decompress(m.group(1)))
        except zlib.error:
            pass
    return b"\n".join(out)


PERSONS = """<standOff><listPerson>
  <person xml:id="ruiz"><persName type="main"><forename>Ana</forename> <surname>Ruiz</surname></persName></person>
  <person xml:id="weber"><persName type="main"><forename>Max</forename> <surname>Weber</surname></persName>
    <birth when="1864"/><death when="1920"/></person>
</listPerson><listBibl>
  <biblStruct xml:id="weber1922wirtschaft" type="book"><monogr><author><persName><forename>Max</forename>
    <surname>Weber</surname></persName></author><title level="m">Wirtschaft und Gesellschaft</title>
    <imprint><pubPlace>Tübingen</pubPlace><publisher>Mohr</publisher><date when="1922">1922</date></imprint></monogr></biblStruct>
</listBibl></standOff>"""


def small_book() -> etree._ElementTree:
    """Two chapters of some pages: notes every third paragraph (one of them long), persons named
    in the text and in notes, a work cited, an unanchored note and one whose text is missing."""
    paras = []
    for i in range(1, 41):
        note = ""
        if i % 3 == 0:
            note = (f'<note n="{i}" xml:id="n{i}" place="foot">zn{i:02d} '
                    f'<bibl corresp="#weber1922wirtschaft"><author><persName ref="#weber">Max Weber</persName></author>, '
                    f'<title level="m">Wirtschaft und Gesellschaft</title></bibl>, p. {i}.</note>')
        who = '<persName ref="#ruiz">Ana Ruiz</persName>' if i % 4 == 0 else "the delegate"
        paras.append(f"<p>{FILLER * 2}zc{i:02d}{note} {who} spoke. {FILLER}</p>")
    body = ('<div type="chapter"><head>The First Chapter</head>' + "".join(paras[:20]) + '</div>'
            '<div type="chapter"><head>The Second Chapter</head>' + "".join(paras[20:]) +
            '<p>Late<note n="99" xml:id="n99" place="foot" anchored="false">zn99 A note without its call.</note> words'
            '<note n="100" type="missing" place="end"><gap reason="missing"/></note>.</p></div>')
    return tei_doc(body, standoff=PERSONS)


@pytest.fixture(scope="module")
def book_pdf(tmp_path_factory) -> tuple[Path, Report]:
    path = tmp_path_factory.mktemp("pdf") / "book.pdf"
    report = Report()
    write_pdf(small_book(), path, report=report)
    return path, report


def test_pdf_metadata_page_size_and_fonts(book_pdf):
    path, _ = book_pdf
    info = pdfinfo(path)
    assert re.search(r"Title:\s+A Test Edition", info) and re.search(r"Author:\s+Ada Author", info)
    assert re.search(r"Page size:\s+442\.2\d* x 663\.3\d* pts", info)          # 156 × 234 mm
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout.splitlines()[2:]
    assert rows and all(r.split()[-5] == "yes" for r in rows)                   # every font embedded
    assert any("Libertine" in r for r in rows)
    assert b"/PageLabels" in inflated(path.read_bytes())
    assert not list(path.parent.glob(".book.pdf.*"))                             # no temporary file left


def test_prelims_half_title_title_imprint_and_contents_on_a_recto(book_pdf):
    path, _ = book_pdf
    pages = page_texts(path)
    assert pages[0].split() == "A Test Edition".split() + ["i"] or "A Test Edition" in pages[0]
    assert not pages[1].strip()                                                  # the half-title's verso is blank
    assert "Ada Author" in pages[2] and "A Test Edition" in pages[2]
    assert "Source:" in pages[3] and "This edition:" in pages[3] and "Typeset from its TEI P5 encoding" in pages[3]
    contents = next(k for k, t in enumerate(pages) if "Contents" in t)
    assert contents % 2 == 0                                                     # a recto (odd page number)
    assert re.search(r"The First Chapter\s*\.*\s*1\b", pages[contents])
    assert re.search(r"Index of Persons\s*\.*\s*\d+", pages[contents])
    first_text = next(k for k, t in enumerate(pages) if "zc01" in t)
    assert first_text % 2 == 0                                                   # the text opens on a recto…
    assert "The First Chapter" in pages[first_text].split("\n")[0]               # …with no running head above it


def test_footnotes_stand_on_the_page_of_their_call(book_pdf):
    path, report = book_pdf
    pages = page_texts(path)
    for i in range(3, 41, 3):
        call = [n for n, t in enumerate(pages) if f"zc{i:02d}" in t]
        note = [n for n, t in enumerate(pages) if f"zn{i:02d}" in t]
        assert call == note, f"note {i}: call on page {call}, text on page {note}"
    text = " ".join(" ".join(pages).split())
    assert "zn99" in text and "99\u2020" in text
    assert not re.search(r"words\s*100", text)                                # no call for the missing note
    assert "The source gives no text for note 100." in text
    assert report.stats["pdf"]["footnotes away from their call"] == 0


def test_index_and_bibliography_give_the_pages_the_text_was_set_on(book_pdf):
    path, _ = book_pdf
    pages = page_texts(path)
    index_page = next(k for k, t in enumerate(pages) if "Index of Persons" in t and "Ruiz" in t)
    entry = re.search(r"Ruiz, Ana, ([\d–, n]+)", " ".join(pages[index_page].split())).group(1)
    folios = [int(x) for x in re.findall(r"\d+", entry)]
    one = next(k for k, t in enumerate(pages) if "zc01" in t)                  # the page numbered 1
    assert len(folios) >= 2
    for folio in folios:
        assert "Ana Ruiz" in " ".join(pages[one + folio - 1].split()), folio
        assert re.search(rf"(^|\s){folio}(\s|$)", pages[one + folio - 1])        # its folio is printed
    weber = re.search(r"Weber, Max \(1864–1920\), ([\d–, n]+)", " ".join(pages[index_page].split())).group(1)
    assert "n" in weber                                                          # named only in notes there
    bib = next(t for t in pages if "Bibliography" in t and "Mohr" in t)
    assert "Weber, Max. 1922. Wirtschaft und Gesellschaft. Tübingen: Mohr." in " ".join(bib.split())


def test_a_long_note_goes_on_at_the_foot_of_the_next_page_and_no_page_is_left_short():
    rnd = random.Random(7)
    paras = []
    for i in range(1, 25):
        long = FILLER * (14 if i in (5, 13) else rnd.randint(0, 2))
        paras.append(f"<p>{FILLER * rnd.randint(2, 5)}<note n='{i}' xml:id='n{i}' place='foot'>Note {i}: {long}</note> end.</p>")
    report = Report()
    book = typeset_book(tei_doc("<div type='chapter'><head>Chapter</head>" + "".join(paras) + "</div>"), report=report)
    from tei_edition.writers.qa import layout_report
    counts = layout_report(book, report)
    text = next(p for p in book.text.placements if p.typeset.run.kind.value == "body").typeset
    assert text.splits, text.changes                                             # the long notes were split
    assert counts.away == 0 and counts.short_pages == 0
    assert any(e.action == "note continued overleaf" for e in report.entries)
    facts = text.facts
    for note, split in text.splits.by_note.items():
        first = facts.text_pages[note][0]
        assert facts.call_page[note] == first
        assert facts.text_pages[f"{note}--2"][0] == first + 1                    # the rest overleaf


def test_stylesheet_is_found_and_nothing_is_fetched_from_the_network(tmp_path):
    assert find_stylesheet() is not None and find_stylesheet().name == "print.css"
    from tei_edition.writers.makeup import local_fetcher
    fetcher = local_fetcher([find_stylesheet().parent])
    with pytest.raises(ValueError, match="network"):
        fetcher.fetch("https://example.org/font.woff")
    with pytest.raises(ValueError, match="outside"):
        fetcher.fetch((tmp_path / "x.css").as_uri())


def test_unknown_variant_is_an_error():
    with pytest.raises(ValueError):
        render_pdf(tei_doc("<p>x</p>"), variant="pdf/z-9")


# --------------------------------------------------------------------------- archival

@pytest.fixture(scope="module")
def tei_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("archival")
    path = folder / "reise.xml"
    path.write_bytes(to_bytes(tei_edition.convert(TEXT, {"edition_date": "2024-05-06"})))
    (folder / "reise.bib").write_text("@book{a2000b, title = {B}, year = {2000}}\n", encoding="utf-8")
    return path


def test_the_archival_variant_embeds_the_tei_as_its_source_and_the_bibtex_as_a_supplement(tei_file):
    out = tei_file.with_name("reise.pdf")
    r = subprocess.run([sys.executable, "-m", "tei_edition.cli", "render", str(tei_file), "--archival",
                        "--attach", str(tei_file.with_suffix(".bib")), "-o", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    listed = subprocess.run(["pdfdetach", "-list", str(out)], capture_output=True, text=True).stdout
    assert "reise.xml" in listed and "reise.bib" in listed
    meta = pdfinfo(out, "-meta")
    assert 'pdfaid:part="3"' in meta and 'pdfaid:conformance="B"' in meta
    extracted = tei_file.parent / "extracted.xml"
    subprocess.run(["pdfdetach", "-savefile", "reise.xml", "-o", str(extracted), str(out)], check=True)
    assert extracted.read_bytes() == tei_file.read_bytes()


def test_the_print_file_keeps_xmp_free_metadata_and_the_archival_pdf_is_the_same_bytes_whatever_the_clock(tei_file):
    tree = tei_edition.convert(TEXT, {"edition_date": "2024-05-06"})
    files = archival_attachments(tei_file)
    assert [(a.name, a.relationship) for a in files] == [("reise.xml", "Source")]
    assert "pdf/a-3b" in pdf_variants()
    first = render_pdf(tree, variant="pdf/a-3b", attachments=files)
    second = render_pdf(tree, variant="pdf/a-3b", attachments=files)
    assert first == second


def test_attach_without_archival_is_one_clear_error(tei_file):
    r = subprocess.run([sys.executable, "-m", "tei_edition.cli", "render", str(tei_file), "--attach",
                        str(tei_file.with_suffix(".bib"))], capture_output=True, text=True)
    assert r.returncode != 0 and "--attach needs --archival" in r.stderr and "Traceback" not in r.stderr


def test_many_notes_of_random_length_all_stand_on_their_calls_page_or_go_on_overleaf():
    """Paragraphs of random length each ending with a note of random length: many notes fall near
    page ends, where WeasyPrint 70 alone moves some to the next page without their calls."""
    rnd = random.Random(4)
    words = FILLER.split()
    paras = []
    for i in range(1, 121):
        text = FILLER * rnd.randint(1, 6) + " ".join(words[:rnd.randint(5, 30)])
        paras.append(f"<p>{text}<note n='{i}' xml:id='n{i}' place='foot'>Note {i}: "
                     f"{FILLER[:rnd.randint(20, 200)] * rnd.choice((1, 1, 1, 4))}</note> end.</p>")
        if i % 17 == 0:
            paras.append(f"<div type='section'><head>Section {i}</head><p>Short.</p></div>")
    report = Report()
    book = typeset_book(tei_doc("<div type='chapter'><head>Chapter</head>" + "".join(paras) + "</div>"), report=report)
    from tei_edition.writers.qa import layout_report
    counts = layout_report(book, report)
    text = book.text.placements[0].typeset
    assert len(text.facts.call_page) == 120 and text.page_count > 20
    assert counts.away == 0, [e.detail for e in report.entries if e.action.startswith("footnote")]
    for note, call in text.facts.call_page.items():
        assert text.facts.text_pages[note][0] == call
    # a page whose call's line had to go on with its note is left short by that line and what
    # widows and orphans hold to it (the report lists each); never by more than four lines
    short = [e.detail for e in report.entries if e.action == "page short because of a note"]
    assert len(short) <= text.page_count // 3, short
    assert all(int(re.search(r": (\d+) lines short", d).group(1)) < 5 for d in short), short


def test_a_tables_caption_never_ends_a_page_without_its_table():
    """A table falling at a page's foot: wherever the text before it ends, its caption (two lines
    here) stands on the page of the table's first row; an HTML caption stayed behind at the foot
    of the page when the table had to move to the next one."""
    rows = "".join(f"<row><cell>19{k}</cell><cell>{k}.5</cell><cell>{k + 3}.0</cell><cell>{k + 9}.1</cell></row>"
                   for k in range(20, 25))
    caption = ("Förderung nach Jahren (Mio. t) und Ablieferungen an den Staat Ablieferung als Jahr Förderung "
               "Ablieferung Anteil an der Förderung")
    text = " ".join(FILLER.split() * 40).split()
    for words in range(900, 1050, 6):
        body = (f"<div><head>Kapitel</head><p>{' '.join(text[:words])}</p>"
                f"<table><head>{caption}</head>{rows}</table><p>Danach.</p></div>")
        facts = typeset_book(tei_doc(body, lang="de")).text.placements[0].typeset.facts
        caption_page = next(p.index for p in facts.pages for ln in p.lines if "Förderung nach" in ln.text)
        row_page = next(p.index for p in facts.pages for ln in p.lines if ln.text.strip().startswith("1920"))
        assert caption_page == row_page, words
