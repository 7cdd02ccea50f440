"""bib/: the edition's works-cited.bib as the build writes it, read by bibtex (plain), biber
(--validate-datamodel) and bibtexparser; every kind of warning the tools print is one that
bib/README.md explains; corrections.bib is a valid BibTeX file that overrides nothing by mistake."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIB = ROOT / "bib"
IN_CI = os.environ.get("CI", "").lower() in ("true", "1", "yes")
README = (BIB / "README.md").read_text(encoding="utf-8")


def test_works_cited_parses_without_failed_blocks_and_keys_are_unique():
    import bibtexparser
    lib = bibtexparser.parse_file(str(BIB / "works-cited.bib"))
    assert not lib.failed_blocks
    keys = [e.key for e in lib.entries]
    assert len(keys) == len(set(keys)) and keys == sorted(keys) and len(keys) > 100


def test_corrections_file_is_valid_and_its_keys_are_keys_of_the_edition():
    import bibtexparser
    corrections = bibtexparser.parse_file(str(BIB / "corrections.bib"))
    edition = {e.key for e in bibtexparser.parse_file(str(BIB / "works-cited.bib")).entries}
    assert not corrections.failed_blocks
    assert {e.key for e in corrections.entries} <= edition


def _explained(message: str) -> bool:
    return message in README


@pytest.mark.skipif(not shutil.which("bibtex") and not IN_CI, reason="bibtex not installed")
def test_bibtex_plain_reads_it_without_error_and_every_warning_is_explained(tmp_path):
    shutil.copy(BIB / "works-cited.bib", tmp_path / "works.bib")
    (tmp_path / "t.aux").write_text("\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{works}\n")
    r = subprocess.run(["bibtex", "t"], cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode in (0, 1), r.stdout + r.stderr          # 1: warnings only
    assert "error message" not in r.stdout, r.stdout
    kinds = {re.sub(r'"[^"]*"', '"…"', re.sub(r" in \S+$", "", line.removeprefix("Warning--")))
             for line in r.stdout.splitlines() if line.startswith("Warning--")}
    unexplained = [k for k in kinds if not _explained(k)]
    assert not unexplained, unexplained


@pytest.mark.skipif(not shutil.which("biber") and not IN_CI, reason="biber not installed")
def test_biber_validates_the_data_model_without_error_and_every_warning_is_explained(tmp_path):
    shutil.copy(BIB / "works-cited.bib", tmp_path / "works.bib")
    r = subprocess.run(["biber", "--tool", "--validate-datamodel", "--output-file", str(tmp_path / "out.bib"),
                        str(tmp_path / "works.bib")], capture_output=True, text=True, cwd=tmp_path)
    out = r.stdout + r.stderr
    assert r.returncode == 0 and "ERROR" not in out, out
    kinds = {re.sub(r"^.*?\): ", "", line) for line in out.splitlines() if line.startswith("WARN")}
    unexplained = [k for k in kinds if not _explained(k)]
    assert not unexplained, unexplained
