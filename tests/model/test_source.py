"""The decoded source as passes read it (tei_edition/model/source.py): whole, in stretches of
whole lines, and the same once held compressed for the tree phase."""
from __future__ import annotations

import zlib

import pytest

from tei_edition.api import convert
from tei_edition.model import SourceText
from tei_edition.model import source as source_module
from tei_edition.model.source import _inflated_stretches, _stretches
from tei_edition.transforms.persons import _Lexicon, _line_in_source

TEXTS = [
    "one two\nthree\n\nfour five six\nseven",
    "Ἐν ἀρχῇ ἦν ὁ λόγος\n« Guillemets » et “guillemets”\n\n— tiret\nZürich, Łódź\n",
    "Ein Satz.\r\nmit Wagenrücklauf\n\n\n",
    "",
]


def compacted(text: str) -> SourceText:
    source = SourceText(text)
    source.compact()
    return source


def test_a_text_is_cut_into_stretches_of_whole_lines():
    text = TEXTS[0]
    assert list(_stretches(text, 4)) == ["one two", "three", "\nfour five six", "seven"]    # cut at line ends
    assert "\n".join(_stretches(text, 4)) == text == "\n".join(_stretches(text, 1000))
    assert list(_stretches("", 4)) == [""] and list(_stretches("a\n", 0)) == ["a", ""]      # (no line is lost)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("size", [1, 5, 1 << 16])
def test_held_compressed_it_reads_as_the_text_in_the_same_lines(text, size):
    whole, compact = SourceText(text), compacted(text)
    assert compact.text == whole.text == text
    assert "\n".join(compact.stretches(size)) == "\n".join(whole.stretches(size)) == text
    assert list(compact.lines()) == list(whole.lines())
    assert bool(compact) == bool(whole) == bool(text)


@pytest.mark.parametrize("text", TEXTS + ["Zeile eins\n" * 40 + "“Schluss” ohne Zeilenende"])
@pytest.mark.parametrize("size", [1, 5, 64])
def test_held_compressed_it_is_read_in_the_stretches_of_its_text(text, size, monkeypatch):
    monkeypatch.setattr(source_module, "_INFLATED_AT_ONCE", 7)     # a few bytes inflated at a time
    utf8 = text.encode("utf-8", "surrogatepass")
    assert list(_inflated_stretches(zlib.compress(utf8, 1), size)) == list(_stretches(utf8, size))


def test_held_compressed_a_running_text_takes_less_than_half_its_utf8():
    text = "".join(f"Der {k}. Absatz erzählt, wie Clara Zetkin am {k % 28 + 1}. März sprach.\n" for k in range(2000))
    source = compacted(text)
    assert source._text is None and source._packed is not None
    assert len(source._packed) < len(text.encode("utf-8")) / 2
    assert source.text == text


def test_a_lone_surrogate_survives_being_held_compressed():
    text = "avant \ud800 après\nfin"
    assert compacted(text).text == text


def test_the_words_and_lines_the_persons_pass_reads_are_those_of_the_text():
    text = "Rosa Luxemburg schrieb an LEO JOGICHES.\nSiehe https://example.org/Rosa-Briefe\n\nEnde."
    assert _Lexicon.of(compacted(text)) == _Lexicon.of(SourceText(text))
    assert _line_in_source(compacted(text), "Ende.") == 4
    assert _line_in_source(compacted(text), "nirgends") is None


def test_the_text_is_held_compressed_from_the_first_pass_what_needs_it_whole_read_before(monkeypatch):
    from tei_edition import passes
    from tei_edition.pipeline import PASSES
    from tei_edition.report import Report
    held = []
    real = passes.Pass.run

    def run(self, context):
        held.append((self.name, context.source_text._text is None))
        real(self, context)
    monkeypatch.setattr(passes.Pass, "run", run)
    report = Report()
    # a licence stated over a line end: found in the whole text, read before it was compacted
    convert("Un titre\n\nUn paragraphe où Jean Jaurès parle.\n\nCe texte est\ndans le domaine public.\n",
            report=report)
    assert not any(p.reads_source for p in PASSES)
    assert held == [(p.name, True) for p in PASSES]
    stated = [(e.line, e.detail) for e in report.entries if e.stage == "licence"]
    assert stated == [(5, "Ce texte est dans le domaine public.")]


def test_once_compacted_the_text_was_held_by_nothing_but_the_context(monkeypatch):
    # (a caller's name for the decoded text would keep it whole beside its compressed copy)
    import sys

    from tei_edition.api import convert_bytes
    counts = []
    real = SourceText.compact

    def compact(self):
        counts.append(sys.getrefcount(self._text) - 1)      # less getrefcount's argument: this object's own
        real(self)
    monkeypatch.setattr(SourceText, "compact", compact)
    convert_bytes("Ein Titel\n\nEin Absatz, in dem Clara Zetkin „spricht“.\n".encode("utf-8"))
    assert counts == [1]


def test_a_pass_that_reads_the_text_whole_keeps_it_whole_until_it_has_run():
    from passlab import context_of

    from tei_edition.passes import BlockPass, Declaration, Section
    from tei_edition.pipeline import PASSES, Pipeline
    seen = []

    class ReadsTheText(BlockPass):
        name = "reads-the-text"
        reads_source = True
        declaration = Declaration(Section.NORMALIZATION, "Nothing.")

        def apply(self, doc, context):
            seen.append((context.source_text._text is None, context.source.count("\n")))

    class AfterIt(ReadsTheText):
        name = "after-it"
        reads_source = False
    tree = [p.name for p in PASSES].index("tree")
    pipeline = Pipeline(PASSES[:tree] + [ReadsTheText, AfterIt] + PASSES[tree:])
    pipeline.run(context_of("Ein Titel\n\nEin Absatz über Rosa Luxemburg.\n", pipeline=pipeline))
    assert seen == [(False, 3), (True, 3)]      # whole for it, deflated after it (a copy still reads whole)
