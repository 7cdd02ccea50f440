"""parsing/language.py: the document's language (declared, stated by the text, or detected offline)
and passages in another language."""
from __future__ import annotations

from tei_edition.api import convert
from tei_edition.report import Kind, Report

LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NS = {"t": "http://www.tei-c.org/ns/1.0"}

ITALIAN = ("Il mulino sorgeva sulla riva del fiume da molti secoli, e il mugnaio lo conduceva da solo, "
           "come già suo padre e suo nonno prima di lui. Parlava poco e lavorava molto, dalla mattina "
           "presto fino a sera, e nel villaggio nessuno sapeva davvero chi fosse.")
SPANISH = ("El molino estaba a la orilla del río desde hacía muchos siglos, y el molinero lo llevaba solo, "
           "como su padre y su abuelo antes que él. Hablaba poco y trabajaba mucho, desde muy temprano "
           "hasta la noche, y en el pueblo nadie sabía de verdad quién era aquel hombre.")


def converted(text: str, metadata: dict | None = None):
    report = Report()
    return convert(text, metadata, report).getroot(), report


def test_an_undeclared_language_is_detected_from_the_running_text_and_recorded():
    root, report = converted(f"Il mulino\n\n{ITALIAN}\n")
    assert root.find("t:text", NS).get(LANG) == "it"
    assert root.xpath("//t:langUsage/t:language/@ident", namespaces=NS) == ["it"]
    found = [e for e in report.entries if e.stage == "language"]
    assert [(e.kind, e.action) for e in found] == [(Kind.RECOGNITION, "document language: it (detected)")]


def test_a_declared_language_wins_and_a_text_plainly_in_another_is_a_warning():
    root, report = converted("El molino\n\n" + "\n\n".join([SPANISH] * 5) + "\n", {"language": "en"})
    assert root.find("t:text", NS).get(LANG) == "en"
    warnings = [e.action for e in report.entries if e.stage == "language" and e.kind is Kind.WARNING]
    assert warnings == ["the text reads as Spanish (es), but its metadata declares en"]


def test_a_metadata_file_declaring_the_default_language_is_a_declaration_too(tmp_path):
    from tei_edition.api import convert_file
    from tei_edition.metadata import Metadata
    source = tmp_path / "molino.txt"
    source.write_text("El molino\n\n" + "\n\n".join([SPANISH] * 5) + "\n", encoding="utf-8")
    (tmp_path / "molino.toml").write_text('language = "en"\n', encoding="utf-8")
    assert Metadata.for_source(source).language_declared
    result = convert_file(source)
    assert result.tree.getroot().find("t:text", NS).get(LANG) == "en"
    assert any(e.kind is Kind.WARNING for e in result.report.entries if e.stage == "language")
    (tmp_path / "molino.toml").write_text('title = "El molino"\n', encoding="utf-8")
    assert convert_file(source).tree.getroot().find("t:text", NS).get(LANG) == "es"


def test_a_long_passage_clearly_in_another_language_carries_its_own_language():
    root, _ = converted(f"Il mulino\n\n{ITALIAN}\n\n{SPANISH}\n\n{ITALIAN}\n", {"language": "it"})
    assert [p.get(LANG) for p in root.xpath("//t:body//t:p", namespaces=NS)] == [None, "es", None]
    assert root.xpath("//t:langUsage/t:language/@ident", namespaces=NS) == ["it", "es"]


ENGLISH = ("The mill had stood on the bank of the river for many centuries, and the miller ran it alone, "
           "as his father and his grandfather had done before him. He spoke little and worked hard, from "
           "early in the morning until the evening, and in the village nobody really knew who he was.")
GERMAN = ("Die Mühle stand seit vielen Jahrhunderten am Ufer des Flusses, und der Müller führte sie allein, "
          "wie es schon sein Vater und sein Großvater vor ihm getan hatten. Er sprach wenig und arbeitete "
          "viel, vom frühen Morgen bis zum Abend, und im Dorf wusste niemand, wer er eigentlich war.")


def test_a_passage_plainly_in_a_language_is_told_by_its_marker_words():
    from tei_edition.parsing.language import reads_as
    assert reads_as(ENGLISH, "en") and reads_as(GERMAN, "de") and reads_as(SPANISH, "es")
    assert not reads_as(GERMAN, "en") and not reads_as(ENGLISH, "de") and not reads_as(SPANISH, "it")
    # half and half: neither language's plainly, so the identifier decides
    assert not reads_as(ENGLISH + " " + GERMAN, "en")
    assert not reads_as("The mill.", "en")                      # too few words to weigh
    assert not reads_as(ENGLISH, "fi")                          # a language without markers


DUTCH = ("De molen stond al eeuwenlang aan de oever van de rivier, en de molenaar dreef hem alleen, "
         "zoals zijn vader en zijn grootvader voor hem hadden gedaan. Hij sprak weinig en werkte hard, van "
         "de vroege ochtend tot de avond, en in het dorp wist niemand wie hij eigenlijk was.")


def test_an_undeclared_text_plainly_in_a_marked_language_is_told_without_the_identifier(monkeypatch):
    from tei_edition.parsing import language
    asked: list[str] = []
    real = language.identify
    monkeypatch.setattr(language, "identify", lambda text: asked.append(text) or real(text))
    for text, code, name in ((GERMAN, "de", "German"), (SPANISH, "es", "Spanish"), (ENGLISH, "en", "English")):
        root, report = converted(f"Titel\n\n{text}\n\n{text}\n")
        assert root.find("t:text", NS).get(LANG) == code
        found = [(e.action, e.detail) for e in report.entries if e.stage == "language"]
        assert found == [(f"document language: {code} (detected)", f"{name}, by its marker words")]
    assert asked == []
    # a language without markers, and a mixture plainly in neither, are still the identifier's to tell
    root, report = converted(f"De molen\n\n{DUTCH}\n\n{DUTCH}\n")
    assert root.find("t:text", NS).get(LANG) == "nl" and asked[0].startswith("De molen stond")
    assert [e.detail for e in report.entries if e.stage == "language"][0].startswith("Dutch, probability")
    assert language.plain_language(ENGLISH + " " + GERMAN) is None
    assert language.plain_language(ENGLISH) == "en" and language.plain_language("The mill.") is None


def test_no_marker_word_is_listed_for_two_languages():
    from tei_edition import data
    seen: dict[str, str] = {}
    for code, words in (row[:2] for row in data.table("language_markers.tsv")):
        for word in words.split():
            assert seen.setdefault(word, code) == code, (word, seen[word], code)
    assert {"en", "de", "fr", "es", "it"} <= set(seen.values())


def test_the_identifier_is_not_asked_when_every_passage_reads_as_the_declared_language(monkeypatch):
    from tei_edition.parsing import language
    asked: list[str] = []
    real = language.identify
    monkeypatch.setattr(language, "identify", lambda text: asked.append(text) or real(text))
    root, _ = converted("The mill\n\n" + "\n\n".join([ENGLISH] * 3) + "\n", {"language": "en"})
    assert asked == [] and root.find("t:text", NS).get(LANG) == "en"
    root, _ = converted(f"The mill\n\n{ENGLISH}\n\n{GERMAN}\n\n{ENGLISH}\n", {"language": "en"})
    assert asked and all("Mühle" in text for text in asked)       # only the German passage is asked about
    assert [p.get(LANG) for p in root.xpath("//t:body//t:p", namespaces=NS)] == [None, "de", None]


# notes and lists crowded with names, titles and numbers: few marker words, none of another language
FRENCH_NOTE = ("Voir Jean-Baptiste Durand, Histoire des fonderies de Lorraine, Nancy, Berger-Levrault, 1931, "
               "p. 212-219, pour les années 1890-1914 ; Hans Keller, Die Hütten an der Saar, Saarbrücken, 1929 ; "
               "Marcel Quinet, Les Forges de Pompey, Metz, Éditions Paul Even, 1954, p. 33 ; et Hélène "
               "Marchal dans la Revue lorraine populaire, no 14, 1977.")
ENGLISH_LIST = ("K. Olsen – Norwegian Labour Party (Arbeiderpartiet) P. Lindqvist – Swedish Social Democrats "
                "T. Hansen – Danish Communist Party (DKP) J. Korhonen – Finnish Workers of the North A. Berg – "
                "Icelandic Socialist Union B. Nilsen – Trade Union Federation (LO), 1934.")


def test_a_passage_crowded_with_names_but_only_the_document_s_marker_words_reads_as_its_language():
    from tei_edition.parsing.language import reads_as
    assert reads_as(FRENCH_NOTE, "fr") and reads_as(ENGLISH_LIST + " The list was sent to the secretariat.", "en")
    assert not reads_as(FRENCH_NOTE, "en") and not reads_as(FRENCH_NOTE, "it")
    # a German name among them does not weigh against a clear majority of the document's markers…
    named = ENGLISH + " The paper Die Rote Fahne and the journal of the union were banned from that day on."
    assert reads_as(named, "en")
    # …but a real passage in another language keeps the identifier's judgement
    assert not reads_as(ITALIAN, "es") and not reads_as(GERMAN + " " + ENGLISH, "en")


def test_notes_crowded_with_names_are_not_sent_to_the_identifier(monkeypatch):
    from tei_edition.parsing import language
    asked: list[str] = []
    real = language.identify
    monkeypatch.setattr(language, "identify", lambda text: asked.append(text) or real(text))
    text = (f"La fonderie\n\n{'Le four était éteint depuis des années, mais les ouvriers revenaient '}"
            f"chaque matin devant la porte pour voir si quelque chose avait changé dans la cour.[1]\n\n"
            f"Notes\n\n[1] {FRENCH_NOTE}\n")
    root, _ = converted(text, {"language": "fr"})
    assert asked == [] and root.xpath("//t:note", namespaces=NS) and not root.xpath("//t:note/@xml:lang", namespaces=NS)
