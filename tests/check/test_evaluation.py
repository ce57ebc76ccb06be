"""Evaluation metrics, checked against figures worked out by hand."""

import pytest

from olivebranch.check import check
from olivebranch.check.corpus import Example
from olivebranch.check.evaluation import curve_table, report, score, summary, threshold_curve
from olivebranch.check.model import load

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


def test_false_alarms_by_flag_count_each_flag_on_clean_drafts_most_first():
    gold = [F(), F(), F(), F({"blame"})]
    pred = [F({"sarcasm", "self_harm"}), F({"self_harm"}), F(), F({"blame", "sarcasm"})]
    out = summary(gold, pred)
    # the flagged draft labelled blame is not clean, so its sarcasm is not a false alarm
    assert list(out["false_alarms_by_flag"].items()) == [("self_harm", 2), ("sarcasm", 1)]
    assert out["false_alarm_rate"] == pytest.approx(2 / 3)
    assert summary([F()], [F()])["false_alarms_by_flag"] == {}


DRAFTS = [
    ("i want to kill myself", ("self_harm",)),
    ("i dont think i can keep going like this", ("self_harm",)),
    ("giving away my guitar, you should have it", ("self_harm",)),
    ("take care of yourself x", ()),
    ("traffic is mental, running 20 mins late", ()),
    ("how was the gig last night?", ()),
    ("the ending of that show destroyed me", ()),
]


def _examples():
    return [Example(id=f"t{i}", text=t, flags=frozenset(f), strengths=frozenset(),
                    hard_negative=False, split="test") for i, (t, f) in enumerate(DRAFTS)]


def test_the_curve_at_the_built_threshold_is_what_the_check_gives():
    model, examples = load(), _examples()
    points = threshold_curve(examples, "self_harm", model, thresholds=(0.05, 0.95))
    assert [pt.threshold for pt in points] == sorted({0.05, 0.95, model.thresholds["self_harm"]})
    built = next(pt for pt in points if pt.threshold == model.thresholds["self_harm"])
    shipped = summary([e.flags for e in examples], [check(e.text, with_rewrite=False).codes for e in examples])
    assert built.scores == shipped["per_code"]["self_harm"]
    assert built.any_flagged == shipped["false_alarm_rate"]


def test_a_higher_threshold_never_catches_more_or_flags_more_clean_drafts():
    points = threshold_curve(_examples(), "self_harm", load(), thresholds=(0.05, 0.5, 0.95))
    recalls = [pt.scores.recall for pt in points]
    flagged = [pt.clean_flagged for pt in points]
    assert recalls == sorted(recalls, reverse=True) and flagged == sorted(flagged, reverse=True)
    # the lowest threshold reads the show's ending as a sign of crisis; the highest misses a veiled one
    assert flagged[0] > flagged[-1] and recalls[0] > recalls[-1]
    # "i want to kill myself" is a strong pattern: no threshold loses it
    assert points[-1].scores.tp >= 1


def test_the_curve_table_marks_the_built_threshold():
    points = threshold_curve(_examples()[:2], "self_harm", load(), thresholds=(0.5,))
    table = curve_table(points, "self_harm", load().thresholds["self_harm"])
    assert "(built)" in table and table.count("\n") == len(points)


def test_the_report_lists_false_alarms_by_flag():
    examples = _examples()[3:5]  # two clean drafts
    text = report(examples, [F({"self_harm"}), F()], [F({"blame"}), F({"blame"})], [F(), F()])
    assert "false alarms on clean        olivebranch 50.00%   baseline 100.00%" in text
    assert "false alarms by flag         olivebranch self_harm 1" in text
