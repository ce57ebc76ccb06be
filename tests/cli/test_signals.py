"""`olivebranch signals`: JSON per SPEC 6, readable output, charts, and one-line errors."""

import json
import re
import stat
from pathlib import Path

import pytest

from tests.conftest import one_line_error

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "chats"
CHAT = str(FIX / "whatsapp_android_24h.txt")


def test_json_matches_spec(cli):
    r = cli("signals", "--export", CHAT, "--me", "Sam", "--now", "2026-02-20T09:00", "--json")
    assert r.code == 0, r.err
    d = json.loads(r.out)
    assert d["me"] == "Sam" and d["them"] == "Alex Kim"
    assert d["messages"] == {"me": 8, "them": 4}
    assert d["current_silence_s"] == 1436400.0
    assert [m["month"] for m in d["months"]] == ["2026-01", "2026-02"]


def test_readable_output_has_tables_and_summary(cli):
    r = cli("signals", "--export", CHAT, "--me", "Sam", "--now", "2026-02-20T09:00")
    assert r.code == 0, r.err
    assert "Month by month" in r.out and "2026-02" in r.out
    assert "You started 4 of the last 6 conversations." in r.out
    assert "Nothing is sent anywhere." in r.out


def test_plot_writes_png_and_svg(cli, tmp_path):
    out = tmp_path / "charts"
    r = cli("signals", "--export", CHAT, "--me", "Sam", "--now", "2026-02-20T09:00", "--plot", str(out), "--json")
    assert r.code == 0, r.err
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{n}.{e}" for n in ("reply_time", "conversation_starts", "words_per_message", "messages") for e in ("png", "svg"))
    assert (out / "messages.png").read_bytes().startswith(b"\x89PNG")
    # Names and the shape of a private chat: for this user's eyes only.
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()} == {0o600}


def test_ambiguous_dates_and_flags(cli):
    path = str(FIX / "whatsapp_ambiguous.txt")
    r = cli("signals", "--export", path, "--me", "Sam", "--now", "2026-06-01T00:00", "--json")
    assert r.code == 2 and "--dayfirst or --monthfirst" in r.err
    r = cli("signals", "--export", path, "--me", "Sam", "--now", "2026-06-01T00:00", "--json", "--dayfirst")
    assert r.code == 0 and json.loads(r.out)["months"][0]["month"] == "2026-04"
    r = cli("signals", "--export", path, "--me", "Sam", "--now", "2026-06-01T00:00", "--json", "--monthfirst")
    assert r.code == 0 and json.loads(r.out)["months"][0]["month"] == "2026-03"
    r = cli("signals", "--export", path, "--me", "Sam", "--dayfirst", "--monthfirst")
    assert r.code == 2 and "choose one" in r.err


def test_every_format_through_the_cli(cli):
    for name, me in [("telegram_result.json", "Sam"), ("signal_chat.md", "Me"),
                     ("messenger_message_1.json", "Sam"), ("instagram_message_1.json", "Jordan Lee"),
                     ("whatsapp_ios.txt", "Sam")]:
        r = cli("signals", "--export", str(FIX / name), "--me", me, "--now", "2026-03-01T00:00", "--json")
        assert r.code == 0, (name, r.err)
        assert json.loads(r.out)["me"] == me


def _bad(tmp_path, content: bytes) -> str:
    p = tmp_path / "export.txt"
    p.write_bytes(content)
    return str(p)


@pytest.mark.parametrize(
    "make, me, now, needle",
    [
        (lambda t: str(t / "missing.txt"), "Sam", None, "no file at"),
        (lambda t: _bad(t, b""), "Sam", None, "is empty"),
        (lambda t: _bad(t, b"\x00\x01\x02binary\xff"), "Sam", None, "binary"),
        (lambda t: _bad(t, b"just some notes\nnothing else\n"), "Sam", None, "does not look like a chat export"),
        (lambda t: _bad(t, b'{"name": "A", "type": "personal_chat", "id": 1, "messages": [{"id"'), "Sam", None, "not complete JSON"),
        (lambda t: CHAT, "Bob", None, "--me 'Bob' is not one of the people in this chat (found: Sam, Alex Kim)"),
        (lambda t: CHAT, "Sam", "2026-02-20T09:00+01:00", "without an offset"),
        (lambda t: CHAT, "Sam", "next tuesday", "not an ISO time"),
    ],
)
def test_bad_input_one_line_exit_2(cli, tmp_path, make, me, now, needle):
    args = ["signals", "--export", make(tmp_path), "--me", me, "--json"]
    if now:
        args += ["--now", now]
    r = cli(*args)
    assert r.code == 2
    assert needle in r.err
    assert r.err.count("\n") == 1 and "Traceback" not in r.err
    assert r.out == ""


def test_group_chat_is_refused(cli, tmp_path):
    path = _bad(tmp_path, b"14/01/2026, 09:00 - A: hi\n14/01/2026, 09:01 - B: hey\n14/01/2026, 09:02 - C: yo\n")
    r = cli("signals", "--export", path, "--me", "A")
    assert r.code == 2 and "group chat" in r.err


def test_help_lists_options(cli):
    r = cli("signals", "--help")
    assert r.code == 0
    for opt in ("--export", "--me", "--now", "--json", "--plot", "--dayfirst", "--monthfirst", "--format"):
        assert opt in r.out


def test_format_is_a_choice_listed_in_help(cli):
    r = cli("signals", "--help")
    assert "<str>" not in r.out
    listed = " ".join(r.out.split("--format", 1)[1].split("--chat", 1)[0].replace("│", " ").split())
    assert "whatsapp, telegram, signal, messenger, instagram, imessage" in listed


def test_format_is_case_insensitive_and_checked(cli):
    r = cli("signals", "--export", CHAT, "--me", "Sam", "--now", "2026-02-20T09:00", "--format", "WhatsApp", "--json")
    assert r.code == 0, r.err
    r = cli("signals", "--export", CHAT, "--me", "Sam", "--format", "viber")
    assert r.code == 2 and "'viber' is not one of" in r.err and "Traceback" not in r.err


@pytest.mark.parametrize("date", [1e30, -1e20, "notanumber"])
def test_a_damaged_chat_db_is_one_line_and_exit_2(cli, tmp_path, date):
    from tests.chat.test_imessage import make_chat_db

    db = make_chat_db(tmp_path / "chat.db", {"+15551234": [(date, 1, "hello", {})]})
    r = cli("signals", "--export", str(db), "--me", "Me", "--chat", "+15551234")
    one_line_error(r, "message 1 in this chat.db has a date that cannot be read")


def test_a_chat_db_with_text_as_a_blob_is_read(cli, tmp_path):
    from tests.chat.test_imessage import apple_ns, make_chat_db

    db = make_chat_db(tmp_path / "chat.db", {"+15551234": [(apple_ns(2026, 1, 5, 9, 0), 1, b"hello there", {}),
                                                            (apple_ns(2026, 1, 5, 9, 5), 0, "hi", {})]})
    r = cli("signals", "--export", str(db), "--me", "Me", "--chat", "+15551234", "--now", "2026-02-01T00:00", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["words_per_message"] == {"me": 2.0, "them": 1.0}


def test_chat_with_an_export_that_is_not_apple_messages_is_refused(cli):
    r = cli("signals", "--export", CHAT, "--me", "Sam", "--chat", "Alex Kim", "--json")
    one_line_error(r, "--chat picks a conversation in an Apple Messages chat.db", "leave --chat out")


def _with_last_line(tmp_path, line: str) -> str:
    path = tmp_path / "chat.txt"
    path.write_text(Path(CHAT).read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    return str(path)


def test_self_harm_in_their_last_messages_shows_support_first(cli, tmp_path):
    from olivebranch import messages, support

    export = _with_last_line(tmp_path, "14/02/2026, 23:10 - Alex Kim: some days i just want to end it all")
    r = cli("signals", "--export", export, "--me", "Sam", "--now", "2026-02-20T09:00")
    assert r.code == 0, r.err
    out = " ".join(r.out.split())
    assert out.startswith(f"{messages.SUPPORT_TITLE} {support.THEIR_SELF_HARM_INTRO}")
    assert out.index(support.resources("self_harm")[-1].contact) < out.index("Month by month")
    # With --json, the JSON keeps SPEC 6's shape and the support goes to standard error.
    r = cli("signals", "--export", export, "--me", "Sam", "--now", "2026-02-20T09:00", "--json")
    assert r.code == 0 and "support" not in json.loads(r.out)
    assert " ".join(r.err.split()).startswith(f"{messages.SUPPORT_TITLE} {support.THEIR_SELF_HARM_INTRO}")


def test_a_chat_without_such_words_shows_no_support(cli):
    from olivebranch import messages

    r = cli("signals", "--export", CHAT, "--me", "Sam", "--now", "2026-02-20T09:00", "--json")
    assert r.code == 0 and r.err == ""
    assert messages.SUPPORT_TITLE not in cli("signals", "--export", CHAT, "--me", "Sam", "--now", "2026-02-20T09:00").out


@pytest.mark.parametrize("name", ["Alex [work]", "[/b]Jo", "Jo [bold]x[/bold]"])
def test_names_that_look_like_markup_are_shown_as_they_are(cli, tmp_path, name):
    path = _bad(tmp_path, f"14/01/2026, 09:00 - Sam: Hi\n14/01/2026, 09:10 - {name}: hello\n".encode())
    r = cli("signals", "--export", path, "--me", "Sam", "--now", "2026-03-01T00:00")
    assert r.code == 0 and "Traceback" not in r.err, r.err
    assert f"You (Sam) and {name}" in r.out and r.out.count(name) >= 2  # the title and the column


@pytest.mark.parametrize("folder", ["charts [old]", "x[/y]"])
def test_a_plot_folder_that_looks_like_markup_is_shown_as_it_is(cli, tmp_path, folder):
    out = tmp_path / folder
    r = cli("signals", "--export", CHAT, "--me", "Sam", "--now", "2026-03-01T00:00", "--plot", str(out))
    assert r.code == 0 and "Traceback" not in r.err, r.err
    flat = "".join(r.out.split())  # long paths wrap
    assert "".join(str(out / "messages.svg").split()) in flat


@pytest.mark.parametrize("width", ["40", "60", "80", "120"])
def test_every_month_figure_shows_whole_at_any_width(cli, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", width)
    r = cli("signals", "--export", CHAT, "--me", "Sam", "--now", "2026-03-02T10:00")
    assert r.code == 0, r.err
    months = r.out.split("Month by month", 1)[1]
    assert "…" not in months and max(len(line) for line in r.out.splitlines()) <= int(width)
    for figure in ("2026-01", "2026-02", "3.5", "4.5", "6 hours", "5 hours", "10 days", "1 day"):
        assert figure in months, (width, figure)
    assert "2 of 3" in months or all(line.split() == ["started", "2", "1"] for line in months.splitlines()
                                     if line.startswith("started"))


def test_a_phone_clock_ahead_of_this_computer_says_to_pass_now(cli, tmp_path):
    path = _bad(tmp_path, b"21/01/2099, 09:00 - Sam: Hi\n21/01/2099, 09:10 - Alex: hello\n")
    line = one_line_error(cli("signals", "--export", path, "--me", "Sam"),
                          "(2099-01-21T09:10) is later than this computer's clock", "add --now", "--now 2099-01-21T09:10")
    assert re.search(r"clock \(\d{4}-\d\d-\d\dT\d\d:\d\d\)", line)  # no seconds or microseconds


def test_plot_does_not_replace_charts_already_there_without_replace(cli, tmp_path):
    out = tmp_path / "charts"
    out.mkdir()
    (out / "messages.png").write_bytes(b"my own chart")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    args = ("signals", "--export", CHAT, "--me", "Sam", "--now", "2026-02-20T09:00", "--plot", str(out))
    one_line_error(cli(*args), "--plot", "messages.png", "--replace")
    assert sorted(p.name for p in out.iterdir()) == ["messages.png", "notes.txt"]  # nothing written
    assert (out / "messages.png").read_bytes() == b"my own chart"
    r = cli(*args, "--replace", "--json")
    assert r.code == 0, r.err
    assert (out / "messages.png").read_bytes().startswith(b"\x89PNG")
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"  # only the charts are replaced


def test_replace_without_plot_is_a_usage_error(cli):
    one_line_error(cli("signals", "--export", CHAT, "--me", "Sam", "--replace"), "--replace", "--plot")


@pytest.mark.parametrize("value", ["", "   "])
def test_an_empty_plot_folder_is_a_usage_error_like_an_empty_ics(cli, value):
    line = one_line_error(cli("signals", "--export", CHAT, "--me", "Sam", "--now", "2026-02-20T09:00", "--plot", value),
                          "--plot")
    assert "try 'olivebranch signals --help'" in line


def test_names_with_control_characters_are_shown_not_obeyed(cli, tmp_path):
    path = _bad(tmp_path, (
        "14/01/2026, 09:00 - Sam: hi, how are you?\n"
        "14/01/2026, 09:10 - Al\x1b[2Jex\x07: good, you?\n"
        "15/01/2026, 09:10 - Sam: fine\n"
    ).encode("utf-8"))
    r = cli("signals", "--export", path, "--me", "Sam", "--now", "2026-02-20T09:00")
    assert r.code == 0, r.err
    assert "\x1b" not in r.out and "\x07" not in r.out
    assert "Al\u241b[2Jex\u2407" in r.out
    line = one_line_error(cli("signals", "--export", path, "--me", "Nobody\x1b[2J"))
    assert "\x1b" not in line and "Al\u241b[2Jex\u2407" in line  # (--me is quoted as Python writes it: 'Nobody\\x1b[2J')


@pytest.mark.parametrize("columns", ["40", "80"])
def test_the_caveat_summary_and_table_titles_end_lines_without_spaces(cli, monkeypatch, columns):
    from olivebranch import messages

    monkeypatch.setenv("COLUMNS", columns)
    r = cli("signals", "--export", CHAT, "--me", "Sam", "--now", "2026-12-20T09:00")
    lines = r.out.splitlines()
    assert all(line == line.rstrip() and len(line) <= int(columns) for line in lines)
    assert any(line.strip() == "You (Sam) and Alex Kim" for line in lines)
    assert messages.SIGNALS_CAVEAT in " ".join(r.out.split())
    bullets = [i for i, line in enumerate(lines) if line.startswith("- ")]
    assert bullets and all(lines[i + 1].startswith(("  ", "- ", "These")) for i in bullets)


def test_help_says_where_support_goes_with_json_in_plain_words(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    out = " ".join(cli("signals", "--help").out.replace("│", " ").split())
    assert "SPEC" not in out
    assert "with --json, on standard error, so the JSON itself stays the same" in out


@pytest.mark.parametrize("name, content", [
    ("result.json", '{"name": "Alex", "type": "personal_chat", "id": 1, "messages": ['
                    '{"id": 1, "type": "message", "date": "0001-01-01T00:00:00", "from": "Sam", "text": "hi"}]}'),
    ("chat.md", "[0001-01-01 00:00:00] Sam: hi\n"),
    ("message_1.json", '{"participants": [{"name": "Sam"}], "messages": ['
                       '{"sender_name": "Sam", "timestamp_ms": -62135596800000, "content": "hi"}]}'),
])
def test_an_export_dated_in_year_1_is_one_line_and_exit_2(cli, tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    r = cli("signals", "--export", str(path), "--me", "Sam", "--now", "2026-06-01T10:00")
    one_line_error(r, "0001-01-01", "out of range (years 1900 to 2999)")
