"""The common record every chat format is read into."""

from dataclasses import dataclass
from datetime import datetime

from olivebranch.words import count_words


@dataclass(frozen=True, slots=True)
class Message:
    """One message of a chat, whatever app it came from.

    ``time`` is a naive datetime on the exporting device's local clock (exports
    carry no offset, SPEC 6). ``words`` follows SPEC 5's count; a media
    placeholder has 0 words and ``is_media`` set.
    """

    time: datetime
    sender: str
    text: str
    words: int
    is_media: bool = False


def text_message(time: datetime, sender: str, text: str) -> Message:
    """A message whose words are counted from its text."""
    return Message(time, sender, text, count_words(text), False)


def media_message(time: datetime, sender: str, text: str = "", caption: str = "") -> Message:
    """A media message: 0 words unless it carries a caption the sender typed."""
    return Message(time, sender, caption or text, count_words(caption), True)
