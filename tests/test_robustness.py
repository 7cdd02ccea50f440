"""Robustness: empty, binary, badly encoded, hostile, malformed and huge sources.

Every case goes through the library API (`tei_edition.api.convert_bytes`, and `tei_edition.convert`
where the input is a str) and through the command line in a real process (`tei-edition convert`
and `tei-edition build`), so that a traceback would show on stderr. The promises checked in every
case (README "Command line", ../shared/CONTRACT.md):

- input that cannot be converted: `InputError` from the API; from the CLI a non-zero exit code,
  one line on stderr giving the reason, no traceback and no output file;
- anything else converts: exit code 0, a TEI document valid against the project schema and the
  integrity rules (`tei_edition.validation`), the same bytes from the API and from both commands;
- an interrupted write never leaves a partial output file, and leaves an earlier one untouched.
"""
from __future__ import annotations

import builtins
import errno
import importlib.util
import io
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from lxml import etree

import tei_edition
from tei_edition.api import convert_bytes
from tei_edition.errors import InputError
from tei_edition.edition import MANIFEST
from tei_edition.report import Report
from tei_edition.writers.tei import to_bytes

ROOT = Path(__file__).resolve().parent.parent
TEI = "{http://www.tei-c.org/ns/1.0}"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


# ------------------------------------------------------------------------------------------------
# helpers
# ------------------------------------------------------------------------------------------------

def run_cli(*args: str, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """`tei-edition ARGS` in its own process, as a user runs it."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "tei_edition.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=timeout)


def no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert "Traceback" not in proc.stdout, proc.stdout[-3000:]


def problems_of(data: bytes) -> list[str]:
    from tei_edition.validation import validate_bytes
    return [str(p) for p in validate_bytes(data, "S.xml")]


def assert_valid(data: bytes) -> None:
    problems = problems_of(data)
    assert problems == [], "\n".join(problems[:20])


def text_element(data: bytes) -> etree._Element:
    root = etree.fromstring(data)
    text = root.find("t:text", NS)
    assert text is not None
    return text


def running_text(data: bytes) -> str:
    """The characters of <text> without the notes (what a reader reads in the running text)."""
    text = text_element(data)
    parts: list[str] = []

    def walk(e: etree._Element) -> None:
        if e.tag == f"{TEI}note":
            return
        parts.append(e.text or "")
        for child in e:
            walk(child)
            parts.append(child.tail or "")

    walk(text)
    return "".join(parts)


def all_text(data: bytes) -> str:
    return "".join(text_element(data).itertext())


def notes(data: bytes) -> list[etree._Element]:
    return text_element(data).findall(".//t:note", NS)


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


class Converted:
    """One source converted through the API and through both commands."""

    def __init__(self, data: bytes, result, xml: bytes) -> None:
        self.data = data
        self.result = result
        self.report: Report = result.report
        self.xml = xml

    def entries(self, *kinds: str):
        return [e for e in self.report.entries if e.kind in kinds]

    def says(self, kinds: tuple[str, ...], pattern: str) -> bool:
        rx = re.compile(pattern, re.I)
        return any(rx.search(f"{e.action} {e.detail}") for e in self.entries(*kinds))


def converts(tmp_path: Path, data: bytes) -> Converted:
    """Convert `data` through the API and the CLI; check what every convertible input must give."""
    result = convert_bytes(data, None, "S.txt")
    xml = to_bytes(result.tree)
    assert xml.startswith(b"<?xml"), xml[:100]

    src = tmp_path / "S.txt"
    src.write_bytes(data)
    proc = run_cli("convert", "S.txt", "-o", "converted/S.xml", cwd=tmp_path)
    no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "converted" / "S.xml").read_bytes() == xml

    proc = run_cli("build", "S.txt", "--out", "built", "--formats", "tei", cwd=tmp_path)
    no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    built = tmp_path / "built"
    assert (built / "S.xml").read_bytes() == xml
    assert (built / "S.report.json").is_file()
    assert [p.name for p in built.iterdir() if p.name.startswith(".")] == [MANIFEST], "temporary files left"
    assert_valid(xml)
    return Converted(data, result, xml)


def refused(tmp_path: Path, data: bytes, reason: str) -> None:
    """`data` cannot be converted: InputError from the API, a one-line reason from the CLI."""
    with pytest.raises(InputError) as caught:
        convert_bytes(data, None, "S.txt")
    message = str(caught.value)
    assert message and "\n" not in message
    assert re.search(reason, message, re.I), message

    src = tmp_path / "S.txt"
    src.write_bytes(data)
    out = tmp_path / "out"
    proc = run_cli("convert", "S.txt", "-o", "out/S.xml", cwd=tmp_path)
    no_traceback(proc)
    assert proc.returncode != 0
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    assert re.search(reason, lines[0], re.I), lines[0]
    assert proc.stdout == ""
    assert listing(out) == {}, "convert left an output for an unconvertible source"

    proc = run_cli("build", "S.txt", "--out", "out", "--formats", "tei", cwd=tmp_path)
    no_traceback(proc)
    assert proc.returncode != 0
    # build shows progress on stderr too; the reason for S.txt is one line, given once
    reasons = [ln for ln in proc.stderr.splitlines() if "S.txt" in ln and re.search(reason, ln, re.I)]
    assert len(reasons) == 1, proc.stderr
    assert listing(out) == {}, "build left an output for an unconvertible source"


PARAGRAPH = ("The Left Opposition argued for a planned industrialisation financed by a tax on the "
             "richer peasants, and for the restoration of democracy inside the party.")


def essay(*paragraphs: str, title: str = "A Short Essay on Robust Conversion") -> str:
    return "\n\n".join([title, *paragraphs]) + "\n"


# ------------------------------------------------------------------------------------------------
# sources that cannot be converted
# ------------------------------------------------------------------------------------------------

def test_empty_file(tmp_path):
    refused(tmp_path, b"", "empty")
    with pytest.raises(InputError):
        tei_edition.convert("")


def test_whitespace_only_file(tmp_path):
    refused(tmp_path, b"  \n\t\n\r\n   \n\n", "empty|no text")
    with pytest.raises(InputError):
        tei_edition.convert(" \n\t \n")


def test_png_file(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00" + bytes(range(256)) * 8
    refused(tmp_path, png, "not text|binary")


def test_bytes_with_nul_are_binary(tmp_path):
    data = b"A Title\n\nSome text\x00\x00\x00with NUL bytes\x00 in it, as in a binary file.\n" * 20
    refused(tmp_path, data, "not text|binary")


def test_utf16_file_is_refused_plainly(tmp_path):
    # UTF-16 is full of NUL bytes; the reason must still be one plain line
    refused(tmp_path, essay(PARAGRAPH).encode("utf-16"), "not text|binary|utf-16")


# ------------------------------------------------------------------------------------------------
# encodings
# ------------------------------------------------------------------------------------------------

def test_invalid_utf8_valid_cp1252_converts_with_a_warning(tmp_path):
    text = essay("The caf\u00e9 on the corner served the exiles of 1929; \u201cwe met there\u201d, he wrote.",
                 PARAGRAPH)
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    c = converts(tmp_path, data)
    assert c.says(("warning",), r"windows-1252|cp1252"), c.report.entries
    body = all_text(c.xml)
    assert "café" in body
    assert b'rend="double">we met there<' in c.xml     # curly marks decoded (not "double straight")


def test_bytes_invalid_in_cp1252_fall_back_to_latin1(tmp_path):
    data = essay("A stray byte \x81 stands in this paragraph, which is otherwise quite ordinary text.",
                 PARAGRAPH).encode("latin-1")
    with pytest.raises(UnicodeDecodeError):
        data.decode("cp1252")
    c = converts(tmp_path, data)
    assert c.says(("warning",), r"latin-1|iso-8859-1"), c.report.entries
    assert "stray byte" in all_text(c.xml)
    assert "\x81" not in c.xml.decode("utf-8")


def test_cp1252_curly_quotes_and_dashes(tmp_path):
    para = ("He called it \u201cthe professional dangers of power\u201d \u2013 and Rakovsky\u2019s "
            "\u2018letter\u2019 said so\u2026 \u2014 in 1928.")
    data = essay(para, PARAGRAPH).encode("cp1252")
    assert b"\x93" in data and b"\x92" in data
    c = converts(tmp_path, data)
    body = all_text(c.xml)
    for piece in ("Rakovsky\u2019s", "\u2013", "\u2014", "\u2026"):
        assert piece in body, piece
    # the quotation marks, curly as decoded, are in the quotations' @rend
    for piece in (b'rend="double">the professional dangers of power<', b'rend="single">letter<'):
        assert piece in c.xml, piece
    # none of the cp1252 bytes was read as a C1 control or as Latin-1
    assert not re.search("[\x80-\x9f]", body)


def test_bom_and_crlf(tmp_path):
    paragraphs = [PARAGRAPH, PARAGRAPH.replace("richer", "poorer").replace("restoration", "return"),
                  "The first paragraph is hard-wrapped like the others, over several lines of the source, "
                  "which the tool joins again into one paragraph."]
    text = essay(*("\n".join(textwrap.wrap(p, 60)) for p in paragraphs), title="Title After A Byte Order Mark")
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    c = converts(tmp_path, data)
    xml = c.xml.decode("utf-8")
    assert "\ufeff" not in xml
    assert "\r" not in xml and "&#13;" not in xml
    body = " ".join(all_text(c.xml).split())
    for p in paragraphs:
        assert p in body
    title = etree.fromstring(c.xml).find(".//t:titleStmt/t:title", NS)
    assert title is not None and title.text == "Title After A Byte Order Mark"
    # the same text without BOM and CRLF gives the same <text> (the header declares the repairs)
    plain = to_bytes(convert_bytes(text.encode("utf-8"), None, "S.txt").tree)
    assert etree.tostring(text_element(plain)) == etree.tostring(text_element(c.xml))


# ------------------------------------------------------------------------------------------------
# characters that are special in XML, and control characters
# ------------------------------------------------------------------------------------------------

def test_xml_special_characters_are_escaped(tmp_path):
    para = "If a < b && c > d, then ]]> ends no CDATA section here; &amp; and &#38; stay literal text."
    c = converts(tmp_path, essay(para, PARAGRAPH).encode("utf-8"))
    assert para in all_text(c.xml)
    assert b"]]&gt;" in c.xml or b"]]>" not in c.xml.split(b"<text", 1)[1]


def test_markup_written_as_text_stays_text(tmp_path):
    para = ("In the HTML export the tag <note> opens a note and the tag </p> closes a paragraph; "
            "neither is markup in this essay.")
    c = converts(tmp_path, essay(para, PARAGRAPH).encode("utf-8"))
    assert notes(c.xml) == []
    assert b"&lt;note&gt;" in c.xml
    body = all_text(c.xml)
    assert "the tag <note> opens a note" in body
    # '</p>' is text here too; dropping it as HTML residue is allowed only if declared
    assert "the tag </p> closes" in body or c.says(("repair", "warning"), r"artifact.*</p>|</p>")


def test_control_characters_are_removed_with_a_warning(tmp_path):
    para = "A bell\x07 rang and an escape\x1b[0m sequence followed, with a\x0b vertical tab."
    c = converts(tmp_path, essay(para, PARAGRAPH).encode("utf-8"))
    xml = c.xml.decode("utf-8")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", xml)
    assert "bell rang" in all_text(c.xml)
    assert c.says(("warning", "repair"), "control")


def test_control_characters_in_a_str(tmp_path):
    report = Report()
    tree = tei_edition.convert(essay(PARAGRAPH, "A bell\x07 and an escape\x1b stand in this str, "
                                           "and the tool removes both of them."), {}, report)
    xml = to_bytes(tree)
    assert_valid(xml)
    assert not re.search(b"[\x00-\x08\x0b\x0c\x0e-\x1f]", xml)


def test_nul_inside_text_is_refused_or_removed(tmp_path):
    text = essay("Some text with a NUL\x00 character inside a word.", PARAGRAPH)
    try:
        tree = tei_edition.convert(text)
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        xml = to_bytes(tree)
        assert b"\x00" not in xml and b"&#0;" not in xml
        assert_valid(xml)
    data = text.encode("utf-8")
    try:
        convert_bytes(data)
    except InputError:
        refused(tmp_path, data, ".")
    else:
        c = converts(tmp_path, data)
        assert b"\x00" not in c.xml


# ------------------------------------------------------------------------------------------------
# structure: none, or broken
# ------------------------------------------------------------------------------------------------

def test_no_notes(tmp_path):
    text = essay("1. The Beginning", PARAGRAPH, "2. The End", PARAGRAPH.replace("richer", "poorer"))
    c = converts(tmp_path, text.encode("utf-8"))
    assert notes(c.xml) == []
    assert len(text_element(c.xml).findall(".//t:head", NS)) == 2


def test_no_headings(tmp_path):
    text = "\n\n".join(PARAGRAPH.replace("party", f"party ({i})") for i in range(1, 6)) + "\n"
    c = converts(tmp_path, text.encode("utf-8"))
    body = text_element(c.xml).find("t:body", NS)
    assert body is not None and body.find(".//t:p", NS) is not None
    for i in range(1, 6):
        assert f"party ({i})" in all_text(c.xml)


def test_one_line_source(tmp_path):
    c = converts(tmp_path, b"word")
    assert "word" in all_text(c.xml)


def test_short_lines_after_the_title(tmp_path):
    # short lines that are neither title, byline nor credits, then prose: wherever the tool puts
    # them (front or body), every div it makes opens with <head> (integrity rule div-head)
    text = essay("An opening remark.", "Moscow, 1928", PARAGRAPH, PARAGRAPH.replace("richer", "poorer"))
    c = converts(tmp_path, text.encode("utf-8"))
    body = all_text(c.xml)
    assert "An opening remark." in body and "Moscow, 1928" in body


def test_note_texts_without_calls(tmp_path):
    text = essay(PARAGRAPH, "A second paragraph that calls no note at all and ends here.",
                 "Notes", "1 The first note text, never called.", "2 The second note text.",
                 "3 The third note text.")
    c = converts(tmp_path, text.encode("utf-8"))
    assert c.entries("warning", "doubt"), "uncalled notes must be reported"
    found = notes(c.xml)
    body = all_text(c.xml)
    for words in ("first note text, never called", "second note text", "third note text"):
        assert words in body, f"note text lost: {words}"
    # kept as notes, they are marked unanchored (CONTRACT: nothing dropped, anchored="false")
    for n in found:
        if "note text" in "".join(n.itertext()):
            assert n.get("anchored") == "false"


def test_calls_without_note_texts(tmp_path):
    text = essay("The first claim of this paragraph.[1] And a second one[2] here.",
                 "A third claim closes the essay.[3]")
    c = converts(tmp_path, text.encode("utf-8"))
    assert c.entries("warning", "doubt"), "calls without note texts must be reported"
    found = notes(c.xml)
    assert sorted(n.get("n") for n in found) == ["1", "2", "3"]
    for n in found:
        assert n.find("t:gap", NS) is not None and n.find("t:gap", NS).get("reason") == "missing"
    assert "[1]" not in running_text(c.xml)


def test_page_foot_notes_between_short_paragraphs(tmp_path):
    # page-foot note texts stand after the paragraph of their call, up to the end of the source:
    # the paragraph between them is running text, and each note text is encoded once
    text = essay("1. The Turn", "Stalin turned left in 1928.\u00b9", "\u00b9 Cliff 1993, p. 102.",
                 "The grain crisis came first.\u00b2 The deportations followed in the next winter, "
                 "and the capitulations after them.", "\u00b2 Deutscher 1959, p. 404.",
                 title="Essays on the Opposition")
    c = converts(tmp_path, text.encode("utf-8"))
    assert "The grain crisis came first." in running_text(c.xml), "a body paragraph went into a note"
    found = notes(c.xml)
    assert sorted(n.get("n") for n in found) == ["1", "2"]
    assert all(n.get("anchored") != "false" for n in found)
    assert all_text(c.xml).count("Deutscher 1959") == 1


def test_page_foot_numbering_restarting_in_a_later_chapter(tmp_path):
    # footnotes numbered from 1 again in chapter 2, as in many books
    text = essay("1. The First Chapter", PARAGRAPH + "\u00b9", "\u00b9 Cliff 1993, p. 102.",
                 PARAGRAPH.replace("richer", "poorer") + "\u00b2", "\u00b2 Deutscher 1959, p. 404.",
                 "2. The Second Chapter", PARAGRAPH.replace("party", "state") + "\u00b9",
                 "\u00b9 Serge 1951, p. 3.", PARAGRAPH.replace("party", "country"),
                 title="A Book of Footnotes")
    c = converts(tmp_path, text.encode("utf-8"))
    assert "Serge 1951" not in running_text(c.xml), "the chapter 2 note text was left in the body"
    serge = [n for n in notes(c.xml) if "Serge 1951" in "".join(n.itertext())]
    assert len(serge) == 1 and serge[0].get("n") == "1"
    assert not [n for n in notes(c.xml) if n.find("t:gap", NS) is not None]


def test_note_label_without_text(tmp_path):
    text = essay("A paragraph with a call.\u00b9 It goes on after the call.", "\u00b9",
                 "[2]", "2.", "The essay ends with this last paragraph.")
    c = converts(tmp_path, text.encode("utf-8"))
    assert "It goes on after the call" in all_text(c.xml)
    assert "last paragraph" in all_text(c.xml)


@pytest.mark.parametrize("source", ["\u00b9 A note and nothing else.", "1. A note and nothing else.",
                                    "[1] A note and nothing else.", "\u00b20", "[1]"])
def test_source_that_is_only_a_note(tmp_path, source):
    c = converts(tmp_path, source.encode("utf-8"))
    words = re.findall(r"[^\W\d_]+", source)
    assert all(w in all_text(c.xml) for w in words)


def test_unclosed_bracket(tmp_path):
    text = essay("See [1 for the details, and [ another unclosed bracket, and [Footnote 3: never closed.",
                 PARAGRAPH, "[")
    c = converts(tmp_path, text.encode("utf-8"))
    body = all_text(c.xml)
    assert "for the details" in body and "another unclosed bracket" in body and "never closed" in body


def test_superscript_alone_on_a_line(tmp_path):
    text = essay("The first paragraph carries a call.\u00b9 Then it goes on.", "\u00b9",
                 "\u00b2", "The second paragraph is plain.", "\u00b9 The note text of the call.")
    c = converts(tmp_path, text.encode("utf-8"))
    assert "Then it goes on" in all_text(c.xml)
    # the lone labels may stay as text or become notes; the real call is still paired with its text
    assert "carries a call.\u00b9" not in running_text(c.xml)
    assert any("The note text of the call" in "".join(n.itertext()) for n in notes(c.xml))


def test_contents_list_of_punctuation(tmp_path):
    # a 'Contents' line followed by entries that are only punctuation (found by test_properties)
    c = converts(tmp_path, "A Title\nContents\n[\n[\nNotes\nA Title\n".encode("utf-8"))
    assert "A Title" in " ".join(etree.fromstring(c.xml).itertext())


def test_junk_markup_lines(tmp_path):
    text = essay("</br/>", "<br>", PARAGRAPH + " </br/>", "<div><span>", "[b]Bold[/b] text ends.")
    c = converts(tmp_path, text.encode("utf-8"))
    assert "richer peasants" in all_text(c.xml)


def test_hyphen_at_a_line_end_in_a_paragraph_per_line_source(tmp_path):
    # most paragraphs are one long line; one is hard-wrapped inside a word: 'poli-' / 'tical'
    long = PARAGRAPH + " It was, in the words of its critics, a programme without a party behind it."
    text = essay(long, "The bureaucracy was not a mere instrument of the peasantry; its poli-\n"
                       "tical interests were its own, which the debates of the time rarely named.",
                 long.replace("richer", "poorer"))
    c = converts(tmp_path, text.encode("utf-8"))
    paragraphs = [" ".join("".join(p.itertext()).split()) for p in text_element(c.xml).iterfind(".//t:p", NS)]
    assert any(re.search(r"its poli-?tical interests", p) for p in paragraphs), paragraphs


def test_closing_lines_that_name_the_title(tmp_path):
    # the last paragraphs mention the title; a slogan is repeated: prose, not a colophon
    text = essay(PARAGRAPH, PARAGRAPH.replace("richer", "poorer"),
                 "This is what we call the permanent revolution.",
                 "Long live the permanent revolution!", "Long live the permanent revolution!",
                 title="The Permanent Revolution")
    c = converts(tmp_path, text.encode("utf-8"))
    root = etree.fromstring(c.xml)
    everywhere = " ".join(root.itertext())
    assert everywhere.count("Long live the permanent revolution!") >= 2, "a repeated line was lost"
    body = " ".join(text_element(c.xml).find("t:body", NS).itertext())
    assert "This is what we call the permanent revolution." in body


def test_very_long_line_and_deep_numbering(tmp_path):
    words = " ".join(f"word{i}" for i in range(20000))
    text = essay("1.2.3.4.5.6.7.8.9 Deep", words + ".", "9999. Not a heading, a number.",
                 "(" * 500 + "nested" + ")" * 500)
    converts(tmp_path, text.encode("utf-8"))


# ------------------------------------------------------------------------------------------------
# an interrupted write never leaves a partial output
# ------------------------------------------------------------------------------------------------

class _DiesMidWrite:
    """A file whose first write puts half the bytes on disk, then fails."""

    def __init__(self, fh, exc: BaseException) -> None:
        self._fh, self._exc = fh, exc

    def write(self, data):
        self._fh.write(data[: max(1, len(data) // 2)])
        self._fh.flush()
        raise self._exc

    def writelines(self, lines):
        self.write(b"".join(lines) if lines and isinstance(lines[0], bytes) else "".join(lines))

    def __getattr__(self, name):
        return getattr(self._fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self._fh.close()
        return False


def _break_writes_in(folder: Path, monkeypatch, exc: BaseException) -> None:
    """Every file opened for writing inside `folder` dies in the middle of its first write."""
    folder = folder.resolve()
    real_open, real_fdopen = builtins.open, os.fdopen

    def inside(path) -> bool:
        try:
            return Path(path).resolve().parent == folder
        except (TypeError, OSError):
            return False

    def writing(mode: str) -> bool:
        return any(c in mode for c in "wax+")

    def fake_open(file, mode="r", *args, **kwargs):
        fh = real_open(file, mode, *args, **kwargs)
        if writing(mode) and not isinstance(file, int) and inside(file):
            return _DiesMidWrite(fh, exc)
        return fh

    def fake_fdopen(fd, mode="r", *args, **kwargs):
        fh = real_fdopen(fd, mode, *args, **kwargs)
        if writing(mode) and inside(os.readlink(f"/proc/self/fd/{fd}")):
            return _DiesMidWrite(fh, exc)
        return fh

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(os, "fdopen", fake_fdopen)


def _serializer_raises(monkeypatch, exc: BaseException) -> None:
    import tei_edition.writers.tei as tei_writer

    def boom(tree, *args, **kwargs):
        raise exc

    monkeypatch.setattr(tei_writer, "to_bytes", boom)
    monkeypatch.setattr(tei_writer.etree, "tostring", boom)


def _failure(kind: str, out: Path, monkeypatch) -> type[BaseException]:
    if kind == "serializer-raises":
        _serializer_raises(monkeypatch, RuntimeError("serializer failed"))
        return RuntimeError
    if kind == "disk-full-mid-write":
        _break_writes_in(out, monkeypatch, OSError(errno.ENOSPC, "No space left on device"))
        return OSError
    if kind == "interrupted-mid-write":
        _break_writes_in(out, monkeypatch, KeyboardInterrupt())
        return KeyboardInterrupt
    raise AssertionError(kind)


INTERRUPTIONS = ["serializer-raises", "disk-full-mid-write", "interrupted-mid-write"]
PREVIOUS = b"<?xml version='1.0' encoding='UTF-8'?>\n<previous-build/>\n"


@pytest.mark.parametrize("previous", [False, True], ids=["fresh", "over-previous"])
@pytest.mark.parametrize("kind", INTERRUPTIONS)
def test_interrupted_write_tei_leaves_no_partial_file(tmp_path, monkeypatch, kind, previous):
    from tei_edition.writers.tei import write_tei
    tree = tei_edition.convert(essay(PARAGRAPH, "Some text.\u00b9", "\u00b9 A note."))
    out = tmp_path / "out"
    out.mkdir()
    if previous:
        (out / "S.xml").write_bytes(PREVIOUS)
    before = listing(out)
    expected = _failure(kind, out, monkeypatch)
    with pytest.raises(expected):
        write_tei(tree, out / "S.xml")
    monkeypatch.undo()
    assert listing(out) == before


@pytest.mark.parametrize("previous", [False, True], ids=["fresh", "over-previous"])
@pytest.mark.parametrize("kind", INTERRUPTIONS)
@pytest.mark.parametrize("command", ["build", "convert"])
def test_interrupted_cli_leaves_no_partial_file(tmp_path, monkeypatch, kind, previous, command):
    from click.testing import CliRunner
    from tei_edition.cli import main
    src = tmp_path / "S.txt"
    src.write_text(essay(PARAGRAPH, "Some text.\u00b9", "\u00b9 A note."), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    if previous:
        (out / "S.xml").write_bytes(PREVIOUS)
    before = listing(out)
    _failure(kind, out, monkeypatch)
    args = (["build", str(src), "--out", str(out), "--formats", "tei"] if command == "build"
            else ["convert", str(src), "-o", str(out / "S.xml")])
    result = CliRunner().invoke(main, args)
    monkeypatch.undo()
    assert result.exit_code != 0
    after = listing(out)
    # a complete report may have been written before the TEI failed; the TEI never half-written,
    # an earlier S.xml untouched, no temporary file left
    after.pop("S.report.json", None)
    assert after == before
    # the command turned the failure into an exit code and a message, not a traceback
    assert isinstance(result.exception, SystemExit), f"{command} let {result.exception!r} escape"
    if kind == "disk-full-mid-write":
        assert len([ln for ln in result.stderr.splitlines() if "No space left" in ln]) == 1, result.stderr


# ------------------------------------------------------------------------------------------------
# a large source
# ------------------------------------------------------------------------------------------------

LARGE_MB = int(os.environ.get("TEI_EDITION_LARGE_MB", "50"))  # ~2 min on 2 cores; see docs/benchmark.md


def _benchmark():
    """scripts/benchmark.py, whose synthetic book the test converts, so that both measure the same text."""
    spec = importlib.util.spec_from_file_location("tei_edition_benchmark", ROOT / "scripts" / "benchmark.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _synthetic_text(size: int) -> str:
    return _benchmark().synthetic_text(size)


@pytest.mark.slow
def test_large_source(tmp_path):
    benchmark = _benchmark()
    text = benchmark.synthetic_text(LARGE_MB * 1024 * 1024)
    # a chapter's heading, not an end note's line ("6. L. Trotsky, …"), which is numbered too
    titles = "|".join(map(re.escape, benchmark._HEADINGS))
    last_heading = re.findall(rf"^\d+\. (?:{titles})$", text, re.M)[-1]
    src = tmp_path / "S.txt"
    src.write_text(text, encoding="utf-8")
    del text
    assert src.stat().st_size >= LARGE_MB * 1024 * 1024

    proc = run_cli("convert", "S.txt", "-o", "S.xml", cwd=tmp_path, timeout=1800)
    no_traceback(proc)
    assert proc.returncode == 0, proc.stderr[-2000:]
    xml = (tmp_path / "S.xml").read_bytes()
    assert_valid(xml)
    text_el = text_element(xml)
    heads = ["".join(h.itertext()) for h in text_el.iterfind(".//t:head", NS)]
    assert last_heading in heads, "the output stops before the last chapter"
    assert len(text_el.findall(".//t:note", NS)) > 100
