"""Whether a draft is written in a language the check cannot read, and if so which.

The check's patterns and model were made from English drafts: in another
language it finds next to nothing, and "fine to send" would be a promise it
cannot keep. So a draft of at least :data:`MIN_WORDS` words is named when
most of its words are not in the model's own (English) vocabulary and
py3langid, a language identifier shipped inside its PyPI package, gives
English a probability below :data:`MAX_ENGLISH` among :data:`LANGUAGES`.
The vocabulary test comes first because it is cheap: py3langid's model takes
about a second to load, and only a draft that may not be English pays it.
A draft whose letters are mostly not Latin ones (Cyrillic, Arabic, Chinese,
Devanagari...) is named however short it is: Chinese and Japanese put no
spaces between words, and no English draft is written that way.

Of the 12,101 English texts in ``corpus/`` and ``bench/data/`` (the
labelled drafts and ``clean_probe.txt``) it names none. Of 30 short messages
written for this test in Spanish, French, German, Portuguese, Italian and
Dutch it names 22: seven hold fewer than three words of three letters or
more, and one ("sorry van gisteren, ik was stom") is half English words.

A language py3langid does not know in Latin letters, as romanised Hindi or
Urdu ("yaar kitne din ho gaye, kaisa hai tu?"), still comes out as the
nearest listed one, Tagalog, Indonesian or Finnish, but with a probability
of 0.3 to 0.61 where a short draft in a listed language gets 0.67 or more
(Portuguese and Danish the lowest, beside Spanish and Norwegian). So a
draft in Latin letters whose best guess is below :data:`MIN_NAMED` is
:data:`UNNAMED`: not English, but which language is not said, rather than
a wrong name.
"""

import re
from collections.abc import Callable, Set
from functools import cache
import unicodedata

# Words of three letters or more; shorter ones ("me", "no", "te") are shared across languages.
_WORD = re.compile(r"[^\W\d_]{3,}")
MIN_WORDS = 3
MIN_UNKNOWN_SHARE = 0.5  # of the words, at least this share unknown to the model's vocabulary
MAX_ENGLISH = 0.05  # py3langid's probability of English, below which the draft is not English
MIN_NAMED = 0.65  # py3langid's probability of its best guess, below which a draft in Latin letters is not named
# Not English, and not sure which language: the interface says "another language".
UNNAMED = "unnamed"

# The languages told apart, by py3langid code: English, the ones most often written around
# it, and the most written of other scripts. A draft in a language not listed is named as
# the nearest listed one, or not at all.
LANGUAGES = {
    "en": "English", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese",
    "it": "Italian", "nl": "Dutch", "sv": "Swedish", "da": "Danish", "no": "Norwegian",
    "pl": "Polish", "tr": "Turkish", "ro": "Romanian", "id": "Indonesian", "ca": "Catalan",
    "cs": "Czech", "hu": "Hungarian", "fi": "Finnish", "vi": "Vietnamese", "tl": "Tagalog",
    "ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian", "el": "Greek", "he": "Hebrew",
    "ar": "Arabic", "fa": "Persian", "ur": "Urdu", "hi": "Hindi", "bn": "Bengali",
    "ta": "Tamil", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "th": "Thai",
}


def other_language(text: str, vocabulary: Callable[[], Set[str]]) -> str | None:
    """The name of the language ``text`` is written in when it is not English, else ``None``.

    :data:`UNNAMED` when it is not English but in Latin letters that py3langid
    is unsure of. ``vocabulary()`` gives the words the check's model knows
    (lower case); it is called only for a draft long enough to tell.
    """
    if _mostly_other_script(text):
        return _name(text)
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    known = vocabulary()
    if sum(w not in known for w in words) < MIN_UNKNOWN_SHARE * len(words):
        return None
    ranked = dict(_identifier().rank(text))
    if ranked.get("en", 0.0) >= MAX_ENGLISH:
        return None
    best = max(ranked, key=ranked.get)
    return LANGUAGES[best] if ranked[best] >= MIN_NAMED else UNNAMED


def _mostly_other_script(text: str) -> bool:
    """Whether more than half of the letters in ``text`` are not Latin ones."""
    letters = [c for c in text if c.isalpha()]
    other = sum(not unicodedata.name(c, "LATIN").startswith("LATIN") for c in letters)
    return 2 * other > len(letters)


def _name(text: str) -> str:
    """The name of the listed language py3langid finds ``text`` nearest to."""
    language, _ = _identifier().classify(text)
    return LANGUAGES[language]


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier
