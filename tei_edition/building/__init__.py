"""Building: the `TreeBuilder` pass makes the TEI text of the block document; the `Header` pass,
the last of all, writes the teiHeader from the metadata and the report of every pass."""
