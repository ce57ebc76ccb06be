"""Support resources for people in danger or in crisis, and when to show them.

Shown before anything else wherever olivebranch reads words with signs of
self-harm (a draft, a feelings note, a message in a timing log, a question to
``why``, an imported chat), and when the assessment or the timing guard finds
abuse or threats: a red flag ticked, or (:func:`describes_abuse`) described
in the person's own words.

:func:`screen_self_harm` is the one definition of "a sign of self-harm" in
olivebranch: the draft check's own ``self_harm`` flag, with its patterns and
its model, so every place that reads free text holds it to the same words.
An imported chat is the one exception: :func:`for_chat` reads only the
explicit words there (:func:`names_self_harm`).
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import timedelta
from functools import cache, lru_cache
import re
from typing import Literal

from olivebranch.chat.message import Message
from olivebranch.data import read_toml
from olivebranch.words import is_blank, phrase_patterns, says_any

Kind = Literal["self_harm", "abuse"]
About = Literal["me", "them"]  # whose words showed the sign: the user's own, or the other person's

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
    """Support resources to show before anything else, with a short kind note.

    ``about`` says who the block is for: ``me`` (the user is at risk) or
    ``them`` (the user is worried about the other person).
    """

    kind: Kind
    intro: str
    resources: tuple[Resource, ...]
    about: About = "me"

    def to_dict(self) -> dict:
        """The support block as a JSON-ready dict."""
        return {"kind": self.kind, "intro": self.intro, "resources": [r.to_dict() for r in self.resources]}


@cache
def _table() -> dict:
    return read_toml("support.toml")


def resources(kind: Kind, about: About = "me") -> tuple[Resource, ...]:
    """The support resources for ``kind`` (``self_harm`` or ``abuse``), in order.

    ``about="them"`` words each note for someone worried about another
    person, where the data gives it another wording (``their_note``).
    """
    return tuple(
        Resource(row["name"], row["contact"], row.get("their_note", row["note"]) if about == "them" else row["note"])
        for row in _table()[kind]
    )


def block(kind: Kind, intro: str | None = None, about: About = "me") -> Support:
    """The support block for ``kind``, ``about`` me or them: its resources, after ``intro``.

    ``intro`` defaults to the kind's own, worded for ``about``.
    """
    if intro is None:
        intro = ABUSE_INTRO if kind == "abuse" else THEIR_SELF_HARM_INTRO if about == "them" else SELF_HARM_INTRO
    return Support(kind, intro, resources(kind, about), about)


@lru_cache(maxsize=4096)  # a timing log repeats its texts; a check costs about a millisecond
def screen_self_harm(text: str) -> bool:
    """True when ``text`` shows a sign of self-harm, read exactly as the draft check reads one.

    It is the draft check's ``self_harm`` flag (its strong patterns and its
    model, :func:`olivebranch.check.check`), so a feelings note, a timing
    log and a question to ``why`` are held to the same words as a draft.
    Text with nothing to read (:func:`olivebranch.words.is_blank`, as the
    check decides it) shows none; text longer than the check takes is read
    in pieces of the longest it takes. The model loads on the first call.
    """
    if not isinstance(text, str) or is_blank(text):
        return False
    from olivebranch.check import check  # heavy (numpy, the model): only when there is text to read
    from olivebranch.check.pipeline import MAX_CHARS

    pieces = (text[i:i + MAX_CHARS] for i in range(0, len(text), MAX_CHARS))
    return any(
        any(f.code == "self_harm" for f in check(piece, with_rewrite=False).flags)
        for piece in pieces if not is_blank(piece)
    )


def for_note(text: str) -> tuple[Support, ...]:
    """The support a person's own note calls for at once: self-harm first, then abuse or threats."""
    found = []
    if screen_self_harm(text):
        found.append(block("self_harm"))
    if describes_abuse(text):
        found.append(block("abuse"))
    return tuple(found)


def describes_abuse(text: str) -> bool:
    """True when ``text`` tells of being harmed or threatened by someone ("he hit me again").

    The patterns are ``abuse_words.toml``'s: each needs someone doing it to
    the writer, so "she hit me up" or "it hit me how much I miss her" is not one.
    """
    return says_any(_abuse_patterns(), text)


@cache
def _abuse_patterns() -> tuple[re.Pattern, ...]:
    return phrase_patterns(read_toml("abuse_words.toml"))


@lru_cache(maxsize=4096)
def names_self_harm(text: str) -> bool:
    """True when ``text`` speaks of self-harm in so many words ("kill myself", "kms", "end it all").

    The draft check's patterns that raise ``self_harm`` on their own
    (:func:`olivebranch.check.patterns.raises_alone`, other languages'
    plainest words included), without its model: what :func:`for_chat` reads in an imported chat, thousands of
    everyday lines in which the model's reading of veiled signs would raise
    the alarm on almost every chat. Each of these words raises the flag in a
    draft too, so a line read here is one the check would also catch.
    """
    if not isinstance(text, str) or is_blank(text):
        return False
    from olivebranch.check.patterns import raises_alone
    from olivebranch.check.text import Draft

    return raises_alone(Draft(text), "self_harm")


def for_words(words: Iterable[tuple[bool, str]], screen: Callable[[str], bool] = screen_self_harm) -> tuple[Support, ...]:
    """The self-harm support to show for words from both sides, as ``(theirs, text)`` pairs.

    A sign in my own words comes first (support for me); otherwise one in
    theirs gives the same resources, introduced and noted as help for someone
    worried about another person (``about="them"``). ``screen`` decides what
    a sign is.
    """
    pairs = set(words)
    if any(screen(text) for theirs, text in pairs if not theirs):
        return (block("self_harm"),)
    if any(screen(text) for theirs, text in pairs if theirs):
        return (block("self_harm", about="them"),)
    return ()


# The stretch of an imported chat that is read for self-harm: its last month (up to its last
# message, however long ago: a chat is often read after it went quiet), and no more than its
# last messages, so a busy chat costs at most this many reads.
CHAT_DAYS = 30
CHAT_MOST = 2_000


def for_chat(messages: Sequence[Message], me: str) -> tuple[Support, ...]:
    """The support to show before a chat's signals: for self-harm named in its last month.

    ``me`` is my sender name exactly as in the chat. Only the explicit
    words are read (:func:`names_self_harm`).
    """
    if not messages:
        return ()
    recent = sorted(messages, key=lambda m: m.time)[-CHAT_MOST:]
    last, month = recent[-1].time, timedelta(days=CHAT_DAYS)
    # Measured back from the last message, not as ``last - month``: that would step off the calendar in year 1.
    return for_words(((m.sender != me, m.text) for m in recent if last - m.time <= month), names_self_harm)
