"""building/tree.py: the TreeBuilder pass makes TEI of the block document, with source lines."""
from __future__ import annotations

from lxml import etree
from passlab import before, context_of, entries, only, run, written, xp

import tei_edition
from tei_edition.building.tree import TreeBuilder
from tei_edition.model import (Block, BlockKind, Document, Note, NoteCall, NotePlace, NoteText, ParagraphNumber,
                               Table)
from tei_edition.passes import Context
from tei_edition.report import Kind
from tei_edition.tei.lines import anchors_of, line_at
from tei_edition.tei.namespaces import INTERNAL_NS
from tei_edition.tei.text import text_of
from tei_edition.writers.tei import to_bytes

WRAPPED = ("Ein Titel\n\n"
           "Erste Zeile eines Absatzes, der über mehrere Zeilen des Textes\n"
           "umbrochen ist und auf der zweiten Zeile weitergeht und auf der\n"
           "dritten Zeile endet, wie es gedruckte Bücher tun.\n\n"
           "Ein zweiter Absatz folgt hier und endet auch mit einem Punkt.\n")


def build(doc: Document) -> Context:
    context = context_of()
    context.document = doc
    run(TreeBuilder, context)
    return context


def test_paragraph_elements_carry_the_source_lines_of_their_own_text():
    context, _ = only(TreeBuilder, WRAPPED)
    p = xp(context.tree, "//t:body/t:p")[0]
    text = text_of(p)
    assert line_at(p, 0) == 3
    assert line_at(p, text.index("umbrochen")) == 4
    assert line_at(p, text.index("dritten")) == 5
    assert [ln for _, ln in anchors_of(p)] == [3, 4, 5]


def test_the_lines_are_working_attributes_that_the_writer_removes():
    context, _ = only(TreeBuilder, WRAPPED)
    assert b"lines" not in etree.tostring(written(context.tree))


def test_the_working_namespace_is_declared_once_for_the_whole_tree():
    # paragraphs, notes built apart and placed at their calls, quotations, persons and emphasis
    # wrapped by the tree passes: all given lines, and none declaring their namespace again
    # (one declaration each made the writer's cleanup_namespaces quadratic on a large source)
    text = "Titre\n\n" + "".join(
        f"Le {k} mai, « Jean Dupont » écrivit à *Marie Curie* qu’il viendrait.{k}\n\n" for k in range(1, 41)) \
        + "".join(f"{k}. Lettre {k}, archives de Lyon, p. {k + 10}.\n" for k in range(1, 41))
    tree = tei_edition.convert(text, {"language": "fr"})
    raw = etree.tostring(tree)
    assert raw.count(b":lines=") > 80
    assert raw.count(INTERNAL_NS.encode()) == 1
    assert INTERNAL_NS not in to_bytes(tree).decode()


def test_a_note_stands_at_its_call_and_its_text_keeps_its_own_lines():
    para = Block("Der Satz endet hier.¹ Dann geht es weiter.", 7)
    text = Block("Eine Anmerkung.", 20)
    note = Note("1", NotePlace.FOOT, NoteText("¹", 1, [text], NotePlace.FOOT), "superscript", line=7,
                xml_id="n1")
    para.calls.append(NoteCall(20, 21, note))
    context = build(Document([Block("Titel", 1, kind=BlockKind.HEAD, level=1), para]))
    p = xp(context.tree, "//t:body//t:p")[0]
    n = xp(p, "t:note")[0]
    assert p.text == "Der Satz endet hier."
    assert n.tail == " Dann geht es weiter."
    assert (n.get("n"), n.get("place"), n.get("{http://www.w3.org/XML/1998/namespace}id")) == ("1", "foot", "n1")
    assert line_at(n, 0) == 20 and line_at(p, 0) == 7


def test_a_call_without_text_is_a_note_holding_a_gap():
    para = Block("Ein Satz mit einem Verweis.[4]", 3)
    para.calls.append(NoteCall(27, 30, Note("4", NotePlace.END, None, "bracket", line=3, xml_id="n4")))
    context = build(Document([para]))
    n = xp(context.tree, "//t:body/t:p/t:note")[0]
    assert n.get("type") == "missing" and xp(n, "t:gap[@reason='missing']")
    assert xp(context.tree, "//t:body/t:p")[0].text == "Ein Satz mit einem Verweis."


def test_headings_nest_divisions_by_level_and_a_back_heading_opens_back():
    blocks = [Block("Erstes Kapitel", 1, kind=BlockKind.HEAD, level=1),
              Block("Ein Abschnitt", 3, kind=BlockKind.HEAD, level=2),
              Block("Text im Abschnitt.", 5),
              Block("Literatur", 7, kind=BlockKind.HEAD, level=1),
              Block("Muster, Max 1999, Ein Buch, Berlin: Verlag.", 9)]
    blocks[3].opens_back_matter = True
    context = build(Document(blocks))
    tree = context.tree
    assert xp(tree, "//t:body/t:div[@type='chapter']/t:div[@type='section']/t:p")
    assert xp(tree, "//t:back/t:div[@type='bibliography']/t:listBibl/t:bibl")
    assert [e.line for e in entries(context.full_report.entries, Kind.RECOGNITION)] == [7]


def test_an_empty_body_holds_a_gap_and_says_so():
    context = build(Document([Block("nur vorne", 1, kind=BlockKind.REMOVED)]))
    assert xp(context.tree, "//t:body/t:p/t:gap[@reason='missing']")
    assert [e.kind for e in context.full_report.entries] == [Kind.WARNING]


def test_the_tree_builder_runs_after_every_block_pass():
    context = before("tree", WRAPPED)
    assert context.tree is None and context.document is not None
    run(TreeBuilder, context)
    assert context.tree is not None and not xp(context.tree, "//t:teiHeader")


def test_a_front_section_is_a_division_typed_by_its_heading_in_any_language():
    prose = "Die Sammlung enthält Briefe und Tagebücher aus drei Jahrzehnten, geordnet nach Jahren."
    for heading, kind in (("Danksagung", "acknowledgements"), ("Remerciements", "acknowledgements"),
                          ("Widmung", "dedication")):
        context, _ = only(TreeBuilder, f"Briefe aus dem Süden\n\n{heading}\n\nIch danke allen Helfern.\n\n"
                                       f"1. Die Anfänge\n\n{prose}\n")
        div = xp(context.tree, "//t:front/t:div[t:head]")
        assert [(d.get("type"), xp(d, "string(t:head)")) for d in div] == [(kind, heading)]


def _closing_call(block: Block, n: str, note_text: str | None, line: int) -> Block:
    start = len(block.text) - len(f"[{n}]")
    text = None if note_text is None else NoteText(f"[{n}]", int(n), [Block(note_text, line)], NotePlace.END)
    block.calls.append(NoteCall(start, len(block.text), Note(n, NotePlace.END, text, "bracket", line=line,
                                                              xml_id=f"n{n}")))
    return block


def test_a_block_quotation_closed_by_the_note_that_gives_its_source_is_a_cit():
    from tei_edition.model import Quotation
    quoted = [_closing_call(Block("Il faut oser, et encore oser, et toujours oser.[1]", 3, kind=BlockKind.QUOTE),
                            "1", "Discours du 2 septembre 1792, p. 12.", 30),
              _closing_call(Block("Der Weg ist weit und niemand weiß, wohin er führt.[2]", 5, kind=BlockKind.QUOTE),
                            "2", "Dieser Satz stand über der Tür der Schule.", 31),
              _closing_call(Block("La historia no termina aquí, ni termina nunca.[3]", 7, kind=BlockKind.QUOTE),
                            "3", None, 32)]
    for k, b in enumerate(quoted):
        b.quotation = Quotation(k + 1)
    context = build(Document([Block("Titel", 1, kind=BlockKind.HEAD, level=1), quoted[0],
                              Block("Dazwischen steht ein Absatz des Autors.", 4), quoted[1],
                              Block("Und noch einer.", 6), quoted[2]]))
    tree = written(context.tree)
    cits = xp(tree, "//t:body//t:cit")
    assert len(cits) == 1                                 # a note that names no source, a missing note: no cit
    assert xp(cits[0], "t:quote/t:note/@xml:id") == ["n1"]      # the note stays at its call
    assert xp(cits[0], "t:ref[@type='note']/@target") == ["#n1"]
    assert [(e.action, e.line) for e in entries(context.full_report.entries, Kind.RECOGNITION)
            if "cit" in e.action] == [("block quotation with its source in the note that closes it: cit", 3)]


def test_a_numbered_paragraph_has_its_number_as_n():
    b = Block("Die Vorschrift gilt für alle Mühlen am Bach.", 5)
    b.number = ParagraphNumber("12", "Rn. 12", 3)
    context = build(Document(blocks=[b]))
    assert [p.get("n") for p in xp(context.tree, "//t:body/t:p")] == ["12"]


def test_a_tables_caption_is_its_head_and_a_caption_without_its_table_stays_a_paragraph():
    caption = Block("Strikes by year", 3, kind=BlockKind.HEAD)
    caption.heads_table = True
    table = Block("1924 | 12", 4, kind=BlockKind.TABLE)
    table.table = Table([[Block("1924", 4), Block("12", 5)]])
    stray = Block("Lonely caption", 7, kind=BlockKind.HEAD)
    stray.heads_table = True
    after = Block("A paragraph follows it, and no table.", 8)
    context = build(Document(blocks=[caption, table, stray, after]))
    assert [text_of(h) for h in xp(context.tree, "//t:table/t:head")] == ["Strikes by year"]
    assert [text_of(p) for p in xp(context.tree, "//t:body/t:p")] == ["Lonely caption", "A paragraph follows it, and no table."]
    assert not xp(context.tree, "//t:div")


def test_the_tree_builder_lets_go_of_each_block_of_the_body_as_it_builds_it(monkeypatch):
    """A large text's blocks and its tree are each several times the text in memory: while a
    paragraph is built, no list holds the blocks built before it but the passage in another
    language, the only block the document keeps (the header's langUsage reads it)."""
    import gc

    from tei_edition.building import tree as builder
    doc = Document([Block(f"La rivière monta au printemps de l'an {1850 + k}.", 2 * k + 1) for k in range(4)])
    english = doc.blocks[2]
    english.language = "en"
    built: list[Block] = []
    still_listed: list[bool] = []
    build_paragraph = builder.Builder.paragraph

    def paragraph(self, b: Block) -> None:
        still_listed.append(any(isinstance(holder, list) and holder is not built and any(x is y for y in holder)
                                for x in built if x is not english for holder in gc.get_referrers(x)))
        built.append(b)
        build_paragraph(self, b)

    monkeypatch.setattr(builder.Builder, "paragraph", paragraph)
    context = build(doc)
    assert len(xp(context.tree, "//t:body/t:p")) == 4
    assert still_listed == [False, False, False, False]
    assert context.document.blocks == [english]
