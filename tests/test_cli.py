"""The CLI as a whole: help everywhere, documented in the README, one-line errors."""

import re

import pytest

from olivebranch.cli.app import app
from tests.conftest import REPO, one_line_error

import typer.main


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)


def test_every_command_has_help(cli):
    for name in command_names():
        res = cli(name, "--help")
        assert res.code == 0, (name, res.err)
        assert "Usage" in res.out and len(res.out.strip().splitlines()) > 3, name
        # A flag takes no value, so its help shows no type beside it (typer 0.29 printed "<bool>"),
        # and an argument shows its name (TACTIC, TEXT), not its Python type.
        assert "<bool>" not in res.out and "<str>" not in res.out, name
        assert "SPEC" not in res.out, name  # the person reading has never seen the contract


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


# --- usage errors: one line, the same shape, naming the command's help -------------------------

EXAMPLE = str(REPO / "examples" / "answers.json")
SCENARIO = str(REPO / "tests" / "fixtures" / "timing" / "spec_example.json")
CHAT = str(REPO / "tests" / "fixtures" / "chats" / "whatsapp_android_24h.txt")


@pytest.mark.parametrize("args, option", [
    (["check", "--jsonl", ""], "--jsonl"),
    (["timing", "--scenario", ""], "--scenario"),
    (["timing", "--jsonl", " "], "--jsonl"),
    (["assess", "--answers", ""], "--answers"),
    (["plan", "--answers", ""], "--answers"),
    (["plan", "--answers", EXAMPLE, "--ics", ""], "--ics"),
    (["signals", "--export", "", "--me", "Sam"], "--export"),
    (["signals", "--export", CHAT, "--me", "Sam", "--plot", ""], "--plot"),
])
def test_an_empty_path_says_the_path_is_empty(cli, args, option):
    line = one_line_error(cli(*args), f"{option}: the path is empty", f"(try 'olivebranch {args[0]} --help')")
    assert "folder" not in line.split("; ")[0]


@pytest.mark.parametrize("args", [
    ["check"],
    ["check", "--json"],
    ["check", "--jsonl"],
    ["check", "hey", "--jsonl", SCENARIO],
    ["timing"],
    ["timing", "--scenario"],
    ["timing", "--scenario", SCENARIO, "extra"],
    ["why", "--list", "jealousy"],
    ["why"],
    ["plan"],
    ["plan", "--answers", EXAMPLE, "--timezone", "Nowhere/Atlantis"],
    ["signals", "--export", CHAT, "--me", "Sam", "--format", "viber"],
    ["signals", "--export", CHAT, "--me", "Sam", "--dayfirst", "--monthfirst"],
    ["signals", "--me"],
    ["start", "--nope"],
])
def test_usage_errors_are_plain_one_liners_naming_the_commands_help(cli, args):
    line = one_line_error(cli(*args))
    assert "Invalid value" not in line
    assert line.endswith(f" (try 'olivebranch {args[0]} --help')"), line
    message = line.removeprefix("olivebranch: ")
    assert message[0].islower() or message.startswith("-"), line  # like every other message
    assert ". (try" not in line


def test_an_unknown_command_names_the_top_level_help(cli):
    line = one_line_error(cli("nope"))
    assert line.endswith(" (try 'olivebranch --help')") and "nope" in line
