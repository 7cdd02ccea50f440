"""Validation: the project schema, its subset relation to tei_all, the integrity rules, safe parsing.

Broken documents are copies of tests/fixtures/validation/maximal.xml with one change; the line
each problem must be reported at is computed from where the change was made, so every test
asserts exact rules and exact lines.
"""
from __future__ import annotations

import os
import random
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from tei_edition.errors import ValidationError
from tei_edition.validation import (
    PROJECT_SCHEMA,
    Problem,
    XMLInputError,
    format_problem,
    parse_xml,
    tei_all_method,
    validate_bytes,
    validate_file,
    validate_files,
    validate_tree,
)
from tei_edition.validation import rng
from tei_edition.validation.integrity import check_integrity

FIXTURES = Path(__file__).parent / "fixtures" / "validation"
MAXIMAL = FIXTURES / "maximal.xml"
MAXIMAL_TEXT = MAXIMAL.read_text(encoding="utf-8")
TEI_ALL = rng.find_tei_all()
JING = rng.jing_command()
needs_jing = pytest.mark.skipif(JING is None or TEI_ALL is None, reason="jing or tei_all.rng not available")


def mutate(old: str, new: str, text: str = MAXIMAL_TEXT) -> tuple[str, int]:
    """The maximal document with the first `old` replaced by `new`, and the line of the change."""
    at = text.index(old)
    assert text.count(old) >= 1
    return text[:at] + new + text[at + len(old):], text[:at].count("\n") + 1


def rules_and_lines(problems: list[Problem]) -> list[tuple[str, int | None]]:
    return [(p.rule, p.line) for p in problems]


# ------------------------------------------------------------------------------------------
# The project schema
# ------------------------------------------------------------------------------------------

def test_project_schema_compiles() -> None:
    # how long it takes is measured by scripts/benchmark.py, not asserted here
    schema = etree.RelaxNG(etree.parse(str(PROJECT_SCHEMA)))
    assert schema.validate(parse_xml(MAXIMAL)), schema.error_log


def test_maximal_document_is_valid() -> None:
    tree = parse_xml(MAXIMAL)
    assert validate_tree(tree, str(MAXIMAL)) == []
    assert rng.project_schema().validate(tree)


def test_maximal_document_uses_every_element_of_the_schema() -> None:
    grammar = etree.parse(str(PROJECT_SCHEMA))
    declared = {e.get("name") for e in grammar.iter("{http://relaxng.org/ns/structure/1.0}element")}
    used = {etree.QName(e).localname for e in parse_xml(MAXIMAL).iter(etree.Element)}
    assert declared - used == set()


# ------------------------------------------------------------------------------------------
# tei_all: one jing run for the documents below (it is a Java start-up per run)
# ------------------------------------------------------------------------------------------

class Listener:
    """A TCP server on localhost that counts connections: proof that nothing was fetched."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.stop = True
        self.thread.join()
        self.sock.close()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


@pytest.fixture(scope="module")
def jing_run(tmp_path_factory: pytest.TempPathFactory, listener: Listener) -> dict[str, object]:
    """validate_files with jing on: the maximal document, a document with an element tei_all
    allows but the project schema does not, one with a DOCTYPE pointing to the listener, and one
    with a multi-line DOCTYPE before a tei_all error (to check lines survive its removal)."""
    if JING is None or TEI_ALL is None:
        pytest.skip("jing or tei_all.rng not available")
    tmp = tmp_path_factory.mktemp("jing")
    files: dict[str, Path] = {"maximal": MAXIMAL}
    lines: dict[str, int] = {}

    text, lines["lb"] = mutate("<p>Closing paragraph.</p>", "<p>Closing <lb/>paragraph.</p>")
    files["lb"] = tmp / "lb.xml"
    files["lb"].write_text(text, encoding="utf-8")

    doctype = f'<!DOCTYPE TEI SYSTEM "http://127.0.0.1:{listener.port}/tei_all.dtd">\n'
    text = MAXIMAL_TEXT.replace("<TEI xmlns", doctype + "<TEI xmlns", 1)
    files["external-dtd"] = tmp / "external-dtd.xml"
    files["external-dtd"].write_text(text, encoding="utf-8")

    doctype = (f'<!DOCTYPE TEI SYSTEM "http://127.0.0.1:{listener.port}/x.dtd" [\n'
               '  <!-- a comment with ] and > inside -->\n  <!ELEMENT x ANY>\n]>\n')
    text = MAXIMAL_TEXT.replace("<TEI xmlns", doctype + "<TEI xmlns", 1)
    text, lines["doctype-lines"] = mutate("<p>Closing paragraph.</p>", "<p>Closing <zzz/>paragraph.</p>", text)
    files["doctype-lines"] = tmp / "doctype-lines.xml"
    files["doctype-lines"].write_text(text, encoding="utf-8")

    calls = []
    real_run = rng.subprocess.run

    def counting_run(args: list[str], **kwargs: object) -> object:
        calls.append(args)
        return real_run(args, **kwargs)

    rng.subprocess.run = counting_run  # type: ignore[assignment]
    try:
        problems = validate_files(list(files.values()))
    finally:
        rng.subprocess.run = real_run  # type: ignore[assignment]
    by_file = {key: [p for p in problems if p.file == str(path)] for key, path in files.items()}
    return {"problems": by_file, "lines": lines, "calls": calls}


@needs_jing
def test_jing_runs_once_for_many_files(jing_run: dict) -> None:
    assert len(jing_run["calls"]) == 1


@needs_jing
def test_maximal_document_is_valid_tei_all(jing_run: dict) -> None:
    assert jing_run["problems"]["maximal"] == []


@needs_jing
def test_project_schema_is_stricter_than_tei_all(jing_run: dict) -> None:
    # <lb/> is good TEI, but not part of the encoding: only the project schema objects.
    problems = jing_run["problems"]["lb"]
    assert rules_and_lines(problems) == [("schema", jing_run["lines"]["lb"])]
    assert "<lb>" in problems[0].message


@needs_jing
def test_doctype_is_never_loaded_and_lines_are_kept(jing_run: dict, listener: Listener) -> None:
    assert jing_run["problems"]["external-dtd"] == []
    problems = jing_run["problems"]["doctype-lines"]
    line = jing_run["lines"]["doctype-lines"]
    assert rules_and_lines(problems) == [("schema", line), ("tei-all", line)]
    assert listener.connections == 0


# ------------------------------------------------------------------------------------------
# Subset proof: documents generated at random from the project schema are valid tei_all
# ------------------------------------------------------------------------------------------

RNG = "http://relaxng.org/ns/structure/1.0"
XML = "http://www.w3.org/XML/1998/namespace"


class InstanceGenerator:
    """Random documents from a RELAX NG grammar in XML syntax (the patterns tei-edition.rng uses).
    Beyond `max_depth`, choices take their cheapest branch and repetitions their minimum."""

    words = ["alpha", "beta", "Γάμμα", "delta"]
    data = {
        "language": ["en", "de", "fr-CA", "ru"], "NMTOKEN": ["italic", "small-caps", "x.1"],
        "date": ["1917-10-25"], "gYear": ["1917"], "gYearMonth": ["1917-10"], "decimal": ["12", "3.5"],
        "nonNegativeInteger": ["7"], "string": ["12", "a b", "iv"], "token": ["1", "4.12.0", "0.1", "2.0b3"],
        "anyURI": ["#id1", "https://example.org/a?b=c", "page.xml#x"],
    }

    def __init__(self, path: Path, seed: int, max_depth: int = 8) -> None:
        grammar = etree.parse(str(path)).getroot()
        self.ns = grammar.get("ns")
        self.defines = {d.get("name"): d for d in grammar.iter(f"{{{RNG}}}define")}
        self.start = grammar.find(f"{{{RNG}}}start")
        self.random = random.Random(seed)
        self.max_depth = max_depth
        self.ids = 0
        self.costs = {n: 10**9 for n in self.defines}
        changed = True
        while changed:  # the fewest elements each define needs
            changed = False
            for n, d in self.defines.items():
                c = sum(self.cost(k) for k in self.kids(d))
                if c < self.costs[n]:
                    self.costs[n], changed = c, True

    @staticmethod
    def kids(p: etree._Element) -> list[etree._Element]:
        return [k for k in p if isinstance(k.tag, str) and k.tag.startswith(f"{{{RNG}}}")]

    def cost(self, p: etree._Element) -> int:
        t = etree.QName(p).localname
        if t == "ref":
            return self.costs[p.get("name")]
        if t == "choice":
            return min(self.cost(k) for k in self.kids(p))
        if t in ("optional", "zeroOrMore"):
            return 0
        return min(10**9, (t == "element") + sum(self.cost(k) for k in self.kids(p)))

    def document(self) -> etree._ElementTree:
        holder = etree.Element("holder")
        self.gen(self.kids(self.start)[0], holder, 0)
        return etree.ElementTree(holder[0])

    def gen(self, p: etree._Element, parent: etree._Element, depth: int) -> None:
        t = etree.QName(p).localname
        if t == "ref":
            for k in self.kids(self.defines[p.get("name")]):
                self.gen(k, parent, depth)
        elif t == "element":
            el = etree.SubElement(parent, f"{{{self.ns}}}{p.get('name')}")
            for k in self.kids(p):
                self.gen(k, el, depth + 1)
        elif t == "attribute":
            name = p.get("name")
            name = f"{{{XML}}}{name[4:]}" if name.startswith("xml:") else name
            parent.set(name, " ".join(v for k in self.kids(p) for v in self.values(k)))
        elif t == "group":
            for k in self.kids(p):
                self.gen(k, parent, depth)
        elif t == "choice":
            options = self.kids(p)
            if depth >= self.max_depth:
                cheapest = min(self.cost(k) for k in options)
                options = [k for k in options if self.cost(k) == cheapest]
            self.gen(self.random.choice(options), parent, depth)
        elif t in ("optional", "zeroOrMore", "oneOrMore"):
            low = 1 if t == "oneOrMore" else 0
            count = low if depth >= self.max_depth else self.random.randint(low, 1 if t == "optional" else 3)
            for _ in range(count):
                for k in self.kids(p):
                    self.gen(k, parent, depth)
        elif t == "text":
            text = f" {self.random.choice(self.words)} "
            if len(parent):
                parent[-1].tail = (parent[-1].tail or "") + text
            else:
                parent.text = (parent.text or "") + text
        elif t != "empty":
            raise ValueError(f"pattern <{t}> not supported by the generator")

    def values(self, p: etree._Element) -> list[str]:
        t = etree.QName(p).localname
        if t == "ref":
            return [v for k in self.kids(self.defines[p.get("name")]) for v in self.values(k)]
        if t == "value":
            return [p.text or ""]
        if t == "choice":
            return self.values(self.random.choice(self.kids(p)))
        if t == "list":
            return [v for k in self.kids(p) for v in self.values(k)]
        if t == "oneOrMore":
            return [v for _ in range(self.random.randint(1, 2)) for k in self.kids(p) for v in self.values(k)]
        if t == "data":
            typ, pattern = p.get("type"), p.findtext(f"{{{RNG}}}param")
            if typ == "NCName":
                self.ids += 1
                return [f"id{self.ids}"]
            options = self.data[typ]
            if pattern:
                options = [o for o in options + ["#id2"] if re.fullmatch(pattern, o)]
            return [self.random.choice(options)]
        raise ValueError(f"value pattern <{t}> not supported by the generator")


@needs_jing
def test_generated_documents_are_valid_tei_all(tmp_path: Path) -> None:
    project = rng.project_schema()
    files = []
    for seed in range(16):
        tree = InstanceGenerator(PROJECT_SCHEMA, seed, max_depth=7 + seed % 3).document()
        assert project.validate(tree), (seed, project.error_log)
        path = tmp_path / f"generated-{seed}.xml"
        tree.write(str(path), encoding="UTF-8", xml_declaration=True)
        files.append((str(path), None, path))
    assert rng.check_tei_all_jing(files, TEI_ALL) == []


# ------------------------------------------------------------------------------------------
# Integrity rules and schema errors, with exact lines
# ------------------------------------------------------------------------------------------

BROKEN = {
    # name: (old, new, expected rule)
    "duplicate-id": ('xml:id="n7"', 'xml:id="n6"', "xml-id-unique"),
    "dangling-ref": ('<persName ref="#lenin">Lenin</persName>', '<persName ref="#nobody">Lenin</persName>',
                     "pointer-resolves"),
    "dangling-target-in-list": ('<ref target="#ch-2" type="cross">', '<ref target="#ch-1 #ch-9" type="cross">',
                                "pointer-resolves"),
    "note-without-n": ('<note place="foot" n="6" xml:id="n6">', '<note place="foot" xml:id="n6">', "note-n"),
    "note-without-id": ('<note place="foot" n="6" xml:id="n6">', '<note place="foot" n="6">', "note-id"),
    "empty-note": ('<note place="foot" n="6" xml:id="n6">A note in an item.</note>',
                   '<note place="foot" n="6" xml:id="n6">  </note>', "note-content"),
    "persName-without-ref": ('<persName ref="#lenin">Lenin</persName>', "<persName>Lenin</persName>",
                             "persName-ref"),
    "persName-ref-to-work": ('<persName ref="#lenin">Lenin</persName>', '<persName ref="#marx1848">Lenin</persName>',
                             "persName-ref"),
    "citation-to-person": ('<bibl><ref target="#marx1848">citation</ref></bibl>',
                           '<bibl><ref target="#lenin">citation</ref></bibl>', "bibl-ref"),
    "citation-to-web": ('<bibl><ref target="#marx1848">citation</ref></bibl>',
                        '<bibl><ref target="https://example.org/">citation</ref></bibl>', "bibl-ref"),
    "div-without-head": ('<div type="appendix"><head>Appendix</head>', '<div type="appendix">', "div-head"),
    "element-not-in-schema": ("<p>Closing paragraph.</p>", "<p>Closing <lb/>paragraph.</p>", "schema"),
    "element-out-of-place": ("<p>Closing paragraph.</p>",
                             '<p>Closing <list rend="bulleted"><item>x</item></list>.</p>', "schema"),
    "value-outside-list": ('<note place="foot" n="6" xml:id="n6">', '<note place="margin" n="6" xml:id="n6">',
                           "schema"),
    "missing-attribute": ('<note place="foot" n="6" xml:id="n6">', '<note n="6" xml:id="n6">', "schema"),
    "unknown-div-type": ('<div type="appendix">', '<div type="chapterette">', "schema"),
    "bad-date": ('<date when="1917-10">', '<date when="October 1917">', "schema"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_document_reports_rule_and_line(case: str) -> None:
    old, new, rule = BROKEN[case]
    text, line = mutate(old, new)
    problems = validate_bytes(text.encode("utf-8"), name=f"{case}.xml")
    assert rules_and_lines(problems) == [(rule, line)], [format_problem(p) for p in problems]
    assert problems[0].file == f"{case}.xml"


def test_messages_name_the_problem() -> None:
    def message(case: str) -> str:
        old, new, _ = BROKEN[case]
        return validate_bytes(mutate(old, new)[0].encode())[0].message

    assert message("missing-attribute") == "<note> needs @place (end or foot)"
    assert message("value-outside-list") == '@place="margin" on <note> is not valid: expected one of "end", "foot"'
    assert message("element-not-in-schema") == "<lb> is not part of the project schema (see docs/schema.md)"
    assert message("element-out-of-place").startswith("<list> is not allowed inside <p>")
    assert message("duplicate-id").startswith('xml:id "n6" on <note> is used twice (first used on <note> at line ')
    assert message("dangling-target-in-list") == '@target="#ch-9" on <ref> points to no xml:id in this document'
    assert message("note-without-n") == "note has no @n (the number or mark printed in the source)"
    assert message("div-without-head") == '<div type="appendix"> does not open with <head>, it opens with <p>'


def test_front_dedication_and_epigraph_need_no_head() -> None:
    problems = check_integrity(parse_xml(MAXIMAL))
    assert problems == []
    text, line = mutate('<div type="preface" xml:id="preface">\n        <head>Preface</head>',
                        '<div type="preface" xml:id="preface">')
    assert rules_and_lines(validate_bytes(text.encode())) == [("div-head", line)]


def test_notes_outside_the_text_are_not_notes_of_the_source() -> None:
    # The header's notes (credits) and a person's note have no @n, and need none.
    tree = parse_xml(MAXIMAL)
    assert tree.find(".//{*}notesStmt/{*}note").get("n") is None
    assert tree.find(".//{*}person/{*}note").get("n") is None
    assert check_integrity(tree) == []


def test_tree_built_in_memory_has_problems_without_lines() -> None:
    root = parse_xml(MAXIMAL).getroot()
    for el in root.iter():
        el.sourceline = 0  # as if built in memory by the converter: no lines
    root.find(".//{*}text//{*}note").attrib.pop("n")
    problems = validate_tree(root, "memory")  # an element is accepted as well as a tree
    assert [(p.file, p.rule, p.line) for p in problems] == [("memory", "note-n", None)]
    assert format_problem(problems[0]) == "memory: note-n: note has no @n (the number or mark printed in the source)"


# ------------------------------------------------------------------------------------------
# Safe parsing
# ------------------------------------------------------------------------------------------

def test_malformed_xml_is_one_clear_problem(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text>\n<p>open\n</text>\n</TEI>\n')
    problems = validate_file(path, use_jing=False)
    assert rules_and_lines(problems) == [("well-formed", 4)]
    assert format_problem(problems[0]) == (
        f"{path}:4: well-formed: not well-formed XML: Opening and ending tag mismatch: p line 3 and text")
    with pytest.raises(ValidationError) as caught:
        parse_xml(path)
    assert isinstance(caught.value, XMLInputError)
    assert (caught.value.file, caught.value.line, caught.value.rule) == (str(path), 4, "well-formed")


def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    missing = tmp_path / "missing.xml"
    assert rules_and_lines(validate_file(missing, use_jing=False)) == [("unreadable", None)]
    assert format_problem(validate_file(missing, use_jing=False)[0]).startswith(f"{missing}: unreadable: ")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE TEI [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&lol9;</p></body></text></TEI>
"""


def test_billion_laughs_is_refused_without_expansion(tmp_path: Path) -> None:
    path = tmp_path / "lol.xml"
    path.write_text(BILLION_LAUGHS)
    problems = validate_file(path)
    assert rules_and_lines(problems) == [("unsafe-xml", 2)]
    assert "lol" in problems[0].message and "never expanded" in problems[0].message


def test_external_entities_are_refused_and_never_fetched(tmp_path: Path, listener: Listener) -> None:
    before = listener.connections
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT")
    document = (f'<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "http://127.0.0.1:{listener.port}/dtd" [\n'
                f'  <!ENTITY net SYSTEM "http://127.0.0.1:{listener.port}/entity">\n'
                f'  <!ENTITY file SYSTEM "{secret.as_uri()}">\n'
                f'  <!ENTITY % param SYSTEM "http://127.0.0.1:{listener.port}/param"> %param;\n]>\n'
                '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&net;&file;</p></body></text></TEI>\n')
    path = tmp_path / "xxe.xml"
    path.write_text(document)
    problems = validate_file(path)
    assert rules_and_lines(problems) == [("unsafe-xml", 2)]
    assert "SECRET" not in format_problem(problems[0])
    time.sleep(0.3)  # let the listener see any late connection
    assert listener.connections == before


def test_entity_reference_without_declaration_is_refused() -> None:
    # An external DTD is never loaded, so an entity it would define stays unresolved: refused.
    document = (b'<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "tei.dtd">\n'
                b'<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<p>&mdash;</p></TEI>')
    with pytest.raises(XMLInputError) as caught:
        parse_xml(document, name="dash.xml")
    assert (caught.value.rule, caught.value.line) == ("unsafe-xml", 4)
    assert "&mdash;" in str(caught.value)


# ------------------------------------------------------------------------------------------
# tei_all without jing, the API
# ------------------------------------------------------------------------------------------

TINY_SCHEMA = """<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0">
  <start><element name="TEI"><zeroOrMore><choice><text/><element><anyName/><text/></element></choice>
  </zeroOrMore><zeroOrMore><attribute><anyName/></attribute></zeroOrMore></element></start>
</grammar>"""


def test_tei_all_with_lxml_only_when_named_and_compiled_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEI_ALL_RNG", raising=False)
    schema = tmp_path / "tiny_all.rng"
    schema.write_text(TINY_SCHEMA)
    assert tei_all_method(use_jing=False) == "none"
    assert tei_all_method(schema, use_jing=False) == "lxml"
    monkeypatch.setenv("TEI_ALL_RNG", str(schema))
    assert tei_all_method(use_jing=False) == "lxml"
    # The maximal document is not valid against the tiny schema: one tei-all problem per file.
    rng._tei_all_lxml.cache_clear()
    problems = validate_files([MAXIMAL, MAXIMAL], tei_all=schema, use_jing=False)
    assert {p.rule for p in problems} == {"tei-all"}
    assert rng._tei_all_lxml.cache_info().misses == 1


def test_named_tei_all_that_does_not_exist_is_an_input_error(tmp_path: Path) -> None:
    from tei_edition.errors import InputError

    with pytest.raises(InputError):
        validate_file(MAXIMAL, tei_all=tmp_path / "nope.rng")


def test_format_problem() -> None:
    assert format_problem(Problem("a.xml", 12, "note-n", "note has no @n")) == "a.xml:12: note-n: note has no @n"
    assert format_problem(Problem("a.xml", None, "schema", "x")) == "a.xml: schema: x"
    assert str(Problem("a.xml", 3, "r", "m")) == "a.xml:3: r: m"


def test_paths_and_names_accepted(tmp_path: Path) -> None:
    copy = tmp_path / "copy.xml"
    copy.write_bytes(MAXIMAL.read_bytes())
    assert validate_file(str(copy), use_jing=False) == []
    assert validate_files([copy, os.fspath(copy)], use_jing=False) == []
