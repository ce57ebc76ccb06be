"""The plan as an iCalendar file, so its steps land in any calendar app.

One event per dated step: a timed event for a step with a set time (reach
out, decide again), an all-day event otherwise, each with what to do, the
sources behind it and a reminder. UIDs come from the plan's situation key and
the stage, so importing a rebuilt plan updates the events instead of adding
copies. ``DTSTAMP`` is the time passed in: no hidden clock, no I/O.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from olivebranch import messages
from olivebranch.errors import InputError
from olivebranch.plan import Plan, Step

PRODID = "-//olivebranch//plan//EN"
UID_DOMAIN = "olivebranch.local"
TIMED_EVENT_LENGTH = timedelta(minutes=30)
TIMED_REMINDER = timedelta(minutes=-15)
ALL_DAY_REMINDER = timedelta(hours=9)  # 09:00 on the day itself


def uid(plan: Plan, step: Step) -> str:
    """The stable UID of ``step``'s event: the same situation and stage give the same UID."""
    return f"{plan.key}-{step.stage.id}@{UID_DOMAIN}"


def describe(step: Step, plan: Plan) -> str:
    """The event description: the stage, its notes, what to do and not, and the sources."""
    lines = [step.stage.summary, ""]
    if step.stage.id == "decide":
        for s in plan.support:
            lines += [s.intro] + [f"- {r.name}: {r.contact}" for r in s.resources] + [""]
    lines += list(step.notes)
    if step.do:
        lines += ["", "Do:"] + [f"- {a.text}" for a in step.do]
    if step.dont:
        lines += ["", "Don't:"] + [f"- {a.text}" for a in step.dont]
    lines += ["", f"Sources: {', '.join(step.sources)}"]
    return "\n".join(lines).strip()


def calendar(plan: Plan, stamp: datetime):
    """The plan as an :class:`icalendar.Calendar`; ``stamp`` (timezone-aware) becomes every DTSTAMP."""
    from icalendar import Alarm, Calendar, Event  # a heavy-ish import, only when a calendar is wanted

    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise InputError("needs a time zone offset", field="stamp")
    stamp_utc = stamp.astimezone(timezone.utc)

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "olivebranch plan")

    for step in plan.steps:
        if step.status != "active" or step.starts is None:
            continue
        event = Event()
        event.add("uid", uid(plan, step))
        event.add("dtstamp", stamp_utc)
        title = step.stage.title
        if step.conditional:
            title = f"{title} ({messages.PLAN_UNDATED})"
        event.add("summary", f"olivebranch: {title}")
        event.add("description", describe(step, plan))
        event.add("categories", ["olivebranch"])
        event.add("transp", "TRANSPARENT")
        if step.at is not None:
            start = step.at.astimezone(timezone.utc)
            event.add("dtstart", start)
            event.add("dtend", start + TIMED_EVENT_LENGTH)
            trigger = TIMED_REMINDER
        else:
            event.add("dtstart", step.starts)
            event.add("dtend", (step.ends or step.starts) + timedelta(days=1))
            trigger = ALL_DAY_REMINDER
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"olivebranch: {step.stage.title}")
        alarm.add("trigger", trigger)
        event.add_component(alarm)
        cal.add_component(event)
    return cal


def to_ics(plan: Plan, stamp: datetime) -> bytes:
    """The plan as the bytes of an ``.ics`` file (see :func:`calendar`)."""
    return calendar(plan, stamp).to_ical()
