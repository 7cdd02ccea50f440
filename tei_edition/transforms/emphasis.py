"""Emphasis marked *like this* or _like this_ becomes <hi rend="italic">."""
from __future__ import annotations

import re

from lxml import etree

from ..passes import Context, Declaration, Section, TreePass
from ..tei.elements import el
from .inline import replace_in_text, text_blocks

# An opening mark follows a space, an opening bracket or quote; the closing mark is followed by the same
# or by punctuation: so '5 * 3' and 'file_name' stay as they are. (What stands before the opening
# mark is looked at behind the mark, '\*(?<![\w*]\*)', so that the pattern opens with the mark itself
# and the regex engine skips to the marks instead of trying every position of the text.)
MARKED = re.compile(r"\*(?<![\w*]\*)(?=[^\s*])([^*\n]{1,400}?)(?<=[^\s*])\*(?![\w*])"
                    r"|_(?<![\w_]_)(?=[^\s_])([^_\n]{1,400}?)(?<=[^\s_])_(?![\w_])")


class Emphasis(TreePass):
    name = "emphasis"
    declaration = Declaration(Section.NORMALIZATION,
                              "Emphasis marked with asterisks or underscores was encoded as hi rend=\"italic\"; "
                              "the marks were dropped.")

    def apply(self, tree: etree._ElementTree, context: Context) -> None:
        def make(m: re.Match[str], line: int | None) -> etree._Element:
            context.report.repair("encoded emphasis", line, m.group(0))
            return el("hi", {"rend": "italic"}, m.group(1) or m.group(2))

        for e in list(text_blocks(tree)):
            replace_in_text(e, MARKED, make)
