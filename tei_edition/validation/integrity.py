"""The rules a schema cannot state, checked on an lxml tree.

- xml-id-unique: no xml:id twice.
- pointer-resolves: every "#id" in @ref, @target, @corresp, @who, @source (space-separated lists
  too) names an xml:id of the document. Pointers to other documents or the web are not checked.
- note-n, note-id, note-content: every note of the text (under <text>; notes in the header and
  in standOff are descriptions, not notes of the source) has @n, @xml:id, and text or a <gap>.
- persName-ref: every persName of the text has @ref, pointing to a <person>.
- bibl-ref: every <ref> of a citation (<bibl> in the text) points to a <biblStruct> ("#KEY").
- div-head: every div opens with <head>, except a front div of type dedication, epigraph,
  credits or front (lines of the front matter that have no heading in print).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml import etree

from ..tei.namespaces import XML_ID, tei
from .problem import Problem, sort_key

POINTER_ATTRIBUTES = ("ref", "target", "corresp", "who", "source")
HEADLESS_FRONT_DIVS = frozenset({"dedication", "epigraph", "credits", "front"})

__all__ = ["Problem", "check_integrity", "POINTER_ATTRIBUTES"]


def _name(el: etree._Element) -> str:
    return etree.QName(el).localname


def _elements(root: etree._Element) -> Iterator[etree._Element]:
    return root.iter(etree.Element)


def check_integrity(tree: etree._ElementTree | etree._Element, name: str = "<tree>") -> list[Problem]:
    """Every integrity problem of the document, in line order."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    problems: list[Problem] = []

    def report(el: etree._Element, rule: str, message: str) -> None:
        problems.append(Problem(name, el.sourceline, rule, message))

    # xml-id-unique
    ids: dict[str, etree._Element] = {}
    for el in _elements(root):
        value = el.get(XML_ID)
        if value is None:
            continue
        if value in ids:
            first = ids[value].sourceline
            at = f" (first used on <{_name(ids[value])}> at line {first})" if first else ""
            report(el, "xml-id-unique", f'xml:id "{value}" on <{_name(el)}> is used twice{at}')
        else:
            ids[value] = el

    # pointer-resolves
    for el in _elements(root):
        for attr in POINTER_ATTRIBUTES:
            value = el.get(attr)
            if not value:
                continue
            for token in value.split():
                if token.startswith("#") and token[1:] not in ids:
                    report(el, "pointer-resolves",
                           f'@{attr}="{token}" on <{_name(el)}> points to no xml:id in this document')

    text = root.find(tei("text"))
    if text is not None:
        _check_text(text, ids, report)

    # div-head
    for div in root.iter(tei("div")):
        first = next((c for c in div if isinstance(c.tag, str)), None)
        if first is not None and first.tag == tei("head"):
            continue
        kind = div.get("type")
        in_front = any(a.tag == tei("front") for a in div.iterancestors())
        if in_front and kind in HEADLESS_FRONT_DIVS:
            continue
        label = f'<div type="{kind}">' if kind else "<div>"
        found = f", it opens with <{_name(first)}>" if first is not None else ", it is empty"
        report(div, "div-head", f"{label} does not open with <head>{found}")

    problems.sort(key=sort_key)
    return problems


Report = Callable[[etree._Element, str, str], None]


def _check_text(text: etree._Element, ids: dict[str, etree._Element], report: Report) -> None:
    # note-n, note-id, note-content
    for note in text.iter(tei("note")):
        n = note.get("n")
        if n is None or not n.strip():
            report(note, "note-n", "note has no @n (the number or mark printed in the source)")
        if note.get(XML_ID) is None:
            report(note, "note-id", "note has no @xml:id")
        has_text = any(s.strip() for s in note.itertext())
        if not has_text and note.find(".//" + tei("gap")) is None:
            label = f'note n="{n}"' if n else "note"
            report(note, "note-content",
                   f'{label} is empty: give its text, or <gap reason="missing"/> when the source lacks it')

    # persName-ref
    for pers in text.iter(tei("persName")):
        ref = pers.get("ref")
        if not ref or not ref.strip():
            shown = " ".join("".join(pers.itertext()).split())[:40]
            report(pers, "persName-ref", f'persName "{shown}" has no @ref to a <person>')
            continue
        for token in ref.split():
            target = ids.get(token[1:]) if token.startswith("#") else None
            if target is not None and target.tag != tei("person"):
                report(pers, "persName-ref",
                       f'persName @ref="{token}" points to a <{_name(target)}>, not to a <person>')

    # bibl-ref: a ref whose nearest enclosing bibl or note is a bibl
    for ref in text.iter(tei("ref")):
        holder = next((a for a in ref.iterancestors(tei("bibl"), tei("note"))), None)
        if holder is None or holder.tag != tei("bibl"):
            continue
        for token in (ref.get("target") or "").split():
            if not token.startswith("#"):
                report(ref, "bibl-ref",
                       f'ref in a citation points outside the document ("{token}"): '
                       'a citation points to its work, "#KEY" of a <biblStruct>')
                continue
            target = ids.get(token[1:])
            if target is not None and target.tag != tei("biblStruct"):
                report(ref, "bibl-ref",
                       f'ref in a citation points to a <{_name(target)}> ("{token}"), not to a <biblStruct>')
