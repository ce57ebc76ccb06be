"""Shared CLI helpers: files of a person's own data are written for their eyes only; input files are read kindly."""

import io
import json
import os
import stat
import sys

import pytest

from olivebranch.cli.output import console, read_json, read_text, write_private
from tests.conftest import REPO, one_line_error


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_file_is_0600_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        write_private(tmp_path / "answers.json", b"{}")
    finally:
        os.umask(old)
    assert mode(tmp_path / "answers.json") == 0o600
    assert (tmp_path / "answers.json").read_bytes() == b"{}"


def test_an_existing_file_is_replaced_and_made_private(tmp_path):
    path = tmp_path / "plan.ics"
    path.write_bytes(b"an older, longer plan")
    path.chmod(0o644)
    write_private(str(path), b"new")
    assert path.read_bytes() == b"new" and mode(path) == 0o600


def test_a_folder_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        write_private(tmp_path, b"x")


# --- reading input --------------------------------------------------------------------------


def test_a_file_saved_with_a_byte_order_mark_reads_as_its_text(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text('{"want": "friends"}\n', encoding="utf-8-sig")  # as Notepad or PowerShell 5.1 save it
    assert read_text(str(path)) == '{"want": "friends"}\n'
    assert read_json(str(path)) == {"want": "friends"}


def test_standard_input_with_a_byte_order_mark_reads_as_its_text(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO('\ufeff{"want": "friends"}'))
    assert read_json("-") == {"want": "friends"}


# --- width ------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", ["0", "5"])
@pytest.mark.parametrize(
    "args",
    [
        ("check", "you never listen"),
        ("plan", "--answers", str(REPO / "examples" / "answers.json"), "--start", "2026-03-02"),
        ("timing", "--scenario", str(REPO / "tests" / "fixtures" / "timing" / "spec_example.json")),
        ("why", "jealousy"),
    ],
)
def test_a_width_too_narrow_to_read_is_taken_as_the_default(cli, monkeypatch, columns, args):
    monkeypatch.setenv("COLUMNS", columns)
    assert console().width == 80
    res = cli(*args)
    assert res.code == 0, res.err
    assert res.out.strip() and max(map(len, res.out.splitlines())) <= 80


# --- a closed standard input (`olivebranch check - <&-`) -----------------------------------


class BrokenStdin(io.StringIO):
    """A standard input the system refuses to read (EBADF: its descriptor is not open for reading)."""

    def read(self, *args):
        raise OSError(9, "Bad file descriptor")


def closed_stdin() -> io.StringIO:
    stream = io.StringIO("never read")
    stream.close()
    return stream


@pytest.mark.parametrize("stdin", [None, closed_stdin(), BrokenStdin()], ids=["none", "closed", "oserror"])
def test_standard_input_that_cannot_be_read_is_an_input_error(monkeypatch, stdin):
    from olivebranch.errors import InputError

    monkeypatch.setattr("sys.stdin", stdin)
    with pytest.raises(InputError, match="standard input"):
        read_text("-", "draft")


@pytest.mark.parametrize(
    "args",
    [
        ("check", "-"),
        ("check", "--json", "-"),
        ("check", "--jsonl", "-"),
        ("timing", "--scenario", "-"),
        ("timing", "--jsonl", "-"),
        ("start", "--today", "2026-03-02", "--timezone", "UTC"),
        ("assess", "--today", "2026-03-02"),
        ("assess", "--json", "--today", "2026-03-02"),
    ],
)
@pytest.mark.parametrize("stdin", [None, closed_stdin()], ids=["none", "closed"])
def test_every_command_that_reads_standard_input_says_it_is_closed_in_one_line(cli, args, stdin):
    one_line_error(cli(*args, stdin=stdin), "standard input is closed")


# --- control characters in the user's own text ------------------------------------------------


def test_visible_shows_every_control_character_as_one_harmless_character():
    from olivebranch.cli.output import visible

    controls = "".join(map(chr, [*range(0x20), 0x7F, *range(0x80, 0xA0)]))
    shown = visible(controls)
    assert len(shown) == len(controls)  # flags' spans still index the text
    assert shown[0x1B] == "\u241b" and shown[0x07] == "\u2407" and shown[0x00] == "\u2400"  # ␛ ␇ ␀
    assert shown[0x20] == "\u2421"  # DEL: ␡
    assert shown[9] == "\t" and shown[10] == "\n"  # kept: they lay text out, they don't command the terminal
    assert not any(0x7F <= ord(c) < 0xA0 or (ord(c) < 0x20 and c not in "\t\n") for c in shown)
    assert visible("Zoë 😊 „hi“ – ok\u00a0") == "Zoë 😊 „hi“ – ok\u00a0"


def test_json_output_escapes_del_and_c1_controls_and_keeps_the_data(capsys):
    from olivebranch.cli.output import print_json

    data = {"text": "a\x1b[2J\x7f\x9b31m\x85b é"}
    print_json(data)
    out = capsys.readouterr().out
    assert not any(0x7F <= ord(c) < 0xA0 or (ord(c) < 0x20 and c != "\n") for c in out)
    assert json.loads(out) == data and "é" in out


def test_an_error_quoting_the_users_words_shows_their_controls_harmlessly(cli):
    line = one_line_error(cli("why", "x\x1b]0;PWNED\x07\x9b2J"))
    assert "x\u241b]0;PWNED\u2407\ufffd2J" in line


# --- layout: fit the width, hang wrapped lines, no spaces at line ends ----------------------------

EXAMPLE = str(REPO / "examples" / "answers.json")
CHAT = str(REPO / "tests" / "fixtures" / "chats" / "whatsapp_android_24h.txt")
SCENARIO = REPO / "tests" / "fixtures" / "timing" / "spec_example.json"
THEIR_MOVE = {
    "now": "2026-03-30T10:00:00+00:00", "timezone": "Europe/London",
    "events": [{"at": "2026-03-01T09:00:00+00:00", "from": "me", "kind": "message", "open_door": True}],
}
THREATS = {"relationship": "ex", "what_happened": "fight", "happened_on": "2026-03-01", "red_flags": ["threats"]}
READABLE = {
    "check": lambda tmp: ["check", "You never make time for me anymore. Answer me. I don't want to be here anymore."],
    "check-send": lambda tmp: ["check", "Hey Sam, I miss talking with you. How have you been since the move?"],
    "timing-wait": lambda tmp: ["timing", "--scenario", str(SCENARIO)],
    "timing-their-move": lambda tmp: ["timing", "--scenario", _write(tmp, THEIR_MOVE)],
    "why": lambda tmp: ["why", "jealousy"],
    "why-list": lambda tmp: ["why", "--list"],
    "signals": lambda tmp: ["signals", "--export", CHAT, "--me", "Sam", "--now", "2027-12-01T10:00"],
    "assess": lambda tmp: ["assess", "--answers", EXAMPLE, "--today", "2026-03-02"],
    "assess-stop": lambda tmp: ["assess", "--answers", _write(tmp, THREATS), "--today", "2026-03-02"],
    "plan": lambda tmp: ["plan", "--answers", EXAMPLE, "--start", "2026-03-02", "--timezone", "Europe/London"],
}


def _write(tmp_path, data) -> str:
    path = tmp_path / "input.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def assert_fits(out: str, width: int) -> None:
    from rich.cells import cell_len

    for line in out.splitlines():
        assert line == line.rstrip(), f"a space at the end of {line!r}"
        assert cell_len(line) <= width, f"wider than {width}: {line!r}"


@pytest.mark.parametrize("columns", [20, 30, 40, 80, 300])
@pytest.mark.parametrize("name", list(READABLE))
def test_readable_output_fits_any_width_and_no_line_ends_in_a_space(cli, monkeypatch, tmp_path, plain_env, name, columns):
    from olivebranch.cli.output import MAX_WIDTH

    monkeypatch.setenv("COLUMNS", str(columns))
    res = cli(*READABLE[name](tmp_path))
    assert res.code == 0, res.err
    assert_fits(res.out, min(columns, MAX_WIDTH))


def test_prose_is_capped_at_a_readable_width_on_a_wide_terminal(cli, monkeypatch):
    from olivebranch.cli.output import MAX_WIDTH

    monkeypatch.setenv("COLUMNS", "300")
    assert console().width == MAX_WIDTH <= 100
    out = cli("check", "You never make time for me anymore. Answer me.").out
    assert max(map(len, out.splitlines())) > 80  # the cap is not the old default


class EchoedStdin(io.StringIO):
    """Typed lines, shown where they were typed, as a terminal echoes them."""

    def readline(self, *args):
        line = super().readline(*args)
        sys.stdout.write(line)
        return line


@pytest.mark.parametrize("columns", ["30", "40", "80"])
def test_the_start_questions_fit_and_no_line_ends_in_a_space(cli, monkeypatch, plain_env, columns):
    monkeypatch.setenv("COLUMNS", columns)
    res = cli("start", "--today", "2026-03-02", "--timezone", "Europe/London", stdin=EchoedStdin("\n" * 11))
    assert res.code == 0, res.err
    # A prompt's last line ends in ": ", where the person types (here, Enter only).
    shown = "\n".join(line.removesuffix(": ") for line in res.out.splitlines())
    assert_fits(shown, int(columns))
    assert res.out.startswith("Let's look at what happened")
