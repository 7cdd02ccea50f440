"""registers/persons.py: the quicker ways of reading names give what the plain ones give.

`name_tokens(text, lower)` passes over runs of plain small words in one regex match: it must
give exactly the tokens of `_tokens`, the reading of every token in Python, on texts of several
languages and on random texts made of the characters where token boundaries are decided
(apostrophes, hyphens, full stops, digits, accents, capitals). `key_of` is cached, and the parts
of a persName are made once each: the same keys and parts as before."""
from __future__ import annotations

import random
import re

import pytest
from lxml import etree

from tei_edition import data
import sys
import unicodedata

from tei_edition.registers.persons import (NamePart, _flat, _fold_char, _lowers_one_by_one, _one_of, _parts, _token_reading,
                                           _tokens, fold, key_of, name_tokens)
from tei_edition.tei.namespaces import TEI_NS, local_name

PARTICLES = data.words("name_particles.txt")

TEXTS = [
    # English: possessives, initials, hyphenated and apostrophised names, sentence ends
    "Iu.L. Piatakov, O’Callaghan’s and Antonov-Ovseenko's friend met L.D. Trotsky in 1927; anti-Stalin "
    "feeling ran high. The end.Next day, the Zinoviev-Kamenev bloc (see p. 12) fell. a.b.c. ab.cd x² y",
    "Marcel van der Linden, Ortega y Gasset and Pierre de la Cour wrote of it's 'the left' and don't.",
    # French: elisions, accents, particles with accents
    "L'Humanité publia l’article de Jean Jaurès et d'Édouard Herriot ; dé la Rocque, vän Dyck, "
    "l'anti-Blum, Rosa Luxemburg-Platz. « Où est-il ? » demanda-t-il à M. Léon Blum.",
    # German: capitalised nouns, ß, umlauts, hyphens
    "Die Rede Trotzkis über den Stalinismus erschien in der Zeitung „Die Rote Fahne“ — Karl-Marx-Straße, "
    "von Ossietzky, zu Guttenberg; das Parteibüro der KPD, u.a. mit Ernst Thälmann.",
    # a letter (ʼ, a modifier letter) that folds into a non-letter, and combining accents
    "Kʼiche Maya and Jose\u0301 Marti\u0301 de la Torre, the bʼalam; 'sx and ’s.",
    # the Greek final sigma, and a capital whose small letter is two characters long (the slow way)
    "ΟΔΟΣ Σωκράτης and ΣΤΑΛΙΝ; İstanbul de İzmir, van İnönü.",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("lower", [PARTICLES, frozenset({"of", "the", "de", "dé", "d'", "ab.", "a"}), frozenset()])
def test_name_tokens_with_lower_words_give_what_every_token_read_in_python_gives(text, lower):
    assert name_tokens(text, lower) == _tokens(text, fold(text).lower(), lower)


ALPHABET = "ab sdevnzAÉBLSD'’-.,;2²é ʼ\nĳ"


def test_name_tokens_agree_with_the_plain_reading_on_random_texts():
    rng = random.Random(12)
    lower = frozenset({"de", "van", "a", "s", "ab"})
    for _ in range(4000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 24)))
        assert name_tokens(text, lower) == _tokens(text, fold(text).lower(), lower), text


def test_name_tokens_agree_with_the_plain_reading_where_words_end_sentences_and_keys_change_case():
    """Words of one, two, three letters before a full stop (an initial, or a word passed over),
    kept words that begin longer ones, and the letters whose small letters are irregular."""
    rng = random.Random(7)
    lower = frozenset({"de", "van", "abc", "s"})
    alphabet = ["ab", "abc", "abcd", "de", "dex", "van", "s", ".", ". ", " ", "  ", "’", "-", "Σ", "ΑΣ", "İ", "é",
                "Lev", "L.", "\n", ",", "2"]
    for _ in range(4000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))
        assert name_tokens(text, lower) == _tokens(text, fold(text).lower(), lower), text


def test_the_words_of_three_letters_or_more_before_a_full_stop_are_dropped_and_initials_kept():
    tokens = name_tokens("It was the end. He met ab. and L. Trotsky at the van. De la Cour.", PARTICLES)
    assert [t.text for t in tokens] == ["It", "He", "L.", "Trotsky", "van", "De", "la", "Cour"]


def test_a_text_lowers_one_by_one_unless_a_small_letter_is_longer_or_a_sigma_stands():
    assert _lowers_one_by_one("Trotsky’s Broué")
    assert not _lowers_one_by_one("ΟΔΟΣ") and not _lowers_one_by_one("İzmir")


def test_no_character_folds_into_a_sigma_or_a_letter_whose_small_letter_is_longer():
    """What _lowers_one_by_one relies on, read for every character that folding changes."""
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if not unicodedata.decomposition(c) and c not in "’‘ʼ‐‑":
            continue      # (folding changes only characters that decompose, and these)
        folded = _fold_char(c)
        if folded != c and len(c.lower()) == 1:
            assert folded != "Σ" and len(folded.lower()) == 1, c


def test_a_token_is_read_once_for_each_distinct_text_and_as_the_text_around_it_is_read(monkeypatch):
    from tei_edition.registers import persons
    reading = _token_reading(PARTICLES)
    for token in ("Broué", "O’Brien", "Antonov-Ovseenko", "L.", "van", "anti-Stalin", "the", "d’Annunzio"):
        expected = [(t.kind, t.key) for t in _tokens(token, fold(token).lower(), PARTICLES)]
        assert [reading.read(token)] == (expected or [None]) and reading.read(token) == (expected or [None])[0]
    monkeypatch.setattr(persons, "_TOKENS_KEPT", 2)
    fresh = persons._TokenReading(PARTICLES)
    assert [fresh.read(t) for t in ("Lev", "Trotsky", "Lev", "de")] == [
        (persons.TokenKind.WORD, "lev"), (persons.TokenKind.WORD, "trotsky"), (persons.TokenKind.WORD, "lev"),
        (persons.TokenKind.WORD, "de")]
    assert len(fresh._read) <= 2


def test_the_plain_words_passed_over_are_dropped_and_particles_kept():
    tokens = name_tokens("the works of Marcel van der Linden and de Gaulle's men", PARTICLES)
    assert [t.text for t in tokens] == ["Marcel", "van", "der", "Linden", "de", "Gaulle"]
    assert [t.text for t in name_tokens("Léon Blum et l'anti-Blum", PARTICLES)] == ["Léon", "Blum", "l'anti-Blum"]



def test_key_of_is_the_key_of_the_tokens_and_the_same_on_every_call():
    for text in ("Lev Davidovich Trotsky", "Jean Jaurès", "Pierre Broué", "van der Linden", "J. Arch Getty"):
        expected = tuple(t.key for t in _tokens(text, fold(text).lower(), None))
        assert key_of(text) == expected and key_of(text) == expected
    assert key_of("Broué") == key_of("Broue") == ("broue",)


def slow_parts(e: etree._Element) -> tuple[NamePart, ...]:
    """The parts of a persName as they were read before: every part made twice."""
    parts = [NamePart(None, e.text or "")]
    for child in e:
        name = local_name(child)
        if name:
            parts.append(NamePart(name, _flat(child), child.get("type")))
        parts.append(NamePart(None, child.tail or ""))
    texts = [NamePart(p.tag, re.sub(r"\s+", " ", p.text), p.type) for p in parts]
    if texts[0].tag is None:
        texts[0] = NamePart(None, texts[0].text.lstrip())
    if texts[-1].tag is None:
        texts[-1] = NamePart(None, texts[-1].text.rstrip())
    return tuple(p for p in texts if p.tag is not None or p.text)


@pytest.mark.parametrize("xml", [
    '<persName type="main"><forename>Lev</forename> <forename type="patronymic">Davidovich</forename>\n'
    '   <surname>Trotsky</surname></persName>',
    '<persName>  <forename>Marcel</forename>  <nameLink>van  der</nameLink> <surname>Linden</surname>  </persName>',
    '<persName>Lyova</persName>',
    '<persName>Chiang <addName type="nickname">Kai-shek</addName><!-- a note --> et <roleName>le\tGénéralissime'
    '</roleName></persName>',
    '<persName><surname>Jaurès</surname>, <forename>Jean <hi>Léon</hi></forename></persName>',
    '<persName> </persName>',
])
def test_the_parts_of_a_persname_are_read_as_before(xml):
    e = etree.fromstring(f'<TEI xmlns="{TEI_NS}">{xml}</TEI>')[0]
    assert _parts(e) == slow_parts(e)


@pytest.mark.parametrize("words", [{"de", "del", "della", "den"}, {"a"}, {"ab", "a"}, {"y", "van", "von", "ten"},
                                   set(PARTICLES), {"x.y", "a+b", "a"}])
def test_one_of_matches_exactly_the_words_it_is_given(words):
    rx = re.compile(_one_of(words))
    for w in words:
        assert rx.fullmatch(w), w
    near = {w[:-1] for w in words} | {w + "s" for w in words} | {"e" + w for w in words} | {"", "xy", "ab+"}
    for w in near - set(words):
        assert not rx.fullmatch(w), w


def test_fold_of_short_and_long_texts_is_each_character_folded_whatever_was_folded_before():
    # names first (short: the table), each bringing characters not seen before, then long texts
    # that hold those and others (the pattern, compiled again once it is behind)
    names = ["Broué", "Šmeral", "O’Brien", "Łapiński", "Antonov‐Ovseenko", "Ibáñez", "Ǆoković", "Ọkẹ"]
    long_texts = [" ".join(names) * 3 + " Řehoř Ŵ", "x" * 70 + "ſ ĳ ǅ ǈ Ḁ ḁ", ("Nǃxau ʼ " * 12) + "ŉ"]
    for text in names + long_texts + [n + "ŷ" for n in names] + [t + "ỳ" for t in long_texts]:
        assert fold(text) == "".join(_fold_char(c) for c in text), text


def test_fold_leaves_every_ascii_character_as_it_is_in_short_and_long_texts():
    # the shortcut for ASCII text must agree with folding character by character
    every_ascii = "".join(chr(i) for i in range(128))
    for text in ["O'Neill-Kaye", every_ascii, every_ascii * 3, "Dvorak " * 20]:
        assert fold(text) == text == "".join(_fold_char(c) for c in text)
