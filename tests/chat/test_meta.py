"""Messenger and Instagram message_1.json, with Meta's mojibake."""

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from olivebranch.chat import read_chat
from olivebranch.chat.meta import fix_mojibake
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
