"""`olivebranch why TACTIC`: text, JSON, --list and one-line errors."""

import json

import pytest

from olivebranch import messages, support, tactics
from tests.conftest import one_line_error


def test_why_prints_a_verdict_and_the_sources(cli):
    res = cli("why", "jealousy")
    assert res.code == 0, res.err
    assert "olivebranch leaves this out" in res.out
    assert "S2.18" in res.out and "S3.16" in res.out and "S4.avoid.2.jealousy_date" in res.out
    assert res.err == ""


def test_why_recommends_and_with_care(cli):
    assert "olivebranch recommends this" in cli("why", "apology").out
    assert "with care" in cli("why", "double", "texting").out


def test_several_words_are_joined(cli):
    res = cli("why", "hot", "and", "cold")
    assert res.code == 0, res.err
    assert res.out.startswith("hot-and-cold")


def test_json_shape(cli):
    res = cli("why", "double text", "--json")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert data["tactic"] == "double-text"
    assert data["stance"] == "with_care"
    assert set(data) >= {"aliases", "verdict", "summary", "for", "against", "related", "resources"}
    assert "S1" in {c["source"] for c in data["against"]}
    assert all(set(r) >= {"id", "kind", "text", "why", "sources"} for r in data["related"])


def test_unknown_tactic_is_one_line_and_exit_2(cli):
    res = cli("why", "ultimatim")
    assert res.code == 0  # a near miss is understood
    res = cli("why", "flowers")
    assert res.code == 2
    assert res.out == ""
    assert len(res.err.strip().splitlines()) == 1
    assert "flowers" in res.err and "--list" in res.err


def test_no_tactic_is_a_one_line_error(cli):
    res = cli("why")
    assert res.code == 2
    assert len(res.err.strip().splitlines()) == 1


def test_list(cli):
    res = cli("why", "--list")
    assert res.code == 0
    for name in tactics.names():
        assert name in res.out


def test_list_with_a_tactic_is_a_one_line_usage_error(cli):
    for args in (["--list", "jealousy"], ["jealousy", "--list", "--json"]):
        res = cli("why", *args)
        one_line_error(res, "give either a tactic or --list, not both", "olivebranch why --help")


def test_list_json(cli):
    data = json.loads(cli("why", "--list", "--json").out)
    assert [d["name"] for d in data] == list(tactics.names())
    assert {d["stance"] for d in data} <= set(tactics.STANCES)


@pytest.mark.parametrize("words", [
    ["kill myself"], ["suicide"], ["thinking", "of", "unaliving", "myself"], ["i want to die"],  # crisis words
    ["hurt", "myself"], ["self-harm", "threat"], ["self-harm"],                                 # the tactic's names
])
def test_after_support_only_a_gentle_line_follows(cli, words):
    """Support first, then one kind line: no cross, no 'leaves this out', nothing that reads as a rebuff."""
    res = cli("why", *words)
    assert res.code == 0 and res.err == ""
    flat = " ".join(res.out.split())
    block = support.block("self_harm")
    shown = [messages.SUPPORT_TITLE, block.intro] + [f"• {r.name}: {r.contact}. {r.note}" for r in block.resources]
    assert flat == " ".join(shown + [messages.AFTER_SUPPORT])
    for unkind in ("✗", "leaves this out", "no tactic", "None of the sources", "left out"):
        assert unkind not in res.out


@pytest.mark.parametrize("words", [["kill myself"], ["suicide"], ["thinking", "of", "unaliving", "myself"]])
def test_a_sign_of_self_harm_is_answered_with_support_first_not_an_error(cli, words):
    res = cli("why", *words)
    assert res.code == 0 and res.err == ""
    assert " ".join(res.out.split()).startswith(f"{messages.SUPPORT_TITLE} {support.SELF_HARM_INTRO}")
    assert res.out.rstrip().endswith(" ".join(messages.AFTER_SUPPORT.split()[-4:]))
    data = json.loads(cli("why", *words, "--json").out)
    assert list(data)[0] == "resources"
    assert data["resources"] == [r.to_dict() for r in support.resources("self_harm")]


def test_json_puts_resources_first_even_when_there_are_none(cli):
    data = json.loads(cli("why", "jealousy", "--json").out)
    assert list(data)[0] == "resources" and data["resources"] == []


@pytest.mark.parametrize("columns, indent", [("20", 4), ("40", 19)])
def test_list_verdicts_that_wrap_stay_indented_without_trailing_spaces(cli, monkeypatch, columns, indent):
    monkeypatch.setenv("COLUMNS", columns)
    lines = cli("why", "--list").out.splitlines()
    assert all(line == line.rstrip() and len(line) <= int(columns) for line in lines)
    first = next(i for i, line in enumerate(lines) if line.startswith("  "))
    last = max(i for i, line in enumerate(lines) if line.startswith("  "))
    entries = lines[first:last + 1]
    continued = [line for line in entries if not line.startswith(("  ✓ ", "  ✗ ", "  ~ "))]
    assert continued and all(line.startswith(" " * indent) and line[indent] != " " for line in continued), entries


def test_help_names_the_argument_tactic_without_a_type(cli):
    out = cli("why", "--help").out
    assert "[TACTIC]" in out and "<str>" not in out
    assert any(line.split()[:2] == ["│", "TACTIC"] for line in out.splitlines())
