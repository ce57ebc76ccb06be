"""`olivebranch start`, `assess` and `plan`, driven as a person would: typed lines on stdin."""

import io
import json
import os
import stat

import pytest
from icalendar import Calendar

from olivebranch import messages
from olivebranch.assessment import Answers
from tests.conftest import REPO, one_line_error

EXAMPLE = str(REPO / "examples" / "answers.json")
DAY = ["--today", "2026-03-02", "--timezone", "Europe/London"]


def typed(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def private(path) -> bool:
    """True when only the owner may read or write ``path`` (mode 0600)."""
    return stat.S_IMODE(os.stat(path).st_mode) == 0o600


def write(tmp_path, data, name="answers.json"):
    p = tmp_path / name
    p.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(p)


# --- olivebranch start -----------------------------------------------------------------


def test_start_accepting_every_suggestion_gives_a_plan(cli):
    res = cli("start", *DAY, stdin=typed(*[""] * 11))
    assert res.code == 0, res.err
    for n in range(1, 10):
        assert f"Question {n} of 9" in res.out
    assert "Question 10" not in res.out
    assert "What might be going on" in res.out
    for title in ("1. Decide", "5. Reach out once", "8. Decide again"):
        assert title in res.out
    assert "Thu 5 Mar, 10:00" in res.out  # not sure what you want: three days of Decide first
    assert "Saved" not in res.out


def test_start_typed_answers_then_saves_answers_and_calendar(cli, tmp_path):
    answers_path, ics_path = tmp_path / "mine.json", tmp_path / "plan.ics"
    res = cli(
        "start", *DAY,
        stdin=typed(
            "3",              # a friend
            "drifted",        # ids work as well as numbers
            "2025-12-01",
            "n", "n",
            "6",              # none of these
            "2, 5",           # sad, lonely
            "I miss our walks",
            "2",              # friends again
            "y", str(answers_path),
            "y", str(ics_path),
        ),
    )
    assert res.code == 0, res.err
    assert "You drifted apart without any event" in res.out
    assert "Wed 4 Mar, 10:00" in res.out
    saved = Answers.from_dict(json.loads(answers_path.read_text(encoding="utf-8")))
    assert saved.relationship == "friend" and saved.what_happened == "drifted"
    assert saved.feelings == ("sad", "lonely") and saved.want == "friends"
    assert saved.feelings_note == "I miss our walks"
    cal = Calendar.from_ical(ics_path.read_bytes())
    assert len(cal.walk("VEVENT")) == 8
    assert f"Saved to {answers_path}" in res.out
    assert private(answers_path) and private(ics_path)  # red flags and feelings are theirs alone


def test_start_asks_before_replacing_a_file(cli, tmp_path):
    existing = tmp_path / "answers.json"
    existing.write_text("keep me", encoding="utf-8")
    res = cli("start", *DAY, stdin=typed(*[""] * 9, "y", str(existing), "n", "", "n"))
    assert res.code == 0, res.err
    assert "Replace it?" in res.out
    assert "Where should it go instead?" in res.out  # another place, or Enter to skip
    assert existing.read_text(encoding="utf-8") == "keep me"
    existing.chmod(0o644)
    elsewhere = tmp_path / "other.json"
    res = cli("start", *DAY, stdin=typed(*[""] * 9, "y", str(existing), "n", str(elsewhere), "n"))
    assert res.code == 0, res.err
    assert existing.read_text(encoding="utf-8") == "keep me"
    assert Answers.from_dict(json.loads(elsewhere.read_text(encoding="utf-8"))).want == "not_sure"
    res = cli("start", *DAY, stdin=typed(*[""] * 9, "y", str(existing), "y", "n"))
    assert Answers.from_dict(json.loads(existing.read_text(encoding="utf-8"))).want == "not_sure"
    assert private(existing)  # a replaced file is made private too


ANSWERS_THEN = ("1", "1", "2026-03-01", "n", "n", "6", "2", "", "1")  # the QA tester's answers


def test_start_asks_again_when_the_answers_cannot_be_saved_there(cli, tmp_path):
    good = tmp_path / "ans.json"
    res = cli("start", *DAY, stdin=typed(*ANSWERS_THEN, "y", "/nonexistent/dir/ans.json", str(good), "n"))
    assert res.code == 0, res.err
    assert "Couldn't save to /nonexistent/dir/ans.json" in res.out and "no such folder" in res.out
    saved = Answers.from_dict(json.loads(good.read_text(encoding="utf-8")))
    assert saved.relationship == "partner" and saved.what_happened == "fight" and saved.want == "back_together"
    assert f"Saved to {good}." in res.out
    assert res.err == ""


def test_start_asks_again_when_the_calendar_cannot_be_saved_there(cli, tmp_path):
    answers_path, ics_path = tmp_path / "ans.json", tmp_path / "plan.ics"
    res = cli("start", *DAY, stdin=typed(*ANSWERS_THEN, "y", str(answers_path),
                                         "y", str(tmp_path / "no" / "plan.ics"), str(tmp_path), str(ics_path)))
    assert res.code == 0, res.err
    assert "Couldn't save to" in res.out and "is a folder" in res.out
    assert len(Calendar.from_ical(ics_path.read_bytes()).walk("VEVENT")) == 8
    assert answers_path.is_file()


def test_start_can_skip_saving_after_a_bad_place(cli, tmp_path):
    res = cli("start", *DAY, stdin=typed(*ANSWERS_THEN, "y", "/nonexistent/dir/ans.json", "", "n"))
    assert res.code == 0, res.err
    assert "Saved to" not in res.out and "8. Decide again" in res.out
    assert res.err == ""


def test_start_asks_again_after_a_bad_answer(cli):
    res = cli(
        "start", *DAY,
        stdin=typed("9", "2", "1", "yesterday", "2026-04-01", "2026-02-27", *[""] * 8),
    )
    assert res.code == 0, res.err
    assert "Please type one of the numbers shown." in res.out
    assert "Please type a date like 2026-03-01." in res.out
    assert "That date is still to come" in res.out


@pytest.mark.parametrize("picked", ["6,1", "1, 6", "none,abuse", "2 6"])
def test_start_asks_again_when_none_of_these_comes_with_a_red_flag(cli, picked):
    # Question 6 asks again at once; the second answer counts, and nothing typed before is lost.
    res = cli("start", *DAY, stdin=typed("1", "1", "2026-03-01", "n", "n", picked, "1", "", "", "", "n", "n"))
    assert res.code == 0, res.err
    assert "can't go with the others" in res.out
    assert res.out.count("Question 7 of 9") == 1
    assert res.out.index("can't go with the others") < res.out.index("Question 7 of 9")
    assert "hotpeachpages" in res.out  # the abuse ticked the second time: support is shown
    assert "5. Reach out once: Left out" in res.out


def test_start_asks_again_for_a_note_that_is_too_long(cli):
    res = cli("start", *DAY, stdin=typed(*[""] * 7, "x" * 2500, "a shorter note", "", "n", "n"))
    assert res.code == 0, res.err
    assert "too long" in res.out
    assert res.out.count("Question 9 of 9") == 1


def test_start_asks_until_when_only_after_a_yes(cli):
    res = cli("start", *DAY, stdin=typed("2", "6", "2026-02-28", "y", "2026-03-10", *[""] * 7))
    assert res.code == 0, res.err
    assert "Until when?" in res.out
    assert "Question 5 of 9" in res.out and "Question 10" not in res.out
    assert "Wed 11 Mar, 10:00" in res.out  # the day after the space they asked for
    res = cli("start", *DAY, stdin=typed(*[""] * 11))
    assert "Until when?" not in res.out


def test_start_asks_again_for_an_until_before_the_day_it_happened(cli):
    res = cli("start", *DAY, stdin=typed("2", "6", "2026-02-28", "y", "2026-02-01", "2026-03-10", *[""] * 7))
    assert res.code == 0, res.err
    assert "before the day it happened (2026-02-28)" in " ".join(res.out.split())
    assert res.out.count("Question 5 of 9") == 1
    assert "Wed 11 Mar, 10:00" in res.out  # the second answer counts


def test_plan_refuses_an_until_before_the_day_it_happened(cli, tmp_path):
    path = write(tmp_path, {"relationship": "partner", "what_happened": "fight", "happened_on": "2026-03-01",
                            "asked_for_space": True, "space_until": "2026-02-01"})
    one_line_error(cli("plan", "--answers", path, "--start", "2026-03-02"), "space_until", "before the day it happened")


def test_start_with_self_harm_words_shows_support_first(cli):
    res = cli("start", *DAY, stdin=typed("", "", "", "", "", "", "", "honestly I want to die", "", "", ""))
    assert res.code == 0, res.err
    assert "findahelpline.com" in res.out
    assert res.out.index("findahelpline.com") < res.out.index("Question 9 of 9")
    assert res.out.rindex("findahelpline.com") < res.out.index("What might be going on")


@pytest.mark.parametrize("note", ["thinking of unaliving myself", "I have pills saved up"])
def test_start_screens_the_feelings_note_as_the_draft_check_does(cli, note):
    res = cli("start", *DAY, stdin=typed("", "", "", "", "", "", "", note, "", "", ""))
    assert res.code == 0, res.err
    assert res.out.index("findahelpline.com") < res.out.index("Question 9 of 9")
    assert res.out.rindex("findahelpline.com") < res.out.index("What might be going on")


@pytest.mark.parametrize("note", ["thinking of unaliving myself", "I have pills saved up"])
def test_assess_and_plan_put_support_first_for_the_feelings_note(cli, tmp_path, note):
    data = json.loads(open(EXAMPLE, encoding="utf-8").read()) | {"feelings_note": note}
    path = write(tmp_path, data)
    for command in ("assess", "plan"):
        day = "--today" if command == "assess" else "--start"
        out = json.loads(cli(command, "--answers", path, day, "2026-03-02", "--json").out)
        assert list(out)[0] == "support" and out["support"][0]["kind"] == "self_harm"
        text = cli(command, "--answers", path, day, "2026-03-02").out
        assert text.index("findahelpline.com") < min(text.index(t) for t in ("Your plan", "Questions for you first") if t in text)


def test_start_shows_abuse_support_as_soon_as_the_note_tells_of_it(cli):
    res = cli("start", *DAY, stdin=typed("", "", "", "", "", "", "", "he hit me again last night", "", "", ""))
    assert res.code == 0, res.err
    assert res.out.index("hotpeachpages") < res.out.index("Question 9 of 9")
    assert "Your plan ends here" in res.out and "5. Reach out once" in res.out  # listed as left out
    assert "Left out: after abuse or threats" in res.out


def test_start_with_threats_ends_at_decide_with_resources(cli):
    res = cli("start", *DAY, stdin=typed("", "1", "", "", "", "2", "", "", "", "", ""))
    assert res.code == 0, res.err
    assert "hotpeachpages" in res.out
    assert res.out.index("hotpeachpages") < res.out.index("Your plan")
    assert "5. Reach out once: Left out" in res.out


def test_abuse_path_asks_about_safety_and_keeps_looking_after_yourself(cli, tmp_path):
    start = cli("start", *DAY, stdin=typed("", "", "", "", "", "1", "", "", "", "", ""))
    path = write(tmp_path, json.loads(open(EXAMPLE, encoding="utf-8").read()) | {"red_flags": ["abuse"]})
    plan = cli("plan", "--answers", path, "--start", "2026-03-02")
    for res in (start, plan):
        assert res.code == 0, res.err
        out = " ".join(res.out.split())
        assert "4. Look after yourself: No dates for this one" in out
        assert "Look after yourself: Left out" not in out
    out = " ".join(start.out.split())
    assert out.index("hotpeachpages") < out.index("Questions for you first") < out.index("Are you safe right now")
    assert "Would both of you" not in out and "which list would be longer" not in out


def test_start_when_blocked_has_no_outreach(cli):
    res = cli("start", *DAY, stdin=typed("", "", "", "", "y", "", "", "", "", "", ""))
    assert res.code == 0, res.err
    assert "won't help you reach" in res.out
    assert "5. Reach out once: Left out" in res.out


@pytest.mark.parametrize("lines", [0, 1, 4, 8])
def test_end_of_input_mid_questionnaire_stops_cleanly(cli, lines):
    res = cli("start", *DAY, stdin=typed(*[""] * lines) if lines else "")
    assert res.code == 130
    assert res.err.strip() == "olivebranch: Stopped. Nothing was saved."
    assert "Traceback" not in res.err


class CtrlCAfter(io.StringIO):
    """Typed lines, then Ctrl-C at the next prompt (a SIGINT reaches Python as KeyboardInterrupt)."""

    def readline(self, *args):
        line = super().readline(*args)
        if not line:
            raise KeyboardInterrupt
        return line


def test_ctrl_c_mid_questionnaire_says_nothing_was_saved(cli):
    res = cli("start", *DAY, stdin=CtrlCAfter(typed("", "", "")))
    assert res.code == 130
    assert res.err.strip() == "olivebranch: Stopped. Nothing was saved."


@pytest.mark.parametrize("stop", [CtrlCAfter, io.StringIO], ids=["ctrl-c", "end of input"])
@pytest.mark.parametrize("then", [(), ("y",)], ids=["at the calendar offer", "at the calendar path"])
def test_stopping_after_the_answers_were_saved_says_so(cli, tmp_path, stop, then):
    path = tmp_path / "saved.json"
    res = cli("start", *DAY, stdin=stop(typed(*[""] * 9, "y", str(path), *then)))
    assert res.code == 130
    assert f"Saved to {path}." in res.out
    line = one_line_stop(res)
    assert line == f"olivebranch: Stopped. Your answers are saved in {path}; the calendar file was not saved."
    assert Answers.from_dict(json.loads(path.read_text(encoding="utf-8"))).want == "not_sure"


def test_stopping_after_declining_to_save_the_answers(cli):
    res = cli("start", *DAY, stdin=CtrlCAfter(typed(*[""] * 9, "n")))
    assert res.code == 130
    assert one_line_stop(res) == "olivebranch: Stopped. Nothing was saved."


def test_ctrl_c_in_assess_says_so_too(cli):
    res = cli("assess", "--today", "2026-03-02", stdin=CtrlCAfter(typed("", "")))
    assert res.code == 130 and one_line_stop(res) == "olivebranch: Stopped. Nothing was saved."


def one_line_stop(res) -> str:
    lines = res.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in res.err, res.err
    return lines[0]


def test_start_bad_today_is_one_line(cli):
    one_line_error(cli("start", "--today", "02/03/2026"), "--today", "02/03/2026")


# --- olivebranch assess --------------------------------------------------------------------


def test_assess_from_the_example_file_as_json(cli):
    res = cli("assess", "--answers", EXAMPLE, "--today", "2026-03-02", "--json")
    assert res.code == 0, res.err
    out = json.loads(res.out)
    assert out["safety"]["level"] == "clear"
    assert out["reasons"][0]["id"] == "need_time"
    assert all(r["signs"] and r["sources"] for r in out["reasons"])
    assert out["decide"] and out["support"] == []


def test_assess_as_text(cli):
    res = cli("assess", "--answers", EXAMPLE, "--today", "2026-03-02")
    assert res.code == 0, res.err
    assert "What might be going on" in res.out and "Questions for you first" in res.out


def test_assess_interactive_json_keeps_stdout_clean(cli):
    res = cli("assess", "--json", "--today", "2026-03-02", stdin=typed("4", "3", "2025-11-11", *[""] * 6))
    assert res.code == 0, res.err
    out = json.loads(res.out)
    assert out["answers"]["relationship"] == "family"
    assert out["reasons"][0]["id"] == "drifted"
    assert "Question 1 of 9" in res.err


# --- olivebranch plan --------------------------------------------------------------------------


def test_plan_json_and_calendar(cli, tmp_path):
    ics = tmp_path / "plan.ics"
    res = cli("plan", "--answers", EXAMPLE, "--start", "2026-03-02", "--timezone", "Europe/Paris",
              "--json", "--ics", str(ics))
    assert res.code == 0, res.err
    out = json.loads(res.out)
    assert out["timezone"] == "Europe/Paris" and out["path"] == "full"
    assert [s["stage"] for s in out["steps"]][0] == "decide" and len(out["steps"]) == 8
    assert out["reach_out_at"] == "2026-03-07T10:00:00+01:00"  # the day after the space they asked for
    assert len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")) == 8
    assert private(ics)


def test_plan_calendar_to_a_folder_is_one_line(cli, tmp_path):
    one_line_error(cli("plan", "--answers", EXAMPLE, "--ics", str(tmp_path)), "--ics: cannot save to", str(tmp_path), "is a folder")


def test_plan_as_a_timeline(cli):
    res = cli("plan", "--answers", EXAMPLE, "--start", "2026-03-02", "--timezone", "UTC")
    assert res.code == 0, res.err
    assert "Your plan (UTC)" in res.out and "Sat 7 Mar, 10:00" in res.out and "Sources:" in res.out


def test_plan_reads_an_answers_file_saved_with_a_byte_order_mark(cli, tmp_path):
    path = tmp_path / "answers.json"
    path.write_text((REPO / "examples" / "answers.json").read_text(encoding="utf-8"), encoding="utf-8-sig")
    args = ("--start", "2026-03-02", "--timezone", "UTC", "--json")
    res = cli("plan", "--answers", str(path), *args)
    assert res.code == 0, res.err
    assert res.out == cli("plan", "--answers", EXAMPLE, *args).out


def test_plan_when_blocked_never_suggests_reaching_out(cli, tmp_path):
    data = json.loads((REPO / "examples" / "answers.json").read_text(encoding="utf-8"))
    path = write(tmp_path, {**data, "no_contact": True})
    ics = tmp_path / "plan.ics"
    shown = cli("plan", "--answers", path, "--start", "2026-03-02", "--timezone", "UTC")
    as_json = cli("plan", "--answers", path, "--start", "2026-03-02", "--json", "--ics", str(ics))
    assert shown.code == as_json.code == 0, shown.err + as_json.err
    calendar = " ".join(str(e["description"]) for e in Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    for text in (shown.out, as_json.out, calendar):
        flat = " ".join(text.split())  # the timeline wraps its lines
        for phrase in ("Before you reach out", "one last gentle message", "Before you let go"):
            assert phrase not in flat
    flat = " ".join(shown.out.split())
    assert "5. Reach out once: Left out" in flat and "won't help you reach them" in flat


def test_plan_needs_an_answers_file(cli):
    res = cli("plan")
    assert res.code == 2 and "--answers" in res.err and len(res.err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "content, needles",
    [
        ("{not json", ["not valid JSON"]),
        ({"relationship": "ex", "what_happened": "fight"}, ["happened_on", "missing"]),
        ({"relationship": "spouse", "what_happened": "fight", "happened_on": "2026-03-01"}, ["relationship", "spouse"]),
        ({"relationship": "ex", "what_happened": "fight", "happened_on": "1 March"}, ["happened_on", "1 March"]),
        ({"relationship": "ex", "what_happened": "fight", "happened_on": "2026-03-01", "red_flags": ["lies"]},
         ["red_flags", "lies"]),
        ({"relationship": "ex", "what_happened": "fight", "happened_on": "2026-03-09"}, ["happened_on", "after today"]),
        ({"relationship": "ex", "what_happened": "fight", "happened_on": "1066-10-14"}, ["happened_on", "out of range"]),
        ([1, 2], ["answers"]),
        ('{"a": ' * 100_000 + "1" + "}" * 100_000, ["nested too deeply"]),
    ],
)
@pytest.mark.parametrize("command", ["plan", "assess"])
def test_bad_answers_file_is_one_line_naming_the_field(cli, tmp_path, content, needles, command):
    path = write(tmp_path, content)
    flag = "--start" if command == "plan" else "--today"
    one_line_error(cli(command, "--answers", path, flag, "2026-03-02"), *needles)


def test_missing_answers_file(cli, tmp_path):
    one_line_error(cli("plan", "--answers", str(tmp_path / "nope.json")), "nope.json")


@pytest.mark.parametrize("bad", ["2026-13-01", "tomorrow", "2026-3-2", ""])
def test_bad_start_date(cli, bad):
    one_line_error(cli("plan", "--answers", EXAMPLE, "--start", bad), "--start", f"'{bad}'")


@pytest.mark.parametrize("command, option, day", [
    ("plan", "--start", "9999-12-20"),
    ("plan", "--start", "1899-12-31"),
    ("assess", "--today", "9999-12-31"),
    ("start", "--today", "9999-12-31"),
])
def test_a_day_the_plan_cannot_hold_is_refused_before_any_question(cli, command, option, day):
    args = ("--answers", EXAMPLE) if command != "start" else ("--timezone", "UTC")
    # Typed answers that would reach the end: none is asked, so none can be lost.
    res = cli(command, *args, option, day, stdin=typed("1", "1", day, "n", "n", "6", "1", "", "1", "n", "n"))
    one_line_error(res, option, day, "out of range")


def test_an_empty_today_is_not_taken_as_today(cli):
    one_line_error(cli("assess", "--answers", EXAMPLE, "--today", ""), "--today", "''")


def test_bad_time_zone(cli):
    one_line_error(cli("plan", "--answers", EXAMPLE, "--timezone", "Nowhere/Special"), "--timezone", "Nowhere/Special")


def test_unwritable_calendar_path(cli, tmp_path):
    line = one_line_error(
        cli("plan", "--answers", EXAMPLE, "--start", "2026-03-02", "--ics", str(tmp_path / "no" / "such" / "dir.ics")),
        "--ics", "dir.ics", "no such folder",
    )
    assert "path:" not in line


def test_calendar_path_that_is_a_folder(cli, tmp_path):
    line = one_line_error(cli("plan", "--answers", EXAMPLE, "--start", "2026-03-02", "--ics", str(tmp_path)),
                          "--ics", "folder")
    assert "path:" not in line


@pytest.mark.parametrize("option", ["--ics", "--timezone"])
@pytest.mark.parametrize("value", ["", "   "])
def test_an_empty_option_is_a_usage_error(cli, option, value):
    line = one_line_error(cli("plan", "--answers", EXAMPLE, "--start", "2026-03-02", option, value), option)
    assert "try 'olivebranch plan --help'" in line


def test_start_with_an_empty_time_zone_is_a_usage_error(cli):
    one_line_error(cli("start", "--timezone", "", "--today", "2026-03-02"), "--timezone")


def test_answers_that_are_a_folder(cli, tmp_path):
    one_line_error(cli("plan", "--answers", str(tmp_path)), "is a folder, not an answers file")


def test_wrapped_lines_hang_under_their_first_word_without_trailing_spaces(cli):
    res = cli("assess", "--answers", EXAMPLE, "--today", "2026-03-02")
    assert res.code == 0, res.err
    lines = res.out.splitlines()
    assert all(line == line.rstrip() for line in lines)
    reason = next(i for i, line in enumerate(lines) if line.startswith("   Some people step back"))
    question = next(i for i, line in enumerate(lines) if line.startswith("- Do you want them back"))
    assert lines[reason + 1].startswith("   ") and lines[reason + 1][3] != " "  # under the reason's first word
    assert lines[question + 1].startswith("  ") and lines[question + 1][2] != " "  # under the question's


def test_a_step_left_out_wraps_under_its_own_title(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "50")
    data = json.loads((REPO / "examples" / "answers.json").read_text(encoding="utf-8"))
    out = cli("plan", "--answers", write(tmp_path, {**data, "no_contact": True}), "--start", "2026-03-02").out
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("5. Reach out once: Left out"))
    rest = lines[first + 1:lines.index("", first)]
    assert rest and all(line.startswith("   ") and len(line) <= 50 for line in rest)


# --- writing files: never over the answers, never over a file without being told ----------------


@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink"])
@pytest.mark.parametrize("replace", [[], ["--replace"]])
def test_the_calendar_is_never_written_over_the_answers_file(cli, tmp_path, spelling, replace):
    answers = tmp_path / "a.json"
    original = (REPO / "examples" / "answers.json").read_text(encoding="utf-8")
    answers.write_text(original, encoding="utf-8")
    target = {"same": str(answers), "dotted": str(tmp_path / "." / "a.json"), "symlink": str(tmp_path / "link.json")}[spelling]
    if spelling == "symlink":
        (tmp_path / "link.json").symlink_to(answers)
    res = cli("plan", "--answers", str(answers), "--start", "2026-03-02", "--ics", target, *replace)
    one_line_error(res, "--ics", "answers file")
    assert answers.read_text(encoding="utf-8") == original


@pytest.mark.parametrize("as_json", [[], ["--json"]])
def test_an_existing_calendar_file_is_not_replaced_without_replace(cli, tmp_path, as_json):
    ics = tmp_path / "plan.ics"
    ics.write_text("my own calendar", encoding="utf-8")
    res = cli("plan", "--answers", EXAMPLE, "--start", "2026-03-02", "--ics", str(ics), *as_json)
    one_line_error(res, "--ics", str(ics), "already", "--replace")
    assert ics.read_text(encoding="utf-8") == "my own calendar"
    res = cli("plan", "--answers", EXAMPLE, "--start", "2026-03-02", "--ics", str(ics), "--replace", *as_json)
    assert res.code == 0, res.err
    assert len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")) == 8
    assert private(ics)


def test_replace_without_a_calendar_file_is_a_usage_error(cli):
    one_line_error(cli("plan", "--answers", EXAMPLE, "--replace"), "--replace", "--ics")


def test_start_will_not_save_the_calendar_over_the_answers_it_just_saved(cli, tmp_path):
    answers, ics = tmp_path / "mine.json", tmp_path / "plan.ics"
    res = cli("start", *DAY, stdin=typed(*ANSWERS_THEN, "y", str(answers), "y", str(answers), str(ics)))
    assert res.code == 0, res.err
    assert "Replace it?" not in res.out  # not even offered: the answers are not to be lost
    assert "your answers" in " ".join(res.out.split()).split(f"Saved to {answers}.", 1)[1]
    assert Answers.from_dict(json.loads(answers.read_text(encoding="utf-8"))).what_happened == "fight"
    assert len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")) == 8


def test_the_timeline_shows_the_year_when_it_is_not_the_start_year(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    path = write(tmp_path, {"relationship": "partner", "what_happened": "asked_for_space", "happened_on": "2026-03-01",
                            "asked_for_space": True, "space_until": "2030-12-31", "want": "back_together"})
    res = cli("plan", "--answers", path, "--start", "2026-03-02", "--timezone", "Europe/London")
    assert res.code == 0, res.err
    lines = {line.split("  ")[0]: line.split("  ", 1)[1] for line in res.out.splitlines() if line[:2] in
             {f"{n}." for n in range(1, 9)} and "  " in line}
    assert lines["1. Decide"] == "Mon 2 Mar"  # the start year goes without saying
    assert lines["2. Give space"] == "Mon 2 Mar to Tue 31 Dec 2030"
    assert lines["5. Reach out once"] == "Wed 1 Jan 2031, 10:00"
    assert lines["6. Wait"] == "Wed 1 Jan 2031 to Fri 3 Jan 2031"
    assert lines["8. Decide again"].startswith("Fri 31 Jan 2031, ")
    flat = " ".join(res.out.split())
    assert "They asked for space until Tue 31 Dec 2030." in flat


def test_the_plans_decide_again_is_when_timing_says_the_review_is_due(cli, tmp_path):
    args = ("plan", "--answers", EXAMPLE, "--start", "2026-03-02", "--timezone", "Europe/London")
    shown = cli(*args)
    assert "Decide again  Mon 6 Apr, 11:00" in shown.out  # 30 days after Sat 7 Mar, 10:00 GMT
    plan = json.loads(cli(*args, "--json").out)
    review = next(s["at"] for s in plan["steps"] if s["stage"] == "decide_again")
    log = [{"at": plan["reach_out_at"], "from": "me", "kind": "message", "open_door": True}]
    scenario = write(tmp_path, {"now": review, "timezone": "Europe/London", "events": log}, "scenario.json")
    out = json.loads(cli("timing", "--scenario", scenario, "--json").out)
    assert out["verdict"] == "their_move" and out["move_on_review"] is True
    assert "30 days" in out["advice"]


@pytest.mark.parametrize("command", ["plan", "assess"])
def test_a_yes_no_answer_written_as_text_is_refused(cli, tmp_path, command):
    data = json.loads((REPO / "examples" / "answers.json").read_text(encoding="utf-8"))
    path = write(tmp_path, {**data, "asked_for_space": "yes"})
    one_line_error(cli(command, "--answers", path, "--today" if command == "assess" else "--start", "2026-03-02"),
                   "asked_for_space", "true or false")


def test_assess_counts_today_in_the_time_zone_given(cli):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    # UTC+14 and UTC-11: 25 hours apart, so never on the same day.
    days = {}
    for tz in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        before = datetime.now(ZoneInfo(tz)).date().isoformat()
        res = cli("assess", "--answers", EXAMPLE, "--timezone", tz, "--json")
        assert res.code == 0, res.err
        days[tz] = json.loads(res.out)["today"]
        assert days[tz] in (before, datetime.now(ZoneInfo(tz)).date().isoformat())
    assert days["Pacific/Kiritimati"] > days["Pacific/Pago_Pago"]


@pytest.mark.parametrize("value, needle", [("", "--timezone"), ("Nowhere/Special", "Nowhere/Special")])
def test_assess_refuses_a_bad_time_zone_like_plan(cli, value, needle):
    one_line_error(cli("assess", "--answers", EXAMPLE, "--timezone", value), "--timezone", needle)


def test_an_answers_value_with_control_characters_is_quoted_harmlessly(cli, tmp_path):
    path = write(tmp_path, {"relationship": "\x1b[2Jpartner", "what_happened": "fight", "happened_on": "2026-03-01"})
    line = one_line_error(cli("plan", "--answers", path))
    assert "\x1b" not in line and "\u241b[2Jpartner" in line


def test_a_save_path_with_control_characters_is_echoed_harmlessly(cli, tmp_path):
    bad = "/nonexistent/\x1b]0;PWNED\x07/answers.json"
    res = cli("start", *DAY, stdin=typed(*ANSWERS_THEN, "y", bad, "", "n"))
    assert res.code == 0, res.err
    assert "\x1b" not in res.out and "\x07" not in res.out
    assert "/nonexistent/\u241b]0;PWNED\u2407/answers.json" in res.out


def test_a_reason_heading_that_wraps_hangs_under_its_title(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    lines = cli("assess", "--answers", EXAMPLE, "--today", "2026-03-02").out.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("1. They need time"))
    assert lines[first + 1].startswith("   deciding")
    assert all(line == line.rstrip() for line in lines)


def test_the_welcome_and_a_bold_stop_message_wrap_without_trailing_spaces(cli, monkeypatch, tmp_path):
    monkeypatch.setenv("COLUMNS", "40")
    res = cli("start", *DAY, stdin=typed(*[""] * 11))
    welcome = res.out.split("\n\n")[0].splitlines()
    assert len(welcome) > 2 and all(line == line.rstrip() and len(line) <= 40 for line in welcome)
    path = write(tmp_path, {"relationship": "ex", "what_happened": "fight", "happened_on": "2026-03-01",
                            "red_flags": ["threats"]})
    out = cli("assess", "--answers", path, "--today", "2026-03-02").out
    assert out.startswith(messages.SUPPORT_TITLE) and messages.SAFETY_STOP in " ".join(out.split())
    assert all(line == line.rstrip() and len(line) <= 40 for line in out.splitlines())
