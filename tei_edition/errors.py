"""Errors that end a conversion with a one-line reason (never a traceback)."""


class InputError(Exception):
    """The source cannot be converted; the message is shown to the user as one line."""


class ValidationError(Exception):
    """A written document is not valid; the message names the rule that failed."""
