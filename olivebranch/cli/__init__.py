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
        ctx = getattr(exc, "ctx", None)
        hint = ""
        if exc.exit_code == 2:
            path = ctx.command_path if ctx is not None else "olivebranch"
            hint = f" (try '{path} --help')"
        _fail(exc.format_message() + hint, exc.exit_code)
    except OliveError as exc:
        _fail(str(exc), exc.exit_code)
    except (KeyboardInterrupt, typer.Abort, EOFError):
        _fail(messages.STOPPED, 130)
    sys.exit(status if isinstance(status, int) else 0)


def _fail(message: str, status: int) -> None:
    """Print ``message`` as one line on stderr and exit with ``status``."""
    print(f"olivebranch: {' '.join(str(message).split())}", file=sys.stderr)
    sys.exit(status)
