"""Evaluation metrics, checked against figures worked out by hand."""

import pytest

from olivebranch.check.evaluation import score, summary

F = frozenset


def test_precision_recall_f1_by_hand():
    gold = [F({"blame"}), F({"blame"}), F(), F({"blame", "pressure"})]
    pred = [F({"blame"}), F(), F({"blame"}), F({"blame"})]
    s = score(gold, pred, "blame")
    # tp: rows 0 and 3; fp: row 2; fn: row 1 -> P 2/3, R 2/3, F1 2/3
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(2 / 3) and s.f1 == pytest.approx(2 / 3)
    p = score(gold, pred, "pressure")
    assert (p.tp, p.fp, p.fn) == (0, 0, 1) and p.f1 == 0.0


def test_false_alarms_verdicts_and_confusion_by_hand():
    gold = [F(), F(), F({"sarcasm"}), F({"ultimatum"})]
    pred = [F(), F({"low_effort"}), F({"sarcasm"}), F({"pressure"})]
    out = summary(gold, pred)
    # two clean drafts, one of them flagged
    assert out["clean"] == 2 and out["false_alarm_rate"] == 0.5
    # verdicts: gold send, send, revise, dont_send; predicted send, revise, revise, revise
    assert out["verdict_accuracy"] == 0.5
    assert out["confusion"][("send", "revise")] == 1
    assert out["confusion"][("dont_send", "revise")] == 1
    assert out["confusion"][("revise", "revise")] == 1
