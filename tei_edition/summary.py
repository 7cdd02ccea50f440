"""Counts of what a TEI document holds: the per-source summary the CLI prints and the report keeps."""
from __future__ import annotations

from lxml import etree

from .tei.namespaces import local_name, tei

BLOCK_PARENTS = frozenset({"div", "body", "back", "front", "cit"})   # where a quote stands as a block
CAPTIONED = frozenset({"table", "list", "figure", "listBibl"})       # whose head is a caption


def summarise(tree: etree._ElementTree) -> dict[str, int]:
    text = tree.getroot().find(tei("text"))
    if text is None:
        return {}
    notes = list(text.iter(tei("note")))
    quotes = list(text.iter(tei("quote")))
    blocks = [q for q in quotes if local_name(q.getparent()) in BLOCK_PARENTS]
    return {
        "paragraphs": sum(1 for _ in text.iter(tei("p"))),
        # a table's or a list's caption is a head too, but no heading of the text
        "headings": sum(1 for h in text.iter(tei("head")) if local_name(h.getparent()) not in CAPTIONED),
        "block_quotes": len(blocks),
        "inline_quotes": len(quotes) - len(blocks) + sum(1 for _ in text.iter(tei("q"))),
        "persons": sum(1 for _ in text.iter(tei("persName"))),
        "citations": sum(1 for _ in text.iter(tei("bibl"))),
        "notes": len(notes),
        "notes_unanchored": sum(1 for n in notes if n.get("anchored") == "false"),
        "notes_missing_text": sum(1 for n in notes if n.get("type") == "missing"),
        "lists": sum(1 for _ in text.iter(tei("list"))),
    }


def summary_line(name: str, counts: dict[str, int], warnings: int) -> str:
    return (f"{name}: {counts.get('paragraphs', 0)} paragraphs, {counts.get('headings', 0)} headings, "
            f"{counts.get('block_quotes', 0)} block quotations, {counts.get('inline_quotes', 0)} inline quotations, "
            f"{counts.get('persons', 0)} person mentions, {counts.get('citations', 0)} citations, "
            f"{counts.get('notes', 0)} notes "
            f"({counts.get('notes_unanchored', 0)} unanchored, {counts.get('notes_missing_text', 0)} without text), "
            f"{warnings} warnings")


def notes_line(name: str, stats: dict[str, int]) -> str:
    if not stats:
        return f"{name}: no notes"
    return (f"{name}: notes: {stats['calls_found']} calls found, {stats['note_texts_found']} note texts, "
            f"{stats['paired']} paired, {stats['notes_without_call']} without call, "
            f"{stats['calls_without_text']} calls without text, {stats['numbers_rejected']} numbers rejected as calls")
