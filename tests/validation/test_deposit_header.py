"""validation/deposit.py: the header fields a repository requires, each missing one named."""
from __future__ import annotations

from pathlib import Path

from lxml import etree

import tei_edition
from tei_edition.metadata import Edition, Metadata
from tei_edition.validation.deposit import RULE, check_header

TEXT = "Il viaggio\n\nUn paragrafo sul viaggio che finisce con un punto.\n"
FULL = {"author": "Lia Neri", "language": "it", "licence_url": "https://example.org/licence"}


def header_problems(meta: Metadata) -> list[str]:
    tree = tei_edition.convert(TEXT, meta)
    return [p.message for p in check_header(tree, "viaggio.xml", meta)]


def test_a_header_with_every_field_passes():
    meta = Metadata.from_dict(FULL, Edition(publisher="Edizioni del Lago", date="2025-01-02"))
    assert header_problems(meta) == []


def test_each_missing_field_is_one_problem_that_says_where_to_supply_it():
    meta = Metadata.from_dict({"language": "it"}, Edition(date="2025-01-02"))
    assert header_problems(meta) == [
        "the header has no author (`author` in S.toml)",
        "the header has no publisher of the digital edition (`publisher` in sources/edition.toml)",
        "the header has no licence with a URL (`licence_url` in sources/edition.toml (the encoding) or in S.toml "
        "(the text))"]


def test_identifiers_the_metadata_gives_must_be_in_the_header():
    meta = Metadata.from_dict({**FULL, "source_url": "https://example.org/viaggio"},
                              Edition(publisher="Edizioni del Lago", date="2025-01-02", identifier="10.1234/abc"))
    tree = tei_edition.convert(TEXT, meta)
    assert check_header(tree, "v", meta) == []
    for idno in tree.getroot().iter("{http://www.tei-c.org/ns/1.0}idno"):
        idno.getparent().remove(idno)
    assert [p.message for p in check_header(tree, "v", meta)] == [
        "the header lacks the edition identifier '10.1234/abc' the metadata gives",
        "the header lacks the source URL 'https://example.org/viaggio' the metadata gives"]


def test_a_file_without_header_is_one_problem(tmp_path: Path):
    root = etree.fromstring('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>x</p></body></text></TEI>')
    assert [(p.rule, p.message) for p in check_header(root, "x")] == [(RULE, "there is no teiHeader")]
