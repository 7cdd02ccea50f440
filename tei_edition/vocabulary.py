"""The shared text vocabulary: the characters and shapes that several passes must read alike.

Bullets, note-call marks, superscript digits, quotation marks and sentence ends are defined here
once; a pass that needs to know whether a line opens with a bullet or ends a sentence asks this
module, so that two passes can never disagree about what a bullet is.
"""
from __future__ import annotations

import re

# --------------------------------------------------------------------------- characters

BULLETS = "•▪◦●·-*–"                      # marks that open a bulleted list item
BULLET_CLASS = "[" + re.escape(BULLETS) + "]"
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
OCR_DIGITS = str.maketrans("lIO", "110")   # letters OCR reads for digits in note numbers
OPENING_QUOTES = "‘“'\""
CLOSING_QUOTES = "’”'\"»"
SENTENCE_ENDS = ".!?"

# --------------------------------------------------------------------------- patterns

# A note call as it ends a sentence or a line: '[12]', '[1*]', '(3)', '(l6)', '¹²'. One pattern for
# every pass that must look past a call to see how the text before it ends.
CALL_MARK = rf"(?:\[\d{{1,4}}\*?\]|\([0-9lI]{{1,3}}\)|[{SUPERSCRIPT_DIGITS}]+)"
TRAILING_CALL = re.compile(rf"\s*{CALL_MARK}\s*$")
# A superscript digit or a bracketed number anywhere in a text: a call of its own.
CALL_IN_TEXT = re.compile(rf"[{SUPERSCRIPT_DIGITS}]|\[\d{{1,4}}\]")
# A line that ends a sentence: punctuation, perhaps a closing mark, perhaps a call after it.
TERMINAL = re.compile(rf"""(?:[.!?:;…][\s'"’”»)\]]*(?:\s*{CALL_MARK})?"""
                      rf"""|['"’”»]\s*{CALL_MARK}"""
                      r"""|[.!?]['"’”»]?\s?\d{1,3})\s*$""")
# A line that opens with a bullet, a number or a letter, as list items do.
BULLET_ITEM = re.compile(rf"^\s*{BULLET_CLASS}\s+(?=\S)")
NUMBERED_ITEM = re.compile(r"^\s*(?:\((\d{1,2}|[a-z])\)|(\d{1,2}|[a-z])[.)])\s+(?=\S)")
ENUMERATOR = re.compile(r"^\s*(?:\d{1,3}\*?\.\s|\(\d{1,3}\)\s|\[\d{1,3}\]\s)")
LETTERED = re.compile(r"^\s*(?:[a-z][.)]|\([a-z]\))\s+\S")
# An elision: three dots (spaced or not) or the ellipsis character.
ELISION = re.compile(r"(?:\.\s?\.\s?\.|…)")
_LETTERS = re.compile(r"[^\W\d_]+")


# --------------------------------------------------------------------------- shapes


# Every character a TERMINAL match can hold after its first, besides spaces and decimal digits of
# any script (the pattern's \s and \d): a text whose last characters include one outside these
# cannot have a match that starts before them.
_TERMINAL_TAIL = frozenset(".!?:;…'\"’”»)]([*lI" + SUPERSCRIPT_DIGITS)
_TERMINAL_WINDOW = 24
# Every character a TERMINAL match can end with before its trailing spaces, besides decimal digits
# of any script (the pattern's \d): punctuation, a closing mark, a call's bracket or superscript.
_TERMINAL_LAST = frozenset(".!?:;…'\"’”»)]" + SUPERSCRIPT_DIGITS)


def is_terminal(text: str) -> bool:
    """Does `text` end a sentence (looking past a closing mark and a note call)?

    The pattern is anchored at the end: it is searched in the last characters only (a search of
    a long paragraph tries every position), and in the whole text only where those characters
    could all belong to a longer match. Nor is it searched where the last character other than a
    space can end no match (most lines of running text end with a letter or a comma): `str.rstrip`
    and the pattern's `\\s` count the same characters as spaces."""
    last = text.rstrip()[-1:]
    if not last or last not in _TERMINAL_LAST and not last.isdecimal():
        return False
    window = len(text) - _TERMINAL_WINDOW
    if window <= 0:
        return bool(TERMINAL.search(text))
    if TERMINAL.search(text, window):
        return True
    tail = text[window:]
    return all(c in _TERMINAL_TAIL or c.isspace() or c.isdecimal() for c in tail) and bool(TERMINAL.search(text))


def caps_opening(text: str) -> bool:
    """A paragraph that opens in capitals ('THE PRESENT volume', 'A NUMBER of', '12 FEBRUARY 1934
    saw'): typesetters' mark of a section start. One short capitalised word ('USSR is') is not."""
    caps_tokens = caps_letters = 0
    for token in text.split(maxsplit=8)[:8]:     # (the rest of a long paragraph left unsplit)
        letters = "".join(_LETTERS.findall(token))
        if not letters:
            continue            # numbers and dashes inside the opening
        if letters.isupper():
            caps_tokens += 1
            caps_letters += len(letters)
            continue
        return any(c.islower() for c in letters) and (caps_tokens >= 2 or caps_letters >= 5) \
            and caps_letters >= 2
    return False
