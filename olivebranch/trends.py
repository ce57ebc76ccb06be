"""What changed and when, in a few plain sentences, from the monthly signals.

Only claims the figures support: a change is named only when both months it
compares have enough behind them (:data:`MIN_REPLIES` replies,
:data:`MIN_MESSAGES` messages) and the change is large (at least
:data:`FACTOR` times, or words per message down or up by a third and by 2
words). Sentences describe the messages, never the person: no guesses at why.
"""

from olivebranch import messages as text
from olivebranch.signals import Month, Signals

MIN_REPLIES = 5
MIN_MESSAGES = 10
MIN_STARTS = 4
FACTOR = 2.0


def summarize(signals: Signals) -> list[str]:
    """A few plain sentences on what changed and when; never empty."""
    lines: list[str] = []
    months = signals.months
    line = _reply_change(months)
    if line:
        lines.append(line)
    line = _words_change(months)
    if line:
        lines.append(line)
    line = _volume_change(months)
    if line:
        lines.append(line)
    recent = signals.start_senders[-10:]
    if len(recent) >= MIN_STARTS:
        mine = recent.count("me")
        lines.append(text.SIGNALS_STARTS.format(mine=mine, total=len(recent)))
    if signals.current_silence_s is not None and signals.current_silence_s >= 86400:
        lines.append(text.SIGNALS_SILENCE.format(duration=humanize(signals.current_silence_s)))
    elif signals.them is None or signals.overall.messages["them"] == 0:
        lines.append(text.SIGNALS_NO_REPLY)
    if not lines:
        lines.append(text.SIGNALS_STEADY)
    return lines


DAY = 86400
MONTH = 365.25 / 12 * DAY


def humanize(seconds: float) -> str:
    """A duration in rough words: "about 20 minutes", "about 3 days", "about 10 months", "about 1 year and 4 months".

    From two months on it counts months, and from a year years and months
    ("about 105 weeks" said little).
    """
    s = float(seconds)
    if s >= 60 * DAY:
        years, months = divmod(round(s / MONTH), 12)
        if not years:
            return f"about {_count(months, 'month')}"
        return f"about {_count(years, 'year')}" + (f" and {_count(months, 'month')}" if months else "")
    for unit, size in (("week", 7 * DAY), ("day", DAY), ("hour", 3600), ("minute", 60)):
        if s >= size * (1.5 if unit == "week" else 1):
            return f"about {_count(round(s / size), unit)}"
    n = round(s)
    return f"about {_count(n, 'second')}" if n >= 1 else "under a second"


def _count(n: int, unit: str) -> str:
    return f"{n} {unit}{'s' if n != 1 else ''}"


def _month_name(month: Month) -> str:
    import calendar

    year, mon = (int(x) for x in month.month.split("-"))
    return f"{calendar.month_name[mon]} {year}"


def _reply_change(months: list[Month]) -> str | None:
    usable = [m for m in months if m.replies.get("them", 0) >= MIN_REPLIES]
    if len(usable) < 2:
        return None
    first, last = usable[0], usable[-1]
    a, b = first.reply_time_median_s["them"], last.reply_time_median_s["them"]
    if not a or not b or max(a, b) / min(a, b) < FACTOR:
        return None
    since = _change_month(usable, lambda m: m.reply_time_median_s["them"], a, b)
    return text.SIGNALS_REPLY_CHANGE.format(before=humanize(a), after=humanize(b), since=_month_name(since))


def _words_change(months: list[Month]) -> str | None:
    usable = [m for m in months if m.messages["them"] >= MIN_MESSAGES]
    if len(usable) < 2:
        return None
    first, last = usable[0], usable[-1]
    a, b = first.words_per_message["them"], last.words_per_message["them"]
    if a is None or b is None or abs(a - b) < 2 or abs(a - b) < max(a, b) / 3:
        return None
    template = text.SIGNALS_SHORTER if b < a else text.SIGNALS_LONGER
    return template.format(before=_words(a), after=_words(b), first=_month_name(first), last=_month_name(last))


def _volume_change(months: list[Month]) -> str | None:
    if len(months) < 2:
        return None
    first, last = months[0], months[-1]
    a, b = first.messages["them"], last.messages["them"]
    if max(a, b) < MIN_MESSAGES or (min(a, b) and max(a, b) / min(a, b) < FACTOR) or a == b:
        return None
    return text.SIGNALS_VOLUME.format(before=a, after=b, first=_month_name(first), last=_month_name(last))


def _change_month(usable: list[Month], value, a: float, b: float) -> Month:
    """The first month whose figure sits nearer the latest level than the earliest.

    Nearer on a log scale, since reply times spread over orders of magnitude.
    """
    import math

    for m in usable[1:]:
        v = value(m)
        if v and abs(math.log(v / b)) < abs(math.log(v / a)):
            return m
    return usable[-1]


def _words(value: float) -> str:
    n = round(value)
    return f"about {n} word{'s' if n != 1 else ''}"
