"""Messenger and Instagram message_1.json, with Meta's mojibake."""

from datetime import datetime, timezone
import json
from zoneinfo import ZoneInfo

import pytest

from olivebranch.chat import read_chat
from olivebranch.chat.meta import fix_mojibake
from olivebranch.errors import InputError
from tests.chat.conftest import FIXTURES


def test_messenger_mojibake_order_calls_reactions_and_photos():
    msgs = read_chat(FIXTURES / "messenger_message_1.json", tz=timezone.utc)
    assert [m.sender for m in msgs] == ["Sam", "Zoë Martín", "Zoë Martín", "Sam"]  # oldest first
    assert msgs[1].text == "Café on Saturday? Ça te dit ?"
    assert msgs[1].words == 6  # "?" alone is not a word
    assert (msgs[2].is_media, msgs[2].words) == (True, 0)
    assert msgs[3].text == "Sure, I'll bring the crêpes 😊"
    assert msgs[0].time == datetime(2026, 1, 6, 9, 0)
    assert not any("Liked a message" in m.text or "missed your call" in m.text for m in msgs)


def test_instagram_reactions_and_shares():
    msgs = read_chat(FIXTURES / "instagram_message_1.json", tz=timezone.utc)
    assert [m.sender for m in msgs] == ["Mía", "Jordan Lee", "Mía"]
    assert msgs[0].text == "¡Hola! Ya volví 🙂"
    assert (msgs[2].is_media, msgs[2].words) == (True, 0)


def test_times_are_converted_to_the_given_zone():
    msgs = read_chat(FIXTURES / "instagram_message_1.json", tz=ZoneInfo("America/New_York"))
    assert msgs[0].time == datetime(2026, 2, 1, 12, 0)  # 17:00 UTC is 12:00 in New York in February


def test_fix_mojibake_leaves_clean_text_alone():
    assert fix_mojibake("Zo\u00c3\u00ab") == "Zoë"
    assert fix_mojibake("Zoë 🙂") == "Zoë 🙂"


def _split_fixture(folder):
    """The Messenger fixture split in two parts, as Meta splits a long conversation."""
    data = json.loads((FIXTURES / "messenger_message_1.json").read_text(encoding="utf-8"))
    newer, older = data["messages"][:3], data["messages"][3:]  # Meta writes newest first
    for n, part in ((1, newer), (2, older)):
        (folder / f"message_{n}.json").write_text(json.dumps({**data, "messages": part}), encoding="utf-8")


def test_a_conversation_split_across_files_is_read_whole(tmp_path):
    whole = read_chat(FIXTURES / "messenger_message_1.json", tz=timezone.utc)
    _split_fixture(tmp_path)
    for given in ("message_1.json", "message_2.json"):
        assert read_chat(tmp_path / given, tz=timezone.utc) == whole


def test_an_unreadable_part_is_an_error_not_a_gap(tmp_path):
    _split_fixture(tmp_path)
    (tmp_path / "message_2.json").write_text('{"messages": [', encoding="utf-8")
    with pytest.raises(InputError, match="message_2.json"):
        read_chat(tmp_path / "message_1.json", tz=timezone.utc)


def test_a_file_renamed_by_hand_is_read_alone(tmp_path):
    _split_fixture(tmp_path)
    (tmp_path / "message_1.json").rename(tmp_path / "sam.json")
    assert len(read_chat(tmp_path / "sam.json", tz=timezone.utc)) < len(
        read_chat(FIXTURES / "messenger_message_1.json", tz=timezone.utc))


def _one_message(tmp_path, **fields):
    entry = {"sender_name": "Sam", "timestamp_ms": 1767261600000, "content": "hi", **fields}
    path = tmp_path / "message_1.json"
    path.write_text(json.dumps({"participants": [{"name": "Sam"}], "messages": [entry]}), encoding="utf-8")
    return path


@pytest.mark.parametrize("key, value", [("sender_name", 7), ("sender_name", ["Sam"]), ("content", {"text": "hi"}),
                                        ("content", 3.5)])
def test_a_sender_or_text_of_the_wrong_type_names_the_field(tmp_path, key, value):
    with pytest.raises(InputError, match=rf"^messages\[0\]\.{key}: expected text, not "):
        read_chat(_one_message(tmp_path, **{key: value}), tz=timezone.utc)


@pytest.mark.parametrize("share", ["https://example.org", 1, [{"link": "x"}], True])
def test_a_share_that_is_not_an_object_is_still_media(tmp_path, share):
    (msg,) = read_chat(_one_message(tmp_path, share=share), tz=timezone.utc)
    assert msg.is_media and msg.words == 1  # "hi" is a caption


@pytest.mark.parametrize("zone, ms", [("Pacific/Kiritimati", 253402300799999),  # 9999-12-31 23:59 UTC, +14h
                                       ("Etc/GMT+12", -62135596800000)])  # 0001-01-01 00:00 UTC, -12h
def test_a_time_past_the_calendar_in_this_computers_zone_names_the_field(tmp_path, monkeypatch, zone, ms):
    import time

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        with pytest.raises(InputError, match=r"^messages\[0\]\.timestamp_ms: has no readable timestamp_ms$"):
            read_chat(_one_message(tmp_path, timestamp_ms=ms), tz=None)
    finally:
        monkeypatch.undo()
        time.tzset()


def _chat(tmp_path, *entries):
    """A Messenger file with Zoe and Sam, ``entries`` as (sender, content), oldest first."""
    messages = [{"sender_name": who, "timestamp_ms": 1767787200000 + 60000 * i, "content": text}
                for i, (who, text) in enumerate(entries)][::-1]
    path = tmp_path / "message_1.json"
    path.write_text(json.dumps({"participants": [{"name": "Zoe Lane"}, {"name": "Sam"}], "messages": messages}),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("text", ["Sorry I missed your call, I was at work", "Haha who changed the theme of the party",
                                  "Sorry I reacted so badly to your message", "Zoe missed your call. Call me back?",
                                  "I think Sam set the emoji"])
def test_typed_words_that_look_like_a_notice_are_messages(tmp_path, text):
    (msg,) = read_chat(_chat(tmp_path, ("Zoe Lane", text)), tz=timezone.utc)
    assert (msg.text, msg.is_media, msg.words > 0) == (text, False, True)


def test_a_typed_sent_a_photo_is_words_not_media(tmp_path):
    (msg,) = read_chat(_chat(tmp_path, ("Sam", "My mum sent a photo")), tz=timezone.utc)
    assert (msg.is_media, msg.words) == (False, 5)


@pytest.mark.parametrize("text", ["Zoe missed your call.", "You missed a call from Zoe Lane.", "Zoe Lane missed your video call.",
                                  "Zoe changed the theme to Love.", "You set the nickname for Zoe to Z.", "Zoe set the emoji to 👍.",
                                  "Reacted 😂 to your message ", "Zoe reacted ❤ to your message", "Liked a message",
                                  "Sam started a video call.", "The video call ended.", "Zoe sent a live location.",
                                  "You are now connected on Messenger"])
def test_notices_as_the_apps_write_them_are_not_messages(tmp_path, text):
    assert [m.text for m in read_chat(_chat(tmp_path, ("Sam", "hi"), ("Zoe Lane", text)), tz=timezone.utc)] == ["hi"]
