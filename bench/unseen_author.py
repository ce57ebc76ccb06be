"""The draft check on 299 labelled drafts by an author it has never been trained on.

``bench/data/unseen_drafts.jsonl`` was written blind, like the corpus's later
files (``corpus/LABELLING.md``), then labelled a second time blind and
adjudicated where the two labellings differed. It is about signs of crisis
that are veiled (a last thank-you, giving things away, burden talk) beside
ordinary messages that make the same moves for a plain reason (a move, a new
number, a will at a normal moment), and hurt or bitter lines that are not
signs of crisis. It is kept out of ``corpus/``: trained on, it did not help
(``bench/README.md``), and kept out it measures, in a minute, what the
author holdout measures in an hour: how the check does on a new author's
words. This script refuses to run if one of its drafts turns up in the corpus.

It prints the same report as ``make eval``, baseline beside it, and with
``--curve CODE`` what each threshold of that flag's head would give.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/unseen_author.py [--drafts FILE] [--curve self_harm]
"""

import argparse
from pathlib import Path
import sys

from olivebranch.check import check
from olivebranch.check import corpus as corpus_mod
from olivebranch.check.codes import WORDING_FLAGS
from olivebranch.check.evaluation import SimilarityBaseline, curve_report, report
from olivebranch.check.model import load

DRAFTS = Path(__file__).parent / "data" / "unseen_drafts.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--drafts", type=Path, default=DRAFTS, help="a labelled JSONL file in the corpus's format")
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--curve", metavar="CODE", choices=WORDING_FLAGS,
                    help="also show what each threshold of CODE's head would give")
    args = ap.parse_args(argv)
    drafts = corpus_mod.load_file(args.drafts)
    trained = corpus_mod.already_in([e.text for e in drafts], args.corpus)
    if trained:
        print(f"{len(trained)} of these drafts are in the corpus, so this would not measure unseen text: "
              f"{trained[0]!r}", file=sys.stderr)
        return 2
    results = [check(e.text, with_rewrite=False) for e in drafts]
    base = SimilarityBaseline(load().embedder, corpus_mod.load(args.corpus, split="train")).predict(
        [e.text for e in drafts])
    print(report(drafts, [r.codes for r in results], base, [frozenset(r.strengths) for r in results],
                 title=f"{args.drafts.name}, by an author never trained on"))
    if args.curve:
        print("\n" + curve_report(drafts, args.curve))
    return 0


if __name__ == "__main__":
    sys.exit(main())
