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
