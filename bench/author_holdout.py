"""Leave one author out: how the draft check does on messages by an author it has never read.

``make eval`` holds out a quarter of every author's file, so the held-out
split shares its authors' habits (their phrasing, their typos, their idea of
a clean message) with the train split. The issue asks for a check that
generalises to people the project has never seen; this measures that. For
each author file named (by default the fourteen written blind that have
flags, ``drafts_k`` to ``drafts_q``, ``drafts_s``, ``drafts_t``, ``drafts_x``,
``drafts_y`` and ``drafts_zb`` to ``drafts_zd``), it trains the heads,
exactly as ``make install`` does, on the train split of every *other* file,
then checks every message of the held-out file with that model and prints
the same summary as ``make eval``, per file and pooled.

Each file costs one training run (about eight minutes on the 2-core machine
this was written on); ``--jobs`` runs that many at once. It needs the build
extras (``pip install -e '.[model]'``) and the static embedding that
``make install`` distilled.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/author_holdout.py --jobs 2
    HF_HUB_OFFLINE=1 .venv/bin/python bench/author_holdout.py --hold drafts_n
"""

import argparse
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
import sys

from olivebranch.check import corpus as corpus_mod
from olivebranch.check.codes import FLAGS
from olivebranch.check.evaluation import summary
from olivebranch.check.mechanics import MechanicsDetector
from olivebranch.check.model import ModelDetector, StaticEmbedder, TextModel, model_dir
from olivebranch.check.patterns import PatternDetector
from olivebranch.check.pipeline import check
from olivebranch.check.training import HEAD_CODES, train

# Written blind, each with flags to find. drafts_r, drafts_z and drafts_za (also blind) are left out:
# they have no flag at all, so their macro-F1 would mean nothing; bench/false_alarms.py measures that side.
BLIND_AUTHORS = ("drafts_k", "drafts_l", "drafts_m", "drafts_n", "drafts_o", "drafts_p", "drafts_q",
                 "drafts_s", "drafts_t", "drafts_x", "drafts_y", "drafts_zb", "drafts_zc", "drafts_zd")


def held_out_codes(by_author: dict, author: str) -> tuple[list, list]:
    """Gold and predicted flag sets for ``author``'s messages, from a model trained without them."""
    embedder = StaticEmbedder.load(model_dir().joinpath("static"))
    others = [e for name, rows in by_author.items() if name != author for e in rows if e.split == "train"]
    fitted = train(others, embedder, log=lambda *_: None)
    model = TextModel.from_heads(embedder, fitted, HEAD_CODES, fitted["thresholds"])
    detectors = (PatternDetector(), MechanicsDetector(), ModelDetector(model))
    held = by_author[author]
    return [e.flags for e in held], [check(e.text, detectors, with_rewrite=False).codes for e in held]


def line(name: str, n: int, s: dict) -> str:
    per_code = " ".join(f"{c} {s['per_code'][c].f1:.2f}" for c in FLAGS)
    return (f"{name:9s} {n:5d}  macro-F1 {s['macro_f1']:.3f}  false alarms {s['false_alarm_rate']:6.2%}  "
            f"verdict {s['verdict_accuracy']:.3f}  self_harm P {s['per_code']['self_harm'].precision:.2f} "
            f"R {s['per_code']['self_harm'].recall:.2f}\n          F1 per flag: {per_code}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="corpus")
    ap.add_argument("--hold", nargs="+", default=list(BLIND_AUTHORS), metavar="FILE",
                    help="author files to hold out, by name without .jsonl (default: the blind authors)")
    ap.add_argument("--jobs", type=int, default=1, help="training runs at once (default 1)")
    args = ap.parse_args(argv)
    folder = Path(args.corpus)
    by_author = {path.stem: corpus_mod.load_file(path) for path in sorted(folder.glob("*.jsonl"))}
    unknown = set(args.hold) - set(by_author)
    if unknown:
        print(f"no such author file in {folder}: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    gold, pred = [], []
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        runs = [pool.submit(held_out_codes, by_author, author) for author in args.hold]
        for author, run in zip(args.hold, runs):
            g, p = run.result()
            print(line(author, len(g), summary(g, p)), flush=True)
            gold += g
            pred += p
    if len(args.hold) > 1:
        print(line("pooled", len(gold), summary(gold, pred)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
