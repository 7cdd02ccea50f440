"""(Being written.) The persons pass."""
from __future__ import annotations

from lxml import etree

from ..passes import Context, Declaration, Section, TreePass


class Persons(TreePass):
    name = "persons"
    declaration = Declaration(Section.INTERPRETATION, "Mentions of persons were tagged as persName against the edition's register of persons.")

    def apply(self, tree: etree._ElementTree, context: Context) -> None:
        return None
