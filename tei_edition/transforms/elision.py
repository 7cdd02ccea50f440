"""An editorial elision mark such as '[· · ·]' (text cut here) becomes <gap/>."""
from __future__ import annotations

import re

from lxml import etree

from ..building.tei import el
from ..report import Report
from .inline import line_of, replace_in_text, text_blocks

STAGE = "elision"
MARK = re.compile(r"\[\s*(?:[·•]\s*){2,}\]")


def mark_elisions(tree: etree._ElementTree, report: Report) -> None:
    for e in list(text_blocks(tree)):
        def make(m: re.Match[str]) -> etree._Element:
            report.repair(STAGE, "encoded elision mark as gap", line_of(e), m.group(0))
            gap = el("gap", {"reason": "omitted"})
            desc = etree.SubElement(gap, gap.tag.replace("gap", "desc"))
            desc.text = m.group(0)
            return gap
        replace_in_text(e, MARK, make)
