"""parsing/artifact_lines.py: lines that are wholly residue of an earlier conversion."""
from __future__ import annotations

from passlab import only

from tei_edition.parsing.artifact_lines import ArtifactLines
from tei_edition.report import Kind


def test_lines_of_residue_are_dropped_and_reported_at_their_line():
    text = ("Der Garten lag still.\n</div>\n[Illustration]\n\n- 12 -\n[page 17]\n[Image removed.]\n"
            "Photos not shown\nDie Tür stand offen.\n")
    context, found = only(ArtifactLines, text)
    assert [(ln.no, ln.removed) for ln in context.lines if not ln.live] == [
        (2, "artifact:html-tag-residue"), (3, "artifact:bare-illustration"), (5, "artifact:page-number-line"),
        (6, "artifact:page-number-line"), (7, "artifact:image-placeholder"), (8, "artifact:image-placeholder")]
    assert context.lines.artifacts == ["</div>", "[Illustration]", "- 12 -", "[page 17]", "[Image removed.]",
                                       "Photos not shown"]
    assert [(e.kind, e.action, e.line) for e in found] == [
        (Kind.REPAIR, "dropped artifact line (html-tag-residue)", 2),
        (Kind.REPAIR, "dropped artifact line (bare-illustration)", 3),
        (Kind.REPAIR, "dropped artifact line (page-number-line)", 5),
        (Kind.REPAIR, "dropped artifact line (page-number-line)", 6),
        (Kind.REPAIR, "dropped artifact line (image-placeholder)", 7),
        (Kind.REPAIR, "dropped artifact line (image-placeholder)", 8)]


def test_lines_that_mix_residue_and_text_are_kept():
    text = "<b>Fett</b> bleibt stehen\n[Seite 4]\n- 12 - Fortsetzung\n[Illustration: eine Brücke]\n"
    context, found = only(ArtifactLines, text)
    assert found == []
    assert all(ln.live for ln in context.lines)
    assert context.lines.artifacts == []


def test_a_printed_rule_that_sets_text_apart_is_dropped_and_one_tight_between_lines_is_kept():
    # a Spanish court's caption with rules around its docket number, then a notation kept whole
    text = ("TRIBUNAL SUPREMO\n_________________\n\nNúm. 11-889\n_________________\n\nMARÍA LÓPEZ, recurrente\n\n"
            "Tres veces:\n________________\n|: ¡Ven pronto! :|\n")
    context, found = only(ArtifactLines, text)
    assert [(ln.no, ln.removed) for ln in context.lines if not ln.live] == [
        (2, "artifact:rule-underscores"), (5, "artifact:rule-underscores")]
    assert [(e.kind, e.action, e.line) for e in found] == [
        (Kind.REPAIR, "dropped a printed rule (underscores)", 2), (Kind.REPAIR, "dropped a printed rule (underscores)", 5)]
    assert context.lines.lines[9].live      # under 'Tres veces:', over the notation: part of it


def test_underscores_inside_a_line_are_text():
    # an Italian citation whose page the reporter has not yet assigned
    context, found = only(ArtifactLines, "Si veda 569 U. S. ____ (2013).\n\n_____ e altri\n")
    assert all(ln.live for ln in context.lines) and not found
