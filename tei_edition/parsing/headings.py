"""Headings and their levels.

A heading is a short line that does not end a sentence, standing between finished paragraphs;
evidence makes it surer: it is listed in the source's contents, it is numbered (1., IV., b.,
Chapter 3), it is in capitals, it is a known section name, or the next paragraph opens in capitals.
Levels follow the numbering styles the document uses, highest first (part > chapter > roman >
arabic > decimal > letter > capitals > plain), as docutils ranks section adornments; known section
names (Introduction, Conclusion, References) stand at the top level.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import data
from ..model import Block, BlockKind, Document
from ..passes import BlockPass, Context, Declaration, Section
from ..report import StageReport
from ..vocabulary import BULLETS, TRAILING_CALL, caps_opening, is_terminal
from .contents import matches_entry, norm
MAX_HEADING = 130
STYLE_RANK = ["part", "chapter", "roman", "arabic", "decimal", "letter", "caps", "plain"]
DIVISIONS = data.pairs("division_names.tsv")      # 'part' and 'chapter': their names
_STYLES = [
    ("part", re.compile(rf"^(?:{DIVISIONS['part']})\s+(?:[0-9]+|[ivxlcdm]+|[a-z]+)\b", re.I)),
    ("chapter", re.compile(rf"^(?:{DIVISIONS['chapter']})\s+(?:[0-9]+|[ivxlcdm]+|[a-z]+)\b", re.I)),
    ("decimal", re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+\S")),
    ("roman", re.compile(r"^[IVXLC]{1,7}\.?(?:\s+\S|$)")),
    ("arabic", re.compile(r"^\d{1,2}\.?\s+[A-Z‘'\"“(]|^\d{1,2}\.?$")),
    ("letter", re.compile(r"^(?:[a-z]\.|\([a-z]\))\s+[A-Z‘'\"“]")),
]
NUMBER_ONLY = re.compile(rf"^(?:(?:{DIVISIONS['part']}|{DIVISIONS['chapter']})\s+(?:[0-9]{{1,3}}|[IVXLC]{{1,7}}|[a-z]+)"
                         r"|[0-9]{1,3}|[IVXLC]{1,7})\.?$", re.I)
TABLE_RUN = 3


def numbering_style(text: str) -> str | None:
    text = text.strip()
    for name, rx in _STYLES:
        if rx.match(text):
            if name == "roman" and not _roman_heading(text):
                continue
            return name
    return None


def _roman_heading(text: str) -> bool:
    # "I. Title", "IV", but not "I said" or "In": the numeral must be followed by a dot or stand alone
    head = text.split()[0]
    return head.endswith(".") or head == text


@lru_cache(maxsize=64)
def _contents_keys(contents: tuple[str, ...]) -> frozenset[str]:
    return frozenset(norm(c) for c in contents)


def in_contents(text: str, contents: list[str]) -> bool:
    """Is `text` an entry of the contents list (allowing a typo in a long entry)?"""
    if not contents or len(text) > 2 * MAX_HEADING:
        return False
    return matches_entry(norm(TRAILING_CALL.sub("", text)), _contents_keys(tuple(contents)))


def style_of(text: str) -> str:
    bare = TRAILING_CALL.sub("", text).strip()
    if bare.lower().strip(" :.") in data.words("section_names.txt") | data.words("back_headings.txt"):
        return "named"
    style = numbering_style(bare)
    if style:
        return style
    letters = [c for c in bare if c.isalpha()]
    if len(letters) > 2 and all(c.isupper() for c in letters):
        return "caps"
    return "plain"


def looks_like_heading(block: Block, prev: Block | None, nxt: Block | None, contents: list[str],
                       caps_convention: bool = False) -> bool:
    text = TRAILING_CALL.sub("", block.text).strip()
    if not text or len(text) > MAX_HEADING or block.kind is not BlockKind.P:
        return False
    if in_contents(text, contents):
        return True
    if NUMBER_ONLY.match(text):
        # 'CHAPTER IV.' or 'II.' on a line of its own heads a chapter when its title follows
        return (text.endswith(".") or any(c.isalpha() for c in text)) and nxt is not None and \
            nxt.kind is BlockKind.P and nxt.text[:1].isupper() and len(nxt.text) <= MAX_HEADING and \
            not is_terminal(nxt.text) and _wordy(nxt.text)
    if not _wordy(text):
        return False
    style = style_of(text)
    numbered = style not in ("plain", "caps", "named")
    if text[-1] in ".,;:…" and not NUMBER_ONLY.match(text) or text[:1] in BULLETS + "(":
        return False
    if text != block.text.strip() and text[-1] in ".?!" and not numbered:
        return False  # a sentence that ends with its note call is a quotation, not a heading
    words = text.split()
    if len(words) > 16 or words[-1].lower().strip("’'\"") in data.words("function_words.txt"):
        return False
    if not numbered and not (text[0].isupper() or text[0].isdigit() or text[0] in "‘'\"“"):
        return False
    if text[-1] in "?!" and style != "named" and _title_case_share(words) < 0.5:
        return False
    caps_next = nxt is not None and bool(caps_opening(nxt.text))
    strong = style != "plain" or caps_next
    if style == "plain" and caps_convention and not caps_next:
        return False
    if prev is not None and prev.kind is BlockKind.P and not is_terminal(prev.text) and not strong \
            and not NUMBER_ONLY.match(prev.text.strip()):
        return False   # the rest of an unfinished sentence; but a title under 'CHAPTER V' is a title
    if nxt is None:
        return False
    if nxt.kind is BlockKind.P and nxt.text[:1].islower() and style_of(nxt.text) != "letter":
        return False
    if strong:
        return True
    return len(text) <= 90 and len(words) <= 14


def _wordy(text: str) -> bool:
    """Headings are made of words: a line of figures or dates is a table row."""
    letters = sum(c.isalpha() for c in text)
    return letters >= 3 and letters >= 0.6 * sum(not c.isspace() for c in text) and \
        any(len(w) >= 3 and w.isalpha() for w in re.findall(r"[^\W\d_]+", text))


def _title_case_share(words: list[str]) -> float:
    content = [w for w in words if w.lower() not in data.words("function_words.txt")]
    return sum(w[:1].isupper() for w in content) / max(len(content), 1)


class Headings(BlockPass):
    """Short lines standing between finished paragraphs, weighed by their evidence, become headings;
    their levels follow the numbering styles the text uses."""

    name = "headings"
    after = {"marked-up-headings": "headings the source marks up keep their levels",
             "front-matter": "the front's lines are not body headings",
             "note-texts": "a notes section's numbered texts are not numbered headings"}
    declaration = Declaration(Section.INTERPRETATION,
                              "Headings were recognised by their evidence (listed in the source's contents, "
                              "numbered, in capitals, a known section name, standing between finished "
                              "paragraphs) and their levels by the numbering styles the text uses.")

    def apply(self, doc: Document, context: Context) -> None:
        flow = [b for b in doc.blocks if b.kind in (BlockKind.P, BlockKind.HEAD)]
        caps = _caps_convention(flow, doc.contents)
        found = []
        for i, b in enumerate(flow):
            prev = flow[i - 1] if i else None
            nxt = flow[i + 1] if i + 1 < len(flow) else None
            if looks_like_heading(b, prev, nxt, doc.contents, caps):
                found.append(i)
        for run in _runs(found):
            if len(run) >= TABLE_RUN and not all(in_contents(flow[i].text, doc.contents) for i in run):
                context.report.doubt("kept a run of short lines as text (a table or verse?)",
                                     flow[run[0]].first_line, flow[run[0]].text)
                continue
            for i in run:
                flow[i].kind = BlockKind.HEAD
        _merge_number_lines(doc, context.report)
        _assign_levels(doc, context.report)


def _runs(indices: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in indices:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _caps_convention(flow: list[Block], contents: list[str]) -> bool:
    """Does this text open its sections in capitals ('THE PRESENT volume...')? Learnt from the
    headings that are surest (listed in the contents or numbered)."""
    sure = [i for i, b in enumerate(flow[:-1])
            if in_contents(b.text, contents) or (numbering_style(b.text) and len(b.text) < MAX_HEADING)]
    if len(sure) < 3:
        return False
    caps = sum(1 for i in sure if caps_opening(flow[i + 1].text))
    return caps >= 0.6 * len(sure)


def _merge_number_lines(doc: Document, report: StageReport) -> None:
    """'CHAPTER IV.' on one line and its title on the next are one heading."""
    heads = [b for b in doc.blocks if b.kind in (BlockKind.P, BlockKind.HEAD, BlockKind.NOTE, BlockKind.QUOTE)]
    for a, b in zip(heads, heads[1:]):
        if a.kind is BlockKind.HEAD is b.kind and NUMBER_ONLY.match(a.text.strip()):
            a.absorb(b, ". " if not a.text.rstrip().endswith(".") else " ")
            b.kind = BlockKind.REMOVED
            report.repair("joined a chapter number to its title", a.first_line, a.text)


def _assign_levels(doc: Document, report: StageReport) -> None:
    heads = [b for b in doc.blocks if b.kind is BlockKind.HEAD]
    fixed = [h.level for h in heads if h.level_from_markup]
    for h in heads:   # marked-up levels count from the shallowest one the body uses
        if h.level_from_markup:
            h.level -= min(fixed) - 1
    styles = {id(h): style_of(h.text) for h in heads}
    back = data.words("back_headings.txt")
    present = [s for s in STYLE_RANK if s in styles.values()]
    rank = {s: i + 1 for i, s in enumerate(present)}
    contents_level = _contents_levels(doc.contents)
    for h in heads:
        if h.level_from_markup:
            continue   # the source gave the level itself ('## Section')
        style = styles[id(h)]
        bare = TRAILING_CALL.sub("", h.text).strip()
        if bare.lower().strip(" :.") in back:
            h.opens_back_matter = True
        key = norm(bare)
        if key in contents_level:
            h.level = contents_level[key]
        elif style == "named":
            h.level = 1
        elif style == "plain" and len(present) > 1 and present[0] != "plain" and "caps" not in present[:1]:
            # plain titles under numbered chapters are their sections
            h.level = rank.get(present[0], 1) + 1 if present[0] in ("roman", "arabic", "chapter", "part") else rank[style]
        else:
            h.level = rank.get(style, 1)
        report.recognise(f"heading level {h.level} ({style})", h.first_line, h.text)
    _close_level_gaps(heads)


def _contents_levels(contents: list[str]) -> dict[str, int]:
    """Levels read off the contents list: numbered entries are chapters, the entries between them
    their sections; unnumbered entries before the first numbered one stand at chapter level."""
    if not any(numbering_style(c) for c in contents):
        return {norm(c): 1 for c in contents}
    levels: dict[str, int] = {}
    seen_numbered = False
    for c in contents:
        if numbering_style(c) or c.lower().strip(" :.") in data.words("section_names.txt") | data.words("back_headings.txt"):
            seen_numbered = seen_numbered or bool(numbering_style(c))
            levels[norm(c)] = 1
        else:
            levels[norm(c)] = 2 if seen_numbered else 1
    return levels


def _close_level_gaps(heads: list[Block]) -> None:
    """A heading may go at most one level deeper than the one before it."""
    prev_level = 0
    for h in heads:
        if h.level > prev_level + 1:
            h.level = prev_level + 1
        prev_level = h.level
