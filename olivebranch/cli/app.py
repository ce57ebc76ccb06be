"""The Typer application that every command module registers itself on."""

import inspect

import typer
from typer.core import TyperCommand

app = typer.Typer(
    name="olivebranch",
    help=(
        "A private, local-first coach for reopening a conversation with someone "
        "who has gone quiet. Nothing you enter leaves this machine."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _show_version(value: bool) -> None:
    if value:
        from olivebranch import __version__

        print(f"olivebranch {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """A private, local-first coach for reopening a conversation with someone who has gone quiet."""


try:  # typer 0.28 carries its own copy of Click
    from typer._click.types import StringParamType
except ImportError:  # pragma: no cover  (earlier typer uses Click itself)
    from click.types import StringParamType


class _Words(StringParamType):
    """Text, shown in --help by its argument's name alone (TACTIC), without "<str>" beside it."""

    def get_metavar(self, param, ctx=None) -> str:
        return ""


WORDS = _Words()
"""The ``click_type`` of an argument that takes words: ``typer.Argument(..., metavar="TACTIC", click_type=WORDS)``."""

# Below this width, --help pads its options table's columns on one side only.
NARROW_HELP = 60


class Command(TyperCommand):
    """A command whose --help keeps option names whole in a narrow terminal.

    Typer's options table has a column for each of an option's forms, most of
    them empty, and pads each with a space on both sides; under about 50
    columns Rich then cut names short ("--dayfi…"). In a narrow terminal one
    space after each column leaves the names room.
    """

    def format_help(self, ctx, formatter) -> None:
        from typer import rich_utils

        from olivebranch.cli.output import console

        rich_utils.STYLE_OPTIONS_TABLE_PADDING = (0, 1, 0, 0) if console().width < NARROW_HELP else (0, 1)
        super().format_help(ctx, formatter)


def command(name: str | None = None):
    """Register a command on the app, its help the docstring with each paragraph on one line.

    Typer's rich help keeps a docstring's line breaks, so in a narrow terminal
    a paragraph broke at the source's line ends as well as the terminal's.
    """

    def register(function):
        paragraphs = inspect.cleandoc(function.__doc__ or "").split("\n\n")
        help_text = "\n\n".join(" ".join(p.split()) for p in paragraphs)
        return app.command(name, cls=Command, help=help_text)(function)

    return register
