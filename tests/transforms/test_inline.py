"""transforms/inline.py: replace_in_text puts elements in place of matches and keeps source lines."""
from __future__ import annotations

import re

from lxml import etree
from passlab import xp

from tei_edition.tei.elements import el, sub
from tei_edition.tei.lines import anchors_of, line_at, set_anchors
from tei_edition.tei.namespaces import tei
from tei_edition.tei.text import raw_text
from tei_edition.transforms.inline import _line_in, _slots, replace_in_text, text_blocks, wrap

WORD = re.compile(r"#(\w+)#")


def marker(seen: list):
    """A Maker that records the line of each match and puts <term> with the word in its place."""
    def make(m: re.Match[str], line: int | None) -> etree._Element:
        seen.append((m.group(0), line))
        return el("term", None, m.group(1))
    return make


def three_line_paragraph() -> etree._Element:
    # own text: 'prima riga #alfa# qui ' (line 1) 'seconda riga ' (line 2) 'terza #beta# riga' (line 3)
    p = el("p", None, "prima riga #alfa# qui seconda riga terza #beta# riga")
    set_anchors(p, [(0, 1), (22, 2), (35, 3)])
    return p


def test_matches_in_the_text_become_elements_reported_at_their_own_lines():
    p, seen = three_line_paragraph(), []
    assert replace_in_text(p, WORD, marker(seen)) == 2
    assert seen == [("#alfa#", 1), ("#beta#", 3)]
    assert etree.tostring(p, encoding=str).endswith(
        ">prima riga <term>alfa</term> qui seconda riga terza <term>beta</term> riga</p>")


def test_anchors_after_a_replacement_move_so_that_line_at_stays_right():
    p = three_line_paragraph()
    replace_in_text(p, WORD, marker([]))
    text = raw_text(p)
    assert text == "prima riga alfa qui seconda riga terza beta riga"
    assert anchors_of(p) == [(0, 1), (20, 2), (33, 3)]
    assert [line_at(p, text.index(w)) for w in ("qui", "seconda", "terza", "beta", "riga", "beta riga")] == [
        1, 2, 3, 3, 1, 3]


def test_matches_in_childrens_tails_are_replaced_but_not_inside_the_children():
    p = el("p", None, "vor #eins# dem ")
    hi = sub(p, "hi", {"rend": "italic"}, "Kind #zwei# drin")
    hi.tail = " nach #drei# dem Kind"
    set_anchors(p, [(0, 5), (31, 6)])     # own text: 'vor #eins# dem Kind #zwei# drin nach #drei# dem Kind'
    seen = []
    assert replace_in_text(p, WORD, marker(seen)) == 2
    assert seen == [("#eins#", 5), ("#drei#", 6)]
    assert hi.text == "Kind #zwei# drin"
    assert [e.tag.rsplit("}")[1] for e in p] == ["term", "hi", "term"]
    assert raw_text(p) == "vor eins dem Kind #zwei# drin nach drei dem Kind"
    assert line_at(p, raw_text(p).index("nach")) == 6


def test_a_notes_own_text_does_not_count_in_the_offsets_of_the_text_around_it():
    p = el("p", None, "Il vento")
    note = sub(p, "note", {"place": "foot"}, "Una nota lunga, con #molte# parole che non contano affatto.")
    note.tail = " soffiava #forte# e freddo sul lago."
    set_anchors(p, [(0, 2), (35, 3)])      # own text: 'Il vento soffiava #forte# e freddo ' + 'sul lago.'
    seen = []
    assert replace_in_text(p, WORD, marker(seen)) == 1
    assert seen == [("#forte#", 2)]
    assert "#molte#" in note.text         # the note is not p's own text: untouched here
    assert anchors_of(p) == [(0, 2), (33, 3)]
    assert raw_text(p) == "Il vento soffiava forte e freddo sul lago."
    assert line_at(p, raw_text(p).index("sul")) == 3


def test_without_lines_anywhere_a_match_has_no_line_and_nothing_matched_changes_nothing():
    p = el("p", None, "senza righe #gamma#")
    seen = []
    replace_in_text(p, WORD, marker(seen))
    assert seen == [("#gamma#", None)]
    plain = el("p", None, "nulla da fare")
    set_anchors(plain, [(0, 4)])
    before = etree.tostring(plain)
    assert replace_in_text(plain, WORD, marker(seen)) == 0
    assert etree.tostring(plain) == before


def test_text_blocks_are_the_running_text_elements_of_text_not_of_the_header():
    root = el("TEI")
    header = sub(root, "teiHeader")
    sub(header, "p", None, "im Kopf")
    body = sub(sub(root, "text"), "body")
    div = sub(body, "div")
    sub(div, "head", None, "Titel")
    p = sub(div, "p", None, "Absatz")
    sub(p, "note", None, "Fußnote")
    sub(sub(div, "list"), "item", None, "Punkt")
    tree = etree.ElementTree(root)
    assert [e.tag.rsplit("}")[1] for e in text_blocks(tree)] == ["head", "p", "note", "item"]
    assert xp(tree, "//t:teiHeader/t:p")[0] not in list(text_blocks(tree))


# ------------------------------------------------------------------------------------ wrap

def _para(xml: str, anchors=((0, 3), (20, 4))):
    p = etree.fromstring(f'<p xmlns="http://www.tei-c.org/ns/1.0">{xml}</p>')
    set_anchors(p, list(anchors))
    return p


def test_wrap_moves_a_span_across_children_into_the_new_element_and_keeps_the_text():
    p = _para("Er sagte „das <hi>ist</hi> gut“ und ging.")
    before = raw_text(p)
    assert wrap(p, before.index("das"), before.index("“"), el("q"))
    q = p.find(tei("q"))
    assert raw_text(p) == before
    assert (q.text, raw_text(q), q.tail) == ("das ", "das ist gut", "“ und ging.")
    assert p.text == "Er sagte „"


def test_wrap_takes_a_call_at_the_end_only_when_asked():
    p = _para("„Wir gehen<note>Brief.</note>“, sagte sie.")
    assert wrap(p, 1, 10, el("q"), trailing=True)
    assert p.find(tei("q")).find(tei("note")) is not None
    p = _para("Lenz<note>Brief.</note> schrieb.")
    assert wrap(p, 0, 4, el("persName"))
    assert p.find(tei("persName")).find(tei("note")) is None
    assert p.find(tei("note")).tail == " schrieb."


def test_wrap_refuses_a_span_that_begins_or_ends_inside_a_child():
    p = _para("Ein <hi>sehr schönes</hi> Wort.")
    text = raw_text(p)
    assert not wrap(p, text.index("schönes"), text.index("Wort") + 4, el("q"))
    assert raw_text(p) == text and p.find(tei("q")) is None


def test_wrapped_text_keeps_its_source_lines():
    p = _para("Zeile drei endet hier und dann folgt die vierte Zeile.", anchors=[(0, 3), (20, 4)])
    assert wrap(p, 11, 40, el("q"))
    q = p.find(tei("q"))
    assert line_at(q, 0) == 3
    assert line_at(q, 20 - 11) == 4


def test_line_in_the_anchors_read_once_is_the_line_line_at_reads():
    p = three_line_paragraph()
    for offset in range(-1, len(p.text) + 3):
        assert _line_in(anchors_of(p), offset) == line_at(p, offset), offset
    # a paragraph whose first anchor does not stand at 0 (its text opened with a call's note)
    q = el("p", None, "the opening words and the closing ones")
    set_anchors(q, [(4, 7), (20, 8)])
    for offset in range(0, len(q.text) + 1):
        assert _line_in(anchors_of(q), offset) == line_at(q, offset), offset


def test_a_span_over_several_children_takes_them_all_and_keeps_its_lines():
    # own text: 'Er sah ' 'Anna' ' und ' 'Berta' ' am Fluss.' — the span 'Anna und Berta' moves both
    p = el("p", None, "Er sah ")
    set_anchors(p, [(0, 4), (11, 5)])
    a = sub(p, "hi", None, "Anna")
    a.tail = " und "
    b = sub(p, "hi", None, "Berta")
    b.tail = " am Fluss."
    name = el("persName")
    assert wrap(p, 7, 21, name)
    assert [c.text for c in name] == ["Anna", "Berta"] and name.text is None
    assert raw_text(name) == "Anna und Berta" and raw_text(p) == "Er sah Anna und Berta am Fluss."
    assert line_at(name, 0) == 4 and line_at(name, 10) == 5


def _names_paragraph() -> etree._Element:
    # own text: 'Von ' 'Anna' ', ' '' (a note's call) ' und ' 'Berta' ' zu ' 'Clara' '.'
    p = el("p", None, "Von ")
    a = sub(p, "hi", None, "Anna")
    a.tail = ", "
    sub(p, "note", None, "Eine Anmerkung.").tail = " und "
    sub(p, "hi", None, "Berta").tail = " zu "
    sub(p, "hi", None, "Clara").tail = "."
    return p


def test_slots_up_to_an_offset_are_those_of_the_whole_element_that_begin_at_or_before_it():
    p = _names_paragraph()
    every = _slots(p)
    assert [base for _, base, _ in every] == [0, 8, 10, 20, 29]
    for until in range(0, len(raw_text(p)) + 2):
        assert _slots(p, until=until) == [s for s in every if s[1] <= until], until


def test_names_wrapped_last_first_take_their_own_children_and_leave_the_others():
    p = _names_paragraph()
    text = raw_text(p)
    for name in ("Clara", "Berta", "Anna"):
        assert wrap(p, text.index(name), text.index(name) + len(name), el("persName"))
    assert raw_text(p) == text
    names = p.findall(tei("persName"))
    assert [raw_text(n) for n in names] == ["Anna", "Berta", "Clara"]
    assert [n.tail for n in names] == [", ", " zu ", "."]
    assert p.find(tei("note")).tail == " und "


# ------------------------------------------------------------------ wraps from the end


def _rich_paragraph() -> etree._Element:
    # own text: 'Tomás escribió ' 'a Inés' ' y ' '' (a call) ' luego ' 'a Ramón' ', sin más.'
    p = el("p", None, "Tomás escribió ")
    set_anchors(p, [(0, 11), (18, 12), (30, 13)])
    sub(p, "hi", None, "a Inés").tail = " y "
    sub(p, "note", None, "Carta perdida.").tail = " luego "
    sub(p, "hi", None, "a Ramón").tail = ", sin más."
    return p


def _spans_from_the_end(length: int, rng) -> list[tuple[int, int]]:
    """Random non-overlapping spans, each before the one drawn before it; now and then one that
    ends after the last (the order a caller may break)."""
    spans, end = [], length
    while end > 1:
        start = rng.randrange(0, end)
        stop = rng.randrange(start + 1, end + 1)
        spans.append((start, stop))
        end = start if rng.random() > 0.1 else length
    return spans


def test_wraps_from_the_end_give_the_tree_wrap_gives_span_by_span():
    import random
    from tei_edition.transforms.inline import WrapsFromTheEnd
    rng = random.Random(7)
    length = len(raw_text(_rich_paragraph()))
    for trial in range(400):
        spans, trailing = _spans_from_the_end(length, rng), rng.random() < 0.5
        plain, batched = _rich_paragraph(), _rich_paragraph()
        wraps = WrapsFromTheEnd.of(batched)
        assert wraps is not None
        for start, end in spans:
            done = wrap(plain, start, end, el("q"), trailing=trailing)
            assert wraps.wrap(start, end, el("q"), trailing=trailing) == done, (trial, start, end)
        wraps.flush()
        assert etree.tostring(batched) == etree.tostring(plain), (trial, spans)
        for q_plain, q_batched in zip(plain.iter(tei("q")), batched.iter(tei("q"))):
            assert anchors_of(q_batched) == anchors_of(q_plain)


def test_wraps_from_the_end_find_the_child_holding_a_span_as_the_tree_read_again_would():
    from tei_edition.transforms.inline import WrapsFromTheEnd
    from tei_edition.transforms.quotations import OPAQUE, _child_holding
    plain, batched = _rich_paragraph(), _rich_paragraph()
    text = raw_text(plain)
    cut = text.index(", sin")                   # the span last wrapped: ', sin más.'
    wrap(plain, cut, len(text), el("q"))
    wraps = WrapsFromTheEnd.of(batched)
    assert wraps.wrap(cut, len(text), el("q"))
    for start in range(cut):
        for end in range(start + 1, cut + 1):
            expected = _child_holding(plain, start, end)
            child, offset = wraps.child_holding(start, end, OPAQUE)
            index = list(batched).index(child) if child is not None else None
            assert (index, offset) == ((list(plain).index(expected[0]), expected[1])
                                       if expected[0] is not None else (None, 0)), (start, end)
    assert wraps.child_holding(text.index("Inés"), text.index("Inés") + 4, OPAQUE)[0].text == "a Inés"
    assert wraps.child_holding(text.index("Inés"), text.index("Inés") + 4, {"hi"}) == (None, 0)


def test_a_comment_among_the_children_leaves_the_element_to_plain_wrap():
    from tei_edition.transforms.inline import WrapsFromTheEnd
    p = _para("Sie kam<!-- Randnotiz --> und ging.")
    assert WrapsFromTheEnd.of(p) is None
