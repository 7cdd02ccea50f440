"""transforms/persons.py: the quicker tests the pass makes of names the register does not know give
what the plain ones give: a run of one capitalised word is trimmed by `_trimmed_one` as
`_trimmed_run` trims it, a derived word ('Stalinist') is found by its ending's length as the
search for an ending at the word's end found it, and a token of letters alone holds no digit;
on texts of the pass's own in English and German."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from passlab import before

from tei_edition.model import SourceText
from tei_edition.registers import Registers
from tei_edition.registers.persons import REGISTER_FILE
from tei_edition.transforms.persons import Persons, Scan, Vocabulary, _blocks, _trimmed_one, _trimmed_run

REGISTER = ('<listPerson xmlns="http://www.tei-c.org/ns/1.0">'
            '<person xml:id="trotsky"><persName type="main"><forename>Leon</forename> <surname>Trotsky</surname>'
            '</persName><persName type="variant"><surname>Trotzki</surname></persName></person>'
            '<person xml:id="stalin"><persName type="main"><forename>Joseph</forename> <surname>Stalin</surname>'
            '</persName><persName type="short"><surname>Stalin</surname></persName></person>'
            '<person xml:id="bonaparte"><persName type="main"><forename>Napoléon</forename> '
            '<surname>Bonaparte</surname></persName></person>'
            '<person xml:id="linden"><persName type="main"><forename>Marcel</forename> <nameLink>van der</nameLink> '
            '<surname>Linden</surname></persName></person></listPerson>')

TEXTS = {
    "en": ("Names\n\n"
           "Leon Trotsky and Stalin met. The Stalinist and Trotskyist groups, the Bonapartism of the\n"
           "Kremlin, Marcel van der Linden and Dr. Richard Day of Toronto wrote of it. May Day in\n"
           "Moscow; G.P.U. agents, the KPD and Comrade Smith. Paris, London and Berlin. A. B. Carr.\n"),
    "de": ("Namen\n\n"
           "Der Trotzkismus und die Trotzkisten; Leon Trotzki schrieb über den Stalinismus. Die Partei\n"
           "tagte in Berlin, Genosse Müller und Frau Schmidt kamen. Der Bonapartismus, die Rote Fahne.\n"),
}


@pytest.fixture
def registers(tmp_path: Path) -> Registers:
    (tmp_path / REGISTER_FILE).write_text(REGISTER, encoding="utf-8")
    return Registers(tmp_path)


def scans_of(text: str, language: str, registers: Registers) -> list[Scan]:
    context = before(Persons.name, text, {"language": language})
    context.registers = registers
    words = Vocabulary.of(context)
    blocks = list(_blocks(context.tree, words.particles, context.source_text))
    assert blocks
    return [Scan(b, registers.persons, words) for b in blocks]


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_a_run_of_one_word_is_trimmed_as_a_run_of_any_length_is(language, registers):
    checked = kept = 0
    for scan in scans_of(TEXTS[language], language, registers):
        for k in range(len(scan.block.tokens)):
            assert _trimmed_one(scan, k) == _trimmed_run(scan, [k]), scan.block.tokens[k]
            checked += 1
            kept += bool(_trimmed_one(scan, k))
    assert checked > 10 and 0 < kept < checked      # both answers occur


def slow_derived(words: Vocabulary, key: str, stems: frozenset[str]) -> bool:
    """The test as it was: a search for an ending at the key's end, then every ending tried."""
    if not re.search("(?:" + "|".join(re.escape(d) for d in words.derivations) + ")$", key):
        return False
    return any(key.endswith(e) and len(key) > len(e) + 2 and key[:-len(e)] in stems for e in words.derivations)


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_derived_words_are_found_by_their_endings_lengths_as_by_the_search(language, registers):
    scans = scans_of(TEXTS[language], language, registers)
    words, register = scans[0].words, registers.persons
    tokens = [t for s in scans for t in s.block.tokens]
    found = [t.text for t in tokens if words.derived(t, register)]
    assert found == [t.text for t in tokens if slow_derived(words, t.key, register.name_stems)]
    assert found       # 'Stalinist', 'Trotskyist', 'Bonapartism'; 'Trotzkismus', 'Stalinismus'
    assert all(not words.derived(t, register) for t in tokens if t.text in ("Stalin", "Trotsky", "Berlin"))


def test_no_character_is_both_a_letter_and_a_digit():
    # what lets a token of letters alone (str.isalpha) skip the search for a digit in it
    assert not [c for c in map(chr, range(sys.maxunicode + 1)) if c.isalpha() and c.isdigit()]


def test_the_source_s_words_read_line_by_line_are_those_of_the_whole_text():
    """_Lexicon reads a line at a time (a list of every word of a long text would take ten times
    its memory): the same words as the whole text read at once, addresses set apart."""
    from tei_edition.transforms.persons import ADDRESS_CHUNK, WORD, _Lexicon
    source = ("Die Briefe von Rosa an Leo, l’archivio di Torino\nsiehe https://archiv.example.org/rosa-briefe "
              "und mail@verlag.example.de\nEL PAÍS, d’Annunzio y la UGT\n\nwww.example.es/hemeroteca/1931 fin")
    lexicon = _Lexicon.of(SourceText(source))
    assert lexicon.text_words == frozenset(WORD.findall(ADDRESS_CHUNK.sub(" ", source)))
    assert lexicon.address_words == frozenset(w for c in ADDRESS_CHUNK.findall(source) for w in WORD.findall(c))
    assert {"Briefe", "l’archivio", "PAÍS", "d’Annunzio"} <= lexicon.text_words
    assert {"archiv", "verlag", "hemeroteca"} <= lexicon.address_words and "hemeroteca" not in lexicon.text_words


def test_the_source_s_words_read_in_batches_of_distinct_runs_are_those_read_at_once(monkeypatch):
    """_Lexicon reads the distinct runs of non-space characters a batch at a time: a batch of two
    runs gives the words one batch gives, addresses set apart as ADDRESS_CHUNK finds them."""
    from tei_edition.transforms import persons
    source = ("Rosa an Leo, an Rosa; l’archivio di Torino\nsiehe https://archiv.example.org/rosa-briefe "
              "a/b und mail@verlag.example.de Rosa\n\nwww.example.es/hemeroteca/1931 fin\tRosa’s ΟΔΟΣ")
    whole = persons._Lexicon.of(SourceText(source))
    monkeypatch.setattr(persons, "_CHUNKS_AT_ONCE", 2)
    batched = persons._Lexicon.of(SourceText(source))
    assert batched == whole
    assert whole.text_words == frozenset(persons.WORD.findall(persons.ADDRESS_CHUNK.sub(" ", source)))
    assert whole.address_words == frozenset(w for c in persons.ADDRESS_CHUNK.findall(source)
                                            for w in persons.WORD.findall(c))
    assert {"a", "b"} <= whole.address_words and "a" not in whole.text_words


def test_words_folded_in_one_string_are_each_folded_alone():
    from tei_edition.registers.persons import fold
    from tei_edition.transforms.persons import _folded_lower_all
    words = ["Broué", "l’archivio", "ΟΔΟΣ", "ΣΑΣ", "İzmir", "KPD"]
    assert _folded_lower_all(words) == frozenset(fold(w).lower() for w in words)
    assert _folded_lower_all([]) == frozenset()


def _old_element_spans(e):
    """element_spans as it was read before it walked the text too."""
    from tei_edition.tei.namespaces import local_name
    found, offset = {}, 0

    def walk(x):
        nonlocal offset
        start = offset
        offset += len(x.text or "")
        for child in x:
            if isinstance(child.tag, str) and local_name(child) != "note":
                walk(child)
            elif isinstance(child.tag, str):
                found.setdefault(child, (offset, offset))
            offset += len(child.tail or "")
        found[x] = (start, offset)

    walk(e)
    return found


PARAGRAPH = ('<p xmlns="http://www.tei-c.org/ns/1.0">Leon <hi rend="italic">Trotsky<note>a <hi>note</hi></note>'
             '</hi><!-- a comment --> wrote<note/> <title>Stalin</title><?pi x?> in <bibl><author>Broue'
             '</author>, Pierre</bibl>.</p>')


def test_a_block_s_own_text_and_spans_are_read_in_one_walk_as_raw_text_and_the_spans_read_them():
    from lxml import etree

    from tei_edition.tei.text import raw_text
    from tei_edition.transforms.persons import own_text_and_spans
    p = etree.fromstring(PARAGRAPH)
    text, spans = own_text_and_spans(p)
    assert text == raw_text(p) == "Leon Trotsky wrote Stalin in Broue, Pierre."
    assert spans == _old_element_spans(p)
    assert all(text[s:e] == raw_text(x) for x, (s, e) in spans.items() if x.tag != "{http://www.tei-c.org/ns/1.0}note")
    for plain in ('<p xmlns="http://www.tei-c.org/ns/1.0">Leon Trotsky wrote.</p>',
                  '<p xmlns="http://www.tei-c.org/ns/1.0"/>'):      # no markup inside: read without a walk
        p = etree.fromstring(plain)
        assert own_text_and_spans(p) == (raw_text(p), _old_element_spans(p))


def test_whether_an_element_is_inside_a_block_or_a_citation_is_read_once_for_each_element_above_it():
    from lxml import etree

    from tei_edition.tei.namespaces import tei
    from tei_edition.transforms.persons import BIBLIOGRAPHIC, SCANNED, _Ancestry, _is_note_tag
    root = etree.fromstring('<text xmlns="http://www.tei-c.org/ns/1.0"><body><listBibl><bibl>Broue<note><p>x</p>'
                            '</note></bibl></listBibl><p>Trotsky <q>Stalin</q></p></body></text>')
    ancestry = _Ancestry()
    for e in root.iter():
        ancestors = list(e.iterancestors())
        assert ancestry.inside_scanned(e) == any(a.tag in SCANNED for a in ancestors)
        assert ancestry.bibliographic(e) == any(a.tag in BIBLIOGRAPHIC for a in [e, *ancestors])
    assert ancestry.bibliographic(root.find(f".//{tei('p')}")) and not ancestry.inside_scanned(root)
    assert _is_note_tag(tei("note")) and _is_note_tag("note") and not _is_note_tag(tei("notes"))
    from tei_edition.tei.namespaces import local_name, local_name_of_tag
    assert all(local_name_of_tag(e.tag) == local_name(e) for e in root.iter())


def test_a_block_keeps_its_tokens_keys_and_whether_it_is_a_note():
    from lxml import etree

    from tei_edition.registers.persons import name_tokens
    from tei_edition.transforms.persons import Block
    note = etree.fromstring('<note xmlns="http://www.tei-c.org/ns/1.0">Broué and L. Trotsky</note>')
    block = Block(note, 0, "Broué and L. Trotsky", name_tokens("Broué and L. Trotsky"), False, (), ())
    assert block.keys == ["broue", "and", "l", "trotsky"] and block.is_note
    assert block.spaced == [True, True, True, False]


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_a_capitalised_word_s_name_shape_is_kept_per_register_and_is_what_reading_it_again_gives(language, registers):
    from tei_edition.registers.persons import PersonsRegister
    scans = scans_of(TEXTS[language], language, registers)
    words, register = scans[0].words, registers.persons
    tokens = [t for s in scans for t in s.block.tokens if t.capitalised]
    shaped = [words.name_shaped_word(t, register) for t in tokens]
    assert shaped == [words._name_shaped_word(t, register) for t in tokens] == \
        [words.name_shaped_word(t, register) for t in tokens]
    assert True in shaped and False in shaped       # 'Smith'; 'KPD', 'Stalinist' / 'Trotzkismus'
    stalinist = next(t for t in tokens if t.text in ("Stalinist", "Trotzkismus"))
    assert not words.name_shaped_word(stalinist, register)
    assert words.name_shaped_word(stalinist, PersonsRegister())     # another register: read again


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_a_block_read_from_the_tokens_names_may_begin_at_finds_what_reading_every_token_finds(language, registers,
                                                                                              monkeypatch):
    def found(scans):
        return [([(m.start, m.end, m.kind, m.surname) for m in s.mentions], [(c.start, c.end) for c in s.conflicts],
                 s.skipped, s.used) for s in scans]

    quick = scans_of(TEXTS[language], language, registers)
    assert all(len(s._starts()) < len(s.block.tokens) for s in quick if len(s.block.tokens) > 3)
    monkeypatch.setattr(Scan, "_starts", lambda self: list(range(len(self.block.tokens))))
    assert found(quick) == found(scans_of(TEXTS[language], language, registers))
    assert any(s.mentions for s in quick)


def test_a_block_s_unknown_names_are_kept_early_only_where_the_tagging_cannot_change_them(registers):
    from tei_edition.transforms.persons import UnknownNames, candidates
    text = "Names\n\nLeon Trotsky met Richard Day and Boris Souvarine.\n\nRichard Pipes wrote.\n\nStalin\n"
    kinds = []
    for scan in scans_of(text, "en", registers):
        names = scan.unknown_names()
        if scan.mentions and not scan.block.spacing_read:
            assert names is scan          # read after the tagging, as before
        elif names is None:
            assert list(candidates(scan)) == []
        else:
            block = scan.block
            assert isinstance(names, UnknownNames) and names.found == [
                (block.line(a), " ".join(block.text[a:b].split())) for a, b in candidates(scan)]
        kinds.append(type(names).__name__)
    # 'Richard Day', 'Boris Souvarine'; 'Richard Pipes'; 'Stalin' alone: its spacing was never read
    assert kinds == ["UnknownNames", "UnknownNames", "Scan"]


def one_name_shape(scan: Scan, i: int) -> bool:
    """A token's name shape as it was read, one token at a time."""
    token, words = scan.block.tokens[i], scan.words
    if not token.capitalised:
        return token.key in words.particles and i not in scan.used
    if i in scan.used or i in scan.phrased:
        return False
    return words.name_shaped_word(token, scan.register)


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_the_name_shapes_of_a_block_are_those_of_its_tokens_one_by_one(language, registers):
    from tei_edition.transforms.persons import _name_shapes
    scans = scans_of(TEXTS[language], language, registers)
    shapes = [_name_shapes(s) for s in scans]
    assert shapes == [[one_name_shape(s, i) for i in range(len(s.block.tokens))] for s in scans]
    assert any(True in found for found in shapes) and any(False in found for found in shapes)
