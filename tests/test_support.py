"""One screen for signs of self-harm, and the support blocks shown first."""

import pytest

from olivebranch import assessment, support
from olivebranch.check import check


@pytest.mark.parametrize(
    "text",
    ["kill myself", "suicide", "I want to kill myself if you dont answer", "thinking of unaliving myself",
     "I have pills saved up", "Honestly I want to die"],
)
def test_the_screen_agrees_with_the_draft_check(text):
    assert any(f.code == "self_harm" for f in check(text).flags)
    assert support.screen_self_harm(text)


@pytest.mark.parametrize(
    "text", ["", "   ", "this silence is killing me", "I keep replaying what I said.", "jealousy", "double text"]
)
def test_ordinary_words_are_not_a_sign(text):
    assert not support.screen_self_harm(text)


def test_there_is_one_screen():
    assert assessment.screen_self_harm is support.screen_self_harm


def test_blocks_carry_their_own_intro_and_resources():
    harm, abuse = support.block("self_harm"), support.block("abuse")
    assert (harm.intro, harm.resources) == (support.SELF_HARM_INTRO, support.resources("self_harm"))
    assert (abuse.intro, abuse.resources) == (support.ABUSE_INTRO, support.resources("abuse"))
    assert support.block("self_harm", "another intro").intro == "another intro"
    assert harm.to_dict()["resources"][0] == support.resources("self_harm")[0].to_dict()


@pytest.mark.parametrize("text", ["", "   ", "\x1b", "\u200b", "\ufeff\n"])
def test_text_with_nothing_to_read_shows_no_sign_and_raises_nothing(text):
    assert support.screen_self_harm(text) is False
