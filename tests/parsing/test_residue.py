"""parsing/residue.py: signs of unrecognised conventions left in the body are warnings."""
from __future__ import annotations

from passlab import only

from tei_edition.parsing.residue import Residue
from tei_edition.report import Kind

BODY = ("Das Dorf lag am Fluss, und die Mühle drehte sich Tag und Nacht, solange das Wasser kam.\n\n"
        "Im Winter fror der Bach zu, und der Müller wartete auf den Frühling.\n\n")


def warnings(found) -> list[tuple[str, int]]:
    return [(e.action, e.line) for e in found if e.kind is Kind.WARNING]


def test_footnote_definitions_and_markup_left_as_text_are_warned_at_their_first_line():
    text = ("Die Mühle\n\n" + BODY + "Der Müller sprach wenig.[^a] Er arbeitete <span>viel</span>.\n\n"
            "[^a]: Vgl. die Chronik des Dorfes.\n\n[^b]: Ebenda, S. 12.\n")
    context, found = only(Residue, text, {"format": "plain"})
    # (the HTML tag is taken out of plain text by the inline-artifacts pass before)
    assert warnings(found) == [("markup left as text: 1 × a footnote call '[^1]'", 7),
                               ("note-like lines left in the body: 2 × a footnote definition '[^1]:'", 9)]


def test_a_short_line_repeated_on_many_pages_is_warned_as_a_running_head():
    pages = "".join(f"Die Mühle am Bach\n\nSeite {n}: der Müller arbeitete viel und sprach wenig mit den Leuten.\n\n"
                    for n in range(6))
    context, found = only(Residue, "Titel\n\n" + pages, {"format": "plain"})
    # (the first is the title page's: the body repeats it five times)
    assert warnings(found) == [("a line repeated 5 times in the body (a running head or foot?)", 7)]


def test_a_clean_text_gives_no_warning():
    _, found = only(Residue, "Die Mühle\n\n" + BODY)
    assert warnings(found) == []


def test_a_sign_is_found_where_searching_the_whole_block_finds_it():
    from tei_edition.parsing.residue import _at_line_starts, _signs, find_sign
    assert len(_at_line_starts()) >= 3      # the footnote definitions, reST and code fences are anchored
    texts = ["[^1]: La note.", "Texte [^1]: et suite", "[Footnote 3: The note.]", "Voir [Footnote 3: ici]",
             ".. [#] A note", "Et .. [#] non", "```python", "Der Text ``` hier", ".. note:: Beachte",
             "Le <span>texte</span>", "Texte\n[^2]: la note", "Text\n.. [1] note\n```", "&nbsp; und \\emph{x}",
             "Plain prose with no sign at all.", ""]
    found = 0
    for _, _, rx in _signs():
        for text in texts:
            slow, fast = rx.search(text), find_sign(rx, text)
            assert (slow and slow.span()) == (fast and fast.span()), (rx.pattern, text)
            found += slow is not None
    assert found >= 10
