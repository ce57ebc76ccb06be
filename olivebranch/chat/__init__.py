"""Chat exports read into one common :class:`Message` record.

One module per format (``whatsapp``, ``telegram``, ``signal``, ``meta`` for
Messenger and Instagram, ``imessage``); :func:`read_chat` detects the format
and reads it. Parsers only read what they are handed: no clock, no network.

The readers load on first use of :func:`read_chat`, so a command that only
names the formats (``olivebranch signals --help``) does not import them.
"""

from olivebranch.chat.formats import FORMATS

__all__ = ["FORMATS", "Message", "count_words", "read_chat"]

_LAZY = {"Message": "olivebranch.chat.message", "count_words": "olivebranch.chat.message",
         "read_chat": "olivebranch.chat.reader"}


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(_LAZY[name]), name)
