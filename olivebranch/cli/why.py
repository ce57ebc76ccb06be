"""The `why` command: what the sources say about a tactic, and olivebranch's stance."""

from typing import List, Optional

import typer

from olivebranch import messages
from olivebranch.cli.app import WORDS, command
from olivebranch.cli.output import MIN_ROOM, console, print_hanging, print_json, print_self_harm_support, print_wrapped

_MARK = {"recommended": "[green]✓[/]", "with_care": "[yellow]~[/]", "avoid": "[red]✗[/]", "left_out": "[red]✗[/]"}


@command()
def why(
    ctx: typer.Context,
    tactic: Optional[List[str]] = typer.Argument(
        None, metavar="TACTIC", click_type=WORDS, help="A tactic, e.g. jealousy, double-text, 'hot and cold', ultimatum."
    ),
    list_: bool = typer.Option(False, "--list", help="List every tactic olivebranch can explain."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
) -> None:
    """Explain what the sources say for and against a TACTIC, and where olivebranch stands.

    Examples: olivebranch why jealousy, olivebranch why double text,
    olivebranch why --list.
    """
    from olivebranch import tactics

    if list_:
        if tactic:
            raise typer.BadParameter(messages.WHY_NAME_AND_LIST, ctx=ctx)
        _print_list(tactics.tactics(), as_json)
        return
    if not tactic:
        raise typer.BadParameter(messages.WHY_NEED_NAME, ctx=ctx)
    explanation = tactics.explain(tactic)
    if as_json:
        print_json(explanation.to_dict())
    else:
        _print_explanation(explanation)


def _print_list(items, as_json: bool) -> None:
    if as_json:
        print_json([
            {"name": t.name, "stance": t.stance, "verdict": messages.WHY_VERDICT[t.stance], "aliases": list(t.aliases)}
            for t in items
        ])
        return
    from rich.text import Text

    out = console()
    print_wrapped(out, messages.WHY_LIST_TITLE, "bold")
    names = max(len(t.name) for t in items)
    # A verdict that wraps stays in its column, where the column leaves room for it.
    rest = None if out.width - (names + 6) >= MIN_ROOM else "    "
    for t in items:
        lead = Text.assemble("  ", Text.from_markup(_MARK[t.stance]), f" {t.name.ljust(names)}  ")
        print_hanging(out, messages.WHY_VERDICT[t.stance], lead, rest)
    print_wrapped(out, messages.WHY_LIST_HINT)


def _print_explanation(ex) -> None:
    from rich.text import Text

    out = console()
    t = ex.tactic

    if ex.resources:
        # A verdict mark, "leaves this out" or what the sources say would read as a rebuff.
        print_self_harm_support(out)
        return
    also = f"  ({messages.WHY_ALSO}: {', '.join(t.aliases[:3])})" if t.aliases else ""
    print_hanging(out, Text.assemble((t.name, "bold"), (also, "dim")), "", "")
    print_hanging(out, Text(ex.verdict, style="bold"), Text.from_markup(f"{_MARK[t.stance]} "))
    print_hanging(out, t.summary, "", "")
    for title, claims, none in (
        (messages.WHY_FOR, t.pro, messages.WHY_NONE_FOR),
        (messages.WHY_AGAINST, t.con, messages.WHY_NONE_AGAINST),
    ):
        out.print()
        print_wrapped(out, title, "bold")
        if not claims:
            print_hanging(out, none)
        for c in claims:
            print_hanging(out, Text.assemble((c.item, "cyan"), "  ", c.says))
    if ex.related:
        out.print()
        print_wrapped(out, messages.WHY_RELATED, "bold")
        for a in ex.related:
            label = {"do": "do", "dont": "don't", "left_out": "left out"}[a.kind]
            print_hanging(out, Text.assemble((f"{label}: ", "dim"), a.text, (f" ({', '.join(a.sources)})", "dim")), "  • ")
