"""Notes: note texts as the source gives them, and notes as they will be encoded."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .blocks import Block


class NotePlace(StrEnum):
    FOOT = "foot"
    END = "end"


class NoteFamily(StrEnum):
    NUMBER = "number"    # 1, 2, 3…
    STAR = "star"        # 1*, 2*: an author's notes numbered apart from the reference notes
    SYMBOL = "symbol"    # *, †, ‡, or letters


@dataclass(eq=False, slots=True)
class NoteText:
    """The text of a footnote or endnote as the source gives it, before it is paired with a call."""

    label: str            # as printed: "1", "¹", "1*", "*", "l6"
    value: int | None     # the number, where there is one
    paragraphs: list[Block]
    place: NotePlace
    family: NoteFamily = NoteFamily.NUMBER
    after_block: int = -1   # index (in Document.blocks) of the body block it physically follows
    called: bool = False    # its call was found with it (the very mark above it) and placed already
    on_page: bool = False   # read off the foot of a PDF's page (its call stands on that page, above it)

    @property
    def line(self) -> int:
        return self.paragraphs[0].first_line if self.paragraphs else 0


@dataclass(eq=False, slots=True)
class Note:
    """A note as it will be encoded: where it stands and what it holds."""

    n: str                     # the number or mark printed in the source
    place: NotePlace
    text: NoteText | None      # None: the source has a call but no note text
    form: str = ""             # the call's form (superscript, bracket…); "" when there is no call
    anchored: bool = True      # False: no call found, placed by the converter
    line: int = 0
    reason: str = ""           # why an unanchored note stands where it stands
    xml_id: str = ""
    scope: int | None = None   # the chapter, where numbering restarts per chapter
