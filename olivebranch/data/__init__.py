"""olivebranch's knowledge as data files, and the one way its modules read them."""

from importlib.resources import files
import tomllib


def read_toml(*parts: str) -> dict:
    """Parse the TOML file at ``parts`` under ``olivebranch/data`` (callers cache what they build)."""
    return tomllib.loads(files(__name__).joinpath(*parts).read_text(encoding="utf-8"))
