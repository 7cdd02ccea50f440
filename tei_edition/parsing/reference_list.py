"""A reference list's entries are entries: not headings, not halves of one paragraph, not lines
of one block.

Entries of a bibliography are short lines, many without a full stop ("Carr, E. H., The Bolshevik
Revolution, London 1950"): the headings pass may take some of them for headings, which would cut
the list into false divisions, and the page-breaks pass would join the others, as halves of a
paragraph cut by a page. Under a back-matter heading (References, Bibliography, Works cited…:
back_headings.txt), every block that reads as a reference-list entry (a name, then a year or a
title and an imprint: tei_edition.citations.find.looks_like_entry) is an item of the list (which
the tree builder writes as listBibl/bibl); a heading among them is an entry again.

A list copied from a PDF or an ebook often keeps one entry per line with no blank line between
them, and the layout reads it as one block: the block is cut into its entries where a line opens
as an entry does (a name inverted, "Nilsson, K.", or a word that repeats the authors before,
"———." or "Id."), after a line that ends one (a full stop, a closing bracket, a year or a page), when every piece
then reads as an entry. An entry wrapped over two lines stays whole: its second line opens with
no name, or the pieces would not all read as entries.
"""
from __future__ import annotations

import re

from ..citations.find import looks_like_entry
from ..citations.names import read_names
from ..citations.vocabulary import author_placeholder
from ..model import Block, BlockKind, Document, ListItem, ListStyle
from ..passes import BlockPass, Context, Declaration, Section

_ENTRY_ENDS = ".)]"             # or a digit: "… Berlin 1950"
_DASHES_FOR_AUTHORS = re.compile(r"[\-–—_]{2,}\s*[.,]")     # "———. Title …": the authors of the entry before


class ReferenceList(BlockPass):
    name = "reference-list"
    after = {"headings": "the list's own heading is known, and the lines it took for headings are undone here"}
    # (page-breaks, which runs after, joins no list items)
    declaration = Declaration(Section.INTERPRETATION,
                              "Each entry of a reference list was kept as an entry of its own (not joined to the "
                              "next as a paragraph cut by a page, not read as a heading, and cut from the entries "
                              "on the lines after it where a list gave one entry per line).")

    def apply(self, doc: Document, context: Context) -> None:
        in_list = False
        blocks: list[Block] = []
        for b in doc.blocks:
            if b.kind is BlockKind.HEAD and in_list and not b.opens_back_matter and looks_like_entry(b.text):
                b.kind, b.level = BlockKind.P, 0
                context.report.repair("kept a reference-list entry read as a heading as an entry", b.first_line, b.text)
            elif b.kind is BlockKind.HEAD:
                in_list = b.opens_back_matter or (in_list and b.level > 1)
                blocks.append(b)
                continue
            entries = _entries_by_line(b) if in_list and b.kind is BlockKind.P and b.item is None else None
            if entries is not None:
                context.report.repair(f"cut a block of {len(entries)} reference-list entries, one per line, "
                                      "into its entries", b.first_line)
            for entry in entries or [b]:
                if in_list and entry.kind is BlockKind.P and entry.item is None and looks_like_entry(entry.text):
                    entry.item = ListItem(ListStyle.BULLETED)
                    context.report.recognise("reference-list entry", entry.first_line, entry.text)
                blocks.append(entry)
        doc.blocks[:] = blocks


def _entries_by_line(b: Block) -> list[Block] | None:
    """The entries of a block that holds one per line, each a block of its own with its lines;
    None where the block is not such a list. A block with notes' calls, marks or page breaks in
    it is left whole (the pieces would not carry them)."""
    if b.last_line == b.first_line or b.calls or b.marks or b.pages or b.number is not None:
        return None
    text = b.text
    starts = sorted({o for o, _ in b.anchors if 0 < o < len(text)})      # where each line of it begins
    cuts = [0] + [o for o, line_end in zip(starts, starts[1:] + [len(text)])
                  if _ends_an_entry(text, o) and _opens_an_entry(text, o, line_end)]
    if len(cuts) < 2:
        return None
    entries = [b.piece(start, end, b.blank_before if start == 0 else 0)
               for start, end in zip(cuts, cuts[1:] + [len(text)])]
    return entries if all(looks_like_entry(e.text) for e in entries) else None


def _ends_an_entry(text: str, line_start: int) -> bool:
    """Does the line before the one at `line_start` end as an entry does (a full stop, a bracket)?"""
    k = line_start - 1
    while k > 0 and text[k].isspace():
        k -= 1
    return text[k] in _ENTRY_ENDS or text[k].isdigit()


def _opens_an_entry(text: str, at: int, line_end: int) -> bool:
    return (read_names(text, at, line_end, inverted=True) is not None or bool(_DASHES_FOR_AUTHORS.match(text, at, line_end))
            or bool(author_placeholder("idem").match(text, at, line_end)))
