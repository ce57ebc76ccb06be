"""One way to show a day or a local time: the year only when it is not the year of reference."""

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from olivebranch import timing
from olivebranch.dates import day_label, local_label


def test_a_day_shows_its_year_only_when_it_differs():
    assert day_label(date(2026, 3, 2), 2026) == "Mon 2 Mar"
    assert day_label(date(2031, 1, 1), 2026) == "Wed 1 Jan 2031"
    assert day_label(date(2025, 12, 31), 2026) == "Wed 31 Dec 2025"
    assert day_label(date(2026, 3, 2)) == "Mon 2 Mar 2026"  # no year of reference: always


def test_a_local_time_is_the_day_label_and_the_clock():
    tz = ZoneInfo("Europe/London")
    now = datetime(2026, 3, 2, 10, tzinfo=timezone.utc)
    assert local_label(datetime(2026, 4, 6, 9, tzinfo=timezone.utc), tz, now) == "Mon 6 Apr, 10:00"
    assert local_label(datetime(2027, 1, 4, 9, 5, tzinfo=timezone.utc), tz, now) == "Mon 4 Jan 2027, 09:05"
    # The year is the local one on both sides: 23:30 UTC on 31 Dec is already next year in Tokyo.
    tokyo = ZoneInfo("Asia/Tokyo")
    assert local_label(datetime(2026, 12, 31, 23, 30, tzinfo=timezone.utc), tokyo, now) == "Fri 1 Jan 2027, 08:30"


def test_timing_shows_times_with_the_same_helper():
    assert timing.local_label is local_label
