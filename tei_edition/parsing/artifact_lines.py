"""Lines that are wholly residue of an earlier conversion (HTML, LaTeX, web archives), and printed
rules that set text apart (a line of underscores under a court's name): dropped before the
layout, listed in the header."""
from __future__ import annotations

from ..model import Line, SourceLines
from ..passes import Context, Declaration, LinePass, Section
from ..report import Entry

RULE_DROPPED = "dropped a printed rule"


class ArtifactLines(LinePass):
    """Lines that are wholly residue of an earlier conversion."""

    name = "artifact-lines"
    declaration = Declaration(Section.NORMALIZATION,
                              "Lines that were wholly residue of earlier conversions (HTML and LaTeX markup, "
                              "placeholders, rules) were dropped; they are listed below.")
    with_rules = Declaration(Section.NORMALIZATION,
                             declaration.text + " Printed rules (lines of underscores) that set text apart, "
                             "with a blank line beside them, were dropped as well.")

    def declare(self, recorded: list[Entry]) -> Declaration:
        """The printed rules are declared where some were dropped."""
        return self.with_rules if any(e.action.startswith(RULE_DROPPED) for e in recorded) else self.declaration

    def apply(self, lines: SourceLines, context: Context) -> None:
        rules = context.data.patterns("line_artifacts.tsv")
        for ln in lines.lines:
            if not ln.live or ln.blank:
                continue
            for name, rx in rules:
                if rx.match(ln.text):
                    ln.removed = f"artifact:{name}"
                    lines.artifacts.append(ln.text.strip())
                    context.report.repair(f"dropped artifact line ({name})", ln.no, ln.text)
                    break
        _separating_rules(lines, context)


def _separating_rules(lines: SourceLines, context: Context) -> None:
    """A printed rule with a blank line above or below it sets text apart: no text of its own."""
    rules = context.data.patterns("rule_lines.tsv")
    every = lines.lines
    for k, ln in enumerate(every):
        if not ln.live or ln.blank:
            continue
        name = next((name for name, rx in rules if rx.match(ln.text)), None)
        if name is not None and (_blank(every, k - 1) or _blank(every, k + 1)):
            ln.removed = f"artifact:rule-{name}"
            lines.artifacts.append(ln.text.strip())
            context.report.repair(f"{RULE_DROPPED} ({name})", ln.no, ln.text.strip())


def _blank(every: list[Line], k: int) -> bool:
    """Is line k blank, or beyond the text's ends?"""
    return not 0 <= k < len(every) or every[k].blank
