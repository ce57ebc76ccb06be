"""A suggested rewrite for a draft that needs one (SPEC 5), built without an LLM.

The rewrite keeps the person's own greeting and the good sentences of theirs:
ones no flag points at which, checked alone, are fit to send and show a
strength (at most two, so a wall of text is cut to its core). It puts one
plain line in place of what a flag was reaching for (an I-statement instead
of blame, an open door instead of a deadline), keeps the part of a "sorry,
but ..." before the "but", and adds what is missing: a feeling from their
side, one easy question, and room for the other person. Every candidate is
checked again, and only one that comes out ``send`` is offered.
"""

from functools import cache
import re
from typing import Callable

from olivebranch.check.codes import MECHANICAL_FLAGS
from olivebranch.check.result import CheckResult, Flag
from olivebranch.check.text import Draft, count_words
from olivebranch.data import read_toml

# The greeting word in any case; a name after it only when it starts with a capital.
_GREETING = re.compile(r"^\s*((?i:hey|hi|hello|hiya|heya|yo|morning|evening)\b[ ,]*(?:[A-Z][\w'-]*)?)")
_SORRY_BUT = re.compile(r"((?:i'?m|i am)\s+(?:so |really |truly )*sorry\s+(?:for|about|that|i)\b[^,.;!?]*?)\s*,?\s+but\b",
                        re.IGNORECASE)
# The pronoun "i", alone or in "i'm", "i've", "i'd", "i'll"; not a letter in "i.e." or "wi-fi".
_LONE_I = re.compile(r"(?<![\w'’.-])i(?![\w.-])")
_STARTS_WITH_I = re.compile(r"I\b")
# "do you?", "would u?": a sentence that only makes sense after the one before it.
_ELLIPTICAL = re.compile(r"(?i:(?:do|does|did|are|is|was|were|will|would|can|could|should|have|has|had|don'?t|didn'?t"
                         r"|won'?t|aren'?t|isn'?t|wouldn'?t|couldn'?t)\s+(?:you|u|ya|i|we|they|he|she|it))\W*")
_WHOLE_DRAFT_FLAGS = set(MECHANICAL_FLAGS)


@cache
def _blocks() -> dict:
    return read_toml("check", "rewrite.toml")


def suggest(draft: Draft, flags: tuple[Flag, ...], strengths: tuple[str, ...],
            recheck: Callable[[str], CheckResult]) -> str | None:
    """A rewrite of ``draft`` that ``recheck`` finds fit to send, or None if none is."""
    blocks = _blocks()
    greeting = _greeting(draft.text)
    kept = _good_sentences(draft, flags, greeting, recheck)
    replacements = _replacements(draft, flags, blocks["replace"])
    for candidate in (_compose(greeting, kept, replacements, blocks),
                      _compose(greeting, kept[:1], replacements, blocks),
                      _compose(greeting, [], replacements, blocks),
                      _compose(greeting, [], [], blocks),
                      _compose(blocks["add"]["greeting"], [], [], blocks)):
        if recheck(candidate).verdict == "send":
            return candidate
    return None


def _greeting(text: str) -> str:
    m = _GREETING.match(text)
    return m.group(1).strip(" ,") if m else ""


def _good_sentences(draft: Draft, flags: tuple[Flag, ...], greeting: str,
                     recheck: Callable[[str], CheckResult]) -> list[str]:
    """The draft's first good sentences: unflagged, and fit to send with a strength when checked alone.

    A flag the model raises points at the one sentence that scores highest for
    it, but the sentences around it can carry the same thing ("you need to
    sort yourself out" beside "you're always drunk"), and a line such as
    "think about it" only made sense beside the flag. So each sentence is
    checked alone, up to ``max_sentence_checks`` of them, and kept only if
    it is good on its own.
    """
    spans = [(f.start, f.end) for f in flags if f.code not in _WHOLE_DRAFT_FLAGS]
    limits = _blocks()["limits"]
    kept: list[str] = []
    checks = 0
    for s in draft.sentences:
        if len(kept) == limits["max_kept_sentences"] or checks == limits["max_sentence_checks"]:
            break
        if any(start < s.end and s.start < end for start, end in spans):
            continue
        sentence = draft.text[s.start:s.end].strip()
        if greeting and sentence.lower().startswith(greeting.lower()):
            sentence = sentence[len(greeting):].lstrip(" ,!.")
        if count_words(sentence) < 2 or _ELLIPTICAL.fullmatch(sentence):
            continue
        checks += 1
        # Checked as it reads when it starts a sentence of the rewrite. The
        # model pays no heed to case, so a sentence it scored to place a span
        # is not scored again.
        sentence = _LONE_I.sub("I", sentence)
        alone = recheck(_capitalise(sentence))
        if alone.verdict == "send" and alone.strengths:
            kept.append(sentence)
    while kept and sum(count_words(s) for s in kept) > limits["max_words"]:
        kept.pop()
    return kept


def _replacements(draft: Draft, flags: tuple[Flag, ...], table: dict) -> list[str]:
    """One plain line for each kind of flag, in the draft's order, without repeats."""
    lines: list[str] = []
    for flag in sorted(flags, key=lambda f: f.start):
        line = table.get(flag.code)
        if flag.code == "non_apology":
            m = _SORRY_BUT.search(draft.text)
            if m:
                line = _capitalise(m.group(1).strip()) + "."
        if line and line not in lines:
            lines.append(line)
    return lines[:2]


def _compose(greeting: str, kept: list[str], replacements: list[str], blocks: dict) -> str:
    """Greeting, the person's own lines, the replacement lines, then what is missing.

    The greeting gets a capital, and after "Hey Sam," the words go on in the
    same sentence: the person's as they wrote them ("Hey, do you still have
    my jacket?"), one of ours in lower case unless it starts with "I" ("Hi Jo,
    it would mean a lot...").
    """
    add = blocks["add"]
    body = [_end(s) for s in kept + replacements]
    text = " ".join(body).lower()
    if not re.search(r"\bi(?:'ve|'m|'d| miss| feel| would| want| care)\b", text):
        body.append(add["i_statement"])
    if "?" not in text:
        body.append(add["open_question"])
    body.append(add["gives_space"])
    if not greeting:
        return " ".join(map(_capitalise, body))
    first, rest = body[0], [_capitalise(part) for part in body[1:]]
    if not kept and not _STARTS_WITH_I.match(first):
        first = first[:1].lower() + first[1:]
    return " ".join([f"{greeting[:1].upper()}{greeting[1:]}, {first}", *rest])


def _capitalise(s: str) -> str:
    """``s`` with a capital first letter and a capital "I" ("i miss u, i'm sorry" to "I miss u, I'm sorry")."""
    s = _LONE_I.sub("I", s)
    return s[:1].upper() + s[1:]


def _end(s: str) -> str:
    return s if s[-1:] in ".!?" else s + "."
