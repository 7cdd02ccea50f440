"""The decoded source as the passes read it: whole, or in stretches of whole lines.

Passes of the line and block phases read the text whole (the licence statement's patterns, the
lexicon of hyphenated words). The tree passes, which make a conversion's peak of memory, read it
only in stretches (the words of the text, the line of an element that carries none), so once the
tree is being built the text is held compressed (`compact`): its UTF-8 (a str holding any
character beyond Latin-1, a curly quotation mark, a dash, takes two bytes a character; its UTF-8
little more than one) deflated at zlib's fastest level (a book's 817 KB to 356 KB), and inflated
a stretch at a time when it is read.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterator

STRETCH = 1 << 16       # characters (bytes, once compact) read at a time
_INFLATED_AT_ONCE = 1 << 16     # compressed bytes inflated at a time, once compact


class SourceText:
    """The decoded text of one source."""

    def __init__(self, text: str) -> None:
        self._text: str | None = text
        self._packed: bytes | None = None       # once compact: the text's UTF-8, deflated
        self._empty = not text

    @property
    def text(self) -> str:
        """The whole text; once compact, inflated and decoded again: a copy as large as the text,
        for a pass that must search it whole."""
        if self._text is not None:
            return self._text
        assert self._packed is not None
        return zlib.decompress(self._packed).decode("utf-8", "surrogatepass")

    def compact(self) -> None:
        """Hold the text compressed from now on (see the module's docstring)."""
        if self._text is not None:
            self._packed = zlib.compress(self._text.encode("utf-8", "surrogatepass"), 1)
            self._text = None

    def stretches(self, size: int = STRETCH) -> Iterator[str]:
        """The text in stretches of whole lines (each without the line end after it), of about
        `size` characters each (bytes of UTF-8, once compact), or what is left."""
        if self._text is not None:
            yield from _stretches(self._text, size)
        else:
            assert self._packed is not None
            for piece in _inflated_stretches(self._packed, size):
                yield piece.decode("utf-8", "surrogatepass")   # (whole lines: never inside a character)

    def lines(self) -> Iterator[str]:
        """Each line of the text, in order."""
        for stretch in self.stretches():
            yield from stretch.split("\n")

    def __bool__(self) -> bool:
        return not self._empty


def _stretches(text, size: int):
    """str or bytes `text` in stretches of whole lines of about `size` units each, joined by line
    ends the text again (an empty last line included)."""
    newline = "\n" if isinstance(text, str) else b"\n"
    start = 0
    while start <= len(text):
        end = text.find(newline, start + size)
        end = len(text) if end < 0 else end
        yield text[start:end]
        start = end + 1


def _inflated_stretches(packed: bytes, size: int) -> Iterator[bytes]:
    """The deflated UTF-8 `packed` in stretches as _stretches cuts the inflated text (whole
    lines, each of `size` bytes or more but the last ones), inflated a part at a time: the text is
    never whole in memory."""
    inflate = zlib.decompressobj()
    pending = b""
    for k in range(0, len(packed), _INFLATED_AT_ONCE):
        pending += inflate.decompress(packed[k:k + _INFLATED_AT_ONCE])
        start = 0
        while (cut := pending.find(b"\n", start + size)) >= 0:
            yield pending[start:cut]
            start = cut + 1
        pending = pending[start:]
    yield from _stretches(pending + inflate.flush(), size)
