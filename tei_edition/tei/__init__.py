"""What the toolkit knows about TEI XML itself: namespaces, element helpers, the text of an
element, and the source lines carried by elements while a document is being converted."""
