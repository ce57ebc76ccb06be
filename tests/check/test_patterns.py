"""The lexical detector: strong forms raise their flag alone, over the words that matter."""

import math
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from olivebranch.check import patterns as patterns_module
from olivebranch.check.codes import FLAGS
from olivebranch.check.corpus import load
from olivebranch.check.patterns import _patterns, PATTERN_CODES, PatternDetector, Prefilter, required_strings
from olivebranch.check.text import Draft
from tests.conftest import REPO

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


@pytest.mark.parametrize(("text", "code", "words"), [
    ("hey\nhello??\nwhy aren't you answering", "pressure", "why aren't you answering"),
    ("You broke my heart and you don't even care.", "blame", "You broke"),
    ("you hurt me so much", "blame", "you hurt"),
])
def test_a_span_is_whole_words_without_spaces_at_its_ends(text, code, words):
    assert words in [text[h.start:h.end] for h in hits(text) if h.code == code]


def test_every_span_in_the_corpus_is_whole_words():
    for example in load(REPO / "corpus"):
        text = example.text
        for h in hits(text):
            assert not text[h.start].isspace() and not text[h.end - 1].isspace(), (text, h)
            assert h.end == len(text) or not (text[h.end - 1].isalnum() and text[h.end].isalnum()), (text, h)


@pytest.mark.parametrize("text", [
    "None of this was your fault. I'm sorry.", "I know you never meant to hurt me. I miss you.",
    "I never said it was your fault", "you never judged me, thank you",
])
def test_blame_taken_back_is_no_blame(text):
    assert [h for h in hits(text) if h.code == "blame"] == []


@pytest.mark.parametrize("text", ["it was your fault", "this was your fault and you know it", "you never listen"])
def test_blame_itself_still_is(text):
    assert [h for h in hits(text) if h.code == "blame"]


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


# --- the prefilter: it skips only the groups that cannot match --------------------------

FILTERED = PatternDetector(Prefilter(build_after=0))
UNFILTERED = PatternDetector(Prefilter(build_after=math.inf))


def every_pattern() -> list[str]:
    """Every pattern in patterns.toml, its macros expanded, as the detector compiles it."""
    return [p.regex.pattern for p in _patterns()]


@pytest.mark.parametrize("pattern, strings", [
    (r"\b(?:kill|hurt) myself\b", {"kill myself", "hurt myself"}),
    (r"(?<!no )pressure(?! free)", {"pressure"}),
    (r"\bi'?m sorry\b", {"im sorry", "i'm sorry"}),
    (r"(?:ab)+\w*c", {"ab"}),
    (r"(?:or|and) else|x\d+", {"or else", "and else", "x"}),
])
def test_required_strings(pattern, strings):
    assert required_strings(re.compile(pattern)) == strings


@pytest.mark.parametrize("pattern", [r"\w+", r"sorry|\d", r"(?:sorry)?", "(?i)sorry", r"(\w)\1"])
def test_no_required_strings_when_a_match_can_do_without(pattern):
    assert required_strings(re.compile(pattern)) is None


def test_every_pattern_gets_strings():
    # Not needed for exactness (a pattern without strings is always scanned), but
    # a new pattern with no fixed text would quietly slow every check down.
    assert [p.regex.pattern for p in patterns_module._patterns() if not required_strings(p.regex)] == []


def test_a_pattern_without_strings_is_always_scanned(monkeypatch):
    patterns = (patterns_module._Pattern("sarcasm", False, re.compile(r"\w+!")),
                patterns_module._Pattern("apology", False, re.compile(r"\bsorry\b")))
    monkeypatch.setattr(patterns_module, "_patterns", lambda ignore_case=False: patterns)
    prefilter = Prefilter(build_after=0)
    assert prefilter.patterns_for("thanks!") == 0b01
    assert prefilter.patterns_for("so sorry!") == 0b11


def test_without_re_parser_every_group_is_scanned(monkeypatch):
    # re's parser is private; if a Python drops or reshapes it, the check loses speed, not hits.
    monkeypatch.setattr(patterns_module, "sre_parse", None)
    assert required_strings(re.compile(r"\bsorry\b")) is None
    detector = PatternDetector(Prefilter(build_after=0))
    draft = Draft("after everything i did for you, answer me")
    assert detector.detect(draft) == UNFILTERED.detect(draft) != ()


def test_a_parse_tree_of_another_shape_gives_no_strings(monkeypatch):
    class Reshaped:
        @staticmethod
        def parse(pattern, flags):
            return object()  # no .state, no nodes as expected
    monkeypatch.setattr(patterns_module, "sre_parse", Reshaped)
    assert required_strings(re.compile(r"\bsorry\b")) is None


def test_built_only_after_enough_texts():
    prefilter = Prefilter(build_after=2)
    assert prefilter.patterns_for("hello") == prefilter.patterns_for("hello") == -1  # every group
    assert prefilter.patterns_for("hello") != -1


def test_prefilter_changes_no_hit_on_the_corpus():
    drafts = [Draft(ex.text) for ex in load(REPO / "corpus")]
    assert len(drafts) >= 1500
    found = [FILTERED.detect(d) for d in drafts]
    assert found == [UNFILTERED.detect(d) for d in drafts]
    assert sum(map(len, found)) > len(drafts)  # the comparison is not between empty results


@pytest.mark.parametrize("pattern", every_pattern(), ids=lambda p: p[:60])
@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_prefilter_changes_no_hit_for_any_pattern(pattern, data):
    # A text the pattern matches, with random text around it.
    draft = Draft(data.draw(st.from_regex(pattern)))
    assert FILTERED.detect(draft) == UNFILTERED.detect(draft)


@pytest.mark.parametrize("text", [
    "no need to decide now, take your time",
    "you don't have to answer right now",
    "you dont need to reply now or ever, just wanted to say hi",
    "no pressure to choose tonight",
    "not asking you to decide today, just saying I miss you",
    "İ know. No need to decide now",  # "İ" lower-cases to two characters: the case-blind path
])
def test_a_waived_demand_is_no_pressure(text):
    assert [h for h in hits(text) if h.code == "pressure"] == []


@pytest.mark.parametrize("text", [
    "No need to reply. answer me now",  # the waiver ends with its sentence
    "decide now",
    "you need to decide tonight",
])
def test_a_demand_that_is_not_waived_is_still_pressure(text):
    assert any(h.code == "pressure" and h.kind == "strong" for h in hits(text))



@pytest.mark.parametrize("text", [
    "if you can't make the wedding, I'll know where I stand",
    "next time you forget to pick her up, don't bother coming home",
    "im deleting u if i dont hear back by 9",
    "pay me back by the 1st or i'm getting a lawyer involved",
    "if you skip christmas again that's us finished",
    "if you won't talk to me by sunday I'll decide for both of us",
    "keep blanking me and I'll make sure everyone at uni knows",
    "no reply = no us",
    "if you miss her party I'm not speaking to you again",
    "if u can't be honest with me ill find someone who will",
    "if you aren't here by 8 your stuff goes in the bin",
])
def test_ultimatum_forms_beyond_either_or(text):
    assert any(h.code == "ultimatum" and h.kind in ("strong", "rule") for h in hits(text))


@pytest.mark.parametrize("text", [
    "if i don't hear back i'll assume you're busy, no worries",
    "next time you're in town don't bother with a hotel, stay with us",
    "I'm leaving at 6 if you want a lift",
    "if you tell me honestly, at least I'll know where I stand",
    "no reply needed and I'm out all day anyway",
    "would you like the photos? no rush, or I'll keep them safe",
    "I'm calling it a night, talk tomorrow x",
])
def test_their_look_alikes_are_not_ultimatums(text):
    assert not any(h.code == "ultimatum" and h.kind in ("strong", "rule") for h in hits(text))


def test_a_group_the_model_never_sees_gives_rules():
    from olivebranch.check.patterns import _kind

    assert [h.kind for h in hits("if you skip christmas again that's us finished") if h.code == "ultimatum"] == ["rule"]
    assert (_kind({"strong": True}), _kind({}), _kind({"strong": True, "model": False})) == ("strong", "evidence", "rule")
    with pytest.raises(ValueError, match="must be strong"):
        _kind({"model": False})

@pytest.mark.parametrize("text, code", [
    ("I don't expect an answer, I just wanted to say sorry", "entitlement"),
    ("not that you owe me anything, but I miss you", "entitlement"),
    ("I don't expect anything back", "ultimatum"),
    ("I won't text again unless you want me to. take care", "manipulation"),
    ("unless you want me to, I'll leave it there", "manipulation"),
])
def test_a_claim_the_speaker_takes_back_is_no_evidence(text, code):
    assert [h for h in hits(text) if h.code == code] == []


@pytest.mark.parametrize("text, code", [
    ("dont i deserve at least a goodbye", "entitlement"),
    ("answer me or don't expect me to be here", "ultimatum"),
    ("i'm deleting my account. unless u want me to stay?", "manipulation"),
])
def test_the_same_words_that_make_the_claim_are_still_evidence(text, code):
    assert any(h.code == code for h in hits(text))


def test_raises_alone_agrees_with_the_detectors_decisive_hits():
    texts = [e.text for e in load(REPO / "corpus", "test")][:600] + ["me quiero morir", "İ want to kill myself"]
    for code in ("self_harm", "ultimatum"):
        for text in texts:
            draft = Draft(text)
            decisive = any(h.code == code and h.kind != "evidence" for h in PatternDetector(Prefilter(math.inf)).detect(draft))
            assert patterns_module.raises_alone(draft, code) == decisive, text
