"""WhatsApp "Export chat" text files, from Android and iOS, in any locale.

Why our own parser: we evaluated whatstk 0.9.1 and chat-miner 0.6.0.

- whatstk reads most header shapes well, but when the day/month order cannot
  be told from the file it guesses by heuristics (how much each field varies)
  and never says so, where SPEC 6 asks us to say so and take ``--dayfirst`` or
  ``--monthfirst``. It keeps system notices that iOS writes under a sender's
  name (the encryption notice) as messages, does not mark media placeholders,
  and brings pandas, plotly and seaborn with it.
- chat-miner's WhatsApp parser falls back to day-first silently on ambiguous
  files, joins multi-line messages into one line, parses every date with
  ``dateutil`` (slow: hundreds of thousands of calls on a long chat), and
  configures the root logger when imported.

So this module is a single-pass regular-expression reader with an explicit
date-order step. It handles:

- Android ``25/01/2026, 14:03 - Name: text`` and iOS ``[25/01/2026, 14:03:27]
  Name: text``, with ``/``, ``.`` or ``-`` between date parts (``2026. 1. 14.``
  too), 2- or 4-digit years, year-first dates, a comma, a space or a word
  between date and time (``à``, ``klo``, ``um``...), ``:`` or ``.`` in the
  time, 24-hour and 12-hour clocks with the morning/afternoon word after the
  time (``PM``, ``p. m.``, ``μ.μ.``, ``م``) or before it (``오전``, ``上午``,
  ``午後``), and the narrow no-break space (U+202F) newer exports put there;
  the words are data (``olivebranch/data/whatsapp.toml``);
- Thai phones' Buddhist years (``2569``, or ``2565 BE``), read as the common
  era (2026, 2022); digits of other scripts (Arabic-Indic) as digits;
- the invisible direction marks (U+200E and friends) iOS puts before notices
  and media lines;
- multi-line messages (a line without a header continues the message above);
- system notices, with or without a sender name (see :data:`NOTICES`);
- media placeholders (``<Media omitted>``, ``image omitted``,
  ``<attached: ...>``, ``... (file attached)``) as messages with 0 words.
"""

import re
from datetime import datetime
from functools import cache

from olivebranch.chat.message import Message, count_words
from olivebranch.data import read_toml
from olivebranch.errors import InputError

# Invisible marks WhatsApp sprinkles around headers, notices and media lines.
_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"), None)
_MARKS.update({0x202F: " ", 0x00A0: " "})

BUDDHIST_YEARS = 543  # a Thai phone counts years from 543 BC: 2569 is 2026
BUDDHIST_FROM = 2400  # a year this high is a Buddhist one (no chat is dated 2400 in the common era)


@cache
def _words() -> dict:
    return read_toml("whatsapp.toml")


def _loose(word: str) -> str:
    """``word`` as a pattern where a "." may be left out and a space may be missing ("a. m.", "a.m.", "am")."""
    return re.escape(word).replace(r"\.", r"\.?").replace(r"\ ", " ?")


def _either(words: list[str]) -> str:
    return "|".join(_loose(w) for w in sorted(words, key=len, reverse=True))


@cache
def _periods() -> dict[str, bool]:
    """Each morning/afternoon word, without dots or spaces and casefolded, to whether it is the afternoon."""
    header = _words()["header"]
    return {_bare(w): pm for pm, key in ((False, "am"), (True, "pm")) for w in header[key]}


def _bare(word: str) -> str:
    return word.replace(".", "").replace(" ", "").casefold()


@cache
def _header() -> re.Pattern:
    """The message header, built from the words in ``data/whatsapp.toml``.

    Groups: the three date fields, a morning/afternoon word before the time,
    hours, minutes, seconds, and such a word after the time.
    """
    header = _words()["header"]
    period = _either(header["am"] + header["pm"])
    return re.compile(
        r"\[?(\d{1,4})[./-] ?(\d{1,2})[./-] ?(\d{1,4})\.?(?: ?BE)?[,\u060c]? {0,2}"  # date; "BE": a Buddhist year
        rf"(?:(?:{_either(header['connectors'])}) )?"  # "à", "klo", "um"
        rf"(?:({period}) ?)?"  # "오전 ", "上午"
        r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?"  # time
        rf"(?: ?({period}))?"  # " PM", " μ.μ."
        r"(?:\] | [-\u2013] )",  # iOS "] " or Android " - "
        re.IGNORECASE,
    )


# System notices: WhatsApp writes these without a sender on Android and, on
# iOS, often under the other person's name. They are not messages (SPEC 6).
# Each is matched whole, as WhatsApp writes it (a multi-sentence notice by its
# first sentence and full stop), so a typed "Missed voice call, sorry I was
# driving" stays a message. Those that start a certain way are tried only when
# the first letter fits (cheap); those that start with a name only when a key
# word is in the text.
NOTICES = re.compile(
    r"(?:Messages and calls are end-to-end encrypted\.(?: .+)?"
    r"|Messages to this chat and calls are now secured with end-to-end encryption\.(?: .+)?"
    r"|Messages you send to this chat and calls are now secured with end-to-end encryption\.(?: .+)?"
    r"|Your security code with .+ changed\.(?: Tap to learn more\.)?"
    r"|You (?:un)?blocked this contact\.?(?: Tap to (?:un)?block\.)?"
    r"|Disappearing messages were turned (?:on|off)\.(?: .+)?"
    r"|Missed (?:voice|video|group voice|group video) call(?:, Tap to call back)?"
    r"|(?:Voice|Video) call(?:, (?:\d+ (?:sec|min|hr|h)\w*(?: \d+ \w+)?|No answer))?"
    r"|Silenced (?:voice|video) call"
    r"|This chat is with a business account\.(?: Tap to learn more\.)?"
    r"|Tap to (?:learn more|change)\.?)$"
)
_NAMED_NOTICES = re.compile(
    r".+ (?:changed (?:their|his|her) phone number to a new number\.(?: Tap to .+)?|changed to \+?[\d ()-]+"
    r"|turned (?:on|off) disappearing messages\.(?: .+)?|uses a default timer for disappearing messages in new chats\.(?: .+)?)$"
)
_NOTICE_FIRST = frozenset("MYDTSV")  # first letters of the prefix notices

MEDIA = re.compile(
    r"(?:<Media omitted>|<attached: [^>]*>|null"
    r"|(?:image|video|audio|sticker|GIF|document|Contact card|voice message) omitted"
    r"|.* document omitted|.*\(file attached\)"
    r"|<Medien ausgeschlossen>|<Multimedia omitido>|<Médias omis>|<Media weggelaten>)\s*$",
    re.IGNORECASE,
)
DELETED = re.compile(r"^(?:This message was deleted\.?|You deleted this message\.?)$")
EDITED = " <This message was edited>"


def looks_like(head: str) -> bool:
    """Whether the first lines of a text look like a WhatsApp export."""
    lines = [ln.translate(_MARKS).strip() for ln in head.splitlines() if ln.strip()][:5]
    header = _header()
    return bool(lines) and sum(1 for ln in lines if header.match(ln)) >= (1 if len(lines) < 3 else 2)


def parse(text: str, dayfirst: bool | None = None) -> list[Message]:
    """Read a WhatsApp export's text into messages, in file order.

    ``dayfirst`` settles the date order when the file cannot (no day above 12
    anywhere); ``None`` means work it out from the file, and raise
    :class:`InputError` if it cannot.
    """
    text = text.translate(_MARKS)
    match = _header().match
    entries: list[list] = []  # [date fields, hh, mm, ss, morning/afternoon word, rest, continuation lines]
    for lineno, line in enumerate(text.splitlines(), 1):
        m = match(line)
        if m is None:
            if entries:
                entries[-1][6].append(line)
                continue
            if not line.strip():
                continue
            raise InputError(f"line {lineno} does not start with a date and time, so this is not a WhatsApp export")
        g = m.groups()
        entries.append([g[:3], g[4], g[5], g[6], g[3] or g[7], line[m.end():], [], lineno])
    if not entries:
        raise InputError("there are no messages in this WhatsApp export")

    order = _date_order([e[0] for e in entries], dayfirst)
    messages: list[Message] = []
    day_cache: dict[tuple[str, str, str], tuple[int, int, int]] = {}
    periods = _periods()
    for fields, hh, mm, ss, ampm, rest, more, lineno in entries:
        ymd = day_cache.get(fields)
        if ymd is None:
            ymd = day_cache[fields] = _ymd(fields, order)
        hour = int(hh)
        if ampm is not None:
            hour = hour % 12 + (12 if periods[_bare(ampm)] else 0)
        try:
            when = datetime(ymd[0], ymd[1], ymd[2], hour, int(mm), int(ss) if ss else 0)
        except ValueError:
            raise InputError(f"line {lineno} has a date or time that does not exist") from None
        sender, sep, body = rest.partition(": ")
        if not sep:
            if rest.endswith(":") and ": " not in rest:
                sender, body = rest[:-1], ""
            else:
                continue  # a notice without a sender (Android)
        if more:
            body = "\n".join([body, *more])
        body = body.strip()
        if body.endswith(EDITED.strip()):
            body = body[: -len(EDITED.strip())].rstrip()
        if _is_notice(body):
            continue  # a notice under a sender's name (iOS)
        sender = sender.strip()
        if body and (body[0] == "<" or body[-1] in "d)l") and MEDIA.match(body):
            messages.append(Message(when, sender, body, 0, True))
        elif DELETED.match(body):
            messages.append(Message(when, sender, body, 0, False))
        else:
            messages.append(Message(when, sender, body, count_words(body), False))
    return messages


def _is_notice(body: str) -> bool:
    if body[:1] in _NOTICE_FIRST and NOTICES.match(body):
        return True
    return ("change" in body or "disappearing" in body) and _NAMED_NOTICES.match(body) is not None


def _date_order(fields: list[tuple[str, str, str]], dayfirst: bool | None) -> str:
    """Return ``"ymd"``, ``"dmy"`` or ``"mdy"`` for this file's dates."""
    if all(len(f[0]) == 4 for f in fields[:50]):
        return "ymd"
    first = max(int(f[0]) for f in fields)
    second = max(int(f[1]) for f in fields)
    if first > 12 and second > 12:
        raise InputError("the dates in this file read neither as day/month nor as month/day")
    if first > 12:
        if dayfirst is False:
            raise InputError("this file writes the day first (it has a day above 12 there), so --monthfirst does not fit")
        return "dmy"
    if second > 12:
        if dayfirst is True:
            raise InputError("this file writes the month first (it has a day above 12 second), so --dayfirst does not fit")
        return "mdy"
    if dayfirst is None:
        raise InputError(
            "this file cannot tell whether its dates are day/month or month/day (no day is above 12); "
            "add --dayfirst or --monthfirst"
        )
    return "dmy" if dayfirst else "mdy"


def _ymd(fields: tuple[str, str, str], order: str) -> tuple[int, int, int]:
    a, b, c = (int(x) for x in fields)
    if order == "ymd":
        y, m, d = a, b, c
    elif order == "dmy":
        d, m, y = a, b, c
    else:
        m, d, y = a, b, c
    if len(fields[0 if order == "ymd" else 2]) <= 2:  # "26" is 2026; a year written "0001" is year 1
        y += 2000
    elif y >= BUDDHIST_FROM:
        y -= BUDDHIST_YEARS
    return y, m, d
