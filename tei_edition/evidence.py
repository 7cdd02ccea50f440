"""Evidence from the whole text that passes weigh: word and compound counts (the lexicon).

A hyphen at a line end is a real one when the text hyphenates the same compound elsewhere; a word
split by a lost hyphen is rejoined when the text spells it whole elsewhere. The counts are taken
once from the decoded source, before any pass changes it (`Context.evidence.lexicon`).
"""
from __future__ import annotations

import re
from collections import Counter

from . import data

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


class Lexicon:
    """Word and compound counts of the whole text: the evidence hyphenation rules consult."""

    def __init__(self, text: str) -> None:
        self.words: Counter[str] = Counter()
        self.compounds: Counter[str] = Counter()
        # counted as written first, then sorted into words and compounds once per distinct form:
        # a book has a tenth as many forms as words
        for w, n in Counter(map(str.lower, WORD.findall(text))).items():
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
