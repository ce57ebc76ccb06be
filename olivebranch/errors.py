"""Named errors of olivebranch, in one place.

Every interface translates these at one point: the CLI in
:func:`olivebranch.cli.main` (a one-line message and exit status 2), the web
app in its error handler. Messages are written for the person using
olivebranch: short, plain, and saying what to do.
"""


class OliveError(Exception):
    """Base class for every error olivebranch reports to a person."""

    exit_code = 2


class InputError(OliveError):
    """Input that olivebranch cannot use: a bad file, field or value.

    ``field`` names the field at fault, when there is one, so the message can
    point at it (``events[3].at``).
    """

    def __init__(self, message: str, field: str | None = None):
        self.field = field
        self.reason = message  # the message without the field, for an interface to reword
        super().__init__(f"{field}: {message}" if field else message)


class Stopped(OliveError):
    """The person stopped part-way (Ctrl-C, or the end of typed input).

    The message says what was saved before that, and what was not.
    """

    exit_code = 130


class UnknownTopicError(InputError):
    """A name (a tactic, a stage, a reason) that olivebranch does not know."""


def type_name(value: object) -> str:
    """How a decoded JSON value's type reads in a message: 'a number', 'a list'."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
