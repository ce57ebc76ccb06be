"""Rule detector for the two mechanical flags: ``wall_of_text`` and ``low_effort``."""

from functools import cache
import re

from olivebranch.check.codes import LOW_EFFORT_MAX_WORDS, WALL_OF_TEXT_CHARS, WALL_OF_TEXT_WORDS
from olivebranch.check.result import Hit
from olivebranch.check.text import Draft
from olivebranch.data import read_toml
from olivebranch.words import any_of

_WORDLIKE = re.compile(r"[\w']+")
# Kisses ("x", "xx", "xoxo"): filler in a greeting ("hey x"), and the end of a sign-off.
KISSES = re.compile(r"(?:x+|xo+|xoxo)")
# A letter written three or more times running ("hellooooo", "hiiii").
_DRAWN_OUT = re.compile(r"(\w)\1{2,}")


@cache
def lexicon() -> dict:
    """``lexicon.toml``: filler words (here) and warm sign-offs (:mod:`olivebranch.check.signoff`), read once."""
    return read_toml("check", "lexicon.toml")


@cache
def _filler() -> frozenset[str]:
    table = lexicon()["filler"]
    return frozenset(w.lower() for w in table["greetings"] + table["words"] + table["phrases"])


@cache
def _greetings() -> frozenset[str]:
    table = lexicon()["filler"]
    return frozenset(w.lower() for w in table["greetings"] + table["phrases"])


@cache
def _phrases() -> frozenset[str]:
    return frozenset(p.lower() for p in lexicon()["filler"]["phrases"])


@cache
def _says() -> re.Pattern:
    """Any of the few phrases of filler words that, short as they are, ask or say something ("u ok?", "love u")."""
    return any_of(lexicon()["filler"]["says"])


def _tokens(text: str) -> list[str]:
    """The draft's words, a greeting of two words ("good morning") as one."""
    words = _WORDLIKE.findall(text)
    tokens: list[str] = []
    while words:
        size = 2 if " ".join(words[:2]).lower() in _phrases() else 1
        tokens.append(" ".join(words[:size]))
        del words[:size]
    return tokens


def _is_filler(token: str, words: frozenset[str] | None = None) -> bool:
    """A filler word (of ``words``), a kiss, or one drawn out ("hellooooo" as "helloo", "hiiiii" as "hii" or "hi")."""
    token, filler = token.lower(), _filler() if words is None else words
    return (token in filler or bool(KISSES.fullmatch(token))
            or _DRAWN_OUT.sub(r"\1\1", token) in filler or _DRAWN_OUT.sub(r"\1", token) in filler)


def is_wall_of_text(text: str, words: int) -> bool:
    """More than 80 words, or more than 10,000 characters however few words they make (SPEC 5)."""
    return words > WALL_OF_TEXT_WORDS or len(text.strip()) > WALL_OF_TEXT_CHARS


def is_low_effort(draft: Draft) -> bool:
    """At most 3 words and nothing but greeting or filler ("hey", "hi :)", "??", "hello?", "hey mum x").

    Nothing asked or said either: "u ok?" and "night! love u" are short, but not
    bare (``[filler] says``).
    """
    if len(draft.words) > LOW_EFFORT_MAX_WORDS:
        return False
    tokens = _tokens(draft.normal)
    if not tokens:
        return True  # only punctuation or emoji, such as "??" or "👋"
    if not _is_filler(tokens[0]) or _says().search(" ".join(tokens).lower()):
        return False
    others = [i for i, token in enumerate(tokens) if not _is_filler(token)]
    return not others or (len(others) == 1 and _is_name(tokens, others[0]))


def _is_name(tokens: list[str], i: int) -> bool:
    """Whether ``tokens[i]`` is a name after a greeting ("hey Sam", "hey sam x"), which says nothing more.

    Capitals or not: people text in lower case, and "hey mike" is as bare as
    "Hey Mike". So a name is told by its place instead: right after a
    greeting, with nothing but kisses after it. A word elsewhere says
    something ("night, sleep well", "hey hate you", "me too").
    """
    return (i > 0 and _is_filler(tokens[i - 1], _greetings()) and tokens[i].replace("'", "").isalpha()
            and all(KISSES.fullmatch(t.lower()) for t in tokens[i + 1:]))


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
