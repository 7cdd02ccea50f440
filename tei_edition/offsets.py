"""Where an offset into a text goes when part of the text is replaced: the one rule that blocks
(model/blocks.py) and TEI elements (tei/lines.py) share, so that lines and spans stay right."""
from __future__ import annotations


def moved(offset: int, start: int, end: int, length: int, opens: bool = False) -> int:
    """The offset after text[start:end] is replaced by `length` characters.

    Offsets after the replaced text move with it; offsets inside it stay inside the replacement.
    Text inserted at an offset (start == end) goes before the character there when the offset
    opens a span (a note call, a list item), after the point otherwise (a source line keeps its
    first character)."""
    delta = length - (end - start)
    if start == end:
        return offset + delta if offset > start or (opens and offset == start) else offset
    if offset >= end:
        return offset + delta
    return start + min(offset - start, length) if offset > start else offset
