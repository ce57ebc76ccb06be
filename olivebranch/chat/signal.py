"""Signal Desktop chats exported with signal-export (``sigexport``), ``chat.md``.

Signal has no export of its own; the common tool is signal-export, which
writes one ``chat.md`` per conversation, a line per message::

    [2026-01-05 09:12:30] Alex Kim: See you there
    [2026-01-05 09:14:02] Me: ![photo.jpg](./media/photo.jpg)

Outgoing messages are from ``Me`` (so ``--me Me``). Quotes (``> ...`` lines),
reactions (``(- Name: emoji -)``) and sticker markers (``(( emoji ))``) are
not the sender's own words. Calls are notices. chat-miner's Signal parser
expects an older ``[2026-01-05, 09:12]`` header and joins lines, so we read
the current shape ourselves; ISO dates need no date-order step.
"""

import re
from datetime import datetime

from olivebranch.chat.message import Message, count_words
from olivebranch.errors import InputError

HEADER = re.compile(r"\[(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2})?)\] ([^:\n]+): ?")
_ATTACHMENT = re.compile(r"!?\[[^\]]*\]\([^)]*\)")
_REACTION = re.compile(r"^\(- .* -\)$")
_STICKER = re.compile(r"^\(\( .* \)\)$")
_CALL = re.compile(r"(?:Incoming|Outgoing|Missed) (?:voice |video )?call(?: \([^)\n]*\))?")  # matched whole
_DELETED = "(This message was deleted)"


def looks_like(head: str) -> bool:
    """Whether the first line of a text looks like a signal-export ``chat.md``."""
    first = next((ln for ln in head.splitlines() if ln.strip()), "")
    return HEADER.match(first) is not None


def parse(text: str) -> list[Message]:
    """Read a signal-export ``chat.md`` into messages."""
    entries: list[tuple[datetime, str, list[str]]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        m = HEADER.match(line)
        if m is None:
            if entries:
                entries[-1][2].append(line)
                continue
            if not line.strip():
                continue
            raise InputError(f"line {lineno} does not start with [date time], so this is not a Signal chat.md")
        try:
            when = datetime.fromisoformat(f"{m.group(1)} {m.group(2)}")
        except ValueError:
            raise InputError(f"line {lineno} has a date or time that does not exist") from None
        entries.append((when, m.group(3).strip(), [line[m.end():]]))
    out: list[Message] = []
    for when, sender, lines in entries:
        kept, sticker = [], False
        for ln in lines:
            s = ln.strip()
            if s.startswith("> ") or s == ">" or _REACTION.match(s):
                continue
            if _STICKER.match(s):
                sticker = True
                continue
            kept.append(s)
        body = "\n".join(kept).strip()
        if _CALL.fullmatch(body):
            continue
        words_text = _ATTACHMENT.sub(" ", body).strip()
        if body == _DELETED:
            out.append(Message(when, sender, body, 0, False))
        elif sticker or words_text != body:
            out.append(Message(when, sender, body, count_words(words_text), True))
        else:
            out.append(Message(when, sender, body, count_words(body), False))
    return out
