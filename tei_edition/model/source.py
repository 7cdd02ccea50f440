"""The decoded source as the passes read it: whole, or in stretches of whole lines.

Passes of the line and block phases read the text whole (the licence statement's patterns, the
lexicon of hyphenated words). The tree passes, which make a conversion's peak of memory, read it
only in stretches (the words of the text, the line of an element that carries none), so once the
tree is being built the text is held as UTF-8 (`compact`): a str holding any character beyond
Latin-1 (a curly quotation mark, a dash) takes two bytes a character, its UTF-8 little more than
one: 50 MB less at the peak of a 50 MB text.
"""
from __future__ import annotations

from collections.abc import Iterator

STRETCH = 1 << 16       # characters (bytes, once compact) read at a time


class SourceText:
    """The decoded text of one source."""

    def __init__(self, text: str) -> None:
        self._text: str | None = text
        self._utf8: bytes | None = None

    @property
    def text(self) -> str:
        """The whole text; once compact, decoded again: a copy as large as the text, for a pass
        that must search it whole."""
        if self._text is not None:
            return self._text
        assert self._utf8 is not None
        return self._utf8.decode("utf-8", "surrogatepass")

    def compact(self) -> None:
        """Hold the text as UTF-8 from now on (see the module's docstring)."""
        if self._text is not None:
            self._utf8 = self._text.encode("utf-8", "surrogatepass")
            self._text = None

    def stretches(self, size: int = STRETCH) -> Iterator[str]:
        """The text in stretches of whole lines (each without the line end after it), of about
        `size` characters each, or what is left."""
        if self._text is not None:
            yield from _stretches(self._text, size)
        else:
            assert self._utf8 is not None
            for piece in _stretches(self._utf8, size):
                yield piece.decode("utf-8", "surrogatepass")   # (whole lines: never inside a character)

    def lines(self) -> Iterator[str]:
        """Each line of the text, in order."""
        for stretch in self.stretches():
            yield from stretch.split("\n")

    def __bool__(self) -> bool:
        return bool(self._text) if self._text is not None else bool(self._utf8)


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
