"""Cutting a draft into plain and flagged pieces, and plain [[markers]]."""

from olivebranch.check.highlight import Segment, marked, segments
from olivebranch.check.result import Flag


def flag(code, start, end, severity="high"):
    return Flag(code, severity, start, end, "why", ("S1",), "instead")


TEXT = "answer me by tonight or we're done"


def test_no_flags_is_one_plain_piece():
    assert segments(TEXT, ()) == (Segment(TEXT),)
    assert marked(TEXT, ()) == TEXT


def test_pieces_join_back_to_the_text():
    flags = [flag("pressure", 0, 9, "medium"), flag("ultimatum", 10, 34)]
    pieces = segments(TEXT, flags)
    assert "".join(p.text for p in pieces) == TEXT
    assert [(p.text, p.codes, p.severity) for p in pieces] == [
        ("answer me", ("pressure",), "medium"), (" ", (), None), ("by tonight or we're done", ("ultimatum",), "high"),
    ]
    assert marked(TEXT, flags) == "[[answer me]] [[by tonight or we're done]]"


def test_overlapping_flags_make_one_marked_run_with_the_highest_severity():
    flags = [flag("pressure", 0, 20, "medium"), flag("ultimatum", 10, 34)]
    pieces = segments(TEXT, flags)
    assert [p.codes for p in pieces] == [("pressure",), ("pressure", "ultimatum"), ("ultimatum",)]
    assert pieces[1].severity == "high" and pieces[0].severity == "medium"
    assert marked(TEXT, flags) == f"[[{TEXT}]]"


def test_a_flag_in_the_middle():
    text = "hey. you owe me an answer. bye"
    assert marked(text, [flag("entitlement", 5, 15, "medium")]) == "hey. [[you owe me]] an answer. bye"


def test_whole_draft_flags_are_not_marked():
    text = "word " * 81
    assert marked(text, [flag("wall_of_text", 0, len(text) - 1, "low")]) == text
    assert marked(text, [flag("wall_of_text", 0, 4, "low")], skip=()) == "[[word]]" + text[4:]


def test_spans_outside_the_text_are_ignored():
    assert marked("hey", [flag("low_effort", 0, 10, "low"), flag("blame", 2, 2)]) == "hey"


def test_custom_markers():
    assert marked("hey", [flag("low_effort", 0, 3, "low")], "<", ">") == "<hey>"
