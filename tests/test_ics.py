"""The plan as an iCalendar file, checked by parsing it back with icalendar."""

from datetime import date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from olivebranch.assessment import Answers, assess
from olivebranch.errors import InputError
from olivebranch.ics import to_ics, uid
from olivebranch.plan import build_plan

START = date(2026, 3, 2)
STAMP = datetime(2026, 3, 2, 8, 30, tzinfo=timezone.utc)


def plan_for(start=START, **kw):
    data = {"relationship": "ex", "what_happened": "fight", "happened_on": "2026-03-01", "want": "back_together"}
    data.update(kw)
    return build_plan(assess(Answers.from_dict(data), start), start, "Europe/Berlin")


def events(plan, stamp=STAMP):
    cal = Calendar.from_ical(to_ics(plan, stamp))
    return cal, {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_round_trip_one_event_per_dated_step():
    plan = plan_for()
    cal, evs = events(plan)
    assert str(cal["version"]) == "2.0" and "olivebranch" in str(cal["prodid"])
    dated = [s for s in plan.steps if s.status == "active" and s.starts]
    assert len(evs) == len(dated) == 8
    for step in dated:
        ev = evs[uid(plan, step)]
        assert step.stage.title in str(ev["summary"])
        description = str(ev["description"])
        assert f"Sources: {', '.join(step.sources)}" in description
        for advice in step.do:
            assert advice.text in description
        assert ev["dtstamp"].dt == STAMP
        alarms = ev.walk("VALARM")
        assert len(alarms) == 1 and str(alarms[0]["action"]) == "DISPLAY"


def test_timed_and_all_day_events_carry_the_plan_dates():
    plan = plan_for()
    _, evs = events(plan)
    reach = evs[uid(plan, plan.step("reach_out"))]
    assert reach["dtstart"].dt == plan.reach_out_at
    assert reach["dtstart"].dt.utcoffset() == timedelta(0)  # written in UTC
    assert reach.walk("VALARM")[0]["trigger"].dt == timedelta(minutes=-15)
    space = plan.step("give_space")
    ev = evs[uid(plan, space)]
    assert ev["dtstart"].dt == space.starts and not isinstance(ev["dtstart"].dt, datetime)
    assert ev["dtend"].dt == space.ends + timedelta(days=1)  # DTEND of an all-day event is exclusive


def test_uids_are_stable_so_reimporting_updates():
    first = plan_for()
    later = plan_for(start=START + timedelta(days=3), feelings=["sad"])  # same situation, planned again
    _, a = events(first)
    _, b = events(later, STAMP + timedelta(days=3))
    assert set(a) == set(b)
    assert len(set(a)) == len(a)
    other = plan_for(happened_on="2026-02-27")
    assert not set(events(other)[1]) & set(a)


def test_same_plan_and_stamp_give_the_same_bytes():
    assert to_ics(plan_for(), STAMP) == to_ics(plan_for(), STAMP)


def test_blocked_plan_has_no_outreach_events():
    plan = plan_for(no_contact=True)
    _, evs = events(plan)
    titles = " ".join(str(e["summary"]) for e in evs.values())
    assert "Reach out" not in titles and "Wait" not in titles
    assert "Decide again" in titles


def test_abuse_plan_is_one_event_with_support():
    plan = plan_for(red_flags=["abuse"])
    _, evs = events(plan)
    assert len(evs) == 1
    (ev,) = evs.values()
    assert "Decide" in str(ev["summary"])
    assert "hotpeachpages" in str(ev["description"])


def test_stamp_needs_an_offset():
    with pytest.raises(InputError) as exc:
        to_ics(plan_for(), datetime(2026, 3, 2, 8, 30))
    assert exc.value.field == "stamp"
