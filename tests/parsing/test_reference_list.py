"""A reference list's entries stay entries (tei_edition.parsing.reference_list)."""
from __future__ import annotations

from passlab import before, only, xp

from tei_edition.model import BlockKind
from tei_edition.parsing.reference_list import ReferenceList
from tei_edition.report import Kind

TEXT = """Eine kurze Geschichte

1. Der Anfang

Die Opposition wuchs in den Städten.

Literatur

Carr, E. H., Die bolschewistische Revolution, Berlin 1950

Deutscher, I., Der bewaffnete Prophet (Stuttgart 1954)

Haupt, Georges, Der Sozialismus und der Große Krieg, Oxford: Clarendon Press, 1972.

Nettl, J. P., Rosa Luxemburg, Köln 1966
"""


def test_entries_that_looked_like_headings_or_halves_of_a_paragraph_stay_entries():
    context, found = only(ReferenceList, TEXT, {"language": "de"})
    doc = context.document
    entries = [b for b in doc.blocks if b.item is not None]
    assert [b.text[:6] for b in entries] == ["Carr, ", "Deutsc", "Haupt,", "Nettl,"]
    assert all(b.kind is BlockKind.P for b in entries)
    assert {e.kind for e in found} <= {Kind.RECOGNITION, Kind.REPAIR}
    assert [e.line for e in found if e.kind is Kind.RECOGNITION] == [9, 11, 13, 15]


def test_the_tree_writes_them_as_one_list_of_bibl():
    context = before("citations", TEXT, {"language": "de"})
    bibls = xp(context.tree, "//t:back/t:div[@type='bibliography']/t:listBibl/t:bibl")
    assert len(bibls) == 4


ONE_PER_LINE = """Dějiny přístavu

1. Začátek

Účty přístavu byly vedeny pečlivě a městská
rada je každý rok četla nahlas před všemi
obchodníky, kteří do přístavu přijížděli.

Literatura

Novák, Jan, Přístav a město: dějiny, Praha 1961
Dvořáková, Eva. Lodě na Labi: studie o plavbě
a obchodu v devatenáctém století. Brno, 1978.
———. Říční obchod a jeho cesty. Brno: Host, 1982.
Svoboda, P. (1990). Celníci na hranici. Olomouc.
"""


def test_a_list_with_one_entry_per_line_is_cut_into_its_entries_a_wrapped_one_kept_whole():
    context, found = only(ReferenceList, ONE_PER_LINE, {"language": "cs"})
    entries = [b for b in context.document.blocks if b.item is not None]
    assert [(b.text[:8], b.first_line, b.last_line) for b in entries] == [
        ("Novák, J", 11, 11), ("Dvořákov", 12, 13), ("———. Říč", 14, 14), ("Svoboda,", 15, 15)]
    assert entries[1].text.endswith("v devatenáctém století. Brno, 1978.")
    cut = [e for e in found if e.kind is Kind.REPAIR and "one per line" in e.action]
    assert len(cut) == 1 and cut[0].line == 11 and "4 reference-list entries" in cut[0].action
    assert [e.line for e in found if e.kind is Kind.RECOGNITION] == [11, 12, 14, 15]


def test_prose_of_several_lines_under_the_list_heading_is_not_cut():
    # (its second line opens with a name inverted, after a full stop: the first piece is no entry)
    text = ONE_PER_LINE.replace("Novák, Jan, Přístav a město: dějiny, Praha 1961\n",
                                "Seznam uvádí díla, která studie cituje hojně.\nNovák, Jan, jak píše jinde, souhlasí s námi.\n\n")
    context, found = only(ReferenceList, text, {"language": "cs"})
    prose = next(b for b in context.document.blocks if b.text.startswith("Seznam"))
    assert prose.item is None and prose.text.endswith("souhlasí s námi.")


def test_the_entries_cut_from_one_block_are_each_a_bibl_of_the_list():
    context = before("citations", ONE_PER_LINE, {"language": "cs"})
    bibls = xp(context.tree, "//t:back/t:div[@type='bibliography']/t:listBibl/t:bibl")
    assert [b.xpath("string()")[:8] for b in bibls] == ["Novák, J", "Dvořákov", "———. Říč", "Svoboda,"]
