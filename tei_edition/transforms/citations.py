"""(Being written.) The citations pass."""
from __future__ import annotations

from lxml import etree

from ..passes import Context, Declaration, Section, TreePass


class Citations(TreePass):
    name = "citations"
    declaration = Declaration(Section.INTERPRETATION, "Citations in notes, reference lists and the running text were encoded as bibl linked to one biblStruct per work.")

    def apply(self, tree: etree._ElementTree, context: Context) -> None:
        return None
