"""Shared helpers for the CLI: consoles, JSON output and reading input files."""

import json
import sys
from pathlib import Path
from typing import Any, Callable

from olivebranch.errors import InputError, type_name
from olivebranch.words import UNPAIRED_SURROGATE


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
        try:
            text = sys.stdin.read()
        except UnicodeDecodeError:
            text = None
        if text is None or UNPAIRED_SURROGATE.search(text):
            raise InputError(f"the {what} on standard input is not UTF-8 text")
        return text
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


def answer_jsonl(text: str, answer: Callable[[dict], dict], what: str) -> None:
    """Answer each non-blank JSON Lines input line with one output line, in order.

    Each input line must be an object with an ``id`` (text or a whole number);
    its output is ``{"id": ..., **answer(obj)}``. A bad line gets
    ``{"id": ..., "error": "line N: ..."}``, the line's number in the file
    (blank lines counted) first, so every error can be found the same way,
    and the other lines are still answered. ``what`` names one line's object
    in errors ("a draft", "a scenario").
    """
    # Lines end at "\n" (or "\r\n") only: str.splitlines() would also break
    # at U+2028 and other separators a JSON string may hold as they are.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if line.strip():
            print_json(_answer_line(line, number, answer, what), lines=True)


def _answer_line(line: str, number: int, answer: Callable[[dict], dict], what: str) -> dict:
    ident = None
    try:
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"not valid JSON (column {exc.colno}: {exc.msg})") from None
        except RecursionError:
            raise InputError("nested too deeply to read") from None
        if not isinstance(data, dict):
            raise InputError(f"{what} must be a JSON object, not {type_name(data)}")
        if "id" not in data:
            raise InputError("missing", field="id")
        if isinstance(data["id"], bool) or not isinstance(data["id"], (str, int)):
            raise InputError("expected text or a whole number", field="id")
        ident = data["id"]
        return {"id": ident, **answer(data)}
    except InputError as exc:
        return {"id": ident, "error": f"line {number}: {exc}"}

