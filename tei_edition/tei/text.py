"""The text of a TEI element: the one flattener that writers, transforms and checks share.

An element's text is the concatenation of its text nodes in document order. The text of a note is
not part of the text around it (a note's call is not a word of the sentence), so notes are left out
unless asked for; their tails, which belong to the sentence, are kept.
"""
from __future__ import annotations

from lxml import etree

from .namespaces import local_name

# Where italics are to be kept (the BibTeX writer reads titles by them), these wrap italic text.
ITALIC_OPEN, ITALIC_CLOSE = "\x01", "\x02"


def _is_italic(e: etree._Element) -> bool:
    name = local_name(e)
    return (name == "hi" and "italic" in (e.get("rend") or "italic")) or \
        (name == "title" and e.get("level") in ("m", "j"))


def raw_text(element: etree._Element, *, notes: bool = False, italics: bool = False) -> str:
    """The element's text exactly as stored (no whitespace normalised).

    notes: include the text of notes inside the element; italics: wrap the text of italic
    elements (hi rend="italic", monograph and journal titles) in ITALIC_OPEN … ITALIC_CLOSE."""
    parts: list[str] = []

    def walk(e: etree._Element) -> None:
        marked = italics and _is_italic(e)
        if marked:
            parts.append(ITALIC_OPEN)
        if e.text:
            parts.append(e.text)
        for child in e:
            if isinstance(child.tag, str) and (notes or local_name(child) != "note"):
                walk(child)
            if child.tail:
                parts.append(child.tail)
        if marked:
            parts.append(ITALIC_CLOSE)

    walk(element)
    return "".join(parts)


def text_of(element: etree._Element, *, notes: bool = False, italics: bool = False) -> str:
    """The element's text with whitespace normalised (runs of spaces and line ends → one space)."""
    return " ".join(raw_text(element, notes=notes, italics=italics).split())


def strip_italic_marks(text: str) -> str:
    return " ".join(text.replace(ITALIC_OPEN, "").replace(ITALIC_CLOSE, "").split())
