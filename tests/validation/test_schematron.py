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
import tei_edition.validation as validation
from tei_edition.validation.rng import XML_NS, Vocabulary, project_vocabulary, vocabulary_of
from tei_edition.validation.schematron import (EVERY_NODE, RULE, TEI_SCHEMATRON, Checker, candidates, check_schematron,
                                               quoteattr, reachable, schematron_text)
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
    (["t:*[@when]", "t:date[@from]"], "//t:*[@when] | //t:date[@from]"),
    (["t:*[not(self::t:s)][@lang and @n]", "t:*[ @min and not( @max ) ]"], "//t:*[@lang and @n] | //t:*[@min]"),
    (["t:*[@a or @b]", "t:x[@type='gloss']"], "//t:* | //t:x"),
    (["( t:a[@m] | t:b[@m] )[ ancestor::t:r and ( //t:c | //t:d ) ]"], "//t:a | //t:b"),
    (["(t:a|t:b)/t:list/t:ptr | (t:a|t:b)/t:list/t:ref"], "//t:ptr | //t:ref"),
    (["/*[ count( //t:decl ) gt 1 ]"], "/*"),
    (["t:a[1]", "id('x')"], EVERY_NODE),
])
def test_a_pattern_visits_only_the_nodes_its_rules_can_match(contexts, selected):
    assert candidates(contexts) == selected


BROKEN = ('<p xmlns="http://www.tei-c.org/ns/1.0" subtype="s" generatedBy="x"><date when="1" from="2">d</date>'
          '<lg><p>v</p></lg><l><p>w</p></l><list type="gloss"><item>i</item></list><ptr/><ref target="#a" cRef="c"/>'
          '<relation/><link target="#a"/><join target="#a"/><addSpan/><span from="#x"/><div/></p>')


def test_visiting_the_candidates_finds_what_a_walk_over_every_node_finds():
    """The TEI's rules on a document that breaks many of them: the same findings, in the same order,
    whether each pattern visits its candidates or every element and attribute."""
    rules = etree.parse(str(TEI_SCHEMATRON)).getroot()
    root = etree.fromstring(to_bytes(tei_edition_convert(SMALL)))
    body = root.find(".//{*}body")
    body.append(etree.fromstring(BROKEN))
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


RNG = "http://relaxng.org/ns/structure/1.0"


def grammar(body: str) -> etree._Element:
    return etree.fromstring(f'<grammar xmlns="{RNG}" xmlns:x="urn:x" ns="urn:t"><start>{body}</start></grammar>')


def test_a_closed_grammar_names_its_elements_and_attributes_as_relax_ng_reads_them():
    names = vocabulary_of(grammar(
        '<element name="buch"><attribute name="xml:id"/><attribute name="seite"/>'
        '<attribute name="x:art"/><attribute name="stufe" ns="urn:s"/>'
        '<element><choice><name>kapitel</name><name ns="urn:a">anhang</name></choice>'
        '<element name="x:vers"><text/></element></element></element>'))
    assert names == Vocabulary(
        elements=frozenset({("urn:t", "buch"), ("urn:t", "kapitel"), ("urn:a", "anhang"), ("urn:x", "vers")}),
        attributes=frozenset({(XML_NS, "id"), ("", "seite"), ("urn:x", "art"), ("urn:s", "stufe")}))


@pytest.mark.parametrize("open_part", ['<element><anyName/><empty/></element>',
                                       '<element name="a"><attribute><nsName ns="urn:y"/></attribute></element>',
                                       '<externalRef href="other.rng"/>'])
def test_a_grammar_with_a_wildcard_or_an_outside_part_has_no_closed_vocabulary(open_part):
    assert vocabulary_of(grammar(open_part)) is None


def test_the_project_schema_keeps_to_its_tei_names():
    names = project_vocabulary()
    assert ("http://www.tei-c.org/ns/1.0", "persName") in names.elements
    assert (XML_NS, "id") in names.attributes and ("", "target") in names.attributes
    assert ("http://www.tei-c.org/ns/1.0", "elementSpec") not in names.elements


@pytest.mark.parametrize("context, can_match", [
    ("t:zeile[@n]", False),                     # an element the vocabulary lacks
    ("t:absatz//t:wort", True),
    ("t:zeile//t:wort", False),                 # the ancestor step names one it lacks
    ("t:*/@ziel", True),
    ("t:wort/@quelle", False),
    ("id('x')", True),                          # not read: kept
    ("t:*[@quelle]", False),                    # the predicate demands an attribute it lacks
    ("t:*[@ziel and @quelle]", False),
    ("t:*[@ziel or @quelle]", True),
    ("t:wort[not(@quelle)]", True),
    ("t:*[@ziel = 'a and @quelle']", True),
    ("( t:zeile | t:wort )[@ziel]", True),
    ("( t:zeile | t:vers )/t:wort", False),
    ("u:*", False),                             # a namespace it lacks
    ("*", True),
])
def test_a_pattern_is_kept_when_its_rules_can_match_a_node_named_in_the_vocabulary(context, can_match):
    rules = schema(f'<sch:ns prefix="u" uri="urn:u"/><sch:pattern id="p"><sch:rule context="{context}">'
                   '<sch:assert test="false()">x</sch:assert></sch:rule></sch:pattern>')
    words = Vocabulary(elements=frozenset({("urn:t", "absatz"), ("urn:t", "wort")}), attributes=frozenset({("", "ziel")}))
    assert reachable(rules, words) == ([0] if can_match else [])


def test_the_project_schema_leaves_a_few_of_the_tei_patterns():
    rules = etree.parse(str(TEI_SCHEMATRON)).getroot()
    assert 5 <= len(reachable(rules, project_vocabulary())) <= 30


def own_vocabulary(data: bytes) -> Vocabulary:
    root = etree.fromstring(data)
    elements = {(etree.QName(e).namespace or "", etree.QName(e).localname) for e in root.iter() if isinstance(e.tag, str)}
    attributes = {(etree.QName(a).namespace or "", etree.QName(a).localname)
                  for e in root.iter() if isinstance(e.tag, str) for a in e.attrib}
    return Vocabulary(frozenset(elements), frozenset(attributes))


def test_the_patterns_reachable_from_a_documents_own_names_find_all_that_every_pattern_finds():
    """The TEI's rules on a document that breaks many of them: choosing the patterns by the names
    the document uses loses no finding, and drops most patterns."""
    rules = etree.parse(str(TEI_SCHEMATRON)).getroot()
    root = etree.fromstring(to_bytes(tei_edition_convert(SMALL)))
    root.find(".//{*}body").append(etree.fromstring(BROKEN))
    data = etree.tostring(root, encoding="UTF-8")
    kept = reachable(rules, own_vocabulary(data))
    assert 12 <= len(kept) < 93
    assert Checker(rules, patterns=kept).findings(data) == Checker(rules).findings(data)


def test_a_document_the_project_schema_accepts_meets_only_the_rules_that_can_apply(monkeypatch):
    seen = []
    real = validation.check_schematron
    monkeypatch.setattr(validation, "check_schematron", lambda *a, **k: seen.append(k.get("within")) or real(*a, **k))
    valid = to_bytes(tei_edition_convert(SMALL))
    assert validate_bytes(valid, "valid.xml") == []
    lines = valid.decode("utf-8").replace("<body>", '<body><p>Im Jahr <date when="1848" from="1847">1848</date>.</p>', 1)
    found = validate_bytes(lines.encode("utf-8"), "invalid.xml")
    assert seen == [project_vocabulary(), None]
    assert any(p.rule == RULE and "@when" in p.message for p in found)


@pytest.mark.parametrize("value", ['a "b" c', "d'e", "<f & g>", "h\ni\tj\rk", "ümlaut"])
def test_attribute_values_are_quoted_as_xml_reads_them_back(value):
    assert etree.fromstring(f"<a v={quoteattr(value)}/>".encode("utf-8")).get("v") == value


@pytest.mark.parametrize("encoding, bom, doctype", [("UTF-8", b"", ""), ("UTF-8", b"\xef\xbb\xbf", ""),
                                                   ("ISO-8859-1", b"", ""), ("UTF-16", b"", ""),
                                                   ("UTF-8", b"", "<!DOCTYPE TEI>")])
def test_the_bytes_a_document_came_in_give_the_findings_of_its_tree(encoding, bom, doctype):
    """Saxon is given the document's own bytes only where it reads them as lxml did; any other
    document (another encoding, a byte order mark, a DOCTYPE) is serialised again: same findings."""
    import tei_edition
    text = to_bytes(tei_edition.convert(SMALL, {})).decode("utf-8").replace(
        "<body>", '<body><p>Größe im Jahr <date when="1848" from="1847">1848</date>.</p>', 1)
    text = text.split("?>", 1)[1].lstrip() if text.startswith("<?xml") else text
    codec = {"UTF-8": "utf-8", "ISO-8859-1": "latin-1", "UTF-16": "utf-16"}[encoding]
    data = bom + (f'<?xml version="1.0" encoding="{encoding}"?>\n{doctype}' + text).encode(codec)
    found = [(p.rule, p.line, p.message) for p in validate_bytes(data, "d.xml") if p.rule == RULE]
    assert len(found) == 1 and "@when" in found[0][2] and found[0][1] is not None
