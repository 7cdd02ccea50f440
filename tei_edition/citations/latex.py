"""Field values as BibTeX wants them: TeX's special characters escaped, and, for classic BibTeX
that reads no UTF-8, letters with accents written as TeX accents ({\\'e}) and typographic
punctuation as TeX ligatures (``…'', --, ---). `unescape` reads such values back."""
from __future__ import annotations

import re
import unicodedata

_SPECIALS = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
             "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\^{}"}
_SPECIAL_RX = re.compile(r"[\\&%$#_{}~^]")

# Combining marks and the TeX accent commands that write them.
_ACCENTS = {"\u0301": "'", "\u0300": "`", "\u0302": "^", "\u0308": '"', "\u0303": "~", "\u0327": "c",
            "\u030c": "v", "\u030a": "r", "\u0304": "=", "\u0307": ".", "\u030b": "H", "\u0306": "u",
            "\u0328": "k", "\u0323": "d"}
_LETTERS = {"ß": r"{\ss}", "æ": r"{\ae}", "Æ": r"{\AE}", "ø": r"{\o}", "Ø": r"{\O}", "œ": r"{\oe}",
            "Œ": r"{\OE}", "ł": r"{\l}", "Ł": r"{\L}", "å": r"{\aa}", "Å": r"{\AA}", "ı": r"{\i}"}
_PUNCTUATION = {"“": "``", "”": "''", "‘": "`", "’": "'", "–": "--", "—": "---", "…": r"\ldots{}",
                "«": r"\guillemotleft{}", "»": r"\guillemotright{}", "„": ",,", "\u00a0": "~"}


def escape(text: str, *, ascii_only: bool = False) -> str:
    out = _SPECIAL_RX.sub(lambda m: _SPECIALS[m.group(0)], text)
    if not ascii_only:
        return out
    return "".join(_ascii(ch) for ch in unicodedata.normalize("NFC", out))


def _ascii(ch: str) -> str:
    if ord(ch) < 128:
        return ch
    if ch in _LETTERS:
        return _LETTERS[ch]
    if ch in _PUNCTUATION:
        return _PUNCTUATION[ch]
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    if ord(base) < 128 and marks and all(m in _ACCENTS for m in marks):
        out = base if base not in "ij" else "\\" + base
        for mark in marks:
            command = _ACCENTS[mark]
            out = f"\\{command}{{{out}}}" if command.isalpha() else f"\\{command}{out}"
        return "{" + out + "}"
    return ch        # a letter of another script: kept (classic BibTeX passes it through)


_UNSPECIALS = {v: k for k, v in _SPECIALS.items()}
_UNSPECIAL_RX = re.compile("|".join(re.escape(v) for v in sorted(_SPECIALS.values(), key=len, reverse=True)))
_UNACCENT_RX = re.compile(r"\{?\\([" + re.escape("'`^\"~=.") + r"]|[cvrHukd](?=\{))\{?\\?([A-Za-z])\}?\}?")
_COMMANDS = {v.strip("{}"): k for k, v in _LETTERS.items()}


def unescape(text: str) -> str:
    def accent(m: re.Match[str]) -> str:
        mark = next((k for k, v in _ACCENTS.items() if v == m.group(1)), "")
        return unicodedata.normalize("NFC", m.group(2) + mark)

    text = _UNACCENT_RX.sub(accent, text)
    for command, letter in _COMMANDS.items():
        text = text.replace("{" + command + "}", letter)
    return _UNSPECIAL_RX.sub(lambda m: _UNSPECIALS[m.group(0)], text)
