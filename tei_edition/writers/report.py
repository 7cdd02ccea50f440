"""The conversion report writer: JSON beside the TEI."""
from __future__ import annotations

from pathlib import Path

from ..report import Report
from .atomic import write_atomic


def write_report(report: Report, path: Path) -> None:
    write_atomic(path, report.to_json().encode("utf-8"))
