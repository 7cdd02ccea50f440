"""The pass interface: what every step of the conversion is, and what it is given.

In the manner of docutils transforms and bibtexparser 2 middlewares, a pass is one small class:

- `name`: its stage in the conversion report (every entry it records carries it);
- `phase`: what it works on: the source's lines, the block document, or the TEI tree;
- `after`: the passes it must run after, each with the reason (the pipeline checks the order);
- `reads_lines`: a block pass that still reads the source's lines says so (they are let go after
  the last pass that reads them);
- `reads_line_lengths`: a block pass that reads only how long each line is says so (the lengths,
  `context.line_measures`, outlive the lines until the last such pass);
- `reads_source`: a pass that reads the decoded text whole (`context.source`) says so (after the
  last of them the text is held deflated, and read in stretches of lines: `context.source_text`;
  today none does: what needs the whole text is read before, as `context.evidence`);
- `declaration`: the sentence the TEI header declares, in the named part of `editorialDecl`,
  when the pass recorded anything;
- `apply(target, context)`: the work, on the phase's target, with the shared `Context`.

`tei_edition.pipeline` lists the passes in the order they run. A pass is added by writing one
module with one such class and adding one line to that list (see docs/architecture.md).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from . import data as data_files
from .metadata import Metadata
from .registers import Registers
from .report import Entry, Report, StageReport

if TYPE_CHECKING:
    from lxml import etree

    from .evidence import Lexicon
    from .model import Document, Licence, LineMeasures, SourceLines, SourceText


class Phase(IntEnum):
    """What a pass works on, in the order the phases run."""

    LINES = 1     # SourceLines: numbered lines, before any paragraph exists
    BLOCKS = 2    # Document: blocks (paragraphs, headings, notes…) and what was found about them
    TREE = 3      # the TEI tree (lxml ElementTree), header last


class Section(StrEnum):
    """The parts of TEI's editorialDecl, in the order the Guidelines give them."""

    CORRECTION = "correction"
    NORMALIZATION = "normalization"
    QUOTATION = "quotation"
    HYPHENATION = "hyphenation"
    SEGMENTATION = "segmentation"
    INTERPRETATION = "interpretation"


@dataclass(frozen=True)
class Declaration:
    """What the header says a step did, in which part of editorialDecl; `attributes` go on that
    part (quotation/@marks, hyphenation/@eol)."""

    section: Section
    text: str
    attributes: tuple[tuple[str, str], ...] = ()


class PipelineError(Exception):
    """The passes are listed in an order their constraints forbid (a bug, found at start-up)."""


class Step:
    """Anything that records in the report under a name: a reader, a pass, a writer."""

    name: ClassVar[str]
    declaration: ClassVar[Declaration | None] = None

    def declare(self, recorded: list["Entry"]) -> Declaration | None:
        """What the header declares of this step, given the entries it recorded: its declaration,
        unless what it did changes what must be said (a pass may say so by overriding this)."""
        return self.declaration


T = TypeVar("T")


class Pass(Step, Generic[T]):
    """One pass of the conversion over the target of its phase."""

    phase: ClassVar[Phase]
    after: ClassVar[Mapping[str, str]] = {}   # name of an earlier pass → why this one needs it
    last: ClassVar[bool] = False              # must run after every other pass (the header)
    reads_lines: ClassVar[bool] = False       # reads the source's lines (context.lines): they are kept
                                              # until the last pass that reads them has run
    reads_line_lengths: ClassVar[bool] = False  # reads only the lines' lengths (context.line_measures):
                                                # kept, after the lines, until the last such pass has run
    reads_source: ClassVar[bool] = False      # reads the decoded text whole (context.source, the
                                              # lexicon): it is a str until the last such pass has run

    def apply(self, target: T, context: "Context") -> None:
        raise NotImplementedError

    def run(self, context: "Context") -> None:
        """Apply the pass to its phase's target, recording under its name."""
        context.report = context.full_report.for_stage(self.name)
        self.apply(context.target(self.phase), context)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


class LinePass(Pass["SourceLines"]):
    phase = Phase.LINES
    reads_lines = True


class BlockPass(Pass["Document"]):
    phase = Phase.BLOCKS


class TreePass(Pass["etree._ElementTree"]):
    phase = Phase.TREE


class Evidence:
    """Facts about the whole source that passes weigh, computed once when first asked; those that
    need the text whole are read before it is held deflated (`read_whole_text`)."""

    def __init__(self, source: "SourceText") -> None:
        self.source = source

    @cached_property
    def lexicon(self) -> "Lexicon":
        from .evidence import Lexicon
        return Lexicon(self.source.stretches())     # (words never run over a line end)

    @cached_property
    def licence(self) -> "Licence | None":
        """The licence the text states (parsing/licence.py), searched in the whole text: its
        statements may run over line ends."""
        from .parsing.licence import stated_licence
        return stated_licence(self.source.text)

    def read_whole_text(self, metadata: Metadata) -> None:
        """Read what a pass will ask that needs the text whole, while it is: the pipeline calls
        this before it holds the text deflated, which it then does before the first pass (the
        text of a 50 MB source, 100 MB as a str, was held beside its lines and blocks, the
        conversion's peak). The licence is not searched where the metadata gives one (the pass
        asks none then; the search took 0.1 s of a book's conversion)."""
        if not metadata.licence:
            self.licence  # noqa: B018 - computed and kept


@dataclass(eq=False)
class Context:
    """What every pass is given besides its target: shared for the whole conversion of one source."""

    source_text: "SourceText"                     # the decoded text (tei_edition/model/source.py)
    metadata: Metadata
    full_report: Report
    steps: Mapping[str, Step] = field(default_factory=dict)   # every step, by name (the header asks them)
    data: data_files.DataFiles = field(default_factory=lambda: data_files.DATA)
    registers: Registers = field(default_factory=Registers)
    evidence: Evidence = field(init=False)
    report: StageReport = field(init=False)      # the report as the running pass sees it
    lines: "SourceLines | None" = None            # the targets, as the phases make them
    line_measures: "LineMeasures | None" = None   # the lines' lengths, kept once the lines are let go
    document: "Document | None" = None
    tree: "etree._ElementTree | None" = None

    def __post_init__(self) -> None:
        self.evidence = Evidence(self.source_text)
        self.report = self.full_report.for_stage("pipeline")

    @property
    def source(self) -> str:
        """The decoded text, whole (a tree pass reads `source_text` in stretches instead: there
        this is a copy of the text)."""
        return self.source_text.text

    def target(self, phase: Phase) -> Any:
        found = {Phase.LINES: self.lines, Phase.BLOCKS: self.document, Phase.TREE: self.tree}[phase]
        if found is None:
            raise PipelineError(f"no pass before made the target of the {phase.name.lower()} phase")
        return found


def check_order(passes: list[type[Pass[Any]]]) -> None:
    """Raise PipelineError unless every pass runs after the passes it names, within the order of
    the phases, with a unique name, and a `last` pass at the end."""
    seen: set[str] = set()
    phase = Phase.LINES
    for k, p in enumerate(passes):
        if p.name in seen:
            raise PipelineError(f"two passes are named {p.name!r}")
        if p.phase < phase:
            raise PipelineError(f"{p.name} ({p.phase.name.lower()}) is listed after a pass of a later phase")
        for before, why in p.after.items():
            if before not in seen:
                raise PipelineError(f"{p.name} must run after {before} ({why})")
        if p.last and k != len(passes) - 1:
            raise PipelineError(f"{p.name} must run last")
        seen.add(p.name)
        phase = p.phase
