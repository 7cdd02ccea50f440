"""Conversion artifacts: residue of HTML, LaTeX and web archives, dropped and declared."""
from __future__ import annotations

import re

from .. import data
from ..reading.blocks import Document
from ..reading.layout import is_terminal
from ..reading.lines import Line
from ..report import Report

STAGE = "artifacts"
SUPERSCRIPT = str.maketrans("0123456789*", "⁰¹²³⁴⁵⁶⁷⁸⁹*")
# A note number wrapped in LaTeX superscript: $^{14}$, $^{^{14}}$, ${}^{14}$
LATEX_SUPERSCRIPT = re.compile(r"\$\s*(?:\{\})?\^\{?\s*(?:\^\{\s*)?(\d{1,4})\s*\}?\s*\}?\s*\$")


def drop_artifact_lines(lines: list[Line], report: Report, artifacts: list[str]) -> None:
    """Lines that are wholly residue of an earlier conversion."""
    rules = data.patterns("line_artifacts.tsv")
    for ln in lines:
        if not ln.live or ln.blank:
            continue
        for name, rx in rules:
            if rx.match(ln.text):
                ln.removed = f"artifact:{name}"
                artifacts.append(ln.text.strip())
                report.repair(STAGE, f"dropped artifact line ({name})", ln.no, ln.text)
                break


def drop_colophon(doc: Document, report: Report) -> None:
    """A web archive's colophon after the text: the title line repeated, 'Retrieved …', the site.

    Only the trailing blocks are examined, and only while every one of them is colophon-like.
    """
    rules = data.patterns("colophon.tsv")
    title, author = doc.front.get("title", ""), doc.front.get("author", "")
    live = [b for b in doc.blocks if b.kind == "p"]
    for b in reversed(live[-6:]):
        text = b.text.strip()
        name = next((n for n, rx in rules if rx.match(text)), None)
        if name is None and title and _repeats_title(text, title, author):
            name = "title-repeat"
        if name is None:
            break
        b.kind = "removed"
        doc.artifacts.append(text)
        doc.credits.append(text)
        report.repair(STAGE, f"moved colophon to the header ({name})", b.first_line, text)


def _repeats_title(text: str, title: str, author: str) -> bool:
    """A colophon line names the title with the author or a year, and is not a sentence."""
    key = _letters(title)
    if key and _letters(text) == key:
        return True
    if not key or key not in _letters(text) or is_terminal(text) or len(text) > len(title) + len(author) + 80:
        return False
    return bool(author and _letters(author) in _letters(text)) or bool(re.search(r"\b\d{4}\b", text))


def _letters(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def clean_inline(text: str, line: int, report: Report, artifacts: list[str]) -> str:
    """Remove inline residue; turn LaTeX-wrapped note numbers into the superscripts they stand for."""
    def latex(m: re.Match[str]) -> str:
        artifacts.append(m.group(0))
        report.repair(STAGE, "turned LaTeX superscript into a note number", line, m.group(0))
        return m.group(1).translate(SUPERSCRIPT)

    text = LATEX_SUPERSCRIPT.sub(latex, text)
    for name, rx in data.patterns("inline_artifacts.tsv"):
        for m in rx.finditer(text):
            artifacts.append(m.group(0))
            report.repair(STAGE, f"dropped artifact ({name})", line, m.group(0))
        text = rx.sub("", text)
    return text


def clean_blocks(doc: Document, report: Report) -> None:
    for block in doc.blocks:
        cleaned = clean_inline(block.text, block.first_line, report, doc.artifacts)
        if cleaned != block.text:
            block.text = re.sub(r"[ \t]{2,}", " ", cleaned).strip()
            if not block.text:
                block.kind = "removed"
