"""Lexical detector: precise patterns for what is lexical (SPEC 5).

Patterns live in ``olivebranch/data/check/patterns.toml``; they are compiled
once, on first use, into one alternation per code and strength. They run on
the lower-cased draft, which is twice as fast as case-insensitive matching;
for the rare text whose lower-case form has another length (so offsets would
shift), a case-insensitive compile is used instead.
"""

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
import tomllib

from olivebranch.check.codes import FLAGS, STRENGTHS
from olivebranch.check.result import Hit
from olivebranch.check.text import Draft

_MACRO = re.compile(r"\{([a-z]+)\}")  # {name}, never a {m,n} quantifier
PATTERN_CODES: tuple[str, ...] = tuple(c for c in FLAGS if c not in ("wall_of_text", "low_effort")) + STRENGTHS


@dataclass(frozen=True)
class _Group:
    code: str
    strong: bool
    regex: re.Pattern


@cache
def _groups(ignore_case: bool = False) -> tuple[_Group, ...]:
    table = tomllib.loads(files("olivebranch.data").joinpath("check", "patterns.toml").read_text(encoding="utf-8"))
    macros = table.pop("macros")
    groups = []
    for code in PATTERN_CODES:
        for group in table.get(code, []):
            alternatives = [_MACRO.sub(lambda m: macros[m.group(1)], p) for p in group["patterns"]]
            regex = re.compile("|".join(f"(?:{p})" for p in alternatives), re.IGNORECASE if ignore_case else 0)
            groups.append(_Group(code, bool(group.get("strong")), regex))
    return tuple(groups)


class PatternDetector:
    """Finds every pattern match in a draft: strong hits and evidence."""

    name = "patterns"

    def detect(self, draft: Draft, prior: tuple[Hit, ...] = ()) -> tuple[Hit, ...]:
        """Every match of every pattern group, as hits over the original text."""
        text = draft.normal.lower()
        groups = _groups()
        if len(text) != len(draft.normal):
            text, groups = draft.normal, _groups(ignore_case=True)
        return tuple(
            Hit(g.code, m.start(), m.end(), "strong" if g.strong else "evidence")
            for g in groups
            for m in g.regex.finditer(text)
            if m.end() > m.start()
        )
