"""How often Python's garbage collector walks everything while a source converts, the caches of
the earlier phases emptied when the tree phase begins, and those of a conversion when it ends."""
from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

FULL_COLLECTION_EVERY = 100     # collections of the middle generation (Python's default: 10)
_collections_lock = threading.Lock()
_collections_held: list[tuple[int, int, int]] = []     # the thresholds to restore, one per open hold


@contextmanager
def fewer_full_collections() -> Iterator[None]:
    """While a source converts (`pipeline.convert_text`, and a build's whole job, writing included),
    Python's garbage collector runs a full collection ten times less often. A conversion builds a
    document whose objects all live until its outputs are written, so a full collection finds
    almost nothing, yet it walks every object of the document and of the tool (4 of them took
    0.14 s of the Cliff source's 1.6 s; 18 of them 1–1.9 s of an 8 MB text's 19 s). The young
    generations are collected as before, and the thresholds come back when the last conversion in
    the process ends (conversions may run in threads at once)."""
    with _collections_lock:
        first, middle, full = saved = gc.get_threshold()
        _collections_held.append(saved)
        gc.set_threshold(first, middle, max(FULL_COLLECTION_EVERY, full))
    try:
        yield
    finally:
        with _collections_lock:
            saved = _collections_held.pop()
            if not _collections_held:
                gc.set_threshold(*saved)


Cache = TypeVar("Cache")
_emptied_at_the_tree_phase: list[Callable[[], None]] = []


def emptied_when_the_tree_phase_begins(cache: Cache) -> Cache:
    """Mark a cache of a pure function (an lru_cache, or a dict of parsed values) that the tree
    passes need no more of what it holds once the tree is built: it is emptied then
    (`empty_earlier_caches`). What it holds was made among the lines and blocks let go since, and
    each entry would keep Python's allocator from giving back the arena (1 MiB) it stands in,
    memory the tree, which grows in libxml2's, cannot use (at 50 MB, 40 MB of the tree passes'
    peak). Emptying a cache changes no answer: what is asked again is computed again."""
    clear = getattr(cache, "cache_clear", None) or getattr(cache, "clear")
    _emptied_at_the_tree_phase.append(clear)
    return cache


def empty_earlier_caches() -> None:
    for clear in _emptied_at_the_tree_phase:
        clear()


_emptied_at_the_end: list[Callable[[], None]] = []


def emptied_when_the_conversion_ends(cache: Cache) -> Cache:
    """Mark a cache of a pure function that is asked again for the same things across a
    conversion's phases (a reference list's entries are read by the block passes, the tree builder
    and the citation finder), so that it holds all one conversion asks, however long the text, and
    is emptied when the conversion ends (`empty_conversion_caches`). Bounded instead, a text asking
    for more than the bound missed at every read (a list of 5,700 works against a bound of 2,048:
    each entry parsed four times, not two). A conversion in another thread may find it emptied: it
    computes again what it asks, no answer changes."""
    clear = getattr(cache, "cache_clear", None) or getattr(cache, "clear")
    _emptied_at_the_end.append(clear)
    return cache


def empty_conversion_caches() -> None:
    for clear in _emptied_at_the_end:
        clear()
