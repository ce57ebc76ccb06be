"""The learned detector's gate, with a stand-in model (no build needed)."""

from dataclasses import dataclass

import numpy as np
import pytest

from olivebranch.check import model as model_mod
from olivebranch.check.corpus import Example
from olivebranch.check.model import ANY_FLAG, ModelDetector
from olivebranch.check.result import Hit
from olivebranch.check.text import Draft
from olivebranch.check.training import _gate_threshold

CODES = ("self_harm", "blame", "warmth", ANY_FLAG)


@dataclass
class StandIn:
    """Scores every draft with fixed probabilities."""

    scores: dict
    codes: tuple = CODES
    thresholds: dict = None

    def __post_init__(self):
        self.thresholds = {"self_harm": 0.5, "blame": 0.5, "warmth": 0.5, ANY_FLAG: 0.3}

    def probabilities(self, drafts, hits):
        return np.array([[self.scores[c] for c in self.codes]] * len(drafts))


def raised(monkeypatch, **scores) -> set[str]:
    # The model is handed in, as bench/author_holdout.py does; the built one is never loaded.
    monkeypatch.setattr(model_mod, "load", lambda: pytest.fail("the built model was loaded"))
    return {h.code for h in ModelDetector(StandIn(scores)).detect(Draft("one short draft"))}


def test_a_flag_needs_the_gate(monkeypatch):
    assert raised(monkeypatch, self_harm=0.0, blame=0.9, warmth=0.0, any_flag=0.6) == {"blame"}
    assert raised(monkeypatch, self_harm=0.0, blame=0.9, warmth=0.0, any_flag=0.1) == set()


def test_strengths_and_self_harm_pass_a_closed_gate(monkeypatch):
    assert raised(monkeypatch, self_harm=0.9, blame=0.9, warmth=0.9, any_flag=0.1) == {"self_harm", "warmth"}


def test_the_gate_itself_is_never_a_hit(monkeypatch):
    assert ANY_FLAG not in raised(monkeypatch, self_harm=0.0, blame=0.0, warmth=0.0, any_flag=0.99)


def test_concern_is_the_gate_score_over_its_threshold(monkeypatch):
    monkeypatch.setattr(model_mod, "load", lambda: pytest.fail("the built model was loaded"))
    scores = dict(self_harm=0.0, blame=0.0, warmth=0.0)
    assert ModelDetector(StandIn(scores | {ANY_FLAG: 0.15})).concern(Draft("one")) == pytest.approx(0.5)
    assert ModelDetector(StandIn(scores | {ANY_FLAG: 0.6})).concern(Draft("one")) == pytest.approx(2.0)


def example(i: int, flags: set[str]) -> Example:
    return Example(f"x{i}", "text", frozenset(flags), frozenset(), False, "train")


def test_gate_threshold_is_the_one_with_the_best_verdicts():
    # Two clean drafts that the blame head wrongly passes, with low gate scores,
    # and two blamed drafts with high gate scores: a gate between them is right.
    examples = [example(0, set()), example(1, set()), example(2, {"blame"}), example(3, {"blame"})]
    out_of_fold = {code: np.zeros(4) for code in model_mod.FLAGS}
    out_of_fold["blame"] = np.array([0.9, 0.9, 0.9, 0.9])
    out_of_fold[ANY_FLAG] = np.array([0.1, 0.2, 0.7, 0.8])
    thresholds = {code: 0.5 for code in model_mod.FLAGS}
    t = _gate_threshold(examples, [()] * 4, out_of_fold, thresholds)
    assert 0.2 < t <= 0.7


def test_the_gate_is_not_swayed_by_how_many_clean_drafts_there_are():
    # Two blamed drafts and six clean ones share a middling gate score, with the
    # blame head passing all eight; ten more clean drafts are plainly clean.
    # Counting drafts right would close the gate on the two (16 of 18 right);
    # the mean of per-verdict accuracies keeps it open for them.
    examples = [example(i, {"blame"}) for i in range(2)] + [example(i, set()) for i in range(2, 18)]
    out_of_fold = {code: np.zeros(18) for code in model_mod.FLAGS}
    out_of_fold["blame"] = np.array([0.9] * 8 + [0.0] * 10)
    out_of_fold[ANY_FLAG] = np.array([0.25] * 8 + [0.0] * 10)
    thresholds = {code: 0.5 for code in model_mod.FLAGS}
    assert _gate_threshold(examples, [()] * 18, out_of_fold, thresholds) <= 0.25


def test_strong_pattern_hits_count_whatever_the_gate():
    # The blame head misses, but a strong pattern found it: no gate can lose it,
    # so the clean draft's low gate score decides the threshold alone.
    examples = [example(0, set()), example(1, {"blame"})]
    out_of_fold = {code: np.zeros(2) for code in model_mod.FLAGS}
    out_of_fold["blame"] = np.array([0.9, 0.0])
    out_of_fold[ANY_FLAG] = np.array([0.4, 0.0])
    thresholds = {code: 0.5 for code in model_mod.FLAGS}
    hits = [(), (Hit("blame", 0, 4, "strong"),)]
    assert _gate_threshold(examples, hits, out_of_fold, thresholds) > 0.4


def test_sentence_scores_are_remembered_and_give_the_same_result():
    text = "hey, hope the move went ok. cool that you had time for everyone else. anyway."  # a model flag: spans needed
    detector = ModelDetector()
    first = detector.detect(Draft(text))
    remembered = [key[0] for key in detector._score_rows]  # lower-cased
    assert remembered == [text, "hey, hope the move went ok.", "cool that you had time for everyone else.", "anyway."]
    for again in (detector.detect(Draft(text)), ModelDetector().detect(Draft(text))):
        # Scores may differ in the last float32 bits: the batch is smaller when remembered.
        assert [(h.code, h.start, h.end) for h in again] == [(h.code, h.start, h.end) for h in first]
        assert [h.score for h in again] == pytest.approx([h.score for h in first], abs=1e-5)


@dataclass
class ByText:
    """Blame scores high for any text with "you always" in it; the gate is open."""

    codes: tuple = CODES
    thresholds: dict = None

    def __post_init__(self):
        self.thresholds = {"self_harm": 0.5, "blame": 0.5, "warmth": 0.5, ANY_FLAG: 0.3}

    def probabilities(self, drafts, hits):
        return np.array([[0.0, 0.9 if "you always" in d.text else 0.2, 0.0, 0.9] for d in drafts])


def test_a_model_flag_spans_the_sentence_that_scores_highest():
    text = "hope the trip was fun. you always do this. anyway take care"
    (hit,) = ModelDetector(ByText()).detect(Draft(text))
    assert (hit.code, text[hit.start:hit.end]) == ("blame", "you always do this.")


def test_the_whole_draft_decides_not_its_best_sentence():
    # One sentence over the threshold does not raise a flag the whole draft does not pass.
    class Diluted(ByText):
        def probabilities(self, drafts, hits):
            return np.array([[0.9 if len(d.text) < 30 else 0.1, 0.0, 0.0, 0.9] for d in drafts])
    assert ModelDetector(Diluted()).detect(Draft("i am so tired of all of this, truly. bye")) == ()


def test_sentences_are_scored_only_when_a_flag_needs_a_span():
    class Warm(ByText):  # warmth passes on every draft, blame only with "you always"
        def probabilities(self, drafts, hits):
            rows = super().probabilities(drafts, hits)
            rows[:, 2] = 0.9
            return rows
    detector = ModelDetector(Warm())
    text = "hope the trip was fun. see you soon."
    assert [(h.code, h.start, h.end) for h in detector.detect(Draft(text))] == [("warmth", 0, len(text))]
    assert [key[0] for key in detector._score_rows] == [text]  # the draft, not its sentences
    flagged = "hope the trip was fun. you always do this."
    detector.detect(Draft(flagged))
    assert [key[0] for key in detector._score_rows][1:] == [flagged, "hope the trip was fun.", "you always do this."]


def test_a_sentence_scored_for_a_span_is_not_scored_again_alone():
    scored = []

    class Counting(ByText):
        def probabilities(self, drafts, hits):
            scored.extend(d.text for d in drafts)
            return super().probabilities(drafts, hits)
    detector = ModelDetector(Counting())
    detector.detect(Draft("hope the trip was fun. you always do this."))
    detector.detect(Draft("Hope the trip was fun."))
    assert [t.lower() for t in scored].count("hope the trip was fun.") == 1


def test_the_score_memory_stays_bounded(monkeypatch):
    monkeypatch.setattr(ModelDetector, "SCORE_CACHE_SIZE", 4)
    detector = ModelDetector(ByText())
    for n in range(5):
        detector.detect(Draft(f"line {n} one. you always {n}. line {n} three."))
    assert len(detector._score_rows) == 4


def test_long_texts_are_scored_but_not_remembered():
    detector = ModelDetector(ByText())
    long = "we walked by the river and talked for hours " * 20
    assert detector.detect(Draft(long)) == ()
    assert detector._score_rows == {}


@pytest.mark.skipif(not model_mod.model_dir().joinpath("heads.npz").is_file(), reason="model not built")
def test_scores_do_not_depend_on_case_so_they_are_remembered_by_the_lower_cased_text():
    from olivebranch.check.patterns import PatternDetector

    model, patterns = model_mod.load(), PatternDetector()
    texts = ["Love that.", "I MISS YOU so much. Answer me NOW", "Hey Sam, how was Lisbon? 😊", "YOU NEVER LISTEN"]
    for text in texts:
        drafts = [Draft(text), Draft(text.lower())]
        scores = model.probabilities(drafts, [patterns.detect(d) for d in drafts])
        assert scores[0] == pytest.approx(scores[1], abs=1e-6), text


@pytest.mark.skipif(not model_mod.model_dir().joinpath("heads.npz").is_file(), reason="model not built")
def test_the_check_embeds_exactly_as_model2vec_does():
    # Training and the check embed with StaticEmbedder, which must give the
    # very same vectors as model2vec's StaticModel (float32, as it averages).
    from olivebranch.check.corpus import load as load_corpus
    from tests.conftest import REPO

    folder = model_mod.model_dir().joinpath("static")
    reference, embedder = _model2vec(folder), model_mod.load().embedder
    drafts = [Draft(ex.text) for ex in load_corpus(REPO / "corpus")][::4]
    sentences = [d.text[s.start:s.end] for d in drafts for s in d.sentences]
    odd = ["", "   ", "🙄🙄", "İstanbul \u200b", "x" * 5000, "word " * 3000]  # 3000 words: past max_length
    for texts in ([d.text for d in drafts], sentences, odd):
        for size in (1, 7):
            for i in range(0, len(texts), size):
                assert np.array_equal(embedder.encode(texts[i:i + size]), reference.encode(texts[i:i + size]))


def _model2vec(folder):
    """The saved model as model2vec's own StaticModel, its vectors in float32 like StaticEmbedder's."""
    import json

    from model2vec import StaticModel
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    tensors = load_file(str(folder.joinpath("model.safetensors")))
    config = json.loads(folder.joinpath("config.json").read_text(encoding="utf-8"))
    return StaticModel(vectors=tensors["embeddings"].astype("float32"),
                       tokenizer=Tokenizer.from_file(str(folder.joinpath("tokenizer.json"))), config=config,
                       normalize=config.get("normalize", False), max_length=config.get("max_length", 512))


def test_the_model_weighs_pattern_evidence_but_never_a_rule():
    from olivebranch.check.model import evidence_codes, features

    found = (Hit("ultimatum", 0, 4, "rule"), Hit("pressure", 0, 4, "evidence"), Hit("blame", 0, 4, "strong"),
             Hit("wall_of_text", 0, 4, "rule"))
    assert evidence_codes(found) == {"pressure", "blame"}
    drafts = [Draft("answer me")] * 2
    with_rule = features(np.zeros((2, 3)), drafts, [found, found[1:3]])
    assert (with_rule[0] == with_rule[1]).all()
