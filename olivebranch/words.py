"""Words as SPEC 5 counts them, shared by the draft check and chat signals (SPEC 6), and text that is not text."""

import re
import unicodedata

# A whitespace-separated token with at least one letter or digit: each match
# spans one whole token ([^\W_] is a letter or digit in any script). It may
# only start where a token starts, and runs over the token's leading
# punctuation without giving any back, so a long run with no letter in it
# ("!!!...", a row of emoji) is passed over once rather than retried from
# every character; the matches are those of r"\S*[^\W_]\S*", in linear time.
WORD = re.compile(r"(?<!\S)(?:[^\w\s]|_)*+[^\W_]\S*")


def count_words(text: str) -> int:
    """Count whitespace-separated tokens holding at least one letter or digit (SPEC 5)."""
    return len(WORD.findall(text))


def any_of(phrases, flags: int = 0) -> re.Pattern:
    """A pattern for any of ``phrases`` ("u ok", "texted") as whole words."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b", flags)


_MACRO = re.compile(r"\{([a-z_]+)\}")  # {who}, never a {1,2} quantifier


def phrase_patterns(table: dict) -> tuple[re.Pattern, ...]:
    """A data table's ``patterns``, each ``{name}`` in them replaced by the table's string of that name, case ignored."""
    return tuple(re.compile(_MACRO.sub(lambda m: table[m.group(1)], p), re.IGNORECASE) for p in table["patterns"])


def says_any(patterns: tuple[re.Pattern, ...], text) -> bool:
    """True when ``text`` matches any of ``patterns``, curly apostrophes read as straight; False for what is not text."""
    if not isinstance(text, str):
        return False
    plain = text.replace("\u2019", "'")
    return any(p.search(plain) for p in patterns)


# Python reads bytes that are not UTF-8 (in a command's arguments, or as
# "\udcff" escapes in JSON) as unpaired surrogates, which cannot be printed or
# tokenised.
UNPAIRED_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with each unpaired surrogate replaced by U+FFFD, one character for one."""
    return UNPAIRED_SURROGATE.sub("\ufffd", text)


# Characters that show nothing on their own: spaces and line breaks (Z*),
# format characters such as the zero-width space, word joiner and byte order
# mark (Cf), controls (Cc), combining marks with no letter to sit on (M*), and
# the filler letters some apps use to send a "blank" message.
_INVISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cf", "Cc", "Mn", "Mc", "Me"})
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")  # Hangul fillers, braille blank


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing to a reader: empty, or only spaces and invisible characters.

    Stops at the first visible character, so a long real message costs next to nothing.
    """
    category = unicodedata.category
    return all(ch in _FILLERS or category(ch) in _INVISIBLE_CATEGORIES for ch in text)
