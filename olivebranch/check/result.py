"""What the draft check finds: hits from detectors, flags, and the final result."""

from dataclasses import dataclass, field
from typing import Literal

HitKind = Literal["strong", "evidence", "model", "rule"]


@dataclass(frozen=True)
class Hit:
    """One detector's finding for one code over ``text[start:end]``.

    ``strong`` pattern hits and ``rule`` hits raise their flag alone; ``model``
    hits are the learned model's verdict; ``evidence`` hits only help the model
    decide and give a precise span when it agrees.
    """

    code: str
    start: int
    end: int
    kind: HitKind
    score: float = 1.0


@dataclass(frozen=True)
class Flag:
    """A problem in the draft (SPEC 5), pointing at the words that raised it."""

    code: str
    severity: str
    start: int
    end: int
    why: str
    sources: tuple[str, ...]
    suggestion: str

    def to_dict(self) -> dict:
        """The flag in SPEC 5's JSON shape."""
        return {"code": self.code, "severity": self.severity, "start": self.start, "end": self.end,
                "why": self.why, "sources": list(self.sources), "suggestion": self.suggestion}


@dataclass(frozen=True)
class CheckResult:
    """The outcome of checking one draft."""

    text: str
    verdict: Literal["send", "revise", "dont_send"]
    flags: tuple[Flag, ...]
    strengths: tuple[str, ...]
    rewrite: str | None
    resources: tuple = field(default=())
    # The language the draft is written in when the check cannot read it (not English), else None;
    # language.UNNAMED when it is not English but which language is unsure.
    # Not in SPEC 5's JSON: the CLI tells the person beside it.
    language: str | None = None

    @property
    def codes(self) -> frozenset[str]:
        """The distinct flag codes raised."""
        return frozenset(f.code for f in self.flags)

    def to_dict(self) -> dict:
        """The result in SPEC 5's JSON shape (without ``id``)."""
        return {"verdict": self.verdict, "flags": [f.to_dict() for f in self.flags],
                "strengths": list(self.strengths), "rewrite": self.rewrite,
                "resources": [r.to_dict() for r in self.resources]}
