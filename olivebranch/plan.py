"""The dated plan: the eight stages of SPEC 2, fitted to one situation.

:func:`build_plan` takes an :class:`~olivebranch.assessment.Assessment`, a
start date and a time zone, and gives every stage a date (and an end where
one means something), what to do and not to do from the playbook, and the
sources behind it. The dates follow the timing rules of SPEC 3, so the
timing guard never disagrees with the plan:

- after a fight, 48 hours of cool-off; after a breakup, 7 days. The answers
  give only the day, so that day counts in full (the event may have been late
  in the evening): the earliest day to write is the day + 3 or + 8;
- a space request with an end date: wait until the day after it;
- never before two days from the start (a couple of days to decide and
  reflect), three when unsure or when a red flag calls for caution;
- the one message goes out at 10:00 local time, outside the quiet hours;
- no second message until that message is 48 hours old (elapsed time, as
  the timing guard counts it);
- decide again when the guard's move-on review falls due, 30 days after the
  message in elapsed time (:func:`olivebranch.timing.move_on_due`): across a
  clock change that shows as 11:00 or 09:00, the moment ``timing`` agrees.

Blocked or asked for no contact: no outreach, the plan is deciding,
reflecting, self-care and moving on, in wording of its own: the advice and
stage summaries that speak of getting in touch are left out (SPEC 7). Abuse
or threats: the plan ends at Decide, with support. A skipped step shows only
why it was left out.
Pure and deterministic: no I/O, no clock.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from olivebranch import messages, playbook
from olivebranch.assessment import Assessment, Support, check_day
from olivebranch.dates import day_label
from olivebranch.errors import InputError
from olivebranch.playbook import Advice, Stage
from olivebranch.timing import REPLY_WINDOW, move_on_due

StepStatus = Literal["active", "skipped"]
Path = Literal["full", "no_contact", "stop"]
Approach = Literal["greeting", "apology", "open_door"]

REACH_OUT_TIME = time(10, 0)
COOL_OFF_DAYS = {"fight": 2, "breakup": 7}
MIN_DAYS_BEFORE_OUTREACH = 2
FOLLOW_UP_GAP = REPLY_WINDOW  # the guard's own 48 hours
DECIDE_AGAIN_DAYS = 30  # after the start, when there is no message to age (no contact)
NO_CONTACT_REFLECT_DAYS = 7


@dataclass(frozen=True)
class Step:
    """One stage of a plan: when, what to do and not to do, and the sources behind it.

    ``starts``/``ends`` are local dates (``ends`` is inclusive, ``None`` when
    the step simply carries on); ``at`` is a set time for the steps that have
    one (reaching out, deciding again). A skipped step has no dates and says
    why in ``why_skipped``.
    """

    stage: Stage
    status: StepStatus
    starts: date | None = None
    ends: date | None = None
    at: datetime | None = None
    notes: tuple[str, ...] = ()
    do: tuple[Advice, ...] = ()
    dont: tuple[Advice, ...] = ()
    why_skipped: str = ""
    conditional: bool = False

    @property
    def sources(self) -> tuple[str, ...]:
        """The ids of the sources behind this step: the stage's and its advice's, sorted."""
        ids = set(self.stage.sources)
        for a in self.do + self.dont:
            ids.update(a.sources)
        return tuple(sorted(ids))

    def to_dict(self) -> dict:
        """The step as a JSON-ready dict."""
        return {
            "stage": self.stage.id,
            "number": self.stage.number,
            "title": self.stage.title,
            "summary": self.stage.summary if self.status == "active" else None,
            "status": self.status,
            "starts": self.starts.isoformat() if self.starts else None,
            "ends": self.ends.isoformat() if self.ends else None,
            "at": self.at.isoformat() if self.at else None,
            "conditional": self.conditional,
            "notes": list(self.notes),
            "do": [a.to_dict() for a in self.do],
            "dont": [a.to_dict() for a in self.dont],
            "sources": list(self.sources),
            "why_skipped": self.why_skipped or None,
        }


@dataclass(frozen=True)
class Plan:
    """A dated plan for one situation, from :func:`build_plan`.

    ``key`` identifies the situation (who, what happened and when), not the
    dates, so a calendar rebuilt from new answers about the same situation
    updates the old events instead of adding new ones.
    """

    key: str
    start: date
    timezone: str
    path: Path
    approach: Approach | None
    steps: tuple[Step, ...]
    support: tuple[Support, ...]
    assessment: Assessment

    def step(self, stage_id: str) -> Step:
        """The step for stage ``stage_id``."""
        return next(s for s in self.steps if s.stage.id == stage_id)

    @property
    def reach_out_at(self) -> datetime | None:
        """When to send the one message, or ``None`` when there is no outreach."""
        step = self.step("reach_out")
        return step.at if step.status == "active" else None

    @property
    def earliest_follow_up(self) -> datetime | None:
        """The earliest time a second message could go, or ``None`` (none at all)."""
        if self.reach_out_at is None or self.approach == "open_door":
            return None
        return _after(self.reach_out_at, FOLLOW_UP_GAP)

    def to_dict(self) -> dict:
        """The plan as a JSON-ready dict (support first, as it is shown)."""
        follow_up = self.earliest_follow_up
        return {
            "support": [s.to_dict() for s in self.support],
            "key": self.key,
            "start": self.start.isoformat(),
            "timezone": self.timezone,
            "path": self.path,
            "safety": self.assessment.safety.to_dict(),
            "approach": self.approach,
            "approach_text": messages.APPROACHES[self.approach] if self.approach else None,
            "reach_out_at": self.reach_out_at.isoformat() if self.reach_out_at else None,
            "earliest_follow_up": follow_up.isoformat() if follow_up else None,
            "steps": [s.to_dict() for s in self.steps],
            "assessment": self.assessment.to_dict(),
        }


def zone(tz: str | tzinfo) -> tuple[tzinfo, str]:
    """A time zone and its name from an IANA name (``Europe/London``) or a tzinfo."""
    if isinstance(tz, str):
        try:
            return ZoneInfo(tz), tz
        except (ZoneInfoNotFoundError, ValueError):
            raise InputError(f"'{tz}' is not a time zone name like Europe/London or UTC", field="timezone") from None
    return tz, getattr(tz, "key", None) or str(tz)


def situation_key(assessment: Assessment) -> str:
    """A short, stable id for the situation (who, what happened and when)."""
    a = assessment.answers
    raw = json.dumps([a.relationship, a.what_happened, a.happened_on.isoformat()])
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def _after(moment: datetime, gap: timedelta) -> datetime:
    """``moment + gap`` in elapsed time (across a clock change), in ``moment``'s zone."""
    return (moment.astimezone(timezone.utc) + gap).astimezone(moment.tzinfo)


def _at(day: date, clock: time, tz: tzinfo) -> datetime:
    """``clock`` on ``day``, local wall time in ``tz``.

    Calendar arithmetic happens on the date, so "three days on at 10:00" is
    10:00 whatever the clocks did. A time that a clock change skips (none of
    ours, but zones differ) is moved on to the next real one via UTC.
    """
    return datetime.combine(day, clock, tz).astimezone(timezone.utc).astimezone(tz)


def _advice(stage_id: str, path: playbook.PlanPath) -> dict:
    return {"do": playbook.for_stage(stage_id, "do", path), "dont": playbook.for_stage(stage_id, "dont", path)}


def approach_for(assessment: Assessment) -> Approach:
    """Which kind of first message fits (SPEC 2, Reach out once)."""
    a = assessment.answers
    if a.what_happened == "i_messed_up":
        return "apology"
    if a.space_requested or a.what_happened in ("fight", "breakup"):
        return "open_door"
    return "greeting"


def _reach_out_day(assessment: Assessment, start: date, decide_days: int) -> tuple[date, list[str]]:
    """The earliest day the one message may go, with the notes that explain it."""
    a = assessment.answers
    days = [start + timedelta(days=max(MIN_DAYS_BEFORE_OUTREACH, decide_days))]
    notes = [messages.NOTE_MIN_WAIT]
    if a.what_happened in COOL_OFF_DAYS:
        # The day of the event counts in full: we don't know its hour.
        days.append(a.happened_on + timedelta(days=COOL_OFF_DAYS[a.what_happened] + 1))
        notes.append(messages.NOTE_FIGHT if a.what_happened == "fight" else messages.NOTE_BREAKUP)
    if a.space_until is not None:
        if a.space_until >= start:  # a break that is already over asks nothing more of the plan
            days.append(a.space_until + timedelta(days=1))
            notes.append(messages.NOTE_SPACE_UNTIL.format(until=day_label(a.space_until, start.year)))
    elif a.space_requested:
        notes.append(messages.NOTE_SPACE_OPEN)
    return max(days), notes


def build_plan(assessment: Assessment, start: date, tz: str | tzinfo) -> Plan:
    """The dated plan for ``assessment``, starting on ``start``, in time zone ``tz``."""
    check_day(start, "start")
    if start < assessment.today:
        raise InputError(
            f"{start.isoformat()} is before the day of the assessment ({assessment.today.isoformat()})", field="start"
        )
    zinfo, zname = zone(tz)
    safety = assessment.safety
    a = assessment.answers

    path: Path = "stop" if safety.level == "stop" else "no_contact" if safety.no_contact else "full"
    wording: playbook.PlanPath = "no_contact" if path == "no_contact" else "full"
    stages = {s.id: s for s in playbook.stages(wording)}
    unsure = a.want == "not_sure" or safety.level == "caution" or (
        safety.level == "no_contact" and any(f in ("coercion", "disrespect", "cheating") for f in safety.flags)
    )
    decide_days = 3 if unsure else 1

    def active(stage_id: str, starts: date, ends: date | None = None, at: datetime | None = None,
               notes: tuple[str, ...] = (), conditional: bool = False) -> Step:
        return Step(stages[stage_id], "active", starts, ends, at, notes, conditional=conditional,
                    **_advice(stage_id, wording))

    def skipped(stage_id: str, why: str) -> Step:
        return Step(stages[stage_id], "skipped", why_skipped=why)

    decide_notes = [safety.message, messages.NOTE_DECIDE]
    if a.want == "not_sure":
        decide_notes.append(messages.NOTE_NOT_SURE)
    decide_end = start + timedelta(days=decide_days - 1)

    if path == "stop":
        # Only the safety advice: the rest of Decide weighs getting back in touch.
        decide = Step(stages["decide"], "active", start, start, notes=(safety.message, messages.NOTE_STOP),
                      do=tuple(x for x in playbook.for_stage("decide", "do") if "safety" in x.tags))
        # Looking after yourself is not left out, only left undated.
        rest = [skipped(s.id, messages.SKIP_STOP_SELF_CARE if s.id == "self_care" else messages.SKIP_STOP)
                for s in playbook.stages() if s.id != "decide"]
        steps = (decide, *rest)
        approach = None
    elif path == "no_contact":
        review_day = start + timedelta(days=DECIDE_AGAIN_DAYS)
        steps = (
            active("decide", start, decide_end, notes=tuple(decide_notes)),
            skipped("give_space", messages.SKIP_NO_CONTACT_SPACE),
            active("reflect", start, start + timedelta(days=NO_CONTACT_REFLECT_DAYS - 1),
                   notes=(messages.NOTE_REFLECT_NO_CONTACT,)),
            active("self_care", start, notes=(messages.NOTE_SELF_CARE,)),
            skipped("reach_out", messages.SKIP_NO_CONTACT),
            skipped("wait", messages.SKIP_NO_CONTACT),
            skipped("pace", messages.SKIP_NO_CONTACT),
            active("decide_again", review_day, review_day,
                   at=_at(review_day, REACH_OUT_TIME, zinfo),
                   notes=(messages.NOTE_DECIDE_AGAIN_NO_CONTACT,)),
        )
        approach = None
    else:
        approach = approach_for(assessment)
        day, timing_notes = _reach_out_day(assessment, start, decide_days)
        send_at = _at(day, REACH_OUT_TIME, zinfo)
        follow_up = _after(send_at, FOLLOW_UP_GAP)
        review_at = move_on_due(send_at).astimezone(zinfo)
        before = day - timedelta(days=1)

        reach_notes = [messages.APPROACHES[approach], messages.NOTE_REACH_OUT_AT.format(time=f"{REACH_OUT_TIME:%H:%M}")]
        if a.want in messages.WANT_NOTES:
            reach_notes.append(messages.WANT_NOTES[a.want])
        if "angry" in a.feelings:
            reach_notes.append(messages.NOTE_ANGRY)
        if approach == "open_door":
            wait_notes = [messages.NOTE_WAIT_OPEN_DOOR]
        else:
            wait_notes = [messages.NOTE_WAIT.format(earliest=f"{day_label(follow_up.date(), start.year)}, {follow_up:%H:%M}"),
                          messages.NOTE_WAIT_FOLLOW_UP]
        if "anxious" in a.feelings:
            wait_notes.append(messages.NOTE_ANXIOUS)
        reflect_notes = tuple(f"{r.title}: {r.summary}" for r in assessment.reasons[:3]) or (messages.NO_REASONS,)

        steps = (
            active("decide", start, decide_end, notes=tuple(decide_notes)),
            active("give_space", start, before, notes=tuple(timing_notes)),
            active("reflect", start, before, notes=reflect_notes),
            active("self_care", start, notes=(messages.NOTE_SELF_CARE,)),
            active("reach_out", day, day, at=send_at, notes=tuple(reach_notes)),
            active("wait", day, follow_up.date(), notes=tuple(wait_notes)),
            active("pace", day, notes=(messages.NOTE_PACE,), conditional=True),
            active("decide_again", review_at.date(), review_at.date(), at=review_at,
                   notes=(messages.NOTE_DECIDE_AGAIN,)),
        )

    return Plan(
        key=situation_key(assessment),
        start=start,
        timezone=zname,
        path=path,
        approach=approach,
        steps=tuple(steps),
        support=assessment.support,
        assessment=assessment,
    )
