"""The draft check's codes (SPEC 5) and their plain-words descriptions."""

from dataclasses import dataclass
from functools import cache

from olivebranch.data import read_toml

FLAGS: tuple[str, ...] = (
    "self_harm", "ultimatum", "manipulation", "guilt_trip", "blame",
    "pressure", "begging", "entitlement", "sarcasm", "non_apology", "lecturing", "venting",
    "wall_of_text", "low_effort",
)
# Flags raised by counting words (olivebranch.check.mechanics); the others are read
# from the wording, by patterns and the learned model.
MECHANICAL_FLAGS: tuple[str, ...] = ("wall_of_text", "low_effort")
WORDING_FLAGS: tuple[str, ...] = tuple(c for c in FLAGS if c not in MECHANICAL_FLAGS)
STRENGTHS: tuple[str, ...] = ("i_statement", "open_question", "apology", "gives_space", "warmth")
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
WALL_OF_TEXT_WORDS = 80
# SPEC 5: a text over 10,000 characters is checked, not refused: it is a wall of text.
WALL_OF_TEXT_CHARS = 10_000
LOW_EFFORT_MAX_WORDS = 3


@dataclass(frozen=True)
class FlagInfo:
    """What a flag code means for a person: why it matters, what to do instead, sources."""

    code: str
    severity: str
    title: str
    why: str
    suggestion: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class StrengthInfo:
    """What a strength code means, in plain words."""

    code: str
    title: str
    note: str


@cache
def _table() -> dict:
    return read_toml("check", "codes.toml")


def flag_info(code: str) -> FlagInfo:
    """The description of flag ``code``."""
    row = _table()["flags"][code]
    return FlagInfo(code=code, severity=row["severity"], title=row["title"], why=row["why"],
                    suggestion=row["suggestion"], sources=tuple(row["sources"]))


def strength_info(code: str) -> StrengthInfo:
    """The description of strength ``code``."""
    row = _table()["strengths"][code]
    return StrengthInfo(code=code, title=row["title"], note=row["note"])


def severity(code: str) -> str:
    """The severity of flag ``code``: high, medium or low."""
    return _table()["flags"][code]["severity"]
