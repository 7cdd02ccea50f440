"""Transforms: small passes over the TEI tree (docutils' transforms, pandoc's filters).

Each is `(tree, report) -> None` and records what it changed; they run in the order listed.
"""
from __future__ import annotations

from lxml import etree

from ..report import Report
from . import emphasis, elision

TRANSFORMS = [emphasis.mark_emphasis, elision.mark_elisions]


def run_transforms(tree: etree._ElementTree, report: Report) -> None:
    for transform in TRANSFORMS:
        transform(tree, report)
