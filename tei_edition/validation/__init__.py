"""Validation of the TEI documents tei-edition writes (and of any TEI file a user gives).

- validate_tree(tree, name): project schema + integrity rules. Fast (milliseconds); meant to run
  after every conversion.
- validate_bytes(data, name): the same on a serialized document, so that problems have lines, and
  the Schematron rules embedded in tei_all.rng (validation/schematron.py).
- validate_file(path) / validate_files(paths): parse safely, then project schema, integrity, the
  TEI's Schematron rules, and tei_all.rng: with jing when it is on PATH (one jing run for all the files), else with lxml only
  when the schema is named (tei_all=PATH or $TEI_ALL_RNG).
- format_problem(p): "file:line: rule: message", one line per problem.

    problems = validate_files(["build/a.xml", "build/b.xml"], tei_all=args.tei_all)
    for p in problems:
        print(format_problem(p))
    sys.exit(1 if problems else 0)
"""
from __future__ import annotations

import os
from collections.abc import Iterable

from lxml import etree

from .integrity import check_integrity
from .problem import RULES, Problem, format_problem, sort_key
from .rng import (
    PROJECT_SCHEMA,
    check_project_schema,
    project_vocabulary,
    check_tei_all_jing,
    check_tei_all_lxml,
    find_tei_all,
    jing_command,
    tei_all_method,
)
from .safexml import XMLInputError, parse_xml
from .schematron import check_schematron

__all__ = [
    "Problem",
    "RULES",
    "PROJECT_SCHEMA",
    "XMLInputError",
    "format_problem",
    "parse_xml",
    "tei_all_method",
    "validate_bytes",
    "validate_file",
    "validate_files",
    "validate_tree",
]

PathLike = str | os.PathLike[str]


def validate_tree(tree: etree._ElementTree | etree._Element, name: str = "<tree>") -> list[Problem]:
    """Problems of a document against the project schema and the integrity rules, in line order.

    A tree built in memory has no line numbers: its problems have line None (serialize and use
    validate_bytes to get lines)."""
    return sorted(_checked(tree, name, schematron=False), key=sort_key)


def _checked(tree: etree._ElementTree | etree._Element, name: str, *, schematron: bool,
             data: bytes | None = None) -> list[Problem]:
    """Project schema, integrity and (with `schematron`) the TEI's Schematron rules (given `data`,
    the bytes `tree` was parsed from). A document the project schema accepts uses only its names,
    so only the rules that can apply to those run; any other document meets every rule."""
    tree = tree.getroottree() if isinstance(tree, etree._Element) else tree
    against_schema = check_project_schema(tree, name)
    problems = against_schema + check_integrity(tree, name)
    if schematron:
        within = project_vocabulary() if not against_schema else None
        problems += check_schematron(tree, name, within=within, data=data)
    return problems


def validate_bytes(data: bytes, name: str = "<bytes>", *, schematron: bool = True) -> list[Problem]:
    """validate_tree on a serialized document, parsed safely, and the TEI's Schematron rules; a
    parse failure is one Problem."""
    try:
        tree = parse_xml(data, name=name)
    except XMLInputError as exc:
        return [exc.problem]
    return sorted(_checked(tree, name, schematron=schematron, data=data), key=sort_key)


def validate_file(path: PathLike, *, tei_all: PathLike | None = None, use_jing: bool = True,
                  schematron: bool = True) -> list[Problem]:
    """Every problem of one file: well-formedness and safety, project schema, integrity, tei_all,
    the TEI's Schematron rules.

    Raises InputError only for a bad set-up (a named tei_all.rng that does not exist, jing
    failing to run); everything wrong with the file itself is a Problem."""
    return validate_files([path], tei_all=tei_all, use_jing=use_jing, schematron=schematron)


def validate_files(paths: Iterable[PathLike], *, tei_all: PathLike | None = None,
                   use_jing: bool = True, schematron: bool = True) -> list[Problem]:
    """validate_file for many files, with a single jing run for tei_all, and the TEI's Schematron
    rules. Problems are grouped by file (in the order given) and in line order within a file."""
    method = tei_all_method(tei_all, use_jing=use_jing)
    schema = find_tei_all(tei_all) if method != "none" else None
    by_file: dict[str, list[Problem]] = {}
    for_jing: list[tuple[str, bytes | None, PathLike]] = []
    for path in paths:
        name = os.fspath(path)
        found = by_file.setdefault(name, [])
        try:
            tree = parse_xml(path, name=name)
        except XMLInputError as exc:
            found.append(exc.problem)
            continue
        found += _checked(tree, name, schematron=schematron)
        if method == "jing":
            has_doctype = bool(tree.docinfo.doctype)
            for_jing.append((name, _read(path) if has_doctype else None, path))
        elif method == "lxml" and schema is not None:
            found += check_tei_all_lxml(tree, name, schema)
    if for_jing and schema is not None:
        for p in check_tei_all_jing(for_jing, schema, jing=jing_command()):
            by_file.setdefault(p.file, []).append(p)
    problems: list[Problem] = []
    for found in by_file.values():
        problems += sorted(found, key=sort_key)
    return problems


def _read(path: PathLike) -> bytes:
    with open(path, "rb") as f:
        return f.read()
