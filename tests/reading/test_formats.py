"""reading/formats.py: the format of a source, as the user declares it or as its text shows it."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tei_edition.errors import InputError
from tei_edition.metadata import Metadata
from tei_edition.reading.formats import SourceFormat, detect, detection


def test_a_declared_format_wins_and_is_read_without_regard_to_case():
    assert detect("# Titre\n\nTexte.", "a.md", "Markdown") is SourceFormat.MARKDOWN
    assert detect("Titel\n\nText.", "a.txt", "pdf-text") is SourceFormat.PDF_TEXT


def test_an_unknown_format_is_one_line_naming_the_known_ones():
    with pytest.raises(InputError, match=r"unknown source format 'docx' \(known: plain, pdf-text, markdown, rst\)"):
        SourceFormat.named("docx")


def test_the_metadata_file_says_format():
    assert Metadata.from_dict({"format": "rst"}).source_format == "rst"


def test_from_on_the_command_line_is_checked(tmp_path):
    (tmp_path / "a.txt").write_text("Titel\n\nEin Absatz, der endet.\n", encoding="utf-8")
    ok = subprocess.run([sys.executable, "-m", "tei_edition.cli", "convert", "a.txt", "--from", "plain", "-o", "a.xml"],
                        cwd=tmp_path, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run([sys.executable, "-m", "tei_edition.cli", "convert", "a.txt", "--from", "docx"],
                         cwd=tmp_path, capture_output=True, text=True)
    assert bad.returncode != 0 and "docx" in bad.stderr and "Traceback" not in bad.stderr


def test_the_format_is_detected_from_the_evidence_of_the_text_and_said_with_it():
    markdown = ("Il porto[^1] era chiuso dal[^2] mese di marzo.\n\n"
                "[^1]: Per la peste del 1630.\n[^2]: Secondo il Ripamonti.\n")
    found = detection(markdown, "porto.txt")
    assert found.format is SourceFormat.MARKDOWN and not found.declared
    assert found.describe() == ("source format: markdown (detected: footnote definitions '[^1]:' ×2, "
                                "footnote calls '[^1]' ×2)")
    # one footnote alone is too little to tell a format by
    assert detect("Il porto[^1] era chiuso.\n\n[^1]: Per la peste.\n", "porto.txt") is SourceFormat.PLAIN
    rst = "Titel\n=====\n\nDer Hafen [#]_ war zu.\n\n.. [#] Wegen der Pest.\n\n.. note:: Anmerkung.\n"
    assert detect(rst, "hafen.txt") is SourceFormat.RST
    pages = "".join(f"Der Hafen\nSeite {n} des Textes, die hier steht.\n{n}\n\f" for n in range(1, 4))
    assert detect(pages, "hafen.txt") is SourceFormat.PDF_TEXT


def test_plain_text_with_a_stray_mark_of_another_format_stays_plain_and_the_suffix_is_weak_evidence():
    assert detect("Le port était fermé (voir [1]).\n\n# de la liste : 3\n", "port.txt") is SourceFormat.PLAIN
    assert detect("Le port était fermé.\n", "port.md") is SourceFormat.PLAIN
    assert detect("# Le port\n\n## Avant\n\nIl était [fermé](#avant).\n", "port.md") is SourceFormat.MARKDOWN
