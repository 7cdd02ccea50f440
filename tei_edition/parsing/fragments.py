"""A word or two in lower case standing alone (the residue of a diagram or a page header) is kept
as a fragment, not passed off as a paragraph."""
from __future__ import annotations

from ..model import BlockKind, Document
from ..passes import BlockPass, Context, Declaration, Section
from ..vocabulary import is_terminal


class Fragments(BlockPass):
    """A word or two in lower case standing alone between blank lines (the residue of a diagram or
    a page header) is kept as a fragment, not passed off as a paragraph."""

    name = "fragments"
    after = {"list-items": "a list item in lower case is not a fragment"}
    declaration = Declaration(Section.INTERPRETATION,
                              "Stray words standing alone in lower case (residue of a diagram or a page "
                              "header) were kept as fragments (ab type=\"fragment\"), not as paragraphs.")

    def apply(self, doc: Document, context: Context) -> None:
        for b in doc.blocks:
            if b.kind is BlockKind.P and b.item is None and b.text[:1].islower() and len(b.text.split()) <= 3 \
                    and not is_terminal(b.text):
                b.kind = BlockKind.FRAGMENT
                context.report.doubt("kept an isolated fragment apart from the paragraphs", b.first_line, b.text)
