"""deposit.py and `tei-edition deposit`: a BagIt bag of the edition that bagit accepts, the same
bytes when rebuilt, and `--check` naming every changed or broken file."""
from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

import pytest

EDITION = '''title = "Kleine Reisen"
publisher = "Verlag am See"
editors = ["Hanna Vogt"]
date = "2025-06-07"
licence = "CC BY 4.0"
licence_url = "https://creativecommons.org/licenses/by/4.0/"
'''
TEXTS = {
    "nord": ("Die Reise nach Norden\n\nvon Hanna Vogt\n\nWir fuhren am Morgen los und erreichten den Hafen, "
             "als die Fähre schon ablegte.¹ Der nächste Tag brachte Regen.\n\n¹ Tagebuch, S. 3.\n"),
    "sued": ("Die Reise nach Süden\n\nvon Hanna Vogt\n\nDer Zug hielt in jedem Dorf, und die Reisenden "
             "stiegen aus, um Brot und Wein zu kaufen. Am Abend war es warm.\n"),
}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tei_edition.cli", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=600)


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("deposit")
    sources = root / "sources"
    sources.mkdir()
    (sources / "edition.toml").write_text(EDITION, encoding="utf-8")
    for stem, text in TEXTS.items():
        (sources / f"{stem}.txt").write_text(text, encoding="utf-8")
        (sources / f"{stem}.toml").write_text('author = "Hanna Vogt"\nlanguage = "de"\n', encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def bag(edition) -> Path:
    r = run("deposit", "--out", "bag", cwd=edition)
    assert r.returncode == 0, r.stderr
    return edition / "bag"


def test_the_bag_holds_the_edition_and_bagit_accepts_it(bag):
    r = subprocess.run([sys.executable, "-m", "bagit", "--validate", str(bag)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    names = sorted(str(p.relative_to(bag / "data")) for p in (bag / "data").rglob("*") if p.is_file())
    assert names == ["README.txt", "bibtex/nord.bib", "bibtex/sued.bib", "bibtex/works-cited.bib",
                     "metadata/edition.toml", "metadata/nord.toml", "metadata/sued.toml", "pdf/nord.pdf",
                     "pdf/sued.pdf", "reports/nord.report.json", "reports/sued.report.json", "tei/nord.xml",
                     "tei/sued.xml"]
    info = (bag / "bag-info.txt").read_text(encoding="utf-8")
    assert "Bagging-Date: 2025-06-07" in info and "Source-Organization: Verlag am See" in info
    assert "Contact-Name: Hanna Vogt" in info
    assert {p.name for p in bag.glob("*manifest-*.txt")} == {
        "manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt", "tagmanifest-sha512.txt"}


def test_each_archival_pdf_carries_its_tei_and_bibtex(bag):
    for stem in TEXTS:
        listed = subprocess.run(["pdfdetach", "-list", str(bag / "data" / "pdf" / f"{stem}.pdf")],
                                capture_output=True, text=True).stdout
        assert f"{stem}.xml" in listed and f"{stem}.bib" in listed


def test_the_readme_describes_the_sources_and_the_encoding(bag):
    readme = (bag / "data" / "README.txt").read_text(encoding="utf-8")
    assert readme.startswith("Kleine Reisen\n=============")
    assert "- nord: Hanna Vogt, Die Reise nach Norden." in readme
    assert "tei_all" in readme and "Schematron" in readme and "SHA-512" in readme


def test_a_rebuilt_bag_is_the_same_bytes(edition, bag):
    r = run("deposit", "--out", "bag-again", cwd=edition)
    assert r.returncode == 0, r.stderr
    again = edition / "bag-again"
    files = sorted(str(p.relative_to(bag)) for p in bag.rglob("*") if p.is_file())
    assert files == sorted(str(p.relative_to(again)) for p in again.rglob("*") if p.is_file())
    match, mismatch, errors = filecmp.cmpfiles(bag, again, files, shallow=False)
    assert mismatch == [] and errors == []


def test_check_accepts_the_bag_and_names_a_changed_file(edition, bag):
    assert run("deposit", "--check", str(bag), cwd=edition).returncode == 0
    import shutil
    changed = edition / "bag-changed"
    shutil.copytree(bag, changed)
    tei = changed / "data" / "tei" / "sued.xml"
    data = bytearray(tei.read_bytes())
    data[400] = ord("X") if data[400] != ord("X") else ord("Y")
    tei.write_bytes(bytes(data))
    r = run("deposit", "--check", str(changed), cwd=edition)
    assert r.returncode != 0
    assert f"{tei}: sha256 checksum differs" in r.stdout
    assert "Traceback" not in r.stderr


def test_check_names_a_tei_file_edited_into_invalidity_even_with_new_checksums(edition, bag):
    import shutil

    import bagit
    broken = edition / "bag-broken"
    shutil.copytree(bag, broken)
    tei = broken / "data" / "tei" / "nord.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("<body>", "<body><p>Im Jahr <date when=\"1848\" "
                                                             "from=\"1847\">1848</date>.</p>", 1), encoding="utf-8")
    bagit.Bag(str(broken)).save(manifests=True)
    r = run("deposit", "--check", str(broken), cwd=edition)
    assert r.returncode != 0
    assert any(line.startswith(f"{tei}:") and "tei-schematron" in line for line in r.stdout.splitlines())


@pytest.mark.parametrize("args, message", [
    (("deposit", "--out", "bag"), "exists (give a new directory)"),
    (("deposit", "sources/nowhere.txt", "--out", "x"), "no such source"),
    (("deposit",), "give --out BAG"),
    (("deposit", "--check", "sources"), "not a bag"),
])
def test_bad_input_is_one_line_and_leaves_no_partial_bag(edition, bag, args, message):
    r = run(*args, cwd=edition)
    assert r.returncode != 0
    assert message in (r.stdout + r.stderr) and "Traceback" not in r.stderr
    assert not (edition / "x").exists()


def test_an_edition_without_a_date_cannot_be_deposited(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "edition.toml").write_text('publisher = "Verlag am See"\n', encoding="utf-8")
    (sources / "nord.txt").write_text(TEXTS["nord"], encoding="utf-8")
    (sources / "nord.toml").write_text('author = "Hanna Vogt"\nlicence_url = "https://example.org/l"\n',
                                       encoding="utf-8")
    r = run("deposit", "--out", "bag", cwd=tmp_path)
    assert r.returncode != 0 and "gives no date" in r.stderr
    assert not (tmp_path / "bag").exists() and not list(tmp_path.glob(".bag.*"))
