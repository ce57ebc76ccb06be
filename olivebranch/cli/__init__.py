"""The olivebranch command line: a thin layer over the core.

Each command lives in its own module and registers itself on
:data:`olivebranch.cli.app.app`; each builds the core objects, makes one call
and prints the result. :func:`main` is the one exit point: it turns usage
errors and :class:`~olivebranch.errors.OliveError` into a one-line message on
stderr and exit status 2, never a traceback.
"""

import sys

import typer

from olivebranch import messages
from olivebranch.cli.app import app
from olivebranch.cli.output import visible
from olivebranch.errors import OliveError

# Importing a command module registers its commands on ``app``.
from olivebranch.cli import (  # noqa: E402,F401  (registration imports)
    plan,
    timing,
    why,
    check,
    signals,
)

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> None:
    """Run the CLI and exit with its status; the single place errors are shown."""
    args = sys.argv[1:] if argv is None else list(argv)
    if not args:
        args = ["--help"]
    try:
        status = app(args=args, prog_name="olivebranch", standalone_mode=False)
    except typer.TyperException as exc:  # usage errors (exit 2) and other CLI errors
        if getattr(exc, "exit_code", 1) == 2:
            _fail(f"{_usage_message(exc)} (try '{_command_path(exc, args)} --help')", 2)
        _fail(exc.format_message(), getattr(exc, "exit_code", 1))
    except OliveError as exc:
        _fail(str(exc), exc.exit_code)
    except (KeyboardInterrupt, typer.Abort, EOFError):
        _fail(messages.STOPPED, 130)
    sys.exit(status if isinstance(status, int) else 0)


def _usage_message(exc) -> str:
    """A usage error in the words of every other message: "--ics: the path is empty", "missing option '--me'".

    Click words a bad value "Invalid value for '--ics': ..." (or "Invalid
    value: ..." with no option), and its own messages start with a capital
    and end with a full stop; here they read like olivebranch's.
    """
    if type(exc) is typer.BadParameter:  # not MissingParameter, a subclass that words itself
        param = exc.param
        name = exc.param_hint or (" / ".join(param.opts) if param is not None and param.opts else None)
        message = f"{name}: {exc.message}" if name else exc.message
    else:
        message = exc.format_message()
        if message[:2].istitle():  # "Missing option", "No such command"; not "JSON"
            message = message[0].lower() + message[1:]
    return message.removesuffix(".")


def _command_path(exc, args: list[str]) -> str:
    """The command a usage error is about, for its help hint ("olivebranch check").

    Errors found while the options are read (an option's value missing)
    carry no context, so the command is read from the arguments.
    """
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        return ctx.command_path
    names = {info.name or info.callback.__name__.replace("_", "-") for info in app.registered_commands}
    return f"olivebranch {args[0]}" if args and args[0] in names else "olivebranch"


def _fail(message: str, status: int) -> None:
    """Print ``message`` as one line on stderr and exit with ``status``.

    A message may quote what the person typed, so its control characters are
    shown, not sent to the terminal (:func:`~olivebranch.cli.output.visible`).
    """
    print(f"olivebranch: {visible(' '.join(str(message).split()))}", file=sys.stderr)
    sys.exit(status)
