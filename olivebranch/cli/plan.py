"""The `start`, `assess` and `plan` commands: the guided questions, the reading and the dated plan.

Thin by design: the questions, the scoring and the dates live in
:mod:`olivebranch.assessment`, :mod:`olivebranch.plan` and :mod:`olivebranch.ics`;
this module asks, calls and prints.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from rich.markup import escape
from rich.text import Text

from olivebranch import messages
from olivebranch.cli.app import command
from olivebranch.cli.output import (
    console, path_option, print_hanging, print_json, print_support, print_wrapped, read_json, save_bytes, stdin_closed,
    prompts, visible,
)
from olivebranch.errors import InputError, Stopped

if TYPE_CHECKING:
    from olivebranch.assessment import Answers, Assessment, Question
    from olivebranch.plan import Plan

# The core (pydantic models, data files) is imported inside the commands, so
# `olivebranch --help` stays quick.

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DEFAULT_ANSWERS_FILE = "olivebranch-answers.json"
DEFAULT_CALENDAR_FILE = "olivebranch-plan.ics"
TIMELINE_DO = 3  # advice lines per step in the timeline; the calendar and --json have all
TIMELINE_DONT = 2
TIMELINE_REASONS = 3  # reasons shown in full; the rest by title (--json has all)


def _zone_option(value: str | None) -> str | None:
    """Check --timezone as it is parsed: an empty or unknown name is a usage error."""
    if value is None:
        return None
    if not value.strip():
        raise typer.BadParameter(messages.OPTION_EMPTY_ZONE)
    from olivebranch.plan import zone

    try:
        zone(value)
    except InputError as exc:
        raise typer.BadParameter(exc.reason) from None
    return value


TodayOpt = Annotated[Optional[str], typer.Option("--today", help="The date to count from, YYYY-MM-DD (default: today).", metavar="DATE")]
ZoneOpt = Annotated[
    Optional[str],
    typer.Option("--timezone", help="Your time zone, e.g. Europe/London (default: this computer's).", metavar="TZ",
                 callback=_zone_option),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


# --- small helpers ----------------------------------------------------------------------


def parse_date(text: str, field: str) -> date:
    """An ISO ``YYYY-MM-DD`` date, or an :class:`InputError` naming ``field``."""
    value = text.strip()
    if not _ISO_DATE.fullmatch(value):
        raise InputError(f"'{text}' is not a date like 2026-03-01", field=field)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"'{text}' is not a real date", field=field) from None


def local_zone_name() -> str:
    """This computer's IANA time zone name, or ``UTC`` when it cannot be told."""
    from olivebranch.plan import zone

    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        if name:
            try:
                zone(name)
                return name
            except InputError:
                continue
    return "UTC"


def _zone_and_today(tz_name: str | None, today: str | None, field: str = "--today") -> tuple[str, date]:
    """The time zone's name and the day to count from, both checked before any question is asked."""
    from olivebranch.assessment import check_day
    from olivebranch.plan import zone

    name = tz_name if tz_name is not None else local_zone_name()
    tz, _ = zone(name)
    day = check_day(parse_date(today, field), field) if today is not None else datetime.now(tz).date()
    return name, day


def _same_file(a: str | Path, b: str | Path) -> bool:
    """Whether ``a`` and ``b`` name one file, however spelt (``./``, ``~``, a link to it)."""
    first, second = Path(a).expanduser(), Path(b).expanduser()
    try:
        return os.path.samefile(first, second)
    except OSError:  # one of them does not exist (yet): compare where they point
        pass
    try:
        return first.resolve() == second.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return first.absolute() == second.absolute()


def _check_new_file(path: str, option: str, replace: bool, keep: str | None = None) -> None:
    """Refuse, before anything is written, to write ``path`` over the file at ``keep``
    (an answers file is never written over), or over any file unless ``replace``."""
    if keep is not None and keep != "-" and _same_file(path, keep):
        raise InputError(messages.NOT_OVER_ANSWERS.format(path=path), field=option)
    if Path(path).expanduser().is_file() and not replace:
        raise InputError(messages.ALREADY_A_FILE.format(path=path), field=option)


def _load_answers(path: str) -> Answers:
    from olivebranch.assessment import Answers

    return Answers.from_dict(read_json(path, "answers file"))


# --- the questionnaire ----------------------------------------------------------------------


def _ask_choice(con, q: Question, default: Any, many: bool) -> Any:
    Prompt, _ = prompts()
    ids = q.choice_ids()
    for i, c in enumerate(q.choices, start=1):
        print_hanging(con, c.label, f"  {i}. ")
    if many:
        suggestion = ",".join(str(ids.index(d) + 1) for d in (default or ()))
    else:
        suggestion = str(ids.index(default) + 1) if default in ids else ""
    while True:
        raw = Prompt.ask(
            messages.CHOOSE_MANY if many else messages.CHOOSE_ONE,
            console=con,
            default=suggestion,
            show_default=bool(suggestion),
        )
        parts = [p.strip() for p in raw.replace(" ", ",").split(",") if p.strip()]
        picked: list[str] = []
        for p in parts:
            if p.isdigit() and 1 <= int(p) <= len(ids):
                picked.append(ids[int(p) - 1])
            elif p in ids:
                picked.append(p)
            else:
                picked = []
                break
        clash = q.clashing(picked)
        if clash is not None:
            print_wrapped(con, messages.CHOICE_ALONE.format(label=clash.label))
            continue
        if many and (picked or not parts):
            return picked
        if not many and len(picked) == 1:
            return picked[0]
        print_wrapped(con, messages.NOT_A_CHOICE)


def _ask_date(con, q: Question, default: Any, today: date) -> str | None:
    Prompt, _ = prompts()
    suggestion = default.isoformat() if isinstance(default, date) else ""
    while True:
        raw = Prompt.ask(q.prompt, console=con, default=suggestion, show_default=bool(suggestion)).strip()
        if not raw and q.optional:
            return None
        try:
            day = parse_date(raw, q.id)
        except InputError:
            print_wrapped(con, messages.NOT_A_DATE)
            continue
        if q.not_after_today and day > today:
            print_wrapped(con, messages.DATE_IN_FUTURE)
            continue
        return day.isoformat()


def ask_answers(con, today: date) -> Answers:
    """Ask the questionnaire on ``con`` and return the validated answers."""
    from olivebranch.assessment import Answers, question_count, questions
    from olivebranch.support import for_note

    Prompt, Confirm = prompts()

    print_wrapped(con, messages.WELCOME)
    print_wrapped(con, messages.PRIVATE, "dim")
    total = question_count()
    raw: dict[str, Any] = {}
    for q in questions():
        if q.follows and not raw.get(q.follows):
            continue
        default = q.suggestion(raw, today)
        if not q.follows:
            con.print()
            print_wrapped(con, messages.QUESTION_OF.format(n=q.number, total=total), "bold")
        if q.type in ("choice", "multi-choice"):
            print_wrapped(con, q.prompt)
        if q.hint:
            print_wrapped(con, q.hint, "dim")
        while True:
            if q.type == "choice":
                raw[q.id] = _ask_choice(con, q, default, many=False)
            elif q.type == "multi-choice":
                raw[q.id] = _ask_choice(con, q, default, many=True)
            elif q.type == "date":
                value = _ask_date(con, q, default, today)
                if value is not None:
                    raw[q.id] = value
            elif q.type == "yes-no":
                raw[q.id] = Confirm.ask(q.prompt, console=con, default=bool(default))
            else:
                raw[q.id] = Prompt.ask(q.prompt, console=con, default="", show_default=False).strip()
                print_support(con, for_note(raw[q.id]))
            # Checked now, by the same rules as an answers file, so a problem is asked
            # again here rather than found at the end, when every answer would be lost.
            problem = Answers.problem_with(raw, q.id)
            if problem is None:
                break
            raw.pop(q.id, None)
            print_wrapped(con, messages.ANSWER_PROBLEM.format(problem=problem))
    return Answers.from_dict(raw)


# --- showing the reading and the plan -----------------------------------------------------


def show_assessment(con, assessment: Assessment) -> None:
    """Print the reading: support first, then safety, likely reasons and the Decide questions."""
    print_support(con, assessment.support)
    print_wrapped(con, assessment.safety.message, "bold" if assessment.safety.level != "clear" else "")
    if assessment.reasons:
        con.print()
        print_wrapped(con, messages.READING_TITLE, "bold underline")
        print_wrapped(con, messages.READING_INTRO, "dim")
        for i, r in enumerate(assessment.reasons[:TIMELINE_REASONS], start=1):
            con.print()
            heading = Text.assemble((r.title, "bold"), f"  (score {r.score}; sources {', '.join(r.sources)})")
            print_hanging(con, heading, f"{i}. ")
            print_hanging(con, r.summary, "   ")
            for s in r.signs:
                sign = f"[dim]+{s.points}[/dim] {escape(s.label)}: {escape(s.note)}"
                print_hanging(con, Text.from_markup(sign), "   ")
            for h in r.helps:
                print_hanging(con, Text.from_markup(f"[green]Helps:[/green] {escape(h)}"), "   ")
        more = assessment.reasons[TIMELINE_REASONS:]
        if more:
            con.print()
            print_hanging(con, messages.MORE_REASONS.format(titles="; ".join(r.title.lower() for r in more)), "")
    elif assessment.safety.level != "stop":
        print_wrapped(con, messages.NO_REASONS)
    con.print()
    print_wrapped(con, messages.DECIDE_TITLE, "bold underline")
    for d in assessment.decide:
        mark = Text.from_markup("[bold yellow]![/bold yellow] " if d.emphasised else "- ")
        print_hanging(con, Text.from_markup(f"{escape(d.text)} [dim]({', '.join(d.sources)})[/dim]"), mark)


def show_plan(con, plan: Plan) -> None:
    """Print the plan as a timeline, one stage after another (a year shown where it is not the start's)."""
    from olivebranch.dates import day_label

    def label(d: date) -> str:
        return day_label(d, plan.start.year)

    con.print()
    print_wrapped(con, f"{messages.PLAN_TITLE} ({plan.timezone})", "bold underline")
    for step in plan.steps:
        head = f"{step.stage.number}. {step.stage.title}"
        if step.status == "skipped":
            con.print()
            print_hanging(con, Text(f"{head}: {step.why_skipped}", style="dim"), "", "   ")
            continue
        if step.at is not None:
            when = f"{label(step.at.date())}, {step.at:%H:%M}"
        elif step.conditional:
            when = f"from {label(step.starts)}, {messages.PLAN_UNDATED}"
        elif step.ends is None:
            when = f"from {label(step.starts)}, ongoing"
        elif step.ends == step.starts:
            when = label(step.starts)
        else:
            when = f"{label(step.starts)} to {label(step.ends)}"
        con.print()
        print_hanging(con, Text.assemble((head, "bold"), "  ", (when, "cyan")), "", " " * len(f"{step.stage.number}. "))
        for note in step.notes:
            print_hanging(con, note, "   ")
        for a in step.do[:TIMELINE_DO]:
            print_hanging(con, Text.from_markup(f"[green]Do:[/green] {escape(a.text)}"), "   ")
        for a in step.dont[:TIMELINE_DONT]:
            print_hanging(con, Text.from_markup(f"[red]Don't:[/red] {escape(a.text)}"), "   ")
        print_hanging(con, Text.from_markup(f"[dim]Sources: {', '.join(step.sources)}[/dim]"), "   ")


@contextmanager
def _stoppable(con, saved: dict[str, str]) -> Iterator[None]:
    """Turn Ctrl-C or the end of input into :class:`Stopped`, saying what ``saved`` holds.

    ``saved`` maps what was saved ("answers", "calendar") to where; the
    command fills it in as it goes, so the message is true at any point.
    """
    try:
        yield
    except (KeyboardInterrupt, EOFError):
        con.print()  # end the line the question was on
        raise Stopped(_stopped_message(saved)) from None


def _stopped_message(saved: dict[str, str]) -> str:
    """What to say on stopping: what was saved (and where) and what was not."""
    if not saved:
        return messages.STOPPED
    parts = [messages.STOPPED_SAVED[what].format(path=path) for what, path in saved.items()]
    parts += [text for what, text in messages.STOPPED_NOT_SAVED.items() if what not in saved]
    text = "; ".join(parts)
    return messages.STOPPED_PARTLY.format(parts=text[0].upper() + text[1:])


def _offer_to_save(con, answers: Answers, plan: Plan, saved: dict[str, str]) -> None:
    """Offer to save the answers and the calendar; record in ``saved`` what went where."""
    from olivebranch.ics import to_ics

    _, Confirm = prompts()

    con.print()
    offers = (
        ("answers", messages.SAVE_ANSWERS, DEFAULT_ANSWERS_FILE,
         lambda: (json.dumps(answers.to_dict(), indent=2, ensure_ascii=False) + "\n").encode("utf-8")),
        ("calendar", messages.SAVE_CALENDAR, DEFAULT_CALENDAR_FILE, lambda: to_ics(plan, datetime.now(timezone.utc))),
    )
    for what, question_text, default_path, content in offers:
        if Confirm.ask(question_text, console=con, default=False):
            path = _save_somewhere(con, default_path, content(), keep=saved.get("answers"))
            if path is not None:
                saved[what] = path


def _save_somewhere(con, default_path: str, data: bytes, keep: str | None = None) -> str | None:
    """Ask where to save ``data`` until it is saved (its path) or the person skips (``None``).

    A place that cannot be written, a file they would rather not replace, or
    ``keep`` (the answers they saved a moment ago, never offered for
    replacing) asks again instead of ending the run: nothing they entered is lost.
    """
    Prompt, Confirm = prompts()
    question, default = messages.SAVE_WHERE, default_path
    while True:
        path = Prompt.ask(question, console=con, default=default, show_default=bool(default)).strip() or default
        if not path:
            return None
        question, default = messages.SAVE_WHERE_ELSE, ""
        target = Path(path).expanduser()
        if keep is not None and _same_file(target, keep):
            con.print(messages.SAVE_NOT_OVER_ANSWERS)
            continue
        if target.is_file() and not Confirm.ask(
            messages.SAVE_REPLACE.format(path=escape(visible(path))), console=con, default=False
        ):
            continue
        why = save_bytes(path, data)
        if why is None:
            con.print(visible(messages.SAVED.format(path=path)), markup=False, soft_wrap=True)
            return path
        con.print(visible(messages.SAVE_FAILED.format(path=path, why=why)), markup=False, soft_wrap=True)


# --- the commands ------------------------------------------------------------------------------


@command()
def start(today: TodayOpt = None, timezone_name: ZoneOpt = None) -> None:
    """Answer nine short questions, then see what may be going on and a dated plan.

    At the end you can save your answers (JSON) and the plan as a calendar
    file (.ics). Ctrl-C stops at any time and says what, if anything, was
    saved; nothing is saved unless you say so.
    """
    from olivebranch.assessment import assess as assess_answers
    from olivebranch.plan import build_plan

    name, day = _zone_and_today(timezone_name, today)
    if stdin_closed():
        raise InputError(messages.QUESTIONS_NEED_STDIN)
    con = console()
    saved: dict[str, str] = {}
    with _stoppable(con, saved):
        answers = ask_answers(con, day)
        assessment = assess_answers(answers, day)
        plan = build_plan(assessment, day, name)
        con.print()
        show_assessment(con, assessment)
        show_plan(con, plan)
        _offer_to_save(con, answers, plan, saved)


@command()
def assess(
    answers: Annotated[
        Optional[str], typer.Option("--answers", help="A JSON answers file (see the README); without it, the questions are asked.", metavar="FILE",
                                    callback=path_option())
    ] = None,
    as_json: JsonOpt = False,
    today: TodayOpt = None,
    timezone_name: ZoneOpt = None,
) -> None:
    """Read your situation: likely reasons for the silence, a safety check, and questions for you.

    With --answers FILE it reads a saved answers file; without it, it asks the
    questions (with --json, the questions go to stderr so stdout stays JSON).
    How long ago it happened counts from today in --timezone, as plan does.
    """
    from olivebranch.assessment import assess as assess_answers

    _, day = _zone_and_today(timezone_name, today)
    if answers is not None:
        given = _load_answers(answers)
    else:
        if stdin_closed():
            raise InputError(messages.QUESTIONS_NEED_STDIN_OR_FILE)
        con = console(stderr=as_json)
        with _stoppable(con, {}):
            given = ask_answers(con, day)
    assessment = assess_answers(given, day)
    if as_json:
        print_json(assessment.to_dict())
    else:
        show_assessment(console(), assessment)


@command("plan")
def plan_command(
    ctx: typer.Context,
    answers: Annotated[str, typer.Option("--answers", help="A JSON answers file (see the README).", metavar="FILE",
                                         callback=path_option())],
    start_date: Annotated[
        Optional[str], typer.Option("--start", help="The plan's first day, YYYY-MM-DD (default: today).", metavar="DATE")
    ] = None,
    timezone_name: ZoneOpt = None,
    as_json: JsonOpt = False,
    ics: Annotated[Optional[str], typer.Option("--ics", help="Also write the plan as a calendar file here.", metavar="FILE",
                                               callback=path_option())] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Replace the --ics file if there already is one.")] = False,
) -> None:
    """Build a dated plan from an answers file: eight stages, each with what to do and its sources.

    Dates follow the timing rules (cool-off after a fight or breakup, the end
    of a space request, 48 hours before any follow-up, a review 30 days after
    your message). --ics FILE also writes it as a calendar with reminders; a
    file already there is kept unless you add --replace, and the answers file
    is never written over.
    """
    from olivebranch.assessment import assess as assess_answers
    from olivebranch.plan import build_plan

    if replace and ics is None:
        raise typer.BadParameter(messages.REPLACE_ALONE.format(option="--ics FILE"), ctx=ctx)
    name, day = _zone_and_today(timezone_name, start_date, field="--start")
    given = _load_answers(answers)
    if ics is not None:  # before anything is written or printed
        _check_new_file(ics, "--ics", replace, keep=answers)
    plan = build_plan(assess_answers(given, day), day, name)
    if ics is not None:
        from olivebranch.ics import to_ics

        why = save_bytes(ics, to_ics(plan, datetime.now(timezone.utc)))
        if why is not None:
            raise InputError(messages.CANNOT_SAVE.format(path=ics, why=why), field="--ics")
    if as_json:
        print_json(plan.to_dict())
        return
    con = console()
    print_support(con, plan.support)
    show_plan(con, plan)
    if ics is not None:
        con.print()
        con.print(visible(messages.SAVED.format(path=ics)), markup=False, soft_wrap=True)
