"""How the training fits each head and picks its threshold (olivebranch.check.training)."""

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from olivebranch.check import training
from olivebranch.check.training import RECALL_FLOOR, _best_threshold, _beta, _f_beta, _fit, _threshold_for_recall


def test_f_beta_is_f1_at_beta_one_and_weighs_recall_above_it():
    y = np.array([1, 1, 1, 1, 0, 0, 0, 0])
    pred = np.array([True, True, False, False, True, False, False, False])  # P 2/3, R 1/2
    assert _f_beta(y, pred, 1.0) == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert _f_beta(y, pred, 2.0) < _f_beta(y, pred, 1.0)  # recall is the weaker side here
    assert _f_beta(y, np.zeros(8, dtype=bool), 2.0) == 0.0


def test_a_higher_beta_chooses_a_lower_threshold_that_misses_fewer():
    # Two positives score low, among clean drafts: catching them costs false alarms.
    y = np.array([1] * 8 + [0] * 12)
    p = np.array([0.9] * 6 + [0.3, 0.3] + [0.35] * 4 + [0.1] * 8)
    at_one, at_two = _best_threshold(y, p, 1.0), _best_threshold(y, p, 2.0)
    assert at_two < at_one
    assert (p[y == 1] >= at_two).all() and not (p[y == 1] >= at_one).all()


def test_only_self_harm_leans_towards_recall():
    assert _beta("self_harm") > 1.0
    assert {_beta(code) for code in ("blame", "sarcasm", "ultimatum", "warmth")} == {1.0}


def test_the_threshold_leaves_to_the_patterns_what_they_already_raise():
    # Four positives the head scores low are raised by a strong pattern anyway:
    # chasing them with a low threshold would only add the four clean drafts at 0.25.
    y = np.array([1] * 8 + [0] * 12)
    p = np.array([0.9] * 4 + [0.2] * 4 + [0.25] * 4 + [0.1] * 8)
    decided = np.array([False] * 4 + [True] * 4 + [False] * 12)
    alone, as_raised = _best_threshold(y, p, 1.0), _best_threshold(y, p, 1.0, decided)
    assert alone <= 0.2 < 0.25 < as_raised
    assert _f_beta(y, decided | (p >= as_raised), 1.0) == 1.0


def test_the_recall_floor_is_the_highest_threshold_that_still_catches_enough():
    y = np.array([1] * 10 + [0] * 10)
    p = np.array([0.9] * 8 + [0.4, 0.2] + [0.1] * 10)
    none = np.zeros(20, dtype=bool)
    assert _threshold_for_recall(y, p, 0.8, none) == pytest.approx(0.9)  # 8 of 10 at 0.9
    assert _threshold_for_recall(y, p, 0.9, none) == pytest.approx(0.4)
    assert _threshold_for_recall(y, p, 1.0, none) == pytest.approx(0.2)
    # What a strong pattern already raises counts towards the floor.
    decided = np.array([False] * 9 + [True] + [False] * 10)
    assert _threshold_for_recall(y, p, 1.0, decided) == pytest.approx(0.4)


def test_only_self_harm_has_a_recall_floor():
    assert set(RECALL_FLOOR) == {"self_harm"} and 0.5 < RECALL_FLOOR["self_harm"] < 1.0


def _toy(n=200, seed=3):
    rng = np.random.default_rng(seed)
    xs = rng.normal(size=(n, 5))
    y = (xs[:, 0] + 0.5 * xs[:, 1] + rng.normal(scale=0.8, size=n) > 0.3).astype(int)
    return xs, y


def test_a_head_scores_the_mean_logit_of_its_fits_at_each_c():
    xs, y = _toy()
    coef, intercept = _fit(xs, y)
    fits = [LogisticRegression(C=c, class_weight="balanced", max_iter=3000).fit(xs, y) for c in training.C_GRID]
    mean_logit = np.mean([lr.decision_function(xs) for lr in fits], axis=0)
    assert np.allclose(xs @ coef + intercept, mean_logit)
    # The fits differ (the grid is not one strength repeated), so the mean is not any one of them.
    assert not np.allclose(fits[0].coef_[0], fits[-1].coef_[0])


def test_with_one_c_a_head_is_that_fit(monkeypatch):
    xs, y = _toy()
    monkeypatch.setattr(training, "C_GRID", (10.0,))
    coef, intercept = _fit(xs, y)
    lr = LogisticRegression(C=10.0, class_weight="balanced", max_iter=3000).fit(xs, y)
    assert np.allclose(coef, lr.coef_[0]) and intercept == pytest.approx(lr.intercept_[0])
