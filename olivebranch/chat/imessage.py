"""Apple Messages: the ``chat.db`` SQLite database from ``~/Library/Messages``.

There is no export file; the database itself is the export, read with the
standard library's ``sqlite3`` (read-only). Tables used: ``message`` (``text``,
``attributedBody``, ``date`` in nanoseconds, or seconds in old databases,
since 2001-01-01 UTC, ``is_from_me``, ``handle_id``, ``item_type``,
``associated_message_type``, ``cache_has_attachments``), ``handle`` (the other
person's phone or e-mail), ``chat`` and ``chat_message_join``.

Your own messages are from ``Me``; the other person is their handle. Tapbacks
(``associated_message_type`` not 0) and group events (``item_type`` not 0)
are not messages. Newer macOS keeps some texts only in ``attributedBody``
(an Apple "typedstream"); we pull the plain string out of it.

SQLite does not enforce column types, so a damaged or hand-made database can
hold anything anywhere. Text read as bytes or numbers is taken as SQLite
itself would cast it (bytes as UTF-8, invalid bytes replaced); a date that
is not a number, or that no calendar can hold, refuses the whole file with
the message's row number, as a bad line does in the other formats.
"""

import sqlite3
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path

from olivebranch.chat.message import Message, count_words
from olivebranch.errors import InputError

APPLE_EPOCH = datetime(2001, 1, 1, tzinfo=timezone.utc)
ME = "Me"
_OBJECT = "\ufffc"  # stands in for an attachment inside the text

_QUERY = """
SELECT m.ROWID, m.date, m.is_from_me, m.text, m.attributedBody, m.cache_has_attachments,
       COALESCE(h.id, ''), c.ROWID, COALESCE(c.chat_identifier, ''),
       COALESCE(c.display_name, '')
FROM message m
JOIN chat_message_join cmj ON cmj.message_id = m.ROWID
JOIN chat c ON c.ROWID = cmj.chat_id
LEFT JOIN handle h ON h.ROWID = m.handle_id
WHERE COALESCE(m.item_type, 0) = 0 AND COALESCE(m.associated_message_type, 0) = 0
ORDER BY m.date, m.ROWID
"""


def parse(path: str | Path, chat: str | None = None, tz: tzinfo | None = None) -> list[Message]:
    """Read one conversation of a ``chat.db`` into messages.

    ``chat`` picks the conversation by its identifier (a phone number or
    e-mail) or display name; it may be left out when the database holds only
    one. ``tz`` is the Mac's time zone; ``None`` means this computer's.
    """
    try:
        con = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        con.text_factory = _decode  # text that is not UTF-8 is read, not fatal
        try:
            rows = con.execute(_QUERY).fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{path} is not an Apple Messages chat.db ({exc})") from None

    conversation, chats = _conversations(rows)
    wanted = _pick_chat(chats, chat)
    out: list[Message] = []
    seen: set[int] = set()
    for rowid, date, from_me, text, body, has_att, handle, chat_id, _ident, _name in rows:
        if conversation[chat_id] != wanted or rowid in seen:
            continue
        seen.add(rowid)  # a message joined to two threads of one conversation counts once
        when = _when(rowid, date, tz)
        sender = ME if from_me else (_text(handle) or chats[wanted][0])
        text = _text(text) if text is not None else _typedstream_text(body)
        plain = (text or "").replace(_OBJECT, "").strip()
        if has_att or (text and _OBJECT in text):
            out.append(Message(when, sender, plain, count_words(plain), True))
        elif plain:
            out.append(Message(when, sender, plain, count_words(plain), False))
    return out


def _conversations(rows: list[tuple]) -> tuple[dict[int, str], dict[str, tuple[str, str]]]:
    """Group chat rows into conversations: ``({chat ROWID: key}, {key: (identifier, display name)})``.

    Messages keeps one chat row per service, so a person who writes over
    iMessage and SMS has two rows with the same identifier; they are one
    conversation. A chat without an identifier stands alone.
    """
    conversation: dict[int, str] = {}
    chats: dict[str, tuple[str, str]] = {}
    for row in rows:
        chat_id, ident, name = row[7], _text(row[8]).strip(), _text(row[9]).strip()
        key = ident.casefold() or f"#{chat_id}"
        conversation[chat_id] = key
        known = chats.get(key, (ident, ""))
        chats[key] = (known[0], known[1] or name)
    return conversation, chats


def _pick_chat(chats: dict[str, tuple[str, str]], chat: str | None) -> str:
    if not chats:
        raise InputError("this chat.db holds no messages")
    names = ", ".join(sorted(name or ident for ident, name in chats.values()))
    if chat is None:
        if len(chats) == 1:
            return next(iter(chats))
        raise InputError(f"this chat.db holds {len(chats)} conversations; pick one with --chat (found: {names})")
    key = chat.strip().casefold()
    for found, (ident, name) in chats.items():
        if key in (ident.casefold(), name.casefold()):
            return found
    raise InputError(f"no conversation called {chat} in this chat.db (found: {names})")


def _when(rowid: int, date: object, tz: tzinfo | None) -> datetime:
    """``message.date`` on the Mac's clock; :class:`InputError` naming the row if it cannot be one."""
    try:
        value = float(date or 0)  # a number, or text or bytes that spell one, as SQLite would cast it
        seconds = value / 1e9 if abs(value) > 1e11 else value  # nanoseconds since macOS 10.13
        stamp = APPLE_EPOCH + timedelta(seconds=seconds)
        return (stamp.astimezone(tz) if tz is not None else stamp.astimezone()).replace(tzinfo=None)
    except (TypeError, ValueError, OverflowError):  # not a number, NaN, or beyond any calendar
        shown = repr(date) if len(repr(date)) <= 40 else repr(date)[:39] + "…"
        raise InputError(
            f"message {rowid} in this chat.db has a date that cannot be read ({shown}); the database may be damaged"
        ) from None


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


def _text(value: object) -> str:
    """A text column's value as text, whatever SQLite stored: bytes as UTF-8, numbers written out."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        return _decode(value)
    return str(value)


def _typedstream_text(blob: object) -> str:
    """Pull the plain string out of an ``attributedBody`` typedstream, or ``""``."""
    if isinstance(blob, str):
        blob = blob.encode("utf-8", errors="surrogateescape")
    if not blob or not isinstance(blob, bytes):
        return ""
    try:
        rest = blob.split(b"NSString", 1)[1]
        rest = rest[5:]  # class version and type bytes before the length
        if rest[0] == 0x81:
            length, start = int.from_bytes(rest[1:3], "little"), 3
        elif rest[0] == 0x82:
            length, start = int.from_bytes(rest[1:5], "little"), 5
        else:
            length, start = rest[0], 1
        return rest[start : start + length].decode("utf-8", errors="replace")
    except (IndexError, ValueError):
        return ""
