"""The five source articles (SPEC section 1) and their ids S0 to S4."""

from dataclasses import dataclass
from functools import cache

from olivebranch.data import read_toml


@dataclass(frozen=True)
class Source:
    """One source article: its id, file name in ``shared/sources`` and a short description."""

    id: str
    file: str
    title: str
    about: str


@cache
def sources() -> dict[str, Source]:
    """Every source by id, in id order."""
    table = read_toml("sources.toml")
    return {sid: Source(id=sid, **row) for sid, row in sorted(table.items())}


SOURCE_IDS = ("S0", "S1", "S2", "S3", "S4")
