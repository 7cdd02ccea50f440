"""tei/lines.py: source-line anchors carried by TEI elements, read, stored and moved."""
from __future__ import annotations

import random

from tei_edition.offsets import moved
from tei_edition.tei.elements import el, sub
from tei_edition.tei.lines import LINES, anchors_of, line_at, replaced, set_anchors, set_line


def test_anchors_are_stored_sorted_as_offset_line_pairs_where_the_line_changes():
    p = el("p", None, "Il était une fois un meunier")
    set_anchors(p, [(0, 12), (17, 13)])
    assert p.get(LINES) == "0:12 17:13"
    assert anchors_of(p) == [(0, 12), (17, 13)]
    assert anchors_of(el("p")) == []
    set_anchors(p, [(30, 3), (0, 1), (10, 1), (20, 2), (25, 2)])   # sorted, only changes of line kept
    assert anchors_of(p) == [(0, 1), (20, 2), (30, 3)]


def test_set_anchors_at_one_offset_keeps_one_pair_and_empty_anchors_remove_the_attribute():
    p = el("p")
    set_anchors(p, [(0, 4), (8, 5), (8, 6)])
    assert anchors_of(p) == [(0, 4), (8, 6)]
    set_anchors(p, [])
    assert LINES not in p.attrib


def test_line_at_finds_the_line_of_each_offset():
    p = el("p", None, "erste Zeile zweite Zeile dritte")
    set_anchors(p, [(0, 7), (12, 8), (25, 9)])
    assert [line_at(p, o) for o in (0, 11, 12, 24, 25, 400)] == [7, 7, 8, 8, 9, 9]
    assert line_at(p) == 7


def test_line_at_of_an_element_without_lines_is_where_its_nearest_carrying_ancestor_begins():
    quote = el("quote")
    set_line(quote, 21)
    p = sub(quote, "p")
    hi = sub(p, "hi", {"rend": "italic"}, "parole")
    assert line_at(hi, 3) == 21 and line_at(p) == 21
    set_anchors(p, [(0, 22), (40, 23)])
    assert line_at(hi, 3) == 22           # the nearest ancestor that carries lines: its first line
    assert line_at(el("p")) is None


def test_replaced_moves_anchors_after_a_change_and_keeps_those_before():
    p = el("p")
    set_anchors(p, [(0, 1), (10, 2), (20, 3)])
    replaced(p, 2, 5, 0)                  # three characters before line 2 removed
    assert anchors_of(p) == [(0, 1), (7, 2), (17, 3)]
    replaced(p, 18, 18, 4)                # four inserted after line 3 began
    assert anchors_of(p) == [(0, 1), (7, 2), (17, 3)]
    replaced(p, 0, 0, 2)                  # inserted at the very start: still on the first line
    assert anchors_of(p)[1:] == [(9, 2), (19, 3)]
    assert [line_at(p, o) for o in (0, 1, 8, 9)] == [1, 1, 1, 2]


def test_replaced_keeps_anchors_inside_the_replacement_and_ignores_equal_lengths():
    p = el("p")
    set_anchors(p, [(0, 1), (10, 2), (20, 3)])
    replaced(p, 8, 14, 3)                 # line 2's anchor falls inside: stays inside the 3 new characters
    assert anchors_of(p) == [(0, 1), (10, 2), (17, 3)]
    replaced(p, 0, 9, 9)
    assert anchors_of(p) == [(0, 1), (10, 2), (17, 3)]
    replaced(p, 8, 20, 1)                 # both later anchors inside a 1-character replacement
    assert anchors_of(p) == [(0, 1), (9, 3)]


def test_an_insertion_at_an_anchor_keeps_it_where_it_is_as_block_edits_do():
    e = el("p")
    set_anchors(e, [(0, 4), (10, 5)])
    replaced(e, 0, 0, 3)
    assert anchors_of(e) == [(0, 4), (13, 5)]
    replaced(e, 13, 13, 2)
    assert anchors_of(e) == [(0, 4), (13, 5)]


def test_anchors_read_through_the_kept_parse_are_those_of_the_value_and_fresh_each_time():
    cases = (("The river rose in the spring, and the town walked down.", [(0, 3), (17, 4), (40, 6)], [3, 4, 6]),
             ("Der Fluss stieg im Frühling, und die Stadt ging hinunter.", [(0, 12), (29, 13)], [12, 12, 13]))
    for text, anchors, lines in cases:
        e = el("p", None, text)
        set_anchors(e, anchors)
        slow = [(int(o), int(ln)) for o, ln in (pair.split(":") for pair in e.get(LINES).split())]
        first = anchors_of(e)
        assert first == slow == anchors
        first.append((99, 99))                       # a caller's list is its own
        assert anchors_of(e) == anchors
        assert [line_at(e, o) for o in (0, 18, 45)] == lines
        replaced(e, 0, 4, 10)                        # the value changes: the new one is read
        assert anchors_of(e) == [(0, anchors[0][1])] + [(o + 6, ln) for o, ln in anchors[1:]]


def test_a_deletion_that_brings_an_anchor_onto_the_one_before_keeps_one_pair_at_that_offset():
    p = el("p")
    set_anchors(p, [(0, 1), (5, 2), (9, 3)])
    replaced(p, 5, 9, 0)                  # line 2's text deleted whole: line 3 now begins where it did
    assert anchors_of(p) == [(0, 1), (5, 3)]
    assert p.get(LINES) == "0:1 5:3"


def test_replaced_writes_the_value_that_moving_every_anchor_and_storing_them_again_gives():
    rng = random.Random(7)
    for _ in range(400):
        offsets = sorted(rng.sample(range(60), rng.randint(1, 6)))
        anchors = [(o, 10 + k) for k, o in enumerate(offsets)]
        start = rng.randint(0, 60)
        end = start + rng.choice((0, rng.randint(0, 12)))
        length = rng.randint(0, 8)
        fast, slow = el("p"), el("p")
        set_anchors(fast, anchors)
        replaced(fast, start, end, length)
        set_anchors(slow, [(moved(o, start, end, length), ln) for o, ln in anchors])
        assert fast.get(LINES) == slow.get(LINES), (anchors, start, end, length)
        assert anchors_of(fast) == anchors_of(slow)


def test_lines_read_again_after_every_change_are_those_the_element_carries_now():
    # the anchors read are kept by element: each change made here must show in the next answers
    p = el("p", None, "Erste Zeile, zweite Zeile, dritte Zeile")
    q = sub(p, "q", None, "zitiert")
    set_anchors(p, [(0, 10), (13, 11), (27, 12)])
    assert [line_at(p, o) for o in (0, 13, 30)] == [10, 11, 12] and line_at(q) == 10
    replaced(p, 0, 5, 10)                      # five characters more at the start
    assert [line_at(p, o) for o in (0, 18, 35)] == [10, 11, 12] and anchors_of(p) == [(0, 10), (18, 11), (32, 12)]
    set_line(q, 40)
    assert line_at(q) == 40 and line_at(p, 0) == 10
    set_anchors(q, [])
    assert line_at(q) == 10 and q.get(LINES) is None
    set_anchors(p, [])
    assert line_at(p, 3) is None and line_at(q) is None and anchors_of(p) == []
    set_anchors(p, [(0, 7)])
    assert line_at(q) == 7 and p.get(LINES) == "0:7"


def test_a_block_of_thousands_of_lines_reads_each_line_where_it_stands():
    text = "".join(f"Zeile {k} " for k in range(5000))
    p = el("p", None, text)
    set_anchors(p, [(text.index(f"Zeile {k} "), 100 + k) for k in range(5000)])
    for k in range(0, 5000, 7):
        assert line_at(p, text.index(f"Zeile {k} ") + 2) == 100 + k
