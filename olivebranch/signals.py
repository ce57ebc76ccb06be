"""Engagement signals of a one-to-one chat, overall and per month (SPEC 6).

:func:`compute` is a pure function of the messages, who "me" is, and ``now``
(on the export's clock). Durations are computed on the export's naive local
times as they are.

Rounding, so the JSON stays readable: words per message to 2 decimals;
``words_ratio`` and ``initiation_share_me`` to 3 decimals (the ratio is taken
from the unrounded means); seconds to 1 decimal. A figure that has nothing to
stand on (no replies, no messages on a side) is ``None`` (JSON ``null``).
"""

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from statistics import median

from olivebranch.chat.message import Message
from olivebranch.errors import InputError

START_GAP_S = 6 * 3600  # a message this long after the one before starts a conversation
DOUBLE_TEXT_GAP_S = 3600  # my own message this long after my last, with no reply between


@dataclass(frozen=True)
class Figures:
    """The figures SPEC 6 reports for the whole chat and for each month.

    ``replies``, ``starts`` and ``words`` are the counts behind the figures
    (kept for trends and charts, not part of the JSON).
    """

    messages: dict[str, int]
    words_per_message: dict[str, float | None]
    words_ratio: float | None
    reply_time_median_s: dict[str, float | None]
    initiation_share_me: float | None
    double_texts: int
    replies: dict[str, int] = field(default_factory=dict)
    starts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The figures as SPEC 6's JSON fields."""
        return {
            "messages": dict(self.messages),
            "words_per_message": dict(self.words_per_message),
            "words_ratio": self.words_ratio,
            "reply_time_median_s": dict(self.reply_time_median_s),
            "initiation_share_me": self.initiation_share_me,
            "double_texts": self.double_texts,
        }


@dataclass(frozen=True)
class Month(Figures):
    """One calendar month's figures; ``month`` is ``"YYYY-MM"``."""

    month: str = ""

    def to_dict(self) -> dict:
        """The month as SPEC 6's JSON object, ``month`` first."""
        return {"month": self.month, **super().to_dict()}


@dataclass(frozen=True)
class Signals:
    """Everything :func:`compute` finds in a chat.

    ``start_senders`` lists who started each conversation, oldest first
    (``"me"`` or ``"them"``), for "you started 8 of the last 10".
    """

    me: str
    them: str | None
    overall: Figures
    current_silence_s: float | None
    longest_silence_s: float | None
    months: list[Month]
    start_senders: list[str] = field(default_factory=list)
    now: datetime | None = None

    def to_dict(self) -> dict:
        """The signals in SPEC 6's JSON shape."""
        return {
            "me": self.me,
            "them": self.them,
            **self.overall.to_dict(),
            "current_silence_s": self.current_silence_s,
            "longest_silence_s": self.longest_silence_s,
            "months": [m.to_dict() for m in self.months],
        }


def senders(messages: Iterable[Message]) -> list[str]:
    """The distinct senders of a chat, in order of first appearance."""
    return list(dict.fromkeys(m.sender for m in messages))


def resolve_me(messages: Sequence[Message], me: str) -> tuple[str, str | None]:
    """Match ``me`` to one of the chat's senders; return (me, them).

    An exact name wins; then one that reads the same once Unicode-normalised
    (NFC: "Mía" typed as "i" plus an accent); then a case- and
    space-insensitive one. Raises :class:`InputError` for a group chat, a
    name nobody in it has, or one that fits both people equally.
    """
    found = senders(messages)
    listed = ", ".join(found)
    if len(found) > 2:
        raise InputError(
            f"this looks like a group chat ({len(found)} people: {listed}); olivebranch reads one-to-one chats only"
        )
    name = me if me in found else _match(found, me)
    others = [s for s in found if s != name]
    return name, (others[0] if others else None)


def _nfc(name: str) -> str:
    return unicodedata.normalize("NFC", name)


def _loose(name: str) -> str:
    return _nfc(" ".join(_nfc(name).casefold().split()))


def _match(found: list[str], me: str) -> str:
    """The one sender ``me`` names, first by NFC, then loosely; :class:`InputError` otherwise."""
    for key in (_nfc, _loose):
        matches = [s for s in found if key(s) == key(me)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise InputError(f"--me {me!r} matches both {' and '.join(matches)}; give your name exactly as the chat spells it")
    raise InputError(f"--me {me!r} is not one of the people in this chat (found: {', '.join(found)})")


def compute(messages: Sequence[Message], me: str, now: datetime) -> Signals:
    """Compute SPEC 6's engagement signals.

    ``messages`` may come in any order (they are sorted by time, stably);
    ``me`` names the user (see :func:`resolve_me`); ``now`` is a naive time on
    the export's clock, not before the last message.
    """
    if not messages:
        raise InputError("there are no messages in this chat")
    if now.tzinfo is not None:
        raise InputError("now must be a local time without an offset, on the export's clock")
    msgs = sorted(messages, key=lambda m: m.time)
    me_name, them_name = resolve_me(msgs, me)
    if now < msgs[-1].time:
        last = msgs[-1].time.isoformat(timespec="seconds")
        raise InputError(f"now ({now.isoformat(timespec='seconds')}) is before the last message ({last})")

    n = len(msgs)
    sides = ["me" if m.sender == me_name else "them" for m in msgs]
    times = [m.time for m in msgs]
    gaps: list[float | None] = [None] + [(times[i] - times[i - 1]).total_seconds() for i in range(1, n)]

    is_start = [i == 0 or gaps[i] >= START_GAP_S for i in range(n)]
    reply_s: list[float | None] = [
        gaps[i] if i > 0 and sides[i] != sides[i - 1] else None for i in range(n)
    ]
    double = [False] * n
    last_mine: datetime | None = None
    for i in range(n):
        if sides[i] == "me":
            if last_mine is not None and (times[i] - last_mine).total_seconds() >= DOUBLE_TEXT_GAP_S:
                double[i] = True
            last_mine = times[i]
        else:
            last_mine = None  # a message from them in between: no double text

    overall = _figures(range(n), msgs, sides, is_start, reply_s, double)
    by_month: dict[str, list[int]] = {}
    for i, t in enumerate(times):
        by_month.setdefault(f"{t.year:04d}-{t.month:02d}", []).append(i)
    months = [
        Month(**vars(_figures(idx, msgs, sides, is_start, reply_s, double)), month=key)
        for key, idx in sorted(by_month.items())
    ]

    theirs = [t for t, s in zip(times, sides) if s == "them"]
    current = _secs((now - theirs[-1]).total_seconds()) if theirs else None
    longest = _secs(max(g for g in gaps[1:])) if n > 1 else None
    starters = [sides[i] for i in range(n) if is_start[i]]
    return Signals(me_name, them_name, overall, current, longest, months, starters, now)


def _figures(idx: Iterable[int], msgs, sides, is_start, reply_s, double) -> Figures:
    count = {"me": 0, "them": 0}
    words = {"me": 0, "them": 0}
    replies: dict[str, list[float]] = {"me": [], "them": []}
    starts = {"me": 0, "them": 0}
    doubles = 0
    for i in idx:
        side = sides[i]
        count[side] += 1
        words[side] += msgs[i].words
        if reply_s[i] is not None:
            replies[side].append(reply_s[i])
        if is_start[i]:
            starts[side] += 1
        if double[i]:
            doubles += 1
    mean = {s: (words[s] / count[s] if count[s] else None) for s in ("me", "them")}
    ratio = None
    if mean["me"] and mean["them"] is not None:
        ratio = round(mean["them"] / mean["me"], 3)
    total_starts = starts["me"] + starts["them"]
    return Figures(
        messages=count,
        words_per_message={s: (round(v, 2) if v is not None else None) for s, v in mean.items()},
        words_ratio=ratio,
        reply_time_median_s={s: (_secs(median(v)) if v else None) for s, v in replies.items()},
        initiation_share_me=round(starts["me"] / total_starts, 3) if total_starts else None,
        double_texts=doubles,
        replies={s: len(v) for s, v in replies.items()},
        starts=starts,
    )


def _secs(value: float) -> float:
    return round(float(value), 1)
