"""Hashed n-grams: stable, normalised, within range."""

import math

from olivebranch.check.ngrams import BUCKETS, CHAR_WEIGHT, ngram_arrays


def ngrams(text: str) -> dict[int, float]:
    """The draft's features as ``{bucket: weight}`` (a bucket listed twice adds up), easier to compare."""
    buckets, weights = ngram_arrays(text)
    out: dict[int, float] = {}
    for bucket, weight in zip(buckets.tolist(), weights.tolist()):
        out[bucket] = out.get(bucket, 0.0) + weight
    return out


def test_same_text_same_features_and_unit_length():
    a = ngrams("answer me by tonight or we're done")
    assert a == ngrams("answer me by tonight or we're done")
    assert math.isclose(math.sqrt(sum(v * v for v in a.values())), 1.0, rel_tol=1e-6)  # float32
    assert all(0 <= k < BUCKETS for k in a)


def test_case_does_not_matter_but_words_do():
    assert ngrams("Must Be Nice") == ngrams("must be nice")
    assert ngrams("must be nice") != ngrams("must be kind")


def test_emoji_and_punctuation_are_features():
    assert ngrams("ok 🙄") != ngrams("ok")


def test_empty_text_has_no_features():
    assert ngrams("") == {}
    assert ngrams("   ") == {}


def test_hash_is_stable_across_runs():
    # CRC-32 of "w hey" modulo the bucket count: the same on every machine and run,
    # unlike Python's salted hash(); training and inference depend on it.
    import zlib

    assert zlib.crc32(b"w hey") % BUCKETS in ngrams("hey")


def test_repeated_grams_weigh_one_plus_log_count():
    # "no" alone: its unigram and its one character 3-gram " no " ... appear once;
    # "no no": both twice, plus the bigram "no no" once.
    one = ngrams("no")
    two = ngrams("no no")
    assert len(two) == len(one) + 1
    bigram = zlib_bucket("b no no")
    unigram = zlib_bucket("w no")
    assert math.isclose(two[unigram] / two[bigram], 1.0 + math.log(2), rel_tol=1e-6)


def test_character_grams_weigh_char_weight_of_a_word():
    features = ngrams("hello")
    word = features[zlib_bucket("w hello")]
    assert math.isclose(features[zlib_bucket("c  he")] / word, CHAR_WEIGHT, rel_tol=1e-6)
    assert math.isclose(features[zlib_bucket("c llo ")] / word, CHAR_WEIGHT, rel_tol=1e-6)


def test_a_bucket_is_listed_once_unless_a_word_gram_and_a_character_gram_share_it():
    for text in ("Guess I'm not important enough 🙄 guess not", "answer me by tonight or we're done"):
        buckets, _ = ngram_arrays(text)
        assert len(set(buckets.tolist())) == len(buckets)
        assert all(0 <= b < BUCKETS for b in buckets.tolist())


def zlib_bucket(gram: str) -> int:
    import zlib

    return zlib.crc32(gram.encode("utf-8")) % BUCKETS
