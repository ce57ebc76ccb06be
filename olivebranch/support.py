"""Support resources for people in danger or in crisis, and when to show them.

Shown before anything else wherever olivebranch reads words with signs of
self-harm (a draft, a feelings note, a message in a timing log, a question to
``why``), and when the assessment or the timing guard finds abuse or threats.

:func:`screen_self_harm` is the one definition of "a sign of self-harm" in
olivebranch: the draft check's own ``self_harm`` flag, with its patterns and
its model, so every place that reads free text holds it to the same words.
"""

from dataclasses import asdict, dataclass
from functools import cache, lru_cache
from typing import Literal

from olivebranch.data import read_toml
from olivebranch.words import is_blank

Kind = Literal["self_harm", "abuse"]

SELF_HARM_INTRO = (
    "It sounds like you might be going through something really painful. "
    "You deserve support right now, and talking to someone can help."
)
THEIR_SELF_HARM_INTRO = (
    "Something in their messages sounds like they may be thinking of hurting themselves. "
    "If you think they are in danger now, call your local emergency number. "
    "The people below can also help you, and help you think about how to help them."
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


@dataclass(frozen=True)
class Support:
    """Support resources to show before anything else, with a short kind note."""

    kind: Kind
    intro: str
    resources: tuple[Resource, ...]

    def to_dict(self) -> dict:
        """The support block as a JSON-ready dict."""
        return {"kind": self.kind, "intro": self.intro, "resources": [r.to_dict() for r in self.resources]}


@cache
def _table() -> dict:
    return read_toml("support.toml")


def resources(kind: Kind) -> tuple[Resource, ...]:
    """The support resources for ``kind`` (``self_harm`` or ``abuse``), in order."""
    return tuple(Resource(**row) for row in _table()[kind])


def block(kind: Kind, intro: str | None = None) -> Support:
    """The support block for ``kind``: its resources, after ``intro`` (default: the kind's own)."""
    if intro is None:
        intro = SELF_HARM_INTRO if kind == "self_harm" else ABUSE_INTRO
    return Support(kind, intro, resources(kind))


@lru_cache(maxsize=4096)  # a timing log repeats its texts; a check costs about a millisecond
def screen_self_harm(text: str) -> bool:
    """True when ``text`` shows a sign of self-harm, read exactly as the draft check reads one.

    It is the draft check's ``self_harm`` flag (its strong patterns and its
    model, :func:`olivebranch.check.check`), so a feelings note, a timing
    log and a question to ``why`` are held to the same words as a draft.
    Text with nothing to read (:func:`olivebranch.words.is_blank`, as the
    check decides it) shows none. The model loads on the first call.
    """
    if not isinstance(text, str) or is_blank(text):
        return False
    from olivebranch.check import check  # heavy (numpy, the model): only when there is text to read

    return any(f.code == "self_harm" for f in check(text, with_rewrite=False).flags)
