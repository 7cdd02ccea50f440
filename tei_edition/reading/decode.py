"""Turn the bytes users bring into clean text, or refuse them with a one-line reason."""
from __future__ import annotations

import re
import unicodedata

from ..errors import InputError
from ..passes import Declaration, Section, Step
from ..report import StageReport
# C0/C1 controls other than tab and newline carry no text; form feed is a page break in old exports.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_FORM_FEED = "\x0c"


class Decoder(Step):
    """The reader: the bytes users bring → clean text (before any pass runs)."""

    name = "decode"
    declaration = Declaration(Section.NORMALIZATION,
                              "The text was decoded and normalised to Unicode NFC with LF line ends; its "
                              "format was read off the text or taken as declared.")


def decode(data: bytes, report: StageReport) -> str:
    """Decode `data` (UTF-8 with or without BOM, else cp1252, else latin-1) and normalise line ends."""
    if not data.strip():
        raise InputError("the source is empty")
    if _looks_binary(data):
        raise InputError("the source is not text (it looks like a binary file)")
    text = _decode_bytes(data, report)
    if "\r" in text:
        crlf = text.count("\r\n")
        first = _line_of(text, "\r")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        report.repair("normalised line ends to LF", first, f"{crlf} CRLF" if crlf else "CR")
    text = _strip_controls(text, report)
    text = unicodedata.normalize("NFC", text)
    if "\u00a0" in text:
        report.repair("turned no-break spaces into spaces", _line_of(text, "\u00a0"),
                      f"{text.count(chr(0xa0))} characters")
        text = text.replace("\u00a0", " ")
    if not text.strip():
        raise InputError("the source holds no text")
    return text


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        # UTF-16 text has NUL bytes too, but users' plain text is not UTF-16; say so plainly.
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))   # (in C, not a loop per byte)
    return controls > len(sample) * 0.05


_CONTROL_BYTES = bytes(range(9)) + bytes(range(14, 32))     # below 32 but tab, line ends, form feed


def _line_of(text: str, char: str) -> int:
    """The line on which `char` first occurs."""
    return text.count("\n", 0, max(text.find(char), 0)) + 1


def _decode_bytes(data: bytes, report: StageReport) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        report.repair("removed byte-order mark", 1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # lines as the passes will number them: CRLF, CR and LF each end one
        line = data[: exc.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
        try:
            text = data.decode("cp1252")
            report.warn("source is not UTF-8; read as Windows-1252", line,
                        f"first undecodable byte at offset {exc.start}")
            return text
        except UnicodeDecodeError:
            report.warn("source is not UTF-8; read as Latin-1", line,
                        f"first undecodable byte at offset {exc.start}")
            return data.decode("latin-1")


def _strip_controls(text: str, report: StageReport) -> str:
    if _FORM_FEED in text:
        # kept: a form feed is where a page of the source began (split_lines reads it, the tree has a pb)
        report.recognise("form feeds mark where pages begin", _line_of(text, _FORM_FEED),
                         f"{text.count(_FORM_FEED)} form feeds")
    found = _CONTROL.findall(text)
    if found:
        first = _CONTROL.search(text)
        line = text[: first.start()].count("\n") + 1 if first else None
        report.warn("removed control characters", line, f"{len(found)} characters")
        text = _CONTROL.sub("", text)
    return text
