"""Hashed word and character n-grams: the lexical half of the learned model.

Static embeddings capture meaning; many of the draft check's codes are also
carried by particular wordings ("or else", "must be nice", "🙄"). This turns
a draft into a sparse, L2-normalised bag of word unigrams and bigrams and
character 3- to 5-grams inside words, hashed with CRC-32 (stable across runs
and machines) into a fixed number of buckets. The same function feeds
training and inference, so they cannot drift apart. Hash collisions are not
what holds the model back: four times as many buckets (2**19) scored no
better on the held-out split (macro-F1 0.807 against 0.809, with
``bench/learning_curve.py --quick --shares 1``) for a model four times the
size. Nor is texting spelling: mapping "u", "ur", "dont" and 57 other
short forms to the full words before hashing scored 0.811 against 0.810
held out, but raised the false alarms on the unseen author's clean drafts
(``bench/unseen_author.py``) from 10.9% to 13.4%; the character n-grams
already tie most short forms to the long ones. Weighing grams by inverse
document frequency did not help either: 0.807 held out with the full weight;
0.812 with its square root, but missing one more sign of crisis on each of
the held-out split, ``health_drafts.jsonl`` and ``closure_drafts.jsonl``.

Every character that is not a letter or digit is a token, full stops and
commas too. The model leans on the full stop (the corpus's signs of crisis
carry more of them per word), so the same words punctuated differently can
get a different verdict (``bench/punctuation.py``). Leaving full stops and
commas out made the verdict nearly blind to punctuation but raised the false
alarms held out (8.24% to 9.34% at fold seed 13) and on everyday messages
(``bench/false_alarms.py``: 2.5% to 4.0%), so they stay (``bench/README.md``).

Character n-grams weigh a quarter of a word's (``CHAR_WEIGHT``), which
regularises them harder: they let the model read "ur" as "your" and "sooo"
as "so", but at full weight the pieces shared by unrelated words added up in
short drafts ("one" in "have a good one" counted as in "gone" and "done",
and the message was read as a sign of crisis). Out of fold on the train
split (as it was before ``drafts_q``), the mean F1 over the learned flags
was 0.795 at full weight, 0.801 at a half, 0.805 at a quarter and at a
tenth, and 0.802 without them.

Words repeat across drafts far more than drafts do, so each word's buckets
(its unigram and character n-grams) and each word pair's bucket are hashed
once and cached.
"""

from functools import lru_cache
import re
import zlib

import numpy as np

BUCKETS = 1 << 17
_TOKEN = re.compile(r"[a-z0-9']+|[^\sa-z0-9]")
_CACHE = 1 << 16  # words and word pairs remembered
CHAR_WEIGHT = 0.25


def _bucket(gram: str) -> int:
    return zlib.crc32(gram.encode("utf-8")) % BUCKETS


@lru_cache(maxsize=_CACHE)
def _word_buckets(token: str) -> tuple[int, ...]:
    """The token's unigram bucket, then (for words) its character 3-, 4- and 5-grams'.

    A character n-gram's bucket is offset by ``BUCKETS``, so that it sorts
    after every word gram's and :func:`ngram_arrays` can weigh it apart.
    """
    buckets = [_bucket(f"w {token}")]
    if len(token) > 1 and token[0].isalnum():
        padded = f" {token} "
        buckets += [BUCKETS + _bucket(f"c {padded[i:i + n]}") for n in (3, 4, 5) for i in range(len(padded) - n + 1)]
    return tuple(buckets)


@lru_cache(maxsize=_CACHE)
def _pair_bucket(first: str, second: str) -> int:
    return _bucket(f"b {first} {second}")


def ngram_arrays(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The draft's n-gram features as (bucket ids, weights), L2-normalised.

    A gram seen ``c`` times weighs ``1 + log(c)`` before normalising, times
    ``CHAR_WEIGHT`` for a character n-gram. Word grams come first, then
    character grams, each part sorted; in the rare bucket that a hash
    collision shares between the two, the bucket appears twice and the model
    adds both.
    """
    tokens = _TOKEN.findall(text.lower())
    keys: list[int] = []
    for token in tokens:
        keys += _word_buckets(token)
    keys += map(_pair_bucket, tokens, tokens[1:])
    buckets, counts = np.unique(np.array(keys, dtype=np.int64), return_counts=True)
    weights = 1.0 + np.log(counts)
    chars = int(np.searchsorted(buckets, BUCKETS))
    weights[chars:] *= CHAR_WEIGHT
    buckets[chars:] -= BUCKETS
    norm = float(np.sqrt(weights @ weights)) or 1.0
    return buckets, (weights / norm).astype(np.float32)
