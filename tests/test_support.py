"""One screen for signs of self-harm, and the support blocks shown first."""

from datetime import datetime, timedelta

import pytest

from olivebranch import assessment, support
from olivebranch.chat.message import text_message
from olivebranch.check import check


@pytest.mark.parametrize(
    "text",
    ["kill myself", "suicide", "I want to kill myself if you dont answer", "thinking of unaliving myself",
     "I have pills saved up", "Honestly I want to die", "I feel like there is no point going on without her"],
)
def test_the_screen_agrees_with_the_draft_check(text):
    assert any(f.code == "self_harm" for f in check(text).flags)
    assert support.screen_self_harm(text)


@pytest.mark.parametrize(
    "text", ["", "   ", "this silence is killing me", "I keep replaying what I said.", "jealousy", "double text",
             "there's no point going on about it", "no point carrying on the argument"]
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


def test_a_block_about_them_words_its_intro_and_notes_for_someone_worried_about_them():
    theirs, mine = support.block("self_harm", about="them"), support.block("self_harm")
    assert (theirs.about, theirs.intro) == ("them", support.THEIR_SELF_HARM_INTRO) and mine.about == "me"
    assert [(r.name, r.contact) for r in theirs.resources] == [(r.name, r.contact) for r in mine.resources]
    for resource in theirs.resources:
        assert "yourself" not in resource.note, resource.note
    assert any("themselves" in r.note for r in theirs.resources)
    assert support.resources("abuse", about="them") == support.resources("abuse")


@pytest.mark.parametrize("text", ["", "   ", "\x1b", "\u200b", "\ufeff\n"])
def test_text_with_nothing_to_read_shows_no_sign_and_raises_nothing(text):
    assert support.screen_self_harm(text) is False


# --- an imported chat: its last month, the explicit words only ------------------------------

T0 = datetime(2026, 3, 1, 12, 0)


def chat(*lines: tuple[int, str, str]):
    """Messages from ``(days after T0, sender, text)``."""
    return [text_message(T0 + timedelta(days=day), sender, text) for day, sender, text in lines]


@pytest.mark.parametrize("text", ["kms lol", "I want to end it all", "thinking about killing myself", "me quiero morir"])
def test_the_explicit_words_are_named(text):
    assert support.names_self_harm(text)
    assert support.screen_self_harm(text)  # what names it is a sign to the full screen too


@pytest.mark.parametrize(
    "text",
    ["", "tbh i think the blue one looks better on u", "my phone is dying so if i go quiet thats why",
     "this exam is killing me", "i won't be here this weekend, hospital for my knee"],
)
def test_everyday_lines_and_veiled_ones_are_not_named(text):
    assert not support.names_self_harm(text)


def test_my_words_come_first_and_theirs_get_their_own_intro():
    theirs = chat((0, "Sam", "hey"), (1, "Alex", "honestly i want to end it all"))
    assert support.for_chat(theirs, "Sam") == (support.block("self_harm", about="them"),)
    both = theirs + chat((2, "Sam", "same. kms"))
    assert support.for_chat(both, "Sam") == (support.block("self_harm"),)
    assert support.for_chat(chat((0, "Sam", "hey"), (1, "Alex", "hi!")), "Sam") == ()
    assert support.for_chat([], "Sam") == ()


def test_a_chat_is_read_over_its_last_month_however_long_ago():
    old = chat((0, "Alex", "i want to end it all"), (support.CHAT_DAYS + 1, "Sam", "are you ok?"))
    assert support.for_chat(old, "Sam") == ()
    last = chat((0, "Sam", "hi"), (support.CHAT_DAYS, "Alex", "i want to end it all"), (support.CHAT_DAYS + 1, "Sam", "hey"))
    assert support.for_chat(last[::-1], "Sam")  # in any order; the chat went quiet, it is still read


def test_a_busy_chat_is_read_over_its_last_messages_only(monkeypatch):
    monkeypatch.setattr(support, "CHAT_MOST", 3)
    msgs = chat((0, "Alex", "kms"), (0, "Sam", "a"), (0, "Alex", "b"), (0, "Sam", "c"))
    assert support.for_chat(msgs, "Sam") == ()
    assert support.for_chat(msgs[:3], "Sam")


def test_text_longer_than_the_check_takes_is_read_in_pieces(monkeypatch):
    from olivebranch.check import pipeline

    monkeypatch.setattr(pipeline, "MAX_CHARS", 51)  # the words of crisis start the third piece
    support.screen_self_harm.cache_clear()
    try:
        assert support.screen_self_harm("we had a lovely time at the lake. " * 3 + "i want to kill myself")
        assert not support.screen_self_harm("we had a lovely time at the lake. " * 4)
    finally:
        support.screen_self_harm.cache_clear()


@pytest.mark.parametrize("text", [
    "He hit me again last night and said he would kill me if I left.",
    "she slapped me", "my ex threatened to post the photos", "he has pushed me against the wall",
    "he said he'd kill me", "i'm scared of what he'll do to me", "he beat me up", "my husband is violent",
    "he threw a glass at me", "he threatened my family", "She threatens me constantly", "she tried to choke me",
    "honestly afraid for my life", "he\u2019ll kill me if i leave",
])
def test_abuse_told_in_words_is_read(text):
    assert support.describes_abuse(text)


@pytest.mark.parametrize("text", [
    "she hit me up last week", "it hit me how much I miss her", "he pushed me to do better",
    "she threatened to leave", "he never hit me", "he didn't hit me", "this silence is killing me",
    "my boss will kill me", "mum will kill me if i fail", "she beat me at chess", "i'm scared of losing her",
    "he pushed me away", "you hurt me so much", "she threw me a party", "they hit me with the news", "",
])
def test_everyday_turns_of_phrase_are_not_abuse(text):
    assert not support.describes_abuse(text)


def test_a_note_gets_self_harm_support_then_abuse_support():
    assert [b.kind for b in support.for_note("I want to die. he hit me again")] == ["self_harm", "abuse"]
    assert support.for_note("I miss our walks") == ()


def test_a_chat_at_the_calendar_s_first_day_is_read_without_overflow():
    from datetime import datetime

    first = [text_message(datetime.min, "Alex", "i want to end it all"), text_message(datetime.min, "Sam", "hi")]
    assert support.for_chat(first, "Sam") == (support.block("self_harm", about="them"),)
