import inspect
import re

import pytest

from olivebranch.cli import app


def _commands():
    return [(c.name or c.callback.__name__, c.callback) for c in app.registered_commands]


@pytest.mark.parametrize(("name", "callback"), _commands(), ids=[name for name, _ in _commands()])
def test_help_keeps_each_paragraph_on_one_line(cli, monkeypatch, name, callback):
    monkeypatch.setenv("COLUMNS", "400")
    res = cli(name, "--help")
    assert res.code == 0, res.err
    lines = [line.strip() for line in res.out.splitlines()]
    paragraphs = inspect.cleandoc(callback.__doc__).split("\n\n")
    assert len(paragraphs) >= 2
    for paragraph in paragraphs:
        assert " ".join(paragraph.split()) in lines, paragraph


def test_every_command_is_registered():
    assert {name for name, _ in _commands()} == {"start", "assess", "plan", "timing", "why", "check", "signals"}


@pytest.mark.parametrize("columns", ["40", "50", "60"])
@pytest.mark.parametrize(("name", "callback"), _commands(), ids=[name for name, _ in _commands()])
def test_help_at_40_columns_keeps_every_option_name_whole(cli, monkeypatch, columns, name, callback):
    import typer.main

    monkeypatch.setenv("COLUMNS", columns)
    res = cli(name, "--help")
    assert res.code == 0, res.err
    command = typer.main.get_command(app).commands[name]
    for param in command.params:
        for opt in param.opts:
            if opt.startswith("-"):
                assert re.search(rf"^│ (\* )?\s*{re.escape(opt)}( |$)", res.out, re.M), (opt, res.out)
    assert max(map(len, res.out.splitlines())) <= int(columns)
