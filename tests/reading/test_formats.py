"""reading/formats.py: the format of a source, as the user declares it (detection comes next)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tei_edition.errors import InputError
from tei_edition.metadata import Metadata
from tei_edition.reading.formats import SourceFormat, detect


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
