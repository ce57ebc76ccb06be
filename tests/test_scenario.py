"""Scenario parsing: the fast path (msgspec) and the plain checks agree."""

import json
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings, strategies as st

from olivebranch.scenario import EVENT_KINDS, SHARED_KINDS, _fast_scenario, loads_scenario, parse_scenario

OFFSETS = [timezone.utc, timezone(timedelta(hours=1)), timezone(timedelta(hours=-5)),
           timezone(timedelta(hours=5, minutes=30))]


def iso(minutes: int, tz) -> str:
    return (datetime(2026, 3, 1, tzinfo=timezone.utc) + timedelta(minutes=minutes)).astimezone(tz).isoformat()


event = st.builds(
    lambda kind, sender, minutes, tz, until, open_door, text: {
        k: v for k, v in {
            "at": iso(minutes, tz), "kind": kind,
            "from": sender if sender is not None else (None if kind in SHARED_KINDS else "me"),
            # A break ends after it is asked for; on other kinds until means nothing, so any time goes.
            "until": None if until is None else iso(minutes + until if kind == "space_request" else until, tz),
            "open_door": open_door, "text": text,
        }.items() if v is not None or k in ("until", "open_door", "text")
    },
    st.sampled_from(EVENT_KINDS), st.sampled_from(["me", "them", None]), st.integers(0, 60 * 24 * 90),
    st.sampled_from(OFFSETS), st.one_of(st.none(), st.integers(0, 60 * 24 * 120)),
    st.one_of(st.none(), st.booleans()), st.one_of(st.none(), st.text(max_size=20)),
)
scenario = st.builds(
    lambda now, tz, flags, events, ident: {
        "now": iso(now, OFFSETS[1]), "timezone": tz, "id": ident,
        "situation": {"relationship": "ex", "red_flags": flags}, "events": events,
    },
    st.integers(0, 60 * 24 * 120), st.sampled_from([None, "UTC", "Europe/London", "Asia/Tokyo"]),
    st.lists(st.sampled_from(["Abuse", " threats ", "affair"]), max_size=2),
    st.lists(event, max_size=8), st.one_of(st.none(), st.text(max_size=5), st.integers()),
)


@settings(max_examples=200, deadline=None)
@given(scenario)
def test_fast_path_builds_what_the_plain_checks_build(doc):
    text = json.dumps(doc)
    fast = _fast_scenario(text)
    assert fast is not None
    assert fast == parse_scenario(json.loads(text))


def test_the_fast_path_steps_aside_for_bad_input():
    good = {"now": "2026-03-02T10:00:00+00:00", "events": [
        {"at": "2026-03-01T09:00:00+00:00", "from": "them", "kind": "fight"}]}
    assert _fast_scenario(json.dumps(good)) is not None
    for bad in (
        {**good, "now": "2026-03-02T10:00:00"},                                  # no offset
        {**good, "events": [{"at": "2026-03-01T09:00:00+00:00", "from": "me", "kind": "text"}]},
        {**good, "events": [{"at": "2026-03-01T09:00:00+00:00", "kind": "message"}]},  # who sent it?
        {**good, "now": "1800-01-01T00:00:00+00:00"},                            # out of range
        {**good, "events": None},
        {**good, "situation": {"red_flags": ["threat"]}},                         # unknown red flag
        {**good, "events": [{"at": "2026-03-01T09:00:00+00:00", "from": "them", "kind": "space_request",
                             "until": "2026-03-01T08:59:59+00:00"}]},              # a break over before it began
    ):
        assert _fast_scenario(json.dumps(bad)) is None
    assert _fast_scenario("not json") is None


def test_bad_input_still_gets_the_field_named_message():
    import pytest

    from olivebranch.errors import InputError

    with pytest.raises(InputError, match=r"^events\[0\]\.kind: unknown event kind 'text'"):
        loads_scenario('{"now": "2026-03-02T10:00:00+00:00", '
                       '"events": [{"at": "2026-03-01T09:00:00+00:00", "from": "me", "kind": "text"}]}')


def test_a_space_request_that_ends_before_it_was_asked_for_is_refused_on_both_paths():
    import pytest

    from olivebranch.errors import InputError

    doc = {"now": "2026-03-02T10:00:00+00:00", "events": [
        {"at": "2026-03-01T09:00:00+01:00", "from": "them", "kind": "space_request", "until": "2026-03-01T07:59:00Z"}]}
    for parse in (lambda: loads_scenario(json.dumps(doc)), lambda: parse_scenario(doc)):
        with pytest.raises(InputError, match=r"^events\[0\]\.until: is before the request itself"):
            parse()
    doc["events"][0]["until"] = "2026-03-01T08:00:00Z"  # the same instant: a break of no length, not an error
    assert loads_scenario(json.dumps(doc)) == parse_scenario(doc)
    doc["events"][0].update(kind="message", until="2020-01-01T00:00:00Z")  # until means nothing on a message
    assert loads_scenario(json.dumps(doc)) == parse_scenario(doc)


def test_a_scenario_knows_every_red_flag_an_answers_file_does():
    from olivebranch.assessment import question
    from olivebranch.scenario import KNOWN_RED_FLAGS

    assert set(question("red_flags").choice_ids()) <= set(KNOWN_RED_FLAGS)
