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
from tei_edition.validation.schematron import RULE, TEI_SCHEMATRON, Checker, check_schematron, schematron_text
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
