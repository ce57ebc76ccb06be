"""The playbook: every piece of advice from the five sources, in our own words.

Advice is data (``olivebranch/data/playbook/*.toml``, one file per stage plus
``left_out.toml``), loaded lazily and cached. Each item carries its stage,
whether it is something to do, something not to do, or a tactic olivebranch
leaves out (and why), the ids of the sources that support it and of those
that contradict it, and the plans it belongs in: advice that speaks of getting
in touch is left out of a plan where they blocked you or asked for no contact,
which has its own wording (SPEC 7).
"""

from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Literal

from olivebranch.data import read_toml
from olivebranch.errors import UnknownTopicError

Kind = Literal["do", "dont", "left_out"]
PlanPath = Literal["full", "no_contact"]
PLAN_PATHS: tuple[PlanPath, ...] = ("full", "no_contact")


@dataclass(frozen=True)
class Stage:
    """One of the eight stages of a plan (SPEC 2)."""

    id: str
    number: int
    title: str
    summary: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Advice:
    """One piece of advice, paraphrased, with its provenance.

    ``covers`` lists the ids of the source items (``source_items.toml``) that
    this advice paraphrases, so a test can show every item is covered.
    """

    id: str
    stage: str
    kind: Kind
    text: str
    why: str
    sources: tuple[str, ...]
    contradicted_by: tuple[str, ...] = ()
    covers: tuple[str, ...] = ()
    tags: tuple[str, ...] = field(default=())
    paths: tuple[PlanPath, ...] = PLAN_PATHS

    def to_dict(self) -> dict:
        """The advice as a JSON-ready dict."""
        return {
            "id": self.id,
            "stage": self.stage,
            "kind": self.kind,
            "text": self.text,
            "why": self.why,
            "sources": list(self.sources),
            "contradicted_by": list(self.contradicted_by),
        }


@cache
def stages(path: PlanPath = "full") -> tuple[Stage, ...]:
    """The eight stages, in plan order, worded for a plan on ``path``."""
    rows = read_toml("stages.toml")["stage"]
    return tuple(
        Stage(id=r["id"], number=i, title=r["title"], sources=tuple(r["sources"]),
              summary=r.get("no_contact_summary", r["summary"]) if path == "no_contact" else r["summary"])
        for i, r in enumerate(rows, start=1)
    )


def stage(stage_id: str) -> Stage:
    """The stage with id ``stage_id``; :class:`UnknownTopicError` if there is none."""
    for s in stages():
        if s.id == stage_id:
            return s
    known = ", ".join(s.id for s in stages())
    raise UnknownTopicError(f"there is no stage '{stage_id}' (stages: {known})")


@cache
def advice() -> tuple[Advice, ...]:
    """Every piece of advice in the playbook, in stage order then file order."""
    folder = files("olivebranch.data").joinpath("playbook")
    order = {s.id: s.number for s in stages()}
    items: list[Advice] = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".toml"):
            continue
        for row in read_toml("playbook", entry.name).get("advice", []):
            items.append(
                Advice(
                    id=row["id"],
                    stage=row["stage"],
                    kind=row["kind"],
                    text=row["text"],
                    why=row["why"],
                    sources=tuple(row["sources"]),
                    contradicted_by=tuple(row.get("contradicted_by", ())),
                    covers=tuple(row.get("covers", ())),
                    tags=tuple(row.get("tags", ())),
                    paths=tuple(row.get("paths", PLAN_PATHS)),
                )
            )
    return tuple(sorted(items, key=lambda a: order.get(a.stage, 99)))


def for_stage(stage_id: str, kind: Kind | None = None, path: PlanPath | None = None) -> tuple[Advice, ...]:
    """The advice for one stage, optionally only of one ``kind`` (never ``left_out`` by default)
    and only what belongs in a plan on ``path``."""
    stage(stage_id)  # validates the id
    return tuple(
        a for a in advice()
        if a.stage == stage_id and (a.kind == kind if kind else a.kind != "left_out")
        and (path is None or path in a.paths)
    )


def left_out() -> tuple[Advice, ...]:
    """The tactics olivebranch leaves out, each with why."""
    return tuple(a for a in advice() if a.kind == "left_out")
