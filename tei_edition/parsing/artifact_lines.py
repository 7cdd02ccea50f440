"""Lines that are wholly residue of an earlier conversion (HTML, LaTeX, web archives): dropped
before the layout, listed in the header."""
from __future__ import annotations

from ..model import SourceLines
from ..passes import Context, Declaration, LinePass, Section


class ArtifactLines(LinePass):
    """Lines that are wholly residue of an earlier conversion."""

    name = "artifact-lines"
    declaration = Declaration(Section.NORMALIZATION,
                              "Lines that were wholly residue of earlier conversions (HTML and LaTeX markup, "
                              "placeholders, rules) were dropped; they are listed below.")

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
