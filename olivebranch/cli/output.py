"""Shared helpers for the CLI: consoles, JSON output and reading input files."""

import errno
import functools
import json
import os
import re
import sys
from pathlib import Path
from typing import Any, Callable

from olivebranch import messages
from olivebranch.errors import InputError, type_name
from olivebranch.words import UNPAIRED_SURROGATE

BOM = "\ufeff"


# A width below MIN_WIDTH (COLUMNS=0, as some shells and embedded terminals export it)
# leaves no room for a single word, so it is taken as unknown: DEFAULT_WIDTH.
# Above MAX_WIDTH, lines of prose get too long to read easily, so a wide
# terminal is used up to MAX_WIDTH only.
MIN_WIDTH = 20
DEFAULT_WIDTH = 80
MAX_WIDTH = 100
# print_hanging gives a first line whose lead leaves less room than this a line of its own.
MIN_ROOM = 12


# Control characters in a person's own text (a draft, a name in a chat, a
# path) would reach the terminal as commands: ESC starts sequences that clear
# the screen or set the window title. Each is shown as one visible character
# instead, so text and the flags' spans into it keep their length: C0 as its
# Unicode Control Picture (ESC as "␛"), DEL as "␡", C1 (which has no
# pictures) as "�". Newline and tab only lay text out, so they stay.
_VISIBLE = {
    **{code: 0x2400 + code for code in range(0x20) if chr(code) not in "\n\t"},
    0x7F: 0x2421,
    **{code: 0xFFFD for code in range(0x80, 0xA0)},
}
_JSON_RAW_CONTROLS = re.compile("[\x7f-\x9f]")  # what json.dumps(ensure_ascii=False) leaves as it is


def visible(text: str) -> str:
    """``text`` with its control characters shown, not obeyed: one visible character each (see :data:`_VISIBLE`)."""
    return text.translate(_VISIBLE)


def console(*, stderr: bool = False):
    """A Rich console on stdout, or on stderr (created per call, so tests can capture both).

    A width too narrow to hold text (below :data:`MIN_WIDTH`) is taken as
    unknown, so the console uses :data:`DEFAULT_WIDTH` instead; a wider one
    than :data:`MAX_WIDTH` is used up to that width. Every command's
    readable output is laid out at this width, and only here is it chosen.
    """
    from rich.console import Console

    out = Console(highlight=False, soft_wrap=False, stderr=stderr)
    if out.width < MIN_WIDTH:
        out.width = DEFAULT_WIDTH
    out.width = min(out.width, MAX_WIDTH)
    return out


def is_plain(out) -> bool:
    """True when ``out`` shows no colour: not a terminal, NO_COLOR set, or a terminal without colours (TERM=dumb).

    Output meant for colour then needs another way to point at things, such
    as the check's [[markers]].
    """
    return not out.is_terminal or out.no_color or out.color_system is None


def path_option(wants: str = "file") -> Callable[[str | None], str | None]:
    """A typer callback for a FILE or FOLDER option: an empty path is a usage error, not the current folder.

    ``wants`` says what to give instead, a key of :data:`messages.OPTION_EMPTY_WANTS`
    ("file", "file_or_stdin", "folder").
    """
    import typer

    def check(value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise typer.BadParameter(messages.OPTION_EMPTY_PATH.format(what=messages.OPTION_EMPTY_WANTS[wants]))
        return value

    return check


def print_json(obj: Any, *, lines: bool = False) -> None:
    """Print ``obj`` as JSON: indented, or on one line when ``lines`` is set."""
    text = json.dumps(obj, ensure_ascii=False, indent=None if lines else 2)
    # The same JSON, with DEL and C1 escaped like the C0 controls, so none reaches a terminal.
    text = _JSON_RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    sys.stdout.write(text + "\n")


def print_hanging(out, text, first: str = "  ", rest: str | None = None) -> None:
    """Print ``text`` (a string or a Rich ``Text``) wrapped after ``first``, its other lines after ``rest``.

    A hanging indent ("  • " then "    "; ``rest`` defaults to spaces as wide
    as ``first``), wrapped here rather than by Rich so no line ends in spaces.
    A ``first`` that leaves less than :data:`MIN_ROOM` columns gets a line
    of its own. The width is the console's. Control characters in ``text``
    are shown, not obeyed (:func:`visible`).
    """
    from rich.text import Text

    text = Text(visible(text)) if isinstance(text, str) else _visible_text(text)
    lead = Text(first) if isinstance(first, str) else first
    under = Text(" " * lead.cell_len if rest is None else rest)
    width = out.width
    if width - lead.cell_len < MIN_ROOM <= width - under.cell_len:
        _print_line(out, lead)
        lead = under
    room = width - max(lead.cell_len, under.cell_len)
    for n, line in enumerate(text.wrap(out, max(room, 1))):
        _print_line(out, Text.assemble(under if n else lead, line))  # not lead + line: that styles all as lead


def print_wrapped(out, text, style: str = "") -> None:
    """Print ``text`` as a paragraph with no indent, wrapped with no spaces at line ends (see :func:`print_hanging`)."""
    from rich.text import Text

    print_hanging(out, Text(text, style=style) if isinstance(text, str) else text, "", "")


def print_block(out, renderable) -> None:
    """Print a Rich renderable (a table) as Rich lays it out, without the spaces Rich pads its lines with.

    A table's centred title, for one, comes padded to the table's width.
    """
    from rich.segment import Segment, Segments

    for line in out.render_lines(renderable, pad=False):
        while line and not line[-1].control and not line[-1].text.rstrip(" "):
            line.pop()
        if line and not line[-1].control:
            last = line[-1]
            line[-1] = Segment(last.text.rstrip(" "), last.style)
        out.print(Segments([*line, Segment.line()]))


@functools.cache
def prompts():
    """Rich's ``Prompt`` and ``Confirm``, their questions wrapped with no spaces at line ends (:func:`_wrap_question`).

    Made on first use, as ``rich.prompt`` loads Rich's console, which
    ``--help`` does not need.
    """
    from rich.prompt import Confirm, Prompt

    class Wrapped:
        def make_prompt(self, default):
            return _wrap_question(self.console, super().make_prompt(default))

    class WrappedPrompt(Wrapped, Prompt):
        pass

    class WrappedConfirm(Wrapped, Confirm):
        pass

    return WrappedPrompt, WrappedConfirm


def _wrap_question(out, question):
    """A prompt's whole question (a Rich ``Text``) wrapped to ``out``'s width, with no spaces at line ends.

    Rich prints it as one line for the terminal to wrap, leaving a space at
    each break. The last line keeps the ": " after which the answer is typed.
    """
    from rich.text import Text

    lines = question.wrap(out, out.width)
    for line in lines[:-1]:
        line.rstrip()
    return Text("\n").join(lines)


def _print_line(out, line) -> None:
    """Print one laid-out line (a Rich ``Text``) as it is, less any spaces at its end."""
    line.rstrip()
    out.print(line, soft_wrap=True)


def _visible_text(text):
    """A Rich ``Text`` with :func:`visible` applied, its styles kept (the length does not change)."""
    shown = visible(text.plain)
    if shown == text.plain:
        return text
    text = text.copy()
    text.plain = shown
    return text


def print_support(out, blocks) -> None:
    """Print support blocks (:class:`olivebranch.support.Support`) the one way every command shows them.

    Each under a title, its intro, then one bullet per resource; meant to
    come before anything else. ``out`` may be a console on standard error,
    so JSON on standard output keeps its shape.
    """
    for block in blocks:
        print_wrapped(out, messages.SUPPORT_TITLE, "bold")
        print_hanging(out, block.intro, "  ", "  ")
        for res in block.resources:
            print_hanging(out, f"{res.name}: {res.contact}. {res.note}", "  • ", "    ")
        out.print()


def print_self_harm_support(out) -> None:
    """Support for a sign of self-harm, then one kind line about the person, meant to be all that is shown.

    Someone who may be thinking of hurting themselves gets care, not notes:
    a verdict, coaching on a draft's wording or what the sources say about a
    tactic would read as a rebuff. ``--json`` keeps its whole shape, for programs.
    """
    from olivebranch.support import block

    print_support(out, [block("self_harm")])
    print_hanging(out, messages.AFTER_SUPPORT, "", "")


def stdin_closed() -> bool:
    """True when there is no standard input to read.

    A shell's ``<&-`` closes it before Python starts, so ``sys.stdin`` is
    ``None``; a stream closed later has ``closed`` set.
    """
    return sys.stdin is None or sys.stdin.closed


def read_text(path: str, what: str = "file") -> str:
    """Read a UTF-8 text file, or ``-`` for stdin, as a one-line InputError on failure.

    A byte order mark at the start (Notepad, PowerShell) is dropped, as the
    ``utf-8-sig`` codec does for a file.
    """
    if path == "-":
        if stdin_closed():
            raise InputError(messages.STDIN_CLOSED.format(what=what))
        try:
            text = sys.stdin.read()
        except UnicodeDecodeError:
            text = None
        except OSError as exc:
            raise InputError(f"cannot read the {what} from standard input: {exc.strerror or exc}") from None
        if text is None or UNPAIRED_SURROGATE.search(text):
            raise InputError(f"the {what} on standard input is not UTF-8 text")
        return text.removeprefix(BOM)
    p = Path(path)
    if not p.exists():
        raise InputError(f"no {what} at {path}")
    if p.is_dir():
        raise InputError(f"{path} is a folder, not {_a(what)}")
    try:
        return p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not a text file (it is not UTF-8)") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None


def save_bytes(path: str, data: bytes) -> str | None:
    """Write ``data`` to the file at ``path`` (``~`` expanded).

    Returns ``None`` once written, else why it could not be, in plain words
    for a message ("there is no such folder"); nothing is raised, so a caller
    can ask for another place or turn it into its own error.
    """
    if not path.strip():
        return messages.SAVE_WHY["no_name"]
    target = Path(path).expanduser()
    if target.is_dir():
        return messages.SAVE_WHY["folder"]
    try:
        write_private(target, data)  # their answers and plan are nobody else's business
    except OSError as exc:
        key = errno.errorcode.get(exc.errno or 0, "")
        return messages.SAVE_WHY.get(key) or (exc.strerror or str(exc)).lower()
    return None


def _a(what: str) -> str:
    """``what`` with its indefinite article: "an answers file", "a scenario file"."""
    return f"{'an' if what[:1].lower() in 'aeiou' else 'a'} {what}"


def read_json(path: str, what: str = "JSON file") -> Any:
    """Read and parse one JSON document from a file, or ``-`` for stdin."""
    text = read_text(path, what)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise InputError(f"{path} is nested too deeply to read") from None


PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700


def write_private(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that only this user can read it (mode 0600).

    For a person's own data (their answers, their plan, charts of their
    chat). A new file is created 0600; an existing one is set to 0600
    before anything is written into it. Raises :class:`OSError`.
    """
    fd = os.open(Path(path).expanduser(), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    with os.fdopen(fd, "wb") as f:
        if hasattr(os, "fchmod"):  # not on Windows, where modes mean little
            os.fchmod(f.fileno(), PRIVATE_FILE_MODE)
        f.write(data)


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

