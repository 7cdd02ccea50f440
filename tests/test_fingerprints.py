"""The tool's fingerprint (tei_edition/fingerprints.py): what a rebuild compares to know whether the
tool changed, and how it avoids reading the tool's files again when their sizes and times are those
an earlier build recorded.

The "tool" here is a small folder of our own standing in for the package, so that files can be
changed, added and aged without touching the installed code.
"""
from __future__ import annotations

import json
import os
import time
from importlib import metadata
from pathlib import Path

import pytest

from tei_edition import fingerprints
from tei_edition.edition import MANIFEST, Manifest
from tei_edition.fingerprints import LIBRARIES, SETTLED_NS, library_versions, tool_files, tool_fingerprint

HOUR_NS = 3600 * 10**9


def _age(folder: Path, ns: int) -> None:
    """Make every file in `folder` `ns` older than now."""
    then = time.time_ns() - ns
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(then, then))


@pytest.fixture
def tool(tmp_path: Path, monkeypatch) -> Path:
    package = tmp_path / "tool"
    (package / "data").mkdir(parents=True)
    (package / "__pycache__").mkdir()
    (package / "__init__.py").write_text("VERSION = 1\n", encoding="utf-8")
    (package / "data" / "words.txt").write_text("Vorwort\nprologue\n", encoding="utf-8")
    (package / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(b"byte code")
    _age(package, HOUR_NS)
    monkeypatch.setattr(fingerprints, "PACKAGE", package)
    monkeypatch.setattr(fingerprints, "_remembered", {})
    fresh_caches()
    yield package
    fresh_caches()


def fresh_caches() -> None:
    """As a new process finds it: nothing computed yet."""
    tool_files.cache_clear()
    tool_fingerprint.cache_clear()


def test_a_changed_file_changes_the_fingerprint(tool):
    before = tool_fingerprint()
    (tool / "data" / "words.txt").write_text("Vorwort\nprologue\nproemio\n", encoding="utf-8")
    fresh_caches()
    assert tool_fingerprint() != before


def test_byte_code_is_not_part_of_the_tool(tool):
    before = tool_files()
    (tool / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(b"other byte code")
    fresh_caches()
    assert tool_files() == before


def test_contents_are_remembered_under_the_listing_and_not_read_again(tool):
    found = tool_files()
    assert found.settled
    fingerprints.remember(found.listing, "what an earlier build recorded")
    fresh_caches()
    assert tool_files().contents == "what an earlier build recorded"


def test_a_file_edited_since_keeps_no_remembered_contents(tool):
    found = tool_files()
    fingerprints.remember(found.listing, found.contents)
    # the same size, a later time: the listing differs, so the file is read again
    (tool / "__init__.py").write_text("VERSION = 2\n", encoding="utf-8")
    fresh_caches()
    again = tool_files()
    assert again.listing != found.listing
    assert again.contents != found.contents


def test_a_file_younger_than_the_settling_time_is_not_remembered(tool):
    (tool / "__init__.py").write_text("VERSION = 3\n", encoding="utf-8")
    fresh_caches()
    assert not tool_files().settled
    _age(tool, 2 * SETTLED_NS)
    fresh_caches()
    assert tool_files().settled


def test_the_manifest_carries_the_tools_contents_to_the_next_build(tool, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    manifest = Manifest({"a": {"inputs": "x"}})
    manifest.save(out)
    recorded = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["tool"]
    assert recorded == {"listing": tool_files().listing, "contents": tool_files().contents}
    # a later process: the manifest's record stands for the files' contents
    recorded["contents"] = "recorded"
    data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    (out / MANIFEST).write_text(json.dumps({**data, "tool": recorded}), encoding="utf-8")
    fingerprints._remembered.clear()
    fresh_caches()
    Manifest.load(out)
    assert tool_files().contents == "recorded"


def test_a_malformed_tool_record_is_ignored(tool, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST).write_text(json.dumps({"sources": {}, "tool": {"listing": 3}}), encoding="utf-8")
    Manifest.load(out)
    assert fingerprints._remembered == {}


def test_library_versions_are_those_importlib_metadata_finds():
    def installed(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "-"
    assert library_versions() == {name: installed(name) for name in LIBRARIES}


def test_a_package_not_on_disk_as_files_still_has_a_fingerprint(tool, monkeypatch, tmp_path):
    monkeypatch.setattr(fingerprints, "PACKAGE", tmp_path / "tei_edition.zip" / "tei_edition")
    import hashlib
    found = tool_files()         # no error: an empty listing, and the libraries' versions
    assert found.listing == hashlib.sha256(b"[]").hexdigest() and found.contents == hashlib.sha256().hexdigest()
    assert len(tool_fingerprint()) == 64
