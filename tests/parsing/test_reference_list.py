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
