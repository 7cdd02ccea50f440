"""The edition's quotation marks: the TEI keeps the source's marks in @rend, the print sets its own.

Quotations (``q``, an inline ``quote``, ``soCalled``) whose marks the TEI records in ``@rend``
are printed between the edition's marks, by the language of the text and by nesting: English
“…” with ‘…’ inside, French « … », German „…“ (``data/edition_quotation_marks.tsv``). The marks
are written into the HTML as text, so that running heads, bookmarks and the contents list carry
them too. A quotation without ``@rend`` has its marks in its text and gets none added; a block
quotation is displayed, not marked.
"""
from __future__ import annotations

import re

from lxml import etree

from ... import data
from ...tei.namespaces import XML_LANG, local_name

QUOTATION_TAGS = {"q", "quote", "soCalled"}
# Parents that make a quote a displayed (block) quotation rather than a quotation in a sentence.
_BLOCK_QUOTE_PARENTS = {"div", "body", "front", "back", "cit", "epigraph", "argument"}


def is_block_quote(e: etree._Element) -> bool:
    """A quote standing as a block (in a division, a cit, an epigraph, or holding paragraphs)."""
    if local_name(e) != "quote":
        return False
    parent = e.getparent()
    return (parent is not None and local_name(parent) in _BLOCK_QUOTE_PARENTS) or \
        any(local_name(c) in ("p", "list", "lg") for c in e)


def marks_printed(e: etree._Element) -> bool:
    """An inline quotation whose marks the TEI keeps in @rend: the edition prints its own."""
    return local_name(e) in QUOTATION_TAGS and bool(e.get("rend")) and not is_block_quote(e)


def _unescape(field: str) -> str:
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), field)


def edition_marks(lang: str | None) -> list[tuple[str, str]]:
    """The edition's pairs of marks for a language, outermost first."""
    rows = {row[0]: [_unescape(f) for f in row[1:5]] for row in data.table("edition_quotation_marks.tsv")}
    base = (lang or "").split("-")[0].lower()
    o1, c1, o2, c2 = rows.get(base) or rows["*"]
    return [(o1, c1), (o2, c2)]


def language_of(e: etree._Element) -> str | None:
    for x in (e, *e.iterancestors()):
        lang = x.get(XML_LANG)
        if lang:
            return lang
    return None


def mark_depth(e: etree._Element) -> int:
    """How many printed quotations hold `e` (0 for an outermost one)."""
    return sum(1 for a in e.iterancestors() if marks_printed(a))


def quotation_marks_for(e: etree._Element) -> tuple[str, str]:
    pairs = edition_marks(language_of(e))
    return pairs[mark_depth(e) % len(pairs)]


def running_text(e: etree._Element) -> str:
    """Plain text (no notes) with the edition's marks around printed quotations: the text of a
    heading as running heads, bookmarks and the contents list show it."""
    parts: list[str] = []

    def walk(x: etree._Element) -> None:
        printed = x is not e and marks_printed(x)
        if printed:
            parts.append(quotation_marks_for(x)[0])
        if x.text:
            parts.append(x.text)
        for c in x:
            if isinstance(c.tag, str) and local_name(c) != "note":
                walk(c)
            if c.tail:
                parts.append(c.tail)
        if printed:
            parts.append(quotation_marks_for(x)[1])

    walk(e)
    return " ".join("".join(parts).split())


__all__ = ["QUOTATION_TAGS", "edition_marks", "is_block_quote", "language_of", "mark_depth",
           "marks_printed", "quotation_marks_for", "running_text"]
