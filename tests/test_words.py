"""Words as SPEC 5 counts them, and text that shows nothing."""

import re
import time

from hypothesis import given, settings, strategies as st
import pytest

from olivebranch.words import WORD, count_words, is_blank


@pytest.mark.parametrize("text", [
    "", " ", "\n\t  \r\n", "\u00a0\u3000",  # spaces of any kind
    "\u200b", "\ufeff", "\u2060", "\u200b \u200c\u200d\u2060\ufeff", "\u200e\u200f\u00ad",  # format characters
    "\u0301", "\u0301\u0308\u20dd", " \u0300 ",  # combining marks with nothing to sit on
    "\x00\x07", "\u3164", "\u2800\u115f\u1160\uffa0",  # controls, and fillers apps send as a "blank" message
])
def test_invisible_text_is_blank(text):
    assert is_blank(text)


@pytest.mark.parametrize("text", [
    "hey", ".", "??", "🙂", "❤️", "\u200bhi", "e\u0301", "नमस्ते", "\ufffd", "\u200b\u200b 🙂 \u200b",
])
def test_anything_visible_is_not_blank(text):
    assert not is_blank(text)


def test_count_words_counts_tokens_with_a_letter_or_digit():
    assert count_words("hi :) how are you ??") == 4


# SPEC 5's word, written the plain way; WORD must find exactly its matches.
_PLAIN_WORD = re.compile(r"\S*[^\W_]\S*")


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("ab9_ !.?'\n\t\u00a0\u3000\u200b\u0301é🙂-")) | st.characters(), max_size=40))
def test_word_spans_are_spec_5s(text):
    assert [m.span() for m in WORD.finditer(text)] == [m.span() for m in _PLAIN_WORD.finditer(text)]


@pytest.mark.parametrize("run", ["!", "🙂", ".", "_", "-'"])
def test_a_long_run_without_letters_is_counted_in_linear_time(run):
    text = run * (50_000 // len(run))
    started = time.perf_counter()
    assert count_words(text) == 0 and count_words(text + "a") == 1
    assert time.perf_counter() - started < 0.5  # the plain pattern takes seconds here, and 4x as long at 2x


def test_phrase_patterns_expand_the_tables_names_and_leave_quantifiers_alone():
    from olivebranch.words import phrase_patterns, says_any

    patterns = phrase_patterns({"who": "(?:he|she)", "patterns": ["\\b{who} hit me\\b", "\\bso{1,2}rry\\b"]})
    assert says_any(patterns, "She hit me again") and says_any(patterns, "soorry")
    assert says_any(patterns, "he hit me") and not says_any(patterns, "they hit me")
    assert not says_any(patterns, None)


def test_says_any_reads_a_curly_apostrophe_as_a_straight_one():
    from olivebranch.words import phrase_patterns, says_any

    patterns = phrase_patterns({"patterns": ["\\byou've blocked me\\b"]})
    assert says_any(patterns, "you\u2019ve blocked me")
