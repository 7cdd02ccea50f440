"""writers/pdf.py: the archival PDF/A-3b carries its TEI (and BibTeX) as associated files."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import tei_edition
from tei_edition.writers.pdf import archival_attachments, render_pdf
from tei_edition.writers.tei import to_bytes

TEXT = ("Die Reise\n\nEin Absatz über die Reise in den Süden, der mit einem Punkt endet und lang genug "
        "für eine Seite ist.\n")


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
    meta = subprocess.run(["pdfinfo", "-meta", str(out)], capture_output=True, text=True).stdout
    assert 'pdfaid:part="3"' in meta and 'pdfaid:conformance="B"' in meta
    extracted = tei_file.parent / "extracted.xml"
    subprocess.run(["pdfdetach", "-savefile", "reise.xml", "-o", str(extracted), str(out)], check=True)
    assert extracted.read_bytes() == tei_file.read_bytes()


def test_the_archival_pdf_is_the_same_bytes_whatever_the_clock(tei_file):
    tree = tei_edition.convert(TEXT, {"edition_date": "2024-05-06"})
    files = archival_attachments(tei_file)
    assert [(a.name, a.relationship) for a in files] == [("reise.xml", "Source")]
    first = render_pdf(tree, variant="pdf/a-3b", attachments=files)
    second = render_pdf(tree, variant="pdf/a-3b", attachments=files)
    assert first == second


def test_attach_without_archival_is_one_clear_error(tei_file):
    r = subprocess.run([sys.executable, "-m", "tei_edition.cli", "render", str(tei_file), "--attach",
                        str(tei_file.with_suffix(".bib"))], capture_output=True, text=True)
    assert r.returncode != 0 and "--attach needs --archival" in r.stderr and "Traceback" not in r.stderr
