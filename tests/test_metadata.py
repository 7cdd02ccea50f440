"""metadata.py: facts about a source (S.toml) and about the edition (edition.toml)."""
from __future__ import annotations

from pathlib import Path

import pytest
from passlab import xp

import tei_edition
from tei_edition.api import convert_file
from tei_edition.errors import InputError
from tei_edition.metadata import Edition, Metadata, build_day

TEXT = "Le voyage\n\nUn paragraphe qui raconte le voyage et qui finit par un point.\n"


def edition_dir(tmp_path: Path, edition: str | None, source_toml: str = "") -> Path:
    (tmp_path / "voyage.txt").write_text(TEXT, encoding="utf-8")
    if source_toml:
        (tmp_path / "voyage.toml").write_text(source_toml, encoding="utf-8")
    if edition is not None:
        (tmp_path / "edition.toml").write_text(edition, encoding="utf-8")
    return tmp_path / "voyage.txt"


def test_the_edition_file_beside_the_sources_gives_the_edition_facts(tmp_path):
    source = edition_dir(tmp_path, 'publisher = "Éditions du Lac"\neditors = ["A. Roux", "B. Vidal"]\n'
                                   'date = "2025-03-04"\nlicence = "CC BY 4.0"\n'
                                   'licence_url = "https://creativecommons.org/licenses/by/4.0/"\n'
                                   'identifier = "10.5281/zenodo.123"\n', 'language = "fr"\n')
    meta = Metadata.for_source(source)
    assert meta.language == "fr"
    assert meta.edition == Edition(publisher="Éditions du Lac", editors=("A. Roux", "B. Vidal"), date="2025-03-04",
                                   licence="CC BY 4.0", licence_url="https://creativecommons.org/licenses/by/4.0/",
                                   identifier="10.5281/zenodo.123")
    tree = convert_file(source).tree
    assert xp(tree, "string(//t:publicationStmt/t:publisher)") == "Éditions du Lac"
    assert xp(tree, "//t:publicationStmt/t:date/@when") == ["2025-03-04"]
    assert xp(tree, "//t:titleStmt/t:respStmt[t:resp='edition']/t:name/text()") == ["A. Roux", "B. Vidal"]
    assert xp(tree, "//t:availability/t:licence/@target") == ["https://creativecommons.org/licenses/by/4.0/"]
    assert xp(tree, "//t:publicationStmt/t:idno[@type='DOI']/text()") == ["10.5281/zenodo.123"]


def test_without_a_configured_date_the_edition_date_is_source_date_epochs_day(tmp_path, monkeypatch):
    source = edition_dir(tmp_path, 'publisher = "Éditions du Lac"\n')
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "946684800")      # 2000-01-01T00:00:00Z
    assert Metadata.for_source(source).edition_date == "2000-01-01"
    assert xp(convert_file(source).tree, "//t:publicationStmt/t:date/@when") == ["2000-01-01"]


def test_a_configured_date_wins_over_source_date_epoch(tmp_path, monkeypatch):
    source = edition_dir(tmp_path, 'date = "2025-03-04"\n')
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "946684800")
    assert Metadata.for_source(source).edition_date == "2025-03-04"


def test_build_day_reads_the_epoch_in_utc_and_falls_back_to_today():
    assert build_day({"SOURCE_DATE_EPOCH": "1700000000"}) == "2023-11-14"
    assert build_day({"SOURCE_DATE_EPOCH": "not a number"}) == build_day({})


def test_a_text_outside_an_edition_says_it_has_no_publisher():
    tree = tei_edition.convert(TEXT, {"edition_date": "2024-05-06"})
    assert "no edition.toml" in xp(tree, "string(//t:publicationStmt/t:publisher)")
    assert xp(tree, "//t:publicationStmt/t:date/@when") == ["2024-05-06"]


def test_a_bad_edition_file_is_one_clear_error(tmp_path):
    source = edition_dir(tmp_path, 'publisher = "X"\nlicense = "typo"\n')
    with pytest.raises(InputError, match="edition.toml: unknown key 'license'"):
        Metadata.for_source(source)
    source = edition_dir(tmp_path, 'publisher = \n')
    with pytest.raises(InputError, match="edition.toml: edition file is not valid TOML"):
        Metadata.for_source(source)


def test_the_editions_own_file_is_read_by_every_source():
    root = Path(__file__).resolve().parents[1] / "sources"
    for source in sorted(root.glob("*.txt")):
        assert Metadata.for_source(source).edition.publisher, source.name
