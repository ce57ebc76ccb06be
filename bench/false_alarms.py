"""False alarms on everyday messages the check has never been trained on.

``bench/data/clean_probe.txt`` holds 396 short messages, one per line, written
for this purpose by an author who never saw the corpus: 196 everyday ones
(plans, news, jokes, many with words that sound dramatic but are not: "pills",
"rope", "or else lol") and 200 gentle ones reaching out to someone who has gone
quiet. All are meant to need no flag. They are kept out of ``corpus/``, so no
model is ever trained on them (this script refuses to run if one turns up
there). It prints the share of them the check flags, by code, and with
``--list`` each flagged line, to read: a line may still be arguable.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/false_alarms.py
    HF_HUB_OFFLINE=1 .venv/bin/python bench/false_alarms.py --list
"""

import argparse
from collections import Counter
from pathlib import Path
import sys

from olivebranch.check import check
from olivebranch.check import corpus as corpus_mod

PROBE = Path(__file__).parent / "data" / "clean_probe.txt"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--probe", type=Path, default=PROBE, help="a file of clean messages, one per line")
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--list", action="store_true", help="print every flagged line")
    args = ap.parse_args(argv)
    lines = [line.strip() for line in args.probe.read_text(encoding="utf-8").splitlines() if line.strip()]
    trained = corpus_mod.already_in(lines, args.corpus)
    if trained:
        print(f"{len(trained)} probe lines are in the corpus, so this would not measure unseen text: "
              f"{trained[0]!r}", file=sys.stderr)
        return 2
    codes, verdicts, flagged = Counter(), Counter(), 0
    for line in lines:
        result = check(line, with_rewrite=False)
        verdicts[result.verdict] += 1
        if result.codes:
            flagged += 1
            codes.update(result.codes)
            if args.list:
                print(f"{result.verdict:9s} {', '.join(sorted(result.codes)):30s} {line}")
    print(f"{flagged} of {len(lines)} clean messages flagged ({flagged / len(lines):.1%}); "
          f"verdicts: {', '.join(f'{v} {n}' for v, n in verdicts.most_common())}")
    print("by code: " + (", ".join(f"{c} {n}" for c, n in codes.most_common()) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
