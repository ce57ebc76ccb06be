"""The `timing` command: may I send a message now? (SPEC 3)

A thin layer over :func:`olivebranch.timing.decide`: read the scenario, make
one call, print the answer (readable, ``--json``, or one JSON line per
scenario with ``--jsonl``).
"""


import typer

from olivebranch import messages
from olivebranch.cli.app import command
from olivebranch.cli.output import (
    answer_jsonl, console, path_option, print_hanging, print_json, print_support, print_wrapped, read_text,
)


@command()
def timing(
    ctx: typer.Context,
    scenario: str | None = typer.Option(
        None, "--scenario", metavar="FILE", callback=path_option("file_or_stdin"),
        help="A scenario as JSON (see README); '-' reads standard input.",
    ),
    jsonl: str | None = typer.Option(
        None, "--jsonl", metavar="FILE", callback=path_option("file_or_stdin"),
        help="One scenario per line, each with an 'id'; prints one JSON line each ('-' reads standard input).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the decision as JSON."),
) -> None:
    """May I send a message now? Checks a scenario against the timing rules.

    The verdict is go, wait (with the earliest time), their_move or stop,
    with the rules that decided it. Blank lines in a --jsonl file are skipped.
    """
    if (scenario is None) == (jsonl is None):
        raise typer.BadParameter("give exactly one of --scenario or --jsonl", ctx=ctx)
    if jsonl is not None:
        answer_jsonl(read_text(jsonl, "JSON Lines file"), _answer, "a scenario")
        return
    from olivebranch.scenario import loads_scenario
    from olivebranch.timing import decide

    name = "standard input" if scenario == "-" else scenario
    decision = decide(loads_scenario(read_text(scenario, "scenario file"), name))
    if as_json:
        print_support(console(stderr=True), decision.support)  # SPEC 3 fixes the JSON's shape
        print_json(decision.to_dict())
    else:
        _show(decision)


def _answer(data: dict) -> dict:
    """One JSON Lines scenario's decision."""
    from olivebranch.scenario import parse_scenario
    from olivebranch.timing import decide

    return decide(parse_scenario(data)).to_dict()


def _show(decision) -> None:
    """Print a decision for a person: support first if needed, then verdict, why, what next."""
    from zoneinfo import ZoneInfo

    from rich.text import Text

    from olivebranch.timing import local_label

    out = console()
    zone = ZoneInfo(decision.timezone)

    def when(at) -> str:
        return local_label(at, zone, decision.now) if at is not None else ""

    def title(text: str) -> None:
        print_wrapped(out, text, "bold")

    def para(text: str, first: str = "  ", rest: str = "  ", style: str = "") -> None:
        print_hanging(out, Text(text, style=style), first, rest)

    def bullet(text: str) -> None:
        para(text, "  • ", "    ")

    print_support(out, decision.support)
    title(messages.TIMING_HEADLINE[decision.verdict].format(when=when(decision.earliest)))
    out.print()
    if decision.deciding_rules:
        title(messages.TIMING_WHY_TITLE)
        for rule in decision.deciding_rules:
            bullet(f"{rule.why} ({rule.id})")
        out.print()
    title(messages.TIMING_ADVICE_TITLE)
    para(decision.advice)
    look = messages.TIMING_LOOK_AGAIN.get(decision.verdict)
    if look and not decision.move_on and (decision.look_again is not None or "{when}" not in look):
        para(look.format(when=when(decision.look_again)))
    if decision.move_on:
        out.print()
        title(messages.TIMING_MOVE_ON_TITLE)
        para(decision.move_on)
    if decision.future_events:
        out.print()
        note = messages.TIMING_FUTURE_EVENTS["one" if decision.future_events == 1 else "many"]
        para(note.format(count=decision.future_events), style="dim")
