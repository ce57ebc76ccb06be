"""Format detection and bad files."""

import pytest

from olivebranch.chat import read_chat
from olivebranch.errors import InputError
from tests.chat.conftest import FIXTURES


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "is empty"),
        (b"  \n\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("caf\xe9 au lait".encode("latin-1"), "not UTF-8"),
        (b'{"name": "Alex", "type": "personal_chat", "messages": [{"id": 1,', "not complete JSON"),
        (b'{"hello": "world"}', "JSON but not a chat export"),
        (b"date,sender,text\n2026-01-01,Sam,hi\n", "does not look like a chat export"),
    ],
)
def test_bad_files_give_one_line_errors(tmp_path, content, message):
    path = tmp_path / "export"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as err:
        read_chat(path)
    assert "\n" not in str(err.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no file at"):
        read_chat(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_chat(tmp_path)


def test_named_format_must_match_the_file():
    with pytest.raises(InputError, match="not a telegram JSON export"):
        read_chat(FIXTURES / "whatsapp_android_24h.txt", "telegram")
    with pytest.raises(InputError, match="does not look like a signal export"):
        read_chat(FIXTURES / "whatsapp_android_24h.txt", "signal")
    with pytest.raises(InputError, match="unknown format"):
        read_chat(FIXTURES / "whatsapp_android_24h.txt", "fax")
    assert len(read_chat(FIXTURES / "whatsapp_android_24h.txt", "whatsapp")) == 12


def test_detects_every_fixture_format():
    for name in ("telegram_result.json", "signal_chat.md", "messenger_message_1.json",
                 "instagram_message_1.json", "whatsapp_ios.txt", "whatsapp_german.txt"):
        assert read_chat(FIXTURES / name), name
