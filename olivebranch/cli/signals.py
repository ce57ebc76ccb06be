"""The `signals` command: read a chat export and show how the conversation is going.

It touches no database: the export is read, the signals computed and printed.
"""

from datetime import datetime
from pathlib import Path

import typer

from olivebranch.chat.formats import ChatFormat
from olivebranch.cli.app import command
from olivebranch.cli.output import path_option
from olivebranch.errors import InputError


def _parse_now(value: str | None) -> datetime:
    if value is None:
        return datetime.now().replace(microsecond=0)  # the CLI may read the clock; the core never does
    try:
        now = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(f"{value!r} is not an ISO time like 2026-03-02T10:00", field="--now") from None
    if now.tzinfo is not None:
        raise InputError("give a local time without an offset, on the export's clock (like 2026-03-02T10:00)", field="--now")
    return now


@command("signals")
def signals_command(
    ctx: typer.Context,
    export: str = typer.Option(..., "--export", metavar="FILE", callback=path_option(), help="The chat export: WhatsApp .txt, Telegram result.json, Signal chat.md, Messenger/Instagram message_1.json or Apple Messages chat.db."),
    me: str = typer.Option(..., "--me", metavar="NAME", help="Your name as it appears in the chat."),
    now: str | None = typer.Option(None, "--now", metavar="TIME", help="The time to measure silences to, ISO without offset on the export's clock (default: now)."),
    as_json: bool = typer.Option(False, "--json", help="Print the signals as JSON."),
    plot: str | None = typer.Option(None, "--plot", metavar="DIR", callback=path_option("folder"), help="Save charts (PNG and SVG) in this folder."),
    replace: bool = typer.Option(False, "--replace", help="Replace charts already in the --plot folder."),
    dayfirst: bool = typer.Option(False, "--dayfirst", help="Dates in the export are day/month (when the file cannot tell)."),
    monthfirst: bool = typer.Option(False, "--monthfirst", help="Dates in the export are month/day (when the file cannot tell)."),
    fmt: ChatFormat = typer.Option(ChatFormat.auto, "--format", case_sensitive=False, metavar="APP",
                                   help="The app that wrote the export: auto (tell from the file), "
                                        + ", ".join(f.value for f in ChatFormat if f is not ChatFormat.auto) + "."),
    chat: str | None = typer.Option(None, "--chat", metavar="WHO", help="Apple Messages only: the conversation (phone, e-mail or name)."),
) -> None:
    """Read a chat export and show reply times, who starts, and how things changed month by month.

    If its last month names self-harm, on either side, support comes first
    (with --json, on standard error, so the JSON itself stays the same). Charts
    already in the --plot folder are kept unless you add --replace.
    """
    from olivebranch import signals, support, trends
    from olivebranch.cli.output import console, print_support
    from olivebranch.chat import read_chat

    if replace and plot is None:
        from olivebranch import messages

        raise typer.BadParameter(messages.REPLACE_ALONE.format(option="--plot DIR"), ctx=ctx)
    if dayfirst and monthfirst:
        raise typer.BadParameter("choose one of --dayfirst and --monthfirst", ctx=ctx)
    if plot is not None:
        _check_chart_folder(Path(plot), replace)
    order = True if dayfirst else (False if monthfirst else None)
    when = _parse_now(now)
    msgs = read_chat(export, fmt.value, dayfirst=order, chat=chat)
    if now is None and when < msgs[-1].time:  # read_chat sorts oldest first
        from olivebranch import messages

        last = msgs[-1].time.isoformat(timespec="minutes")
        raise InputError(messages.SIGNALS_CLOCK_BEHIND.format(last=last, clock=when.isoformat(timespec="minutes")))
    result = signals.compute(msgs, me, when)
    summary = trends.summarize(result)
    written = _write_charts(result, Path(plot)) if plot is not None else []
    print_support(console(stderr=as_json), support.for_chat(msgs, result.me))
    if as_json:
        from olivebranch.cli.output import print_json

        print_json(result.to_dict())
        return
    _show(result, summary, written, plot)


def _chart_names() -> list[str]:
    """The file names ``--plot`` writes, in the order it writes them."""
    from olivebranch import charts

    return [f"{name}.{fmt}" for fmt in charts.FORMATS for name in charts.CHARTS]


def _check_chart_folder(folder: Path, replace: bool) -> None:
    """Refuse, before the export is even read, a folder that is a file, or one with charts already in it
    (unless ``replace``): the charts someone kept from an earlier chat are not written over unasked."""
    from olivebranch import messages

    folder = folder.expanduser()
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder} is a file, not a folder", field="--plot")
    there = [name for name in _chart_names() if (folder / name).exists()]
    if there and not replace:
        raise InputError(messages.ALREADY_CHARTS.format(folder=folder, names=", ".join(there)), field="--plot")


def _write_charts(result, folder: Path) -> list[Path]:
    from olivebranch import charts
    from olivebranch.cli.output import PRIVATE_FOLDER_MODE, write_private

    folder = folder.expanduser()
    try:
        folder.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
        written = []
        for fmt in charts.FORMATS:
            for name, data in charts.render(result, fmt).items():
                path = folder / f"{name}.{fmt}"
                write_private(path, data)  # names and the shape of a private chat
                written.append(path)
    except OSError as exc:
        raise InputError(f"cannot write charts to {folder}: {exc.strerror}", field="--plot") from None
    return written


def _fmt_secs(value: float | None) -> str:
    from olivebranch.trends import humanize

    return "-" if value is None else humanize(value).removeprefix("about ")


def _fmt(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _show(result, summary: list[str], written: list[Path], plot: str | None) -> None:
    from rich.table import Table
    from rich.text import Text

    from olivebranch import messages
    from olivebranch.cli.output import console, print_block, print_hanging, print_wrapped, visible

    # Names and paths are the user's own text: Text objects and markup=False
    # show "Jo [Uni]" as it is, where markup would swallow or choke on brackets,
    # and visible() shows their control characters rather than obeying them.
    out = console()
    o = result.overall
    me, them = visible(result.me), visible(result.them or "them")
    table = Table(title=Text(f"You ({me}) and {them}"))
    table.add_column("")
    table.add_column("you", justify="right")
    table.add_column(Text(them), justify="right")
    table.add_row("messages", _fmt(o.messages["me"]), _fmt(o.messages["them"]))
    table.add_row("words per message", _fmt(o.words_per_message["me"]), _fmt(o.words_per_message["them"]))
    table.add_row("typical reply time", _fmt_secs(o.reply_time_median_s["me"]), _fmt_secs(o.reply_time_median_s["them"]))
    table.add_row("conversations started", _fmt(o.starts.get("me", 0)), _fmt(o.starts.get("them", 0)))
    table.add_row("follow-ups with no reply between", _fmt(o.double_texts), "")
    print_block(out, table)
    print_wrapped(
        out,
        f"Since their last message: {_fmt_secs(result.current_silence_s)}. "
        f"Longest quiet spell: {_fmt_secs(result.longest_silence_s)}."
    )

    _show_months(out, result.months)
    for line in summary:
        print_hanging(out, line, "- ")
    print_wrapped(out, messages.SIGNALS_CAVEAT)
    if written:
        print_wrapped(out, messages.SIGNALS_CHARTS_WRITTEN.format(folder=plot))
        for path in written:  # whole, even where longer than the line, so it can be copied
            out.print(visible(f"  {path}"), markup=False, soft_wrap=True)
    print_wrapped(out, messages.PRIVATE)


def _month_rows(m) -> list[tuple[str, str, str]]:
    """One month's figures as shown: (what, you, them)."""
    return [
        ("messages", _fmt(m.messages["me"]), _fmt(m.messages["them"])),
        ("words/message", _fmt(m.words_per_message["me"]), _fmt(m.words_per_message["them"])),
        ("reply time", _fmt_secs(m.reply_time_median_s["me"]), _fmt_secs(m.reply_time_median_s["them"])),
        ("started", _fmt(m.starts.get("me", 0)), _fmt(m.starts.get("them", 0))),
    ]


def _show_months(out, months) -> None:
    """The months as one wide table or, where that would cut figures short, a small table each."""
    from rich.measure import Measurement
    from rich.table import Table

    from olivebranch.cli.output import print_block, print_wrapped

    wide = Table(title="Month by month")
    for col in ("month", "msgs:\nyou", "them", "words:\nyou", "them", "reply:\nyou", "them", "you\nstarted"):
        wide.add_column(col, justify="right", no_wrap=True)
    for m in months:
        rows = _month_rows(m)
        share = "-" if m.initiation_share_me is None else f"{m.starts['me']} of {m.starts['me'] + m.starts['them']}"
        wide.add_row(m.month, *(cell for row in rows[:3] for cell in row[1:]), share)
    if Measurement.get(out, out.options.update(max_width=10_000), wide).minimum <= out.width:
        print_block(out, wide)
        return
    print_wrapped(out, "Month by month", "italic")
    for m in months:
        narrow = Table(box=None, pad_edge=False)
        narrow.add_column(m.month, header_style="bold")
        for col in ("you", "them"):
            narrow.add_column(col, justify="right", no_wrap=True)
        for row in _month_rows(m):
            narrow.add_row(*row)
        print_block(out, narrow)
