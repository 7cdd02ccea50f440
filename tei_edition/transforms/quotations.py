"""(Being written.) The inline-quotations pass."""
from __future__ import annotations

from lxml import etree

from ..passes import Context, Declaration, Section, TreePass


class InlineQuotations(TreePass):
    name = "inline-quotations"
    declaration = Declaration(Section.INTERPRETATION, "Text between quotation marks was encoded as quote, q or soCalled.")

    def apply(self, tree: etree._ElementTree, context: Context) -> None:
        return None
