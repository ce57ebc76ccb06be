"""Evaluate the draft check on the corpus's held-out test split (``make eval``).

Prints, for the full check and for a simple baseline side by side: per-code
precision, recall and F1; macro-F1 over the 14 flags; the false-alarm rate on
clean messages (any flag raised on a message labelled clean); verdict
accuracy; and a verdict confusion table. The baseline scores each code by the
cosine similarity between the draft's embedding and the code's description
(same static embedding, thresholds tuned on the train split), with the two
mechanical flags by the same rules as the check, so the gain of patterns plus
learned heads is visible.
"""

import argparse
from dataclasses import dataclass
from pathlib import Path
import sys

from olivebranch.check import corpus as corpus_mod
from olivebranch.check.codes import FLAGS, STRENGTHS, WORDING_FLAGS, flag_info
from olivebranch.check.mechanics import MechanicsDetector
from olivebranch.check.pipeline import check, verdict_for
from olivebranch.check.text import Draft

VERDICTS = ("send", "revise", "dont_send")


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
    """Macro-F1 over the flags, false alarms on clean drafts, verdict accuracy and confusion."""
    per_code = {c: score(gold, pred, c) for c in FLAGS}
    clean = [i for i, g in enumerate(gold) if not (g & set(FLAGS))]
    false_alarms = sum(1 for i in clean if pred[i] & set(FLAGS))
    gv = [verdict_for(g & set(FLAGS)) for g in gold]
    pv = [verdict_for(p & set(FLAGS)) for p in pred]
    confusion = {(a, b): sum(1 for x, y in zip(gv, pv) if (x, y) == (a, b)) for a in VERDICTS for b in VERDICTS}
    return {
        "per_code": per_code,
        "macro_f1": sum(s.f1 for s in per_code.values()) / len(per_code),
        "false_alarm_rate": false_alarms / len(clean) if clean else 0.0,
        "clean": len(clean),
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


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(r, widths)) for r in rows)


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
    """Command-line entry: ``python -m olivebranch.check.evaluation [--corpus DIR]``."""
    from olivebranch.check.model import load

    ap = argparse.ArgumentParser(description="Evaluate the draft check on the held-out split.")
    ap.add_argument("--corpus", default="corpus")
    ap.add_argument("--split", default="test", choices=("test", "train"))
    ap.add_argument("--errors", metavar="CODE", help="also list the misses and false alarms for CODE")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
