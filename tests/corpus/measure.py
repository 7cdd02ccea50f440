"""The acceptance measures on the corpus: notes with text, sample notes at their calls, headings found
and false, title, language — computed from the written TEI against a facts file written by reading
the text (tests/corpus/*.facts.json; tests/corpus/SOURCES.md says how)."""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

CORPUS = Path(__file__).resolve().parent
NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def norm(text: str) -> str:
    """Lower case, letters and digits only (quotation marks, emphasis marks and spacing set aside)."""
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.sub(r"[^\w§]+", " ", text.replace("_", " ")).split())


@dataclass
class Measured:
    notes_with_text: int
    samples_at_call: int
    samples: int
    headings_found: int
    headings_true: int
    headings_false: int
    headings_tei: int
    title: str
    title_right: bool
    language: str

    @property
    def heading_recall(self) -> float:
        return self.headings_found / self.headings_true if self.headings_true else 1.0

    @property
    def heading_false_share(self) -> float:
        return self.headings_false / self.headings_tei if self.headings_tei else 0.0


def facts_of(stem: str) -> dict:
    return json.loads((CORPUS / f"{stem}.facts.json").read_text(encoding="utf-8"))


def measure(tree: etree._ElementTree, facts: dict) -> Measured:
    notes = [n for n in tree.xpath("//t:text//t:note", namespaces=NS) if n.get("type") != "missing"]
    found = sum(1 for s in facts["sample_notes"] if _at_call(notes, s))
    heads = [" ".join("".join(h.itertext()).split()) for h in
             tree.xpath("//t:text/t:body//t:head | //t:text/t:back//t:head", namespaces=NS)]
    matched = _match(facts["headings"], heads)
    title = " ".join("".join(tree.xpath("//t:titleStmt/t:title[@type='main']", namespaces=NS)[0].itertext()).split())
    words = [norm(w) for w in facts["title_words"]]
    return Measured(len(notes), found, len(facts["sample_notes"]), len(matched), len(facts["headings"]),
                    len(heads) - len(matched), len(heads), title, all(w in norm(title) for w in words),
                    tree.getroot().get(XML_LANG) or "")


def _text_before(note: etree._Element) -> str:
    parent = note.getparent()
    parts = [parent.text or ""]
    for child in parent:
        if child is note:
            break
        if etree.QName(child).localname != "note":
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return norm("".join(parts))


def _at_call(notes: list[etree._Element], sample: dict) -> bool:
    """A note whose text begins as the sample's, anchored where the words before its call end."""
    start = norm(sample["note_starts"])
    before = norm(sample["before"]).split()[-2:]
    for n in notes:
        if n.get("anchored") == "false" or not norm("".join(n.itertext())).startswith(start):
            continue
        if _text_before(n).split()[-len(before):] == before:
            return True
    return False


def _match(truth: list[str], heads: list[str]) -> list[tuple[int, int]]:
    """True headings matched in order with the TEI's: the same words, or one opening the other (a
    number and its title joined into one heading)."""
    pairs = []
    k = 0
    for i, t in enumerate(truth):
        want = norm(t)
        for j in range(k, min(len(heads), k + 40)):
            have = norm(heads[j])
            if want and have and (have == want or have.startswith(want + " ") or want.startswith(have + " ")):
                pairs.append((i, j))
                k = j + 1
                break
    return pairs


__all__ = ["CORPUS", "Measured", "facts_of", "measure", "norm"]
