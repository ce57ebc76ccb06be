"""Signal chats exported by signal-export (chat.md)."""

from datetime import datetime

from olivebranch.chat import read_chat
from olivebranch.chat.signal import parse
from tests.chat.conftest import FIXTURES


def test_chat_md_quotes_reactions_stickers_calls_and_attachments():
    msgs = read_chat(FIXTURES / "signal_chat.md")
    assert [m.sender for m in msgs] == ["Me", "Alex Kim", "Alex Kim", "Me", "Alex Kim", "Alex Kim"]
    assert msgs[0].time == datetime(2026, 1, 10, 8, 30)
    assert msgs[1].text == "Thank you!!"  # the reaction line is not part of it
    assert (msgs[2].is_media, msgs[2].words) == (True, 0)  # an image attachment
    assert msgs[3].text == "Glad it's going well\nand that the cake survived"  # quote dropped
    assert msgs[3].words == 9
    assert (msgs[4].is_media, msgs[4].words) == (True, 0)  # a sticker
    assert msgs[5].words == 0  # deleted
    assert not any("call" in m.text for m in msgs)


def test_a_typed_missed_call_is_a_message():
    msgs = parse("[2026-01-10 09:30:00] Alex: Missed call from you earlier, what is up?\n"
                 "[2026-01-10 09:31:00] Alex: Missed voice call\n")
    assert [m.text for m in msgs] == ["Missed call from you earlier, what is up?"]
