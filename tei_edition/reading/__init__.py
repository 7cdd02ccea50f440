"""Reading: bytes → text (the `Decoder`), text → numbered lines, and the `Layout` pass that makes
blocks of the lines by the line convention it measures (docutils' reader)."""
