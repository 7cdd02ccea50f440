"""The conversion, pass by pass, in the order the passes run.

One place that shows the whole pipeline (docutils' Publisher). The reader decodes the bytes; then
each phase's passes work on its target: the source's numbered lines, the block document, the TEI
tree. Two passes change the target: the layout makes blocks of the lines, the tree builder makes
TEI of the blocks. The header is written last, from the report of every pass.

To add a pass: write a module with one class (see `tei_edition.passes` and docs/architecture.md)
and add one line below, where it must run. The pipeline checks at start-up that every pass runs
after the passes it names in `after`.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from lxml import etree

from .building.header import Header
from .building.tree import MarkedUpTreeBuilder, TreeBuilder
from .garbage import empty_conversion_caches, empty_earlier_caches, fewer_full_collections
from .metadata import Metadata
from .notes.note_pairing import NotePairing
from .notes.note_texts import NoteTexts
from .parsing.artifact_lines import ArtifactLines
from .parsing.block_quotations import BlockQuotations
from .parsing.colophon import Colophon
from .parsing.contents import ContentsList
from .parsing.distributor_wrapper import DistributorWrapper
from .parsing.displayed_quotations import DisplayedQuotations
from .parsing.flattened_tables import FlattenedTables
from .parsing.fragments import Fragments
from .parsing.front_matter import FrontMatterPass
from .parsing.headings import Headings
from .parsing.inline_artifacts import InlineArtifacts
from .parsing.line_end_hyphens import LineEndHyphens
from .parsing.list_items import ListItems
from .parsing.lost_hyphens import LostHyphens
from .parsing.marked_up_headings import MarkedUpHeadings
from .parsing.page_breaks import PageBreaks
from .parsing.paragraph_numbers import ParagraphNumbers
from .parsing.reference_list import ReferenceList
from .parsing.run_in_lists import RunInLists
from .parsing.underlined_titles import UnderlinedTitles
from .model import LineMeasures, SourceText
from .passes import Context, Declaration, Pass, Phase, PipelineError, Step, check_order
from .reading.decode import Decoder
from .reading.formats import SourceFormat, detection
from .reading.layout import Layout, PdfLayout
from .reading.markdown import MarkdownReader
from .reading.rst import RstReader
from .parsing.language import UNDETERMINED, Language
from .parsing.licence import LicenceStatement
from .parsing.page_furniture import PageFootNotes, PageFurniture
from .parsing.residue import MarkedUpResidue, Residue
from .reading.lines import split_lines
from .registers import Registers
from .report import Report
from .transforms.citations import Citations
from .transforms.elisions import Elisions
from .transforms.emphasis import Emphasis
from .transforms.persons import Persons
from .transforms.quotations import InlineQuotations

READER = Decoder          # bytes → text, before the passes (tei_edition.api)

PASSES: list[type[Pass[Any]]] = [
    # lines: the source's numbered lines
    DistributorWrapper,   # a distributor's header and licence out, their fields kept
    ArtifactLines,        # lines of conversion residue dropped
    UnderlinedTitles,     # 'Title' over '====' → '# Title'
    ContentsList,         # the source's contents list out, its entries kept as evidence
    Layout,               # lines → blocks, by the line convention: makes the block document
    # blocks: paragraphs, headings, notes…
    InlineArtifacts,      # residue inside blocks dropped
    ParagraphNumbers,     # '¶ 12' on a line of its own: back at the opening of the paragraph it numbers
    LineEndHyphens,       # hyphens where lines were joined: removed or kept, on evidence
    MarkedUpHeadings,     # '# Title', '## Section'
    FrontMatterPass,      # title page, dedication, credits, epigraph
    Colophon,             # a web archive's colophon → header
    NoteTexts,            # note texts taken out of the running text
    FlattenedTables,      # tables flattened one cell per line, or in columns aligned by spaces
    Headings,             # headings and their levels
    ReferenceList,        # a reference list's entries that looked like headings stay entries
    ListItems,            # bulleted and numbered paragraphs
    Fragments,            # stray words kept apart
    PageBreaks,           # paragraphs cut by page breaks re-joined
    LostHyphens,          # 'antiStalinist' → 'anti-Stalinist', with evidence
    BlockQuotations,      # quotations without quote marks
    DisplayedQuotations,  # hard-wrapped books: quotations set narrower, closed by their call
    RunInLists,           # '(1) … (2) … (3) …' in one paragraph
    NotePairing,          # calls paired with note texts; every note placed at its call
    Residue,              # warnings: note texts, markup, running heads left in the body
    Language,             # the document's language (declared or detected), passages in another apart
    LicenceStatement,     # a licence the text states, for the header
    TreeBuilder,          # blocks → TEI: makes the tree
    # tree: the TEI document
    Emphasis,             # *emphasis* → hi
    Elisions,             # '[· · ·]' → gap
    Citations,            # citations → bibl, each work once as a biblStruct in standOff
    InlineQuotations,     # text between quotation marks → quote, q, soCalled (not in citations)
    Persons,              # mentions of persons → persName against the register, listPerson in standOff
    Header,               # the teiHeader, from the metadata and the report of every pass
]


class Pipeline:
    """The passes, checked for order, and what they declare."""

    def __init__(self, passes: list[type[Pass[Any]]]) -> None:
        check_order(passes)
        for p in passes:
            if p.declaration is None:
                raise PipelineError(f"{p.name} declares nothing: the header could not say what it did")
        self.passes = [p() for p in passes]
        # the first pass that runs without the lines: none after it reads them
        self._lines_released_at = max((k for k, p in enumerate(passes) if p.reads_lines), default=-1) + 1
        # … and their lengths, where a pass after that reads them
        self._measures_released_at = max((k for k, p in enumerate(passes) if p.reads_line_lengths),
                                         default=-1) + 1
        self._source_compacted_at = max((k for k, p in enumerate(passes) if p.reads_source), default=-1) + 1
        self._tree_phase_at = next((k for k, p in enumerate(passes) if p.phase is Phase.TREE), len(passes))
        self._steps: dict[str, Step] = {READER.name: READER(), **{p.name: p for p in self.passes}}

    def declarations(self) -> dict[str, Declaration]:
        """What the header says of each step (the reader's and every pass's) when it acted, by name."""
        return {name: step.declaration for name, step in self._steps.items() if step.declaration is not None}

    def context(self, text: str, metadata: Metadata, report: Report, registers: Registers | None = None
                ) -> Context:
        """A fresh context for converting `text`, its lines ready for the first pass."""
        context = Context(SourceText(text), metadata, report, self._steps, registers=registers or Registers())
        context.lines = split_lines(text)
        return context

    def run(self, context: Context, *, until: str | None = None) -> Context:
        """Run the passes on `context`; with `until`, stop before the pass of that name (for tests
        that run one pass on the state it receives)."""
        names = [p.name for p in self.passes]
        if until is not None and until not in names:
            raise PipelineError(f"no pass is named {until!r}")
        for k, p in enumerate(self.passes):
            if p.name == until:
                break
            if k == self._lines_released_at:
                release_lines(context, keep_lengths=k < self._measures_released_at)
            if k == self._measures_released_at:
                context.line_measures = None
            if k == self._source_compacted_at:
                context.evidence.read_whole_text(context.metadata)
                context.source_text.compact()   # (tei_edition/model/source.py)
            if k == self._tree_phase_at:
                release_earlier_targets(context)
            p.run(context)
        return context

    def get(self, name: str) -> Pass[Any]:
        return next(p for p in self.passes if p.name == name)


def release_lines(context: Context, keep_lengths: bool = False) -> None:
    """Let go of the source's lines (a record and two strings per line) once no pass to come reads
    them, after the line passes where no block pass reads them: they are among the largest things
    a large source holds (the lines of a 50 MB text take about 220 MB) while the blocks are made
    and then the tree. With `keep_lengths`, their lengths are kept (`LineMeasures`) for the passes
    to come that read them."""
    if keep_lengths and context.lines is not None:
        context.line_measures = LineMeasures.of(context.lines)
    context.lines = None


def release_earlier_targets(context: Context) -> None:
    """Let go, once the tree phase begins, of what no tree pass reads: the block document's body
    (`Document.without_body`; the header reads the rest). On a large source it is among the
    largest things held while the tree passes make the conversion's peak of memory. The report's
    entries so far are packed until the header reads them (`Report.pack`), and the caches of the
    earlier phases are emptied (`garbage.emptied_when_the_tree_phase_begins`)."""
    if context.document is not None:
        context.document = context.document.without_body()
    context.full_report.pack()
    empty_earlier_caches()


# Text extracted from a PDF: today's passes, after the line passes that read its pages.
PDF_TEXT_PASSES: list[type[Pass[Any]]] = [
    PageFurniture,        # running heads and folios, repeated across pages, out as artifacts
    PageFootNotes,        # the notes at each page's foot (under a rule, or by their numbers) kept apart
    *(PdfLayout if p is Layout else p for p in PASSES),   # numbered titles end their block
]

# Marked-up text: a reader makes the block document from a real parser's tree; then only the passes
# that still make sense (the structure is the markup's, emphasis is already encoded).
MARKED_UP_AFTER_READER: list[type[Pass[Any]]] = [
    MarkedUpResidue,      # warnings: markup the parser left as text
    Language,             # the document's language (declared, front matter, or detected), passages apart
    LicenceStatement,     # a licence the text states, for the header
    MarkedUpTreeBuilder,  # blocks → TEI, as for every format
    Emphasis,             # emphasis left as marks inside HTML blocks
    Elisions,
    Citations,
    InlineQuotations,
    Persons,
    Header,
]
MARKDOWN_PASSES: list[type[Pass[Any]]] = [MarkdownReader, *MARKED_UP_AFTER_READER]
RST_PASSES: list[type[Pass[Any]]] = [RstReader, *MARKED_UP_AFTER_READER]

PIPELINE = Pipeline(PASSES)
PIPELINES = {SourceFormat.PLAIN: PIPELINE, SourceFormat.PDF_TEXT: Pipeline(PDF_TEXT_PASSES),
             SourceFormat.MARKDOWN: Pipeline(MARKDOWN_PASSES), SourceFormat.RST: Pipeline(RST_PASSES)}


def pipeline_for(source_format: SourceFormat) -> Pipeline:
    """The pipeline that reads a source of this format."""
    return PIPELINES[source_format]


def convert_text(text: str, metadata: Metadata, report: Report, registers: Registers | None = None,
                 language_declared: bool = True) -> etree._ElementTree:
    """Decoded text → the TEI tree, every pass recording into `report`. The format is the one the
    metadata declares or the one the text shows (recorded, with its evidence); a language the
    metadata does not declare is left to the text to show (`language` pass)."""
    found = detection(text, report.source, metadata.source_format)
    report.for_stage(READER.name).info(found.describe(), found.line)
    if not language_declared:
        metadata = replace(metadata, language=UNDETERMINED)
    pipeline = pipeline_for(found.format)
    context = pipeline.context(text, metadata, report, registers)
    del text        # the context holds the text alone now, and lets it go as the tree is built
    try:
        with fewer_full_collections():      # (10 MB through `convert`: 14 full collections, 1.6 s; now 2)
            pipeline.run(context)
    finally:
        empty_conversion_caches()
    assert context.tree is not None
    return context.tree
