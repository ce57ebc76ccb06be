"""Warm sign-offs ("take care x", "night xx", "done for the day"): a whole draft that is only one of them.

Short drafts give the learned model little to go on, and a few words shared
with final goodbyes ("take care") can lift its self-harm score over the
line. The guide the corpus is labelled by (``corpus/LABELLING.md``) calls a
warm sign-off `warmth`, so the model's self-harm reading is not taken for a
draft that is nothing else. Strong self-harm patterns still apply.

Widening this to any goodbye that gives an ordinary reason (giving them
space, respecting their decision) was measured and dropped: veiled goodbyes
give the same reasons, and on ``bench/data/closure_drafts.jsonl`` it lost 5
of 80 signs of crisis to spare 2 of 80 kind goodbyes (``bench/README.md``).
Nor does a promise to come back ("when I'm back", "slow to reply", "talk
soon") overrule the model: it spared no clean draft on the held-out split or
the three bench files, and lost one sign of crisis held out.
"""

from functools import cache
import re

from olivebranch.check.mechanics import KISSES, lexicon
from olivebranch.check.text import Draft

_WORD = re.compile(r"[a-z']+")


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    table = lexicon()["sign_off"]
    return frozenset(table["phrases"]), frozenset(table["openers"])


def is_bare_sign_off(draft: Draft, also: frozenset[str] = frozenset()) -> bool:
    """True when the draft's words, after an opener and without kisses, are one warm sign-off.

    ``also`` adds phrases of the caller's own (the rewrite ends on "I love you" as on a sign-off).
    """
    phrases, openers = _lexicon()
    words = [w for w in _WORD.findall(draft.normal.lower()) if not KISSES.fullmatch(w)]
    while words and words[0] in openers:
        words.pop(0)
    return bool(words) and (" ".join(words) in phrases or " ".join(words) in also)
