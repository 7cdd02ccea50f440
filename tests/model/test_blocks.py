"""model/blocks.py: Block editing keeps every offset it carries on the same characters."""
from __future__ import annotations

import re

from tei_edition.model import (Block, Note, NoteCall, NotePlace, ParagraphNumber, Quotation, RunInItem, RunInList,
                               Span)


def three_lines() -> Block:
    """'Der Wagen fuhr langsam' (line 4) + 'durch das alte Tor' (line 5) + 'in die Stadt.' (line 6)."""
    b = Block("Der Wagen fuhr langsam", 4)
    b.append_line("durch das alte Tor", 5, False)
    b.append_line("in die Stadt.", 6, False)
    return b


def lines_of_words(b: Block) -> dict[str, int]:
    """Each word of the block's text → the source line of its first character."""
    return {m.group(): b.line_at(m.start()) for m in re.finditer(r"\w+", b.text)}


def call_at(b: Block, start: int, end: int, n: str = "1") -> NoteCall:
    call = NoteCall(start, end, Note(n, NotePlace.FOOT, None))
    b.calls.append(call)
    return call


# ---------------------------------------------------------------------------------------- joining


def test_append_line_joins_with_a_space_and_anchors_the_new_line():
    b = three_lines()
    assert b.text == "Der Wagen fuhr langsam durch das alte Tor in die Stadt."
    assert b.anchors == [(0, 4), (23, 5), (42, 6)]
    assert (b.first_line, b.last_line) == (4, 6)
    assert lines_of_words(b) == {"Der": 4, "Wagen": 4, "fuhr": 4, "langsam": 4, "durch": 5, "das": 5,
                                 "alte": 5, "Tor": 5, "in": 6, "die": 6, "Stadt": 6}
    assert b.line_at(22) == 4        # the space that joined lines 4 and 5
    assert b.line_at(len(b.text) + 10) == 6


def test_append_line_at_a_hyphen_joins_without_space_and_records_the_soft_hyphen():
    b = Block("la coopéra-", 2)
    b.append_line("tion des villages", 3, True)
    assert b.text == "la coopéra-tion des villages"
    assert b.soft_hyphens == [11]
    assert b.text[b.soft_hyphens[0] - 1] == "-"
    assert b.anchors == [(0, 2), (11, 3)]
    assert b.line_at(10) == 2 and b.line_at(11) == 3


def test_absorb_shifts_the_other_blocks_anchors_hyphens_and_calls():
    a = Block("Il pleuvait.", 1)
    other = Block("Le vent souf-", 3)
    other.append_line("flait fort.", 4, True)
    other_call = call_at(other, 4, 8, "7")
    a.absorb(other)
    assert a.text == "Il pleuvait. Le vent souf-flait fort."
    assert a.anchors == [(0, 1), (13, 3), (26, 4)]
    assert a.soft_hyphens == [26]
    assert [(c.start, c.end, c.note) for c in a.calls] == [(17, 21, other_call.note)]
    assert a.last_line == 4
    assert lines_of_words(a)["Le"] == 3 and lines_of_words(a)["flait"] == 4
    b = Block("Zusammen", 8)
    b.absorb(Block("arbeit", 9), "")
    assert b.text == "Zusammenarbeit" and b.anchors == [(0, 8), (8, 9)]


# ---------------------------------------------------------------------------------------- edit: anchors


def test_deletion_before_a_line_moves_its_anchor_back_and_one_reaching_it_lands_it_there():
    b = three_lines()
    b.edit(4, 10, "")                         # 'Wagen ' out
    assert b.text == "Der fuhr langsam durch das alte Tor in die Stadt."
    assert b.anchors == [(0, 4), (17, 5), (36, 6)]
    assert lines_of_words(b)["durch"] == 5 and lines_of_words(b)["in"] == 6
    c = three_lines()
    c.edit(19, 23, "")                        # 'sam ' out: line 5 began right after it
    assert c.text.startswith("Der Wagen fuhr langdurch")
    assert c.anchors[1] == (19, 5)
    assert c.line_at(18) == 4 and c.line_at(19) == 5


def test_insertion_at_offset_zero_keeps_the_first_line():
    b = three_lines()
    b.edit(0, 0, "»")
    assert b.text.startswith("»Der")
    assert b.line_at(0) == 4
    assert b.anchors == [(0, 4), (24, 5), (43, 6)]


def test_insertion_inside_a_line_moves_only_the_later_anchors():
    b = three_lines()
    b.edit(9, 9, " rumpelnd")                 # 'Der Wagen| fuhr'
    assert b.text.startswith("Der Wagen rumpelnd fuhr langsam durch")
    assert b.anchors == [(0, 4), (32, 5), (51, 6)]
    assert lines_of_words(b)["rumpelnd"] == 4


def test_replacement_across_a_line_boundary_keeps_the_later_line_inside_it():
    b = three_lines()
    start, end = b.text.index("langsam"), b.text.index("das")
    b.edit(start, end, "X ")                  # 'langsam durch ' → 'X ': line 5's anchor falls inside
    assert b.text == "Der Wagen fuhr X das alte Tor in die Stadt."
    assert b.anchors == [(0, 4), (17, 5), (30, 6)]
    assert lines_of_words(b)["das"] == 5 and lines_of_words(b)["Stadt"] == 6


def test_strip_removes_outer_white_space_and_keeps_lines():
    b = Block("   primo verso", 10)
    b.append_line("secondo verso   ", 11, False)
    b.strip()
    assert b.text == "primo verso secondo verso"
    assert b.anchors == [(0, 10), (12, 11)]
    assert lines_of_words(b)["secondo"] == 11


def test_substitute_replaces_every_changed_match_and_keeps_later_lines_right():
    b = three_lines()
    count = b.substitute(re.compile(r"\b(\w)(\w*)"),
                         lambda m: m.group(0).upper() if m.group(0) in ("das", "die") else None)
    assert count == 2
    assert b.text == "Der Wagen fuhr langsam durch DAS alte Tor in DIE Stadt."
    assert b.anchors == [(0, 4), (23, 5), (42, 6)]     # equal lengths: nothing moved
    b = three_lines()
    count = b.substitute(re.compile(r"\s+"), lambda m: "  ")    # every single space doubled
    assert count == 10
    assert lines_of_words(b) == {"Der": 4, "Wagen": 4, "fuhr": 4, "langsam": 4, "durch": 5, "das": 5,
                                 "alte": 5, "Tor": 5, "in": 6, "die": 6, "Stadt": 6}
    # a replacement equal to the match is not counted
    c = Block("uno due tre", 1)
    assert c.substitute(re.compile(r"\w+"), lambda m: m.group(0) if m.group(0) != "due" else "DUE") == 1
    assert c.text == "uno DUE tre"


# ---------------------------------------------------------------------------------------- edit: other offsets


def test_soft_hyphen_moves_with_edits_before_it_and_stays_with_edits_after():
    b = Block("Straßen-", 1)
    b.append_line("bahn und Bus", 2, True)
    b.edit(0, 0, "Die ")
    assert b.soft_hyphens == [12] and b.text[11] == "-"
    b.edit(len(b.text) - 3, len(b.text), "Zug")
    assert b.soft_hyphens == [12]


def test_note_call_moves_with_text_before_it_and_not_with_text_after_it():
    b = Block("Le roi [3] partit.", 1)
    call = call_at(b, 6, 10, "3")
    b.edit(0, 2, "Ce")                        # same length: nothing moves
    assert (call.start, call.end) == (6, 10)
    b.edit(0, 0, "Alors ")
    assert b.text[call.start:call.end] == " [3]"
    b.edit(0, 6, "")
    assert (call.start, call.end) == (6, 10) and b.text[call.start:call.end] == " [3]"
    b.edit(11, 17, "s'en alla")                # after it: unmoved
    assert b.text == "Ce roi [3] s'en alla."
    assert (call.start, call.end) == (6, 10)


def test_a_note_call_stretches_with_edits_inside_it_and_collapses_when_deleted():
    b = Block("Le roi [3] partit.", 1)
    call = call_at(b, 6, 10, "3")
    b.edit(8, 9, "13")
    assert b.text[call.start:call.end] == " [13]"
    b.edit(call.end, call.end, ",")            # inserted at its end: outside the call
    assert b.text == "Le roi [13], partit."
    assert b.text[call.start:call.end] == " [13]"
    b.edit(3, 13, "")                          # deleted with text around it: collapses to the deletion point
    assert b.text == "Le partit."
    assert (call.start, call.end) == (3, 3)


def test_run_in_items_move_with_edits_in_the_lead_and_in_an_item():
    b = Block("Drei Dinge: (1) Brot, (2) Salz, (3) Wein.", 1)
    text = b.text
    b.run_in = RunInList([RunInItem("1", text.index("(1)"), text.index("Brot"), text.index(", (2)")),
                          RunInItem("2", text.index("(2)"), text.index("Salz"), text.index(", (3)")),
                          RunInItem("3", text.index("(3)"), text.index("Wein"), len(text))])
    b.edit(0, 4, "Vier")                       # equal length
    b.edit(5, 10, "Sachen")                    # 'Dinge' → 'Sachen': one longer
    i = b.text.index("Salz")
    b.edit(i, i + 4, "grobes Salz")
    marks = [b.text[it.mark:it.mark + 3] for it in b.run_in.items]
    texts = [b.text[it.start:it.end] for it in b.run_in.items]
    assert marks == ["(1)", "(2)", "(3)"]
    assert texts == ["Brot", "grobes Salz", "Wein."]
    assert b.text[:b.run_in.lead_end] == "Vier Sachen: "


def test_quotation_citation_span_moves_with_edits_before_it():
    b = Block("Nada es eterno. (Anales, II)", 1)
    start = b.text.index("(")
    b.quotation = Quotation(0, Span(start, len(b.text)))
    b.edit(0, 4, "Nunca nada")
    cit = b.quotation.citation
    assert b.text[cit.start:cit.end] == "(Anales, II)"
    b.edit(cit.start + 1, cit.start + 7, "Crónicas")     # inside the citation
    assert b.text[cit.start:cit.end] == "(Crónicas, II)"


# ---------------------------------------------------------------------------------------- piece


def test_piece_keeps_the_lines_of_its_characters():
    b = three_lines()
    start, end = b.text.index("fuhr"), b.text.index(" in die")
    p = b.piece(start, end)
    assert p.text == "fuhr langsam durch das alte Tor"
    assert (p.first_line, p.last_line) == (4, 5)
    assert p.anchors == [(0, 4), (13, 5)]
    assert lines_of_words(p)["durch"] == 5


def test_piece_trims_white_space_and_starts_on_the_line_of_its_first_character():
    b = three_lines()
    start = b.text.index(" durch")             # the joining space belongs to line 4's anchor span
    p = b.piece(start, len(b.text), blank_before=2)
    assert p.text == "durch das alte Tor in die Stadt."
    assert (p.first_line, p.last_line) == (5, 6)
    assert p.anchors == [(0, 5), (19, 6)]
    assert p.blank_before == 2


def test_an_insertion_where_a_call_begins_goes_before_the_call_not_into_it():
    block = Block("Wort[1] weiter", 1)
    call = NoteCall(4, 7, Note("1", NotePlace.FOOT, None))
    block.calls.append(call)
    block.edit(4, 4, "XY")
    assert block.text[call.start:call.end] == "[1]"
    block.edit(call.end, call.end, "!")          # an insertion where the call ends stays outside it
    assert block.text[call.start:call.end] == "[1]"


def test_the_piece_that_opens_a_numbered_paragraph_keeps_its_number():
    b = Block("Il ricorso è respinto. Le spese seguono la soccombenza.", 4)
    b.number = ParagraphNumber("9", "¶ 9", 3)
    assert b.piece(0, 22).number == b.number
    assert b.piece(23, len(b.text)).number is None


def test_anchors_read_as_the_list_of_pairs_they_hold():
    from tei_edition.model.blocks import Anchors
    anchors = Anchors([(0, 7), (31, 8), (64, 10)])
    assert list(anchors) == [(0, 7), (31, 8), (64, 10)] == anchors and len(anchors) == 3
    assert anchors[0] == (0, 7) and anchors[-1] == (64, 10) and anchors[1:] == [(31, 8), (64, 10)]
    assert [anchors.line_at(o) for o in (0, 30, 31, 63, 64, 500)] == [7, 7, 8, 8, 10, 10]
    anchors.append((90, 11))
    anchors += [(120, 12)]
    assert anchors[-2:] == [(90, 11), (120, 12)]
    anchors.moved(lambda o: o + 5 if o > 0 else o)
    assert list(anchors) == [(0, 7), (36, 8), (69, 10), (95, 11), (125, 12)]
    assert Anchors() == [] and not Anchors() and Anchors([(0, 1)]) != [(0, 2)]


def test_the_anchors_between_two_offsets_are_those_a_scan_of_every_pair_finds():
    import random
    from tei_edition.model.blocks import Anchors
    rng = random.Random(7)
    offsets = sorted(rng.sample(range(2000), 300))
    anchors = Anchors((o, 10 + k) for k, o in enumerate(offsets))
    for _ in range(500):
        start = rng.randrange(-5, 2005)
        end = start + rng.randrange(0, 120)
        assert list(anchors.between(start, end)) == [(o, ln) for o, ln in anchors if start < o < end]
    assert list(Anchors().between(0, 10)) == [] and list(anchors.between(offsets[3], offsets[3] + 1)) == []


def test_a_block_given_pairs_holds_them_as_anchors_and_edits_move_them():
    from tei_edition.model.blocks import Anchors
    block = Block("Zeile eins und Zeile zwei", 3, anchors=[(0, 3), (15, 4)])
    assert isinstance(block.anchors, Anchors) and block.anchors == [(0, 3), (15, 4)]
    block.edit(0, 5, "Die erste Zeile")            # ten characters more before the second line
    assert block.anchors == [(0, 3), (25, 4)] and block.line_at(24) == 3 and block.line_at(25) == 4
    block.anchors = [(0, 9)]
    assert isinstance(block.anchors, Anchors) and block.line_at(40) == 9


def test_the_pieces_of_a_long_block_keep_their_lines_and_only_the_first_its_number():
    lines = [f"19{k:02d}    {k * 3:>6}    {k * 7:>6}" for k in range(60)]
    text = "\n".join(lines)
    b = Block(text, 40, anchors=[(text.index(line), 40 + k) for k, line in enumerate(lines)])
    b.number = ParagraphNumber("7", "¶ 7", 39)
    pieces = [b.piece(text.index(line), text.index(line) + len(line)) for line in lines]
    assert [(p.text, p.first_line, p.last_line) for p in pieces[:2]] == [(lines[0], 40, 40), (lines[1], 41, 41)]
    assert [p.first_line for p in pieces] == list(range(40, 100))
    two = b.piece(text.index(lines[5]), text.index(lines[6]) + len(lines[6]))
    assert two.anchors == [(0, 45), (len(lines[5]) + 1, 46)] and two.line_at(len(lines[5]) + 3) == 46
    assert pieces[0].number == b.number and all(p.number is None for p in pieces[1:])
    spaced = Block("  \n  Text und mehr", 1)
    spaced.number = b.number
    assert spaced.piece(5, 9).number == b.number and spaced.piece(10, 13).number is None


def test_lines_appended_read_edited_and_absorbed_in_any_order_give_the_text_joined_at_once():
    # the block keeps the lines appended since its text was last read, and joins them when it is
    # read: on random sequences of appends, absorbs, reads, edits and pieces, the text, anchors and
    # soft hyphens are those of plain concatenation, and so is what the text ends with
    import random
    rng = random.Random(4)
    words = ["Hafen", "rådhus", "přístav", "quai-", "—", "Tor", "ville", ""]
    for _ in range(200):
        b, text, anchors, hyphens = Block("Am Kai", 1), "Am Kai", [(0, 1)], []
        line = 1
        for _ in range(rng.randrange(1, 30)):
            step = rng.random()
            line += 1
            if step < 0.5:
                more, hyphen = " ".join(rng.sample(words, 2)), rng.random() < 0.3
                b.append_line(more, line, hyphen)
                if hyphen:
                    hyphens.append(len(text))
                sep = "" if hyphen else " "
                anchors.append((len(text) + len(sep), line))
                text += sep + more
            elif step < 0.65:
                other = Block(rng.choice(words) or "x", line)
                anchors.append((len(text) + 1, line))
                b.absorb(other)
                text += " " + other.text
            elif step < 0.8:
                start = rng.randrange(len(text) + 1)
                end = rng.randrange(start, len(text) + 1)
                b.edit(start, end, "ü")
                text = text[:start] + "ü" + text[end:]
                anchors, hyphens = list(b.anchors), list(b.soft_hyphens)
            elif step < 0.85:
                assert b.piece(0, len(text)).text == text.strip()
            elif step < 0.9:
                size = rng.randrange(1, 14)        # (the text's own ends, across the lines appended)
                for suffixes in [("—", "-"), (" —", " -"), (text[-size:],), ("#" + text[-size:], "q")]:
                    assert b.ends_with(suffixes) == text.endswith(suffixes)
            else:
                assert b.text == text
        assert b.text == text and list(b.anchors) == anchors and b.soft_hyphens == hyphens
