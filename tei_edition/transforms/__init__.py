"""Tree passes: small passes over the TEI tree (docutils' transforms, pandoc's filters).

Each is a `TreePass` (see `tei_edition.passes`); `tei_edition.pipeline` lists them in order, the
header pass last.
"""
