"""Reading stage: bytes → text → lines → blocks (docutils' reader)."""
