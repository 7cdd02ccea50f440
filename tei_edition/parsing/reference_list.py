"""A reference list's entries are entries: not headings, not halves of one paragraph.

Entries of a bibliography are short lines, many without a full stop ("Carr, E. H., The Bolshevik
Revolution, London 1950"): the headings pass may take some of them for headings, which would cut
the list into false divisions, and the page-breaks pass would join the others, as halves of a
paragraph cut by a page. Under a back-matter heading (References, Bibliography, Works cited…:
back_headings.txt), every block that reads as a reference-list entry (a name, then a year or a
title and an imprint: tei_edition.citations.find.looks_like_entry) is an item of the list (which
the tree builder writes as listBibl/bibl); a heading among them is an entry again.
"""
from __future__ import annotations

from ..citations.find import looks_like_entry
from ..model import BlockKind, Document, ListItem, ListStyle
from ..passes import BlockPass, Context, Declaration, Section


class ReferenceList(BlockPass):
    name = "reference-list"
    after = {"headings": "the list's own heading is known, and the lines it took for headings are undone here"}
    # (page-breaks, which runs after, joins no list items)
    declaration = Declaration(Section.INTERPRETATION,
                              "Each entry of a reference list was kept as an entry of its own (not joined to the "
                              "next as a paragraph cut by a page, not read as a heading).")

    def apply(self, doc: Document, context: Context) -> None:
        in_list = False
        for b in doc.blocks:
            if b.kind is BlockKind.HEAD and in_list and not b.opens_back_matter and looks_like_entry(b.text):
                b.kind, b.level = BlockKind.P, 0
                context.report.repair("kept a reference-list entry read as a heading as an entry", b.first_line, b.text)
            elif b.kind is BlockKind.HEAD:
                in_list = b.opens_back_matter or (in_list and b.level > 1)
                continue
            if in_list and b.kind is BlockKind.P and b.item is None and looks_like_entry(b.text):
                b.item = ListItem(ListStyle.BULLETED)
                context.report.recognise("reference-list entry", b.first_line, b.text)
