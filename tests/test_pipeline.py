"""passes.py and pipeline.py: the pass interface, the order check, and adding a pass."""
from __future__ import annotations

import re

import pytest

import tei_edition
from passlab import context_of, only, xp

from tei_edition.model import BlockKind, Document
from tei_edition.passes import (BlockPass, Context, Declaration, LinePass, Phase, PipelineError, Section,
                                TreePass, check_order)
from tei_edition.pipeline import PASSES, PIPELINE, Pipeline
from tei_edition.report import Kind


class SpacedEllipses(BlockPass):
    """The worked example of docs/architecture.md: '. . .' → '…'."""

    name = "spaced-ellipses"
    after = {"page-breaks": "dots split by a page break are joined first"}
    declaration = Declaration(Section.NORMALIZATION,
                              "Ellipses spelt with three spaced dots ('. . .') were written as one character (…).")
    SPACED = re.compile(r"\.(?: \.){2}")

    def apply(self, doc: Document, context: Context) -> None:
        for block in doc.blocks:
            if block.kind is BlockKind.REMOVED:
                continue

            def one(m: re.Match[str]) -> str:
                context.report.repair("wrote a spaced ellipsis as one character", block.line_at(m.start()),
                                      m.group(0))
                return "…"

            block.substitute(self.SPACED, one)


def with_pass(p: type, after_name: str) -> Pipeline:
    passes = list(PASSES)
    passes.insert(passes.index(next(q for q in passes if q.name == after_name)) + 1, p)
    return Pipeline(passes)


def test_every_pass_has_a_name_a_phase_and_a_declaration():
    names = [p.name for p in PIPELINE.passes]
    assert len(names) == len(set(names))
    for p in PIPELINE.passes:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", p.name), p.name
        assert isinstance(p.phase, Phase)
        assert p.declaration is not None and p.declaration.text.endswith(".")


def test_the_listed_order_keeps_every_constraint_and_the_phases():
    check_order(PASSES)
    phases = [p.phase for p in PASSES]
    assert phases == sorted(phases)
    assert PASSES[-1].name == "header" and PASSES[-1].last


def test_a_pass_listed_before_what_it_needs_is_refused_with_the_reason():
    passes = list(PASSES)
    pairing = next(p for p in passes if p.name == "note-pairing")
    passes.remove(pairing)
    passes.insert(passes.index(next(p for p in passes if p.name == "note-texts")), pairing)
    with pytest.raises(PipelineError, match="note-pairing must run after note-texts"):
        check_order(passes)


def test_phases_cannot_go_backwards_and_the_header_must_be_last():
    class LateLines(LinePass):
        name = "late-lines"
        declaration = Declaration(Section.NORMALIZATION, "Nothing.")
    with pytest.raises(PipelineError, match="later phase"):
        check_order(PASSES[:-1] + [LateLines])
    with pytest.raises(PipelineError, match="must run last"):
        check_order(PASSES + [type("After", (TreePass,), {"name": "after", "declaration": LateLines.declaration})])
    with pytest.raises(PipelineError, match="two passes"):
        check_order(PASSES[:3] + PASSES[2:])


def test_a_pass_without_a_declaration_is_refused():
    class Silent(TreePass):
        name = "silent"
    with pytest.raises(PipelineError, match="declares nothing"):
        Pipeline(PASSES[:-1] + [Silent, PASSES[-1]])


def test_run_until_stops_before_the_named_pass():
    context = PIPELINE.run(context_of("Titel\n\nEin Absatz, der endet.\n"), until="layout")
    assert context.document is None and context.lines is not None
    with pytest.raises(PipelineError, match="no pass is named"):
        PIPELINE.run(context_of("x"), until="no-such-pass")


def test_a_pass_whose_target_was_not_made_says_so():
    context = context_of("Ein Text.")
    with pytest.raises(PipelineError, match="block"):
        PIPELINE.get("headings").run(context)


def test_the_worked_example_runs_alone_as_its_unit_test_would():
    context, found = only(SpacedEllipses, "Titre\n\nIl hésita . . . puis il reprit sa route.\n",
                          pipeline=with_pass(SpacedEllipses, "page-breaks"))
    assert "hésita … puis" in context.document.blocks[-1].text
    assert [(e.kind, e.line) for e in found] == [(Kind.REPAIR, 3)]


def test_adding_a_pass_is_one_class_and_one_line():
    pipeline = with_pass(SpacedEllipses, "page-breaks")
    text = "Un titre\n\nIl hésita . . . puis il reprit sa route vers le nord, sans un mot de plus.\n"
    context = pipeline.run(context_of(text, pipeline=pipeline))
    body = "".join(xp(context.tree, "//t:body")[0].itertext())
    assert "hésita … puis" in body
    entries = [e for e in context.full_report.entries if e.stage == "spaced-ellipses"]
    assert [(e.kind, e.line) for e in entries] == [(Kind.REPAIR, 3)]
    normalisation = ["".join(p.itertext()) for p in xp(context.tree, "//t:normalization/t:p")]
    assert any(p.startswith(SpacedEllipses.declaration.text) and "(1 repair;" in p for p in normalisation)


def test_each_pass_records_under_its_own_name():
    context = PIPELINE.run(context_of("Titel\n\nEin *Absatz*, der mit einer Zeile\nendet.\n"))
    stages = set(context.full_report.stages())
    assert stages <= set(PIPELINE.declarations())
    assert {"layout", "front-matter", "emphasis"} <= stages


class ReadsWhatTheTreePhaseKeeps(TreePass):
    """A tree pass that notes what the context still holds when the tree phase has begun."""

    name = "reads-what-is-kept"
    declaration = Declaration(Section.NORMALIZATION, "Nothing.")
    seen: dict[str, object] = {}

    def apply(self, tree, context: Context) -> None:
        doc = context.document
        ReadsWhatTheTreePhaseKeeps.seen = {"lines": context.lines, "blocks": list(doc.blocks),
                                           "notes": list(doc.notes), "title": doc.front.title}


def test_the_tree_phase_gets_the_document_without_its_body_and_no_lines():
    pipeline = Pipeline(PASSES[:-1] + [ReadsWhatTheTreePhaseKeeps, PASSES[-1]])
    english = ("The river rose in the spring, as it does every year, and the people of the town walked down "
               "to the bank to watch the water run over the meadows and cover the paths where they had walked "
               "all summer long.")
    german = ("Der Fluss stieg im Frühling, wie er es jedes Jahr tut, und die Leute aus der Stadt gingen zum "
              "Ufer hinunter, um das Wasser zu sehen, das über die Wiesen lief und die Wege bedeckte, auf denen "
              "sie den ganzen Sommer gegangen waren.")
    text = f"A Short History of Rivers\n\n{english}¹\n\n{german}\n\n{english}\n\n¹ A note on the river.\n"
    context = pipeline.run(context_of(text, {"language": "en"}, pipeline=pipeline))
    seen = ReadsWhatTheTreePhaseKeeps.seen
    assert seen["lines"] is None and seen["notes"] == [] and seen["title"] == "A Short History of Rivers"
    assert [(b.language, b.text) for b in seen["blocks"]] == [("de", german)]   # what langUsage reads
    assert xp(context.tree, "//t:langUsage/t:language/text()") == ["English", "German (passages)"]
    assert len(xp(context.tree, "//t:body//t:note")) == 1


class NotesTheCaches(BlockPass):
    """Notes how much the caches of the earlier phases hold, and whether the report is packed."""

    name = "notes-the-caches"
    declaration = Declaration(Section.NORMALIZATION, "Nothing.")
    seen: list[tuple[int, int, bool]] = []

    def apply(self, doc, context: Context) -> None:
        from tei_edition.parsing.contents import norm
        from tei_edition.tei.lines import _PARSED
        NotesTheCaches.seen.append((norm.cache_info().currsize, len(_PARSED), context.full_report._packed is not None))


class NotesTheCachesInTheTree(NotesTheCaches):
    name = "notes-the-caches-in-the-tree"
    phase = Phase.TREE


def test_the_tree_phase_begins_with_the_earlier_caches_emptied_and_a_large_report_packed(monkeypatch):
    monkeypatch.setattr("tei_edition.report.PACKED_FROM", 5)
    chapters = "".join(f"Kapitel {n}\n\nIm Jahr {1900 + n} schrieb Anna Seghers einen Brief.\n\n" for n in range(1, 9))
    contents = "".join(f"Kapitel {n}\n" for n in range(1, 9))
    text = f"Inhalt\n\n{contents}\n{chapters}"
    names = [p.name for p in PASSES]
    tree = names.index("tree")
    NotesTheCaches.seen = []
    pipeline = Pipeline(PASSES[:tree] + [NotesTheCaches] + PASSES[tree:tree + 1] + [NotesTheCachesInTheTree]
                        + PASSES[tree + 1:])
    context = pipeline.run(context_of(text, pipeline=pipeline))
    (norm_before, _, packed_before), (norm_in_tree, parsed_in_tree, packed_in_tree) = NotesTheCaches.seen
    assert norm_before > 0 and not packed_before
    assert (norm_in_tree, parsed_in_tree, packed_in_tree) == (0, 0, True)
    assert len(xp(context.tree, "//t:body//t:p[contains(., 'Anna Seghers')]")) == 8    # and the text is whole


def test_run_until_a_pass_keeps_the_targets_it_reads():
    context = PIPELINE.run(context_of("Titel\n\nEin Absatz, der endet.\n"), until="tree")
    assert context.lines is None and context.document.blocks       # the tree builder reads no lines
    context = PIPELINE.run(context_of("Titel\n\nEin Absatz, der endet.\n"), until="displayed-quotations")
    assert context.lines is None and context.document.blocks      # it reads the lines' lengths only
    assert context.line_measures is not None and context.line_measures.length(3) == len("Ein Absatz, der endet.")
    context = PIPELINE.run(context_of("Titel\n\nEin Absatz, der endet.\n"), until="note-pairing")
    assert context.line_measures is None


class NotesTheLines(BlockPass):
    """A block pass that notes whether the source's lines are still there when it runs."""

    name = "notes-the-lines"
    declaration = Declaration(Section.NORMALIZATION, "Nothing.")
    seen: list[object] = []

    def apply(self, doc, context: Context) -> None:
        NotesTheLines.seen.append(context.lines)


class ReadsTheLines(NotesTheLines):
    name = "reads-the-lines"
    reads_lines = True


def test_the_lines_are_kept_until_the_last_pass_that_reads_them_has_run():
    text = "Ein Titel\n\nEin Absatz, der auf zwei\nZeilen endet.\n"
    names = [p.name for p in PASSES]
    tree = names.index("tree")
    # after the last pass that reads the lines, before the tree: none are left
    NotesTheLines.seen = []
    pipeline = Pipeline(PASSES[:tree] + [NotesTheLines] + PASSES[tree:])
    pipeline.run(context_of(text, pipeline=pipeline))
    assert NotesTheLines.seen == [None]
    # a pass that reads them keeps them until it has run, for itself and the passes before it
    NotesTheLines.seen = []
    pipeline = Pipeline(PASSES[:tree] + [NotesTheLines, ReadsTheLines] + PASSES[tree:])
    context = pipeline.run(context_of(text, pipeline=pipeline))
    assert [len(lines.lines) for lines in NotesTheLines.seen] == [5, 5] and context.lines is None
    assert [p.name for p in PASSES if p.reads_lines][-1] == "layout"      # (a line pass: none after it)


class NotesTheLengths(NotesTheLines):
    name = "notes-the-lengths"

    def apply(self, doc, context: Context) -> None:
        NotesTheLines.seen.append((context.lines, context.line_measures))


class ReadsTheLengths(NotesTheLengths):
    name = "reads-the-lengths"
    reads_line_lengths = True


class NotesTheLengthsAfter(NotesTheLengths):
    name = "notes-the-lengths-after"


def test_the_lines_lengths_outlive_the_lines_until_the_last_pass_that_reads_them_has_run():
    text = "Ein Titel\n\nEin Absatz, der auf zwei\nZeilen endet.\n"
    tree = [p.name for p in PASSES].index("tree")
    NotesTheLines.seen = []
    pipeline = Pipeline(PASSES[:tree] + [NotesTheLengths, ReadsTheLengths, NotesTheLengthsAfter] + PASSES[tree:])
    context = pipeline.run(context_of(text, pipeline=pipeline))
    (lines, first), (_, second), (_, after) = NotesTheLines.seen
    assert lines is None and first is second and after is None and context.line_measures is None
    assert [first.length(n) for n in range(6)] == [0, 9, 0, len("Ein Absatz, der auf zwei"), len("Zeilen endet."), 0]
    assert list(first.live) == [9, len("Ein Absatz, der auf zwei"), len("Zeilen endet.")]
    assert [p.name for p in PASSES if p.reads_line_lengths] == ["displayed-quotations"]


def test_a_library_conversion_runs_with_rarer_full_collections_and_gives_the_thresholds_back(monkeypatch):
    import gc

    import tei_edition
    from tei_edition.garbage import FULL_COLLECTION_EVERY
    before = gc.get_threshold()
    during = []
    real = Pipeline.run
    monkeypatch.setattr(Pipeline, "run", lambda self, *a, **k: during.append(gc.get_threshold()) or real(self, *a, **k))
    tei_edition.convert("Ein Titel\n\nEin Absatz, der endet.\n", {})
    assert during == [before[:2] + (max(FULL_COLLECTION_EVERY, before[2]),)] and gc.get_threshold() == before


def test_a_cache_marked_for_the_tree_phase_is_emptied_and_answers_as_before():
    from functools import lru_cache

    from tei_edition.garbage import empty_earlier_caches, emptied_when_the_tree_phase_begins
    calls = []

    @emptied_when_the_tree_phase_begins
    @lru_cache(maxsize=None)
    def doubled(n: int) -> int:
        calls.append(n)
        return 2 * n
    parsed = emptied_when_the_tree_phase_begins({"0:1": ((0, 1),)})
    assert doubled(4) == doubled(4) == 8 and calls == [4]
    empty_earlier_caches()
    assert parsed == {} and doubled.cache_info().currsize == 0
    assert doubled(4) == 8 and calls == [4, 4]


def test_a_cache_of_the_conversion_is_emptied_when_it_ends_even_when_it_fails(monkeypatch):
    from tei_edition.garbage import emptied_when_the_conversion_ends
    kept = emptied_when_the_conversion_ends({"left": "from before"})
    tei_edition.convert("Ein kurzer Absatz über den Hafen.\n", {"language": "de"})
    assert kept == {}
    kept["left"] = "again"

    def fails(self, context):
        raise RuntimeError("a pass failed")
    monkeypatch.setattr(Pipeline, "run", fails)
    with pytest.raises(RuntimeError):
        tei_edition.convert("Ein kurzer Absatz über den Hafen.\n", {"language": "de"})
    assert kept == {}


def test_a_long_reference_list_is_read_once_however_many_passes_ask_for_it(monkeypatch):
    # the readings of full citations are kept for the whole conversion: 2,100 entries (more than
    # any fixed bound would hold) are each parsed once, though three passes read them
    from collections import Counter
    from tei_edition.citations import parse
    families = ["Nilsson", "Lindgren", "Åberg", "Sundqvist", "Holmberg", "Ekström", "Wallin"]
    body = "".join(f"The harbour accounts were kept in order ({families[k % 7]} {1800 + k % 200}: {k % 90 + 1}).\n\n"
                   for k in range(2100))
    entries = "\n\n".join(f"{families[k % 7]}, K. ({1800 + k % 200}). Hamnens räkenskaper, del {k}. Stockholm: Norstedts."
                          for k in range(2100))
    reads: Counter = Counter()
    read = parse._legal_or_official          # the first thing each reading asks
    monkeypatch.setattr(parse, "_legal_or_official",
                        lambda s, start, end, entry: reads.update([(s[start:end], entry)]) or read(s, start, end, entry))
    tree = tei_edition.convert("Harbour Accounts\n\n" + body + "References\n\n" + entries + "\n", {"language": "en"})
    assert len(tree.findall(".//{http://www.tei-c.org/ns/1.0}listBibl/{http://www.tei-c.org/ns/1.0}bibl")) == 2100
    assert reads and max(reads.values()) == 1
