"""The Typer application that every command module registers itself on."""

import inspect

import typer

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


def command(name: str | None = None):
    """Register a command on the app, its help the docstring with each paragraph on one line.

    Typer's rich help keeps a docstring's line breaks, so in a narrow terminal
    a paragraph broke at the source's line ends as well as the terminal's.
    """

    def register(function):
        paragraphs = inspect.cleandoc(function.__doc__ or "").split("\n\n")
        return app.command(name, help="\n\n".join(" ".join(p.split()) for p in paragraphs))(function)

    return register
