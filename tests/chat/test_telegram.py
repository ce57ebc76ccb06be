"""Telegram Desktop result.json."""

import json
from datetime import datetime

import pytest

from olivebranch.chat import read_chat
from olivebranch.errors import InputError
from tests.chat.conftest import FIXTURES


def test_result_json_text_entities_service_and_media():
    msgs = read_chat(FIXTURES / "telegram_result.json")
    assert len(msgs) == 5  # the phone_call service entry is a notice
    assert msgs[0].time == datetime(2026, 1, 5, 9, 12, 30)  # local "date", not UTC unixtime
    assert msgs[1].text == "Thanks, it went really well - see https://example.org/news"
    assert msgs[1].words == 7
    assert (msgs[2].is_media, msgs[2].words) == (True, 0)  # photo
    assert (msgs[3].is_media, msgs[3].words) == (True, 0)  # sticker
    assert (msgs[4].is_media, msgs[4].words) == (True, 4)  # photo with a typed caption


def test_whole_account_export_asks_for_one_chat(tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"about": "x", "chats": {"about": "y", "list": []}}), encoding="utf-8")
    with pytest.raises(InputError, match="export just the one chat"):
        read_chat(path)


def test_bad_date_names_the_field(tmp_path):
    path = tmp_path / "result.json"
    data = {"name": "A", "type": "personal_chat", "id": 1,
            "messages": [{"id": 1, "type": "message", "date": "yesterday", "from": "A", "text": "hi"}]}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match=r"messages\[0\]\.date"):
        read_chat(path)


def _one_message(tmp_path, messages=None, **fields):
    entry = {"id": 1, "type": "message", "date": "2026-01-05T09:00:00", "from": "Sam", "text": "hi", **fields}
    path = tmp_path / "result.json"
    data = {"name": "A", "type": "personal_chat", "id": 1, "messages": [entry] if messages is None else messages}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("key, value, needle", [
    ("text", [1], r"messages\[0\]\.text: expected text or a list of text pieces"),
    ("text", [None], r"messages\[0\]\.text: expected text or a list of text pieces"),
    ("text", [{"type": "bold", "text": 5}], r"messages\[0\]\.text: expected text or a list of text pieces"),
    ("text", {"text": "hi"}, r"messages\[0\]\.text: expected text or a list of text pieces"),
    ("from", 42, r"messages\[0\]\.from: expected a name, not a number"),
    ("date", 1767261600, r"messages\[0\]\.date: has no readable date"),
])
def test_a_field_of_the_wrong_type_names_the_field(tmp_path, key, value, needle):
    with pytest.raises(InputError, match="^" + needle):
        read_chat(_one_message(tmp_path, **{key: value}))


def test_text_pieces_and_a_null_text_are_read(tmp_path):
    (msg,) = read_chat(_one_message(tmp_path, text=["hi ", {"type": "bold", "text": "there"}, {"type": "x"}]))
    assert msg.text == "hi there"
    (msg,) = read_chat(_one_message(tmp_path, text=None, photo="p.jpg"))
    assert (msg.text, msg.is_media) == ("", True)


def test_messages_that_are_not_a_list_is_refused(tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"chats": {"list": []}, "messages": 5}), encoding="utf-8")
    with pytest.raises(InputError, match=r"^messages: expected a list, not a number$"):
        read_chat(path)
