"""User-facing text is warm and plain: never shaming (messages.py and the data files)."""

import re
import tomllib
from importlib.resources import files

import pytest

from olivebranch import messages, support

SHAMING = re.compile(r"\b(?:desperat\w*|needy|neediness|pathetic|clingy|crazy|psycho\w*|insane|ashamed)\b", re.I)
# Not shown to anyone: the inventory of the sources' items, and the check's
# detection data (patterns and lexicon must name the very words they catch).
NOT_SHOWN = {"source_items.toml", "patterns.toml", "lexicon.toml"}


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def _data_files():
    root = files("olivebranch.data")
    for folder in (root, root / "playbook", root / "check"):
        for f in folder.iterdir():
            if f.name.endswith(".toml") and f.name not in NOT_SHOWN:
                yield f


@pytest.mark.parametrize("path", list(_data_files()), ids=lambda f: f.name)
def test_no_shaming_words_in_the_data(path):
    for text in _strings(tomllib.loads(path.read_text(encoding="utf-8"))):
        assert not SHAMING.search(text), (path.name, text)


def test_no_shaming_words_in_the_catalogue():
    for module in (messages, support):
        for name, value in vars(module).items():
            if name.isupper():
                for text in _strings(value):
                    assert not SHAMING.search(text), (name, text)
