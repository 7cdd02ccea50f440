"""Building on a Dask cluster (`tei-edition build --scheduler ADDRESS`).

A local cluster of two worker processes stands for a real one: the workers receive each source's
job as data (its text, metadata and a snapshot of the registers, never a path to read) and send
back the files' bytes, which the build writes here. The files must be those a local build writes.
"""
from __future__ import annotations

import pytest
from dask import distributed      # in the test extra: these tests run wherever the suite runs

from tei_edition.edition import Status, build_sources
from tei_edition.errors import InputError
from test_edition import TEXTS, contents, edition_dir, sources_of  # noqa: F401  (edition_dir is a fixture)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def test_a_build_on_a_cluster_writes_the_files_a_local_build_writes(edition_dir, tmp_path, cluster):
    local = build_sources(sources_of(edition_dir), tmp_path / "local", ["tei", "bib"])
    remote = build_sources(sources_of(edition_dir), tmp_path / "remote", ["tei", "bib"],
                           scheduler=cluster.scheduler_address)
    assert [r.status for r in remote] == [Status.BUILT] * len(TEXTS)
    assert [r.counts for r in remote] == [r.counts for r in local]
    assert contents(tmp_path / "remote") == contents(tmp_path / "local")


def test_a_rebuild_sends_nothing_to_the_cluster_when_nothing_changed(edition_dir, cluster):
    build_sources(sources_of(edition_dir), edition_dir / "out", ["tei"], scheduler=cluster.scheduler_address)
    again = build_sources(sources_of(edition_dir), edition_dir / "out", ["tei"], scheduler="tcp://127.0.0.1:9")
    assert [r.status for r in again] == [Status.UNCHANGED] * len(TEXTS)


def test_a_scheduler_that_cannot_be_reached_is_a_one_line_error(edition_dir):
    with pytest.raises(InputError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        build_sources(sources_of(edition_dir), edition_dir / "out", ["tei"], scheduler="tcp://127.0.0.1:9")
