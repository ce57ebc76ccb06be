"""The lexical detector: strong forms raise their flag alone, over the words that matter."""

import pytest

from olivebranch.check.codes import FLAGS
from olivebranch.check.patterns import PATTERN_CODES, PatternDetector
from olivebranch.check.text import Draft

STRONG = [
    ("answer me by tonight or we're done", "ultimatum", "or we're done"),
    ("reply or else", "ultimatum", "or else"),
    ("this is your last chance", "ultimatum", "last chance"),
    ("i want to kill myself", "self_harm", "kill myself"),
    ("sometimes i think about suicide", "self_harm", "suicid"),
    ("after everything I did for you", "guilt_trip", "after everything I did"),
    ("sorry you feel that way", "non_apology", "sorry you feel"),
    ("you owe me an answer", "entitlement", "you owe me"),
    ("I can't live without you", "begging", "live without you"),
]
# Messages that look risky but are fine (the hard negatives): no strong flag.
HARD_NEGATIVES = [
    "no pressure, no ultimatums",
    "if you ever want to talk I'm here",
    "I was a jerk and I'm sorry",
    "haha remember when you tried to cook pasta in the kettle",
    "whenever you're ready. no rush at all",
]


def hits(text: str):
    return PatternDetector().detect(Draft(text))


@pytest.mark.parametrize("text, code, words", STRONG)
def test_strong_forms(text, code, words):
    strong = [h for h in hits(text) if h.code == code and h.kind == "strong"]
    assert strong, hits(text)
    assert any(words.lower() in text[h.start:h.end].lower() for h in strong)


@pytest.mark.parametrize("text, code, words", STRONG)
def test_strong_forms_ignore_case(text, code, words):
    assert any(h.code == code and h.kind == "strong" for h in hits(text.upper()))


def test_curly_quotes_match_and_keep_offsets():
    text = "answer me by tonight or we\u2019re done"
    strong = [h for h in hits(text) if h.code == "ultimatum" and h.kind == "strong"]
    assert strong
    assert any(text[h.start:h.end] == "or we\u2019re done" for h in strong)


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negatives_raise_no_strong_flag(text):
    assert [h for h in hits(text) if h.kind == "strong" and h.code in FLAGS] == []


@pytest.mark.parametrize("text", [s[0] for s in STRONG] + HARD_NEGATIVES)
def test_hits_are_well_formed(text):
    for h in hits(text):
        assert h.code in PATTERN_CODES
        assert h.kind in ("strong", "evidence")
        assert 0 <= h.start < h.end <= len(text)


def test_no_mechanical_codes_among_patterns():
    assert "wall_of_text" not in PATTERN_CODES and "low_effort" not in PATTERN_CODES


def test_detect_returns_a_new_tuple_and_keeps_prior():
    draft, prior = Draft("you owe me an answer"), ()
    first = PatternDetector().detect(draft, prior)
    assert isinstance(first, tuple) and prior == ()
    assert PatternDetector().detect(draft, first) == first


def test_offsets_hold_when_lower_case_changes_the_length():
    # "İ".lower() is two characters; the detector falls back to case-insensitive
    # matching on the original text so spans still point at the right words.
    from olivebranch.check.patterns import PatternDetector
    from olivebranch.check.text import Draft

    text = "İstanbul was lovely. YOU OWE ME an explanation"
    hits = [h for h in PatternDetector().detect(Draft(text)) if h.code == "entitlement"]
    assert hits and text[hits[0].start:hits[0].end] == "YOU OWE ME"
