"""`olivebranch check`: readable output, --json, --jsonl, support first, and one-line errors."""

import json
import re

import pytest

from olivebranch import messages, support
from olivebranch.check import model as model_module
from olivebranch.check.codes import flag_info
from tests.conftest import one_line_error

ULTIMATUM = "answer me by tonight or we're done"
SELF_HARM = "i want to kill myself"
GOOD = "Hey Sam, I miss talking with you. How have you been?"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def flat(text: str) -> str:
    return " ".join(text.split())


# --- --json -------------------------------------------------------------------------------


def test_json_has_the_spec_shape(cli):
    res = cli("check", "--json", ULTIMATUM)
    assert res.code == 0, res.err
    assert res.err == ""
    data = json.loads(res.out)
    assert list(data) == ["verdict", "flags", "strengths", "rewrite", "resources"]
    assert data["verdict"] == "dont_send"
    codes = [f["code"] for f in data["flags"]]
    assert "ultimatum" in codes
    for f in data["flags"]:
        assert list(f) == ["code", "severity", "start", "end", "why", "sources", "suggestion"]
        assert 0 <= f["start"] < f["end"] <= len(ULTIMATUM)
    ult = next(f for f in data["flags"] if f["code"] == "ultimatum")
    assert ult["severity"] == "high" and "or we're done" in ULTIMATUM[ult["start"]:ult["end"]]
    assert data["rewrite"] and data["resources"] == []


def test_json_good_message(cli):
    data = json.loads(cli("check", "--json", GOOD).out)
    assert data["verdict"] == "send" and data["flags"] == [] and data["rewrite"] is None
    assert data["strengths"]


def test_json_self_harm_fills_resources(cli):
    data = json.loads(cli("check", "--json", SELF_HARM).out)
    assert data["verdict"] == "dont_send"
    assert "self_harm" in [f["code"] for f in data["flags"]]
    assert data["rewrite"] is None
    assert data["resources"] == [r.to_dict() for r in support.resources("self_harm")]
    assert data["resources"]


def test_stdin(cli):
    res = cli("check", "--json", "-", stdin=ULTIMATUM + "\n")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert data == json.loads(cli("check", "--json", ULTIMATUM).out)


def test_words_without_quotes_are_one_message(cli):
    assert json.loads(cli("check", "--json", "you", "owe", "me", "an", "answer").out) == \
        json.loads(cli("check", "--json", "you owe me an answer").out)


def test_long_text_is_checked_not_refused(cli):
    text = ("We used to walk to the market on Sundays and I still think of it. " * 200)[:10_001]
    res = cli("check", "--json", "-", stdin=text)
    assert res.code == 0, res.err
    assert "wall_of_text" in [f["code"] for f in json.loads(res.out)["flags"]]


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize("args, stdin", [
    (["check", ""], ""),
    (["check", "   "], ""),
    (["check", "--json", " \t "], ""),
    (["check", "-"], "  \n\n"),
    (["check", "--json", "-"], ""),
])
def test_empty_text_is_exit_2_one_line(cli, args, stdin):
    one_line_error(cli(*args, stdin=stdin), "empty")


@pytest.mark.parametrize("args, stdin", [
    (["check", "\u200b"], ""),
    (["check", "--json", "\ufeff\u2060"], ""),
    (["check", "-"], "\u200b\n"),
    (["check", "--json", "-"], "\u0301\u0308 \n"),
])
def test_only_invisible_characters_is_exit_2_with_the_empty_message(cli, args, stdin):
    empty = one_line_error(cli("check", ""), "empty")
    assert one_line_error(cli(*args, stdin=stdin)) == empty


def test_a_megabyte_draft_is_exit_2_one_line(cli):
    big = "I keep thinking about the summer we had. " * 25_000
    one_line_error(cli("check", "--json", "-", stdin=big), f"the draft is {len(big):,} characters long",
                   "drafts of up to 100,000 are checked")


def test_an_over_long_jsonl_line_is_an_error_line_and_the_rest_are_answered(cli, tmp_path):
    path = tmp_path / "drafts.jsonl"
    path.write_text(json.dumps({"id": 1, "text": "x" * 100_001}) + "\n" + json.dumps({"id": 2, "text": GOOD}) + "\n",
                    encoding="utf-8")
    res = cli("check", "--jsonl", str(path))
    first, second = (json.loads(line) for line in res.out.splitlines())
    assert first == {"id": 1, "error": "line 1: the draft is 100,001 characters long; drafts of up to 100,000 are "
                                       "checked (far more than one message needs), so paste just the message you "
                                       "are thinking of sending"}
    assert second["verdict"] == "send"


def test_jsonl_lines_end_only_at_a_newline(cli):
    # json.dumps(ensure_ascii=False) writes U+2028 and U+2029 as they are; they do not end a line.
    lines = [json.dumps({"id": 1, "text": "I miss you\u2028How have you been?"}, ensure_ascii=False),
             json.dumps({"id": 2, "text": "hey\u2029there"}, ensure_ascii=False), "\x0c", "nope"]
    res = cli("check", "--jsonl", "-", stdin="\r\n".join(lines) + "\r\n")
    rows = [json.loads(line) for line in res.out.splitlines()]
    assert [r["id"] for r in rows] == [1, 2, None]
    assert "error" not in rows[0] and "error" not in rows[1]
    assert rows[2]["error"].startswith("line 4: not valid JSON")


def test_stdin_that_is_not_utf8_is_exit_2_one_line(cli):
    # Python reads bytes that are not UTF-8 as unpaired surrogates ("\udcff").
    one_line_error(cli("check", "-", stdin="answer me \udcff\udcfe"), "not UTF-8")


def test_bytes_that_are_not_utf8_in_an_argument_or_a_json_line_are_checked_as_replacement_characters(cli, plain_env):
    res = cli("check", "caf\udce9. answer me now")
    assert res.code == 0, res.err
    assert "caf\ufffd." in res.out and "[[answer me" in res.out
    line = cli("check", "--jsonl", "-", stdin='{"id": 1, "text": "\\udcff answer me now"}\n')
    assert line.code == 0, line.err
    (flag,) = [f for f in json.loads(line.out)["flags"] if f["code"] == "pressure"]
    assert flag["start"] == 2  # offsets still count the replaced character


def test_no_text_is_a_usage_error(cli):
    one_line_error(cli("check"), "--jsonl", "--help")
    one_line_error(cli("check", "--json"), "--jsonl")


@pytest.mark.parametrize("args", [["-", "extra"], ["--json", "-", "and", "more"]])
def test_a_dash_with_more_words_is_a_usage_error_not_a_draft(cli, args):
    res = cli("check", *args, stdin="the draft on standard input\n")
    one_line_error(res, "'-'", "not both", "olivebranch check --help")


def test_text_and_jsonl_together(cli, tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": 1, "text": "hey"}\n', encoding="utf-8")
    one_line_error(cli("check", "hey", "--jsonl", str(path)), "not both")


def test_missing_jsonl_file(cli, tmp_path):
    one_line_error(cli("check", "--jsonl", str(tmp_path / "nope.jsonl")), "nope.jsonl")


def test_help(cli):
    res = cli("check", "--help")
    assert res.code == 0
    assert "Usage" in res.out and "TEXT" in res.out
    assert "--json" in res.out and "--jsonl" in res.out and "standard input" in res.out


def test_model_not_built_is_exit_2_one_line(cli, monkeypatch, tmp_path):
    monkeypatch.setattr(model_module, "model_dir", lambda: tmp_path)
    model_module.load.cache_clear()
    try:
        one_line_error(cli("check", "hey, how have you been?"), "make install")
        jsonl = tmp_path / "d.jsonl"
        jsonl.write_text('{"id": 1, "text": "how have you been?"}\n', encoding="utf-8")
        one_line_error(cli("check", "--jsonl", str(jsonl)), "make install")
    finally:
        model_module.load.cache_clear()


# --- --jsonl ----------------------------------------------------------------------------------


def test_jsonl_good_and_bad_lines_in_order(cli, tmp_path):
    lines = [
        json.dumps({"id": "m1", "text": ULTIMATUM}),
        "",
        "not json",
        json.dumps({"id": 2}),
        json.dumps({"id": "m3", "text": "   "}),
        "   ",
        json.dumps({"id": "m4", "text": SELF_HARM}),
        json.dumps(["m5", "hey"]),
        json.dumps({"text": "hey"}),
        json.dumps({"id": "m7", "text": 5}),
        json.dumps({"id": "m8", "text": GOOD}),
    ]
    path = tmp_path / "drafts.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = cli("check", "--jsonl", str(path))
    assert res.code == 0, res.err
    assert res.err == ""
    rows = [json.loads(line) for line in res.out.splitlines()]
    assert [r["id"] for r in rows] == ["m1", None, 2, "m3", "m4", None, None, "m7", "m8"]
    m1, bad_json, no_text, empty, m4, a_list, no_id, not_text, m8 = rows
    assert list(m1) == ["id", "verdict", "flags", "strengths", "rewrite", "resources"]
    assert m1["verdict"] == "dont_send" and "ultimatum" in [f["code"] for f in m1["flags"]]
    assert bad_json["error"].startswith("line 3: not valid JSON")
    assert no_text == {"id": 2, "error": "line 4: text: missing"}
    assert set(empty) == {"id", "error"} and empty["error"].startswith("line 5: the draft is empty")
    assert m4["resources"] and m4["rewrite"] is None
    assert set(a_list) == {"id", "error"} and a_list["error"].startswith("line 8:")
    assert no_id == {"id": None, "error": "line 9: id: missing"}
    assert set(not_text) == {"id", "error"} and not_text["error"].startswith("line 10: text:")
    assert m8["verdict"] == "send"
    for row in rows:
        assert "\n" not in row.get("error", "")
    assert [r["error"].split(":")[0] for r in rows if "error" in r] == [f"line {n}" for n in (3, 4, 5, 8, 9, 10)]


def test_jsonl_matches_json(cli):
    line = json.dumps({"id": "x", "text": ULTIMATUM})
    row = json.loads(cli("check", "--jsonl", "-", stdin=line).out)
    assert row.pop("id") == "x"
    assert row == json.loads(cli("check", "--json", ULTIMATUM).out)


def test_jsonl_empty_input_prints_nothing(cli):
    res = cli("check", "--jsonl", "-", stdin="\n  \n")
    assert (res.code, res.out) == (0, "")


# --- readable output ----------------------------------------------------------------------


def test_readable_revise_shows_verdict_flags_and_rewrite(cli, plain_env):
    res = cli("check", ULTIMATUM)
    assert res.code == 0, res.err
    out = flat(res.out)
    assert res.out.startswith(messages.CHECK_HEADLINE["dont_send"])
    assert "[[" in res.out and "or we're done]]" in res.out
    assert "An ultimatum" in out and "Try this: Drop the deadline." in out and "(S4, S2)" in out
    assert messages.CHECK_REWRITE_TITLE in out
    assert support.resources("self_harm")[0].name not in out
    assert not ANSI.search(res.out)
    assert all(line == line.rstrip() for line in res.out.splitlines())


def test_readable_explains_each_code_once_and_quotes_all_its_words(cli, plain_env):
    res = cli("check", "you always lie. you never listen")
    out = flat(res.out)
    assert out.count("Blame or criticism") == 1
    assert "Blame or criticism: “you always lie”, “you never listen”" in out
    assert out.count("Try this: Talk about your side instead") == 1


def test_readable_flag_headings_that_wrap_keep_their_indent(cli, plain_env, monkeypatch):
    monkeypatch.setenv("COLUMNS", "50")
    res = cli("check", "you always make everything about yourself. you never listen to a single word i say")
    section = res.out.split(messages.CHECK_FLAGS_TITLE)[1].split("\n\n")[0]
    lines = section.strip("\n").splitlines()
    assert any(line.startswith("  • ") for line in lines)
    assert all(line.startswith(("  • ", "    ")) and len(line) <= 50 for line in lines)


@pytest.mark.parametrize("columns", ["20", "30", "40"])
def test_a_narrow_terminal_gets_the_message_wrapped_once_and_indented(cli, plain_env, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    res = cli("check", "You never make time for me anymore. Answer me.")
    lines = res.out.splitlines()
    message = lines[lines.index(messages.CHECK_MESSAGE_TITLE) + 1:]
    message = message[:message.index("")]
    assert len(message) > 1 and all(line.startswith("  ") and len(line) <= int(columns) for line in message)
    assert "[[You never make time for me anymore]]" in flat(res.out)
    assert all(line == line.rstrip() and len(line) <= int(columns) for line in lines)


def test_readable_quotes_the_same_words_once_and_at_most_three(cli, plain_env):
    out = flat(cli("check", "you always lie. you never listen. you always lie. you never call. you always forget").out)
    assert out.count("“you always lie”") == 1
    assert "“you always lie”, “you never listen”, “you never call” " + messages.CHECK_MORE_QUOTES.format(n=1) in out


LONG_DIG = "I guess I'm just not worth a reply, which is fine, you clearly have better things to do than answer me"


@pytest.mark.parametrize("limit", [8, 12, 20, 37, 60])
def test_a_long_quote_is_cut_where_a_word_ends(limit):
    from olivebranch.cli.check import _shorten

    short = _shorten(LONG_DIG, limit)
    kept = short.removesuffix("…")
    assert short.endswith("…") and len(short) <= limit
    assert LONG_DIG.startswith(kept) and LONG_DIG[len(kept)] in " ,"  # no word cut through, no comma before "…"


def test_a_single_word_longer_than_a_quote_is_still_cut():
    from olivebranch.cli.check import _shorten

    assert _shorten("a" * 70, 60) == "a" * 59 + "…"
    assert _shorten("short enough", 60) == "short enough"


def test_readable_quotes_of_long_spans_end_on_a_whole_word(cli, plain_env):
    out = flat(cli("check", LONG_DIG).out)
    quotes = re.findall(r"“([^”]*)…”", out)
    assert quotes, out
    for quote in quotes:
        assert LONG_DIG.startswith(quote) and LONG_DIG[len(quote)] in " ,", quote


def test_readable_send(cli, plain_env):
    res = cli("check", GOOD)
    out = flat(res.out)
    assert res.out.startswith(messages.CHECK_HEADLINE["send"])
    assert "[[" not in res.out and GOOD in out
    assert messages.CHECK_STRENGTHS_TITLE in out
    assert messages.CHECK_REWRITE_TITLE not in out


def test_readable_low_effort(cli, plain_env):
    out = cli("check", "hey").out
    assert out.startswith(messages.CHECK_HEADLINE["revise"])
    assert "[[hey]]" in out


def test_readable_self_harm_shows_support_before_anything_else(cli, plain_env):
    res = cli("check", SELF_HARM)
    assert res.code == 0
    out = flat(res.out)
    assert out.startswith(f"{messages.SUPPORT_TITLE} {flat(support.SELF_HARM_INTRO)}")
    kind_line = out.index(flat(messages.AFTER_SUPPORT))
    for res_ in support.resources("self_harm"):
        assert res_.name in out and out.index(res_.name) < kind_line
    assert messages.CHECK_REWRITE_TITLE not in out


# Crisis words with other flags about the wording beside them: a guilt trip and sarcasm.
CRISIS_AND_MORE = "I'll just kill myself then, happy?"


def test_readable_self_harm_shows_support_and_one_kind_line_and_no_coaching(cli, plain_env):
    data = json.loads(cli("check", "--json", CRISIS_AND_MORE).out)
    assert data["resources"] and len({f["code"] for f in data["flags"]}) > 1  # the check finds more than self_harm
    out = flat(cli("check", CRISIS_AND_MORE).out)
    assert out.startswith(messages.SUPPORT_TITLE)
    kind_line = flat(messages.AFTER_SUPPORT)
    assert out.endswith(f"{kind_line} {messages.CHECK_CRISIS_WORDS.format(words='“kill myself then”')} "
                        f"{messages.CHECK_CRISIS_REST}")
    for shown in (messages.CHECK_FLAGS_TITLE, messages.CHECK_MESSAGE_TITLE, messages.CHECK_REWRITE_TITLE,
                  messages.CHECK_STRENGTHS_TITLE, messages.CHECK_HEADLINE["dont_send"], "Try this", "[["):
        assert shown not in out
    for flag in data["flags"]:
        assert flag_info(flag["code"]).title not in out and flat(flag["suggestion"]) not in out


def test_all_shows_the_rest_of_the_check_after_the_support(cli, plain_env):
    out = flat(cli("check", "--all", CRISIS_AND_MORE).out)
    assert out.startswith(messages.SUPPORT_TITLE)
    rest = out.index(messages.CHECK_HEADLINE["dont_send"])
    assert out.index(flat(messages.AFTER_SUPPORT)) < rest
    assert messages.CHECK_CRISIS_REST not in out
    assert "[[" in out[rest:] and messages.CHECK_FLAGS_TITLE in out[rest:]


def test_the_words_paused_on_are_quoted_without_the_full_stop_that_ends_them(cli, plain_env):
    out = flat(cli("check", "cant do this anymore. goodbye.").out)
    assert "paused on these words: “" in out and ".”" not in out


def test_check_and_why_give_the_same_support_after_crisis_words(cli, plain_env):
    checked, why = cli("check", CRISIS_AND_MORE).out, cli("why", "i want to kill myself").out
    assert checked.startswith(why)
    assert checked[len(why):].strip().startswith(messages.CHECK_CRISIS_WORDS.split(":")[0])


def test_readable_wall_of_text_is_named_not_marked(cli, plain_env):
    text = " ".join(["We walked by the river and talked for hours about nothing."] * 9)
    out = cli("check", text).out
    assert "A wall of text" in out and messages.CHECK_WHOLE_MESSAGE in out


ESCAPES = "you never listen\x1b[2J\x1b]0;PWNED\x07 answer me\x9b31m\rnow"


def test_control_characters_in_a_draft_are_shown_not_obeyed(cli, plain_env):
    res = cli("check", ESCAPES)
    assert res.code == 0, res.err
    assert not any(ord(c) < 0x20 and c != "\n" or 0x7F <= ord(c) < 0xA0 for c in res.out), repr(res.out)
    assert "[[you never listen]]\u241b[2J\u241b]0;PWNED\u2407" in res.out  # the spans still fall on the right words
    assert "answer me" in res.out


def test_control_characters_in_a_draft_are_shown_not_obeyed_in_colour_too(cli, monkeypatch, plain_env):
    monkeypatch.setenv("FORCE_COLOR", "1")
    res = cli("check", ESCAPES)
    assert ANSI.search(res.out)
    bare = ANSI.sub("", res.out)  # only olivebranch's own colours are escape sequences
    assert "\x1b" not in bare and "\x07" not in bare and "\x9b" not in bare and "\r" not in bare
    assert "you never listen\u241b[2J\u241b]0;PWNED\u2407" in bare


def test_control_characters_in_json_are_escaped_and_the_spans_unchanged(cli):
    res = cli("check", "--json", ESCAPES)
    assert "\x1b" not in res.out and "\x9b" not in res.out
    data = json.loads(res.out)
    blame = next(f for f in data["flags"] if f["code"] == "blame")
    assert ESCAPES[blame["start"]:blame["end"]] == "you never listen"


def test_colour_in_a_terminal(cli, monkeypatch, plain_env):
    monkeypatch.setenv("FORCE_COLOR", "1")
    res = cli("check", ULTIMATUM)
    assert ANSI.search(res.out)
    assert "[[" not in res.out
    assert "or we're done" in ANSI.sub("", res.out)


def test_a_flag_headings_colour_stops_at_its_title(cli, monkeypatch, plain_env):
    monkeypatch.setenv("FORCE_COLOR", "1")
    line = next(line for line in cli("check", "you never listen").out.splitlines() if "Blame or criticism" in line)
    title, rest = line.split("Blame or criticism")
    assert ANSI.search(title)  # the title is in colour
    assert re.fullmatch(r"(\x1b\[0m)?: “you never listen”", rest), repr(rest)  # the quoted words are not


def test_no_color_gives_plain_markers_even_in_a_terminal(cli, monkeypatch, plain_env):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    res = cli("check", ULTIMATUM)
    assert "[[" in res.out and "]]" in res.out
    assert not re.search(r"\x1b\[[0-9;]*3[0-7]m", res.out)  # no foreground colour


def test_a_terminal_without_colours_gets_plain_markers(cli, monkeypatch, plain_env):
    monkeypatch.setenv("FORCE_COLOR", "1")  # a terminal, as under `script`
    monkeypatch.setenv("TERM", "dumb")  # that shows no colour
    res = cli("check", ULTIMATUM)
    assert "[[" in res.out and "or we're done]]" in res.out
    assert not ANSI.search(res.out)


def test_readable_self_harm_does_not_praise_the_wording(cli, plain_env):
    text = "i miss you so much. i don't want to be here anymore"
    assert json.loads(cli("check", "--json", text).out)["strengths"]  # the check does find a strength
    out = flat(cli("check", text).out)
    assert out.startswith(messages.SUPPORT_TITLE)
    assert messages.CHECK_STRENGTHS_TITLE not in out


def test_the_cli_does_not_call_a_draft_it_cannot_read_fine_to_send(cli, plain_env):
    text = "si no me contestas hoy terminamos, te lo juro"
    note = messages.CHECK_OTHER_LANGUAGE.format(language="Spanish")
    res = cli("check", text)
    out = " ".join(res.out.split())
    assert res.code == 0 and out.startswith(f"{messages.CHECK_OTHER_LANGUAGE_HEADLINE} {note}")
    assert messages.CHECK_HEADLINE["send"] not in out
    res = cli("check", "--json", text)
    assert json.loads(res.out)["verdict"] == "send"  # SPEC 5's shape, unchanged
    assert " ".join(res.err.split()) == note


HINGLISH = "yaar kitne din ho gaye, kaisa hai tu? miss u bro"


def test_a_draft_in_a_language_it_cannot_name_is_another_language_and_gets_no_praise(cli, plain_env):
    assert json.loads(cli("check", "--json", HINGLISH).out)["strengths"]  # the check does find some
    note = messages.CHECK_OTHER_LANGUAGE.format(language=messages.CHECK_UNNAMED_LANGUAGE)
    out = flat(cli("check", HINGLISH).out)
    assert out.startswith(f"{messages.CHECK_OTHER_LANGUAGE_HEADLINE} {note}")
    assert "Tagalog" not in out and messages.CHECK_STRENGTHS_TITLE not in out
    assert flat(cli("check", "--json", HINGLISH).err) == note


def test_a_draft_in_another_language_gets_no_gentler_version_in_english(cli, plain_env):
    text = "??? contéstame ya, por qué no me respondes"
    data = json.loads(cli("check", "--json", text).out)
    assert data["verdict"] == "revise" and data["rewrite"]  # SPEC 5's JSON still has one
    out = flat(cli("check", text).out)
    assert messages.CHECK_OTHER_LANGUAGE.format(language="Spanish") in out
    assert messages.CHECK_FLAGS_TITLE in out  # what it did find, it shows
    assert messages.CHECK_REWRITE_TITLE not in out and data["rewrite"] not in out


def test_readable_no_contact_says_so_and_offers_no_wording(cli, plain_env):
    out = flat(cli("check", "i know you said no contact but you need to answer me right now").out)
    assert out.startswith(f"{messages.CHECK_HEADLINE['revise']} {flat(messages.CHECK_NO_CONTACT)}")
    assert messages.CHECK_REWRITE_TITLE not in out
    kind = flat(cli("check", "You asked me to stop texting, so I will. Take care of yourself.").out)
    assert kind.startswith(f"{messages.CHECK_NO_CONTACT_HEADLINE} {flat(messages.CHECK_NO_CONTACT)}")
    assert messages.CHECK_HEADLINE["send"] not in kind


def test_the_notes_say_what_their_source_ids_stand_for(cli, plain_env):
    from olivebranch.sources import sources

    out = flat(cli("check", "Hi Alex. You never make time for me anymore. Answer me by Friday or we're done.").out)
    shown = sorted(set(re.findall(r"\b(S\d)\b", out.split(messages.CHECK_FLAGS_TITLE)[1].split("The ids")[0])))
    assert shown
    for sid in shown:
        assert f"{sid}, “{sources()[sid].title}”" in out
    assert "S0," not in out  # only the ids the notes cite
