"""Hashed word and character n-grams: the lexical half of the learned model.

Static embeddings capture meaning; many of the draft check's codes are also
carried by particular wordings ("or else", "must be nice", "🙄"). This turns
a draft into a sparse, L2-normalised bag of word unigrams and bigrams and
character 3- to 5-grams inside words, hashed with CRC-32 (stable across runs
and machines) into a fixed number of buckets. The same function feeds
training and inference, so they cannot drift apart.
"""

import math
import re
import zlib

BUCKETS = 1 << 17
_TOKEN = re.compile(r"[a-z0-9']+|[^\sa-z0-9]")


def ngrams(text: str) -> dict[int, float]:
    """The draft's n-gram features as ``{bucket: weight}``, L2-normalised."""
    tokens = _TOKEN.findall(text.lower())
    counts: dict[int, int] = {}
    grams = [f"w {t}" for t in tokens]
    grams += [f"b {a} {b}" for a, b in zip(tokens, tokens[1:])]
    for t in tokens:
        if len(t) > 1 and t[0].isalnum():
            padded = f" {t} "
            grams += [f"c {padded[i:i + n]}" for n in (3, 4, 5) for i in range(len(padded) - n + 1)]
    for g in grams:
        key = zlib.crc32(g.encode("utf-8")) % BUCKETS
        counts[key] = counts.get(key, 0) + 1
    weights = {k: 1.0 + math.log(c) for k, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {k: w / norm for k, w in weights.items()}
