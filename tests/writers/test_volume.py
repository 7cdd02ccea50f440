"""writers/volume.py: the edition volume — every document a part of one book, with one
bibliography and one index of persons whose pages run through the whole volume."""
from __future__ import annotations

import json

import re
import subprocess
from pathlib import Path

import pytest

from tei_edition.metadata import Edition
from tei_edition.report import Report
from tei_edition.writers.volume import write_volume

TEI = "http://www.tei-c.org/ns/1.0"
FILLER = {"de": "Der Ausschuss trat im Frühjahr wieder zusammen, und die Aussprache wandte sich der Ernte zu. ",
          "it": "Il comitato si riunì di nuovo in primavera e la discussione tornò al raccolto e ai prezzi. "}


def document(lang: str, title: str, author: str, person: str, work: str) -> bytes:
    paras = "".join(f"<p>{FILLER[lang] * 6}<persName ref=\"#{person}\">{person.title()}</persName>."
                    f"<note n=\"{i}\" xml:id=\"n{i}\" place=\"foot\"><bibl corresp=\"#{work}\">{work}</bibl>.</note></p>"
                    for i in range(1, 9))
    return f"""<TEI xmlns="{TEI}" xml:lang="{lang}"><teiHeader><fileDesc>
  <titleStmt><title type="main">{title}</title><author>{author}</author></titleStmt>
  <publicationStmt><publisher>Verlag</publisher><date when="2024-03-04">2024</date></publicationStmt>
  <sourceDesc><bibl><title level="m">{title}</title><author>{author}</author></bibl></sourceDesc></fileDesc></teiHeader>
  <text xml:lang="{lang}"><body><div type="section"><head>{title} I</head>{paras}</div>
    <div type="section"><head>{title} II</head>{paras.replace('xml:id="n', 'xml:id="m')}</div></body></text>
  <standOff><listPerson>
    <person xml:id="{person}"><persName type="main"><forename>Karl</forename> <surname>{person.title()}</surname></persName></person>
    <person xml:id="gramsci"><persName type="main"><forename>Antonio</forename> <surname>Gramsci</surname></persName></person>
  </listPerson><listBibl><biblStruct xml:id="{work}" type="book"><monogr><author><persName><forename>Karl</forename>
    <surname>{person.title()}</surname></persName></author><title level="m">Werk {work}</title>
    <imprint><date when="1920">1920</date></imprint></monogr></biblStruct></listBibl></standOff></TEI>""".encode()


@pytest.fixture(scope="module")
def volume(tmp_path_factory) -> tuple[Path, list[Path], Report]:
    folder = tmp_path_factory.mktemp("volume")
    paths = [folder / "erster.xml", folder / "secondo.xml"]
    paths[0].write_bytes(document("de", "Die Räte", "Anna Autorin", "korsch", "korsch1920"))
    paths[1].write_bytes(document("it", "I consigli", "Aldo Autore", "bordiga", "bordiga1920"))
    target = folder / "edition.pdf"
    report = Report()
    write_volume(paths, target, report, variant="pdf/a-3b", edition=Edition(title="Zwei Studien", publisher="Das Projekt"))
    return target, paths, report


def texts(pdf: Path) -> list[str]:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split("\f")


def test_the_volume_has_its_own_title_and_each_document_as_a_part(volume):
    target, _, _ = volume
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    assert re.search(r"Title:\s+Zwei Studien", info)
    pages = texts(target)
    assert "Zwei Studien" in pages[0]
    parts = [k for k, t in enumerate(pages) if re.search(r"Teil 1|Parte 2", t) and "Autor" in t]
    assert len(parts) == 2 and all(k % 2 == 0 for k in parts)                    # each part opens on a recto
    contents = next(t for t in pages if "Inhalt" in t)
    assert "Die Räte I" in contents and "I consigli II" in contents


def test_one_index_and_one_bibliography_for_the_whole_volume(volume):
    target, _, report = volume
    pages = texts(target)
    index = " ".join(" ".join(t.split()) for t in pages if "Personenregister" in t)
    korsch = re.search(r"Korsch, Karl, (\d+)–(\d+)", index).groups()
    bordiga = re.search(r"Bordiga, Karl, (\d+)–(\d+)", index).groups()
    assert int(bordiga[0]) > int(korsch[1])                                      # one numbering through the volume
    bib = " ".join(" ".join(t.split()) for t in pages if "Literaturverzeichnis" in t)
    assert "Bordiga, Karl. 1920. Werk bordiga1920." in bib and "Korsch, Karl. 1920. Werk korsch1920." in bib
    assert sum("Literaturverzeichnis" in t for t in pages) <= 2
    assert report.stats["pdf"]["footnotes away from their call"] == 0


def test_the_archival_volume_carries_every_tei_file(volume):
    target, paths, _ = volume
    listed = subprocess.run(["pdfdetach", "-list", str(target)], capture_output=True, text=True).stdout
    assert "erster.xml" in listed and "secondo.xml" in listed


def test_the_build_writes_the_volume_once_and_again_only_when_a_tei_changed(tmp_path):
    from tei_edition.edition import write_edition_pdf
    sources, out = tmp_path / "sources", tmp_path / "out"
    sources.mkdir()
    out.mkdir()
    for stem, args in (("erster", ("de", "Die Räte", "Anna Autorin", "korsch", "korsch1920")),
                       ("secondo", ("it", "I consigli", "Aldo Autore", "bordiga", "bordiga1920"))):
        (sources / f"{stem}.txt").write_text("x", encoding="utf-8")
        (out / f"{stem}.xml").write_bytes(document(*args))
    (sources / "edition.toml").write_text('title = "Zwei Studien"\n', encoding="utf-8")
    built = sorted(sources.glob("*.txt"))
    first = write_edition_pdf(out, built)
    assert first is not None and first.rebuilt and first.parts == 2 and (out / "edition.pdf").is_file()
    layout = json.loads((out / "edition.report.json").read_text(encoding="utf-8"))
    info = subprocess.run(["pdfinfo", str(out / "edition.pdf")], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert layout["source"] == "edition.pdf" and layout["stats"]["pdf"]["pages"] == pages
    assert not write_edition_pdf(out, built).rebuilt
    (out / "secondo.xml").write_bytes(document("it", "I consigli operai", "Aldo Autore", "bordiga", "bordiga1920"))
    assert write_edition_pdf(out, built).rebuilt
    assert write_edition_pdf(out, built[:1]) is not None        # the edition's other TEI left in OUT count
