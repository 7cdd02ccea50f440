"""transforms/quotations.py: the inline-quotations pass, on small texts of its own in several
languages, and on the labelled sample of the five sources (tests/fixtures/quotations/)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lxml import etree
from passlab import context_of, entries, only, run, written, xp

from transforms.quotation_sample import load, score
from tei_edition.api import convert_file
from tei_edition.report import Kind as Entry
from tei_edition.tei.elements import el, sub
from tei_edition.tei.lines import set_anchors
from tei_edition.transforms.quotations import InlineQuotations
from tei_edition.writers.tei import to_bytes

SOURCES = Path(__file__).resolve().parents[2] / "sources"


def converted(text: str, metadata: dict | None = None):
    context, found = only(InlineQuotations, text, metadata)
    return written(context.tree), found


def body_xml(tree) -> list[str]:
    """Each body paragraph as XML without the namespace declaration."""
    out = []
    for p in xp(tree, "//t:body//t:p"):
        s = etree.tostring(p, encoding="unicode", with_tail=False)
        s = re.sub(r">\s+<", "><", s.strip())          # the writer's indentation around a lone child
        out.append(s.replace(' xmlns="http://www.tei-c.org/ns/1.0"', ""))
    return out


def actions(found, kind=None) -> list[tuple[int | None, str]]:
    return [(e.line, e.action) for e in entries(found, kind)]


# --------------------------------------------------------------------------- conventions


def test_english_double_marks_holding_single_ones_with_a_call_speech_and_scare_quotes():
    tree, found = converted("The Congress\n\nThe chairman said: “We are ‘loyal’ to the end,” and sat down. "
                            "The minutes call it “a turning point”.¹ Nobody believed the “loyalty” of the delegates."
                            "\n\n¹ Minutes, p. 12.\n")
    assert body_xml(tree)[0].startswith(
        '<p>The chairman said: <q rend="double">We are <soCalled rend="single">loyal</soCalled> to the end,</q> '
        'and sat down. The minutes call it <quote rend="double">a turning point</quote>.<note')
    assert body_xml(tree)[0].endswith('Nobody believed the <soCalled rend="double">loyalty</soCalled> of the '
                                      'delegates.</p>')
    assert actions(found, Entry.RECOGNITION) == [
        (3, "quotation found: q (double marks)"), (3, "quotation found: soCalled (single marks)"),
        (3, "quotation found: quote (double marks)"), (3, "quotation found: soCalled (double marks)")]


def test_straight_single_marks_beside_possessives_and_elisions():
    tree, found = converted("Notes on a Strike\n\nThe workers' committee called it a 'workers' state' in '68, and "
                            "'tis said the bosses' men agreed at six o'clock.\n")
    assert body_xml(tree) == [
        "<p>The workers' committee called it a <soCalled rend=\"single straight\">workers' state</soCalled> in '68, "
        "and 'tis said the bosses' men agreed at six o'clock.</p>"]
    # the apostrophes at a word's edge are recorded with their line; the one inside a word is no decision
    assert [d for _, d in [(e.line, e.detail) for e in found if e.action.startswith("apostrophe")]] and all(
        e.line == 3 for e in found if e.action.startswith("apostrophe"))
    assert len([e for e in found if e.action.startswith("apostrophe")]) == 5
    assert entries(found, Entry.DOUBT) == []


def test_french_guillemets_with_narrow_spaces_and_elisions():
    tree, found = converted("La Grève\n\nLe délégué s’écria : «\u202fNous ne céderons pas, c’est “juré”\u202f» "
                            "et l’assemblée applaudit. On parla d’une «\u202fvictoire\u202f».\n",
                            {"language": "fr"})
    assert body_xml(tree) == [
        "<p>Le délégué s’écria\u00a0: <q rend=\"guillemets\">Nous ne céderons pas, c’est "
        "<soCalled rend=\"double\">juré</soCalled></q> et l’assemblée applaudit. On parla d’une "
        "<soCalled rend=\"guillemets\">victoire</soCalled>.</p>"
        .replace("s’écria\u00a0:", "s’écria :")]


def test_german_low_marks_and_reversed_guillemets():
    tree, _ = converted("Der Streik\n\nDer Vorsitzende sagte: „Wir bleiben, auch wenn man uns ‚Verräter‘ nennt“, "
                        "und ging. Die Zeitung schrieb von einem »Sieg«.\n", {"language": "de"})
    assert body_xml(tree) == [
        '<p>Der Vorsitzende sagte: <q rend="low-double">Wir bleiben, auch wenn man uns '
        '<soCalled rend="low-single">Verräter</soCalled> nennt</q>, und ging. Die Zeitung schrieb von einem '
        '<soCalled rend="reversed-guillemets">Sieg</soCalled>.</p>']


def test_spanish_and_italian_quotations():
    tree, _ = converted("La huelga\n\nEl obrero dijo: «No volveremos hasta que “ellos” cedan» y salió.\n",
                        {"language": "es"})
    assert body_xml(tree) == ['<p>El obrero dijo: <q rend="guillemets">No volveremos hasta que '
                              '<soCalled rend="double">ellos</soCalled> cedan</q> y salió.</p>']
    tree, found = converted("Lo sciopero\n\nAspettò un po' e scrisse: «Non è vero niente».\n", {"language": "it"})
    assert body_xml(tree) == ["<p>Aspettò un po' e scrisse: <quote rend=\"guillemets\">Non è vero niente</quote>."
                              "</p>"]
    assert entries(found, Entry.DOUBT) == []


def test_a_quotation_runs_across_a_note_an_emphasis_and_the_source_lines():
    text = ("The Crisis\n\n"
            "In his diary he wrote that “the town was *empty* and the¹\n"
            "gates were shut, for the first time in memory”, and left.\n\n"
            "¹ Diary, 3 May.\n")
    tree, found = converted(text)
    quote = xp(tree, "//t:body//t:quote")
    assert len(quote) == 1 and quote[0].get("rend") == "double"
    assert " ".join("".join(t for t in quote[0].xpath("text()|t:hi/text()", namespaces={"t": "http://www.tei-c.org/ns/1.0"})).split()) == \
        "the town was empty and the gates were shut, for the first time in memory"
    assert xp(quote[0], "t:hi[@rend='italic']") and xp(quote[0], "t:note")
    assert actions(found, Entry.RECOGNITION) == [(3, "quotation found: quote (double marks)")]


def test_the_quotations_of_a_paragraph_are_placed_and_reported_in_the_order_of_the_text():
    # placed last first (each wrap then walks only the children before it): reported first first
    text = ("Die Briefe\n\n"
            "Sie nannte ihn „den Träumer“, und er schrieb: „Ich komme im Mai.“ Dann\n"
            "kam der *„Winter“* und mit ihm ein „Brief, der alles änderte“, wie sie\n"
            "sagte. Am Ende stand nur: „Auf Wiedersehen, Genossin.“ Und „vielleicht“.\n")
    tree, found = converted(text, {"language": "de"})
    placed = xp(tree, "//t:body//t:p")[0].xpath(".//t:q|.//t:quote|.//t:soCalled",
                                                 namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    assert ["".join(q.itertext()) for q in placed] == ["den Träumer", "Ich komme im Mai.", "Winter",
                                                       "Brief, der alles änderte", "Auf Wiedersehen, Genossin.",
                                                       "vielleicht"]
    lines = [line for line, action in actions(found, Entry.RECOGNITION) if action.startswith("quotation found")]
    assert lines == [3, 3, 4, 4, 5, 5]
    assert "„" not in "".join(placed[0].getparent().itertext())


def test_a_quotation_inside_emphasis_goes_inside_it():
    tree, _ = converted("Title\n\nThe banner read *“All power to the soviets”* in red.\n")
    assert body_xml(tree) == ['<p>The banner read <hi rend="italic"><q rend="double">All power to the soviets</q>'
                              '</hi> in red.</p>']


def test_marks_whose_quotation_would_cross_an_emphasis_edge_stay_and_are_reported():
    tree, found = converted("Title\n\nHe said “it was *very ‘late’ indeed” for them* and left.\n")
    assert body_xml(tree) == ['<p>He said “it was <hi rend="italic">very <soCalled rend="single">late</soCalled> '
                              'indeed” for them</hi> and left.</p>']
    assert actions(found, Entry.DOUBT) == [(3, "quotation marks kept as text: the quotation crosses the edge of "
                                               "an element it does not enclose")]


def test_a_quotation_crossing_a_page_break_of_a_wrapped_text():
    lines = ("Memoirs\n\n"
             "We left the town in the spring of that year, with two suitcases and a letter from the\n"
             "committee that nobody at the frontier would want to read, as we knew well enough.\n\n"
             "When the train stopped at the frontier the officer looked at our papers for a long\n"
             "time and then, without a smile, he told us: “You will not pass here today, nor\n\n"
             "tomorrow, nor any other day,” and he walked back to his hut by the barrier.\n")
    tree, found = converted(lines)
    assert xp(tree, "//t:body//t:q/text()") == ["You will not pass here today, nor tomorrow, nor any other day,"]
    assert actions(found, Entry.RECOGNITION) == [(7, "quotation found: q (double marks)")]


def test_unpaired_marks_stay_as_text_and_are_reported_at_their_line():
    tree, found = converted("Title\n\nHe spoke of “the crisis for an hour.\n\nThen of its ‘causes’ alone.\n")
    assert body_xml(tree) == ["<p>He spoke of “the crisis for an hour.</p>",
                              '<p>Then of its <soCalled rend="single">causes</soCalled> alone.</p>']
    assert actions(found, Entry.DOUBT) == [(3, "quotation mark left unpaired, kept as text")]


def test_a_quotation_of_several_paragraphs_opens_each_and_closes_once():
    text = ("Title\n\nThe chairman began his speech with a long look at the hall and then he said: “We have "
            "come a long way since the spring, and we have lost many friends on the road.\n\n"
            "“But we shall not give up now, when the end is near and the others wait for us.”\n\n"
            "Later the Italian Left wrote: “The tragedy of Zinoviev is the same: their desire to reform the party.\n\n"
            "We find these concerns in the attitude of Trotsky, even after his expulsion” and so on.\n")
    tree, found = converted(text)
    assert body_xml(tree) == [
        '<p>The chairman began his speech with a long look at the hall and then he said: <q rend="double continued">'
        'We have come a long way since the spring, and we have lost many friends on the road.</q></p>',
        '<p><q rend="double">But we shall not give up now, when the end is near and the others wait for us.</q></p>',
        '<p>Later the Italian Left wrote: <quote rend="double continued">The tragedy of Zinoviev is the same: their '
        'desire to reform the party.</quote></p>',
        '<p><quote rend="double continuing">We find these concerns in the attitude of Trotsky, even after his '
        'expulsion</quote> and so on.</p>']
    assert entries(found, Entry.DOUBT) == []


def test_a_block_quotation_printed_between_marks_keeps_them_in_its_rend():
    text = ("Title\n\n" + "The author of the pamphlet wrote a long paragraph about the strike and then "
            "he wrote:\n\n    “The strike is over, and the ‘victory’ is theirs; we shall have to begin "
            "again, from the very beginning.”\n\nAfter that the pamphlet ends.\n")
    tree, found = converted(text)
    quote = xp(tree, "//t:body/t:quote")
    assert len(quote) == 1 and quote[0].get("rend") == "double"
    assert xp(quote[0], "text()")[0].startswith("The strike is over")
    assert xp(quote[0], "t:soCalled[@rend='single']/text()") == ["victory"]
    assert any(a.startswith("block quotation printed between marks") for _, a in actions(found))


def test_citations_and_titles_are_never_entered():
    context = context_of("x")
    root = el("TEI")
    body = sub(sub(root, "text"), "body")
    p = sub(body, "p")
    p.text = "As “he said to them”, see "
    bibl = sub(p, "bibl")
    bibl.text = "Smith, “A Title,” Review 3"
    bibl.tail = " and the book "
    title = sub(p, "title", {"level": "m"})
    title.text = "“Quoted” Title"
    set_anchors(p, [(0, 1)])
    context.tree = etree.ElementTree(root)
    found = run(InlineQuotations, context)
    assert xp(p, "t:quote/text()") == ["he said to them"]     # its source follows: quote
    assert bibl.text == "Smith, “A Title,” Review 3" and title.text == "“Quoted” Title"
    assert [e.action for e in found if e.kind == Entry.INFO] == ["quotation marks kept as text inside citations and "
                                                                  "titles"]


def test_the_header_declares_what_the_tei_does_with_the_marks():
    from tei_edition.api import convert
    from tei_edition.report import Report
    for text, marks in (("Title\n\nHe said “yes” and left.\n", "none"),
                        ("Title\n\nHe said “yes and left.\n", "some")):
        tree = convert(text, {}, Report())
        quotation = xp(tree, "//t:editorialDecl/t:quotation")[0]
        assert quotation.get("marks") == marks
        first = "".join(xp(quotation, "t:p")[0].itertext())
        assert first.startswith("Quotations were found by pairing their marks")
        assert "Quotation marks that pair are not kept in the text" in first


# --------------------------------------------------------------------------- the labelled sample


@lru_cache(maxsize=None)
def sample_trees() -> dict[str, etree._ElementTree]:
    excerpts = load()
    return {name: etree.ElementTree(etree.fromstring(to_bytes(convert_file(SOURCES / f"{name}.txt").tree)))
            for name in sorted({e.source for e in excerpts})}


def test_the_sample_is_as_the_brief_asks():
    excerpts = load()
    assert len({e.source for e in excerpts}) >= 4
    assert sum(len(e.spans) for e in excerpts) >= 150
    apostrophes = [e for e in excerpts if not e.spans and any(ch in e.text for ch in "'’")]
    assert len(apostrophes) >= 40


def test_quotation_boundaries_on_the_labelled_sample():
    result = score(load(), sample_trees())
    assert result.not_found == []
    # measured: 298 of 299 (0.997); the one miss is a stray closing mark inside a quotation
    assert result.boundary_accuracy >= 0.95, "\n".join(result.errors)
    assert result.extra <= 3, "\n".join(result.errors)


def test_no_apostrophe_of_the_sample_is_taken_for_a_quotation_mark():
    result = score(load(), sample_trees())
    assert result.marks_expected >= 150
    assert result.marks_lost == 0, "\n".join(e for e in result.errors if e.startswith("marks lost"))


def test_kinds_on_the_labelled_sample():
    result = score(load(), sample_trees())
    # quote, q and soCalled as labelled, of the quotations found: measured 0.87
    assert result.kind_accuracy >= 0.8, sorted(result.kinds.items())


# --------------------------------------------------------------------------- speed helpers

from tei_edition.tei.lines import anchors_of
from tei_edition.tei.namespaces import local_name
from tei_edition.tei.text import raw_text
from tei_edition.transforms import quotations as _quotations


def test_lines_past_start_read_from_the_first_anchor_answer_as_all_anchors_read():
    for anchors in ([], [(0, 4)], [(3, 4)], [(0, 4), (30, 5)], [(2, 7), (9, 8), (40, 9)]):
        e = el("p")
        set_anchors(e, anchors)
        whole = anchors_of(e)
        assert _quotations._lines_past_start(e) == bool(len(whole) > 1 or (whole and whole[0][0] > 0)), anchors


def test_marks_in_citations_and_titles_counted_once_each_as_unit_by_unit_character_by_character():
    tree = etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><title>“Kopf”</title></teiHeader><text><body>'
        '<p>Er schrieb <bibl>Weber, „Die <title>«Ethik»</title>“, S. 3</bibl>'
        ' und <note><p>voir <title>‘Le “Capital”’</title></p></note> <q>“nicht”</q> <ref>‹x›</ref></p>'
        '<p>Sans marque <title>Titre</title>.</p></body></text></TEI>').getroottree()
    units = [tree.find(".//{*}body/{*}p[1]"), tree.find(".//{*}note/{*}p"), tree.find(".//{*}body/{*}p[2]")]
    # the plain way: every unit's opaque descendants, character by character (the header's title
    # lies in no unit)
    slow = sum(ch in "“„«»‘‚‹›" for u in units for c in u.iter() if local_name(c) in _quotations.OPAQUE
               and c is not u for ch in raw_text(c))
    # the first paragraph's 4 + 2 (the title inside the bibl) + 2 + 2, and the note's paragraph's 2 again
    assert _quotations._marks_in_citations(tree, units) == slow == 12
    assert _quotations._marks_in_citations(tree, []) == 0


# --------------------------------------------------------------------------- reading units one by one

import copy

from passlab import before
from tei_edition.transforms.inline import text_blocks
from tei_edition.transforms.quotation_marks import Habit, analyse

TEI_NS = "http://www.tei-c.org/ns/1.0"


def _pass_holding_every_unit(tree, context) -> None:
    """The pass as it was written first: every unit read, then every unit's marks, then every
    quotation over paragraphs, then every unit's quotations (the texts of all held at once)."""
    opaque: dict = {}
    units = [_quotations.Unit.of(e) for e in list(text_blocks(tree)) if _quotations._holds_running_text(e, opaque)]
    verbs = _quotations._reporting_verbs(context)
    habit = Habit.of((u.text for u in units), context.evidence.lexicon.words, verbs)
    found = [analyse(u.text, habit) for u in units]
    kinds: dict = {}
    for k in range(len(units) - 1):
        if units[k + 1].element is units[k].element.getnext():
            _quotations._quotation_over_paragraphs(units[k], found[k], units[k + 1], found[k + 1], verbs, kinds)
    for unit, marks in zip(units, found):
        _quotations._quotations(unit, marks, verbs, context.report, kinds)
    kept = _quotations._marks_in_citations(tree, [u.element for u in units])
    if kept:
        context.report.info(_quotations.KEPT_IN_CITATIONS, None, f"{kept} marks")


def _both_ways(context):
    """The TEI and the entries of the pass and of the pass holding every unit, each on a copy."""
    out = []
    for way in (lambda tree, c: InlineQuotations().apply(tree, c), _pass_holding_every_unit):
        tree = copy.deepcopy(context.tree)
        start = len(context.full_report.entries)
        way(tree, context)
        recorded = [(e.kind, e.line, e.action, e.detail) for e in context.full_report.entries[start:]]
        out.append((etree.tostring(tree), recorded))
    return out


SEVERAL_PARAGRAPHS = (
    "Title\n\n"
    + "".join(f"In meeting {n} the chairman said: “We have come a long way since the spring, and we have lost "
              f"many friends on the road.\n\n“But we shall not give up ‘now’,” he said, “when the end is near.”\n\n"
              f"Later the Left wrote: “The tragedy is the same: their desire to reform the party.\n\n"
              f"We find these concerns in the attitude of Trotsky” and so on.¹ The “loyalty” held.\n\n"
              for n in range(40))
    + "¹ Minutes, p. 12.\n")


def test_units_read_one_by_one_give_what_every_unit_held_at_once_gave():
    # quotations running over paragraphs again and again: what a unit's pairs are told by the one
    # before it must not be read by another unit's pairs (they are known by their ids)
    context = before(InlineQuotations.name, SEVERAL_PARAGRAPHS)
    streamed, held = _both_ways(context)
    assert streamed == held
    assert streamed[0].count(b"continuing") == 40 and streamed[0].count(b"<soCalled") == 80


def test_a_unit_inside_a_unit_with_text_of_its_own_is_read_before_any_quotation_is_placed():
    context = before(InlineQuotations.name, "Title\n\nA paragraph.\n")
    body = context.tree.find(f".//{{{TEI_NS}}}body")
    quote = etree.SubElement(body, f"{{{TEI_NS}}}quote")
    quote.text = "He wrote: “the ‘first’ words"
    first = etree.SubElement(quote, f"{{{TEI_NS}}}p")
    first.text = "and the first paragraph."
    second = etree.SubElement(quote, f"{{{TEI_NS}}}p")
    second.text = "Then the “last” ones” in the end."
    note = etree.SubElement(second, f"{{{TEI_NS}}}note")
    note.text = "A “note” of its own."
    elements = [e for e in text_blocks(context.tree) if _quotations._holds_running_text(e, {})]
    early = _quotations._read_early(elements)
    # the paragraphs lie in the quotation's own text; the note's text is no part of any
    assert [elements[k] for k in early] == [first, second]
    assert early[elements.index(second)].text == _quotations.Unit.of(second).text
    # the quotation's pass puts “last” in place inside the second paragraph, two units before that
    # paragraph's turn: read then, it would no longer hold the marks it held
    streamed, held = _both_ways(context)
    assert streamed == held
    assert streamed[0].count(b"<soCalled") == 4


# --------------------------------------------------------------------------- marks deleted, offsets counted upwards

from tei_edition.transforms.quotation_marks import Mark, MarkStyle, Pair


def _own_nodes(e):
    """e's own text nodes, the plain way: (element whose own text holds it, text)."""
    yield e, e.text or ""
    for child in e:
        if isinstance(child.tag, str) and local_name(child) != "note":
            yield from _own_nodes(child)
        yield None, child.tail or ""


def _walked_offset(ancestor, target) -> int:
    """Where target's own text begins in ancestor's, walking ancestor's text from its start."""
    pos = 0
    for holder, text in _own_nodes(ancestor):
        if holder is target:
            return pos
        pos += len(text)
    raise ValueError


NESTED = ('<div xmlns="http://www.tei-c.org/ns/1.0" xmlns:i="urn:tei-edition:internal" i:lines="0:1">'
          '<p i:lines="0:2 40:3 90:4">He wrote <hi>that <!-- a comment --><q i:lines="0:2 12:3">the “town”'
          '<note>A <hi>note</hi>.</note> was <title>Empty</title> and <hi>the <emph>gates</emph> shut</hi></q>'
          ' for</hi> ever <bibl>Diary</bibl>, and left.</p></div>')


def _walked_holders(holder, owner, start):
    """The holders and offsets the plain way: the chain from holder up, each ancestor's offset
    found by walking its text from its start."""
    chain = [holder]
    while chain[-1] is not owner:
        chain.append(chain[-1].getparent())
    for a in owner.iterancestors():
        if local_name(chain[-1]) == "note":
            break
        chain.append(a)
    chain = [a for a in chain if a is owner or a is holder or _quotations._lines_past_start(a)]
    return [(a, start if a is owner else start - _walked_offset(owner, a) if owner in a.iterancestors()
             else _walked_offset(a, owner) + start) for a in chain]


def test_offsets_counted_upwards_are_those_of_walking_each_ancestor_from_its_start():
    div = etree.fromstring(NESTED)
    for e in div.iter("{*}*"):
        if e is not div and local_name(e) != "note":
            assert _quotations._begins_in_parent(e) == _walked_offset(e.getparent(), e), e.tag
        assert _quotations.text_length(e) == len(raw_text(e)), e.tag
    p = div[0]
    q = p.find(".//{*}q")
    gates = p.find(".//{*}emph")
    in_note = p.find(".//{*}note/{*}hi")
    cases = [(gates, q), (q, q), (gates, p), (q.find("{*}hi"), q), (in_note, in_note), (p, p)]
    for holder, owner in cases:
        for start in (0, 1, 3):
            assert _quotations._holders(holder, owner, start) == _walked_holders(holder, owner, start), \
                (holder.tag, owner.tag, start)
    # the lines of the paragraph and of the quotation are moved, not those of the div (one line)
    assert [local_name(a) for a, _ in _quotations._holders(gates, q, 1)] == ["emph", "q", "p"]


def test_the_text_read_up_to_a_limit_is_read_as_the_text_cut_there():
    text = "He said “it is over. ”  And so,¹ wrote he: “enough” (Diary, 3) and left.  “Late” he wrote."
    style = MarkStyle("double", "double", "“", frozenset("”"))
    verbs = {"wrote": "writing-after", "said": "speech"}
    ends = set()
    for m in re.finditer("“[^”]*”", text):
        pair = Pair(Mark(m.start(), m.start() + 1, "“", "double"), Mark(m.end() - 1, m.end(), "”", "double"), style)
        for limit in range(pair.start, len(text) + 1):
            cut = text[:limit]
            # the old way: the text cut at the limit, read to its end
            if re.search(r"[.!?…]\W*$", pair.inner(cut).rstrip()):
                plain = re.compile(r"[\s.,;:]*").match(cut, pair.end).end()
            else:
                found = _quotations.SENTENCE_END.search(cut, pair.end)
                plain = found.end() if found else len(cut)
                while plain < len(cut) and cut[plain].isspace():
                    plain += 1
            assert _quotations._sentence_end(text, pair, limit) == plain, (pair.start, limit)
            assert _quotations._verb_after(text, pair.end, limit, verbs, 4) == \
                _quotations._verb_after(cut, pair.end, len(cut), verbs, 4), (pair.start, limit)
            ends.add(plain)
    assert len(ends) > 5


def test_a_units_notes_and_citations_stand_where_its_text_puts_them():
    p = etree.fromstring(NESTED)[0]
    p.append(el("note", {"type": "author"}))
    unit = _quotations.Unit.of(p)
    assert unit.text == "".join(text for _, text in _own_nodes(p)).replace("Empty", "\ufffc" * 5) \
        .replace("Diary", "\ufffc" * 5)
    # a reference note stands after the text before it; the author's own note is no source
    assert len(unit.notes) == 1 and unit.text[:unit.notes[0]].endswith("He wrote that the “town”")
    assert [unit.text[s:t] for s, t in unit.citations] == ["\ufffc" * 5]
    assert unit.text[unit.citations[0][1]:].startswith(", and left.")


def test_the_habit_is_learnt_from_the_units_that_may_hold_single_marks_as_from_every_unit():
    context = before(InlineQuotations.name, "Title\n\nHe spoke of ’36 and ’tis, and the ‘old’ days.\n\n"
                     "A paragraph with “double” marks only.\n\nIts note.¹\n\n¹ See ‘Hope’ and ’40.\n")
    elements = [e for e in text_blocks(context.tree) if _quotations._holds_running_text(e, {})]
    every = [_quotations.Unit.of(e).text for e in elements]
    read = list(_quotations._texts_for_habit(elements, {}))
    # the units left out hold no turned or upright single mark; the paragraph holding the note's
    # call is read (its note's text holds some), and so is the note
    assert [t for t in every if "‘" in t or "’" in t] == [t for t in read if "‘" in t or "’" in t]
    assert len(read) == 3 < len(every) and not any("double" in t for t in read)
    assert Habit.of(read) == Habit.of(every)
    # a unit read early is given as it was read, marks or none
    double = next(k for k, t in enumerate(every) if "double" in t)
    early = {double: _quotations.Unit(elements[double], "as read early")}
    assert list(_quotations._texts_for_habit(elements, early)) == [read[0], "as read early", *read[1:]]
