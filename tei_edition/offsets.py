"""Where an offset into a text goes when part of the text is replaced: the one rule that blocks
(model/blocks.py) and TEI elements (tei/lines.py) share, so that lines and spans stay right. And
a set of spans of a text asked whether one overlaps a range (`Spans`)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


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


class Spans:
    """Spans (start, end) of a text, asked whether one of them overlaps a range: by bisection
    among them, ordered by their starts, not by a look at each one for every range asked (a block
    can hold thousands: the calls of a list of notes, the titles of a list of works). Exact: a
    span that ends after a point starts after that point less the longest span."""

    __slots__ = ("starts", "ends", "longest")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.ends = [e for _, e in ordered]
        self.longest = max((e - s for s, e in ordered), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        """Is there a span (s, e) with s < end and start < e?"""
        k = bisect_left(self.starts, end) - 1
        while k >= 0 and self.starts[k] > start - self.longest:
            if self.ends[k] > start:
                return True
            k -= 1
        return False

    def holds(self, offset: int) -> bool:
        """Is there a span (s, e) with s <= offset < e?"""
        return self.overlaps(offset, offset + 1)

    def add(self, start: int, end: int) -> None:
        k = bisect_right(self.starts, start)
        self.starts.insert(k, start)
        self.ends.insert(k, end)
        self.longest = max(self.longest, end - start)
