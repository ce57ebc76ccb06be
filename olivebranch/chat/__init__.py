"""Chat exports read into one common :class:`Message` record.

One module per format (``whatsapp``, ``telegram``, ``signal``, ``meta`` for
Messenger and Instagram, ``imessage``); :func:`read_chat` detects the format
and reads it. Parsers only read what they are handed: no clock, no network.
"""

from olivebranch.chat.message import Message, count_words
from olivebranch.chat.reader import FORMATS, read_chat

__all__ = ["FORMATS", "Message", "count_words", "read_chat"]
