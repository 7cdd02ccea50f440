"""Field accuracy on the labelled citations (tests/fixtures/citations/labelled.json, whose
"about" says how they were made): each citation is read as the pass reads its context (a note, a
reference-list entry, a paragraph's parentheses), its first full citation's BibTeX fields and
pinpoint compared with the labels. A field counts as right when its value is the label's
(whitespace aside); a label missing from the reading, a value that differs, and a field read that
the label does not have each count as wrong. Target: 0.95.
"""
from __future__ import annotations

import json
from pathlib import Path

from tei_edition.citations import find
from tei_edition.citations.bibtex import entry_type, fields_of
from tei_edition.citations.model import Citation, Form

LABELLED = Path(__file__).resolve().parent.parent / "fixtures" / "citations" / "labelled.json"
COMPARED = ("type", "author", "editor", "translator", "title", "booktitle", "journal", "organization", "howpublished",
            "volume", "number", "issue", "pages", "year", "month", "address", "publisher", "url", "urldate", "pinpoint")


def labelled() -> list[dict]:
    return json.loads(LABELLED.read_text(encoding="utf-8"))["citations"]


def read(item: dict) -> Citation | None:
    text = item["text"]
    if item["context"] == "list":
        return find.reference_entry(text, 0, len(text), [])
    found = (find.in_note if item["context"] == "note" else find.in_parentheses)(text, 0, len(text), [], {})
    return next((c for c in found if c.form is Form.FULL and c.work is not None), None)


def fields_read(c: Citation | None) -> dict[str, str]:
    if c is None or c.work is None:
        return {}
    got = {"type": entry_type(c.work), **fields_of(c.work)}
    if c.pinpoint:
        got["pinpoint"] = c.pinpoint
    return {k: " ".join(v.split()) for k, v in got.items() if k in COMPARED}


def score(items: list[dict]) -> tuple[int, int, list[str]]:
    right = total = 0
    wrong: list[str] = []
    for item in items:
        expected = {k: " ".join(v.split()) for k, v in item["expected"].items()}
        got = fields_read(read(item))
        for name in sorted(set(expected) | set(got)):
            total += 1
            if expected.get(name) == got.get(name):
                right += 1
            else:
                wrong.append(f"{item['text'][:50]}… {name}: expected {expected.get(name)!r}, read {got.get(name)!r}")
    return right, total, wrong


def test_the_labelled_set_is_large_and_varied_enough():
    items = labelled()
    assert len(items) >= 80
    assert len([i for i in items if i["source"] == "other"]) >= 20
    assert {i["source"] for i in items} >= {"greene", "marot", "lefort", "cliff", "icc", "other"}


def test_field_accuracy_on_the_labelled_citations_is_at_least_95_percent():
    right, total, wrong = score(labelled())
    assert right / total >= 0.95, f"field accuracy {right}/{total} = {right / total:.3f}:\n" + "\n".join(wrong)


def test_field_accuracy_on_styles_the_sources_do_not_use_is_at_least_95_percent():
    right, total, wrong = score([i for i in labelled() if i["source"] == "other"])
    assert right / total >= 0.95, f"field accuracy {right}/{total} = {right / total:.3f}:\n" + "\n".join(wrong)


if __name__ == "__main__":      # python3 tests/citations/test_accuracy.py: the figures and every miss
    r, t, w = score(labelled())
    print(f"field accuracy {r}/{t} = {r / t:.4f}")
    print("\n".join(w))
