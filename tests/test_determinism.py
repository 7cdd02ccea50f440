"""Determinism: the same sources give byte-identical TEI, in one process or in several.

- converting the same input twice in one process gives the same bytes;
- `tei-edition build --formats tei` run in two separate processes (different hash seeds, time
  zones, locales, SOURCE_DATE_EPOCH, and one of them with --jobs 2) on a copy of sources/ writes
  byte-identical S.xml files;
- the only date the tool adds is the configured edition date (Metadata.edition_date): a build run
  with the clock moved to another day gives the same bytes, and every @when is that date or a
  date of the source;
- xml:ids are the same from run to run, and appending text at the end leaves the earlier ones alone.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

import tei_edition
from tei_edition.api import convert_bytes, convert_file
from tei_edition.metadata import Metadata
from tei_edition.writers.tei import to_bytes

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "sources").glob("*.txt"))
NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
DATE_ATTRIBUTES = ("when", "notBefore", "notAfter", "from", "to", "when-iso")

SAMPLE = """Notes on a Synthetic Essay

By A. N. Author

1. The Question

The Left Opposition argued for a planned industrialisation financed by a tax on the richer
peasants.¹ Its leaders were deported in 1928, and many of them capit-
ulated in the following year.[2]

He wrote:

    The party must turn its face to the working class and not to the apparatus, a phrase
    that his opponents quoted against him for years.³

2. The Answer

The bureaucracy answered with emergency measures that it had denounced a few months before.

¹ Cliff 1993, p. 102.
³ Quoted in I. Deutscher, The Prophet Unarmed, Oxford 1959, p. 404.

Notes

2. Bulletin of the Opposition, No. 7, November–December 1929.
"""

# Freeze the clock of a child process at another day before tei_edition is imported: time.time,
# the struct_time functions, and datetime's now/today/utcnow.
FROZEN = "1999-01-02"
_FROZEN_CLOCK = f"""
import datetime as _dt, sys, time as _time
_T = _dt.datetime(1999, 1, 2, 3, 4, 5, tzinfo=_dt.timezone.utc).timestamp()
_time.time = lambda: _T
_time.time_ns = lambda: int(_T * 1e9)
_real_gm, _real_local, _real_strftime = _time.gmtime, _time.localtime, _time.strftime
_time.gmtime = lambda s=None: _real_gm(_T if s is None else s)
_time.localtime = lambda s=None: _real_local(_T if s is None else s)
_time.strftime = lambda f, t=None: _real_strftime(f, _time.localtime() if t is None else t)
class _DateTime(_dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_T, tz)
    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_T)
    @classmethod
    def today(cls):
        return cls.fromtimestamp(_T)
class _Date(_dt.date):
    @classmethod
    def today(cls):
        return cls.fromtimestamp(_T)
_dt.datetime, _dt.date = _DateTime, _Date
assert _time.strftime("%Y-%m-%d") == "{FROZEN}"
from tei_edition.cli import main
sys.argv[0] = "tei-edition"
main()
"""


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    env.update(extra)
    return env


def _build(cwd: Path, out: str, env: dict[str, str], *extra: str, frozen: bool = False
           ) -> subprocess.CompletedProcess[str]:
    prefix = [sys.executable, "-c", _FROZEN_CLOCK] if frozen else [sys.executable, "-m", "tei_edition.cli"]
    proc = subprocess.run([*prefix, "build", "--formats", "tei", "--out", out, *extra], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900)
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


@pytest.fixture(scope="module")
def source_copy(tmp_path_factory) -> Path:
    """A copy of sources/ (texts and metadata) and bib/ (the keys the edition gave its works) in a
    fresh folder, as a user's checkout would be."""
    assert SOURCES, "no sources/*.txt"
    root = tmp_path_factory.mktemp("edition")
    shutil.copytree(ROOT / "sources", root / "sources")
    shutil.copytree(ROOT / "bib", root / "bib")
    return root


@pytest.fixture(scope="module")
def two_builds(source_copy) -> tuple[Path, Path]:
    first = _build(source_copy, "out1", _env(PYTHONHASHSEED="1", TZ="UTC", LC_ALL="C.UTF-8"))
    second = _build(source_copy, "out2", _env(PYTHONHASHSEED="4242", TZ="Pacific/Kiritimati",
                                              LC_ALL="C", SOURCE_DATE_EPOCH="0"), "--jobs", "2")
    assert first.returncode == second.returncode == 0
    return source_copy / "out1", source_copy / "out2"


def _ids(data: bytes) -> list[str]:
    return [e.get(XML_ID) for e in etree.fromstring(data).iter() if isinstance(e.tag, str) and e.get(XML_ID)]


# ------------------------------------------------------------------------------------------------
# one process
# ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_same_source_twice_in_one_process(source):
    first = to_bytes(convert_file(source).tree)
    second = to_bytes(convert_file(source).tree)
    assert first == second


def test_same_text_twice_through_every_entry_point():
    from tei_edition.report import Report
    a = to_bytes(tei_edition.convert(SAMPLE, {}))
    b = to_bytes(tei_edition.convert(SAMPLE, {}, Report()))
    c = to_bytes(convert_bytes(SAMPLE.encode("utf-8"), {}, "sample.txt").tree)
    d = to_bytes(convert_bytes(SAMPLE.encode("utf-8"), None, "other-name.txt").tree)
    assert a == b == c == d
    # the report of the first conversion does not leak into the second
    assert to_bytes(tei_edition.convert(SAMPLE, {})) == a


def test_no_state_carried_between_conversions():
    """A conversion of another text in between changes nothing."""
    before = to_bytes(tei_edition.convert(SAMPLE, {}))
    tei_edition.convert(SAMPLE.replace("Question", "Problem") + "\nA last paragraph.¹\n\n¹ A last note.\n", {})
    for source in SOURCES[:2]:
        convert_file(source)
    assert to_bytes(tei_edition.convert(SAMPLE, {})) == before


# ------------------------------------------------------------------------------------------------
# separate processes
# ------------------------------------------------------------------------------------------------

def test_two_processes_write_identical_tei(two_builds):
    out1, out2 = two_builds
    names1 = sorted(p.name for p in out1.glob("*.xml"))
    names2 = sorted(p.name for p in out2.glob("*.xml"))
    assert names1 == sorted(f"{p.stem}.xml" for p in SOURCES)
    assert names1 == names2
    different = [n for n in names1 if (out1 / n).read_bytes() != (out2 / n).read_bytes()]
    assert not different, f"not byte-identical across processes: {different}"


def test_build_output_equals_library_output(two_builds):
    out1, _ = two_builds
    for source in SOURCES:
        assert (out1 / f"{source.stem}.xml").read_bytes() == to_bytes(convert_file(source).tree), source.name


def test_xml_ids_stable_across_processes(two_builds):
    out1, out2 = two_builds
    for source in SOURCES:
        ids1 = _ids((out1 / f"{source.stem}.xml").read_bytes())
        ids2 = _ids((out2 / f"{source.stem}.xml").read_bytes())
        assert ids1 == ids2
        assert len(ids1) == len(set(ids1)), f"{source.name}: an xml:id twice"
        # made from the structure, not from memory addresses, hashes or clocks
        odd = [i for i in ids1 if re.search(r"[0-9a-f]{8,}|0x", i)]
        assert not odd, f"{source.name}: xml:ids that look random: {odd[:5]}"


# ------------------------------------------------------------------------------------------------
# dates
# ------------------------------------------------------------------------------------------------

def test_clock_does_not_reach_the_output(source_copy, two_builds):
    out1, _ = two_builds
    _build(source_copy, "frozen", _env(PYTHONHASHSEED="7"), frozen=True)
    frozen = source_copy / "frozen"
    for source in SOURCES:
        data = (frozen / f"{source.stem}.xml").read_bytes()
        assert FROZEN.encode() not in data, f"{source.name}: the clock's date is in the output"
        assert data == (out1 / f"{source.stem}.xml").read_bytes(), f"{source.name}: depends on the clock"


def _source_dates(source: Path) -> str:
    """The text, its metadata and the edition's register of persons (the persons' dates of life in
    the standOff come from it)."""
    toml = source.with_suffix(".toml")
    register = source.parent / "persons.xml"
    return source.read_text(encoding="utf-8") + (toml.read_text(encoding="utf-8") if toml.exists() else "") \
        + (register.read_text(encoding="utf-8") if register.exists() else "")


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_only_dates_are_the_edition_date_or_the_sources(source, two_builds):
    out1, _ = two_builds
    data = (out1 / f"{source.stem}.xml").read_bytes()
    root = etree.fromstring(data)
    edition_date = Metadata.for_source(source).edition_date
    known = _source_dates(source)
    for e in root.iter():
        if not isinstance(e.tag, str):
            continue
        for attr in DATE_ATTRIBUTES:
            value = e.get(attr)
            if value and re.match(r"^-?\d{4}", value):
                assert value == edition_date or value in known, \
                    f"{etree.QName(e).localname}/@{attr}={value}: neither the edition date nor in the source"
    text = data.decode("utf-8")
    # no time of day anywhere, and no full date other than the edition date unless the source has it
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", text)
    for date in set(re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text)):
        assert date == edition_date or date in known, date


def test_edition_date_comes_from_the_metadata():
    a = to_bytes(tei_edition.convert(SAMPLE, {"edition_date": "2001-02-03"}))
    b = to_bytes(tei_edition.convert(SAMPLE, {"edition_date": "2001-02-03"}))
    assert a == b
    root = etree.fromstring(a)
    whens = {e.get("when") for e in root.iter() if isinstance(e.tag, str) and e.get("when")}
    # besides the edition date, only dates the source prints (a citation's year: "Oxford 1959")
    assert {w for w in whens if w not in SAMPLE} == {"2001-02-03"}
    default = Metadata().edition_date
    assert default.encode() not in a


# ------------------------------------------------------------------------------------------------
# xml:ids
# ------------------------------------------------------------------------------------------------

def test_xml_ids_unchanged_by_text_appended_at_the_end():
    before = _ids(to_bytes(tei_edition.convert(SAMPLE, {})))
    assert before, "the sample has notes and divisions with xml:ids"
    longer = SAMPLE.replace("\n\u00b9 Cliff", "\nA paragraph added at the end of the last section, "
                                                 "long enough to be prose of the text.\n\n\u00b9 Cliff")
    assert longer != SAMPLE
    after = _ids(to_bytes(tei_edition.convert(longer, {})))
    assert after[: len(before)] == before
