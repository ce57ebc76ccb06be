"""Plain-words trends: only what the monthly figures support, never a diagnosis."""

from datetime import datetime, timedelta

import pytest

from olivebranch.chat import Message
from olivebranch.signals import compute
from olivebranch.trends import humanize, summarize

DIAGNOSES = ("lost interest", "doesn't care", "does not care", "avoiding", "will come back", "angry", "cheating")


def exchange(day: datetime, reply_after: timedelta, their_words: int, me_first: bool = True) -> list[Message]:
    """One conversation: a message, then a reply ``reply_after`` later."""
    first, second = ("Sam", "Alex") if me_first else ("Alex", "Sam")
    return [
        Message(day, first, "x " * 5, 5),
        Message(day + reply_after, second, "y " * their_words, their_words if second == "Alex" else 5),
    ]


def chat(months: dict[int, tuple[timedelta, int, int]]) -> list[Message]:
    """For each month: (their reply time, their words, number of conversations), each started by me."""
    msgs = []
    for month, (reply, words, n) in months.items():
        for k in range(n):
            msgs += exchange(datetime(2026, month, 1 + k, 9, 0), reply, words)
    return msgs


def test_reply_time_change_is_named_with_its_month():
    msgs = chat({1: (timedelta(minutes=20), 10, 12), 2: (timedelta(minutes=25), 10, 12), 3: (timedelta(hours=9), 10, 12)})
    lines = summarize(compute(msgs, "Sam", datetime(2026, 4, 1)))
    assert "Their replies went from about 20 minutes to about 9 hours, a change that shows from March 2026." in lines
    # March replies come 9 h later, so by SPEC 6 each reply starts a conversation too:
    # the last 10 starts alternate, 5 mine.
    assert "You started 5 of the last 10 conversations." in lines


def test_shorter_messages_and_volume():
    msgs = chat({1: (timedelta(minutes=20), 12, 15), 2: (timedelta(minutes=20), 3, 5)})
    lines = summarize(compute(msgs, "Sam", datetime(2026, 3, 1)))
    assert "Their messages got shorter: about 12 words each in January 2026, about 3 words in February 2026." not in lines  # Feb has 5 < 10
    assert "They sent 15 messages in January 2026 and 5 in February 2026." in lines


def test_shorter_messages_when_both_months_have_enough():
    msgs = chat({1: (timedelta(minutes=20), 12, 12), 2: (timedelta(minutes=20), 3, 12)})
    lines = summarize(compute(msgs, "Sam", datetime(2026, 3, 1)))
    assert "Their messages got shorter: about 12 words each in January 2026, about 3 words in February 2026." in lines


def test_too_few_replies_claim_no_trend():
    # 4 replies a month is below the minimum: no claim about reply times.
    msgs = chat({1: (timedelta(minutes=20), 5, 4), 3: (timedelta(hours=9), 5, 4)})
    lines = summarize(compute(msgs, "Sam", datetime(2026, 3, 10)))
    assert not any("replies went" in line for line in lines)
    assert lines  # never empty


def test_steady_chat_says_so():
    msgs = chat({1: (timedelta(minutes=20), 5, 3)})
    lines = summarize(compute(msgs, "Sam", datetime(2026, 1, 3, 12)))
    assert lines == ["Nothing changed much from month to month, as far as the messages show."]


def test_silence_and_no_diagnosis():
    msgs = chat({1: (timedelta(minutes=20), 5, 6)})
    lines = summarize(compute(msgs, "Sam", datetime(2026, 1, 20, 9, 20)))
    assert "Their last message was about 2 weeks ago." in lines
    text = " ".join(lines).lower()
    assert not any(word in text for word in DIAGNOSES)


def test_humanize():
    assert humanize(1200) == "about 20 minutes"
    assert humanize(9 * 3600 + 100) == "about 9 hours"
    assert humanize(86400) == "about 1 day"
    assert humanize(3 * 7 * 86400) == "about 3 weeks"
    assert humanize(45) == "about 45 seconds"


@pytest.mark.parametrize("days, words", [
    (59, "about 8 weeks"),
    (60, "about 2 months"),
    (294, "about 10 months"),  # 42 weeks
    (350, "about 11 months"),
    (365, "about 1 year"),
    (500, "about 1 year and 4 months"),
    (735, "about 2 years"),  # 105 weeks, as QA saw it
    (800, "about 2 years and 2 months"),
    (3700, "about 10 years and 2 months"),
])
def test_humanize_says_months_and_years_for_long_spans(days, words):
    assert humanize(days * 86400) == words
