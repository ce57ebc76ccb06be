"""The dated plan: stages, dates per situation, safety paths, and agreement with the timing guard."""

import json
import re
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from olivebranch import messages, playbook
from olivebranch.assessment import Answers, assess
from olivebranch.errors import InputError
from olivebranch.plan import build_plan
from olivebranch.scenario import parse_scenario
from olivebranch.support import resources
from olivebranch.timing import decide, move_on_due

START = date(2026, 3, 2)
ZONES = ["UTC", "Europe/London", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "Pacific/Kiritimati"]


def plan_for(start=START, tz="Europe/London", **kw):
    data = {"relationship": "partner", "what_happened": "went_quiet", "happened_on": "2026-02-20",
            "want": "back_together"}
    data.update(kw)
    return build_plan(assess(Answers.from_dict(data), start), start, tz)


def reach_day(plan) -> date:
    return plan.step("reach_out").starts


# --- shape -----------------------------------------------------------------------------


def test_the_eight_stages_in_order_each_with_sources_and_advice():
    plan = plan_for()
    assert [s.stage.id for s in plan.steps] == [s.id for s in playbook.stages()]
    assert len(plan.steps) == 8
    for step in plan.steps:
        assert step.status == "active"
        assert step.starts is not None and step.starts >= START
        assert step.sources and all(s.startswith("S") for s in step.sources)
        assert step.do or step.dont, f"{step.stage.id} has no advice from the playbook"
        assert step.notes


def test_dates_run_in_plan_order():
    plan = plan_for(what_happened="fight", happened_on="2026-03-01")
    d = {s.stage.id: s for s in plan.steps}
    assert d["decide"].starts == START
    assert d["give_space"].ends < d["reach_out"].starts
    assert d["reflect"].ends < d["reach_out"].starts
    assert d["reach_out"].starts <= d["wait"].ends < d["decide_again"].starts
    assert d["pace"].conditional and d["pace"].starts == d["reach_out"].starts


def test_plan_is_deterministic_and_json_ready():
    a, b = plan_for(what_happened="fight"), plan_for(what_happened="fight")
    assert a.to_dict() == b.to_dict()
    out = json.loads(json.dumps(a.to_dict()))
    assert out["path"] == "full" and len(out["steps"]) == 8
    assert out["reach_out_at"].startswith(reach_day(a).isoformat())


# --- dates that follow the situation --------------------------------------------------------


def test_fight_today_waits_for_the_cool_off():
    plan = plan_for(what_happened="fight", happened_on="2026-03-02")
    assert reach_day(plan) >= START + timedelta(days=2)
    assert reach_day(plan) == date(2026, 3, 5)  # the fight's day counts in full: +2 days, +1
    assert plan.approach == "open_door"


def test_an_old_fight_still_leaves_a_couple_of_days_to_reflect():
    assert reach_day(plan_for(what_happened="fight", happened_on="2026-01-10")) == START + timedelta(days=2)


def test_breakup_waits_more_than_a_week():
    plan = plan_for(what_happened="breakup", happened_on="2026-03-01")
    assert reach_day(plan) == date(2026, 3, 9)
    assert reach_day(plan) - date(2026, 3, 1) > timedelta(days=7)


def test_space_until_a_date_waits_until_after_it():
    plan = plan_for(what_happened="asked_for_space", asked_for_space=True, space_until="2026-03-14")
    assert reach_day(plan) == date(2026, 3, 15)
    assert any("until Sat 14 Mar." in n for n in plan.step("give_space").notes)
    assert plan.approach == "open_door" and plan.earliest_follow_up is None


def test_space_without_a_date_sends_one_open_door_message():
    plan = plan_for(what_happened="asked_for_space")
    assert plan.approach == "open_door"
    assert reach_day(plan) == START + timedelta(days=2)
    assert plan.earliest_follow_up is None
    assert any("theirs" in n for n in plan.step("wait").notes)


def test_drifting_apart_gets_a_couple_of_days_of_reflection_then_a_greeting():
    plan = plan_for(relationship="friend", what_happened="drifted", happened_on="2025-09-01", want="friends")
    assert reach_day(plan) == START + timedelta(days=2)
    assert plan.approach == "greeting"


def test_not_sure_what_you_want_gives_decide_more_days():
    plan = plan_for(relationship="friend", what_happened="drifted", want="not_sure")
    assert plan.step("decide").ends == START + timedelta(days=2)
    assert reach_day(plan) == START + timedelta(days=3)


def test_an_apology_after_messing_up():
    assert plan_for(what_happened="i_messed_up").approach == "apology"


def test_one_message_at_a_sensible_hour_then_48_hours_then_a_review_30_days_on():
    plan = plan_for(tz="America/New_York")
    at = plan.reach_out_at
    assert at.tzinfo is not None and at.timetz().replace(tzinfo=None) == time(10, 0)
    assert plan.earliest_follow_up - at == timedelta(hours=48)
    review = plan.step("decide_again").at
    assert review.astimezone(timezone.utc) - at.astimezone(timezone.utc) == timedelta(days=30)
    assert review == move_on_due(at)  # the moment the guard says the review is due
    assert plan.step("wait").ends == plan.earliest_follow_up.date()


@pytest.mark.parametrize("tz, review", [
    ("Europe/London", "2026-04-06T11:00:00+01:00"),     # the clocks go forward on 29 March
    ("Europe/Paris", "2026-04-06T11:00:00+02:00"),      # ... on 29 March
    ("America/New_York", "2026-04-06T11:00:00-04:00"),  # ... on 8 March
    ("Australia/Sydney", "2026-04-06T09:00:00+10:00"),  # ... and back on 5 April
    ("Asia/Tokyo", "2026-04-06T10:00:00+09:00"),        # no clock change
])
def test_decide_again_is_when_the_timing_guard_says_the_message_is_30_days_old(tz, review):
    """SPEC 3's review comes once the message is 30 days old, in elapsed time as every age the guard
    counts (48 hours, 7 days); across a clock change that is an hour off 10:00 on the clock."""
    plan = plan_for(tz=tz, what_happened="fight", happened_on="2026-03-01",
                    asked_for_space=True, space_until="2026-03-06")  # examples/answers.json
    at, decide_again = plan.reach_out_at, plan.step("decide_again")
    assert at.time() == time(10, 0) and at.date() == date(2026, 3, 7)
    assert decide_again.at.isoformat() == review
    assert decide_again.starts == decide_again.ends == date(2026, 4, 6)
    sent = [{"at": at.isoformat(), "from": "me", "kind": "message", "open_door": True}]
    assert _verdict(plan, decide_again.at, sent).move_on_review is True
    assert _verdict(plan, decide_again.at - timedelta(seconds=1), sent).move_on_review is False


def test_no_contact_review_is_thirty_days_on_at_the_same_local_time():
    plan = plan_for(tz="Europe/Paris", no_contact=True)
    assert plan.step("decide_again").at.isoformat() == "2026-04-01T10:00:00+02:00"


def test_angry_and_anxious_feelings_add_a_kind_note():
    plan = plan_for(feelings=["angry", "anxious"])
    assert any("angry" in n for n in plan.step("reach_out").notes)
    assert any("anxious" in n for n in plan.step("wait").notes)


# --- safety paths --------------------------------------------------------------------------


@pytest.mark.parametrize("flag", ["abuse", "threats"])
def test_abuse_or_threats_end_the_plan_at_decide_with_resources(flag):
    plan = plan_for(red_flags=[flag])
    assert plan.path == "stop"
    assert [s.stage.id for s in plan.steps if s.status == "active"] == ["decide"]
    assert plan.reach_out_at is None and plan.approach is None
    assert plan.support[0].kind == "abuse" and plan.support[0].resources == resources("abuse")
    for step in plan.steps[1:]:
        assert step.why_skipped and step.starts is None and step.at is None
    out = plan.to_dict()
    assert out["support"][0]["resources"][0]["contact"]
    assert out["steps"][4]["status"] == "skipped" and out["steps"][4]["why_skipped"]


def test_after_abuse_looking_after_yourself_is_undated_not_left_out():
    plan = plan_for(red_flags=["abuse"])
    care = plan.step("self_care")
    assert care.status == "skipped"  # SPEC 2: the plan ends at Decide
    assert care.why_skipped == messages.SKIP_STOP_SELF_CARE and "left out" not in care.why_skipped.lower()
    assert all(s.why_skipped == messages.SKIP_STOP for s in plan.steps[1:] if s.stage.id != "self_care")


def test_blocked_or_no_contact_means_no_outreach():
    plan = plan_for(no_contact=True)
    assert plan.path == "no_contact"
    status = {s.stage.id: s.status for s in plan.steps}
    assert status["reach_out"] == status["wait"] == status["pace"] == "skipped"
    assert status["self_care"] == status["decide_again"] == status["reflect"] == "active"
    assert plan.reach_out_at is None and plan.earliest_follow_up is None
    for step in plan.steps:
        if step.status == "skipped":
            assert step.why_skipped
    assert plan.step("decide_again").starts == START + timedelta(days=30)
    text = json.dumps(plan.to_dict())
    assert "For example" not in text  # no message suggestions at all


# What suggests getting in touch: the QA report's examples and their kin (SPEC 7).
OUTREACH = re.compile(
    r"reach(ing)? out|one last|(one|a) (short|light|gentle|easy)[\w ,]* message|your messages|"
    r"apolog|reconnect|come back to|while you wait|when they reply|follow-up|easier to talk to|"
    r"not now.{0,3} rather than|pushing them|to try\b",
    re.I,
)


def _shown_text(plan) -> list[str]:
    """Every sentence a plan shows about its steps (titles aside: SPEC 2 lists every stage)."""
    texts = []
    for step in plan.to_dict()["steps"]:
        texts += [step["summary"] or "", step["why_skipped"] or "", *step["notes"]]
        texts += [t for a in step["do"] + step["dont"] for t in (a["text"], a["why"])]
    return texts


@pytest.mark.parametrize("answers", [
    {},
    {"what_happened": "fight", "happened_on": "2026-03-01", "asked_for_space": True, "space_until": "2026-03-06",
     "feelings": ["sad", "anxious"]},  # examples/answers.json
    {"what_happened": "i_messed_up", "want": "closure", "feelings": ["guilty", "angry"]},
    {"what_happened": "breakup", "relationship": "ex", "want": "not_sure", "red_flags": ["cheating"]},
    {"what_happened": "drifted", "relationship": "friend", "want": "friends", "feelings": ["lonely"]},
])
def test_the_no_contact_plan_never_suggests_getting_in_touch(answers):
    plan = plan_for(no_contact=True, **answers)
    assert plan.path == "no_contact"
    found = [(t, m.group()) for t in _shown_text(plan) for m in [OUTREACH.search(t)] if m]
    assert not found, found
    assert [s.stage.id for s in plan.steps if s.status == "active"] == ["decide", "reflect", "self_care", "decide_again"]


def test_the_no_contact_plan_has_its_own_words():
    plan = plan_for(no_contact=True)
    ids = {a.id for s in plan.steps for a in s.do + s.dont}
    assert {"decide.want_it_back", "decide_again.one_last_try", "decide_again.ask_where_you_stand",
            "reflect.reason_no_words", "reflect.company_over_being_right"}.isdisjoint(ids)
    assert "decide_again.nc_not_a_countdown" in {a.id for a in plan.step("decide_again").dont}
    for step in plan.steps:
        if step.status == "active":
            assert step.do, f"{step.stage.id} has nothing to do"
    decide = plan.to_dict()["steps"][0]
    assert decide["summary"] != playbook.stage("decide").summary  # not "whether it is safe to try"
    for step in plan.to_dict()["steps"]:
        if step["status"] == "skipped":
            assert step["summary"] is None and step["do"] == [] and step["why_skipped"]


def test_the_full_plan_keeps_its_outreach_advice_and_none_of_the_no_contact_wording():
    plan = plan_for()
    ids = {a.id for s in plan.steps for a in s.do + s.dont}
    assert {"decide.want_it_back", "decide_again.one_last_try"} <= ids
    assert not any(".nc_" in i for i in ids)
    assert plan.to_dict()["steps"][0]["summary"] == playbook.stage("decide").summary


def test_caution_flags_keep_the_plan_but_slow_decide():
    plan = plan_for(red_flags=["disrespect"])
    assert plan.path == "full"
    assert plan.step("decide").ends == START + timedelta(days=2)
    assert plan.assessment.decide[0].emphasised


@pytest.mark.parametrize("start", [date(9999, 12, 20), date(1899, 12, 31)])
def test_a_start_the_plan_cannot_hold_is_an_input_error(start):
    with pytest.raises(InputError) as exc:
        plan_for(start=start, happened_on="1899-01-01" if start.year < 1900 else "2026-02-20")
    assert exc.value.field in ("start", "happened_on") and "out of range" in str(exc.value)


def test_the_last_day_a_plan_can_hold_still_gives_every_date():
    plan = plan_for(start=date(2999, 12, 31), happened_on="2999-12-30", what_happened="breakup",
                    asked_for_space=True, space_until="2999-12-31")
    assert plan.step("decide_again").at.year == 3000


def test_a_break_that_is_already_over_adds_no_wait_and_no_note():
    over = plan_for(what_happened="asked_for_space", happened_on="2026-02-01", space_until="2026-02-15")
    open_ended = plan_for(what_happened="asked_for_space", happened_on="2026-02-01")
    assert reach_day(over) == START + timedelta(days=2)
    assert not any("2026" in note and "space" in note for note in over.step("give_space").notes)
    assert len(over.step("give_space").notes) == len(open_ended.step("give_space").notes) - 1


def test_a_plan_that_keeps_outreach_never_says_it_will_not_help_reach_out():
    # Control and contempt slow Decide but keep the plan (SPEC 2): the advice may
    # refuse help only where the plan really stops, after abuse or threats.
    plan = plan_for(red_flags=["coercion", "disrespect"])
    assert plan.step("reach_out").status == "active"
    lines = [text for step in plan.steps for text in (*step.notes, *(a.text for a in step.do + step.dont))]
    for sentence in (s for line in lines for s in re.split(r"(?<=[.!?;])\s+", line)):
        if re.search(r"(will not|won't) help", sentence):
            assert "abuse" in sentence and not re.search(r"control|contempt", sentence), sentence


def test_self_harm_support_comes_first_in_the_plan():
    plan = plan_for(feelings_note="some nights I want to die")
    assert plan.to_dict()["support"][0]["kind"] == "self_harm"
    assert list(plan.to_dict())[0] == "support"


# --- bad input -------------------------------------------------------------------------------


def test_unknown_time_zone_names_the_field():
    with pytest.raises(InputError) as exc:
        plan_for(tz="Mars/Olympus_Mons")
    assert exc.value.field == "timezone"


def test_a_start_before_the_assessment_is_refused():
    a = assess(Answers.from_dict({"relationship": "ex", "what_happened": "fight", "happened_on": "2026-03-01"}), START)
    with pytest.raises(InputError) as exc:
        build_plan(a, START - timedelta(days=1), "UTC")
    assert exc.value.field == "start"


def test_a_tzinfo_object_works_too():
    plan = build_plan(assess(Answers.from_dict({"relationship": "ex", "what_happened": "drifted",
                                                 "happened_on": "2026-01-01"}), START), START, ZoneInfo("Asia/Tokyo"))
    assert plan.timezone == "Asia/Tokyo" and plan.reach_out_at.utcoffset() == timedelta(hours=9)


# --- agreement with the timing guard (SPEC 3) -----------------------------------------------------


def _verdict(plan, now, events, red_flags=()):
    scenario = parse_scenario({
        "now": now.isoformat(),
        "timezone": plan.timezone,
        "situation": {"relationship": "partner", "red_flags": list(red_flags)},
        "events": events,
    })
    return decide(scenario)


def _late(day: date, tz: str) -> str:
    """The worst case for a day-only answer: the event was at 23:59 local."""
    return datetime.combine(day, time(23, 59), ZoneInfo(tz)).isoformat()


situations = st.fixed_dictionaries({
    "what_happened": st.sampled_from(["fight", "breakup", "drifted", "went_quiet", "i_messed_up", "asked_for_space"]),
    "days_ago": st.integers(0, 40),
    "until_in": st.one_of(st.none(), st.integers(-5, 30)),
    "tz": st.sampled_from(ZONES),
    "start": st.dates(date(2026, 1, 1), date(2027, 12, 31)),
})


@settings(max_examples=200, deadline=None)
@given(situations)
def test_the_timing_guard_agrees_with_every_date_of_the_plan(s):
    start, tz = s["start"], s["tz"]
    happened = start - timedelta(days=s["days_ago"])
    data = {"relationship": "partner", "what_happened": s["what_happened"], "happened_on": happened.isoformat(),
            "want": "back_together"}
    events = []
    if s["what_happened"] in ("fight", "breakup"):
        events.append({"at": _late(happened, tz), "from": "them", "kind": s["what_happened"]})
    if s["until_in"] is not None:
        until = max(start + timedelta(days=s["until_in"]), happened)  # a break ends on or after it began
        data.update(asked_for_space=True, space_until=until.isoformat())
        events.append({"at": _late(happened, tz), "from": "them", "kind": "space_request",
                       "until": _late(until, tz)})
    elif s["what_happened"] == "asked_for_space":
        events.append({"at": _late(happened, tz), "from": "them", "kind": "space_request"})
    plan = build_plan(assess(Answers.from_dict(data), start), start, tz)

    send = plan.reach_out_at
    assert 8 <= send.hour < 22
    assert _verdict(plan, send, events).verdict == "go", "the plan's send time must be one the guard allows"

    sent = events + [{"at": send.isoformat(), "from": "me", "kind": "message",
                      "open_door": plan.approach == "open_door"}]
    just_before = plan.earliest_follow_up or (send + timedelta(hours=48))
    assert _verdict(plan, just_before - timedelta(minutes=1), sent).verdict in ("wait", "their_move")
    if plan.earliest_follow_up is not None:
        assert _verdict(plan, plan.earliest_follow_up, sent).verdict in ("go", "their_move")

    review = plan.step("decide_again").at
    assert review == move_on_due(send) and 8 <= review.hour < 22
    if plan.approach == "open_door":
        # Decide again is the very moment the guard's move-on review falls due.
        later = _verdict(plan, review, sent)
        assert later.verdict == "their_move" and later.move_on_review
        assert not _verdict(plan, review - timedelta(seconds=1), sent).move_on_review


def test_the_guard_stops_what_the_plan_leaves_out():
    plan = plan_for(red_flags=["threats"])
    now = datetime.combine(START, time(12), ZoneInfo("Europe/London"))
    assert _verdict(plan, now, [], red_flags=["threats"]).verdict == "stop"
    blocked = plan_for(no_contact=True)
    block = [{"at": _late(date(2026, 2, 20), "Europe/London"), "from": "them", "kind": "block"}]
    assert blocked.reach_out_at is None
    assert _verdict(blocked, now, block).verdict == "stop"


def test_notes_name_days_as_the_timeline_does_with_the_year_only_when_it_differs():
    near = plan_for(what_happened="asked_for_space", happened_on="2026-03-01", space_until="2026-03-06")
    assert messages.NOTE_SPACE_UNTIL.format(until="Fri 6 Mar") in near.step("give_space").notes
    far = plan_for(what_happened="i_messed_up", happened_on="2026-03-01", asked_for_space=True,
                   space_until="2027-01-06", start=date(2026, 12, 30))
    assert messages.NOTE_SPACE_UNTIL.format(until="Wed 6 Jan 2027") in far.step("give_space").notes
    assert messages.NOTE_WAIT.format(earliest="Sat 9 Jan 2027, 10:00") in far.step("wait").notes
