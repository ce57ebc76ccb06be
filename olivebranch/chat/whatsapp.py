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
- system notices, with or without a sender name, and media placeholders
  (``<Media omitted>``, ``Bild weggelassen``, ``<attached: ...>``, ``...
  (file attached)``) as messages with 0 words, in English, German, Spanish,
  French, Italian, Portuguese, Dutch, Russian, Turkish and Polish; deleted
  messages (0 words) and the mark on an edited one in the same languages. These
  strings are data too (``data/whatsapp.toml``, see :class:`_Lexicon`).
"""

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from olivebranch.chat.message import Message, count_words
from olivebranch.data import read_toml
from olivebranch.errors import InputError

# Invisible marks WhatsApp sprinkles around headers, notices and media lines.
_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"), None)
_MARKS.update({0x202F: " ", 0x00A0: " "})

SNIFF_LINES = 50  # lines of a text looked at to tell a WhatsApp export
BUDDHIST_YEARS = 543  # a Thai phone counts years from 543 BC: 2569 is 2026
BUDDHIST_FROM = 2400  # a year this high is a Buddhist one (no chat is dated 2400 in the common era)


@cache
def _words() -> dict:
    return read_toml("whatsapp.toml")


def _loose(word: str) -> str:
    """``word`` as a pattern where a "." may be left out and a space may be missing ("a. m.", "a.m.", "am")."""
    return re.escape(word).replace(r"\.", r"\.?").replace(r"\ ", " ?")


def _either(words: list[str], cases: bool = False) -> str:
    """One alternation of ``words`` (longest first); ``cases`` adds each in lower, upper and title case."""
    if cases:
        words = list(dict.fromkeys(v for w in words for v in (w, w.lower(), w.upper(), w.capitalize())))
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
    period = _either(header["am"] + header["pm"], cases=True)
    # Not re.IGNORECASE (the words come in their cases instead): it would make every line twice as slow
    # to read. Each run of words is tried only where no digit follows (before the time) or no "]" or
    # "-" (after it), so the usual header skips them at once.
    return re.compile(
        r"\[?(\d{1,4})[./-] ?(\d{1,2})[./-] ?(\d{1,4})\.?(?: ?BE)?[,\u060c]? {0,2}"  # date; "BE": a Buddhist year
        rf"(?:(?!\d)(?:{_either(header['connectors'], cases=True)}) )?"  # "à", "klo", "um"
        rf"(?:(?!\d)({period}) ?)?"  # "오전 ", "上午"
        r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?"  # time
        rf"(?:(?! ?[\]\-\u2013]) ?({period}))?"  # " PM", " μ.μ."
        r"(?:\] | [-\u2013] )",  # iOS "] " or Android " - "
    )


# What the notices in the data may use: the rest of a notice after its first
# sentence (nothing, its full stop or an ellipsis, and maybe more), and a name.
_MACROS = {"{more}": r"(?:[.\u2026](?: .+)?)?", "{name}": ".+"}
_NAMED = re.compile(r"\{name\} (\w+)")  # a notice that starts with a name, and the word after it


@dataclass(frozen=True)
class _Lexicon:
    """What WhatsApp writes that is not a person's words, from ``data/whatsapp.toml``, ready to match.

    Notices are matched whole, as WhatsApp writes them, so a typed "Missed
    voice call, sorry I was driving" stays a message. Those that start a
    certain way are tried only against messages that start the same way
    (cheap); those that start with a name only when the word after the name
    is in the text.
    """

    notices: dict[str, re.Pattern]  # by first character
    named_words: re.Pattern  # finds a word that follows the name in a notice that starts with one
    named_notices: dict[str, re.Pattern]  # by that word
    zero_words: dict[str, bool]  # a placeholder or deleted message, casefolded, to whether it is media
    media: re.Pattern  # a named document, an attachment
    media_ends: frozenset[str]  # the last characters (casefolded) what ``media`` matches can have
    edited: tuple[str, ...]

    def is_notice(self, body: str) -> bool:
        """Whether ``body`` (stripped) is a system notice."""
        notices = self.notices.get(body[:1])
        if notices is not None and notices.fullmatch(body):
            return True
        if self.named_words.search(body) is None:  # most messages: no generator set up for them
            return False
        return any(self.named_notices[w.group(1)].fullmatch(body) for w in self.named_words.finditer(body))

    def zero(self, body: str) -> bool | None:
        """For a message of no words of its own: ``True`` if it is media, ``False`` if deleted; else ``None``.

        ``body`` is stripped and not empty.
        """
        key = body.casefold()
        if key[0] == "\u2039":  # "‹Mídia oculta>": some exports open with a single angle quote
            key = "<" + key[1:]
        found = self.zero_words.get(key)
        if found is None and key[-1] in self.media_ends and self.media.fullmatch(body) is not None:
            return True
        return found

    def unedited(self, body: str) -> str:
        """``body`` (stripped) without the mark WhatsApp adds to an edited message."""
        if body.endswith(self.edited):
            mark = next(m for m in self.edited if body.endswith(m))
            return body[: -len(mark)].rstrip()
        return body


@cache
def _lexicon() -> _Lexicon:
    data = _words()
    by_first: dict[str, list[str]] = {}
    by_word: dict[str, list[str]] = {}
    for group in data["notices"].values():
        for notice in group:
            pattern = notice
            for macro, expansion in _MACROS.items():
                pattern = pattern.replace(macro, expansion)
            named = _NAMED.match(notice)
            if named:
                by_word.setdefault(named.group(1), []).append(pattern)
            else:
                by_first.setdefault(notice[0], []).append(pattern)
    media = data["media"]
    named_documents = _either(media["after_a_name"])
    zero_words = {d.rstrip(".").casefold() + stop: False for d in data["deleted"]["messages"] for stop in ("", ".")}
    zero_words.update((p.casefold(), True) for p in media["placeholders"])
    return _Lexicon(
        notices={first: _any_of(patterns) for first, patterns in by_first.items()},
        # " " rather than "\b": 4 times faster, and the name always comes before the word.
        named_words=re.compile(rf" ({'|'.join(map(re.escape, by_word)) or '(?!)'})(?= )"),
        named_notices={word: _any_of(patterns) for word, patterns in by_word.items()},
        zero_words=zero_words,
        media=re.compile(
            rf".+ (?:{named_documents})|<(?:{_either(media['attached'])}): [^>]*>|.* ?\((?:{_either(media['file_attached'])})\)",
            re.IGNORECASE,
        ),
        media_ends=frozenset(w[-1].casefold() for w in media["after_a_name"]) | {">", ")"},
        edited=tuple(data["edited"]["suffixes"]),
    )


def _any_of(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def looks_like(head: str) -> bool:
    """Whether the first lines of a text look like a WhatsApp export.

    An export starts with a message header (the encryption notice, or the
    first message), however many lines that message runs to. A text that does
    not is taken for one if at least 2 of its first 50 lines are headers (1
    of a text of 1 or 2 lines), so the parser can say which line is wrong.
    """
    lines = [ln.translate(_MARKS).strip() for ln in head.splitlines() if ln.strip()][:SNIFF_LINES]
    if not lines:
        return False
    header = _header()
    if header.match(lines[0]):
        return True
    return sum(1 for ln in lines if header.match(ln)) >= (1 if len(lines) < 3 else 2)


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
    lexicon = _lexicon()
    zero = lexicon.zero
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
        if body[-1:] == ">":  # every mark of an edited message ends so
            body = lexicon.unedited(body)
        if lexicon.is_notice(body):
            continue  # a notice under a sender's name (iOS)
        sender = sender.strip()
        media = zero(body) if body else None
        if media is None:
            messages.append(Message(when, sender, body, count_words(body), False))
        else:
            messages.append(Message(when, sender, body, 0, media))  # a placeholder, or a deleted message
    return messages


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
