"""Words as SPEC 5 counts them, shared by the draft check and chat signals (SPEC 6)."""

import re

# A whitespace-separated token with at least one letter or digit: each match
# spans one whole token ([^\W_] is a letter or digit in any script).
WORD = re.compile(r"\S*[^\W_]\S*")


def count_words(text: str) -> int:
    """Count whitespace-separated tokens holding at least one letter or digit (SPEC 5)."""
    return len(WORD.findall(text))
