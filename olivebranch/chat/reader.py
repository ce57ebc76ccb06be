"""Open a chat export, tell which app wrote it, and hand it to that format's reader."""

import json
import re
from datetime import tzinfo
from pathlib import Path

from olivebranch.chat import imessage, meta, signal, telegram, whatsapp
from olivebranch.chat.formats import FORMATS
from olivebranch.chat.message import Message
from olivebranch.errors import InputError
from olivebranch.scenario import MAX_YEAR, MIN_YEAR

KNOWN = "WhatsApp .txt, Telegram result.json, Signal chat.md, Messenger or Instagram message_1.json, or Apple Messages chat.db"
_SQLITE = b"SQLite format 3\x00"
_META_PART = re.compile(r"message_\d+\.json")


def read_chat(
    path: str | Path,
    fmt: str = "auto",
    *,
    dayfirst: bool | None = None,
    chat: str | None = None,
    tz: tzinfo | None = None,
) -> list[Message]:
    """Read the export at ``path`` into messages, oldest first.

    ``fmt`` names the format or ``"auto"`` to detect it. ``dayfirst`` settles
    WhatsApp date order when the file cannot; ``chat`` picks a conversation in
    an Apple Messages database (it is refused for any other export, which
    holds one); ``tz`` is the exporting device's time zone for
    formats that store UTC (Messenger, Instagram, Apple Messages), ``None``
    meaning this computer's. Raises :class:`InputError` with a one-line reason.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    p = Path(path)
    if not p.exists():
        raise InputError(f"no file at {path}")
    if p.is_dir():
        raise InputError(f"{path} is a folder; give the export file inside it")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    if not raw.strip():
        raise InputError(f"{path} is empty")

    if raw.startswith(_SQLITE):
        if fmt not in ("auto", "imessage"):
            raise InputError(f"{path} is a database, not a {fmt} export")
        messages = imessage.parse(p, chat=chat, tz=tz)
    elif fmt == "imessage":
        raise InputError(f"{path} is not an Apple Messages chat.db")
    elif chat is not None:
        # Every other export holds one conversation; ignoring --chat would read it without a word.
        raise InputError(
            f"--chat picks a conversation in an Apple Messages chat.db; {path} holds just one, so leave --chat out"
        )
    else:
        text = _decode(raw, path)
        messages = _read_text(text, fmt, path, dayfirst, tz)
    if not messages:
        raise InputError(f"{path} holds no messages")
    _check_years(messages, path)
    return sorted(messages, key=lambda m: m.time)  # stable: same-minute messages keep file order


def _check_years(messages: list[Message], path: str | Path) -> None:
    """Refuse an export with a message dated outside the years a plan can hold (as the timing guard does).

    Every format's times pass through here, so a damaged date (year 1, year
    9999) is one line for all of them, and no later step (a month back from
    the last message, the next morning) can step off the calendar.
    """
    for m in messages:
        if not MIN_YEAR <= m.time.year <= MAX_YEAR:
            raise InputError(
                f"a message in {path} is dated {m.time.isoformat(sep=' ', timespec='minutes')}, which is out of range "
                f"(years {MIN_YEAR} to {MAX_YEAR}); the export or the phone's clock may be wrong"
            )


def _other_meta_parts(path: Path, tz: tzinfo | None) -> list[Message]:
    """The rest of a long Messenger or Instagram conversation.

    Meta splits a long conversation into ``message_1.json``,
    ``message_2.json``... in one folder; whichever part is given, the others
    beside it are read too, so the signals cover the whole conversation. A
    part that cannot be read is an error rather than a silent gap.
    """
    if not _META_PART.fullmatch(path.name):
        return []
    out: list[Message] = []
    for part in sorted(path.parent.iterdir()):
        if part == path or not _META_PART.fullmatch(part.name):
            continue
        try:
            data = json.loads(_decode(part.read_bytes(), part))
        except (OSError, json.JSONDecodeError, RecursionError):
            raise InputError(f"{part} (another part of this conversation) cannot be read as a Meta export") from None
        if not meta.looks_like(data):
            raise InputError(f"{part} (another part of this conversation) is not a Messenger or Instagram export")
        out += meta.parse(data, tz=tz)
    return out


def _decode(raw: bytes, path: str | Path) -> str:
    if b"\x00" in raw[:4096]:
        raise InputError(f"{path} is a binary file, not a chat export ({KNOWN})")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not a text file (it is not UTF-8), so not a chat export ({KNOWN})") from None


def _read_text(text: str, fmt: str, path: str | Path, dayfirst: bool | None, tz: tzinfo | None) -> list[Message]:
    stripped = text.lstrip()
    if stripped[:1] == "{" and fmt in ("auto", "telegram", "messenger", "instagram"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{path} is not complete JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
                "it may have been cut short"
            ) from None
        except RecursionError:
            raise InputError(f"{path} is nested too deeply to read, so it is not a chat export ({KNOWN})") from None
        if fmt in ("auto", "messenger", "instagram") and meta.looks_like(data):
            return meta.parse(data, tz=tz) + _other_meta_parts(Path(path), tz)
        if fmt in ("auto", "telegram") and telegram.looks_like(data):
            return telegram.parse(data)
        raise InputError(f"{path} is JSON but not a chat export olivebranch can read ({KNOWN})")
    if fmt in ("telegram", "messenger", "instagram"):
        raise InputError(f"{path} is not a {fmt} JSON export")
    head = text[:4000]
    if fmt in ("auto", "signal") and signal.looks_like(head):
        return signal.parse(text)
    if fmt in ("auto", "whatsapp") and whatsapp.looks_like(head):
        return whatsapp.parse(text, dayfirst=dayfirst)
    if fmt != "auto":
        raise InputError(f"{path} does not look like a {fmt} export")
    raise InputError(f"{path} does not look like a chat export olivebranch can read ({KNOWN})")
