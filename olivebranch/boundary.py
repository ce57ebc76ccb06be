"""Boundaries the other person has set, as a draft tells of them: a block, or a request for no contact.

SPEC 7: olivebranch never helps contact someone who has blocked the user or
asked for no contact. The guided questions ask about it (a red flag that
stops the plan at Decide); a draft may say it in so many words ("I know you
asked me not to text you, but..."), and then the draft check offers no
rewrite of it and says why.
"""

from functools import cache

from olivebranch.data import read_toml
from olivebranch.words import phrase_patterns, says_any


def says_no_contact(text: str) -> bool:
    """True when ``text`` says the person it is for blocked the writer or asked for no contact.

    The patterns are ``no_contact_words.toml``'s: each needs them to have set
    the boundary, so "a silent retreat, no contact at all" is not one.
    """
    return says_any(_patterns(), text)


@cache
def _patterns():
    return phrase_patterns(read_toml("no_contact_words.toml"))
