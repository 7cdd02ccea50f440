"""The document model between the readers and the TEI builder (pandoc's one model in the middle).

- `lines`: the source's numbered lines (`Line`, `SourceLines`): the line passes' target;
- `blocks`: a `Block` and the typed records passes attach to it (list item, run-in list, quotation,
  note call, front part);
- `notes`: note texts as found (`NoteText`) and notes as encoded (`Note`);
- `front`: the front matter's facts (`FrontMatter`);
- `document`: the block `Document`, the block passes' target;
- `source`: the decoded source (`SourceText`), whole or in stretches of lines.
"""
from .blocks import (Block, BlockKind, Figure, ListItem, ListStyle, Mark, MarkKind, NoteCall, PageBreak,
                     ParagraphNumber, Quotation, RunInItem, RunInList, Span, Table)
from .document import Document, LineConvention
from .front import Dateline, FrontMatter, FrontPart, FrontRole, Imprint, Licence, TITLE_PAGE_ROLES
from .lines import Line, LineMeasures, SourceLines
from .notes import Note, NoteFamily, NotePlace, NoteText
from .source import SourceText

__all__ = ["Block", "BlockKind", "Dateline", "Document", "Figure", "FrontMatter", "FrontPart", "FrontRole", "Imprint",
           "Licence", "Line", "LineConvention", "LineMeasures", "ListItem", "ListStyle", "Mark", "MarkKind", "Note", "NoteCall",
           "NoteFamily", "NotePlace", "NoteText", "PageBreak", "ParagraphNumber", "Quotation", "RunInItem",
           "RunInList", "SourceLines", "SourceText",
           "Span", "TITLE_PAGE_ROLES", "Table"]
