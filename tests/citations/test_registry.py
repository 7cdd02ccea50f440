"""The edition's bibliography read back (tei_edition.citations.registry)."""
from __future__ import annotations

from tei_edition.citations.model import Name, Work, WorkKind
from tei_edition.citations.registry import load, read_again, written_as
from tei_edition.registers import Registers


def edition(tmp_path, works: str = "", corrections: str = "") -> Registers:
    (tmp_path / "sources").mkdir()
    (tmp_path / "bib").mkdir()
    if works:
        (tmp_path / "bib" / "works-cited.bib").write_text(works, encoding="utf-8")
    if corrections:
        (tmp_path / "bib" / "corrections.bib").write_text(corrections, encoding="utf-8")
    return Registers(tmp_path / "sources")


def test_keys_given_and_corrections_are_read(tmp_path):
    reg = load(edition(tmp_path,
                       "@book{novak1978strike,\n  author = {Nov{\\'a}k, Hana},\n  title = {{The Strike Years}},\n  year = 1978\n}\n",
                       "@book{novak1978strike,\n  publisher = {Academia}\n}\n"))
    assert reg.known["novak1978strike"].authors == (Name("Novák", "Hana"),)
    assert reg.known["novak1978strike"].title == "The Strike Years"
    assert reg.corrections["novak1978strike"].fields == {"publisher": "Academia"}
    assert not reg.problems


def test_a_broken_file_is_a_problem_reported_not_a_stop(tmp_path):
    reg = load(edition(tmp_path, "@book{broken, title = {unclosed\n"))
    assert reg.problems and not reg.known


def test_no_bib_folder_no_register():
    assert load(Registers()).known == {}


def test_a_work_is_known_as_written_or_read_again_with_its_volume():
    w = Work(WorkKind.BOOK, authors=(Name("Novak", "Hana"),), title="The Strike Years", year="1978")
    assert written_as(w, ("book", {"author": "Novak, Hana", "title": "The Strike Years", "year": "1978"}))
    assert read_again(w, w.copy(title="The Strike Years, Volume II"))
    assert not read_again(w.copy(title="Trotsky"), w.copy(title="Trotsky and the Left Opposition"))
