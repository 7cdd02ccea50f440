"""The BibTeX writer: it serialises the TEI's biblStructs, recognises nothing. The files are valid
BibTeX (bibtexparser parses them with no failed block; bibtex and biber read them), their keys are
the xml:ids, their types and fields those of the works; the edition's file is the union of the
documents' works, byte-identical from run to run.
"""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tei_edition.api import convert
from tei_edition.citations.encode import biblstructs
from tei_edition.tei.namespaces import XML_ID
from tei_edition.writers import bibtex as bt

TEXT = """A Study of Harbours

The guilds ruled the ports of the northern coast for three centuries, as the charters show.¹ Their
power waned later, when the trade moved south and the towns grew, as the records show.² It did not
come back in the century after, whatever the councils tried to do about it in their assemblies.³

¹ Ann Lee, “Guilds & Ports,” Trade Review 8:2 (1991): 101-19.

² Ibid., 105; Tom Roe, Costs & Benefits: 100% of $5 #1 in_full (London: Smith & Sons, 1990), 3.

³ Rosa Quinn, The Harbour, trans. Karl Berg (Oslo: Cappelen, 1960), 4; Quinn, The Harbour, p. 9.
"""

OTHER = """Another Study

The ports changed in the century after the charters, as the accounts of the towns show clearly.¹
The guilds changed too, and with them the councils that had kept the harbours in good repair.²

¹ Tom Roe, Costs & Benefits (London: Smith & Sons, 1990), 9.

² Maria Sousa, Porto e cidade (Lisboa: Cosmos, 1999), 12.
"""


def parse(text: str):
    import bibtexparser
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks, [b.error for b in lib.failed_blocks]
    return lib


def test_s_bib_is_the_documents_biblstructs_with_their_keys_types_and_fields(tmp_path):
    tree = convert(TEXT)
    path = tmp_path / "s.bib"
    bt.write_bib(tree, path)
    lib = parse(path.read_text(encoding="utf-8"))
    ids = sorted(bs.get(XML_ID) for bs in biblstructs(tree))
    assert [e.key for e in lib.entries] == ids == ["lee1991guilds", "quinn1960harbour", "roe1990costs"]
    by = {e.key: e for e in lib.entries}
    assert by["lee1991guilds"].entry_type == "article"
    assert by["lee1991guilds"]["pages"] == "101--119" and by["lee1991guilds"]["journal"] == r"{Trade Review}"
    assert by["roe1990costs"]["title"] == r"{Costs \& Benefits: 100\% of \$5 \#1 in\_full}"
    assert by["roe1990costs"]["publisher"] == r"Smith \& Sons"
    assert by["quinn1960harbour"]["translator"] == "Berg, Karl"


def test_the_same_tree_gives_the_same_bytes(tmp_path):
    a, b = tmp_path / "1" / "s.bib", tmp_path / "2" / "s.bib"
    bt.write_bib(convert(TEXT), a)
    bt.write_bib(convert(TEXT), b)
    assert a.read_bytes() == b.read_bytes()


def test_the_edition_is_the_union_of_the_documents_works(tmp_path):
    documents = [bt.entries_of(convert(TEXT)), bt.entries_of(convert(OTHER))]
    out, bib = tmp_path / "build", tmp_path / "bib"
    target, problems = bt.write_edition_bib(documents, out, bib)
    lib = parse(target.read_text(encoding="utf-8"))
    assert [e.key for e in lib.entries] == ["lee1991guilds", "quinn1960harbour", "roe1990costs", "sousa1999porto"]
    assert not problems
    assert (bib / "works-cited.bib").read_bytes() == target.read_bytes()
    first = target.read_bytes()
    bt.write_edition_bib([bt.entries_of(convert(OTHER)), bt.entries_of(convert(TEXT))], out, bib)
    assert target.read_bytes() == first                      # whatever the order of the documents


def test_two_works_with_one_key_in_one_build_are_reported(tmp_path):
    a = bt.Entry("roe1990costs", "book", (("title", "Costs"), ("year", "1990")))
    b = bt.Entry("roe1990costs", "book", (("title", "Quite Another Book"), ("year", "1990")))
    merged, problems = bt.union([[a], [b]])
    assert [e.fields for e in merged] == [a.fields] and problems


def test_ascii_output_for_classic_bibtex():
    entries = bt.entries_of(convert(OTHER))
    text = bt.bib_string(entries, ascii_only=True)
    assert text.isascii() and r"Porto e cidade" in text
    assert parse(text).entries[1]["address"] == "Lisboa"


def test_entries_read_back_from_a_written_file(tmp_path):
    path = tmp_path / "s.bib"
    bt.write_bib(convert(TEXT), path)
    assert [e.fields for e in bt.entries_from_bib(path)] == [e.fields for e in bt.entries_of(convert(TEXT))]


# scripts/setup.sh installs bibtex and biber; only a machine set up otherwise may lack them, never CI
IN_CI = os.environ.get("CI", "").lower() in ("true", "1", "yes")


@pytest.mark.skipif(not shutil.which("bibtex") and not IN_CI, reason="bibtex not installed")
def test_bibtex_reads_the_file_with_the_plain_style(tmp_path):
    bt.write_bib(convert(TEXT), tmp_path / "works.bib")
    (tmp_path / "t.aux").write_text("\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{works}\n")
    r = subprocess.run(["bibtex", "t"], cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "error" not in r.stdout.lower() and "warning" not in r.stdout.lower(), r.stdout


@pytest.mark.skipif(not shutil.which("biber") and not IN_CI, reason="biber not installed")
def test_biber_validates_the_data_model(tmp_path):
    bt.write_bib(convert(TEXT), tmp_path / "works.bib")
    r = subprocess.run(["biber", "--tool", "--validate-datamodel", "--output-file", str(tmp_path / "out.bib"),
                        str(tmp_path / "works.bib")], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "ERROR" not in r.stdout + r.stderr and "WARN" not in r.stdout + r.stderr, r.stdout


def test_the_bib_command_writes_the_union_of_tei_files_in_utf8_or_ascii(tmp_path):
    from click.testing import CliRunner

    from tei_edition.cli import main
    from tei_edition.writers.tei import write_tei
    write_tei(convert(TEXT), tmp_path / "a.xml")
    write_tei(convert(OTHER), tmp_path / "b.xml")
    runner = CliRunner()
    r = runner.invoke(main, ["bib", str(tmp_path / "a.xml"), str(tmp_path / "b.xml"), "-o", str(tmp_path / "all.bib")])
    assert r.exit_code == 0 and "4 works" in r.output
    assert [e.key for e in parse((tmp_path / "all.bib").read_text(encoding="utf-8")).entries] == \
        ["lee1991guilds", "quinn1960harbour", "roe1990costs", "sousa1999porto"]
    r = runner.invoke(main, ["bib", str(tmp_path / "b.xml"), "--ascii", "-o", str(tmp_path / "b.bib")])
    assert r.exit_code == 0 and (tmp_path / "b.bib").read_bytes().isascii()
