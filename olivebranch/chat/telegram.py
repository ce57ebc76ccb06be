"""Telegram Desktop "Export chat history" in machine-readable JSON (``result.json``).

Our own reader: chat-miner's Telegram parser takes ``date_unixtime`` and turns
it into UTC, where SPEC 6 wants the exporting device's local clock, which
Telegram writes as ``date`` (``2026-01-05T09:12:30``, no offset). whatstk reads
WhatsApp only. The format is plain JSON, so the standard library is enough.

Handled: ``text`` as a string or as a list of plain strings and entity objects
(``{"type": "bold", "text": "..."}``); ``service`` entries (calls, pins, chat
creation) are notices, not messages; photos, stickers, voice notes, videos and
files are media messages (a typed caption keeps its words). A date, sender or
text of the wrong JSON type refuses the file and names the field, as a bad
line does in the other formats.
"""

from datetime import datetime
from typing import Any

from olivebranch.chat.message import Message, count_words
from olivebranch.errors import InputError, type_name

_MEDIA_KEYS = ("photo", "file", "media_type", "sticker_emoji", "location_information", "contact_information", "poll")


def looks_like(data: Any) -> bool:
    """Whether parsed JSON looks like a Telegram export (one chat or the whole account)."""
    if not isinstance(data, dict):
        return False
    if "chats" in data and isinstance(data["chats"], dict):
        return True
    msgs = data.get("messages")
    return isinstance(msgs, list) and "type" in data and "id" in data and "participants" not in data


def parse(data: Any) -> list[Message]:
    """Read a Telegram ``result.json`` (already parsed JSON) into messages."""
    if "chats" in data and "messages" not in data:
        raise InputError(
            "this is a whole-account Telegram export; export just the one chat "
            "(open the chat, then Export chat history, format JSON)"
        )
    entries = data.get("messages")
    if entries is None:
        entries = []
    if not isinstance(entries, list):
        raise InputError(f"expected a list, not {type_name(entries)}", field="messages")
    out: list[Message] = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or entry.get("type") != "message":
            continue  # service entries: calls, pins, "joined Telegram"
        try:
            when = datetime.fromisoformat(entry["date"]).replace(tzinfo=None)
        except (KeyError, TypeError, ValueError):
            raise InputError("has no readable date", field=f"messages[{i}].date") from None
        sender = entry.get("from") or "Deleted Account"
        if not isinstance(sender, str):
            raise InputError(f"expected a name, not {type_name(sender)}", field=f"messages[{i}].from")
        text = _plain(entry.get("text", ""), f"messages[{i}].text")
        if any(k in entry for k in _MEDIA_KEYS):
            out.append(Message(when, sender, text, count_words(text), True))
        else:
            out.append(Message(when, sender, text, count_words(text), False))
    return out


def _plain(text: Any, field: str) -> str:
    """Join Telegram's text, which is a string or a list of strings and ``{"text": ...}`` entities.

    Anything else is a damaged file: :class:`InputError` naming ``field``.
    """
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        parts = [part.get("text", "") if isinstance(part, dict) else part for part in text]
        if all(isinstance(part, str) for part in parts):
            return "".join(parts)
    raise InputError("expected text or a list of text pieces", field=field)
