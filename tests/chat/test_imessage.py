"""Apple Messages chat.db, built here with sqlite3 in the real schema's subset."""

import sqlite3
from datetime import datetime, timezone

import pytest

from olivebranch.chat import read_chat
from olivebranch.errors import InputError

APPLE_EPOCH = datetime(2001, 1, 1, tzinfo=timezone.utc)


def apple_ns(*args) -> int:
    """Nanoseconds since 2001-01-01 UTC, as macOS 10.13+ stores ``message.date``."""
    return int((datetime(*args, tzinfo=timezone.utc) - APPLE_EPOCH).total_seconds()) * 1_000_000_000


def typedstream(text: str) -> bytes:
    """A minimal attributedBody blob as newer macOS writes it (NSString, then a length-prefixed string)."""
    raw = text.encode("utf-8")
    return b"\x04\x0bstreamtyped\x81\xe8\x03\x84\x01@\x84\x84\x84\x12NSAttributedString\x00\x84\x84\x08NSObject\x00\x85\x92\x84\x84\x84\x08NSString\x01\x94\x84\x01+" + bytes([len(raw)]) + raw + b"\x86\x84"


def make_chat_db(path, chats):
    """Write a chat.db; ``chats`` maps a handle to rows (date_ns, is_from_me, text, extra)."""
    con = sqlite3.connect(path)
    con.executescript(
        """
        CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, service TEXT);
        CREATE TABLE chat (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT, style INTEGER,
                           chat_identifier TEXT, service_name TEXT, display_name TEXT);
        CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT, text TEXT,
                              attributedBody BLOB, handle_id INTEGER DEFAULT 0, service TEXT,
                              date INTEGER, is_from_me INTEGER DEFAULT 0,
                              cache_has_attachments INTEGER DEFAULT 0, item_type INTEGER DEFAULT 0,
                              associated_message_type INTEGER DEFAULT 0);
        CREATE TABLE chat_message_join (chat_id INTEGER, message_id INTEGER, message_date INTEGER DEFAULT 0,
                                        PRIMARY KEY (chat_id, message_id));
        """
    )
    for handle, rows in chats.items():
        hid = con.execute("INSERT INTO handle (id, service) VALUES (?, 'iMessage')", (handle,)).lastrowid
        cid = con.execute(
            "INSERT INTO chat (guid, style, chat_identifier, service_name, display_name) VALUES (?, 45, ?, 'iMessage', '')",
            (f"iMessage;-;{handle}", handle),
        ).lastrowid
        for date, from_me, text, extra in rows:
            cols = {"text": text, "date": date, "is_from_me": from_me, "handle_id": hid, **extra}
            mid = con.execute(
                f"INSERT INTO message ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", tuple(cols.values())
            ).lastrowid
            con.execute("INSERT INTO chat_message_join (chat_id, message_id) VALUES (?, ?)", (cid, mid))
    con.commit()
    con.close()
    return path


ALEX = "+15550100"
ROWS = [
    (apple_ns(2026, 1, 20, 18, 0), 1, "Are you coming to the gig?", {}),
    (apple_ns(2026, 1, 20, 18, 30), 0, None, {"attributedBody": typedstream("Yes! Save me a spot")}),
    (apple_ns(2026, 1, 20, 18, 31), 1, "Loved “Yes! Save me a spot”", {"associated_message_type": 2000}),
    (apple_ns(2026, 1, 20, 18, 40), 0, "\ufffc", {"cache_has_attachments": 1}),
    (apple_ns(2026, 1, 20, 19, 0), 0, None, {"item_type": 2}),
    (apple_ns(2026, 1, 21, 9, 0), 1, "Great night", {}),
]


def test_one_conversation_me_tapbacks_notices_and_attachments(tmp_path):
    db = make_chat_db(tmp_path / "chat.db", {ALEX: ROWS})
    msgs = read_chat(db, tz=timezone.utc)
    assert [(m.sender, m.text, m.words, m.is_media) for m in msgs] == [
        ("Me", "Are you coming to the gig?", 6, False),
        (ALEX, "Yes! Save me a spot", 5, False),  # text only in attributedBody
        (ALEX, "", 0, True),  # the attachment; the tapback and the group event are not messages
        ("Me", "Great night", 2, False),
    ]
    assert msgs[0].time == datetime(2026, 1, 20, 18, 0)


def test_many_conversations_need_chat(tmp_path):
    db = make_chat_db(tmp_path / "chat.db", {ALEX: ROWS, "riley@example.org": ROWS[:1]})
    with pytest.raises(InputError, match=r"2 conversations; pick one with --chat \(found: \+15550100, riley@example.org\)"):
        read_chat(db)
    assert len(read_chat(db, chat="riley@example.org", tz=timezone.utc)) == 1
    with pytest.raises(InputError, match="no conversation called nobody"):
        read_chat(db, chat="nobody")


def test_other_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (x TEXT)")
    con.commit()
    con.close()
    with pytest.raises(InputError, match="not an Apple Messages chat.db"):
        read_chat(path)


@pytest.mark.parametrize("date", [1e30, -1e20, "notanumber", b"\x00\x01", float("inf")])
def test_an_unreadable_date_refuses_the_file_naming_the_row(tmp_path, date):
    db = make_chat_db(tmp_path / "chat.db", {ALEX: [ROWS[0], (date, 0, "hello", {})]})
    with pytest.raises(InputError, match=r"^message 2 in this chat.db has a date that cannot be read \(.+\); "
                                         r"the database may be damaged$"):
        read_chat(db, chat=ALEX, tz=timezone.utc)


def test_a_broken_date_in_another_conversation_does_not_matter(tmp_path):
    db = make_chat_db(tmp_path / "chat.db", {ALEX: ROWS, "riley@example.org": [(1e30, 0, "hi", {})]})
    assert len(read_chat(db, chat=ALEX, tz=timezone.utc)) == 4


def test_text_stored_as_bytes_or_numbers_is_read_as_sqlite_would_cast_it(tmp_path):
    db = make_chat_db(tmp_path / "chat.db", {ALEX: [
        (apple_ns(2026, 1, 20, 18, 0), 1, b"hello from a blob", {}),
        (apple_ns(2026, 1, 20, 18, 1), 0, b"caf\xe9 \xff", {}),  # not UTF-8: replaced, not fatal
        (apple_ns(2026, 1, 20, 18, 2), 1, None, {"attributedBody": "not a typedstream"}),
        (apple_ns(2026, 1, 20, 18, 3), 0, None, {"attributedBody": 42}),
        (apple_ns(2026, 1, 20, 18, 4), 1, "ok", {}),
    ]})
    con = sqlite3.connect(db)
    con.execute("INSERT INTO message (text, date, is_from_me, handle_id) VALUES (CAST(x'6869ff' AS TEXT), ?, 0, 1)",
                (apple_ns(2026, 1, 20, 18, 5),))  # a TEXT value that is not UTF-8
    con.execute("INSERT INTO chat_message_join (chat_id, message_id) VALUES (1, last_insert_rowid())")
    con.commit()
    con.close()
    msgs = read_chat(db, tz=timezone.utc)
    assert [m.text for m in msgs] == ["hello from a blob", "caf\ufffd \ufffd", "ok", "hi\ufffd"]
    assert all(isinstance(m.sender, str) for m in msgs)


def test_a_handle_stored_as_bytes_is_text(tmp_path):
    db = make_chat_db(tmp_path / "chat.db", {ALEX: ROWS})
    con = sqlite3.connect(db)
    con.execute("UPDATE handle SET id = ?", (ALEX.encode(),))
    con.execute("UPDATE chat SET chat_identifier = ?", (ALEX.encode(),))
    con.commit()
    con.close()
    msgs = read_chat(db, chat=ALEX, tz=timezone.utc)
    assert {m.sender for m in msgs} == {"Me", ALEX}


def test_imessage_and_sms_threads_with_one_person_are_one_conversation(tmp_path):
    db = make_chat_db(tmp_path / "chat.db", {ALEX: ROWS[:2]})
    con = sqlite3.connect(db)  # the same person over SMS: a second handle row and a second chat row
    hid = con.execute("INSERT INTO handle (id, service) VALUES (?, 'SMS')", (ALEX,)).lastrowid
    cid = con.execute("INSERT INTO chat (guid, style, chat_identifier, service_name, display_name) "
                      "VALUES (?, 45, ?, 'SMS', '')", (f"SMS;-;{ALEX}", ALEX)).lastrowid
    for date, from_me, text in [(apple_ns(2026, 1, 22, 9, 0), 1, "are you around?"),
                                (apple_ns(2026, 1, 22, 9, 10), 0, "yes! sms here")]:
        mid = con.execute("INSERT INTO message (text, date, is_from_me, handle_id, service) VALUES (?, ?, ?, ?, 'SMS')",
                          (text, date, from_me, hid)).lastrowid
        con.execute("INSERT INTO chat_message_join (chat_id, message_id) VALUES (?, ?)", (cid, mid))
    con.commit()
    con.close()
    expected = ["Are you coming to the gig?", "Yes! Save me a spot", "are you around?", "yes! sms here"]
    assert [m.text for m in read_chat(db, tz=timezone.utc)] == expected
    msgs = read_chat(db, chat=ALEX, tz=timezone.utc)
    assert [m.text for m in msgs] == expected and {m.sender for m in msgs} == {"Me", ALEX}
