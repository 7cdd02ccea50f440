"""Building stage: the block document becomes a TEI tree (header, front, body, back)."""
