"""Shared fixtures: run the CLI in-process and capture what it prints."""

import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from olivebranch.cli import main

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@dataclass
class CliResult:
    """What one CLI run printed and its exit status."""

    code: int
    out: str
    err: str


def run_cli(*args: str, stdin: str | io.TextIOBase | None = "") -> CliResult:
    """Run ``olivebranch ARGS`` through :func:`olivebranch.cli.main`, as a user would.

    ``stdin`` is the text typed, or a file-like object to read it from;
    ``None`` is a closed standard input (``olivebranch ... <&-``), which
    Python shows as ``sys.stdin is None``.
    """
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    if stdin is not None and not hasattr(stdin, "readline"):
        stdin = io.StringIO(stdin)
    sys.stdin, sys.stdout, sys.stderr = stdin, out, err
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return CliResult(code, out.getvalue(), err.getvalue())


def one_line_error(res: CliResult, *needles: str) -> str:
    """Assert ``res`` is a usage or input error: exit 2, nothing on stdout, one line on stderr
    containing every needle, and no traceback. Returns that line."""
    assert res.code == 2, (res.code, res.out, res.err)
    assert res.out == ""
    lines = res.err.strip().splitlines()
    assert len(lines) == 1, res.err
    assert "Traceback" not in res.err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


@pytest.fixture
def cli():
    """The :func:`run_cli` helper, as a fixture."""
    return run_cli


@pytest.fixture
def plain_env(monkeypatch):
    """No colour forced either way: output goes to a captured stream, not a terminal."""
    for name in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
