"""reading/decode.py: the bytes users bring → clean text, or an InputError with its reason."""
from __future__ import annotations

import pytest

from tei_edition.errors import InputError
from tei_edition.reading.decode import decode
from tei_edition.report import Kind, Report


def decoded(data: bytes) -> tuple[str, list]:
    report = Report()
    text = decode(data, report.for_stage("decode"))
    return text, report.entries


def test_clean_utf8_text_comes_back_unchanged_without_entries():
    source = "Größe und Maß\nçà et là, ¿qué?\n"
    text, found = decoded(source.encode("utf-8"))
    assert text == source
    assert found == []


def test_byte_order_mark_is_removed_and_reported_on_line_1():
    text, found = decoded(b"\xef\xbb\xbf" + "Über den Fluss\nzweite Zeile\n".encode("utf-8"))
    assert text == "Über den Fluss\nzweite Zeile\n"
    assert [(e.stage, e.kind, e.action, e.line) for e in found] == [
        ("decode", Kind.REPAIR, "removed byte-order mark", 1)]


def test_crlf_line_ends_are_reported_at_the_line_of_the_first_cr():
    # lines 1 and 2 end in LF; the first CR stands at the end of line 3
    text, found = decoded(b"uno\ndue\ntre\r\nquattro\r\ncinque")
    assert text == "uno\ndue\ntre\nquattro\ncinque"
    assert [(e.kind, e.action, e.line, e.detail) for e in found] == [
        (Kind.REPAIR, "normalised line ends to LF", 3, "2 CRLF")]


def test_lone_cr_line_ends_become_lf_and_are_reported_as_cr():
    text, found = decoded(b"premier\rdeuxi\xc3\xa8me\rtroisi\xc3\xa8me")
    assert text == "premier\ndeuxième\ntroisième"
    assert [(e.action, e.line, e.detail) for e in found] == [("normalised line ends to LF", 1, "CR")]


def test_cp1252_bytes_are_read_with_a_warning_at_the_line_of_the_first_bad_byte():
    data = "Erste Zeile.\nDer Wirt sagte: \u201eNoch ein Bier\u201c \u2013 und ging.\n".encode("cp1252")
    text, found = decoded(data)
    assert text == "Erste Zeile.\nDer Wirt sagte: \u201eNoch ein Bier\u201c \u2013 und ging.\n"
    assert [(e.kind, e.action, e.line) for e in found] == [
        (Kind.WARNING, "source is not UTF-8; read as Windows-1252", 2)]
    assert found[0].detail == "first undecodable byte at offset 29"


def test_bytes_undefined_in_cp1252_fall_back_to_latin1_and_lose_their_c1_controls():
    # 0x81 and 0x8d have no cp1252 character: latin-1 reads them as C1 controls, which go
    text, found = decoded(b"una\ndos\n\x81tres caf\xe9\x8d")
    assert text == "una\ndos\ntres café"
    assert [(e.kind, e.action, e.line) for e in found] == [
        (Kind.WARNING, "source is not UTF-8; read as Latin-1", 3),
        (Kind.WARNING, "removed control characters", 3)]
    assert found[1].detail == "2 characters"


def test_a_form_feed_is_kept_as_the_mark_of_a_new_page_reported_at_its_line():
    # kept for split_lines, which takes it off the text and records the page (a pb in the tree)
    text, found = decoded(b"Seite eins endet hier.\nLetzte Zeile.\x0cSeite zwei beginnt.\n")
    assert text == "Seite eins endet hier.\nLetzte Zeile.\x0cSeite zwei beginnt.\n"
    assert [(e.kind, e.action, e.line, e.detail) for e in found] == [
        (Kind.RECOGNITION, "form feeds mark where pages begin", 2, "1 form feeds")]


def test_control_characters_are_removed_with_a_warning_at_the_first_one():
    data = b"La prima riga e abbastanza lunga.\nLa seconda\x07 riga ha un\x1b carattere.\n"
    text, found = decoded(data)
    assert text == "La prima riga e abbastanza lunga.\nLa seconda riga ha un carattere.\n"
    assert [(e.kind, e.action, e.line, e.detail) for e in found] == [
        (Kind.WARNING, "removed control characters", 2, "2 characters")]


def test_decomposed_accents_are_composed_to_nfc():
    text, _ = decoded("Cafe\u0301 in Ko\u0308ln, man\u0303ana\n".encode("utf-8"))
    assert text == "Café in Köln, mañana\n"
    assert len(text) == 21


def test_no_break_spaces_become_spaces_reported_at_the_first():
    text, found = decoded("Zeile eins\nZeile zwei\nS.\u00a012 und S.\u00a014\n".encode("utf-8"))
    assert text == "Zeile eins\nZeile zwei\nS. 12 und S. 14\n"
    assert "\u00a0" not in text
    assert [(e.kind, e.action, e.line, e.detail) for e in found] == [
        (Kind.REPAIR, "turned no-break spaces into spaces", 3, "2 characters")]


@pytest.mark.parametrize("data, reason", [
    (b"", "the source is empty"),
    (b" \n\t\n\n", "the source is empty"),
    (b"PK\x03\x04\x00\x00binary", "not text"),
    (b"\x1b\x1b\x1b\x1b\x1bab", "not text"),
    ("\u00a0\u00a0\n".encode("utf-8"), "holds no text"),
])
def test_empty_binary_or_blank_input_is_refused_with_a_reason(data, reason):
    with pytest.raises(InputError, match=reason):
        decoded(data)


def test_an_undecodable_byte_is_reported_at_its_line_whatever_the_line_ends():
    for sep in (b"\r", b"\n", b"\r\n"):
        report = Report()
        decode(sep.join([b"eins", b"zwei", b"drei caf\xe9"]), report.for_stage("decode"))
        warnings = [e for e in report.entries if e.kind == Kind.WARNING]
        assert [e.line for e in warnings] == [3], sep


def test_bytes_crowded_with_control_characters_are_binary_and_tabs_line_ends_and_form_feeds_are_not():
    from tei_edition.reading.decode import _looks_binary
    words = b"Ein Absatz mit Worten, der endet.\n"
    assert not _looks_binary(words * 50)
    assert not _looks_binary(b"\tcol\tcol\r\n\x0c" * 200)            # tab, CR, LF, form feed: text
    assert _looks_binary(words * 10 + b"\x1b\x01\x02\x1f" * 40)      # 160 of 500 bytes: escapes and controls
    assert not _looks_binary(words * 100 + b"\x1b[0m" * 5)           # a few escapes in a long text
