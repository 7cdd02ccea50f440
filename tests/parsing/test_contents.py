"""parsing/contents.py: the source's own contents list left out, its entries kept as evidence."""
from __future__ import annotations

from passlab import only

from tei_edition.parsing.contents import ContentsList
from tei_edition.report import Kind


def removed(context) -> list[int]:
    return [ln.no for ln in context.lines if ln.removed == "contents"]


def test_the_heading_and_entry_lines_are_left_out_and_the_entries_kept():
    text = ("Inhaltsverzeichnis\n\nErster Teil\t1\nZweiter Teil\t9\nDritter Teil\tXII\n\n"
            "Erster Teil\n\nAm Fluss lag ein Dorf.\n\nZweiter Teil\n\nIm Dorf lebte ein Müller.\n\n"
            "Dritter Teil\n\nDer Müller hatte drei Söhne.\n")
    context, found = only(ContentsList, text)
    assert removed(context) == [1, 3, 4, 5]
    assert context.lines.contents == ["Erster Teil", "Zweiter Teil", "Dritter Teil"]
    assert [ln.no for ln in context.lines if ln.text == "Erster Teil" and ln.live] == [7]
    assert [(e.kind, e.action, e.line, e.detail) for e in found] == [
        (Kind.REPAIR, "left the source's contents list out of the body", 1, "3 lines")]


def test_page_numbers_are_cut_and_a_last_entry_that_never_comes_back_stays_in_the_text():
    text = ("Índice\n\nPrimera parte ........ 3\nSegunda parte ........ 9\nNotas finales ........ 20\n\n"
            "Primera parte\n\nEl pueblo dormía.\n\nSegunda parte\n\nNadie salió a recibirlos.\n")
    context, found = only(ContentsList, text)
    assert context.lines.contents == ["Primera parte", "Segunda parte"]
    assert removed(context) == [1, 3, 4]
    assert context.lines.lines[4].live and context.lines.lines[4].text == "Notas finales ........ 20"
    assert found[0].detail == "2 lines"


def test_an_entry_wrapped_in_lower_case_is_joined():
    text = ("Table des matières\n\nI. Le départ\t5\nII. La traversée de la\nmontagne\t12\nIII. L'arrivée\t30\n\n"
            "I. Le départ\n\nLe voyage commença sous la pluie.\n\nII. La traversée de la montagne\n\n"
            "Les chemins étaient étroits.\n\nIII. L'arrivée\n\nEnfin la ville apparut.\n")
    context, found = only(ContentsList, text)
    assert context.lines.contents == ["I. Le départ", "II. La traversée de la montagne", "III. L'arrivée"]
    assert removed(context) == [1, 3, 4, 5, 6]
    assert found[0].detail == "4 lines"


def test_an_entry_ending_in_a_function_word_is_joined_to_the_next_line():
    # the heading is wrapped in the body too: only the dangling 'of' says the entry goes on, while
    # two capitalised entries after it stay apart
    text = ("Contents:\n\nLetters from the Valley of\nSilent Mills\t14\nA Winter in the Harbour\t31\n"
            "Spring Tides\t40\n\n"
            "Letters from the Valley of\nSilent Mills\n\nThe mills had stopped turning.\n\n"
            "A Winter in the Harbour\n\nThe boats stayed in port until March.\n\n"
            "Spring Tides\n\nThe sea rose.\n")
    context, found = only(ContentsList, text)
    assert context.lines.contents == ["Letters from the Valley of Silent Mills", "A Winter in the Harbour",
                                      "Spring Tides"]
    assert found[0].detail == "4 lines"


def test_a_sentence_ends_the_list():
    text = ("Inhalt\n\nErster Teil\t1\nZweiter Teil\t9\nDie Geschichte beginnt hier am Fluss.\n"
            "Erster Teil\n\nAm Fluss lag ein Dorf.\n\nZweiter Teil\n\nIm Dorf lebte ein Müller.\n")
    context, _ = only(ContentsList, text)
    assert removed(context) == [1, 3, 4]
    assert context.lines.lines[4].live


def test_a_list_whose_entries_never_come_back_is_not_a_contents_list():
    text = ("Contents\n\nApples\nPears\nPlums\n\n"
            "We grew apples, pears and plums in the orchard behind the house.\n")
    context, found = only(ContentsList, text)
    assert found == []
    assert context.lines.contents == []
    assert all(ln.live for ln in context.lines)


def test_a_contents_heading_naming_its_volume_and_entries_ending_with_a_full_stop():
    text = ("CONTENTS OF VOLUME II.\n\nSECOND PART.\n\n216. To Steiner.\n217. To the Same\n\n\n\n"
            "SECOND PART.\n\nDer Brief beginnt hier mit einem langen Satz über die Reise.\n\n216. To Steiner.\n\n"
            "Lieber Freund, ich schreibe Ihnen aus Wien.\n\n217. To the Same\n\nNoch ein Brief.\n")
    context, _ = only(ContentsList, text)
    assert removed(context) == [1, 3, 5, 6]
    assert context.lines.contents == ["SECOND PART", "216. To Steiner", "217. To the Same"]


def test_a_contents_list_of_page_numbers_ends_at_a_wide_gap_and_at_wrapped_prose():
    text = ("CONTENTS\n\n    I. THE ORIGIN OF MUSIC      1\n   II. THE MUSIC OF GREECE     16\n"
            "  III. THE MUSIC OF ROME      30\n\n\n\n\n"
            "CRITICAL ESSAYS\n\n\nI\n\nTHE ORIGIN OF MUSIC\n\n"
            "Darwin's theory that music had its origin in the sounds made\n"
            "by the half-human progenitors of man seems inadequate to me.\n\n"
            "II\n\nTHE MUSIC OF GREECE\n\nThe Greeks sang.\n\nIII\n\nTHE MUSIC OF ROME\n\nRome sang.\n\n"
            "INDEX\n\nI.\n")
    context, _ = only(ContentsList, text)
    assert removed(context) == [1, 3, 4, 5]


def test_an_entrys_text_is_the_line_without_its_page_reference_as_the_pattern_reads_it():
    from tei_edition.parsing.contents import PAGE_REF, entry_text
    lines = ["I. The Origin of Music\t1", "II. THE MUSIC OF GREECE     16", "Préface ........ xiv", "Préface ...... XIV  ",
             "Einleitung   ١٢", "Vorwort\t\tIİ", "Conclusion . . . 7.", "Darwin's theory that music had its origin.",
             "Chapter 3", "He was born in 1879", "   ", "", "Epilogue\t", "Epilogue  c\n", "L'Appendice   ı"]
    for raw in lines:
        assert entry_text(raw) == PAGE_REF.sub("", raw).strip(" \t."), repr(raw)
    assert entry_text("II. THE MUSIC OF GREECE     16") == "II. THE MUSIC OF GREECE"


def _slow_match(key: str, keys: frozenset[str]) -> bool:
    """matches_entry as it read before its index by length: every entry with the same first word."""
    from difflib import SequenceMatcher
    if key in keys:
        return True
    if len(key) < 20:
        return False
    def close(a: str, b: str) -> bool:
        m = SequenceMatcher(None, a, b)
        return m.real_quick_ratio() >= 0.95 and m.quick_ratio() >= 0.95 and m.ratio() >= 0.95
    return any(abs(len(k) - len(key)) <= 3 and close(k, key) for k in keys if k and k.split()[0] == key.split()[0])


def test_a_misspelt_entry_is_matched_as_comparing_it_with_every_entry_would():
    from tei_edition.parsing.contents import matches_entry, norm
    entries = ["The Origins of the Left Opposition", "The Struggle Against Bureaucracy", "The Platform of 1927",
               "Die Entstehung der Linken Opposition", "Die Plattform der Opposition von 1927",
               "La révolution trahie et ses conséquences", "La révolution permanente en Chine", "Epilogue"]
    keys = frozenset(norm(e) for e in entries)
    lines = ["The Origins of the Left Oposition", "The Origin of the Left Opposition", "The Origins of the Left Opposition",
             "The Struggle Agianst Bureaucracy", "The Struggle Against Bureaucracy and the State", "The Platform of 1928",
             "Die Entstehung der linken Oppositon", "Die Plattform der Opposition von 1972", "La révolution trahie et ses conséquence",
             "La revolution permanente en Chine", "La révolution permanente", "Epilog", "The Origins of the Left Opposition in 1923",
             "the", "", "Die Entstehung der Linken",
             # no entry begins with their first word: none is looked at
             "Thee Origins of the Left Opposition", "Nothing of the sort was said in 1927"]
    found = 0
    for line in lines:
        key = norm(line)
        assert matches_entry(key, keys) is _slow_match(key, keys), line
        assert matches_entry(key, keys, fuzzy=False) is (key in keys)
        found += matches_entry(key, keys)
    assert found >= 6


def _pattern_norm(text: str) -> str:
    """norm as the pattern alone reads it, for every text."""
    from tei_edition.parsing.contents import _NOT_WORD, _numbering
    return _NOT_WORD.sub(" ", _numbering().sub("", text.strip()).lower()).strip()


def test_norm_reads_ascii_texts_as_the_pattern_does():
    import random
    from tei_edition.parsing.contents import norm
    texts = ["Chapter 4. The Left Opposition, 1923–1927", "IV. THE STRUGGLE (continued)...", "snake_case and CamelCase",
             "  12 Rue de l'Église  ", "\tA\x0bB\x0cC\x1fD\x7fE", "The KELVIN \u212a", "Été", "", "...", "_", "3 "]
    rng = random.Random(1927)
    texts += ["".join(chr(rng.randrange(128)) for _ in range(rng.randint(0, 40))) for _ in range(5000)]
    for text in texts:
        assert norm(text) == _pattern_norm(text), repr(text)
    assert norm("Chapter 4. The Left Opposition, 1923–1927") == "the left opposition 1923 1927"
