"""Boundaries the other person has set, as a draft tells of them: a block, or a request for no contact.

SPEC 7: olivebranch never helps contact someone who has blocked the user or
asked for no contact. The guided questions ask about it (a red flag that
stops the plan at Decide); a draft may say it in so many words ("I know you
asked me not to text you, but..."), and then the draft check offers no
rewrite of it and says why.
"""

from functools import cache
import re

from olivebranch.data import read_toml


def says_no_contact(text: str) -> bool:
    """True when ``text`` says the person it is for blocked the writer or asked for no contact.

    The patterns are ``no_contact_words.toml``'s: each needs them to have set
    the boundary, so "a silent retreat, no contact at all" is not one.
    """
    if not isinstance(text, str):
        return False
    plain = text.replace("\u2019", "'")
    return any(p.search(plain) for p in _patterns())


@cache
def _patterns() -> tuple[re.Pattern, ...]:
    table = read_toml("no_contact_words.toml")
    return tuple(re.compile(p.replace("{you}", table["you"]), re.IGNORECASE) for p in table["patterns"])
