"""Shared helpers for the CLI: consoles, JSON output and reading input files."""

import json
import sys
from pathlib import Path
from typing import Any

from olivebranch.errors import InputError


def console():
    """A Rich console on stdout (created per call, so tests can capture stdout)."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def print_json(obj: Any, *, lines: bool = False) -> None:
    """Print ``obj`` as JSON: indented, or on one line when ``lines`` is set."""
    text = json.dumps(obj, ensure_ascii=False, indent=None if lines else 2)
    sys.stdout.write(text + "\n")


def read_text(path: str, what: str = "file") -> str:
    """Read a UTF-8 text file, or ``-`` for stdin, as a one-line InputError on failure."""
    if path == "-":
        return sys.stdin.read()
    p = Path(path)
    if not p.exists():
        raise InputError(f"no {what} at {path}")
    if p.is_dir():
        raise InputError(f"{path} is a folder, not a {what}")
    try:
        return p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not a text file (it is not UTF-8)") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None


def read_json(path: str, what: str = "JSON file") -> Any:
    """Read and parse one JSON document from a file, or ``-`` for stdin."""
    text = read_text(path, what)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
