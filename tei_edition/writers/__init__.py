"""Writers: one per output (TEI, conversion report; PDF and BibTeX come with their own modules)."""
