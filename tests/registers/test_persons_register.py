"""registers/persons.py: the edition's register of persons read into typed records, its problems
reported (never raised), persons copied into a document as the register writes them; and the
review (`tei-edition persons`) that lists what the register does not know, never changing it."""
from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from conftest import ROOT
from tei_edition.cli import main
from tei_edition.registers import Registers
from tei_edition.registers.persons import (
    REGISTER_FILE,
    key_of,
    name_tokens,
    parse_register,
    person_element,
    read_register,
)
from tei_edition.tei.namespaces import TEI_NS, XML_ID, tei
from tei_edition.writers.tei import to_bytes

SOURCES = ROOT / "sources"


def register_xml(*persons: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt>'
            "<title>R</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p>"
            "</sourceDesc></fileDesc></teiHeader><text><body><listPerson>\n"
            + "\n".join(persons) + "\n</listPerson></body></text></TEI>\n")


JAURES = ('<person xml:id="jaures">'
          '<persName type="variant"><surname>Jaurès</surname></persName>'
          '<persName type="main"><forename>Jean</forename> <surname>Jaurès</surname></persName>'
          '<persName type="variant"><forename>Auguste</forename> <forename>Marie</forename> <forename>Jean</forename> '
          '<forename type="patronymic">Léon</forename> <surname>Jaurès</surname></persName>'
          '<birth when="1859-09-03"/><death when="1914-07-31"/><idno type="wikidata">Q193124</idno>'
          '<note>Französischer Sozialist.</note></person>')
LINDEN = ('<person xml:id="linden"><persName type="main"><forename>Marcel</forename> <nameLink>van der</nameLink> '
          '<surname>Linden</surname></persName></person>')


def test_a_person_is_read_with_its_normalised_name_first_its_forms_dates_and_ids():
    reg = parse_register(etree.fromstring(register_xml(JAURES, LINDEN).encode()))
    assert reg.problems == ()
    jaures = reg.get("jaures")
    assert jaures.name.text == "Jean Jaurès" and jaures.name.forenames == ("Jean",)
    assert [f.text for f in jaures.forms] == ["Jean Jaurès", "Jaurès", "Auguste Marie Jean Léon Jaurès"]
    assert (jaures.birth, jaures.death) == ("1859-09-03", "1914-07-31")
    assert [(i.type, i.value) for i in jaures.identifiers] == [("wikidata", "Q193124")]
    assert jaures.notes == ("Französischer Sozialist.",)
    # the surname alone is a short form: it names Jaurès by itself; 'van der Linden' is not one
    assert reg.short_forms[("jaures",)] == [jaures]
    assert ("linden",) not in reg.short_forms
    # a surname is found as written and without the particles that open it
    linden = reg.get("linden")
    assert reg.by_surname[("van", "der", "linden")] == [linden] and reg.by_surname[("linden",)] == [linden]


def test_forenames_accept_initials_and_parts_of_their_own_only():
    reg = parse_register(etree.fromstring(register_xml(JAURES).encode()))
    jaures = reg.get("jaures")
    tokens = {t.text: t for t in name_tokens("J. Jean A.M. L. Léon Pierre P. j")}
    assert all(jaures.accepts_forename(tokens[t]) for t in ("J.", "Jean", "A.", "M.", "L.", "Léon"))
    assert not any(jaures.accepts_forename(tokens[t]) for t in ("Pierre", "P."))


def test_name_tokens_split_initials_keep_inner_apostrophes_and_hyphens_and_leave_possessives():
    assert [t.text for t in name_tokens("Iu.L. Piatakov, O’Callaghan’s and Antonov-Ovseenko's")] == [
        "Iu.", "L.", "Piatakov", "O’Callaghan", "s", "and", "Antonov-Ovseenko", "s"]
    assert key_of("Broué") == key_of("Broue") == ("broue",)
    assert key_of("J. Arch Getty") == key_of("J Arch Getty")


def test_problems_are_reported_with_their_lines_and_the_rest_is_read(tmp_path):
    text = register_xml(
        JAURES,
        '<person><persName>Nameless Id</persName></person>',
        '<person xml:id="jaures"><persName>Twice</persName></person>',
        '<person xml:id="empty"><persName> </persName></person>',
        '<person xml:id="extra"><persName>Ada Extra</persName><occupation>poet</occupation></person>')
    path = tmp_path / REGISTER_FILE
    path.write_text(text, encoding="utf-8")
    reg = read_register(path)
    assert [p.id for p in reg.persons] == ["jaures", "extra"]
    messages = [(p.line, p.message) for p in reg.problems]
    assert any("without a valid xml:id" in m for _, m in messages)
    assert any("'jaures' is used twice" in m for _, m in messages)
    assert any("has no persName" in m for _, m in messages)
    assert any("<occupation> of person #extra is not read" in m for _, m in messages)
    assert all(line is not None and line >= 2 for line, _ in messages)


def test_a_broken_or_missing_register_is_a_problem_or_empty_never_an_exception(tmp_path):
    path = tmp_path / REGISTER_FILE
    path.write_text("<TEI><listPerson><person xml:id='x'>", encoding="utf-8")
    reg = read_register(path)
    assert not reg and "cannot be read" in str(reg.problems[0])
    path.write_text('<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>', encoding="utf-8")
    assert "cannot be read" in str(read_register(path).problems[0])
    assert not read_register(tmp_path / "absent.xml") and read_register(tmp_path / "absent.xml").problems == ()
    assert not Registers().persons


def test_a_person_is_copied_into_a_document_as_the_register_writes_it():
    reg = parse_register(etree.fromstring(register_xml(JAURES, LINDEN).encode()))
    e = person_element(reg.get("jaures"))
    assert e.get(XML_ID) == "jaures"
    names = e.findall(tei("persName"))
    assert [n.get("type") for n in names] == ["main", "variant", "variant"]
    assert etree.tostring(names[2], encoding="unicode").count('type="patronymic"') == 1
    assert e.find(tei("birth")).get("when") == "1859-09-03"
    linden = person_element(reg.get("linden")).find(tei("persName"))
    assert [c.tag.split("}")[1] for c in linden] == ["forename", "nameLink", "surname"]
    assert "".join(linden.itertext()) == "Marcel van der Linden"


def test_the_editions_register_is_valid_tei_and_every_person_has_a_main_name_and_sure_ids(tei_all):
    data = (SOURCES / REGISTER_FILE).read_bytes()
    assert tei_all.check_many({"persons.xml": data}) == {"persons.xml": []}
    reg = read_register(SOURCES / REGISTER_FILE)
    assert reg.problems == () and len(reg.persons) > 400
    assert all(p.name.type == "main" and p.name.surname or not p.name.surname for p in reg.persons)
    for p in reg.persons:
        for ident in p.identifiers:
            assert ident.type == "wikidata" and re.fullmatch(r"Q[1-9]\d*", ident.value), p.id
    # the register knows the persons these texts name most
    assert {"trotsky", "stalin", "lenin", "bukharin", "rakovsky", "cliff", "deutscher"} <= {p.id for p in reg.persons}


def test_registers_beside_a_source_read_its_persons():
    assert Registers.beside(SOURCES / "marot-trotsky-left-opposition.txt").persons.get("trotsky") is not None


# ------------------------------------------------------------------------------------------------
# the review: tei-edition persons


def edition(tmp_path: Path) -> Path:
    """A small edition of its own: a register and two texts in French and English."""
    (tmp_path / REGISTER_FILE).write_text(register_xml(
        JAURES,
        '<person xml:id="guesde"><persName type="main"><forename>Jules</forename> <surname>Guesde</surname></persName>'
        '<persName type="short"><surname>Guesde</surname></persName></person>',
        '<person xml:id="vaillant"><persName type="main"><forename>Édouard</forename> <surname>Vaillant</surname></persName></person>'),
        encoding="utf-8")
    (tmp_path / "a.txt").write_text(
        "Le congrès\n\nJean Jaurès répondit à Guesde. Puis Paul Lafargue et Louise Michel parlèrent ;\n"
        "Pierre Jaurès, son cousin, se tut.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The Congress\n\nGuesde and Rosa Luxemburg disagreed with Jaurès.\n",
                                    encoding="utf-8")
    return tmp_path


def test_the_review_lists_unknown_names_conflicts_and_unseen_persons_and_leaves_the_register(tmp_path):
    root = edition(tmp_path)
    before = (root / REGISTER_FILE).read_bytes()
    result = CliRunner().invoke(main, ["persons", str(root / "a.txt"), str(root / "b.txt"),
                                       "--candidates", str(root / "candidates.xml")])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "a: 2 mentions of 2 persons tagged" in out
    assert "not in the register: Paul Lafargue (1×, lines 3)" in out
    assert "not in the register: Louise Michel" in out and "not in the register: Rosa Luxemburg" in out
    assert "conflict, line 4: Pierre Jaurès (register: #jaures (Jean Jaurès))" in out
    assert "not mentioned in these sources: #vaillant (Édouard Vaillant)" in out
    assert (root / REGISTER_FILE).read_bytes() == before
    candidates = etree.parse(str(root / "candidates.xml"))
    ids = [p.get(XML_ID) for p in candidates.iter(tei("person"))]
    assert len(ids) == len(set(ids)) and "jaures" not in ids
    names = ["".join(p.find(tei("persName")).itertext()) for p in candidates.iter(tei("person"))]
    assert {"Paul Lafargue", "Louise Michel", "Rosa Luxemburg", "Pierre Jaurès"} <= set(names)
    lafargue = next(p for p in candidates.iter(tei("person")) if "Lafargue" in "".join(p.itertext()))
    assert lafargue.find(tei("persName")).find(tei("surname")).text == "Lafargue"


def test_the_candidates_file_is_valid_tei(tmp_path, tei_all):
    root = edition(tmp_path)
    CliRunner().invoke(main, ["persons", str(root / "a.txt"), "--candidates", str(root / "c.xml")])
    assert tei_all.check_many({"c.xml": (root / "c.xml").read_bytes()}) == {"c.xml": []}


def test_the_review_never_writes_over_the_register_and_names_bad_input_in_one_line(tmp_path):
    root = edition(tmp_path)
    before = (root / REGISTER_FILE).read_bytes()
    result = CliRunner().invoke(main, ["persons", str(root / "a.txt"), "--candidates", str(root / REGISTER_FILE)])
    assert result.exit_code != 0 and "is the register" in result.output
    assert (root / REGISTER_FILE).read_bytes() == before
    result = CliRunner().invoke(main, ["persons", str(root / "missing.txt")])
    assert result.exit_code != 0 and "no such source" in result.output and "Traceback" not in result.output


def test_a_broken_register_is_a_warning_of_the_review_not_a_traceback(tmp_path):
    root = edition(tmp_path)
    (root / REGISTER_FILE).write_text("<TEI><listPerson>", encoding="utf-8")
    result = CliRunner().invoke(main, ["persons", str(root / "a.txt")])
    assert result.exit_code == 0 and "register: warning: persons.xml" in result.output
    assert "Traceback" not in result.output


def test_the_candidates_file_is_written_as_tei_bytes(tmp_path):
    root = edition(tmp_path)
    CliRunner().invoke(main, ["persons", str(root / "b.txt"), "--candidates", str(root / "c.xml")])
    data = (root / "c.xml").read_bytes()
    assert data.startswith(b"<?xml") and to_bytes(etree.ElementTree(etree.fromstring(data))) == data


def test_a_part_outside_the_tei_namespace_is_reported_and_a_comment_passed_over():
    reg = parse_register(etree.fromstring(register_xml(
        '<person xml:id="ada"><!-- checked --><persName>Ada Lovelace</persName>'
        '<x:persName xmlns:x="urn:other">Ada King</x:persName></person>').encode()))
    assert [f.text for f in reg.get("ada").forms] == ["Ada Lovelace"]
    assert [p.message for p in reg.problems] == [
        "<persName> of person #ada is not read (a person holds birth, death, idno, note, persName)"]


def test_a_forms_names_and_parts_are_read_with_their_spaces_normalised_once_for_each_element():
    reg = parse_register(etree.fromstring(register_xml(
        '<person xml:id="ovseenko"><persName type="main"><forename>Vladimir\n   <hi>Aleksandrovich</hi></forename>'
        '  <surname>Antonov-\tOvseenko</surname></persName></person>').encode()))
    form = reg.get("ovseenko").name
    assert form.text == "Vladimir Aleksandrovich Antonov- Ovseenko"
    assert (form.forenames, form.surname) == (("Vladimir Aleksandrovich",), "Antonov- Ovseenko")
    assert [(p.tag, p.text) for p in form.parts] == [
        ("forename", "Vladimir Aleksandrovich"), (None, " "), ("surname", "Antonov- Ovseenko")]
