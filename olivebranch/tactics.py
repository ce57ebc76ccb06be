"""Tactics people ask about, and what olivebranch makes of them (``olivebranch why``).

Each tactic (jealousy, hot-and-cold, double-text, ...) is data in
``olivebranch/data/tactics.toml``: its aliases, olivebranch's stance, a summary
in our own words, what the sources say for and against it (by source item),
and the playbook advice it relates to. :func:`explain` looks a name up,
forgivingly, and returns an :class:`Explanation`; it does no I/O of its own.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher, get_close_matches
from functools import cache
import re
from typing import Literal

from olivebranch import messages, playbook, support
from olivebranch.data import read_toml
from olivebranch.errors import UnknownTopicError

Stance = Literal["recommended", "with_care", "avoid", "left_out"]
STANCES: tuple[str, ...] = ("recommended", "with_care", "avoid", "left_out")

# A misspelling closer than this to exactly one tactic is taken to mean it.
_AUTO_ACCEPT = 0.85


@dataclass(frozen=True)
class Claim:
    """What one source item says for or against a tactic, paraphrased."""

    item: str
    says: str

    @property
    def source(self) -> str:
        """The source id (``S0`` to ``S4``) the item comes from."""
        return self.item.split(".", 1)[0]

    def to_dict(self) -> dict:
        """The claim as a JSON-ready dict."""
        return {"source": self.source, "item": self.item, "says": self.says}


@dataclass(frozen=True)
class Tactic:
    """One tactic as stored in ``tactics.toml``."""

    name: str
    aliases: tuple[str, ...]
    stance: Stance
    summary: str
    pro: tuple[Claim, ...]
    con: tuple[Claim, ...]
    related: tuple[str, ...]
    support: bool = False


@dataclass(frozen=True)
class Explanation:
    """What the sources say about a tactic, olivebranch's stance, and related advice."""

    tactic: Tactic
    verdict: str
    related: tuple[playbook.Advice, ...]
    resources: tuple[support.Resource, ...]

    @property
    def sources_for(self) -> tuple[str, ...]:
        """Ids of the sources that recommend the tactic, in id order."""
        return tuple(sorted({c.source for c in self.tactic.pro}))

    @property
    def sources_against(self) -> tuple[str, ...]:
        """Ids of the sources that advise against the tactic, in id order."""
        return tuple(sorted({c.source for c in self.tactic.con}))

    def to_dict(self) -> dict:
        """The explanation as a JSON-ready dict (the shape of ``why --json``)."""
        t = self.tactic
        return {  # support first, as it is shown
            "resources": [r.to_dict() for r in self.resources],
            "tactic": t.name,
            "aliases": list(t.aliases),
            "stance": t.stance,
            "verdict": self.verdict,
            "summary": t.summary,
            "for": [c.to_dict() for c in t.pro],
            "against": [c.to_dict() for c in t.con],
            "sources_for": list(self.sources_for),
            "sources_against": list(self.sources_against),
            "related": [a.to_dict() for a in self.related],
        }


def _key(text: str) -> str:
    """A spelling-insensitive key: lowercase letters and digits only ('Hot & Cold' -> 'hotandcold')."""
    return re.sub(r"[^a-z0-9]", "", text.lower().replace("&", "and"))


def _stem(key: str) -> str:
    """Drop one common ending, so 'ultimatums' and 'ignoring' find 'ultimatum' and 'ignore'."""
    for ending in ("ing", "es", "s", "e", "ed"):
        if key.endswith(ending) and len(key) - len(ending) >= 4:
            return key[: -len(ending)]
    return key


@cache
def tactics() -> tuple[Tactic, ...]:
    """Every tactic olivebranch can explain, in file order."""
    rows = read_toml("tactics.toml")["tactic"]
    return tuple(
        Tactic(
            name=r["name"],
            aliases=tuple(r.get("aliases", ())),
            stance=r["stance"],
            summary=r["summary"],
            pro=tuple(Claim(c["item"], c["says"]) for c in r.get("for", ())),
            con=tuple(Claim(c["item"], c["says"]) for c in r.get("against", ())),
            related=tuple(r.get("related", ())),
            support=bool(r.get("support", False)),
        )
        for r in rows
    )


def names() -> tuple[str, ...]:
    """The canonical tactic names, in file order."""
    return tuple(t.name for t in tactics())


@cache
def _index() -> tuple[dict[str, Tactic], dict[str, Tactic]]:
    """Lookup tables by key and by stemmed key (stems shared by two tactics are dropped)."""
    exact: dict[str, Tactic] = {}
    stems: dict[str, Tactic | None] = {}
    for t in tactics():
        for spelling in (t.name, *t.aliases):
            k = _key(spelling)
            exact.setdefault(k, t)
            s = _stem(k)
            stems[s] = t if stems.get(s, t) is t else None
    return exact, {s: t for s, t in stems.items() if t is not None}


def _raw(name: str | Iterable[str]) -> str:
    """The name as one line of words (several arguments joined with spaces)."""
    return " ".join((name if isinstance(name, str) else " ".join(name)).split())


def resolve(name: str | Iterable[str]) -> Tactic:
    """The tactic called ``name`` (or several words that together name it).

    Forgiving: case, spaces, hyphens and common endings don't matter, and a
    near-miss spelling of exactly one tactic is accepted. Anything else raises
    :class:`UnknownTopicError` with a one-line message naming the closest ones.
    """
    raw = _raw(name)
    key = _key(raw)
    exact, stems = _index()
    if not key:
        raise UnknownTopicError(messages.WHY_NEED_NAME)
    if key in exact:
        return exact[key]
    if _stem(key) in stems:
        return stems[_stem(key)]
    close = get_close_matches(key, list(exact), n=6, cutoff=0.6)
    best = [exact[k] for k in close]
    if best and SequenceMatcher(None, key, close[0]).ratio() >= _AUTO_ACCEPT:
        strong = {exact[k].name for k in close if SequenceMatcher(None, key, k).ratio() >= _AUTO_ACCEPT}
        if len(strong) == 1:
            return best[0]
    suggestions = list(dict.fromkeys(t.name for t in best))[:3]
    if suggestions:
        hint = messages.WHY_DID_YOU_MEAN.format(names=", ".join(suggestions))
    else:
        hint = messages.WHY_SOME_KNOWN.format(names=", ".join(names()[:5]))
    raise UnknownTopicError(messages.WHY_UNKNOWN.format(name=raw, hint=hint))


def explain(name: str | Iterable[str]) -> Explanation:
    """Explain the tactic ``name``: sources for and against, the stance, related advice.

    Related advice is the tactic's own list, then any advice tagged with its
    name. Support resources are included for tactics that touch on self-harm.
    A name that is no tactic is free text, so it is screened
    (:func:`olivebranch.support.screen_self_harm`, the draft check's own
    reading): one with a sign of self-harm ("kill myself") is answered with
    the self-harm entry, support first, rather than an error. A tactic's own
    name is not screened: it is a question about that tactic, and the model
    reads a few short ones ("give them space") as a sign when they stand alone.
    """
    try:
        tactic = resolve(name)
    except UnknownTopicError:
        if not support.screen_self_harm(_raw(name)):
            raise
        tactic = next(t for t in tactics() if t.support)
    by_id = {a.id: a for a in playbook.advice()}
    ids = list(tactic.related) + [a.id for a in playbook.advice() if tactic.name in a.tags]
    related = tuple(by_id[i] for i in dict.fromkeys(ids) if i in by_id)
    resources = support.resources("self_harm") if tactic.support else ()
    return Explanation(
        tactic=tactic,
        verdict=messages.WHY_VERDICT[tactic.stance],
        related=related,
        resources=resources,
    )
