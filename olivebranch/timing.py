"""The timing guard (SPEC 3): may I send a message now?

:func:`decide` is a pure function of a :class:`~olivebranch.scenario.Scenario`
(which carries ``now``): no clock, no I/O. It reads the log once, applies
rules T1 to T5, combines them (``stop`` over ``their_move`` over ``wait``
over ``go``; a ``wait`` takes the latest ``earliest``) and then T6, quiet
hours from 22:00 up to 08:00 in the scenario's time zone.

Choices the SPEC leaves open:

- "After" means strictly later: a message at the very same instant as a
  block does not lift it.
- Events later than ``now`` are left out: the answer is about the log as it
  stood at ``now``, so ``decide(scenario, now=t)`` replays any moment. The
  decision counts them (``future_events``) so an interface can say so.
- My own ``space_request``, ``block`` or ``no_contact_request`` is kept in
  the log but moves no rule: the SPEC's speech and T1/T3 are about theirs.
- Ties on the latest instant are broken by kind, never by order: a breakup
  (the longer cool-off) over a fight, a block over a no-contact request, an
  open-ended space request over one with an ``until``.
- Support comes with the decision (SPEC 7), never changing the verdict: for
  a sign of self-harm in any event's ``text`` (read by
  :func:`olivebranch.support.screen_self_harm`, future events included: the
  words are there whatever the clock), and for abuse or threats (T2). SPEC
  3's JSON shape has no place for it, so :meth:`Decision.to_dict` leaves it
  out; an interface shows it before anything else. A sign in *their* words
  changes the advice, not the verdict: a ``go`` becomes a message of care
  (are they safe?) rather than a light hello, and any other verdict's advice
  ends with the emergency number.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Literal

from olivebranch import messages
from olivebranch.dates import local_label
from olivebranch.errors import InputError
from olivebranch.scenario import MAX_YEAR, MIN_YEAR, Event, Scenario
from olivebranch.support import Support, block, for_words

Verdict = Literal["go", "wait", "their_move", "stop"]

VERDICTS: tuple[str, ...] = ("go", "wait", "their_move", "stop")
RULE_IDS: tuple[str, ...] = ("T1", "T2", "T3", "T4", "T5", "T6")
FIGHT_COOL_OFF = timedelta(hours=48)
BREAKUP_COOL_OFF = timedelta(days=7)
REPLY_WINDOW = timedelta(hours=48)
MOVE_ON_AFTER = timedelta(days=30)
QUIET_START = time(22, 0)
QUIET_END = time(8, 0)
DANGER_FLAGS = ("abuse", "threats")

UTC = timezone.utc
_RANK = {verdict: rank for rank, verdict in enumerate(VERDICTS)}
_SPOKEN = frozenset({"message", "call"})


@dataclass(frozen=True)
class RuleResult:
    """One rule that applied: its id, the verdict it gave and why, in plain words."""

    id: str
    verdict: Verdict
    why: str
    earliest: datetime | None = None

    def to_dict(self) -> dict:
        """The rule as SPEC 3's JSON shows it: its id and why (what it would decide alone is not part of it)."""
        return {"id": self.id, "why": self.why}


@dataclass(frozen=True)
class Decision:
    """The answer: a verdict, when (for ``wait``), which rules said so, and advice.

    ``earliest`` is in UTC. ``look_again`` is when it is worth asking again
    (``earliest`` for a wait, the move-on review date for ``their_move``).
    ``days_since_mine`` is the age in whole days of my last message or call;
    ``move_on`` is the gentle move-on note when ``move_on_review`` is true
    (the JSON ``advice`` carries it after the advice). ``support`` is what to
    show before anything else (a sign of self-harm in the log, abuse or
    threats); SPEC 3's JSON has no field for it.
    """

    verdict: Verdict
    earliest: datetime | None
    rules: tuple[RuleResult, ...]
    move_on_review: bool
    advice: str
    timezone: str = "UTC"
    now: datetime | None = None
    move_on: str | None = None
    look_again: datetime | None = None
    days_since_mine: int | None = None
    future_events: int = 0
    support: tuple[Support, ...] = ()

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """The ids of the rules that applied, in id order."""
        return tuple(rule.id for rule in self.rules)

    @property
    def deciding_rules(self) -> tuple[RuleResult, ...]:
        """The rules that decided the verdict, in id order: a subset of :attr:`rules`.

        Those that gave the verdict; when quiet hours (T6) alone turned a
        ``go`` into a ``wait``, also the ones that gave the ``go``. A rule
        overruled by a stricter one (a follow-up T5 allows, when T3 leaves
        the move to them) is left out, so a reason shown never argues
        against the answer. The JSON lists every rule that applied (SPEC 3).
        """
        return _deciding(self.verdict, self.rules)

    def to_dict(self) -> dict:
        """The decision as the JSON object of SPEC 3."""
        return {
            "verdict": self.verdict,
            "earliest": self.earliest.isoformat() if self.earliest is not None else None,
            "rules": [rule.to_dict() for rule in self.rules],
            "move_on_review": self.move_on_review,
            "advice": f"{self.advice} {self.move_on}" if self.move_on else self.advice,
        }


@dataclass
class _Log:
    """What the rules need from the log, gathered in one pass."""

    their_stop: Event | None = None  # latest block / no_contact_request from them
    their_spoken_at: datetime | None = None  # latest message/call from them
    their_speech_at: datetime | None = None  # latest speech from them
    space: Event | None = None  # latest space_request from them
    conflict: Event | None = None  # latest fight / breakup
    speech_at: datetime | None = None  # latest speech from either side
    future: int = 0


def decide(scenario: Scenario, now: datetime | None = None) -> Decision:
    """Decide whether a message may be sent at ``now`` (default: ``scenario.now``).

    Returns a :class:`Decision`; raises :class:`InputError` if ``now`` has no
    UTC offset.
    """
    if now is None:
        now = scenario.now
    elif now.tzinfo is None or now.utcoffset() is None:
        raise InputError("time has no UTC offset", field="now")
    elif not MIN_YEAR <= now.year <= MAX_YEAR:
        raise InputError(f"time is out of range (years {MIN_YEAR} to {MAX_YEAR})", field="now")
    now = now.astimezone(UTC)  # one tzinfo for every time: fast comparisons
    zone = scenario.zone
    log, mine = _read_log(scenario.events, now)

    candidates = (
        _t1(log),
        _t2(scenario.situation.red_flags),
        _t3(log, mine, now, zone),
        _t4(log, now),
        _t5(log, mine, now),
    )
    applied = [rule for rule in candidates if rule is not None]

    verdict: Verdict = max((r.verdict for r in applied), key=_RANK.__getitem__, default="go")
    earliest = None
    if verdict == "wait":
        earliest = max(r.earliest for r in applied if r.verdict == "wait")
    t6 = _t6(verdict, earliest, now, zone)
    if t6:
        applied.append(t6)
        verdict, earliest = "wait", t6.earliest

    my_last = max(mine)[0] if mine else None
    review = verdict == "their_move" and my_last is not None and now >= move_on_due(my_last)
    look_again = earliest
    if verdict == "their_move" and my_last is not None and not review:
        look_again = move_on_due(my_last)
    days = (now - my_last).days if my_last is not None else None
    rules = tuple(applied)
    support = _support(scenario.events, rules)
    return Decision(
        verdict=verdict,
        earliest=earliest.astimezone(UTC) if earliest is not None else None,
        rules=rules,
        move_on_review=review,
        advice=_advice(verdict, rules, support),
        timezone=scenario.timezone,
        now=now,
        move_on=messages.TIMING_MOVE_ON.format(days=days) if review else None,
        look_again=look_again,
        days_since_mine=days,
        future_events=log.future,
        support=support,
    )


def move_on_due(last_mine: datetime) -> datetime:
    """When the move-on review falls due (SPEC 3), in UTC: once my last message or call is 30 days old.

    Elapsed time, as every age the rules count (48 hours, 7 days), so across a
    clock change it is an hour off the clock time it was sent at. The plan's
    Decide again is this same moment (:func:`olivebranch.plan.build_plan`).
    """
    return last_mine.astimezone(UTC) + MOVE_ON_AFTER


def _support(events: tuple[Event, ...], rules: tuple[RuleResult, ...]) -> tuple[Support, ...]:
    """Support to show first: for a sign of self-harm in the log's words (mine first), then for T2."""
    blocks = for_words((event.sender == "them", event.text) for event in events if event.text)
    if any(rule.id == "T2" for rule in rules):
        blocks += (block("abuse"),)
    return blocks


def _read_log(events: tuple[Event, ...], now: datetime) -> tuple[_Log, list[tuple[datetime, bool]]]:
    """One pass over the log; returns the summary and my message/call times."""
    log = _Log()
    mine: list[tuple[datetime, bool]] = []
    for event in events:
        at = event.at
        if at > now:
            log.future += 1
            continue
        kind = event.kind
        if kind in _SPOKEN:
            if log.speech_at is None or at > log.speech_at:
                log.speech_at = at
            if event.sender == "me":
                mine.append((at, event.open_door))
            else:
                if log.their_spoken_at is None or at > log.their_spoken_at:
                    log.their_spoken_at = at
                if log.their_speech_at is None or at > log.their_speech_at:
                    log.their_speech_at = at
        elif kind == "space_request":
            if event.sender == "them":
                if log.speech_at is None or at > log.speech_at:
                    log.speech_at = at
                if log.their_speech_at is None or at > log.their_speech_at:
                    log.their_speech_at = at
                if log.space is None or _space_key(event) > _space_key(log.space):
                    log.space = event
        elif kind == "fight" or kind == "breakup":
            if log.conflict is None or (at, kind == "breakup") > (log.conflict.at, log.conflict.kind == "breakup"):
                log.conflict = event
        elif event.sender == "them":  # block, no_contact_request
            stop = log.their_stop
            if stop is None or (at, kind == "block") > (stop.at, stop.kind == "block"):
                log.their_stop = event
    return log, mine


def _space_key(event: Event) -> tuple:
    # Latest first; at the same instant an open-ended request, then the later until.
    return (event.at, event.until is None, event.until or event.at)


def _t1(log: _Log) -> RuleResult | None:
    stop = log.their_stop
    if stop is None or (log.their_spoken_at is not None and log.their_spoken_at > stop.at):
        return None
    key = "T1_block" if stop.kind == "block" else "T1_no_contact"
    return RuleResult("T1", "stop", messages.TIMING_WHY[key])


def _t2(red_flags: tuple[str, ...]) -> RuleResult | None:
    found = [flag for flag in DANGER_FLAGS if flag in red_flags]
    if not found:
        return None
    return RuleResult("T2", "stop", messages.TIMING_WHY["T2"].format(flags=" and ".join(found)))


def _t3(log: _Log, mine: list, now: datetime, zone: tzinfo) -> RuleResult | None:
    space = log.space
    if space is None or (log.their_spoken_at is not None and log.their_spoken_at > space.at):
        return None
    if space.until is not None:
        if space.until <= now:
            return None
        why = messages.TIMING_WHY["T3_wait"].format(until=local_label(space.until, zone, now))
        return RuleResult("T3", "wait", why, space.until)
    if any(at > space.at for at, _ in mine):
        return RuleResult("T3", "their_move", messages.TIMING_WHY["T3_their_move"])
    return RuleResult("T3", "go", messages.TIMING_WHY["T3_go"])


def _t4(log: _Log, now: datetime) -> RuleResult | None:
    conflict = log.conflict
    if conflict is None or (log.speech_at is not None and log.speech_at > conflict.at):
        return None
    breakup = conflict.kind == "breakup"
    until = conflict.at + (BREAKUP_COOL_OFF if breakup else FIGHT_COOL_OFF)
    if now >= until:
        return None
    why = messages.TIMING_WHY["T4"].format(
        event=conflict.kind, ago=ago(now - conflict.at), cool_off="a week" if breakup else "two days"
    )
    return RuleResult("T4", "wait", why, until)


def _t5(log: _Log, mine: list, now: datetime) -> RuleResult | None:
    since = log.their_speech_at
    unanswered = mine if since is None else [m for m in mine if m[0] > since]
    if not unanswered:
        return None
    if len(unanswered) > 1:
        return RuleResult("T5", "their_move", messages.TIMING_WHY["T5_many"].format(count=len(unanswered)))
    at, open_door = unanswered[0]
    age = now - at
    if age < REPLY_WINDOW:
        return RuleResult("T5", "wait", messages.TIMING_WHY["T5_wait"].format(ago=ago(age)), at + REPLY_WINDOW)
    if open_door:
        return RuleResult("T5", "their_move", messages.TIMING_WHY["T5_open_door"].format(ago=ago(age)))
    return RuleResult("T5", "go", messages.TIMING_WHY["T5_go"].format(ago=ago(age)))


def _t6(verdict: str, earliest: datetime | None, now: datetime, zone: tzinfo) -> RuleResult | None:
    if verdict == "go" and in_quiet_hours(now, zone):
        local = now.astimezone(zone)
        why = messages.TIMING_WHY["T6_go"].format(local=f"{local:%H:%M}")
        return RuleResult("T6", "wait", why, next_morning(now, zone))
    if verdict == "wait" and earliest is not None and in_quiet_hours(earliest, zone):
        return RuleResult("T6", "wait", messages.TIMING_WHY["T6_wait"], next_morning(earliest, zone))
    return None


def _deciding(verdict: str, rules: tuple[RuleResult, ...]) -> tuple[RuleResult, ...]:
    gave = {verdict}
    if verdict == "wait" and all(r.id == "T6" for r in rules if r.verdict == "wait"):
        gave.add("go")  # T6 put off a go until morning
    return tuple(r for r in rules if r.verdict in gave)


def _advice(verdict: str, rules: tuple[RuleResult, ...], support: tuple[Support, ...] = ()) -> str:
    """What to do: the verdict's advice, or care first when their words show a sign of self-harm."""
    if not any(block.about == "them" for block in support):
        return _verdict_advice(verdict, rules)
    if verdict == "go":
        return messages.TIMING_ADVICE["go_their_safety"]
    return f"{_verdict_advice(verdict, rules)} {messages.TIMING_THEIR_SAFETY}"


def _verdict_advice(verdict: str, rules: tuple[RuleResult, ...]) -> str:
    deciding = [r.id for r in _deciding(verdict, rules)]
    if verdict == "stop":
        return messages.TIMING_ADVICE["stop_T2" if "T2" in deciding else "stop_T1"]
    if verdict == "wait":
        return messages.TIMING_ADVICE["wait"]
    if verdict == "their_move":
        return messages.TIMING_ADVICE["their_move"]
    if "T3" in deciding:
        return messages.TIMING_ADVICE["go_T3"]
    if "T5" in deciding:
        return messages.TIMING_ADVICE["go_T5"]
    return messages.TIMING_ADVICE["go"]


# --- quiet hours and local times ------------------------------------------------


def in_quiet_hours(at: datetime, zone: tzinfo) -> bool:
    """True when ``at`` is from 22:00 up to (not including) 08:00 local time in ``zone``."""
    local = at.astimezone(zone).time()
    return local >= QUIET_START or local < QUIET_END


def next_morning(at: datetime, zone: tzinfo) -> datetime:
    """The first moment after ``at`` when the local clock in ``zone`` reads 08:00, in UTC.

    Where a clock change skips 08:00 (a whole skipped day, as in Samoa at the
    end of 2011), it is the first moment the clock shows a later daytime hour,
    or the next 08:00 after that if the jump lands in the night.
    """
    local = at.astimezone(zone)
    day = local.date() if local.time() < QUIET_END else local.date() + timedelta(days=1)
    return _first_at_or_after(day, QUIET_END, zone, at)


def _first_at_or_after(day: date, wall: time, zone: tzinfo, after: datetime) -> datetime:
    target = datetime.combine(day, wall)
    candidate = target.replace(tzinfo=zone)  # fold=0: the first of two, if the hour repeats
    instant = candidate.astimezone(UTC)
    if instant.astimezone(zone).replace(tzinfo=None) == target:
        return instant
    # The wall time does not exist: find the clock change by bisection, in
    # whole seconds, between the two readings of it (at most a day apart).
    lo, hi = sorted((int(candidate.replace(fold=1).astimezone(UTC).timestamp()), int(instant.timestamp())))
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if datetime.fromtimestamp(mid, UTC).astimezone(zone).replace(tzinfo=None) >= target:
            hi = mid
        else:
            lo = mid
    hi = datetime.fromtimestamp(hi, UTC)
    if in_quiet_hours(hi, zone) or hi <= after:
        return next_morning(hi, zone)
    return hi


def ago(span: timedelta) -> str:
    """A time span in plain words, as in "14 hours ago" or "3 days ago"."""
    hours = int(span.total_seconds() // 3600)
    if hours < 1:
        return "less than an hour ago"
    if hours == 1:
        return "an hour ago"
    if hours < 48:
        return f"{hours} hours ago"
    return f"{hours // 24} days ago"

