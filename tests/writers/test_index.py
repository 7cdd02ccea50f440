"""writers/index.py: the index of persons from the listPerson and the pages the layout set the
mentions on: surname first, ranges, pages named only in notes, see-references, accents folded."""
from __future__ import annotations

from lxml import etree

from tei_edition.writers.index import Placed, index_entries, index_html, page_groups, persons_of

TEI = "http://www.tei-c.org/ns/1.0"

PERSONS = f"""<TEI xmlns="{TEI}"><teiHeader/><text><body><p/></body></text><standOff><listPerson>
  <person xml:id="eco"><persName type="main"><forename>Umberto</forename> <surname>Eco</surname></persName>
    <birth when="1932"/><death when="2016"/></person>
  <person xml:id="oelsner"><persName type="main"><forename>Fritz</forename> <surname>Ölsner</surname></persName></person>
  <person xml:id="nin"><persName type="main"><forename>Andreu</forename> <surname>Nin</surname></persName>
    <persName type="variant"><forename>Andrés</forename> <surname>Nin</surname></persName>
    <persName type="birth"><forename>Andreu</forename> <surname>Pérez</surname></persName></person>
  <person xml:id="beauvoir"><persName type="main"><forename>Simone</forename> <nameLink>de</nameLink> <surname>Beauvoir</surname></persName></person>
</listPerson></standOff></TEI>"""


def maker(tag, cls=None, **attrs):
    e = etree.Element(tag)
    if cls:
        e.set("class", cls)
    return e


def placed(ref: str, *pages: int, note: bool = False) -> list[Placed]:
    return [Placed(ref, p, str(p), note, f"{ref}-{p}") for p in pages]


def test_entries_are_sorted_without_accents_with_ranges_and_note_pages():
    persons = persons_of(etree.fromstring(PERSONS))
    mentions = placed("oelsner", 7) + placed("eco", 3, 4, 5, 9, 4) + placed("eco", 12, note=True) + \
        placed("nin", 2) + placed("beauvoir", 30)
    entries = index_entries(persons, mentions)
    assert [e.person.ident for e in entries] == ["beauvoir", "eco", "nin", "oelsner"]
    paragraphs = index_html(entries, maker, "n", "siehe")
    text = ["".join(p.itertext()) for p in paragraphs]
    assert "Eco, Umberto (1932\u20132016), 3\u20135, 9, 12n" in text
    assert "Beauvoir, Simone de, 30" in text
    assert "Ölsner, Fritz, 7" in text                       # under O, beside the others
    assert "Pérez, Andreu, siehe Nin, Andreu" in text         # a birth name: a see-reference
    assert not any(t.startswith("Nin, Andrés") for t in text)  # a variant with the same surname is not
    letters = [t for t, p in zip(text, paragraphs) if p.get("class") == "ix-letter"]
    assert letters == ["B", "E", "N", "O", "P"]
    links = [a.get("href") for p in paragraphs for a in p.iter("a")]
    assert "#eco-3" in links and "#eco-5" in links


def test_a_page_named_only_in_notes_never_joins_a_range():
    groups = page_groups([ref for ref in index_entries(
        persons_of(etree.fromstring(PERSONS)), placed("eco", 3, 4) + placed("eco", 5, note=True))[0].pages])
    assert [[p.label for p in g] for g in groups] == [["3", "4"], ["5"]]


def test_a_capital_particle_stays_with_the_surname_and_a_form_differing_only_in_accents_is_no_see_reference():
    root = etree.fromstring(f"""<TEI xmlns="{TEI}"><standOff><listPerson>
      <person xml:id="leblanc"><persName type="main"><forename>Paul</forename> <nameLink>Le</nameLink> <surname>Blanc</surname></persName></person>
      <person xml:id="broue"><persName type="main"><forename>Pierre</forename> <surname>Broué</surname></persName>
        <persName type="variant"><forename>Pierre</forename> <surname>Broue</surname></persName></person>
    </listPerson></standOff></TEI>""")
    persons = persons_of(root)
    entries = index_entries(persons, placed("leblanc", 4) + placed("broue", 9))
    text = ["".join(p.itertext()) for p in index_html(entries, maker, "n", "voir")]
    assert text == ["B", "Broué, Pierre, 9", "L", "Le Blanc, Paul, 4"]
