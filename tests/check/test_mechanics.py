"""The two mechanical flags (SPEC 5): wall_of_text past 80 words, low_effort for a bare greeting."""

import pytest

from olivebranch.check import check
from olivebranch.check.mechanics import MechanicsDetector, is_low_effort
from olivebranch.check.text import Draft, count_words


def words(n: int, filler: str = "") -> str:
    """``n`` SPEC words of a calm message, with ``filler`` tokens (no letters or digits) between them."""
    base = "I have been thinking about our trip and the little cafe by the river".split()
    out = []
    for i in range(n):
        out.append(base[i % len(base)])
        if filler:
            out.append(filler)
    return " ".join(out)


def mechanics(text: str) -> set[str]:
    return {h.code for h in MechanicsDetector().detect(Draft(text))}


@pytest.mark.parametrize("text, n", [
    ("", 0),
    ("hey", 1),
    ("hi :)", 1),
    ("?? !!", 0),
    ("I miss you — truly 🙂", 4),
    ("2 days, 3 nights", 4),
    ("don't   go\n\nplease", 3),
    ("— 🙂 ... ❤️", 0),
])
def test_word_count_follows_the_spec(text, n):
    assert count_words(text) == n
    assert len(Draft(text).words) == n


@pytest.mark.parametrize("filler", ["", "—", "🙂", "...", "-", "❤️"])
def test_wall_of_text_boundary(filler):
    at_80, at_81 = words(80, filler), words(81, filler)
    assert count_words(at_80) == 80 and count_words(at_81) == 81
    assert "wall_of_text" not in mechanics(at_80)
    assert "wall_of_text" in mechanics(at_81)


def test_wall_of_text_boundary_through_check():
    assert "wall_of_text" not in check(words(80)).codes
    result = check(words(81))
    assert "wall_of_text" in result.codes
    flag = next(f for f in result.flags if f.code == "wall_of_text")
    assert flag.severity == "low"
    assert 0 <= flag.start < flag.end <= len(words(81))


@pytest.mark.parametrize("text", ["hey", "hi :)", "??", "hello?", "Hey", "hiii", "hey Sam", "  hey  ", "👋",
                                  "hellooooo???", "hiiiiii", "hey mum x", "Hi dear", "Hiya xx", "good morning",
                                  "Good night ❤️", "knock knock", "nite x"])
def test_low_effort(text):
    assert is_low_effort(Draft(text))
    assert "low_effort" in mechanics(text)
    result = check(text)
    assert "low_effort" in result.codes and result.verdict != "send"
    flag = next(f for f in result.flags if f.code == "low_effort")
    assert text[flag.start:flag.end].strip() == text.strip()


@pytest.mark.parametrize("text", ["miss you", "how are you?", "hey, how was the trip?", "thinking of you",
                                  "Happy birthday Sam!", "hey are you ok?", "u ok?", "hey you good?", "good luck x",
                                  "night, sleep well", "night! love u", "hey Sam Jo", "love you x", "proud of u",
                                  "hey sorry", "hey thanks", "hi congrats", "me too", "hey hate you"])
def test_not_low_effort(text):
    assert not is_low_effort(Draft(text))
    assert "low_effort" not in mechanics(text)
    assert "low_effort" not in check(text).codes


@pytest.mark.parametrize("text", ["hey mike", "hey mike x", "hey mike!", "hello stranger", "hey you", "hi there",
                                  "good morning sam", "miss you", "how are you?", "love you x", "proud of u",
                                  "hey sorry", "night, sleep well"])
def test_capitals_do_not_change_low_effort(text):
    # A name is told by its place after a greeting, not by a capital: people text in lower case.
    expected = is_low_effort(Draft(text))
    assert [is_low_effort(Draft(t)) for t in (text.title(), text.upper())] == [expected, expected]
    assert ("low_effort" in check(text.title()).codes) == ("low_effort" in check(text).codes) == expected


@pytest.mark.parametrize("text", ["hey mike", "Hey Mike", "hey mike x", "hey mike!", "HEY MIKE", "hello stranger",
                                  "hey you", "hi there", "good morning sam", "heyyy mike"])
def test_a_greeting_with_a_name_in_any_case_is_low_effort(text):
    assert is_low_effort(Draft(text))
    assert "low_effort" in check(text).codes


def test_mechanics_return_new_hits_and_leave_the_draft_alone():
    draft = Draft("hey")
    prior = ()
    hits = MechanicsDetector().detect(draft, prior)
    assert prior == () and draft.text == "hey"
    assert all(h.kind == "rule" for h in hits)


@pytest.mark.parametrize("text", ["a" * 10_001, "🙂" * 10_001, "word " * 10 + "x" * 10_001])
def test_over_ten_thousand_characters_is_a_wall_of_text_however_few_words(text):
    # SPEC 5: such a text is checked, not refused, and it is a wall of text.
    assert "wall_of_text" in mechanics(text)
    assert "wall_of_text" not in mechanics("a" * 10_000)
    result = check(text)
    flag = next(f for f in result.flags if f.code == "wall_of_text")
    assert (flag.start, flag.end) == (0, len(text.rstrip()))
