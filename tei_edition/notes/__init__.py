"""The notes passes: find note texts and note calls, pair them, and anchor each note at its call.

- `note_texts` (`NoteTexts`): blocks that are note texts (page-foot notes between paragraphs, end notes, per-chapter
  'Notes' sections, all notes on one line) are taken out of the running text.
- `calls`: candidate calls in every form the sources use (superscripts, [1], (1), glued digits...).
- `note_pairing` (`NotePairing`): the numbering sequence decides which candidates are calls; each call gets its note
  text or, where the source lacks it, a note holding a gap; note texts without a call are placed
  at their most probable position and marked unanchored.
"""
