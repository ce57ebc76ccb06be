"""Format detection and bad files."""

import copy
import json
import sqlite3
from datetime import datetime, timezone

import pytest

from olivebranch.chat import read_chat
from olivebranch.chat.message import Message
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
        (b'{"messages": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deeply"),
        (b"date,sender,text\n2026-01-01,Sam,hi\n", "does not look like a chat export"),
    ],
)
def test_bad_files_give_one_line_errors(tmp_path, content, message):
    path = tmp_path / "export"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as err:
        read_chat(path)
    assert "\n" not in str(err.value)


def test_a_deeply_nested_part_of_a_long_meta_conversation_is_one_line(tmp_path):
    (tmp_path / "message_1.json").write_bytes((FIXTURES / "instagram_message_1.json").read_bytes())
    (tmp_path / "message_2.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(InputError, match="message_2.json .* cannot be read"):
        read_chat(tmp_path / "message_1.json")


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


@pytest.mark.parametrize("name", ["whatsapp_ios.txt", "telegram_result.json", "signal_chat.md",
                                  "messenger_message_1.json"])
def test_chat_is_refused_for_exports_that_hold_one_conversation(name):
    with pytest.raises(InputError, match=r"^--chat picks a conversation in an Apple Messages chat.db; .* holds just one, "
                                         r"so leave --chat out$"):
        read_chat(FIXTURES / name, chat="+15551234")


def test_detects_every_fixture_format():
    for name in ("telegram_result.json", "signal_chat.md", "messenger_message_1.json",
                 "instagram_message_1.json", "whatsapp_ios.txt", "whatsapp_german.txt"):
        assert read_chat(FIXTURES / name), name


# --- malformed input, fuzz-style: every reader either reads or says why in one line ---

# JSON values of every type, and times at and past the calendar's edges.
ODD_VALUES = [None, True, 0, -1, 1e30, -1e30, 10**30, float("nan"), "", "x", "0001-01-01T00:00:00",
              "9999-12-31T23:59:59", 253402300799999, -62135596800000, [], [1], [None], [{}], {}, {"text": 5}]


def _read_or_refuse(path, **kw):
    """Read ``path``; a refusal must be an InputError of one line. Returns what was read, or None."""
    try:
        msgs = read_chat(path, **kw)
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc)
        return None
    assert all(isinstance(m, Message) and isinstance(m.time, datetime) and isinstance(m.sender, str)
               and isinstance(m.text, str) and isinstance(m.words, int) for m in msgs)
    return msgs


def _parse_or_refuse(parse, data, **kw):
    """:func:`_read_or_refuse` for a format's parser handed parsed JSON."""
    try:
        msgs = parse(data, **kw)
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc)
        return
    assert all(isinstance(m.time, datetime) and isinstance(m.sender, str) and isinstance(m.text, str) for m in msgs)


def _paths(value, path=()):
    """Every place in a JSON document, as a path of keys and indexes."""
    yield path
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        yield from _paths(child, (*path, key))


def _replaced(doc, path, value):
    doc = copy.deepcopy(doc)
    if not path:
        return copy.deepcopy(value)
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = copy.deepcopy(value)
    return doc


@pytest.mark.parametrize("name, module", [("telegram_result.json", "telegram"), ("messenger_message_1.json", "meta"),
                                          ("instagram_message_1.json", "meta")])
def test_json_exports_with_any_value_of_any_type_anywhere(name, module):
    # The format's own parser, as read_chat calls it on parsed JSON (no file per case: thousands of cases).
    from importlib import import_module

    reader = import_module(f"olivebranch.chat.{module}")
    doc = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    for place in _paths(doc):
        for value in ODD_VALUES:
            data = _replaced(doc, place, value)
            if not reader.looks_like(data):
                continue
            for kw in ({"tz": None}, {"tz": timezone.utc}) if module == "meta" else ({},):
                _parse_or_refuse(reader.parse, data, **kw)


@pytest.mark.parametrize("header", [
    "[0001-01-01 00:00] Alex: hi", "[9999-12-31 23:59:59] Alex: hi", "[2026-13-01 10:00] Alex: hi",
    "[2026-02-30 10:00] Alex: hi", "[2026-01-01 24:00] Alex: hi", "[2026-01-01 10:61] Alex: hi",
])
def test_signal_headers_out_of_range(tmp_path, header):
    path = tmp_path / "chat.md"
    path.write_text(f"{header}\n[2026-01-02 10:00] Me: yo\n", encoding="utf-8")
    _read_or_refuse(path)


@pytest.mark.parametrize("header", [
    "01/01/0000, 10:00 - Alex: hi", "31/12/9999, 23:59 - Alex: hi", "99/99/99, 10:00 - Alex: hi",
    "13/01/2026, 99:00 - Alex: hi", "13/01/2026, 13:00 PM - Alex: hi", "0/0/0, 0:00 - Alex: hi",
    "13/01/9999, 10:00 - Alex: hi", "9999/12/31, 23:59 - Alex: hi", "31/02/2026, 10:00 - Alex: hi",
])
def test_whatsapp_headers_out_of_range(tmp_path, header):
    path = tmp_path / "chat.txt"
    path.write_text(f"{header}\n13/01/2026, 10:00 - Sam: yo\n", encoding="utf-8")
    _read_or_refuse(path, dayfirst=True)


@pytest.mark.parametrize("column, values", [
    ("date", [None, 1e30, -1e20, 1e300, float("inf"), float("-inf"), "notanumber", "1e400", b"\x00", b"12", 2**63 - 1]),
    ("text", [b"hi", b"\xff\xfe", 5, 1.5, "\ufffc", b""]),
    ("attributedBody", ["text", 5, 1.5, b"NSString", b"NSString\x01\x02\x03\x04\x05\x82", b"\x00"]),
    ("is_from_me", ["x", b"y", None, 2.5]),
    ("cache_has_attachments", ["x", b"a", None]),
])
def test_chat_db_with_any_value_in_any_column(tmp_path, column, values):
    from tests.chat.test_imessage import ALEX, ROWS, make_chat_db

    for n, value in enumerate(values):
        first = list(ROWS[0])
        if column == "date":
            first[0] = value
        elif column == "text":
            first[2] = value
        else:
            first[2], first[3] = None, {column: value}
        db = make_chat_db(tmp_path / f"chat{n}.db", {ALEX: [tuple(first), *ROWS[1:]]})
        for tz in (None, timezone.utc):
            _read_or_refuse(db, tz=tz)


def test_chat_db_with_bytes_where_names_belong(tmp_path):
    from tests.chat.test_imessage import ALEX, ROWS, make_chat_db

    for value in (b"\xff", b"abc"):
        db = make_chat_db(tmp_path / f"chat{value.hex()}.db", {ALEX: ROWS})
        con = sqlite3.connect(db)
        con.execute("UPDATE handle SET id = ?", (value,))
        con.execute("UPDATE chat SET chat_identifier = ?, display_name = ?", (value, value))
        con.commit()
        con.close()
        _read_or_refuse(db, tz=timezone.utc)
        _read_or_refuse(db, chat=value.decode("utf-8", "replace"), tz=timezone.utc)


# --- dates no plan or timing guard can hold (years outside 1900 to 2999) ---

_TELEGRAM_AT = '{{"name": "Alex", "type": "personal_chat", "id": 1, "messages": [' \
               '{{"id": 1, "type": "message", "date": "{at}", "from": "Sam", "text": "hi"}},' \
               '{{"id": 2, "type": "message", "date": "2026-01-02T10:00:00", "from": "Alex", "text": "hey"}}]}}'
_MESSENGER_AT = '{{"participants": [{{"name": "Sam"}}, {{"name": "Alex"}}], "messages": [' \
                '{{"sender_name": "Alex", "timestamp_ms": 1767348000000, "content": "hey"}},' \
                '{{"sender_name": "Sam", "timestamp_ms": {ms}, "content": "hi"}}]}}'


@pytest.mark.parametrize("name, content", [
    ("result.json", _TELEGRAM_AT.format(at="0001-01-01T00:00:00")),
    ("result.json", _TELEGRAM_AT.format(at="9999-12-31T23:59:59")),
    ("result.json", _TELEGRAM_AT.format(at="1899-12-31T23:59:59")),
    ("chat.md", "[0001-01-01 00:00:00] Me: hi\n[2026-01-02 10:00] Alex: hey\n"),
    ("chat.md", "[3000-01-01 00:00:00] Me: hi\n[2026-01-02 10:00] Alex: hey\n"),
    ("message_1.json", _MESSENGER_AT.format(ms=-62135596800000)),
    ("message_1.json", _MESSENGER_AT.format(ms=253402300799000)),
    ("chat.txt", "01/01/0001, 10:00 - Sam: hi\n13/01/2026, 10:00 - Alex: hey\n"),
    ("chat.txt", "31/12/9999, 23:59 - Sam: hi\n13/01/2026, 10:00 - Alex: hey\n"),
])
def test_a_date_outside_the_years_a_plan_can_hold_refuses_the_export(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=r"is dated .* out of range \(years 1900 to 2999\)") as err:
        read_chat(path, tz=timezone.utc)
    assert "\n" not in str(err.value)


def test_the_years_at_the_edges_of_the_range_are_read(tmp_path):
    path = tmp_path / "chat.md"
    path.write_text("[1900-01-01 00:00:00] Me: hi\n[2999-12-31 23:59] Alex: hey\n", encoding="utf-8")
    assert [m.time.year for m in read_chat(path)] == [1900, 2999]


def test_a_chat_db_date_outside_the_range_refuses_it(tmp_path):
    from tests.chat.test_imessage import ALEX, ROWS, make_chat_db

    first = list(ROWS[0])
    first[0] = -62_000_000_000  # seconds, as old databases keep it: about 1,965 years before 2001
    db = make_chat_db(tmp_path / "chat.db", {ALEX: [tuple(first), *ROWS[1:]]})
    with pytest.raises(InputError, match=r"out of range \(years 1900 to 2999\)"):
        read_chat(db, tz=timezone.utc)
