"""The chat export formats olivebranch reads, by name (a leaf module: the CLI's help lists them)."""

from enum import Enum


class ChatFormat(str, Enum):
    """A format to read an export as; ``auto`` tells it from the file."""

    auto = "auto"
    whatsapp = "whatsapp"
    telegram = "telegram"
    signal = "signal"
    messenger = "messenger"
    instagram = "instagram"
    imessage = "imessage"


FORMATS = tuple(f.value for f in ChatFormat)
