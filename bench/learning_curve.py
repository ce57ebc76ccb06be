"""Learning curve: would more drafts of the kind we have lift the check's accuracy?

Trains the heads, as ``make install`` does, on a random share of the train
split (the same shuffle for every share, so each share holds the smaller
ones), and prints the ``make eval`` summary on the whole held-out split for
each. If the figures still climb steeply from three quarters to all of it,
writing more drafts is the way on; if they flatten, the limit is elsewhere
(how consistently the codes can be told apart, or the model).

``--quick`` fits each head at one regularisation strength (C = 10) instead
of averaging its fits over the grid: about four times faster, and a little
below ``make eval``'s figures at the full share.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/learning_curve.py --quick --jobs 2
    HF_HUB_OFFLINE=1 .venv/bin/python bench/learning_curve.py --shares 0.5 1
"""

import argparse
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
import random
import sys

from olivebranch.check import corpus as corpus_mod, training
from olivebranch.check.evaluation import summary
from olivebranch.check.mechanics import MechanicsDetector
from olivebranch.check.model import ModelDetector, StaticEmbedder, TextModel, model_dir
from olivebranch.check.patterns import PatternDetector
from olivebranch.check.pipeline import check

QUICK_C = 10.0


def run(share: float, folder: Path, quick: bool, seed: int) -> str:
    """Train on ``share`` of the train split; one line of held-out figures."""
    if quick:
        training.C_GRID = (QUICK_C,)
    examples = corpus_mod.load(folder)
    train = [e for e in examples if e.split == "train"]
    test = [e for e in examples if e.split == "test"]
    random.Random(seed).shuffle(train)
    train = train[: round(len(train) * share)]
    embedder = StaticEmbedder.load(model_dir().joinpath("static"))
    fitted = training.train(train, embedder, log=lambda *_: None)
    model = TextModel.from_heads(embedder, fitted, training.HEAD_CODES, fitted["thresholds"])
    detectors = (PatternDetector(), MechanicsDetector(), ModelDetector(model))
    s = summary([e.flags for e in test], [check(e.text, detectors, with_rewrite=False).codes for e in test])
    return (f"share {share:4.2f}  {len(train):5d} drafts  macro-F1 {s['macro_f1']:.3f}  "
            f"false alarms {s['false_alarm_rate']:6.2%}  verdict {s['verdict_accuracy']:.3f}  "
            f"self_harm R {s['per_code']['self_harm'].recall:.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="corpus", type=Path)
    ap.add_argument("--shares", nargs="+", type=float, default=[0.25, 0.5, 0.75, 1.0], metavar="SHARE",
                    help="shares of the train split to train on (default: 0.25 0.5 0.75 1)")
    ap.add_argument("--quick", action="store_true", help=f"one C per head ({QUICK_C:g}) instead of the grid")
    ap.add_argument("--seed", type=int, default=5, help="the shuffle (default 5)")
    ap.add_argument("--jobs", type=int, default=1, help="training runs at once (default 1)")
    args = ap.parse_args(argv)
    if not all(0 < s <= 1 for s in args.shares):
        print("each share must be above 0 and at most 1", file=sys.stderr)
        return 2
    job = partial(run, folder=args.corpus, quick=args.quick, seed=args.seed)
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for line in pool.map(job, args.shares):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
