"""Words as SPEC 5 counts them, and text that shows nothing."""

import pytest

from olivebranch.words import count_words, is_blank


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
