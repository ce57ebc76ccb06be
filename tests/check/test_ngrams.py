"""Hashed n-grams: stable, normalised, within range."""

import math

from olivebranch.check.ngrams import BUCKETS, ngram_arrays


def ngrams(text: str) -> dict[int, float]:
    """The draft's features as ``{bucket: weight}``, easier to compare than two arrays."""
    buckets, weights = ngram_arrays(text)
    return dict(zip(buckets.tolist(), weights.tolist()))


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


def test_arrays_are_the_dict_sorted_by_bucket():
    buckets, weights = ngram_arrays("Guess I'm not important enough 🙄 guess not")
    assert list(buckets) == sorted(set(buckets))
    assert dict(zip(buckets.tolist(), weights.tolist())) == ngrams("Guess I'm not important enough 🙄 guess not")


def zlib_bucket(gram: str) -> int:
    import zlib

    return zlib.crc32(gram.encode("utf-8")) % BUCKETS
