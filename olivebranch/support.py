"""Support resources for people in danger or in crisis.

Shown before anything else when a draft or a journal entry has signs of
self-harm, and when the assessment finds abuse or threats.
"""

from dataclasses import asdict, dataclass
from functools import cache
from typing import Literal

from olivebranch.data import read_toml

Kind = Literal["self_harm", "abuse"]

SELF_HARM_INTRO = (
    "It sounds like you might be going through something really painful. "
    "You deserve support right now, and talking to someone can help."
)
ABUSE_INTRO = (
    "What you describe sounds unsafe. You deserve to be safe, and people are "
    "ready to help you with this, confidentially."
)


@dataclass(frozen=True)
class Resource:
    """One place to turn to: its name, how to reach it, and a short note."""

    name: str
    contact: str
    note: str

    def to_dict(self) -> dict:
        """The resource as a JSON-ready dict."""
        return asdict(self)


@cache
def _table() -> dict:
    return read_toml("support.toml")


def resources(kind: Kind) -> tuple[Resource, ...]:
    """The support resources for ``kind`` (``self_harm`` or ``abuse``), in order."""
    return tuple(Resource(**row) for row in _table()[kind])
