"""How olivebranch names a day or a local time, the one way every command shows it.

``Tue 3 Mar`` and ``Tue 3 Mar, 20:00``, with the year only when it is not
the year of reference (the plan's start, the scenario's ``now``): a date a
year or more away never reads as this year's. English names are spelt out
here rather than taken from the locale, so the wording never changes with
the computer it runs on. Pure: no clock.
"""

from datetime import date, datetime, tzinfo

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_label(day: date, this_year: int | None = None) -> str:
    """A day such as ``Tue 3 Mar``, with its year when it is not ``this_year`` (always, without one)."""
    year = "" if this_year == day.year else f" {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}{year}"


def local_label(at: datetime, zone: tzinfo, now: datetime | None = None) -> str:
    """A local time in ``zone`` such as ``Tue 3 Mar, 20:00`` (with the year if it is not ``now``'s there)."""
    local = at.astimezone(zone)
    this_year = now.astimezone(zone).year if now is not None else None
    return f"{day_label(local.date(), this_year)}, {local:%H:%M}"
