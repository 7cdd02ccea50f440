"""The corpus of real texts (tests/corpus/, SOURCES.md): each converted as a user would (its format
detected, no metadata file), its TEI measured against the facts written by reading it."""
from __future__ import annotations

import pytest
from lxml import etree

from corpus.measure import CORPUS, facts_of, measure
from tei_edition.api import convert_file
from tei_edition.writers.tei import to_bytes

# every text has its facts file (SOURCES.md, which says where they come from, is no text of the corpus)
TEXTS = sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".rst", ".txt")
               and p.with_name(f"{p.stem}.facts.json").exists())
NOTES_TOLERANCE = 0.05


@pytest.fixture(scope="module")
def converted() -> dict[str, tuple[bytes, etree._ElementTree]]:
    out = {}
    for path in TEXTS:
        data = to_bytes(convert_file(path).tree)
        out[path.name] = (data, etree.ElementTree(etree.fromstring(data)))
    return out


def test_the_corpus_has_every_kind_the_issue_names():
    kinds = [facts_of(p.stem)["kind"] for p in TEXTS]
    languages = [facts_of(p.stem)["language"] for p in TEXTS]
    assert kinds.count("markdown") >= 3 and kinds.count("rst") >= 2 and kinds.count("pdf-text") >= 3
    assert kinds.count("ebook") >= 3 and sum(lang != "en" for lang in languages) >= 2


def _with_known_gaps(paths):
    """A text whose facts file names the gaps the conversion still has is expected to fail the
    measures, strictly: once a rule closes the gap the test says so, and the gap is removed."""
    out = []
    for p in paths:
        gaps = facts_of(p.stem).get("known_gaps")
        marks = [pytest.mark.xfail(strict=True, reason=gaps)] if gaps else []
        out.append(pytest.param(p, id=p.name, marks=marks))
    return out


@pytest.mark.parametrize("path", _with_known_gaps(TEXTS))
def test_a_real_text_converts_to_its_facts(path, converted):
    facts = facts_of(path.stem)
    got = measure(converted[path.name][1], facts)
    true = facts["notes_with_text"]
    assert abs(got.notes_with_text - true) <= NOTES_TOLERANCE * true, (got.notes_with_text, true)
    assert got.samples_at_call == got.samples, got
    assert got.heading_recall >= 0.9 and got.heading_false_share <= 0.1, got
    assert got.title_right, got.title
    assert got.language == facts["language"]


def test_every_text_of_the_corpus_is_valid_tei(converted, tei_all):
    errors = tei_all.check_many({name: data for name, (data, _) in converted.items()})
    assert {name: errs[:2] for name, errs in errors.items() if errs} == {}
