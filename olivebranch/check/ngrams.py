"""Hashed word and character n-grams: the lexical half of the learned model.

Static embeddings capture meaning; many of the draft check's codes are also
carried by particular wordings ("or else", "must be nice", "🙄"). This turns
a draft into a sparse, L2-normalised bag of word unigrams and bigrams and
character 3- to 5-grams inside words, hashed with CRC-32 (stable across runs
and machines) into a fixed number of buckets. The same function feeds
training and inference, so they cannot drift apart.

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


def _bucket(gram: str) -> int:
    return zlib.crc32(gram.encode("utf-8")) % BUCKETS


@lru_cache(maxsize=_CACHE)
def _word_buckets(token: str) -> tuple[int, ...]:
    """The token's unigram bucket, then (for words) its character 3-, 4- and 5-grams'."""
    grams = [f"w {token}"]
    if len(token) > 1 and token[0].isalnum():
        padded = f" {token} "
        grams += [f"c {padded[i:i + n]}" for n in (3, 4, 5) for i in range(len(padded) - n + 1)]
    return tuple(map(_bucket, grams))


@lru_cache(maxsize=_CACHE)
def _pair_bucket(first: str, second: str) -> int:
    return _bucket(f"b {first} {second}")


def ngram_arrays(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The draft's n-gram features as (sorted bucket ids, weights), L2-normalised.

    A bucket seen ``c`` times weighs ``1 + log(c)`` before normalising.
    """
    tokens = _TOKEN.findall(text.lower())
    keys: list[int] = []
    for token in tokens:
        keys += _word_buckets(token)
    keys += map(_pair_bucket, tokens, tokens[1:])
    buckets, counts = np.unique(np.array(keys, dtype=np.int64), return_counts=True)
    weights = 1.0 + np.log(counts)
    norm = float(np.sqrt(weights @ weights)) or 1.0
    return buckets, (weights / norm).astype(np.float32)

