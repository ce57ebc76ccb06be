"""Warm sign-offs: a whole draft that is only one is not read as a sign of crisis."""

import pytest

from olivebranch.check import check
from olivebranch.check.signoff import _lexicon, is_bare_sign_off
from olivebranch.check.text import Draft


@pytest.mark.parametrize("text", [
    "take care x", "Take care ❤️", "ok take care xx", "anyway, take care then!", "night xx",
    "Goodnight 😴", "see u soon x", "talk soon :)", "love you, xoxo", "ok i'm done for the day",
    "off to bed x", "take care of yourself x", "Take care of urself ❤️", "ok, look after yourself x",
])
def test_bare_sign_offs(text):
    assert is_bare_sign_off(Draft(text))


@pytest.mark.parametrize("text", [
    "goodbye", "bye", "take care of yourself. goodbye", "take care, i won't be around",
    "ok", "xx", "take care and answer me", "night. not see u tomorrow", "i'm done", "i'm done for good",
])
def test_anything_more_is_not_a_bare_sign_off(text):
    assert not is_bare_sign_off(Draft(text))


def test_a_final_goodbye_is_not_in_the_lexicon():
    phrases, openers = _lexicon()
    assert not {"bye", "goodbye", "bye forever", "farewell"} & (phrases | openers)


@pytest.mark.parametrize("text", ["take care x", "take care", "ok take care x", "i'm done for the day",
                                  "take care of yourself x"])
def test_a_warm_sign_off_gets_no_crisis_flag(text):
    result = check(text)
    assert "self_harm" not in result.codes and result.resources == ()


@pytest.mark.parametrize("text", ["goodbye", "take care of yourself. this is goodbye", "take care x. i won't be around", "i'm done for good"])
def test_a_final_goodbye_still_does(text):
    assert "self_harm" in check(text).codes


def test_a_caller_may_add_sign_offs_of_its_own():
    also = frozenset({"i love you"})
    assert is_bare_sign_off(Draft("ok I love you x"), also)
    assert not is_bare_sign_off(Draft("I love you"))
    assert not is_bare_sign_off(Draft("I love you but"), also)
