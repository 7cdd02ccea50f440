"""Emphasis marked *like this* or _like this_ becomes <hi rend="italic">."""
from __future__ import annotations

import re

from lxml import etree

from ..building.tei import el
from ..report import Report
from .inline import line_of, replace_in_text, text_blocks

STAGE = "emphasis"
# An opening mark follows a space, an opening bracket or quote; the closing mark is followed by the same
# or by punctuation: so '5 * 3' and 'file_name' stay as they are.
MARKED = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,400}?)(?<=[^\s*])\*(?![\w*])"
                    r"|(?<![\w_])_(?=[^\s_])([^_\n]{1,400}?)(?<=[^\s_])_(?![\w_])")


def mark_emphasis(tree: etree._ElementTree, report: Report) -> None:
    for e in list(text_blocks(tree)):
        def make(m: re.Match[str]) -> etree._Element:
            report.repair(STAGE, "encoded emphasis", line_of(e), m.group(0))
            return el("hi", {"rend": "italic"}, m.group(1) or m.group(2))
        replace_in_text(e, MARKED, make)
