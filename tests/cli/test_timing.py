"""`olivebranch timing`: readable output, --json, --jsonl and one-line errors."""

import json

import pytest

from olivebranch import messages, support
from tests.conftest import REPO, one_line_error

FIXTURES = REPO / "tests" / "fixtures" / "timing"
EXAMPLE = FIXTURES / "spec_example.json"
BATCH = FIXTURES / "batch.jsonl"


def write(tmp_path, data, name="scenario.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


# --- --scenario --------------------------------------------------------------------------


def test_json_output_matches_the_spec_example(cli):
    res = cli("timing", "--scenario", str(EXAMPLE), "--json")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert data["verdict"] == "wait"
    assert data["earliest"] == "2026-03-03T20:00:00+00:00"
    assert [rule["id"] for rule in data["rules"]] == ["T5"]
    assert data["move_on_review"] is False
    assert list(data) == ["verdict", "earliest", "rules", "move_on_review", "advice"]
    assert res.err == ""


def test_scenario_from_stdin(cli):
    res = cli("timing", "--scenario", "-", "--json", stdin=EXAMPLE.read_text(encoding="utf-8"))
    assert res.code == 0, res.err
    assert json.loads(res.out)["earliest"] == "2026-03-03T20:00:00+00:00"


def test_readable_output_says_when_why_and_when_to_look_again(cli):
    res = cli("timing", "--scenario", str(EXAMPLE))
    assert res.code == 0, res.err
    out = " ".join(res.out.split())
    assert out.startswith("Not yet — wait until Tue 3 Mar, 20:00 (your time).")
    assert "14 hours ago" in out and "(T5)" in out
    assert messages.TIMING_ADVICE["wait"] in out
    assert "Look again on Tue 3 Mar, 20:00 (your time)." in out
    assert "Moving on" not in out


def test_readable_go(cli, tmp_path):
    res = cli("timing", "--scenario", write(tmp_path, {"now": "2026-03-02T12:00:00+00:00"}))
    assert res.code == 0
    out = " ".join(res.out.split())
    assert out.startswith(messages.TIMING_HEADLINE["go"])
    assert messages.TIMING_ADVICE["go"] in out


def test_readable_shows_local_time_in_the_scenario_zone(cli, tmp_path):
    path = write(tmp_path, {"now": "2026-03-02T14:00:00+00:00", "timezone": "Asia/Tokyo"})
    out = " ".join(cli("timing", "--scenario", path).out.split())
    assert out.startswith("Not yet — wait until Tue 3 Mar, 08:00 (your time).")
    assert "(T6)" in out


def test_abuse_shows_support_resources_first(cli, tmp_path):
    path = write(tmp_path, {"now": "2026-03-02T12:00:00+00:00", "situation": {"red_flags": ["threats"]}})
    res = cli("timing", "--scenario", path)
    assert res.code == 0
    out = " ".join(res.out.split())
    first = support.resources("abuse")[0]
    assert first.name in out and first.contact in out
    assert out.index(first.name) < out.index(messages.TIMING_HEADLINE["stop"])
    assert out.startswith(messages.SUPPORT_TITLE)


SELF_HARM_LOG = {
    "now": "2026-03-02T12:00:00+00:00",
    "events": [{"at": "2026-03-02T09:00:00+00:00", "from": "me", "kind": "message",
                "text": "I want to kill myself if you dont answer"}],
}


def test_a_sign_of_self_harm_in_the_log_shows_support_first(cli, tmp_path):
    res = cli("timing", "--scenario", write(tmp_path, SELF_HARM_LOG))
    assert res.code == 0, res.err
    out = " ".join(res.out.split())
    assert out.startswith(f"{messages.SUPPORT_TITLE} {support.SELF_HARM_INTRO}")
    first = support.resources("self_harm")[0]
    assert out.index(first.contact) < out.index(messages.TIMING_HEADLINE["wait"].split(" —")[0])


def test_their_sign_of_self_harm_gets_care_not_a_light_hello_and_notes_for_them(cli, tmp_path):
    log = {"now": "2026-03-02T10:00:00+00:00", "events": [
        {"at": "2026-02-20T10:00:00+00:00", "from": "them", "kind": "message", "text": "I just want to end it all"}]}
    res = cli("timing", "--scenario", write(tmp_path, log))
    assert res.code == 0, res.err
    out = " ".join(res.out.split())
    assert out.startswith(f"{messages.SUPPORT_TITLE} {support.THEIR_SELF_HARM_INTRO}")
    assert "hurting yourself" not in out and "themselves, call now" in out
    assert messages.TIMING_HEADLINE["go"] in out  # the verdict stays
    assert messages.TIMING_ADVICE["go_their_safety"] in out and "light message" not in out


def test_support_has_no_field_in_the_spec_json_shape_and_goes_to_stderr(cli, tmp_path):
    """SPEC 3 fixes the JSON shape with no place for resources: it stays as it is, and the
    support is printed on standard error, where a person at a terminal still sees it first."""
    shape = ["verdict", "earliest", "rules", "move_on_review", "advice"]
    abuse = {"now": "2026-03-02T12:00:00+00:00", "situation": {"red_flags": ["abuse"]}}
    for data, kind in ((SELF_HARM_LOG, "self_harm"), (abuse, "abuse")):
        res = cli("timing", "--scenario", write(tmp_path, data), "--json")
        assert res.code == 0 and list(json.loads(res.out)) == shape
        err = " ".join(res.err.split())
        assert err.startswith(messages.SUPPORT_TITLE)
        assert all(r.contact in err for r in support.resources(kind))
    lines = write(tmp_path, json.dumps({"id": "a", **SELF_HARM_LOG}) + "\n", "batch.jsonl")
    assert list(json.loads(cli("timing", "--jsonl", lines).out)) == ["id", *shape]


def test_json_without_support_prints_nothing_on_stderr(cli, tmp_path):
    res = cli("timing", "--scenario", write(tmp_path, {"now": "2026-03-02T12:00:00+00:00"}), "--json")
    assert res.code == 0 and res.err == ""


def test_block_is_stop_without_abuse_resources(cli, tmp_path):
    path = write(tmp_path, {
        "now": "2026-03-02T12:00:00+00:00",
        "events": [{"at": "2026-03-01T12:00:00+00:00", "from": "them", "kind": "block"}],
    })
    res = cli("timing", "--scenario", path)
    assert res.code == 0
    out = " ".join(res.out.split())
    assert out.startswith(messages.TIMING_HEADLINE["stop"])
    assert support.resources("abuse")[0].name not in out


def test_move_on_review_is_shown_gently(cli, tmp_path):
    path = write(tmp_path, {
        "now": "2026-03-02T12:00:00+00:00",
        "events": [{"at": "2026-01-20T12:00:00+00:00", "from": "me", "kind": "message", "open_door": True}],
    })
    res = cli("timing", "--scenario", path)
    assert res.code == 0
    out = " ".join(res.out.split())
    assert out.startswith(messages.TIMING_HEADLINE["their_move"])
    assert "Moving on" in out and "41 days" in out and "legitimate choice" in out
    data = json.loads(cli("timing", "--scenario", path, "--json").out)
    assert data["verdict"] == "their_move" and data["move_on_review"] is True
    assert "legitimate choice" in data["advice"]


def test_their_move_before_review_says_when_to_look_again(cli, tmp_path):
    path = write(tmp_path, {
        "now": "2026-03-02T12:00:00+00:00",
        "events": [{"at": "2026-02-20T12:00:00+00:00", "from": "me", "kind": "message", "open_door": True}],
    })
    out = " ".join(cli("timing", "--scenario", path).out.split())
    assert "Look again if they get in touch, or on Sun 22 Mar, 12:00, to think about where things stand." in out


def test_readable_why_never_argues_against_the_verdict(cli, tmp_path):
    # T3 (their move) overrules T5's one gentle follow-up: the Why shows T3 alone, the JSON both.
    path = write(tmp_path, {"now": "2026-03-02T10:00:00+00:00", "events": [
        {"at": "2025-03-01T10:00:00+00:00", "from": "them", "kind": "space_request"},
        {"at": "2025-03-02T10:00:00+00:00", "from": "me", "kind": "message"}]})
    res = cli("timing", "--scenario", path)
    assert res.code == 0, res.err
    assert messages.TIMING_HEADLINE["their_move"] in res.out and "(T3)" in res.out
    assert "(T5)" not in res.out and "follow-up is fine" not in res.out
    assert [r["id"] for r in json.loads(cli("timing", "--scenario", path, "--json").out)["rules"]] == ["T3", "T5"]


def test_future_events_are_mentioned(cli, tmp_path):
    path = write(tmp_path, {
        "now": "2026-03-02T12:00:00+00:00",
        "events": [{"at": "2026-03-05T12:00:00+00:00", "from": "me", "kind": "message"}],
    })
    out = " ".join(cli("timing", "--scenario", path).out.split())
    assert messages.TIMING_FUTURE_EVENTS["one"] in out


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize("data, needles", [
    ("{not json", ["is not valid JSON", "column 2"]),
    ("[1, 2]", ["a scenario must be a JSON object"]),
    ({"events": []}, ["now: missing"]),
    ({"now": "2026-03-02T10:00:00"}, ["now: time has no UTC offset"]),
    ({"now": "2026-03-02T10:00:00+00:00", "events": [{"at": "2026-03-01T10:00:00+00:00", "from": "me",
                                                      "kind": "text"}]},
     ["events[0].kind: unknown event kind 'text' (expected one of: message, call,"]),
    ({"now": "2026-03-02T10:00:00+00:00", "timezone": "Nowhere/Land"}, ["timezone: unknown time zone"]),
    ({"now": "2026-03-02T10:00:00+00:00", "events": [{"at": "2026-03-01T10:00:00+00:00", "from": "it",
                                                      "kind": "call"}]},
     ["events[0].from:"]),
])
def test_bad_scenario_is_one_line_and_exit_2(cli, tmp_path, data, needles):
    one_line_error(cli("timing", "--scenario", write(tmp_path, data)), *needles)


@pytest.mark.parametrize("nested", ['{"a": ' * 100_000 + "1" + "}" * 100_000, '{"events": ' + "[" * 100_000 + "]" * 100_000 + "}"])
def test_deeply_nested_json_is_one_line(cli, tmp_path, nested):
    one_line_error(cli("timing", "--scenario", write(tmp_path, nested)), "scenario.json is nested too deeply")
    one_line_error(cli("timing", "--scenario", "-", stdin=nested), "standard input is nested too deeply")


def test_bad_json_on_stdin_names_stdin(cli):
    one_line_error(cli("timing", "--scenario", "-", stdin="nope"), "standard input is not valid JSON")


def test_missing_file(cli, tmp_path):
    one_line_error(cli("timing", "--scenario", str(tmp_path / "nope.json")), "nope.json")
    one_line_error(cli("timing", "--jsonl", str(tmp_path / "nope.jsonl")), "nope.jsonl")


@pytest.mark.parametrize("args", [
    [],
    ["--json"],
    ["--scenario", str(EXAMPLE), "--jsonl", str(BATCH)],
])
def test_exactly_one_of_scenario_or_jsonl(cli, args):
    one_line_error(cli("timing", *args), "exactly one of --scenario or --jsonl", "--help")


def test_help(cli):
    res = cli("timing", "--help")
    assert res.code == 0
    assert "--scenario" in res.out and "--jsonl" in res.out and "--json" in res.out


def test_help_says_both_inputs_read_standard_input(cli):
    options = cli("timing", "--help").out.split("Options", 1)[1]
    for name, following in (("--scenario", "--jsonl"), ("--jsonl", "--json ")):
        text = " ".join(options.split(name, 1)[1].split(following, 1)[0].replace("│", " ").split())
        assert "'-' reads standard input" in text, (name, text)


# --- --jsonl ------------------------------------------------------------------------------


def test_jsonl_answers_every_line_in_order(cli):
    res = cli("timing", "--jsonl", str(BATCH))
    assert res.code == 0, res.err
    assert res.err == ""
    rows = [json.loads(line) for line in res.out.splitlines()]
    # Six lines in the file, one of them blank: five answers.
    assert [row["id"] for row in rows] == ["example", "night", "typo", None, 4]
    example, night, typo, garbage, old = rows
    assert example["verdict"] == "wait" and example["earliest"] == "2026-03-03T20:00:00+00:00"
    assert night["verdict"] == "wait" and [r["id"] for r in night["rules"]] == ["T6"]
    assert night["earliest"] == "2026-03-02T23:00:00+00:00"
    assert set(typo) == {"id", "error"}
    assert typo["error"].startswith("line 4: events[0].kind: unknown event kind 'text'")
    assert set(garbage) == {"id", "error"} and garbage["error"].startswith("line 5: not valid JSON")
    assert old["verdict"] == "their_move" and old["move_on_review"] is True


def test_jsonl_from_stdin_and_id_first(cli):
    res = cli("timing", "--jsonl", "-", stdin=BATCH.read_text(encoding="utf-8"))
    assert res.code == 0
    first = res.out.splitlines()[0]
    assert first.startswith('{"id": "example", "verdict": "wait"')


def test_jsonl_saved_with_a_byte_order_mark_answers_its_first_line(cli, tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(BATCH.read_text(encoding="utf-8"), encoding="utf-8-sig")
    assert cli("timing", "--jsonl", str(path)).out == cli("timing", "--jsonl", str(BATCH)).out


def test_jsonl_blank_lines_are_skipped(cli, tmp_path):
    line = json.dumps({"id": "a", "now": "2026-03-02T12:00:00+00:00"})
    res = cli("timing", "--jsonl", write(tmp_path, f"\n{line}\n   \n\n{line}\n", "x.jsonl"))
    assert res.code == 0
    assert len(res.out.splitlines()) == 2


def test_jsonl_empty_file_prints_nothing(cli, tmp_path):
    res = cli("timing", "--jsonl", write(tmp_path, "", "x.jsonl"))
    assert (res.code, res.out) == (0, "")


@pytest.mark.parametrize("line, expected", [
    ('{"now": "2026-03-02T12:00:00+00:00"}', {"id": None, "error": "line 1: id: missing"}),
    ('{"id": null, "now": "2026-03-02T12:00:00+00:00"}',
     {"id": None, "error": "line 1: id: expected text or a whole number"}),
    ('{"id": [1], "now": "2026-03-02T12:00:00+00:00"}',
     {"id": None, "error": "line 1: id: expected text or a whole number"}),
    ('{"id": "x"}', {"id": "x", "error": "line 1: now: missing"}),
    ('{"id": 7, "now": "2026-03-02T12:00"}',
     {"id": 7, "error": "line 1: now: time has no UTC offset (add one, like 2026-03-02T10:00:00+00:00)"}),
    ("[]", {"id": None, "error": "line 1: a scenario must be a JSON object, not a list"}),
    ("{", {"id": None, "error": "line 1: not valid JSON (column 2: Expecting property name enclosed in "
                                "double quotes)"}),
])
def test_jsonl_error_lines(cli, tmp_path, line, expected):
    res = cli("timing", "--jsonl", write(tmp_path, line + "\n", "x.jsonl"))
    assert res.code == 0
    assert json.loads(res.out) == expected


def test_jsonl_every_error_starts_with_its_line_number(cli, tmp_path):
    lines = ['{"id": "a"}', "", "[1]", '{"id": 2, "now": "soon"}', "{", '{"now": "2026-03-02T12:00:00+00:00"}',
             "[" * 100_000, '{"id": "b", "now": "2026-03-02T12:00:00+00:00", "events": [{"kind": "text"}]}']
    res = cli("timing", "--jsonl", write(tmp_path, "\n".join(lines) + "\n", "x.jsonl"))
    assert res.code == 0
    errors = [json.loads(row)["error"] for row in res.out.splitlines()]
    assert [e.split(": ", 1)[0] for e in errors] == [f"line {n}" for n in (1, 3, 4, 5, 6, 7, 8)]
    assert errors[5] == "line 7: nested too deeply to read"


def test_jsonl_ignores_json_flag(cli):
    res = cli("timing", "--jsonl", str(BATCH), "--json")
    assert res.code == 0 and len(res.out.splitlines()) == 5


@pytest.mark.parametrize("flag", ["threat", "abuses", "violence"])
def test_an_unknown_red_flag_is_a_one_line_error_naming_the_known_ones(cli, tmp_path, flag):
    path = write(tmp_path, {"now": "2026-03-02T10:00:00+00:00", "situation": {"red_flags": [flag]}})
    one_line_error(cli("timing", "--scenario", path, "--json"), "situation.red_flags[0]", repr(flag), "abuse, threats")
    line = json.dumps({"id": "a", "now": "2026-03-02T10:00:00+00:00", "situation": {"red_flags": [flag]}})
    res = cli("timing", "--jsonl", "-", stdin=line + "\n" + json.dumps({"id": "b", "now": "2026-03-02T10:00:00+00:00"}))
    first, second = (json.loads(x) for x in res.out.splitlines())
    assert first["id"] == "a" and "situation.red_flags[0]" in first["error"] and second["verdict"] == "go"


def test_a_space_request_ending_before_it_began_is_a_one_line_error(cli, tmp_path):
    path = write(tmp_path, {"now": "2026-03-02T10:00:00+00:00", "events": [
        {"at": "2026-03-01T09:00:00+00:00", "from": "them", "kind": "space_request", "until": "2026-02-01T09:00:00+00:00"}]})
    one_line_error(cli("timing", "--scenario", path), "events[0].until", "before the request")
