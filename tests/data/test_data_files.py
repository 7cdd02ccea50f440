"""data/: every word list and pattern file says what it is for and is read by some rule."""
from __future__ import annotations

from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "tei_edition"
FILES = sorted(p for p in (PACKAGE / "data").iterdir() if p.suffix in (".txt", ".tsv"))
CODE = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_a_data_file_opens_with_what_it_is_for_and_some_code_reads_it(path):
    assert path.read_text(encoding="utf-8").startswith("#"), f"{path.name}: no header comment"
    assert f'"{path.name}"' in CODE, f"{path.name}: no rule reads it"
