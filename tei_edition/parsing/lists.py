"""Lists: bulleted or numbered paragraphs, and enumerations run together in one paragraph."""
from __future__ import annotations

import re

from ..reading.blocks import Document
from ..report import Report

STAGE = "lists"
BULLET = re.compile(r"^\s*[•▪◦●·\-*–]\s+(?=\S)")
NUMBERED = re.compile(r"^\s*(?:\((\d{1,2}|[a-z])\)|(\d{1,2}|[a-z])[.)])\s+(?=\S)")
INLINE_ENUM = re.compile(r"(?:(?<=\s)|^)(?:\((\d{1,2})\)\s+|(\d{1,2})\.(?=[A-Z]))")


def mark_list_items(doc: Document, report: Report) -> None:
    """Paragraphs opening with a bullet, or numbered beside the next or previous number."""
    flow = [b for b in doc.blocks if b.kind in ("p", "quote", "head")]
    for i, b in enumerate(flow):
        if b.kind == "head":
            continue
        if m := BULLET.match(b.text):
            b.attrs["item"] = {"rend": "bulleted", "n": None}
            b.text = b.text[m.end():]
            b.anchors = [(max(o - m.end(), 0), ln) for o, ln in b.anchors]
            report.repair(STAGE, "made bulleted paragraph a list item", b.first_line, b.text)
            continue
        m = NUMBERED.match(b.text)
        if m and _numbered_neighbour(flow, i, _ordinal(m.group(1) or m.group(2))):
            b.attrs["item"] = {"rend": "numbered", "n": m.group(1) or m.group(2)}
            b.text = b.text[m.end():]
            b.anchors = [(max(o - m.end(), 0), ln) for o, ln in b.anchors]
            report.repair(STAGE, "made numbered paragraph a list item", b.first_line, b.text)


def split_run_in_lists(doc: Document, report: Report) -> None:
    """'(1) … (2) … (3) …' run together in one paragraph or quotation."""
    for b in doc.blocks:
        if b.kind in ("p", "quote") and "item" not in b.attrs:
            items = inline_enumeration(b.text)
            if items:
                b.attrs["inline_items"] = items
                report.repair(STAGE, "split a run-in enumeration into list items", b.first_line,
                              f"{len(items[1])} items")


def _ordinal(mark: str) -> int:
    return int(mark) if mark.isdigit() else ord(mark) - ord("a") + 1


def _numbered_neighbour(flow: list, i: int, value: int) -> bool:
    """A numbered paragraph is a list item only beside the item before or after it."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(flow):
            item = flow[j].attrs.get("item")
            if item:
                n = _ordinal(item["n"]) if item.get("n") else None
            else:
                m = NUMBERED.match(flow[j].text)
                n = _ordinal(m.group(1) or m.group(2)) if m else None
            if n is not None and n == value + (1 if j > i else -1):
                return True
    return False


def inline_enumeration(text: str) -> tuple[str, list[tuple[str, int, int, int]]] | None:
    """'(1) a ... (2) b ... (3) c' → lead text and items (number, marker start, text start, end)."""
    marks: list[tuple[str, int, int]] = []
    expected = 1
    for m in INLINE_ENUM.finditer(text):
        n = int(m.group(1) or m.group(2))
        if n == expected:
            marks.append((str(n), m.start(), m.end()))
            expected += 1
    if len(marks) < 3:
        return None
    lead = text[: marks[0][1]].strip()
    items = [(n, start, end, marks[k + 1][1] if k + 1 < len(marks) else len(text))
             for k, (n, start, end) in enumerate(marks)]
    return lead, items
