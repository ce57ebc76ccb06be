"""Rule detector for the two mechanical flags: ``wall_of_text`` and ``low_effort``."""

from functools import cache
import re

from olivebranch.check.codes import LOW_EFFORT_MAX_WORDS, WALL_OF_TEXT_CHARS, WALL_OF_TEXT_WORDS
from olivebranch.check.result import Hit
from olivebranch.check.text import Draft
from olivebranch.data import read_toml

_WORDLIKE = re.compile(r"[\w']+")


@cache
def lexicon() -> dict:
    """``lexicon.toml``: filler words (here) and warm sign-offs (:mod:`olivebranch.check.signoff`), read once."""
    return read_toml("check", "lexicon.toml")


@cache
def _filler() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon()["filler"]["words"])


def is_wall_of_text(text: str, words: int) -> bool:
    """More than 80 words, or more than 10,000 characters however few words they make (SPEC 5)."""
    return words > WALL_OF_TEXT_WORDS or len(text.strip()) > WALL_OF_TEXT_CHARS


def is_low_effort(draft: Draft) -> bool:
    """At most 3 words and nothing but greeting or filler ("hey", "hi :)", "??", "hello?")."""
    if len(draft.words) > LOW_EFFORT_MAX_WORDS:
        return False
    tokens = _WORDLIKE.findall(draft.normal)
    if not tokens:
        return True  # only punctuation or emoji, such as "??" or "👋"
    filler = _filler()
    if tokens[0].lower() not in filler:
        return False
    # A name after a greeting ("hey Sam") says nothing more than the greeting.
    others = [t for t in tokens[1:] if t.lower() not in filler]
    return not others or (len(others) == 1 and others[0][:1].isupper())


class MechanicsDetector:
    """Raises the two mechanical flags by rule."""

    name = "mechanics"

    def detect(self, draft: Draft, prior: tuple[Hit, ...] = ()) -> tuple[Hit, ...]:
        """A ``wall_of_text`` hit for a long draft, a ``low_effort`` hit for a bare greeting."""
        hits = []
        text = draft.text
        edges = len(text) - len(text.lstrip()), len(text.rstrip())
        if is_wall_of_text(text, len(draft.words)):
            span = (draft.words[0].start, draft.words[-1].end) if draft.words else edges
            hits.append(Hit("wall_of_text", *span, "rule"))
        if draft.words and is_low_effort(draft) or (not draft.words and text.strip()):
            hits.append(Hit("low_effort", *edges, "rule"))
        return tuple(hits)
