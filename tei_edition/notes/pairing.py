from __future__ import annotations
def pair_notes(doc, report):
    pass
