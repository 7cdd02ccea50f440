"""Works cited: what a citation is made of, how it is found and read, which work it names.

The layers, each a module:

- `model`: the typed records (names, works, citations and the spans of their parts);
- `vocabulary`, `patterns`: the word lists of citations (lead-ins, 'ibid.' forms, role and scope
  words, months, publishers), read from data files, and the patterns built from them;
- `names`: persons' and bodies' names, as a citation writes them;
- `parse`: one full citation's text → its parts and work (Chicago notes, author-date lists, MLA,
  Chicago bibliography, APA, 'Place Year', German, French, Italian and Spanish forms, web items,
  periodical issues, legal and official papers), OCR damage read and kept;
- `short`: short forms ('Ibid.', 'op. cit.', 'Cliff 1991, 147', 'Trotsky, Stalin, p. 403',
  '(note 63)', an abbreviation the source set up);
- `find`: where citations stand in a note, a reference list or a paragraph's parentheses;
- `resolve`: which work each citation names;
- `identity`: when two citations name one work (the rule is written in that module);
- `keys`: BibTeX keys, stable across runs and sources;
- `bibtex`, `latex`: a work as BibTeX fields and back; TeX escapes;
- `registry`: the edition's bibliography (`bib/works-cited.bib`, `bib/corrections.bib`) read back;
- `encode`: citations as `bibl` in the text, works as `biblStruct` in standOff, and back.

The tree pass `tei_edition.transforms.citations` runs them; the block pass
`tei_edition.parsing.reference_list` keeps a reference list's entries apart before the tree is built.
"""
