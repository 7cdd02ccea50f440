"""report.py: the report's JSON, laid out by hand, is json.dumps' layout to the byte."""
from __future__ import annotations

import json

from tei_edition.report import PACKED_FROM, Entry, Kind, Report

# Every kind of character json.dumps escapes or lets through: quotes, backslashes, the control
# characters with a short escape and those without, non-ASCII letters, an astral character, the
# line separators JSON allows raw, and a solidus (not escaped by Python's json).
AWKWARD = ['say "no"', "C:\\path\\n", "tab\there", "nl\nand\rcr", "\x00\x01\x1f\x7f", "\b\f",
           "Anführung „so“ — Œuvre", "emoji 😀", "\u2028\u2029", "a/b", "", " "]


def _dumps(report: Report) -> str:
    """The layout the hand-written one must give: the plain json.dumps of the report."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=1) + "\n"


def _awkward_report() -> Report:
    report = Report(source='dir "x"\\ä.txt')
    for i, text in enumerate(AWKWARD):
        # appended as they are: `record` would shorten the detail and fold its whitespace
        report.entries.append(Entry(f"stage-{text}", text, i or None, text[::-1], list(Kind)[i % 5]))
    report.stats.update({"counts": {"notes": 3, "empty": {}, "none": []}, "ratio": 0.5,
                         "flags": [True, False, None], "names": AWKWARD, 7: "an int key"})
    return report


def test_an_awkward_report_is_laid_out_as_json_dumps_lays_it_out():
    report = _awkward_report()
    assert report.to_json() == _dumps(report)


def test_the_json_parses_back_to_the_report():
    report = _awkward_report()
    parsed = json.loads(report.to_json())
    assert parsed["entries"] == report.to_dict()["entries"]
    assert [e["action"] for e in parsed["entries"]] == AWKWARD
    assert parsed["entries"][0]["line"] is None and parsed["entries"][1]["line"] == 1
    assert parsed["summary"] == {"repairs": 3, "recognitions": 3, "warnings": 2, "doubts": 2}


def test_an_empty_report_and_empty_stats():
    empty = Report()
    assert empty.to_json() == _dumps(empty) == (
        '{\n "source": "",\n "stats": {},\n "summary": {\n  "repairs": 0,\n  "recognitions": 0,\n'
        '  "warnings": 0,\n  "doubts": 0\n },\n "entries": []\n}\n')
    one = Report(source="s")
    one.for_stage("page-breaks").repair("joined", 4, "across a page")
    assert one.to_json() == _dumps(one)
    assert '  {\n   "stage": "page-breaks",\n   "action": "joined",\n   "line": 4,' in one.to_json()


def test_an_entry_field_of_another_type_gets_the_general_layout():
    report = Report()
    report.entries.append(Entry("stage", "action", 2.5, "detail"))           # a float line
    report.entries.append(Entry("stage", "action", True, "detail"))          # a bool one
    report.entries.append(Entry("stage", 12, None, "detail"))                # a number for an action
    for entry in report.entries:
        alone = Report(entries=[entry])
        assert alone.to_json() == _dumps(alone)
    assert report.to_json() == _dumps(report)


def _many(report: Report, n: int, start: int = 0) -> None:
    stages = [report.for_stage(name) for name in ("Absätze", "notes", "citas")]
    for i in range(start, start + n):
        stage = stages[i % 3]
        (stage.repair, stage.recognise, stage.doubt, stage.warn, stage.info)[i % 5](
            f"action {i % 7}", i if i % 4 else None, f"détail n° {i} „{i % 11}“")


def test_a_large_report_packed_gives_back_every_entry_in_order():
    packed, plain = Report(source="a.txt"), Report(source="a.txt")
    for report in (packed, plain):
        _many(report, PACKED_FROM + 5)
    packed.pack()
    assert packed._packed is not None and not packed._entries      # held as bytes until read
    _many(packed, 3, start=PACKED_FROM + 5)                 # recorded after the packing
    _many(plain, 3, start=PACKED_FROM + 5)
    assert packed.entries == plain.entries
    assert all(type(e.kind) is Kind for e in packed.entries)
    assert packed.to_json() == plain.to_json() == _dumps(plain)
    assert packed.count(kind=Kind.WARNING) == plain.count(kind=Kind.WARNING) > 0


def test_a_small_report_is_not_packed():
    report = Report()
    _many(report, 10)
    report.pack()
    assert report._packed is None and len(report.entries) == 10
