"""How often Python's garbage collector walks everything while a source converts."""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

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
