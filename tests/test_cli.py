"""The CLI as a whole: help everywhere, documented in the README, one-line errors."""

import re

from olivebranch.cli.app import app
from tests.conftest import REPO

import typer.main


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)


def test_every_command_has_help(cli):
    for name in command_names():
        res = cli(name, "--help")
        assert res.code == 0, (name, res.err)
        assert "Usage" in res.out and len(res.out.strip().splitlines()) > 3, name
        # A flag takes no value, so its help shows no type beside it (typer 0.29 printed "<bool>").
        assert "<bool>" not in res.out, name


def test_every_command_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in command_names():
        assert re.search(rf"olivebranch {re.escape(name)}\b", readme), f"README does not show `olivebranch {name}`"


def test_top_level_help(cli):
    res = cli("--help")
    assert res.code == 0
    assert "olivebranch" in res.out


def test_unknown_command_is_a_one_line_usage_error(cli):
    res = cli("no-such-command")
    assert res.code == 2
    assert res.out == ""
    assert len(res.err.strip().splitlines()) == 1
    assert "no-such-command" in res.err


def test_unknown_option_is_a_one_line_usage_error(cli):
    name = command_names()[0]
    res = cli(name, "--no-such-option")
    assert res.code == 2
    assert len(res.err.strip().splitlines()) == 1
    assert "--no-such-option" in res.err
