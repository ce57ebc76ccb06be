"""A timing scenario: the current time, the situation and the contact log.

This module turns the JSON of SPEC 3 into checked, immutable objects, and
nothing else: no clock, no files, no printing. Every problem is an
:class:`~olivebranch.errors.InputError` that names the field at fault
(``events[2].kind``), so a person can find and fix it.

JSON text takes a fast path: msgspec decodes and type-checks it in C against
the structures below, and the few rules it cannot express (who may be left
out, the range of years, a real time zone) are checked after. Anything the
fast path does not accept is parsed again by a single pass of plain checks,
whose messages are ours, word for word, and name the field at fault. Both
paths build the same objects; a test holds them to it.

Choices the SPEC leaves open:

- ``timezone`` may be left out or null (UTC); ``situation`` and ``events``
  may be left out (no red flags, an empty log).
- ``from`` must be ``me`` or ``them``, except for ``fight`` and ``breakup``,
  where it may be left out (it does not matter who started it).
- ``until`` may be given on any event but only means something on a
  ``space_request``; ``text`` and ``open_door`` may be given on any event.
- Unknown keys are ignored, so a scenario can carry notes or an ``id``.
- A red flag must be one olivebranch knows (:data:`KNOWN_RED_FLAGS`: an
  answers file's, and SPEC 2's own words for two of them), read in any case
  and with spaces or hyphens for underscores: a typo of ``threats`` must not
  quietly turn a ``stop`` into a ``go``.
- A ``space_request``'s ``until`` may not be before its ``at``: a break
  cannot end before it was asked for. (On other kinds ``until`` means nothing
  and is not checked.)

Every time is converted to UTC as it is read: the instant is what counts,
and comparing times that share one ``tzinfo`` is many times faster than
comparing times with different offsets (it matters on long logs).
"""

from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
import json
from typing import Annotated, Any, Literal, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import msgspec

from olivebranch.errors import InputError, type_name

Kind = Literal["message", "call", "space_request", "block", "no_contact_request", "fight", "breakup"]
Sender = Literal["me", "them"]

EVENT_KINDS: tuple[str, ...] = (
    "message",
    "call",
    "space_request",
    "block",
    "no_contact_request",
    "fight",
    "breakup",
)
SENDERS: tuple[str, ...] = ("me", "them")
# The answers file's red flags (questions.toml; a test keeps them in step), and SPEC 2's
# words for two of them. Only abuse and threats change the verdict (T2).
KNOWN_RED_FLAGS: tuple[str, ...] = (
    "abuse", "threats", "coercion", "disrespect", "repeated_disrespect", "cheating", "affair", "none",
)
_RED_FLAGS = frozenset(KNOWN_RED_FLAGS)
_UNKNOWN_FLAG = f"unknown red flag {{flag!r}} (expected one of: {', '.join(KNOWN_RED_FLAGS)})"
_UNTIL_BEFORE = "is before the request itself ({at}); a break cannot end before it was asked for"
# Kinds where who sent it does not matter, so ``from`` may be left out.
SHARED_KINDS = frozenset({"fight", "breakup"})

_KINDS = frozenset(EVENT_KINDS)
_fromisoformat = datetime.fromisoformat
_UTC = timezone.utc
_EXAMPLE_TIME = "2026-03-02T10:00:00+00:00"
_KINDS_LIST = ", ".join(EVENT_KINDS)
_NO_OFFSET = f"time has no UTC offset (add one, like {_EXAMPLE_TIME})"
# Far beyond any real log, and far enough from datetime's limits (years 1 and
# 9999) that adding a cool-off or finding the next morning cannot overflow.
MIN_YEAR, MAX_YEAR = 1900, 2999
_OUT_OF_RANGE = f"time is out of range (years {MIN_YEAR} to {MAX_YEAR})"


class Event(NamedTuple):
    """One entry of the contact log (times in UTC).

    ``sender`` is ``None`` only for a ``fight`` or ``breakup`` given without
    ``from``. ``until`` is the end of a requested break, when one was named.
    """

    at: datetime
    sender: str | None
    kind: str
    until: datetime | None = None
    open_door: bool = False
    text: str | None = None


@dataclass(frozen=True)
class Situation:
    """What the person told olivebranch about the relationship."""

    relationship: str | None = None
    red_flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scenario:
    """Everything :func:`olivebranch.timing.decide` needs: a time, a place, a log.

    ``timezone`` is an IANA name that is known to exist; ``events`` keep the
    order they were given in (the rules do not depend on it).
    """

    now: datetime
    timezone: str = "UTC"
    situation: Situation = Situation()
    events: tuple[Event, ...] = ()
    id: str | int | None = None

    @property
    def zone(self) -> ZoneInfo:
        """The scenario's time zone as a :class:`zoneinfo.ZoneInfo`."""
        return ZoneInfo(self.timezone)


def loads_scenario(text: str, name: str = "the scenario") -> Scenario:
    """Parse a scenario from JSON text; ``name`` says what the text is in errors."""
    fast = _fast_scenario(text)
    return fast if fast is not None else parse_scenario(loads_json(text, name))


# The fast path's view of SPEC 3's JSON. Times must carry an offset.
_AwareTime = Annotated[datetime, msgspec.Meta(tz=True)]


class _EventDoc(msgspec.Struct):
    at: _AwareTime
    kind: Kind
    sender: Sender | None = msgspec.field(default=None, name="from")
    until: _AwareTime | None = None
    open_door: bool | None = None
    text: str | None = None


class _SituationDoc(msgspec.Struct):
    relationship: str | None = None
    red_flags: list[str] | None = None


class _ScenarioDoc(msgspec.Struct):
    now: _AwareTime
    timezone: str | None = None
    situation: _SituationDoc | None = None
    events: list[_EventDoc] = []
    id: Any = None


@cache
def _decoder() -> msgspec.json.Decoder:
    return msgspec.json.Decoder(_ScenarioDoc)


def _fast_scenario(text: str | bytes) -> Scenario | None:
    """The scenario, if msgspec accepts ``text`` and the remaining rules hold; else None."""
    try:
        doc = _decoder().decode(text)
    except (msgspec.DecodeError, RecursionError):  # DecodeError: also every ValidationError
        return None  # the plain path says what is wrong
    times = [doc.now, *(e.at for e in doc.events), *(e.until for e in doc.events if e.until is not None)]
    if min(t.year for t in times) < MIN_YEAR or max(t.year for t in times) > MAX_YEAR:
        return None
    if any(e.sender is None and e.kind not in SHARED_KINDS for e in doc.events):
        return None
    if any(e.until is not None and e.until < e.at and e.kind == "space_request" for e in doc.events):
        return None
    zone = parse_timezone(doc.timezone)
    situation = Situation()
    if doc.situation is not None:
        flags = tuple(red_flag(f) for f in doc.situation.red_flags or ())
        if not _RED_FLAGS.issuperset(flags):
            return None
        situation = Situation(doc.situation.relationship, flags)
    events = tuple([
        _new_event(Event, (_utc(e.at), e.sender, e.kind, None if e.until is None else _utc(e.until),
                           bool(e.open_door), e.text))
        for e in doc.events
    ])
    return Scenario(now=_utc(doc.now), timezone=zone, situation=situation, events=events, id=doc.id)


def _utc(at: datetime) -> datetime:
    return at if at.tzinfo is _UTC else at.astimezone(_UTC)


def red_flag(text: str) -> str:
    """A red flag as written (``" Repeated-Disrespect"``) in the form it is known by (``repeated_disrespect``)."""
    return "_".join(text.lower().replace("-", " ").split())


def loads_json(text: str, name: str = "the scenario") -> Any:
    """Parse JSON text, as a one-line :class:`InputError` when it is not JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"column {exc.colno}" if "\n" not in text else f"line {exc.lineno}, column {exc.colno}"
        raise InputError(f"{name} is not valid JSON ({where}: {exc.msg})") from None
    except RecursionError:
        raise InputError(f"{name} is nested too deeply to read") from None


def parse_scenario(data: Any) -> Scenario:
    """Check a decoded JSON value and build a :class:`Scenario` from it.

    Raises :class:`InputError` naming the first field at fault.
    """
    if not isinstance(data, dict):
        raise InputError(f"a scenario must be a JSON object, not {type_name(data)}")
    if "now" not in data:
        raise InputError("missing", field="now")
    now = parse_time(data["now"], "now")
    timezone = parse_timezone(data.get("timezone"))
    situation = _parse_situation(data.get("situation"))
    events = _parse_events(data.get("events", []))
    return Scenario(now=now, timezone=timezone, situation=situation, events=events, id=data.get("id"))


def parse_time(value: Any, field: str) -> datetime:
    """An ISO 8601 time with a UTC offset, e.g. ``2026-03-02T10:00:00+00:00``, in UTC."""
    if not isinstance(value, str):
        raise InputError(f"expected a time as text, like {_EXAMPLE_TIME}, not {type_name(value)}", field=field)
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(f"{value!r} is not an ISO 8601 time (write it like {_EXAMPLE_TIME})", field=field) from None
    if at.tzinfo is None or at.utcoffset() is None:
        raise InputError(_NO_OFFSET, field=field)
    if not MIN_YEAR <= at.year <= MAX_YEAR:
        raise InputError(_OUT_OF_RANGE, field=field)
    return at.astimezone(_UTC)


def parse_timezone(value: Any) -> str:
    """An IANA time zone name such as ``Europe/London``; ``None`` means UTC."""
    if value is None:
        return "UTC"
    if not isinstance(value, str):
        raise InputError(f"expected a time zone name like Europe/London, not {type_name(value)}", field="timezone")
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        # ValueError: names that are not even paths, such as "../x" or "".
        raise InputError(
            f"unknown time zone {value!r} (use an IANA name such as Europe/London or America/New_York)",
            field="timezone",
        ) from None
    return value


def _parse_situation(value: Any) -> Situation:
    if value is None:
        return Situation()
    if not isinstance(value, dict):
        raise InputError(f"expected an object, not {type_name(value)}", field="situation")
    relationship = value.get("relationship")
    if relationship is not None and not isinstance(relationship, str):
        raise InputError(f"expected text, not {type_name(relationship)}", field="situation.relationship")
    flags = value.get("red_flags")
    if flags is None:
        flags = []
    if not isinstance(flags, list):
        raise InputError(f"expected a list of text, not {type_name(flags)}", field="situation.red_flags")
    for i, flag in enumerate(flags):
        if not isinstance(flag, str):
            raise InputError(f"expected text, not {type_name(flag)}", field=f"situation.red_flags[{i}]")
        if red_flag(flag) not in _RED_FLAGS:
            raise InputError(_UNKNOWN_FLAG.format(flag=flag), field=f"situation.red_flags[{i}]")
    return Situation(relationship=relationship, red_flags=tuple(red_flag(f) for f in flags))


def _parse_events(value: Any) -> tuple[Event, ...]:
    if not isinstance(value, list):
        raise InputError(f"expected a list of events, not {type_name(value)}", field="events")
    parse = _parse_event
    return tuple([parse(item, i) for i, item in enumerate(value)])


def _parse_event(item: Any, i: int) -> Event:
    """Check one event and build it, or raise the error that names its field."""
    # The hot path for long logs: plain lookups, one fromisoformat per time.
    if not isinstance(item, dict):
        raise InputError(f"expected an event object, not {type_name(item)}", field=f"events[{i}]")
    kind = item.get("kind")
    if not isinstance(kind, str) or kind not in _KINDS:  # a list is not even hashable
        if kind is None:
            raise InputError(f"missing (expected one of: {_KINDS_LIST})", field=f"events[{i}].kind")
        raise InputError(
            f"unknown event kind {kind!r} (expected one of: {_KINDS_LIST})"
            if isinstance(kind, str)
            else f"expected one of: {_KINDS_LIST}, not {type_name(kind)}",
            field=f"events[{i}].kind",
        )
    sender = item.get("from")
    if sender != "me" and sender != "them":
        if not (sender is None and kind in SHARED_KINDS):
            what = "missing" if sender is None else f"unknown sender {sender!r}"
            raise InputError(f"{what} (expected 'me' or 'them')", field=f"events[{i}].from")
    at = item.get("at")
    try:
        at = _fromisoformat(at)  # the common case, checked in full below
    except (TypeError, ValueError):
        if at is None:
            raise InputError("missing", field=f"events[{i}].at") from None
        parse_time(at, f"events[{i}].at")  # raises the right message
    if not MIN_YEAR <= at.year <= MAX_YEAR:
        raise InputError(_OUT_OF_RANGE, field=f"events[{i}].at")
    if at.tzinfo is not _UTC:
        if at.tzinfo is None:
            raise InputError(_NO_OFFSET, field=f"events[{i}].at")
        at = at.astimezone(_UTC)
    until = item.get("until")
    if until is not None:
        until = parse_time(until, f"events[{i}].until")
        if until < at and kind == "space_request":
            raise InputError(_UNTIL_BEFORE.format(at=item["at"]), field=f"events[{i}].until")
    open_door = item.get("open_door", False)
    if open_door is None:
        open_door = False
    elif open_door is not True and open_door is not False:
        raise InputError(f"expected true or false, not {type_name(open_door)}", field=f"events[{i}].open_door")
    text = item.get("text")
    if text is not None and not isinstance(text, str):
        raise InputError(f"expected text, not {type_name(text)}", field=f"events[{i}].text")
    return _new_event(Event, (at, sender, kind, until, open_door, text))


# tuple.__new__ skips NamedTuple's Python-level __new__: a third of the cost
# of parsing an event, and every field is already checked.
_new_event = tuple.__new__


