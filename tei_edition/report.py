"""The conversion report: every repair a pass makes and every doubt it has, with the source line.

Each pass receives the same Report and records into it, the way bibtexparser 2 middlewares record
what they changed. The report is written as JSON beside the TEI and summarised by the CLI.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Entry:
    """One thing a pass did or doubted."""

    stage: str          # the pass that recorded it, e.g. "pagebreaks"
    action: str         # a short verb phrase: "joined paragraph across page break"
    line: int | None    # 1-based line in the source, where known
    detail: str = ""    # the text concerned, shortened
    kind: str = "repair"  # repair | warning | doubt | info


@dataclass
class Report:
    """Everything recorded while one source was converted."""

    source: str = ""
    entries: list[Entry] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)

    def repair(self, stage: str, action: str, line: int | None = None, detail: str = "") -> None:
        self.entries.append(Entry(stage, action, line, _short(detail), "repair"))

    def warn(self, stage: str, action: str, line: int | None = None, detail: str = "") -> None:
        self.entries.append(Entry(stage, action, line, _short(detail), "warning"))

    def doubt(self, stage: str, action: str, line: int | None = None, detail: str = "") -> None:
        self.entries.append(Entry(stage, action, line, _short(detail), "doubt"))

    def info(self, stage: str, action: str, line: int | None = None, detail: str = "") -> None:
        self.entries.append(Entry(stage, action, line, _short(detail), "info"))

    @property
    def warnings(self) -> list[Entry]:
        return [e for e in self.entries if e.kind == "warning"]

    def count(self, stage: str | None = None, kind: str | None = None) -> int:
        return sum(1 for e in self.entries
                   if (stage is None or e.stage == stage) and (kind is None or e.kind == kind))

    def actions(self) -> Counter[str]:
        """How often each action was taken: the basis of the header's normalisation declarations."""
        return Counter(e.action for e in self.entries if e.kind == "repair")

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "stats": self.stats,
            "summary": {
                "repairs": self.count(kind="repair"),
                "warnings": self.count(kind="warning"),
                "doubts": self.count(kind="doubt"),
            },
            "entries": [asdict(e) for e in self.entries],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
