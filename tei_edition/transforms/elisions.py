"""An editorial elision mark such as '[· · ·]' (text cut here) becomes <gap/>."""
from __future__ import annotations

import re

from lxml import etree

from ..passes import Context, Declaration, Section, TreePass
from ..tei.elements import el, sub
from .inline import replace_in_text, text_blocks

MARK = re.compile(r"\[\s*(?:[·•]\s*){2,}\]")


class Elisions(TreePass):
    name = "elisions"
    declaration = Declaration(Section.NORMALIZATION,
                              "Editorial elision marks ('[· · ·]') were encoded as gap reason=\"omitted\", the "
                              "mark kept in its desc.")

    def apply(self, tree: etree._ElementTree, context: Context) -> None:
        def make(m: re.Match[str], line: int | None) -> etree._Element:
            context.report.repair("encoded elision mark as gap", line, m.group(0))
            gap = el("gap", {"reason": "omitted"})
            sub(gap, "desc", None, m.group(0))
            return gap

        for e in list(text_blocks(tree)):
            replace_in_text(e, MARK, make)
