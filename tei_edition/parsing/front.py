"""Front matter: title, subtitle, author or byline, dedication, credits, imprint, acknowledgements.

The front zone is everything before the body begins: the first heading of the body (a contents
entry, a numbered heading, 'Introduction'...) or the first paragraph of prose. Its blocks are
classified by what they look like; none of them goes into the body.
"""
from __future__ import annotations

import re

from .. import data
from ..reading.blocks import Block, Document
from ..reading.layout import is_terminal
from ..report import Report
from . import headings

STAGE = "front"
PROSE_LENGTH = 200
IMPRINT = re.compile(r"^(?P<publisher>[A-Z][\w&.'’ ]+),\s*(?P<place>[A-Z][\w.'’ ]+),\s*(?P<date>\d{4})\.?$")
YEARS = re.compile(r"^\(?\d{4}(?:\s*[-–—]\s*\d{2,4})?\)?$")
BYLINE = re.compile(r"^(?:By|by|BY)\s+(?P<name>.+?)\.?$")
TITLE_AUTHOR = re.compile(r"^(?P<title>.+?)\s+[-–—]\s+(?P<author>[^-–—]+)$")
ATTRIBUTION = re.compile(r"^\s*(?:[—–]|--?)\s*\S.{0,120}$")
DATELINE = re.compile(
    r"^(?P<date>(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4})\s+[—–-]\s+(?P<venue>[^.]{3,80}?)\s{2,}(?=\S)")


def find_front(doc: Document, report: Report) -> None:
    blocks = doc.blocks
    if len([b for b in blocks if b.kind in ("p", "head")]) < 2:
        return  # a text of one block is all body: taking it for a title would leave no text
    start = _body_start(blocks, doc.contents)
    front = blocks[:start]
    doc.front_blocks = front
    _classify(front, doc, report)
    for b in front:
        if b.kind == "p":
            b.kind = "front"
    _split_dateline(blocks[start:], doc, report)


def _body_start(blocks: list[Block], contents: list[str]) -> int:
    in_front_section = False
    names = _names_in_title(blocks[0].text) if blocks else []
    for i, b in enumerate(blocks):
        if i == 0:
            continue
        text = b.text.strip()
        low = text.lower().strip(" :.")
        if low in data.words("front_sections.txt"):
            in_front_section = True
            continue
        if b.kind == "head" or _opens_body(b, contents):
            return i
        if is_name(text) or BYLINE.match(text):
            names.append(BYLINE.sub(r"\g<name>", text))
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if nxt is not None and _prose(nxt.text) and _heading_like(text) and (i >= 2 or headings.style_of(text) == "caps"):
            return i
        if in_front_section or _credit(text) or _dedication(text) or IMPRINT.match(text):
            continue
        if _is_epigraph(blocks, i) or (i > 1 and _is_epigraph(blocks, i - 1)):
            continue
        if any(text.startswith(n) for n in names):
            continue  # a teaser that names the author: 'X writes on Y for Z.'
        if len(text) > PROSE_LENGTH or _prose(text):
            return i
    return 1 if blocks else 0


def _opens_body(b: Block, contents: list[str]) -> bool:
    text = b.text.strip()
    if len(text) > 120 or is_terminal(text) and not text.endswith("?") and not headings.NUMBER_ONLY.match(text):
        return False
    first = text.split()[0].lower().strip(".:") if text.split() else ""
    return (headings.in_contents(text, contents) or headings.numbering_style(text) is not None
            or first in data.words("body_openings.txt"))


def _is_epigraph(blocks: list[Block], i: int) -> bool:
    """A short quotation followed by its attribution ('— Rosa Luxemburg')."""
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return nxt is not None and len(blocks[i].text) < 600 and bool(ATTRIBUTION.match(nxt.text)) \
        and not ATTRIBUTION.match(blocks[i].text)


def _names_in_title(text: str) -> list[str]:
    m = TITLE_AUTHOR.match(text.strip())
    return [m.group("author").strip()] if m and is_name(m.group("author")) else []


def _prose(text: str) -> bool:
    """A finished sentence or more: at least eight words ending with sentence punctuation."""
    return len(text) > PROSE_LENGTH or (is_terminal(text) and len(text.split()) >= 8)


def _heading_like(text: str) -> bool:
    return len(text) <= 100 and not is_terminal(text) and text[:1].isupper()


def _dedication(text: str) -> bool:
    return any(rx.match(text) for _, rx in data.patterns("dedication_openings.tsv"))


def _credit(text: str) -> str | None:
    return next((name for name, rx in data.patterns("credits.tsv") if rx.match(text)), None)


def is_name(text: str) -> bool:
    words = text.strip().split()
    if not 2 <= len(words) <= 5 or len(text) > 50 or re.search(r"\d", text) or is_terminal(text):
        return False
    particles = data.words("name_particles.txt")
    function_words = data.words("heading_final_words.txt")
    if headings.numbering_style(text) or any(w.lower() in function_words for w in words):
        return False
    return all(w[0].isupper() or w.lower() in particles for w in words)


def _classify(front: list[Block], doc: Document, report: Report) -> None:
    f = doc.front
    section: str | None = None
    for i, b in enumerate(front):
        text = b.text.strip()
        low = text.lower().strip(" :.")
        if i > 0 and (_is_epigraph(front, i) or (i > 1 and _is_epigraph(front, i - 1))):
            role = "epigraph" if _is_epigraph(front, i) else "epigraph-source"
            b.kind, b.attrs["role"] = "front", role
            report.repair(STAGE, f"moved {role} to the front matter", b.first_line, text)
            continue
        if low in data.words("front_sections.txt"):
            section = low
            b.kind, b.attrs["role"] = "front", "section-head"
            continue
        if section:
            b.kind, b.attrs["role"], b.attrs["section"] = "front", "section", section
            continue
        role = _role(i, text, f)
        b.kind, b.attrs["role"] = "front", role
        report.repair(STAGE, f"moved {role} to the front matter", b.first_line, text)


def _role(i: int, text: str, f: dict) -> str:
    if i == 0:
        m = TITLE_AUTHOR.match(text)
        if m and is_name(m.group("author")):
            f.setdefault("title", m.group("title").strip())
            f.setdefault("author", m.group("author").strip())
        else:
            f.setdefault("title", text)
        return "title"
    if (m := BYLINE.match(text)) and is_name(m.group("name")):
        f.setdefault("author", m.group("name").strip())
        f["byline"] = text
        return "byline"
    if _dedication(text):
        f.setdefault("dedication", []).append(text)
        return "dedication"
    if credit := _credit(text):
        f.setdefault("credits", []).append(text)
        return f"credit-{credit}"
    if m := IMPRINT.match(text):
        f["imprint"] = {k: v.strip() for k, v in m.groupdict().items()}
        return "imprint"
    if "author" not in f and is_name(text):
        f["author"] = text
        return "author"
    if f.get("author") and text.split()[:2] == f["author"].split()[:2]:
        f.setdefault("argument", []).append(text)
        return "argument"
    if "subtitle" not in f and "author" not in f and (YEARS.match(text) or len(text) < 120 and not is_terminal(text)):
        f["subtitle"] = text
        return "subtitle"
    if YEARS.match(text):
        f.setdefault("dates", []).append(text)
        return "date"
    f.setdefault("other", []).append(text)
    return "other"


def _split_dateline(body: list[Block], doc: Document, report: Report) -> None:
    """A web archive's dateline glued to the first paragraph: 'October 13, 2017 — Venue  Text'."""
    for b in body[:4]:
        if b.kind != "p" or len(b.text) < PROSE_LENGTH:
            continue
        m = DATELINE.match(b.text)
        if m:
            doc.front["dateline"] = {"date": m.group("date"), "venue": m.group("venue").strip()}
            b.text = b.text[m.end():]
            b.anchors = [(max(o - m.end(), 0), ln) for o, ln in b.anchors]
            report.repair(STAGE, "moved dateline to the front matter", b.first_line, m.group(0))
        return
