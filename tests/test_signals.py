"""SPEC 6 figures, checked against values worked out by hand on a small chat."""

from datetime import datetime

import pytest

from olivebranch.chat import Message, read_chat
from olivebranch.errors import InputError
from olivebranch.signals import compute

FIXTURE = __import__("pathlib").Path(__file__).parent / "fixtures" / "chats" / "whatsapp_android_24h.txt"
NOW = datetime(2026, 2, 20, 9, 0)

# The chat (whatsapp_android_24h.txt), me = Sam, them = Alex Kim; words in ():
#  M1  01-14 09:00 Sam   "Morning! How did the interview go?"   (6)
#  M2  01-14 09:10 Alex  "It went well I think"                 (5)
#  M3  01-14 09:12 Sam   "That's great news"                    (3)
#  M4  01-14 11:00 Sam   "Want to celebrate on Friday?"         (5)
#  M5  01-14 20:00 Alex  <Media omitted>                        (0)
#  M6  01-14 20:01 Alex  "Sure, Friday works / See you at 7"    (7)
#  M7  01-15 08:00 Sam   "👍"                                   (0)
#  M8  02-02 10:00 Sam   "Hey, how was the trip?"               (5)
#  M9  02-02 10:30 Sam   "Did you get my photos?"               (5)
#  M10 02-02 12:00 Sam   "Hello?"                               (1)
#  M11 02-03 18:00 Alex  "Busy week"                            (2)
#  M12 02-13 09:00 Sam   "Thinking of you, hope work calmed down" (7)
# Gaps (s): M2 600, M3 120, M4 6480, M5 32400, M6 60, M7 43140, M8 1562400 (18 d 2 h),
#           M9 1800, M10 5400, M11 108000 (30 h), M12 831600 (9 d 15 h).


@pytest.fixture(scope="module")
def sig():
    return compute(read_chat(FIXTURE), "Sam", NOW)


def test_people(sig):
    assert (sig.me, sig.them) == ("Sam", "Alex Kim")


def test_messages_and_words(sig):
    d = sig.to_dict()
    # me: M1 M3 M4 M7 M8 M9 M10 M12 = 8; them: M2 M5 M6 M11 = 4
    assert d["messages"] == {"me": 8, "them": 4}
    # me: 6+3+5+0+5+5+1+7 = 32 / 8 = 4.0; them: 5+0+7+2 = 14 / 4 = 3.5; ratio 3.5 / 4.0
    assert d["words_per_message"] == {"me": 4.0, "them": 3.5}
    assert d["words_ratio"] == 0.875


def test_reply_times(sig):
    # Replies (a message after one from the other side): them M2 600, M5 32400, M11 108000
    # -> median 32400; me M3 120, M7 43140, M12 831600 -> median 43140.
    assert sig.to_dict()["reply_time_median_s"] == {"me": 43140.0, "them": 32400.0}


def test_initiation_share(sig):
    # Starts: M1 (first), then gaps >= 6 h: M5 (them), M7, M8 (me), M11 (them), M12 (me).
    # Mine 4 of 6 -> 0.667.
    assert sig.to_dict()["initiation_share_me"] == 0.667
    assert sig.start_senders == ["me", "them", "me", "me", "them", "me"]


def test_double_texts(sig):
    # M4 (1 h 48 after M3), M8 (18 days after M7), M10 (1 h 30 after M9); M9 is only 30 min.
    assert sig.to_dict()["double_texts"] == 3


def test_silences(sig):
    d = sig.to_dict()
    # now 02-20 09:00 - M11 02-03 18:00 = 16 d 15 h = 1436400 s
    assert d["current_silence_s"] == 1436400.0
    # longest gap: M7 -> M8 = 18 d 2 h = 1562400 s
    assert d["longest_silence_s"] == 1562400.0


def test_months(sig):
    jan, feb = sig.to_dict()["months"]
    # January, M1..M7: me 4 msgs 14 words (3.5), them 3 msgs 12 words (4.0), ratio 1.143;
    # replies them 600, 32400 -> 16500; me 120, 43140 -> 21630; starts M1 me, M5 them, M7 me;
    # double texts: M4.
    assert jan == {
        "month": "2026-01",
        "messages": {"me": 4, "them": 3},
        "words_per_message": {"me": 3.5, "them": 4.0},
        "words_ratio": 1.143,
        "reply_time_median_s": {"me": 21630.0, "them": 16500.0},
        "initiation_share_me": 0.667,
        "double_texts": 1,
    }
    # February, M8..M12: me 4 msgs 18 words (4.5), them 1 msg 2 words; ratio 2/4.5 = 0.444;
    # replies them M11 108000, me M12 831600; starts M8 me, M11 them, M12 me; doubles M8, M10.
    assert feb == {
        "month": "2026-02",
        "messages": {"me": 4, "them": 1},
        "words_per_message": {"me": 4.5, "them": 2.0},
        "words_ratio": 0.444,
        "reply_time_median_s": {"me": 831600.0, "them": 108000.0},
        "initiation_share_me": 0.667,
        "double_texts": 2,
    }
    assert "current_silence_s" not in jan and "longest_silence_s" not in jan


def test_json_keys_in_spec_order(sig):
    assert list(sig.to_dict()) == [
        "me", "them", "messages", "words_per_message", "words_ratio", "reply_time_median_s",
        "initiation_share_me", "double_texts", "current_silence_s", "longest_silence_s", "months",
    ]


def m(minute: int, sender: str, text: str = "hi") -> Message:
    return Message(datetime(2026, 3, 1, 0, 0) + __import__("datetime").timedelta(minutes=minute), sender, text, 1)


def test_exactly_six_hours_starts_and_exactly_one_hour_double_texts():
    msgs = [m(0, "A"), m(60, "A"), m(60 + 360, "B"), m(60 + 360 + 359, "A")]
    d = compute(msgs, "A", datetime(2026, 3, 2)).to_dict()
    assert d["double_texts"] == 1  # 60 min after my own last
    # starts: first (A), B at exactly 6 h; A at 5 h 59 is not a start.
    assert d["initiation_share_me"] == 0.5


def test_nulls_where_nothing_stands_behind_a_figure():
    d = compute([m(0, "A", "hello"), m(5, "A", "you there")], "A", datetime(2026, 3, 2)).to_dict()
    assert d["them"] is None
    assert d["messages"] == {"me": 2, "them": 0}
    assert d["words_per_message"] == {"me": 1.0, "them": None}
    assert d["words_ratio"] is None
    assert d["reply_time_median_s"] == {"me": None, "them": None}
    assert d["current_silence_s"] is None
    assert d["longest_silence_s"] == 300.0


def test_me_is_matched_loosely_but_must_exist():
    msgs = [m(0, "Alex Kim"), m(1, "Sam")]
    assert compute(msgs, "  alex   kim ", datetime(2026, 3, 2)).me == "Alex Kim"
    with pytest.raises(InputError, match=r"--me 'Bob' is not one of the people in this chat \(found: Alex Kim, Sam\)"):
        compute(msgs, "Bob", datetime(2026, 3, 2))


def test_a_chat_where_only_they_wrote_still_needs_me_to_name_a_sender():
    # SPEC 6: --me must name one of the chat's senders, else exit 2 listing them. Read as "you never
    # wrote" instead, a typo in --me would turn any chat into one where you never wrote, without a word.
    with pytest.raises(InputError, match=r"--me 'Alex' is not one of the people in this chat \(found: Sam\)"):
        compute([m(0, "Sam"), m(5, "Sam")], "Alex", datetime(2026, 3, 2))


def test_group_chat_is_refused():
    with pytest.raises(InputError, match="group chat"):
        compute([m(0, "A"), m(1, "B"), m(2, "C")], "A", datetime(2026, 3, 2))


def test_now_before_last_message_or_with_offset_is_refused():
    from datetime import timezone

    with pytest.raises(InputError, match="before the last message"):
        compute([m(0, "A"), m(1, "B")], "A", datetime(2026, 2, 1))
    with pytest.raises(InputError, match=r"^now \(2026-02-01T10:30:05\) is before the last message \(\S+:\d\d\)$"):
        compute([m(0, "A"), m(1, "B")], "A", datetime(2026, 2, 1, 10, 30, 5, 123456))
    with pytest.raises(InputError, match="without an offset"):
        compute([m(0, "A"), m(1, "B")], "A", datetime(2026, 3, 2, tzinfo=timezone.utc))


def test_order_of_input_does_not_matter():
    msgs = read_chat(FIXTURE)
    assert compute(list(reversed(msgs)), "Sam", NOW).to_dict() == compute(msgs, "Sam", NOW).to_dict()


def test_a_name_that_fits_both_people_asks_for_the_exact_spelling():
    msgs = [m(0, "sam"), m(1, "Sam")]
    assert compute(msgs, "Sam", datetime(2026, 3, 2)).me == "Sam"
    with pytest.raises(InputError, match=r"^--me 'SAM' matches both sam and Sam; give your name exactly as the chat spells it$"):
        compute(msgs, "SAM", datetime(2026, 3, 2))


@pytest.mark.parametrize("typed", ["Mi\u0301a", "mi\u0301a", "MÍA"])
def test_names_match_after_unicode_normalisation(typed):
    msgs = [m(0, "M\u00eda"), m(1, "Jordan Lee")]
    assert compute(msgs, typed, datetime(2026, 3, 2)).me == "M\u00eda"
