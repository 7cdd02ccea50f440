"""The conversion report: every repair a pass makes, everything it recognises and every doubt it
has, with the source line.

One Report per source (docutils' one reporter). A pass records through a `StageReport`, the report
as that pass sees it: every entry carries the pass's name as its stage, the way bibtexparser 2
middlewares record what they changed. The report is written as JSON beside the TEI, summarised by
the command line, and read by the header pass, which declares in `encodingDesc` every pass that
acted.
"""
from __future__ import annotations

import json
import pickle
import sys
from collections import Counter
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    REPAIR = "repair"              # the text was changed (a hyphen removed, a page break re-joined)
    RECOGNITION = "recognition"    # a structure was recognised (a heading, a note, a quotation)
    DOUBT = "doubt"                # a decision the editor may want to check
    WARNING = "warning"            # something is wrong with the source or could not be done
    INFO = "info"                  # a fact about the source (its line convention, counts)


@dataclass(frozen=True, slots=True)   # tens of thousands on a book: slots save a third of each
class Entry:
    """One thing a pass did, recognised or doubted."""

    stage: str          # the pass that recorded it, e.g. "page-breaks"
    action: str         # a short verb phrase: "joined paragraph across page break"
    line: int | None    # 1-based line in the source, where known
    detail: str = ""    # the text concerned, shortened
    kind: Kind = Kind.REPAIR


ENTRY_FIELDS = tuple(f.name for f in fields(Entry))


# A report with this many entries or more is packed when asked (`Report.pack`): a large text's.
PACKED_FROM = 20_000


class Report:
    """Everything recorded while one source was converted."""

    def __init__(self, source: str = "", entries: list[Entry] | None = None,
                 stats: dict[str, Any] | None = None) -> None:
        self.source = source
        self._entries: list[Entry] = entries if entries is not None else []
        self._packed: bytes | None = None       # the first entries, packed (see `pack`)
        self.stats: dict[str, Any] = stats if stats is not None else {}

    def __repr__(self) -> str:
        # (not `entries`: a repr, in a log or a failed test, would make the packed entries again)
        packed = " and more, packed" if self._packed is not None else ""
        return f"Report(source={self.source!r}, {len(self._entries)} entries{packed})"

    @property
    def entries(self) -> list[Entry]:
        """Every entry, in the order recorded (those packed made entries again first)."""
        if self._packed is not None:
            self._entries[:0] = _unpacked(self._packed)
            self._packed = None
        return self._entries

    def record(self, stage: str, kind: Kind, action: str, line: int | None = None, detail: str = "") -> None:
        # interned: a pass formats the same action (and often quotes the same detail) thousands of
        # times on a book, and a report keeps every entry; equal strings, one copy
        self._entries.append(Entry(stage, _shared(action), line, _shared(_short(detail)), kind))

    def pack(self) -> None:
        """Hold the entries recorded so far as one block of bytes until they are read again, where
        there are many (a large text's; PACKED_FROM). The pipeline packs them when the tree phase
        begins: tens of thousands of small entries, recorded all through the line and block phases
        among the lines and blocks let go since, would each keep Python's allocator from giving
        back the arena (1 MiB) it stands in, memory the tree, which grows outside that allocator
        (libxml2), could not use (at 50 MB, ~80 MB of the tree passes' peak)."""
        entries = self.entries
        if len(entries) >= PACKED_FROM:
            self._packed = _packed(entries)
            self._entries = []

    def for_stage(self, stage: str) -> "StageReport":
        return StageReport(self, stage)

    @property
    def warnings(self) -> list[Entry]:
        return [e for e in self.entries if e.kind == Kind.WARNING]

    def count(self, stage: str | None = None, kind: Kind | str | None = None) -> int:
        return sum(1 for e in self.entries
                   if (stage is None or e.stage == stage) and (kind is None or e.kind == kind))

    def stages(self) -> dict[str, Counter[Kind]]:
        """For every stage that recorded something, how many entries of each kind, in the order
        the stages first recorded."""
        out: dict[str, Counter[Kind]] = {}
        for e in self.entries:
            out.setdefault(e.stage, Counter())[e.kind] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            **self._head(),
            # the fields read directly: dataclasses.asdict deep-copies each of thousands of entries
            "entries": [{name: getattr(e, name) for name in ENTRY_FIELDS} for e in self.entries],
        }

    def _head(self) -> dict[str, Any]:
        """Everything in `to_dict` before the entries."""
        return {
            "source": self.source,
            "stats": self.stats,
            "summary": {
                "repairs": self.count(kind=Kind.REPAIR),
                "recognitions": self.count(kind=Kind.RECOGNITION),
                "warnings": self.count(kind=Kind.WARNING),
                "doubts": self.count(kind=Kind.DOUBT),
            },
        }

    def to_json(self) -> str:
        """`to_dict` as json.dumps(ensure_ascii=False, indent=1) lays it out, to the byte.

        json.dumps indents in Python, several calls for each value: on a book's thousands of
        entries most of the time went there. The entries, whose shape is fixed, are laid out here
        from one template each, their strings escaped by the function json.dumps itself escapes
        them with; the head (source, stats, summary) is small and still goes through json.dumps."""
        try:
            entries = [_entry_json(e) for e in self.entries]
        except TypeError:            # a field of another type than the template's: the general layout
            return json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n"
        head = ",\n".join(f" {_json_string(key)}: {_nested(value)}" for key, value in self._head().items())
        if not entries:
            return "{\n" + head + ',\n "entries": []\n}\n'
        # one join, the head and the end joined to the first and last entries: the entries run to
        # megabytes, and each further concatenation would hold another copy of them
        entries[0] = "{\n" + head + ',\n "entries": [\n' + entries[0]
        entries[-1] += "\n ]\n}\n"
        return ",\n".join(entries)


class StageReport:
    """The report as one pass (or reader, builder, writer) sees it: entries under its name."""

    def __init__(self, report: Report, stage: str) -> None:
        self.report, self.stage = report, stage

    def repair(self, action: str, line: int | None = None, detail: str = "") -> None:
        self.report.record(self.stage, Kind.REPAIR, action, line, detail)

    def recognise(self, action: str, line: int | None = None, detail: str = "") -> None:
        self.report.record(self.stage, Kind.RECOGNITION, action, line, detail)

    def doubt(self, action: str, line: int | None = None, detail: str = "") -> None:
        self.report.record(self.stage, Kind.DOUBT, action, line, detail)

    def warn(self, action: str, line: int | None = None, detail: str = "") -> None:
        self.report.record(self.stage, Kind.WARNING, action, line, detail)

    def info(self, action: str, line: int | None = None, detail: str = "") -> None:
        self.report.record(self.stage, Kind.INFO, action, line, detail)

    @property
    def stats(self) -> dict[str, Any]:
        return self.report.stats


# The string escaping of json.dumps(ensure_ascii=False), its C version where there is one; it takes
# only strings, and raises TypeError for anything else.
_json_string = json.encoder.encode_basestring


def _entry_json(e: Entry) -> str:
    """One entry as json.dumps(indent=1) lays it out inside the report's "entries" list (its
    fields in ENTRY_FIELDS' order)."""
    return (f'  {{\n   "stage": {_json_string(e.stage)},\n   "action": {_json_string(e.action)},\n'
            f'   "line": {_json_line(e.line)},\n   "detail": {_json_string(e.detail)},\n'
            f'   "kind": {_json_string(e.kind)}\n  }}')


def _json_line(line: int | None) -> str:
    if line is None:
        return "null"
    if type(line) is int:
        return int.__repr__(line)
    raise TypeError(f"a line that is not a number: {line!r}")


def _nested(value: Any) -> str:
    """`value` laid out by json.dumps(indent=1) one level down: its output has newlines only
    between values (a newline in a string is written \\n), so each takes one more space."""
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n ")


def _packed(entries: list[Entry]) -> bytes:
    """The entries as one pickle of their fields, column by column (the kinds by value)."""
    columns = tuple([getattr(e, name) for e in entries] for name in ENTRY_FIELDS[:-1])
    return pickle.dumps((*columns, [str(e.kind) for e in entries]), protocol=pickle.HIGHEST_PROTOCOL)


def _unpacked(packed: bytes) -> list[Entry]:
    *columns, kinds = pickle.loads(packed)
    return list(map(Entry, *columns, map(Kind, kinds)))


def _shared(text: str) -> str:
    """The one copy of an equal string (sys.intern takes only exact str, not an enum's member)."""
    return sys.intern(text) if type(text) is str else text


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
