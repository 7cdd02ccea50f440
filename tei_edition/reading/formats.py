"""The kinds of text users bring, and which one a source is.

A source's format decides its reader (and so its pipeline, see tei_edition.pipeline): plain or
e-book text, text extracted from a PDF, Markdown, reStructuredText. It is the user's to say
(`--from` on the command line, `format = "…"` in S.toml); otherwise it is detected from the text.
"""
from __future__ import annotations

from enum import StrEnum

from ..errors import InputError


class SourceFormat(StrEnum):
    PLAIN = "plain"            # plain or e-book text (the conventions of today's passes)
    PDF_TEXT = "pdf-text"      # text extracted from a PDF (pdftotext: form feeds, page furniture)
    MARKDOWN = "markdown"      # Markdown (pandoc/CommonMark, footnotes, front matter)
    RST = "rst"                # reStructuredText

    @classmethod
    def named(cls, value: str) -> "SourceFormat":
        """The format a user names; one line naming the known ones otherwise."""
        try:
            return cls(value.strip().lower())
        except ValueError:
            known = ", ".join(f.value for f in cls)
            raise InputError(f"unknown source format {value!r} (known: {known})") from None


def detect(text: str, name: str = "", declared: str | None = None) -> SourceFormat:
    """The format `declared` by the user (metadata, --from), else the one the text shows.
    (Detection from the text is still to be written: every undeclared source reads as plain.)"""
    if declared:
        return SourceFormat.named(declared)
    return SourceFormat.PLAIN
