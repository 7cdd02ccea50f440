#!/usr/bin/env python3
"""Time the TEI conversion on every source and on a large synthetic text.

    python scripts/benchmark.py                 # every sources/*.txt, then a 50 MB synthetic text
    python scripts/benchmark.py --synthetic-mb 0   # the sources only
    python scripts/benchmark.py --repeat 5 sources/icc-communist-fractions-1922-3.txt
    python scripts/benchmark.py --passes --synthetic-mb 0   # also each pass's share of the time
    python scripts/benchmark.py --all --synthetic-mb 0      # and, as whole processes: against pandoc,
                                                            # PDFs, 10 and 50 MB texts, rebuilds, a batch
                                                            # of 1,000 (local and on a Dask LocalCluster);
                                                            # and the growth of texts of several shapes
    python scripts/benchmark.py --growth        # only that: each shape at 100 and 400 KB

For each source: size, the best of --repeat runs of `tei_edition.api.convert_bytes` (decoding
included, writing excluded), and the paragraphs and notes of the result. The synthetic text runs
once (it is slow and the machine's cache does not change its time much). With --passes, the time
of every pass of the pipeline summed over the sources (best of --repeat), so that a slow pass
shows by name; and the validation that runs after every conversion (the project schema's
compilation, `validate_tree` on each TEI). The figures go into docs/benchmark.md; no test asserts a
time, since CI machines vary too much.

`synthetic_text(size)` is also what tests/test_robustness.py converts in its large-input test, so
the benchmark and the test measure the same text.
"""
from __future__ import annotations

import argparse
import gc
import platform
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Realistic prose: the register of the edition's sources (history of the Left Opposition), so that
# the passes (headings, quotations, hyphenation, notes) see the kind of text they were written for.
_SENTENCES = [
    "The Left Opposition had argued since 1923 for a planned industrialisation financed by a tax "
    "on the richer peasants, and for the restoration of democracy inside the party.",
    "In the winter of 1927–28 the grain collections fell far short of the plan, and the leadership "
    "answered with emergency measures that it had denounced a few months before.",
    "Trotsky, exiled to Alma-Ata, followed these events through the letters of his supporters and "
    "the few newspapers that reached him, often weeks late.",
    "Many of the oppositionists who had been deported to Siberia read the turn as a vindication of "
    "their programme and began to ask whether they should return to the party.",
    "The bureaucracy, however, was not a mere instrument of the peasantry or of the workers; it "
    "had interests of its own, which the debates of the time rarely named.",
    "Rakovsky’s letter to Valentinov described the “professional dangers of power” in terms that "
    "later historians would quote again and again.",
    "What followed was not the victory of the programme but its caricature: forced collectivisation, "
    "famine and the destruction of the very workers’ democracy the Opposition had defended.",
    "The statistics published in Moscow gave 20% of the pre-war output for industry and 13% for "
    "its value; the figures for iron and steel were lower still.",
    "He wrote that the party must “turn its face to the working class” and not to the apparatus, a "
    "phrase that his opponents quoted against him for years.",
    "Preobrazhensky, Radek and Smilga signed their statement of capitulation in July 1929, and "
    "hundreds of deportees followed them in the months that came after.",
]
_HEADINGS = [
    "Stalin Turns to Forced Collectivisation", "The Forced March of Industrialisation",
    "Trotsky’s Reaction to the Five-Year Plan", "Trotskyists in the USSR",
    "Deep Crisis in the Left Opposition", "The Platform of the Opposition",
    "Capitulating to Stalin", "The Opposition Abroad", "Why Stalin Won",
]
_NOTES = [
    "Cliff 1993, p. 102.",
    "L. Trotsky, The Third International after Lenin, New York 1936, pp. 215–16.",
    "See the discussion in R.W. Davies, The Socialist Offensive, London 1980, chapter 3.",
    "Bulletin of the Opposition, No. 7, November–December 1929.",
    "Quoted in I. Deutscher, The Prophet Unarmed, Oxford 1959, p. 404.",
]
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _wrap(text: str, width: int = 72, rng: random.Random | None = None) -> list[str]:
    """Hard-wrap `text`; with `rng`, some long words are split across lines with a hyphen."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            cut = len(word) // 2
            if rng is not None and word.isalpha() and len(word) >= 8 and rng.random() < 0.4:
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + ([line] if line else [])


def _chapter(n: int, rng: random.Random) -> str:
    """One chapter: numbered heading, sub-headings, hard-wrapped paragraphs (some words split by a
    hyphen at the line end), a block quotation after a lead-in colon, and notes numbered from 1 in
    the chapter: either page-foot notes with superscript calls or, in other chapters, '[n]' calls
    with a 'Notes' section at the chapter's end."""
    out = [f"{n}. {rng.choice(_HEADINGS)}", ""]
    foot = n % 2 == 1
    calls = 0
    end_notes: list[str] = []
    for section in range(3):
        if section:
            out += [rng.choice(_HEADINGS), ""]
        for _ in range(4):
            sentences = [rng.choice(_SENTENCES) for _ in range(rng.randint(3, 6))]
            kind = rng.random()
            if kind < 0.35 and foot:
                calls += 1
                sentences[-1] += str(calls).translate(_SUPERSCRIPT)
                out += _wrap(" ".join(sentences), rng=rng) + [""]
                out += [str(calls).translate(_SUPERSCRIPT) + " " + rng.choice(_NOTES), ""]
            elif kind < 0.35:
                end_notes.append(rng.choice(_NOTES))
                sentences[-1] += f" [{len(end_notes)}]"
                out += _wrap(" ".join(sentences), rng=rng) + [""]
            elif kind < 0.45:
                out += _wrap(" ".join(sentences[:2])[:-1] + ", as he put it:") + [""]
                out += ["    " + ln for ln in _wrap(" ".join(sentences[2:]), 64)] + [""]
            else:
                out += _wrap(" ".join(sentences), rng=rng) + [""]
    if end_notes:
        out += ["Notes", ""]
        out += [f"{i}. {t}" for i, t in enumerate(end_notes, 1)] + [""]
    return "\n".join(out) + "\n"


def synthetic_text(size: int, seed: int = 1927) -> str:
    """A book of about `size` bytes (UTF-8): a title page, then chapters until the size is reached."""
    rng = random.Random(seed)
    parts = ["The Left Opposition and the Rise of Stalinism\n\nA Synthetic History\n\n"
             "By A. N. Author\n\n"]
    total = sum(len(p.encode("utf-8")) for p in parts)
    n = 0
    while total < size:
        n += 1
        chapter = _chapter(n, rng)
        parts.append(chapter)
        total += len(chapter.encode("utf-8"))
    return "".join(parts)


def _superscript(n: int) -> str:
    return str(n).translate(_SUPERSCRIPT)


def _numbered(size: int, piece, *heads: str) -> tuple[list[list[str]], int]:
    """Lists begun with `heads`, each given its part of `piece(k)` for k = 1, 2, ... until all
    together hold `size` characters; with the last k. The total is kept as it grows, not summed
    again at each piece (that would be quadratic in the generator itself)."""
    lists = [[head] if head else [] for head in heads]
    total, k = sum(map(len, heads)), 0
    while total < size:
        k += 1
        for out, part in zip(lists, piece(k)):
            out.append(part)
            total += len(part)
    return lists, k


def _numbered_list(size: int) -> str:
    """Paragraphs each ending with a superscript call, then a numbered list of short entries, one
    per line, with no blank line between them, that is not read as the calls' notes: the layout
    leaves it as one block of thousands of numbers."""
    (out,), k = _numbered(size, lambda k: (f"Entry {k} of the register is described here.{_superscript(k)}\n\n",),
                          "Entries of the Register\n\n")
    out.append("Index\n\n" + "".join(f"{i}. Item {i}, page {i}.\n" for i in range(1, k + 1)))
    return "".join(out)


def _list_of_works(size: int) -> str:
    """A paragraph, then a list of works, one per line with no blank line between them, that the
    layout reads as one block of thousands of lines (and the reference-list pass cuts into its
    thousands of entries)."""
    authors = ["Deutscher, Isaac", "Broué, Pierre", "Carr, E. H.", "Daniels, Robert V.", "Reiman, Michal"]

    def work(k: int) -> tuple[str]:
        return (f"{authors[k % len(authors)]} ({1920 + k % 80}). The Opposition, volume {k}. London: Verso.\n",)
    (out,), _ = _numbered(size, work, "Works Cited in the Study\n\nThe study cites the works below.\n\nBibliography\n\n")
    return "".join(out)


def _table(size: int) -> str:
    """A paragraph, then a table of figures set out in columns of spaces, one row per line."""
    (out,), _ = _numbered(size, lambda k: (f"{1900 + k % 100}    {k * 3:>8}    {k * 7:>8}    {k % 13:>4}\n",),
                          "Output of Industry by Year\n\nThe table gives the output of the plan, year by year.\n\n")
    return "".join(out)


_FAMILIES = ["Daniels", "Reiman", "Broué", "Deutscher", "Carr", "Cohen", "Getty", "Fitzpatrick", "Lewin"]


def _author_date(size: int) -> str:
    """Paragraphs each citing a work by author and year, and the list of references they cite."""
    def citing(k: int) -> tuple[str, str]:
        family, year = _FAMILIES[k % 9] + "son" * (k // 9 % 4), 1900 + k % 97
        return (f"As the record shows, the debate turned on the plan ({family} {year}: {k % 200 + 1}).\n\n",
                f"{family}, {chr(65 + k % 26)}. ({year}). The Study of Question {k}. London: Verso.\n")
    (body, references), _ = _numbered(size, citing, "Studies of the Opposition\n\n", "")
    return "".join(body) + "References\n\n" + "\n".join(references)


def _chapters(size: int) -> str:
    """Paragraphs each with a note call, and their notes, each citing a chapter in an edited book."""
    def calling(k: int) -> tuple[str, str]:
        author, editor = _FAMILIES[k % 9] + "son" * (k // 9 % 5), _FAMILIES[(k + 4) % 9]
        return (f"The debate turned on the plan, and on little else.{k} More followed.\n\n",
                f"{k}. {chr(65 + k % 26)}. {author}, “The Question of Volume {k}”, in {chr(66 + k % 20)}. "
                f"{editor} (ed.), Essays on Topic {k}, London: Verso, {1900 + k % 97}, pp. {k % 50 + 1}–{k % 50 + 20}.")
    (body, notes), _ = _numbered(size, calling, "Essays on the Opposition\n\n", "")
    return "".join(body) + "Notes\n\n" + "\n".join(notes) + "\n"


def _markdown(size: int) -> str:
    """A Markdown book: a section for each paragraph, emphasis, and a footnote citing an issue of
    a periodical at each paragraph's end (the notes do not count towards the size)."""
    def section(k: int) -> tuple[str]:
        return (f"## Section {k}\n\nThe party must *turn its face* to the working class[^{k}], "
                f"said **Trotsky** in {1900 + k % 40}.\n\n",)
    (out,), k = _numbered(size, section, "# The Bulletin Years\n\n")
    notes = [f"[^{i}]: Bulletin of the Opposition, No. {i}, p. {i % 90 + 1}.\n" for i in range(1, k + 1)]
    return "".join(out) + "\n" + "".join(notes)


def _restructured_text(size: int) -> str:
    """The same book in reStructuredText, its notes auto-numbered ('[#]_')."""
    def section(k: int) -> tuple[str]:
        title = f"Section {k}"
        return (f"{title}\n{'-' * len(title)}\n\nThe party must *turn its face* to the working class [#]_, "
                f"said **Trotsky** in {1900 + k % 40}.\n\n",)
    (out,), k = _numbered(size, section, "The Bulletin Years\n==================\n\n")
    notes = [f".. [#] Bulletin of the Opposition, No. {i}, p. {i % 90 + 1}.\n" for i in range(1, k + 1)]
    return "".join(out) + "\n" + "".join(notes)


def _read_notes(size: int) -> str:
    """Paragraphs each ending with a superscript call, and the notes under a 'Notes' heading."""
    (out,), k = _numbered(size, lambda k: (f"{_SENTENCES[k % len(_SENTENCES)]}{_superscript(k)}\n\n",),
                          "The Letters of the Opposition\n\n")
    out.append("Notes\n\n" + "".join(f"{i}. {_NOTES[i % len(_NOTES)]}\n" for i in range(1, k + 1)))
    return "".join(out)


# Texts of one shape at any size (growth): a conversion whose time grows faster than its text in
# one of them has a scan that is quadratic in something that shape holds many of.
SHAPES = {
    "book": synthetic_text,
    "one line": lambda size: " ".join(synthetic_text(size).split()),
    "a paragraph per line": lambda size: "\n\n".join(ln for ln in synthetic_text(size).splitlines() if ln.strip()),
    "numbered list": _numbered_list,
    "a list of works": _list_of_works,
    "a table": _table,
    "notes read": _read_notes,
    "author-date": _author_date,
    "chapters in edited books": _chapters,
    "Markdown": _markdown,
    "reStructuredText": _restructured_text,
}


def growth(sizes_kb: tuple[int, int] = (100, 400)) -> None:
    """(g) each shape converted at two sizes: the ratio of the times against that of the sizes."""
    import tei_edition
    small, large = sizes_kb
    tei_edition.convert(synthetic_text(20_000), {"language": "en"})   # the first conversion compiles and loads (not counted)
    print(f"\n(g) growth by shape           {small} KB s   {large} KB s   ratio (linear: {large / small:g})")
    for name, make in SHAPES.items():
        seconds = []
        for kb in sizes_kb:
            text = make(kb * 1024)
            start = time.perf_counter()
            tei_edition.convert(text, {"language": "en"})
            seconds.append(time.perf_counter() - start)
        print(f"    {name:<26}{seconds[0]:9.2f}{seconds[1]:12.2f}{seconds[1] / seconds[0]:10.1f}", flush=True)


def _counts(tree) -> tuple[int, int]:
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    text = tree.getroot().find("t:text", ns)
    return len(text.findall(".//t:p", ns)), len(text.findall(".//t:note", ns))


def time_bytes(data: bytes, name: str, repeat: int, metadata=None, registers=None) -> tuple[float, int, int]:
    """Best time of `repeat` conversions of `data`, with the paragraphs and notes of the result."""
    from tei_edition.api import convert_bytes
    best = float("inf")
    result = None
    for _ in range(repeat):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = convert_bytes(data, metadata, name, registers)
        best = min(best, time.perf_counter() - start)
    paragraphs, notes = _counts(result.tree)
    return best, paragraphs, notes


def profile_passes(paths: list[Path], repeat: int) -> list[tuple[str, float]]:
    """Seconds each pass takes, summed over `paths` (each source's best of `repeat` runs)."""
    from tei_edition.api import _normalise
    from tei_edition.metadata import Metadata
    from tei_edition.pipeline import PIPELINE
    from tei_edition.registers import Registers
    from tei_edition.report import Report
    totals = {p.name: 0.0 for p in PIPELINE.passes}
    for path in paths:
        best = {p.name: float("inf") for p in PIPELINE.passes}
        for _ in range(repeat):
            report = Report()
            text = _normalise(path.read_text(encoding="utf-8", errors="replace"), report)
            context = PIPELINE.context(text, Metadata.for_source(path), report, Registers.beside(path))
            for p in PIPELINE.passes:
                start = time.perf_counter()
                p.run(context)
                best[p.name] = min(best[p.name], time.perf_counter() - start)
        for name, seconds in best.items():
            totals[name] += seconds
    return sorted(totals.items(), key=lambda kv: -kv[1])


def time_validation(paths: list[Path], repeat: int) -> list[tuple[str, float]]:
    """The project schema's compilation, and validate_tree on the TEI of each source (best of
    `repeat`), in seconds."""
    from lxml import etree
    from tei_edition.api import convert_file
    from tei_edition.validation import PROJECT_SCHEMA, validate_tree
    rows = []
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        etree.RelaxNG(etree.parse(str(PROJECT_SCHEMA)))
        best = min(best, time.perf_counter() - start)
    rows.append(("compile the project schema", best))
    for path in paths:
        tree = convert_file(path).tree
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            validate_tree(tree)
            best = min(best, time.perf_counter() - start)
        rows.append((f"validate_tree {path.name}", best))
    return rows


# --------------------------------------------------------------------------- whole processes

# Runs a command as a child and prints its wall seconds and the peak resident memory (KB) of the
# largest process it ran: the figures of one whole-process run, taken by a small parent.
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(json.loads(sys.argv[1]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                      cwd=sys.argv[2] or None)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)
"""


def measure(cmd: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of one run of `cmd` as a whole process."""
    import json
    import subprocess
    out = subprocess.run([sys.executable, "-c", _MEASURE, json.dumps(cmd), str(cwd or "")],
                         capture_output=True, text=True, check=True).stdout.split()
    if out[2] != "0":
        raise RuntimeError(f"{' '.join(cmd)} exited with {out[2]}")
    return float(out[0]), int(out[1]) / 1024


def _spread(values: list[float]) -> str:
    ordered = sorted(values)
    return f"median {ordered[len(ordered) // 2]:.3f} (min {ordered[0]:.3f}, max {ordered[-1]:.3f})"


def versus_pandoc(paths: list[Path], runs: int, work: Path) -> None:
    """(a) text → TEI + BibTeX of the sources in one build, against pandoc -f markdown -t tei on the
    same files (one pandoc per file, as a user would run it), alternating, ratio pair by pair."""
    import shutil
    if shutil.which("pandoc") is None:
        print("\n(a) pandoc is not installed (apt-get install pandoc): the comparison is skipped")
        return
    # --force: every run converts all the sources (a build into the same folder would skip them)
    ours = ["tei-edition", "build", "--formats", "tei,bib", "--force", "--out", str(work / "vs"), *map(str, paths)]
    loop = " ; ".join(f"pandoc -f markdown -t tei '{p}' -o /dev/null" for p in paths)
    theirs = ["sh", "-c", loop]
    measure(ours), measure(theirs)                       # warm-up: caches, byte-compiled modules
    a, b = [], []
    for _ in range(runs):
        a.append(measure(ours)[0])
        b.append(measure(theirs)[0])
    ratios = [x / y for x, y in zip(a, b)]
    print(f"\n(a) {len(paths)} sources, {sum(p.stat().st_size for p in paths) / 1024:.0f} KB, {runs} paired runs")
    print(f"    tei-edition build --formats tei,bib   {_spread(a)} s")
    print(f"    pandoc -f markdown -t tei (per file)  {_spread(b)} s")
    print(f"    ratio tei-edition / pandoc            {_spread(ratios)}")


def pdf_rendering(paths: list[Path], work: Path) -> None:
    """(c) each source's print PDF from its TEI, and the volume of all of them (edition.pdf): pages,
    seconds and peak memory, each as a whole process (`tei-edition render`; the volume through
    writers/volume.write_volume, as `build` writes it)."""
    import subprocess
    out = work / "pdf"
    subprocess.run(["tei-edition", "build", "--formats", "tei", "--out", str(out), *map(str, paths)],
                   check=True, capture_output=True)
    print("\n(c) PDF                                     pages   seconds   peak MB")

    def pages_of(pdf: Path) -> str:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        return next((ln.split()[-1] for ln in info.splitlines() if ln.startswith("Pages:")), "?")

    teis = [out / f"{path.stem}.xml" for path in paths]
    for tei in teis:
        seconds, peak = measure(["tei-edition", "render", str(tei)])
        print(f"    {tei.stem:<38}{pages_of(tei.with_suffix('.pdf')):>6}{seconds:10.1f}{peak:10.0f}")
    if len(teis) > 1:
        volume = out / "edition.pdf"
        edition = paths[0].parent / "edition.toml"
        code = ("import sys; from pathlib import Path; from tei_edition.metadata import Edition; "
                "from tei_edition.writers.volume import write_volume; "
                "e = Path(sys.argv[2]); write_volume([Path(p) for p in sys.argv[3:]], Path(sys.argv[1]), "
                "edition=Edition.beside(e) if e.is_file() else None)")
        seconds, peak = measure([sys.executable, "-c", code, str(volume), str(edition), *map(str, teis)])
        print(f"    {'edition.pdf (the volume)':<38}{pages_of(volume):>6}{seconds:10.1f}{peak:10.0f}")


def synthetic_runs(sizes_mb: list[float], work: Path) -> None:
    """(d) the synthetic texts as whole conversions: seconds and peak memory against the input."""
    print("\n(d) synthetic text      MB   seconds   peak MB   peak / input")
    for mb in sizes_mb:
        path = work / f"synthetic-{mb:g}.txt"
        path.write_text(synthetic_text(int(mb * 1024 * 1024)), encoding="utf-8")
        seconds, peak = measure(["tei-edition", "convert", str(path), "-o", str(path.with_suffix(".xml"))])
        print(f"    {path.name:<20}{mb:4g}{seconds:10.1f}{peak:10.0f}{peak / mb:12.1f}")


def rebuilds(paths: list[Path], work: Path, runs: int = 7) -> None:
    """(f) incremental builds: the first build, rebuilds with nothing changed (`runs` of them), and one after the
    smallest source was touched (a line added to its text), as whole processes."""
    import shutil
    folder = work / "rebuild"
    (folder / "sources").mkdir(parents=True)
    for path in paths:
        for companion in path.parent.glob(f"{path.stem}.*"):
            shutil.copy(companion, folder / "sources" / companion.name)
    for register in ("persons.xml", "edition.toml"):
        if (paths[0].parent / register).exists():
            shutil.copy(paths[0].parent / register, folder / "sources" / register)
    shutil.copytree(ROOT / "bib", folder / "bib")
    build = ["tei-edition", "build", "--formats", "tei,bib", "--out", "out"]
    first = measure(build, cwd=folder)
    unchanged = [measure(build, cwd=folder) for _ in range(runs)]
    touched = folder / "sources" / min(paths, key=lambda p: p.stat().st_size).name
    touched.write_text(touched.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    one = measure(build, cwd=folder)
    print(f"\n(f) builds of {len(paths)} sources (tei,bib)   seconds   peak MB")
    median = sorted(unchanged)[len(unchanged) // 2]
    for label, (seconds, peak) in (("first build", first), (f"nothing changed (median of {runs})", median),
                                   (f"{touched.stem} touched", one)):
        print(f"    {label:<44}{seconds:8.2f}{peak:10.0f}")
    print(f"    nothing changed: {_spread([seconds for seconds, _ in unchanged])} s")


def batch(count: int, work: Path) -> None:
    """(e) a batch of small generated texts through one build (all cores), then the same batch on
    a Dask LocalCluster with a worker per core (when the dask extra is installed)."""
    folder = work / "batch" / "sources"
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(count):
        (folder / f"t{k:05d}.txt").write_text(synthetic_text(3000 + (k * 37) % 5000, seed=k), encoding="utf-8")
    jobs = str(_cpus())
    size = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1024 / 1024
    build = ["tei-edition", "build", "--formats", "tei,bib", "--out"]
    seconds, peak = measure([*build, "out", "--jobs", jobs], cwd=folder.parent)
    print(f"\n(e) batch of {count} texts ({size:.1f} MB), --jobs {jobs}: {seconds:.1f} s, "
          f"{count / seconds:.1f} texts/s, peak {peak:.0f} MB")
    try:
        from dask.distributed import LocalCluster
    except ImportError:
        print("    on Dask: not measured (pip install 'tei-edition[dask]')")
        return
    with LocalCluster(n_workers=_cpus(), threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        seconds, peak = measure([*build, "out-dask", "--scheduler", cluster.scheduler_address], cwd=folder.parent)
    print(f"    on a Dask LocalCluster of {_cpus()} workers: {seconds:.1f} s, {count / seconds:.1f} texts/s, "
          f"peak of the client {peak:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="*", type=Path, help="sources to time (default: sources/*.txt)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per source; the best counts (default 3)")
    parser.add_argument("--synthetic-mb", type=float, default=50,
                        help="size of the synthetic text in MB, run once; 0 to skip (default 50)")
    parser.add_argument("--passes", action="store_true",
                        help="also time every pass (summed over the sources) and the validation")
    parser.add_argument("--all", action="store_true",
                        help="everything, in one run: the per-source and per-pass figures, (a) against pandoc, "
                             "(c) PDFs, (d) the 10 and 50 MB synthetic texts as whole processes, (e) a batch")
    parser.add_argument("--pdf", action="store_true",
                        help="only (c): each source's PDF and the volume, pages, seconds and peak memory")
    parser.add_argument("--rebuilds", action="store_true",
                        help="only (f): a first build, rebuilds with nothing changed, one after touching a source")
    parser.add_argument("--growth", action="store_true",
                        help="only (g): texts of several shapes at 100 and 400 KB, the ratio of their times")
    parser.add_argument("--pandoc-runs", type=int, default=5, help="paired runs against pandoc (default 5)")
    parser.add_argument("--batch", type=int, default=1000, help="texts in the batch (default 1000)")
    args = parser.parse_args(argv)
    if args.all:
        args.passes = True

    from tei_edition import __version__
    from tei_edition.metadata import Metadata
    from tei_edition.registers import Registers
    paths = args.sources or sorted((ROOT / "sources").glob("*.txt"))
    if args.growth:
        growth()
        return 0
    if args.pdf or args.rebuilds:
        import tempfile
        with tempfile.TemporaryDirectory(prefix="tei-edition-bench-") as tmp:
            (pdf_rendering if args.pdf else rebuilds)(paths, Path(tmp))
        return 0
    print(f"tei-edition {__version__}, Python {platform.python_version()}, {platform.machine()}, "
          f"{_cpus()} CPUs, {time.strftime('%Y-%m-%d')}")
    rows: list[tuple[str, str, str, str, str]] = []
    for path in paths:
        data = path.read_bytes()
        # with the metadata beside the source, as `tei-edition build` converts it
        best, paragraphs, notes = time_bytes(data, path.name, args.repeat, Metadata.for_source(path),
                                             Registers.beside(path))
        rows.append((path.name, f"{len(data) / 1024:.0f}", f"{best:.2f}", str(paragraphs), str(notes)))
        _print_row(rows[-1], first=len(rows) == 1)
    if args.synthetic_mb > 0:
        text = synthetic_text(int(args.synthetic_mb * 1024 * 1024))
        data = text.encode("utf-8")
        del text
        seconds, paragraphs, notes = time_bytes(data, "synthetic.txt", 1)
        rows.append((f"synthetic ({args.synthetic_mb:g} MB, 1 run)", f"{len(data) / 1024:.0f}",
                     f"{seconds:.2f}", str(paragraphs), str(notes)))
        _print_row(rows[-1], first=len(rows) == 1)
    if args.passes:
        print("\npass                          seconds (sum over the sources, best of each)")
        for name, seconds in profile_passes(paths, args.repeat):
            print(f"{name:<30}{seconds:8.3f}")
        print("\nvalidation                                            seconds")
        for name, seconds in time_validation(paths, args.repeat):
            print(f"{name:<52}{seconds:8.4f}")
    if args.all:
        import tempfile
        with tempfile.TemporaryDirectory(prefix="tei-edition-bench-") as tmp:
            work = Path(tmp)
            versus_pandoc(paths, args.pandoc_runs, work)
            pdf_rendering(paths, work)
            synthetic_runs([10, 50], work)
            rebuilds(paths, work)
            batch(args.batch, work)
        growth()
    return 0


_WIDTHS = (44, 10, 9, 11, 7)


def _print_row(row: tuple[str, ...], first: bool) -> None:
    if first:
        header = ("source", "size KB", "seconds", "paragraphs", "notes")
        print("  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(header, _WIDTHS))))
        print("  ".join("-" * w for w in _WIDTHS))
    print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, _WIDTHS))),
          flush=True)


def _cpus() -> int:
    import os
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    sys.exit(main())
