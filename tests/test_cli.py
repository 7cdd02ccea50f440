"""The command line: `tei-edition build`, `convert`, and `--help` on every command.

Builds run in a real subprocess on temporary copies of two small sources, so that exit codes,
standard output and standard error are what a user sees.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import SOURCES, TEI_NS, notes
from tei_edition.cli import main
from tei_edition.edition import MANIFEST

SMALL = ["icc-communist-fractions-1922-3", "lefort-contradiction-of-trotsky"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tei_edition.cli", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    for stem in SMALL:
        for ext in (".txt", ".toml"):
            src = SOURCES / f"{stem}{ext}"
            if src.exists():
                shutil.copy(src, tmp_path / src.name)
    return tmp_path


def test_build_tei_writes_xml_and_report_with_a_summary_line(workdir):
    r = run("build", *(f"{s}.txt" for s in SMALL), "--formats", "tei", "--out", "out", cwd=workdir)
    assert r.returncode == 0, r.stderr
    out = workdir / "out"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{s}.xml" for s in SMALL] + [f"{s}.report.json" for s in SMALL] + [MANIFEST])
    for stem in SMALL:
        tree = etree.parse(str(out / f"{stem}.xml"))
        assert tree.getroot().tag == f"{{{TEI_NS}}}TEI"
        report = json.loads((out / f"{stem}.report.json").read_text(encoding="utf-8"))
        assert report["entries"] and "notes" in report["stats"]
        # the summary line names the source and its counts, and agrees with the TEI written
        line = next((ln for ln in r.stdout.splitlines() if ln.startswith(f"{stem}:")), None)
        assert line is not None, r.stdout
        assert "paragraphs" in line and "headings" in line
        assert f"{len(notes(tree))} notes" in line
    assert "Traceback" not in r.stderr
    assert [p.name for p in out.glob(".*")] == [MANIFEST], "temporary files left behind"


def test_build_only_writes_the_formats_asked_for(workdir):
    r = run("build", f"{SMALL[0]}.txt", "--formats", "tei", "--out", "out", cwd=workdir)
    assert r.returncode == 0, r.stderr
    assert not list((workdir / "out").glob("*.pdf")) and not list((workdir / "out").glob("*.bib"))


@pytest.mark.parametrize("content,reason", [(b"", "empty"), (b"   \n\n  \n", "empty"),
                                            (bytes(range(256)) * 40, "binary")],
                         ids=["empty", "blank", "binary"])
def test_build_refuses_bad_input_with_a_one_line_reason(tmp_path, content, reason):
    (tmp_path / "bad.txt").write_bytes(content)
    r = run("build", "bad.txt", "--formats", "tei", "--out", "out", cwd=tmp_path)
    assert r.returncode != 0
    assert "Traceback" not in r.stderr + r.stdout
    reason_lines = [ln for ln in r.stderr.splitlines() if "bad.txt" in ln and reason in ln]
    assert len(reason_lines) == 1, r.stderr
    out = tmp_path / "out"
    assert not (out / "bad.xml").exists() and not (out / "bad.report.json").exists()
    assert not out.exists() or not list(out.iterdir())


@pytest.mark.parametrize("content,reason", [(b"", "empty"), (bytes(range(256)) * 40, "binary")],
                         ids=["empty", "binary"])
def test_convert_refuses_bad_input_with_one_line_and_no_output_file(tmp_path, content, reason):
    (tmp_path / "bad.txt").write_bytes(content)
    r = run("convert", "bad.txt", "-o", "bad.xml", cwd=tmp_path)
    assert r.returncode != 0
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and reason in lines[0], r.stderr
    assert "Traceback" not in r.stderr
    assert r.stdout == ""
    assert not (tmp_path / "bad.xml").exists()


def test_build_one_good_and_one_bad_source(workdir):
    (workdir / "bad.txt").write_bytes(b"")
    r = run("build", f"{SMALL[0]}.txt", "bad.txt", "--formats", "tei", "--out", "out", cwd=workdir)
    assert r.returncode != 0
    assert (workdir / "out" / f"{SMALL[0]}.xml").exists()
    assert not (workdir / "out" / "bad.xml").exists()
    assert "Traceback" not in r.stderr


def test_build_missing_source_is_an_error(tmp_path):
    r = run("build", "nowhere.txt", "--formats", "tei", "--out", "out", cwd=tmp_path)
    assert r.returncode != 0 and "nowhere.txt" in r.stderr and "Traceback" not in r.stderr


def test_build_unknown_format_is_an_error(workdir):
    r = run("build", f"{SMALL[0]}.txt", "--formats", "tei,docx", "--out", "out", cwd=workdir)
    assert r.returncode != 0 and "docx" in r.stderr and "Traceback" not in r.stderr
    assert not (workdir / "out" / f"{SMALL[0]}.xml").exists()


def test_convert_writes_tei_to_stdout(workdir):
    r = run("convert", f"{SMALL[0]}.txt", cwd=workdir)
    assert r.returncode == 0, r.stderr
    root = etree.fromstring(r.stdout.encode("utf-8"))
    assert root.tag == f"{{{TEI_NS}}}TEI"
    assert "Traceback" not in r.stderr
    # the stdout is exactly what `convert -o` writes to a file
    r2 = run("convert", f"{SMALL[0]}.txt", "-o", "x.xml", cwd=workdir)
    assert r2.returncode == 0 and r2.stdout == ""
    assert (workdir / "x.xml").read_bytes() == r.stdout.encode("utf-8")


def _commands():
    return sorted(main.commands)


def test_there_are_build_convert_and_validate_commands():
    assert {"build", "convert", "validate"} <= set(_commands())


@pytest.mark.parametrize("command", [None, *_commands()])
def test_help_on_every_command(command):
    args = [command, "--help"] if command else ["--help"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    if command:
        assert command in result.output and main.commands[command].help.split()[0] in result.output


def test_validate_accepts_what_build_writes(workdir):
    r = run("build", f"{SMALL[0]}.txt", "--formats", "tei", "--out", "out", cwd=workdir)
    assert r.returncode == 0, r.stderr
    v = run("validate", f"out/{SMALL[0]}.xml", cwd=workdir)
    assert v.returncode == 0, v.stdout + v.stderr


def test_validate_reports_each_problem_of_a_hand_broken_file_with_its_line(workdir):
    r = run("build", f"{SMALL[0]}.txt", "--formats", "tei", "--out", "out", cwd=workdir)
    assert r.returncode == 0, r.stderr
    xml = (workdir / "out" / f"{SMALL[0]}.xml").read_text(encoding="utf-8").splitlines()
    # break it by hand: a second element with an id already used, and a note without @n
    first_note = next(i for i, line in enumerate(xml) if "<note " in line and 'xml:id="' in line)
    xml[first_note] = xml[first_note].replace(' n="', ' data-n="', 1)
    xml.insert(first_note + 1, '<p xml:id="tei-edition">a duplicate id</p>')
    broken = workdir / "broken.xml"
    broken.write_text("\n".join(xml) + "\n", encoding="utf-8")
    v = run("validate", "broken.xml", "--no-jing", cwd=workdir)
    assert v.returncode != 0
    lines = [ln for ln in v.stdout.splitlines() if ln.startswith("broken.xml:")]
    assert any(f"broken.xml:{first_note + 2}:" in ln and "xml-id-unique" in ln for ln in lines), v.stdout
    assert any(f"broken.xml:{first_note + 1}:" in ln for ln in lines), v.stdout
    assert "Traceback" not in v.stderr


def test_bib_and_render_commands_work_on_a_built_tei_and_refuse_a_broken_one(workdir):
    r = run("build", f"{SMALL[0]}.txt", "--formats", "tei", "--out", "out", cwd=workdir)
    assert r.returncode == 0, r.stderr
    b = run("bib", f"out/{SMALL[0]}.xml", "-o", "cited.bib", cwd=workdir)
    assert b.returncode == 0, b.stderr
    assert (workdir / "cited.bib").exists()
    (workdir / "broken.xml").write_text("<TEI><text>", encoding="utf-8")
    for args in (("render", "broken.xml"), ("bib", "broken.xml", "-o", "x.bib")):
        v = run(*args, cwd=workdir)
        assert v.returncode != 0 and "Traceback" not in v.stderr
        assert len([ln for ln in v.stderr.splitlines() if ln.strip()]) == 1, v.stderr
    assert not (workdir / "broken.pdf").exists() and not (workdir / "x.bib").exists()


def test_a_second_build_leaves_unchanged_sources_and_force_builds_them_again(workdir):
    args = ("build", *(f"{s}.txt" for s in SMALL), "--formats", "tei,bib", "--out", "out")
    first = run(*args, cwd=workdir)
    assert first.returncode == 0, first.stderr
    assert "2 built, 0 unchanged, 0 failed" in first.stderr
    again = run(*args, cwd=workdir)
    assert again.returncode == 0, again.stderr
    assert "0 built, 2 unchanged, 0 failed" in again.stderr
    assert "works-cited.bib: unchanged" in again.stderr
    rows = [ln.split() for ln in again.stderr.splitlines() if ln.split()[:1] in ([s] for s in SMALL)]
    assert [row[1] for row in rows] == ["unchanged", "unchanged"], again.stderr
    forced = run(*args, "--force", "--jobs", "2", cwd=workdir)
    assert forced.returncode == 0, forced.stderr
    assert "2 built, 0 unchanged, 0 failed" in forced.stderr and "works-cited.bib: written" in forced.stderr
