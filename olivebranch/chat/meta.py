"""Facebook Messenger and Instagram exports: ``message_1.json`` from "Download your information".

Both write the same JSON shape: ``participants``, then ``messages`` newest
first, each with ``sender_name``, ``timestamp_ms`` (milliseconds since the
epoch, UTC) and ``content`` or media lists (``photos``, ``videos``,
``audio_files``, ``gifs``, ``files``, ``sticker``, ``share``).

Every string in these files is mojibake: UTF-8 bytes written as if each were
a Latin-1 character (``"Ã©"`` for ``"é"``). We re-encode as Latin-1 and decode
as UTF-8, keeping the string as it is where that fails (a file someone already
repaired). chat-miner does the same repair but turns times into UTC with the
deprecated ``utcfromtimestamp``; SPEC 6 wants the local clock, so we convert
with the time zone handed to us. Reactions, "liked a message", calls and
"named the group"-style lines are notices, not messages.

A time no calendar can hold, or a sender or text that is not a string,
refuses the file and names the field, as a bad line does in the other
formats; the media keys only need to be present.
"""

import re
from datetime import datetime, timezone, tzinfo
from functools import lru_cache
from typing import Any

from olivebranch.chat.message import Message, count_words
from olivebranch.errors import InputError, type_name

_MEDIA_KEYS = ("photos", "videos", "audio_files", "gifs", "files", "sticker")
# Notices as Messenger and Instagram write them, matched whole. Most start
# with a person ("{who}": "You" or one of the chat's people, by full or first
# name), so "Sorry I missed your call" or "My mum sent a photo" stay messages.
_NOTICES = (
    r"Liked a message|{who} liked a message"
    r"|(?:{who} )?[Rr]eacted \S+ to (?:your|their|a) message"
    r"|You are now connected on Messenger"
    r"|You can now message and call each other(?: and see info like .+)?\.?"
    r"|{who} changed the (?:chat )?theme(?: to .+)?\.?"
    r"|{who} set the (?:emoji|quick reaction) to .+"
    r"|{who} set (?:the|your|their|his|her)(?: own)? nickname(?: for .+)? to .+"
    r"|{who} named the group .+"
    r"|{who} missed (?:a|your) (?:video )?call(?: from {who})?\.?"
    r"|{who} started (?:a|an audio|a video) call\.?"
    r"|The (?:video )?call ended\.?"
    r"|{who} (?:sent|started sharing) (?:a|their) live location\.?"
)
_ATTACHMENT_ONLY = r"{who} sent (?:an attachment|a photo|a video|a voice message|a GIF|a sticker|a link)\.?"


@lru_cache(maxsize=8)
def _patterns(names: frozenset[str]) -> tuple[re.Pattern, re.Pattern]:
    """The notice and attachment-only patterns for a chat with these people."""
    who = {"You"} | names | {name.split()[0] for name in names}
    alternatives = "|".join(re.escape(n) for n in sorted(who, key=len, reverse=True))
    fill = {"who": f"(?:{alternatives})"}
    return re.compile(f"(?:{_NOTICES.format_map(fill)})"), re.compile(_ATTACHMENT_ONLY.format_map(fill))


def looks_like(data: Any) -> bool:
    """Whether parsed JSON looks like a Messenger or Instagram ``message_N.json``."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("messages"), list)
        and isinstance(data.get("participants"), list)
    )


def fix_mojibake(text: str) -> str:
    """Undo Meta's Latin-1-encoded UTF-8 (``"Ã©"`` back to ``"é"``)."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def parse(data: Any, tz: tzinfo | None = None) -> list[Message]:
    """Read a ``message_N.json`` (already parsed JSON) into messages, oldest first.

    ``tz`` is the exporting device's time zone; ``None`` means this computer's.
    """
    notice, attachment_only = _patterns(_people(data))
    out: list[Message] = []
    for i, entry in enumerate(data["messages"]):
        if not isinstance(entry, dict):
            continue
        if entry.get("type") in ("Call", "Subscribe", "Unsubscribe") or entry.get("is_unsent"):
            continue
        try:
            stamp = datetime.fromtimestamp(int(entry["timestamp_ms"]) / 1000, tz or timezone.utc)
            # Converting to this computer's zone can step past year 1 or 9999 too.
            when = (stamp.astimezone() if tz is None else stamp).replace(tzinfo=None)
        except (KeyError, TypeError, ValueError, OverflowError, OSError):
            raise InputError("has no readable timestamp_ms", field=f"messages[{i}].timestamp_ms") from None
        sender = fix_mojibake(_string(entry, "sender_name", i) or "Unknown")
        text = fix_mojibake(_string(entry, "content", i))
        has_media = any(entry.get(k) for k in _MEDIA_KEYS) or bool(entry.get("share"))
        if text and notice.fullmatch(text.strip()):
            continue
        bare = bool(text) and attachment_only.fullmatch(text.strip()) is not None
        if has_media or bare:
            caption = "" if (not text or bare) else text
            share = entry.get("share")
            link = share.get("link") if isinstance(share, dict) else None
            if caption and link and caption.strip() == link:
                caption = ""
            out.append(Message(when, sender, text, count_words(caption), True))
        elif text:
            out.append(Message(when, sender, text, count_words(text), False))
    out.sort(key=lambda m: m.time)
    return out


def _people(data: dict) -> frozenset[str]:
    """Everyone named in the file, as participants or senders (notices name them)."""
    names = [p.get("name") for p in data.get("participants", []) if isinstance(p, dict)]
    names += [e.get("sender_name") for e in data["messages"] if isinstance(e, dict)]
    return frozenset(fix_mojibake(n) for n in names if isinstance(n, str) and n.strip())


def _string(entry: dict, key: str, i: int) -> str:
    """``entry[key]`` as text (missing or null: ``""``); any other JSON type is a damaged file."""
    value = entry.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f"expected text, not {type_name(value)}", field=f"messages[{i}].{key}")
    return value
