"""Building an edition (tei_edition/edition.py): incremental builds, parallel builds, progress.

The edition here is three small texts of our own (Italian, German, English) in a sources/ folder
with a bib/ folder beside it, built with the library's `build_sources` into a temporary output
folder. A rebuild must convert exactly the sources whose inputs changed (the text, its metadata,
the edition's metadata or registers, the formats asked, the tool) or whose outputs are not those
the last build wrote; and a parallel build must write the same bytes as a sequential one.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tei_edition import edition, garbage
from tei_edition.edition import (MANIFEST, Progress, SourceResult, Stage, Status, build_sources, make_job,
                                 write_edition_bib)
from tei_edition.progress import Display, summary_table

TEXTS = {
    "lettere": """LETTERE DAL CONFINO

I. La partenza

Partimmo all'alba, come aveva scritto Carlo Rosselli nella sua lettera.[1] Il treno era vuoto.

Nessuno parlava; la pioggia batteva sui vetri.

[1] Lettera del 3 marzo, conservata nell'archivio di famiglia.
""",
    "tagebuch": """Aus dem Tagebuch

1. Montag

Der Regen hörte nicht auf. Wir lasen bis spät in die Nacht.

2. Dienstag

Am Morgen kam der Brief, den wir seit Wochen erwartet hatten.
""",
    "notebook": """A Winter Notebook

The snow came early that year, and the roads were closed by November.

We read aloud in the evenings, by the one lamp that still worked.
""",
}


@pytest.fixture
def edition_dir(tmp_path: Path) -> Path:
    sources = tmp_path / "sources"
    sources.mkdir()
    (tmp_path / "bib").mkdir()
    for stem, text in TEXTS.items():
        (sources / f"{stem}.txt").write_text(text, encoding="utf-8")
    (sources / "lettere.toml").write_text('language = "it"\n', encoding="utf-8")
    return tmp_path


def sources_of(root: Path) -> list[Path]:
    return sorted((root / "sources").glob("*.txt"))


def build(root: Path, formats=("tei", "bib"), **options) -> dict[str, Status]:
    results = build_sources(sources_of(root), root / "out", formats, **options)
    return {r.source.stem: r.status for r in results}


def stamps(out: Path) -> dict[str, int]:
    """When each output was last written."""
    return {p.name: p.stat().st_mtime_ns for p in sorted(out.iterdir()) if p.name != MANIFEST}


def contents(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name != MANIFEST}


def test_a_first_build_builds_every_source_and_records_it_in_the_manifest(edition_dir):
    assert build(edition_dir) == dict.fromkeys(TEXTS, Status.BUILT)
    manifest = json.loads((edition_dir / "out" / MANIFEST).read_text(encoding="utf-8"))
    assert sorted(manifest["sources"]) == sorted(TEXTS)
    assert set(manifest["sources"]["lettere"]["outputs"]) == {"lettere.xml", "lettere.bib", "lettere.report.json"}


def test_a_rebuild_with_nothing_changed_converts_nothing_and_writes_nothing(edition_dir):
    build(edition_dir)
    before = stamps(edition_dir / "out")
    assert build(edition_dir) == dict.fromkeys(TEXTS, Status.UNCHANGED)
    assert stamps(edition_dir / "out") == before


def test_an_unchanged_source_keeps_its_counts_for_the_summary(edition_dir):
    first = {r.source.stem: r for r in build_sources(sources_of(edition_dir), edition_dir / "out", ["tei"])}
    again = {r.source.stem: r for r in build_sources(sources_of(edition_dir), edition_dir / "out", ["tei"])}
    assert again["lettere"].status is Status.UNCHANGED
    assert again["lettere"].counts == first["lettere"].counts and first["lettere"].counts["notes"] == 1


def test_changing_one_source_rebuilds_that_source_only(edition_dir):
    build(edition_dir)
    path = edition_dir / "sources" / "tagebuch.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n3. Mittwoch\n\nEndlich Sonne.\n", encoding="utf-8")
    assert build(edition_dir) == {"lettere": Status.UNCHANGED, "notebook": Status.UNCHANGED,
                                  "tagebuch": Status.BUILT}
    assert "Mittwoch" in (edition_dir / "out" / "tagebuch.xml").read_text(encoding="utf-8")


def test_changing_a_sources_metadata_rebuilds_that_source(edition_dir):
    build(edition_dir)
    (edition_dir / "sources" / "notebook.toml").write_text('title = "A Winter Notebook, 1947"\n', encoding="utf-8")
    assert build(edition_dir)["notebook"] is Status.BUILT
    assert build(edition_dir)["notebook"] is Status.UNCHANGED


def test_changing_a_register_rebuilds_every_source(edition_dir):
    build(edition_dir)
    (edition_dir / "sources" / "persons.xml").write_text(
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="rosselli-carlo">'
        '<persName><forename>Carlo</forename><surname>Rosselli</surname></persName></person></listPerson>\n',
        encoding="utf-8")
    assert build(edition_dir) == dict.fromkeys(TEXTS, Status.BUILT)
    assert 'ref="#rosselli-carlo"' in (edition_dir / "out" / "lettere.xml").read_text(encoding="utf-8")


def test_an_output_deleted_or_edited_by_hand_is_written_again(edition_dir):
    build(edition_dir)
    out = edition_dir / "out"
    written = (out / "notebook.xml").read_bytes()
    (out / "notebook.xml").unlink()
    (out / "tagebuch.report.json").write_text("{}", encoding="utf-8")
    assert build(edition_dir) == {"lettere": Status.UNCHANGED, "notebook": Status.BUILT, "tagebuch": Status.BUILT}
    assert (out / "notebook.xml").read_bytes() == written


def test_asking_for_other_formats_rebuilds(edition_dir):
    build(edition_dir, formats=("tei",))
    assert build(edition_dir, formats=("tei", "bib")) == dict.fromkeys(TEXTS, Status.BUILT)
    assert (edition_dir / "out" / "notebook.bib").is_file()


def test_a_new_version_of_the_tool_rebuilds_every_source(edition_dir, monkeypatch):
    build(edition_dir)
    monkeypatch.setattr(edition, "tool_fingerprint", lambda: "another version")
    assert build(edition_dir) == dict.fromkeys(TEXTS, Status.BUILT)


def test_force_rebuilds_every_source_to_the_same_bytes(edition_dir):
    build(edition_dir)
    before = contents(edition_dir / "out")
    assert build(edition_dir, force=True) == dict.fromkeys(TEXTS, Status.BUILT)
    assert contents(edition_dir / "out") == before


def test_an_unreadable_manifest_means_a_full_build_not_an_error(edition_dir):
    build(edition_dir)
    (edition_dir / "out" / MANIFEST).write_text("{not json", encoding="utf-8")
    assert build(edition_dir) == dict.fromkeys(TEXTS, Status.BUILT)


def test_a_source_that_fails_is_not_recorded_and_is_tried_again(edition_dir):
    bad = edition_dir / "sources" / "empty.txt"
    bad.write_bytes(b"  \n\n")
    statuses = build(edition_dir)
    assert statuses["empty"] is Status.FAILED and statuses["notebook"] is Status.BUILT
    assert not (edition_dir / "out" / "empty.xml").exists()
    assert build(edition_dir)["empty"] is Status.FAILED        # not 'unchanged': it has no output
    bad.write_text("Now There Is Text\n\nA paragraph at last.\n", encoding="utf-8")
    assert build(edition_dir) == {**dict.fromkeys(TEXTS, Status.UNCHANGED), "empty": Status.BUILT}


def test_two_jobs_write_the_same_files_as_one(edition_dir, tmp_path):
    build_sources(sources_of(edition_dir), tmp_path / "one", ["tei", "bib"], jobs=1)
    build_sources(sources_of(edition_dir), tmp_path / "two", ["tei", "bib"], jobs=2)
    assert contents(tmp_path / "one") == contents(tmp_path / "two")
    assert len(contents(tmp_path / "one")) == 3 * len(TEXTS)


def test_results_come_back_in_the_order_of_the_sources_given(edition_dir):
    paths = list(reversed(sources_of(edition_dir)))
    results = build_sources(paths, edition_dir / "out", ["tei"], jobs=2)
    assert [r.source for r in results] == paths


def test_a_pool_starts_the_longest_texts_first_and_keeps_the_order_of_ties(edition_dir):
    from tei_edition.edition import longest_first
    jobs = [make_job(p, ["tei"]) for p in sources_of(edition_dir)]
    ordered = longest_first(jobs)
    assert sorted(ordered, key=lambda j: j.stem) == sorted(jobs, key=lambda j: j.stem)
    assert [len(j.text) for j in ordered] == sorted((len(j.text) for j in jobs), reverse=True)
    from dataclasses import replace
    ties = [replace(jobs[0], source=Path(f"{name}.txt")) for name in ("zeta", "alpha", "mu")]
    assert [j.stem for j in longest_first(ties)] == ["zeta", "alpha", "mu"]


class Recorder(Progress):
    def __init__(self) -> None:
        self.stages: list[tuple[str, Stage]] = []
        self.finished: list[tuple[str, Status]] = []

    def stage(self, stem: str, stage: Stage) -> None:
        self.stages.append((stem, stage))

    def done(self, result: SourceResult) -> None:
        self.finished.append((result.source.stem, result.status))


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_hears_every_stage_of_every_source_built(edition_dir, jobs):
    recorder = Recorder()
    build_sources(sources_of(edition_dir), edition_dir / "out", ["tei", "bib"], jobs=jobs, progress=recorder)
    for stem in TEXTS:
        stages = [s for name, s in recorder.stages if name == stem]
        assert stages == [Stage.CONVERT, Stage.VALIDATE, Stage.BIB], (stem, recorder.stages)
    assert sorted(recorder.finished) == sorted((stem, Status.BUILT) for stem in TEXTS)


def test_progress_of_a_rebuild_tells_each_unchanged_source(edition_dir):
    build(edition_dir)
    recorder = Recorder()
    build_sources(sources_of(edition_dir), edition_dir / "out", ["tei", "bib"], progress=recorder)
    assert recorder.stages == []
    assert sorted(recorder.finished) == sorted((stem, Status.UNCHANGED) for stem in TEXTS)


def test_the_edition_bibliography_is_written_again_only_when_an_input_changed(edition_dir):
    out = edition_dir / "out"
    build(edition_dir)
    first = write_edition_bib(out, sources_of(edition_dir), from_tei=True)
    assert first.rebuilt and first.whole and (edition_dir / "bib" / "works-cited.bib").is_file()
    assert not write_edition_bib(out, sources_of(edition_dir), from_tei=True).rebuilt
    (out / "works-cited.bib").unlink()
    assert write_edition_bib(out, sources_of(edition_dir), from_tei=True).rebuilt
    assert write_edition_bib(out, sources_of(edition_dir), from_tei=True, force=True).rebuilt


def test_the_fingerprint_covers_the_edition_metadata(edition_dir):
    source = edition_dir / "sources" / "notebook.txt"
    before = make_job(source, ["tei"]).inputs
    (edition_dir / "sources" / "edition.toml").write_text('title = "Winter Papers"\n', encoding="utf-8")
    assert make_job(source, ["tei"]).inputs != before
    assert make_job(source, ["tei"]).inputs == make_job(source, ["tei"]).inputs


# --------------------------------------------------------------------------- what the user sees

class Stream:
    def __init__(self, tty: bool) -> None:
        self.text, self.tty = "", tty

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return self.tty


def test_in_a_log_every_stage_and_outcome_is_a_line_of_its_own(edition_dir):
    stream = Stream(tty=False)
    build_sources(sources_of(edition_dir), edition_dir / "out", ["tei"], progress=Display(3, stream))
    lines = stream.text.splitlines()
    assert "lettere: converting" in lines and "lettere: validating" in lines
    assert [ln.split("]")[0] for ln in lines if ln.startswith("[")] == ["[1/3", "[2/3", "[3/3"]
    assert "\r" not in stream.text


def test_on_a_terminal_the_status_line_is_rewritten_in_place_and_cleared(edition_dir):
    stream = Stream(tty=True)
    display = Display(3, stream)
    build_sources(sources_of(edition_dir), edition_dir / "out", ["tei"], progress=display)
    display.close()
    assert "\r" in stream.text and "(converting)" in stream.text
    assert stream.text.rstrip(" ").endswith("\r")          # nothing of the status line is left
    assert sum(ln.startswith("[") and ": built in" in ln for ln in stream.text.replace("\r", "\n").splitlines()) == 3


def test_the_summary_table_has_a_row_per_source_and_a_total(edition_dir):
    (edition_dir / "sources" / "empty.txt").write_bytes(b"")
    build(edition_dir)
    results = build_sources(sources_of(edition_dir), edition_dir / "out", ["tei", "bib"])
    table = summary_table(results, 1.25).splitlines()
    assert table[0].split()[:3] == ["source", "status", "seconds"]
    rows = {ln.split()[0]: ln.split() for ln in table[2:-1]}
    assert rows["lettere"][1:4] == ["unchanged", "2", "1"]        # no seconds: two paragraphs, one note
    assert rows["empty"][1] == "failed"
    assert table[-1] == "0 built, 3 unchanged, 1 failed, 1.2 s"


def test_the_edition_wide_writers_are_prepared_while_other_processes_convert(edition_dir, monkeypatch):
    """The main process imports what works-cited.bib needs before it waits for the first source
    converted elsewhere, and does nothing of the kind when it converts the sources itself."""
    events: list[str] = []
    monkeypatch.setattr(edition, "_import_edition_writers", lambda: events.append("prepared"))
    real = edition._written
    monkeypatch.setattr(edition, "_written", lambda job, *rest: events.append(job.stem) or real(job, *rest))
    build(edition_dir, jobs=2, force=True)
    assert events[0] == "prepared" and events.count("prepared") == 1 and sorted(events[1:]) == sorted(TEXTS)
    events.clear()
    build(edition_dir, formats=("tei",), jobs=2, force=True)
    assert "prepared" not in events
    events.clear()
    build(edition_dir, jobs=1, force=True)
    assert "prepared" not in events and sorted(events) == sorted(TEXTS)


def test_a_conversion_runs_with_rarer_full_collections_and_gives_the_thresholds_back(tmp_path, monkeypatch):
    import gc
    (tmp_path / "brief.txt").write_text("Ein Brief\n\nLieber Freund, ich schreibe dir aus Wien.\n", encoding="utf-8")
    job = make_job(tmp_path / "brief.txt", ["tei"])
    before = gc.get_threshold()
    during = []
    real = edition._run_job
    monkeypatch.setattr(edition, "_run_job", lambda *a: during.append(gc.get_threshold()) or real(*a))
    assert edition.run_job(job).ok
    assert during[0][:2] == before[:2] and during[0][2] == max(garbage.FULL_COLLECTION_EVERY, before[2])
    assert gc.get_threshold() == before

    def failing(*a):
        raise RuntimeError("bug")
    monkeypatch.setattr(edition, "_run_job", failing)
    assert not edition.run_job(job).ok and gc.get_threshold() == before


def test_overlapping_conversions_give_the_thresholds_back_when_the_last_ends():
    import gc
    before = gc.get_threshold()
    with garbage.fewer_full_collections():
        with garbage.fewer_full_collections():
            raised = gc.get_threshold()
        assert gc.get_threshold() == raised
    assert raised[2] >= garbage.FULL_COLLECTION_EVERY and gc.get_threshold() == before
