"""Evaluate the draft check on the corpus's held-out test split (``make eval``).

Prints, for the full check and for a simple baseline side by side: per-code
precision, recall and F1; macro-F1 over the 14 flags; the false-alarm rate on
clean messages (any flag raised on a message labelled clean), with the flags
that raised them; verdict accuracy; and a verdict confusion table. The
baseline scores each code by the cosine similarity between the draft's
embedding and the code's description (same static embedding, thresholds tuned
on the train split), with the two mechanical flags by the same rules as the
check, so the gain of patterns plus learned heads is visible.

``--curve CODE`` adds, for one learned flag, what each threshold of its head
would give (the other heads as built): its precision, recall and F1, and the
share of clean drafts it alone flags, so the cost of catching more is in view.
It reads the held-out split to show a trade-off, not to pick a threshold:
thresholds are chosen out of fold on the train split
(:mod:`olivebranch.check.training`).
"""

import argparse
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
import sys

from olivebranch.check import corpus as corpus_mod
from olivebranch.check.codes import FLAGS, STRENGTHS, WORDING_FLAGS, flag_info
from olivebranch.check.mechanics import MechanicsDetector
from olivebranch.check.model import ModelDetector, load
from olivebranch.check.pipeline import DETECTORS, check, verdict_for
from olivebranch.check.text import Draft

VERDICTS = ("send", "revise", "dont_send")
CURVE_THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 of one code, with the counts behind them."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: list[frozenset[str]], pred: list[frozenset[str]], code: str) -> Scores:
    """Counts for ``code`` over paired gold and predicted code sets."""
    tp = sum(code in g and code in p for g, p in zip(gold, pred))
    fp = sum(code not in g and code in p for g, p in zip(gold, pred))
    fn = sum(code in g and code not in p for g, p in zip(gold, pred))
    return Scores(tp, fp, fn)


def summary(gold: list[frozenset[str]], pred: list[frozenset[str]]) -> dict:
    """Macro-F1 over the flags, false alarms on clean drafts (and by flag), verdict accuracy and confusion.

    ``false_alarms_by_flag`` counts, for each flag, the clean drafts it was
    raised on, most first; a draft with two flags counts under both.
    """
    per_code = {c: score(gold, pred, c) for c in FLAGS}
    clean = [i for i, g in enumerate(gold) if not (g & set(FLAGS))]
    false_alarms = sum(1 for i in clean if pred[i] & set(FLAGS))
    by_flag = Counter(code for i in clean for code in pred[i] & set(FLAGS))
    gv = [verdict_for(g & set(FLAGS)) for g in gold]
    pv = [verdict_for(p & set(FLAGS)) for p in pred]
    confusion = {(a, b): sum(1 for x, y in zip(gv, pv) if (x, y) == (a, b)) for a in VERDICTS for b in VERDICTS}
    return {
        "per_code": per_code,
        "macro_f1": sum(s.f1 for s in per_code.values()) / len(per_code),
        "false_alarm_rate": false_alarms / len(clean) if clean else 0.0,
        "clean": len(clean),
        "false_alarms_by_flag": dict(sorted(by_flag.items(), key=lambda item: (-item[1], item[0]))),
        "verdict_accuracy": sum(x == y for x, y in zip(gv, pv)) / len(gold),
        "confusion": confusion,
    }


class SimilarityBaseline:
    """Cosine similarity of a draft to each code's description, thresholded per code."""

    def __init__(self, embedder, train):
        import numpy as np

        self.embedder = embedder
        self.codes = list(WORDING_FLAGS)
        self.anchors = embedder.encode([f"{flag_info(c).title}. {flag_info(c).why}" for c in self.codes])
        sims = self._sims([e.text for e in train])
        self.thresholds = {}
        for j, code in enumerate(self.codes):
            y = np.array([code in e.flags for e in train])
            best = (-1.0, 1.0)
            for t in np.linspace(sims[:, j].min(), sims[:, j].max(), 60):
                s = score([frozenset([code]) if v else frozenset() for v in y],
                          [frozenset([code]) if v else frozenset() for v in sims[:, j] >= t], code)
                best = max(best, (s.f1, -t))
            self.thresholds[code] = -best[1]

    def _sims(self, texts):
        import numpy as np

        e = self.embedder.encode(texts)
        e = np.nan_to_num(e / (np.linalg.norm(e, axis=1, keepdims=True) + 1e-9))  # emoji-only drafts embed to 0
        a = self.anchors / (np.linalg.norm(self.anchors, axis=1, keepdims=True) + 1e-9)
        return e @ a.T

    def predict(self, texts: list[str]) -> list[frozenset[str]]:
        sims = self._sims(texts)
        mech = MechanicsDetector()
        out = []
        for i, text in enumerate(texts):
            codes = {c for j, c in enumerate(self.codes) if sims[i, j] >= self.thresholds[c]}
            codes |= {h.code for h in mech.detect(Draft(text))}
            out.append(frozenset(codes))
        return out


@dataclass(frozen=True)
class CurvePoint:
    """One threshold of a head: the flag's scores and the clean drafts flagged."""

    threshold: float
    scores: Scores
    clean_flagged: float  # share of clean drafts this flag is raised on
    any_flagged: float    # share of clean drafts with any flag


def threshold_curve(examples, code: str, model, thresholds=CURVE_THRESHOLDS) -> list[CurvePoint]:
    """``code`` checked at each threshold (and the built one), every other head as built.

    Each point runs the whole check (patterns, the gate, the sign-off rule), so
    it is what the check would do with that threshold shipped.
    """
    gold = [e.flags for e in examples]
    points = []
    for t in sorted({*thresholds, model.thresholds[code]}):
        trial = replace(model, thresholds={**model.thresholds, code: t})
        detectors = tuple(ModelDetector(trial) if isinstance(d, ModelDetector) else d for d in DETECTORS)
        out = summary(gold, [check(e.text, detectors, with_rewrite=False).codes for e in examples])
        points.append(CurvePoint(t, out["per_code"][code],
                                 out["false_alarms_by_flag"].get(code, 0) / max(1, out["clean"]), out["false_alarm_rate"]))
    return points


def curve_report(examples, code: str) -> str:
    """``code``'s curve on ``examples`` with the built model, titled, as plain text."""
    model = load()
    points = threshold_curve(examples, code, model)
    return f"{code} at other thresholds (every other head as built):\n" + curve_table(points, code, model.thresholds[code])


def curve_table(points: list[CurvePoint], code: str, built: float) -> str:
    """The curve as plain text, the built threshold marked."""
    rows = [["threshold", "P", "R", "F1", f"clean flagged {code}", "clean flagged any"]]
    for pt in points:
        rows.append([f"{pt.threshold:.2f}{' (built)' if pt.threshold == built else ''}", f"{pt.scores.precision:.3f}",
                     f"{pt.scores.recall:.3f}", f"{pt.scores.f1:.3f}", f"{pt.clean_flagged:.2%}", f"{pt.any_flagged:.2%}"])
    return _table(rows)


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(r, widths)) for r in rows)


def _by_flag(counts: dict[str, int]) -> str:
    return ", ".join(f"{code} {n}" for code, n in counts.items()) or "none"


def report(test, ours: list, base: list, strengths_pred: list, *, title: str = "Held-out test split") -> str:
    """The evaluation as plain text, headed by ``title`` and the counts."""
    gold = [e.flags for e in test]
    a, b = summary(gold, ours), summary(gold, base)
    rows = [["code", "severity", "n", "P", "R", "F1", "| baseline P", "R", "F1"]]
    for code in FLAGS:
        s, t = a["per_code"][code], b["per_code"][code]
        rows.append([code, flag_info(code).severity, str(s.tp + s.fn), f"{s.precision:.3f}", f"{s.recall:.3f}",
                     f"{s.f1:.3f}", f"| {t.precision:.3f}", f"{t.recall:.3f}", f"{t.f1:.3f}"])
    lines = [f"{title}: {len(test)} messages ({a['clean']} clean)", "", _table(rows), ""]
    lines += [
        f"macro-F1 over the 14 flags   olivebranch {a['macro_f1']:.3f}   baseline {b['macro_f1']:.3f}",
        f"false alarms on clean        olivebranch {a['false_alarm_rate']:.2%}   baseline {b['false_alarm_rate']:.2%}",
        f"false alarms by flag         olivebranch {_by_flag(a['false_alarms_by_flag'])}",
        f"verdict accuracy             olivebranch {a['verdict_accuracy']:.3f}   baseline {b['verdict_accuracy']:.3f}",
        "", "Verdict confusion (rows: labelled, columns: olivebranch)",
        _table([["", *VERDICTS]] + [[g, *(str(a["confusion"][(g, p)]) for p in VERDICTS)] for g in VERDICTS]),
        "", "Strengths (olivebranch)",
    ]
    gold_s = [e.strengths for e in test]
    srows = [["strength", "n", "P", "R", "F1"]]
    for code in STRENGTHS:
        s = score(gold_s, strengths_pred, code)
        srows.append([code, str(s.tp + s.fn), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}"])
    lines.append(_table(srows))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: ``python -m olivebranch.check.evaluation [--corpus DIR] [--curve CODE]``."""
    ap = argparse.ArgumentParser(description="Evaluate the draft check on the held-out split.")
    ap.add_argument("--corpus", default="corpus")
    ap.add_argument("--split", default="test", choices=("test", "train"))
    ap.add_argument("--errors", metavar="CODE", help="also list the misses and false alarms for CODE")
    ap.add_argument("--curve", metavar="CODE", choices=WORDING_FLAGS,
                    help="also show what each threshold of CODE's head would give")
    args = ap.parse_args(argv)
    test = corpus_mod.load(Path(args.corpus), split=args.split)
    train = corpus_mod.load(Path(args.corpus), split="train")
    results = [check(e.text, with_rewrite=False) for e in test]
    ours = [r.codes for r in results]
    base = SimilarityBaseline(load().embedder, train).predict([e.text for e in test])
    print(report(test, ours, base, [frozenset(r.strengths) for r in results]))
    if args.errors:
        print(f"\nErrors for {args.errors}:")
        for e, p in zip(test, ours):
            if (args.errors in e.flags) != (args.errors in p):
                kind = "MISS" if args.errors in e.flags else "FALSE"
                print(f"  {kind} {e.id} gold={sorted(e.flags)} pred={sorted(p)} :: {e.text[:160]!r}")
    if args.curve:
        print("\n" + curve_report(test, args.curve))
    return 0


if __name__ == "__main__":
    sys.exit(main())
