"""Evidence from the whole text that passes weigh: word and compound counts (the lexicon).

A hyphen at a line end is a real one when the text hyphenates the same compound elsewhere; a word
split by a lost hyphen is rejoined when the text spells it whole elsewhere. The counts are taken
once from the decoded source, before any pass changes it (`Context.evidence.lexicon`).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from . import data
from .model.source import SourceText

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


class Lexicon:
    """Word and compound counts of the whole text: the evidence hyphenation rules consult."""

    def __init__(self, text: str | Iterable[str]) -> None:
        """`text`: the text, or the text in stretches of whole lines (`SourceText.stretches`, the
        text never whole in memory)."""
        self.words: Counter[str] = Counter()
        self.compounds: Counter[str] = Counter()
        # counted as written first, then lowered and sorted into words and compounds once per
        # distinct form: a book has a tenth as many forms as words
        stretches = SourceText(text).stretches(STRETCH) if isinstance(text, str) else text
        for w, n in _lowered(_forms(stretches)).items():
            if "-" in w:
                self.compounds[w] += n
                for part in w.split("-"):
                    self.words[part] += n
            else:
                self.words[w] += n

    def keeps_hyphen(self, left: str, right: str) -> bool:
        l, r = left.lower(), right.lower()
        if self.compounds[f"{l}-{r}"] > 0 and self.words[l + r] <= self.compounds[f"{l}-{r}"]:
            return True
        if self.words[l + r] > 0:
            return False
        return l in data.words("hyphen_prefixes.txt") or right[:1].isupper()


STRETCH = 1 << 16      # characters of the text whose words are listed at a time (then to its line's end)
# Runs of word characters joined by single hyphens: each holds whole words (a word is letters, a
# word character, joined the same way), and most are one word; the regex engine finds them faster
# than it finds words, whose class is word characters less digits and '_'.
TOKEN = re.compile(r"\w+(?:-\w+)*")


def _forms(stretches: Iterable[str]) -> Counter[str]:
    """The words of the text as written, counted as WORD.findall(text) finds them (in the order
    each first occurs): the tokens are counted a stretch of whole lines at a time (a token never
    spans a newline), without a list of all the text's words at once, and only a token with other
    word characters than letters (digits, '_') is read again for the words in it."""
    tokens: Counter[str] = Counter()
    for stretch in stretches:
        tokens.update(TOKEN.findall(stretch))
    forms: Counter[str] = Counter()
    for token, n in tokens.items():
        if token.isalpha() or "-" in token and token.replace("-", "").isalpha():
            forms[token] += n
        else:
            for w in WORD.findall(token):
                forms[w] += n
    return forms


def _lowered(forms: Counter[str]) -> Counter[str]:
    """The counts by lower-case form (in the order each first occurs, as counting them lowered gives)."""
    lowered: Counter[str] = Counter()
    for w, n in forms.items():
        lowered[w.lower()] += n
    return lowered
