"""building/header.py: the header pass, written last, declares every pass that acted, with counts."""
from __future__ import annotations

from pathlib import Path

import pytest
from passlab import context_of, xp

from tei_edition.api import convert_file
from tei_edition.pipeline import PIPELINE
from tei_edition.report import Kind, Report
import tei_edition

SOURCES = sorted((Path(__file__).resolve().parents[2] / "sources").glob("*.txt"))
DECLARED = PIPELINE.declarations()

# Small texts that make many passes act: wrapped lines, a page break, a hyphen, emphasis, notes,
# a heading, a list, an elision mark, a quotation.
SMALL = {
    "wrapped": (
        "Das Tagebuch der Reise\n\n"
        "1. Die Abfahrt\n\n"
        "Wir verließen die Stadt am frühen Morgen, als die Glocken der Kirche noch *schwiegen* und der\n"
        "Nebel über dem Fluss lag. Der Kutscher sprach kein Wort und wir fragten ihn nicht, wohin die\n"
        "Straße führte, denn wir kannten sie seit unserer Kind-\n"
        "heit und hatten sie oft genug befahren.¹\n\n"
        "Am Abend schrieb die Mutter in ihr Heft:\n\n"
        "    Die Straße war leer, und niemand kam uns entgegen [· · ·] bis zur Brücke.²\n\n"
        "¹ Vgl. das Reisebuch des Großvaters, S. 12.\n"
        "² Heft III, S. 4.\n"),
    "per-line": (
        "A Field Guide\n\n"
        "Lines of this text are paragraphs; each runs as long as it needs to and ends where the writer "
        "pressed the return key, which is how web pages and e-books are exported most of the time.\n"
        "- first item of a short list\n- second item of the list\n"
        "The last paragraph says _nothing_ more than that, and stops.\n"),
}


def editorial_paragraphs(tree) -> dict[str, list[str]]:
    """The p texts of each part of editorialDecl, by the part's name."""
    out: dict[str, list[str]] = {}
    for part in xp(tree, "//t:encodingDesc/t:editorialDecl/*"):
        name = part.tag.rsplit("}", 1)[1]
        out[name] = [" ".join("".join(p.itertext()).split()) for p in xp(part, "t:p")]
    return out


def assert_every_acting_pass_declared(tree, report: Report) -> None:
    declared = editorial_paragraphs(tree)
    stages = report.stages()
    assert stages, "nothing recorded"
    for stage, kinds in stages.items():
        declaration = DECLARED.get(stage)
        assert declaration is not None, f"stage {stage} is not a step of the pipeline"
        found = [p for p in declared.get(str(declaration.section), []) if p.startswith(declaration.text)]
        assert len(found) == 1, f"{stage} not declared in {declaration.section}"
        for kind, word in ((Kind.REPAIR, "repair"), (Kind.RECOGNITION, "recognition"),
                           (Kind.DOUBT, "doubt"), (Kind.WARNING, "warning")):
            if kinds[kind]:
                assert f"{kinds[kind]} {word}" in found[0], (stage, found[0])


@pytest.mark.parametrize("name", sorted(SMALL))
def test_every_pass_that_recorded_is_declared_with_its_counts(name):
    report = Report()
    tree = tei_edition.convert(SMALL[name], {}, report)
    assert_every_acting_pass_declared(tree, report)


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_every_pass_that_recorded_is_declared_on_each_source(source):
    result = convert_file(source)
    assert_every_acting_pass_declared(result.tree, result.report)


def test_a_pass_that_did_nothing_is_not_declared():
    report = Report()
    tree = tei_edition.convert(SMALL["per-line"], {}, report)
    paragraphs = [p for ps in editorial_paragraphs(tree).values() for p in ps]
    silent = [name for name in DECLARED if report.count(stage=name) == 0]
    assert {"elisions", "page-breaks", "line-end-hyphens", "contents"} <= set(silent)
    for name in silent:
        assert not any(p.startswith(DECLARED[name].text) for p in paragraphs), name


def test_tree_passes_are_declared_too():
    report = Report()
    tree = tei_edition.convert(SMALL["wrapped"], {}, report)
    normalisation = editorial_paragraphs(tree)["normalization"]
    assert any(p.startswith(DECLARED["emphasis"].text) and "(1 repair;" in p for p in normalisation)
    assert any(p.startswith(DECLARED["elisions"].text) and "(1 repair;" in p for p in normalisation)


def test_hyphenation_is_declared_as_hard_when_soft_hyphens_were_removed():
    report = Report()
    tree = tei_edition.convert(SMALL["wrapped"], {}, report)
    assert report.count(stage="line-end-hyphens", kind=Kind.REPAIR) == 1
    assert [h.get("eol") for h in xp(tree, "//t:editorialDecl/t:hyphenation")] == ["hard"]


def test_the_header_is_the_first_child_and_written_after_the_tree_passes():
    context = PIPELINE.run(context_of(SMALL["wrapped"]))
    root = context.tree.getroot()
    assert root[0].tag.endswith("teiHeader") and root[1].tag.endswith("text")
    # the header counts the emphasis repair, which a tree pass made after the text was built
    change = "".join(xp(root, "//t:revisionDesc/t:change")[0].itertext())
    assert f"{context.full_report.count(kind=Kind.REPAIR)} repairs" in change


def test_dropped_artifacts_are_listed_under_normalisation():
    report = Report()
    tree = tei_edition.convert("Un titre\n\nUn paragraphe <br/> avec un reste de balise, assez long pour "
                               "être un paragraphe de texte courant.\n\nEt une suite qui termine.\n", {}, report)
    items = xp(tree, "//t:normalization/t:p/t:list/t:item")
    assert "<br/>" in ["".join(i.itertext()) for i in items]


def test_language_name_comes_from_the_data_file():
    tree = tei_edition.convert("Titolo\n\nUn paragrafo di testo che finisce qui.\n", {"language": "it"})
    assert [(l.get("ident"), l.text) for l in xp(tree, "//t:langUsage/t:language")] == [("it", "Italian")]
    tree = tei_edition.convert("Otsikko\n\nTeksti päättyy tähän.\n", {"language": "se"})
    assert [(l.get("ident"), l.text) for l in xp(tree, "//t:langUsage/t:language")] == [("se", "se")]
