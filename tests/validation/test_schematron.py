"""validation/schematron.py: the Schematron rules embedded in tei_all.rng, compiled to XSLT and run
by Saxon, each finding at its line."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from tei_edition.api import convert_file
from tei_edition.validation import validate_bytes
from tei_edition.validation.schematron import (EVERY_NODE, RULE, TEI_SCHEMATRON, Checker, candidates, check_schematron,
                                               schematron_text)
from tei_edition.writers.tei import to_bytes

ROOT = Path(__file__).resolve().parents[2]
TEI_ALL = ROOT.parent / "shared" / "tei" / "tei_all.rng"
SOURCES = sorted((ROOT / "sources").glob("*.txt"))
SCH = "http://purl.oclc.org/dsdl/schematron"
SMALL = "Ein Titel\n\nEin Absatz über die Reise, der mit einem Punkt endet.\n"


def schema(patterns: str) -> etree._Element:
    return etree.fromstring(f'<sch:schema xmlns:sch="{SCH}" queryBinding="xslt2">'
                            f'<sch:ns prefix="t" uri="urn:t"/>{patterns}</sch:schema>')


def test_the_shipped_rules_are_those_embedded_in_the_editions_tei_all():
    assert TEI_SCHEMATRON.read_bytes() == schematron_text(TEI_ALL)
    patterns = etree.parse(str(TEI_SCHEMATRON)).getroot().findall(f"{{{SCH}}}pattern")
    assert len(patterns) == 93


def test_within_a_pattern_the_first_matching_rule_alone_checks_a_node():
    checker = Checker(schema(
        '<sch:pattern id="p"><sch:rule context="t:a[@x]"><sch:assert test="false()">first</sch:assert></sch:rule>'
        '<sch:rule context="t:a"><sch:assert test="false()">second</sch:assert></sch:rule></sch:pattern>'))
    found = checker.findings(b'<r xmlns="urn:t"><a x="1"/><a/></r>')
    assert [(f.message, f.path.endswith("a[1]")) for f in found] == [("first", True), ("second", False)]


def test_asserts_reports_lets_names_and_values_make_the_message():
    checker = Checker(schema(
        '<sch:pattern id="lengths"><sch:rule context="t:w"><sch:let name="n" value="string-length(.)"/>'
        '<sch:assert test="$n le 3" role="warning"><sch:name/> has <sch:value-of select="$n"/> letters</sch:assert>'
        '<sch:report test="@bad">a bad <sch:name/></sch:report></sch:rule></sch:pattern>'))
    found = checker.findings('<r xmlns="urn:t"><w>Haus</w><w bad="1">Tür</w></r>'.encode())
    assert [(f.pattern, f.role, f.message) for f in found] == [
        ("lengths", "warning", "w has 4 letters"), ("lengths", "error", "a bad w")]


@pytest.mark.parametrize("contexts, selected", [
    (["t:p"], "//t:p"),
    (["t:content//t:elementRef", "t:elementRef[ parent::t:spec ]"], "//t:elementRef"),
    (["t:rt/@target"], "//@target"),
    (["t:*[@when]", "t:*[ starts-with(@spanTo, '#') ]"], "//t:*"),
    (["( t:a[@m] | t:b[@m] )[ ancestor::t:r and ( //t:c | //t:d ) ]"], "//t:a | //t:b"),
    (["(t:a|t:b)/t:list/t:ptr | (t:a|t:b)/t:list/t:ref"], "//t:ptr | //t:ref"),
    (["/*[ count( //t:decl ) gt 1 ]"], "/*"),
    (["t:a[1]", "id('x')"], EVERY_NODE),
])
def test_a_pattern_visits_only_the_nodes_its_rules_can_match(contexts, selected):
    assert candidates(contexts) == selected


def test_visiting_the_candidates_finds_what_a_walk_over_every_node_finds():
    """The TEI's rules on a document that breaks many of them: the same findings, in the same order,
    whether each pattern visits its candidates or every element and attribute."""
    rules = etree.parse(str(TEI_SCHEMATRON)).getroot()
    root = etree.fromstring(to_bytes(tei_edition_convert(SMALL)))
    body = root.find(".//{*}body")
    broken = ('<p xmlns="http://www.tei-c.org/ns/1.0" subtype="s" generatedBy="x"><date when="1" from="2">d</date>'
              '<lg><p>v</p></lg><l><p>w</p></l><list type="gloss"><item>i</item></list><ptr/><ref target="#a" cRef="c"/>'
              '<relation/><link target="#a"/><join target="#a"/><addSpan/><span from="#x"/><div/></p>')
    body.append(etree.fromstring(broken))
    data = etree.tostring(root, encoding="UTF-8")
    narrow = Checker(rules).findings(data)
    assert len(narrow) >= 12
    assert narrow == Checker(rules, select=lambda contexts: EVERY_NODE).findings(data)


def test_a_rule_that_cannot_be_evaluated_on_a_node_says_so_and_the_others_still_run():
    checker = Checker(schema(
        '<sch:ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/><sch:pattern id="counts"><sch:rule context="t:a"><sch:let name="n" value="@n cast as xs:integer"/>'
        '<sch:assert test="$n gt 0">positive</sch:assert></sch:rule></sch:pattern>'
        '<sch:pattern id="names"><sch:rule context="t:a"><sch:assert test="@name">named</sch:assert></sch:rule>'
        '</sch:pattern>'))
    found = checker.findings(b'<r xmlns="urn:t"><a n="zwei"/><a n="-1" name="b"/></r>')
    assert [(f.pattern, f.path.endswith(f"a[{i}]"), f.message.split(":")[0]) for f, i in zip(found, (1, 2, 1))] == [
        ("counts", True, "This rule cannot be evaluated here"), ("counts", True, "positive"), ("names", True, "named")]


def tei_edition_convert(text: str):
    import tei_edition
    return tei_edition.convert(text, {})


def test_a_hand_broken_file_fails_the_tei_rules_with_its_line(tmp_path):
    import tei_edition
    lines = to_bytes(tei_edition.convert(SMALL, {})).decode("utf-8").splitlines()
    at = next(i for i, ln in enumerate(lines) if "<body>" in ln)
    lines.insert(at + 1, '<p>Im Jahr <date when="1848" from="1847">1848</date>.</p>')
    broken = tmp_path / "broken.xml"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "tei_edition.cli", "validate", "--no-jing", str(broken)],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode != 0
    found = [ln for ln in r.stdout.splitlines() if f": {RULE}: " in ln]
    assert found and found[0].startswith(f"{broken}:{at + 2}: {RULE}: The @when attribute cannot be used")


def test_a_tree_built_in_memory_has_no_lines_but_the_same_findings():
    import tei_edition
    tree = tei_edition.convert(SMALL, {})
    p = etree.SubElement(tree.getroot().find(".//{*}body"), "{http://www.tei-c.org/ns/1.0}p")
    etree.SubElement(p, "{http://www.tei-c.org/ns/1.0}date", when="2001", to="2002")
    found = check_schematron(tree, "mem")
    assert [(p.rule, p.line) for p in found] == [(RULE, None)]


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_every_source_the_build_writes_passes_the_tei_rules(source):
    data = to_bytes(convert_file(source).tree)
    assert [p for p in validate_bytes(data, source.name) if p.rule == RULE] == []
