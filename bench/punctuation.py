"""How far the draft check's verdict hangs on full stops rather than on words.

People punctuate the same message in different ways. This checks every
labelled draft the model never trained on (the held-out split and the
labelled files in ``bench/data/``) three ways: as written; as a careful writer
would punctuate it (each sentence starting with a capital and ending with a
full stop, "I" for "i"); and as a quick texter would (the sentences joined by
commas, no full stops). For each way it prints the clean drafts flagged, those
read as a sign of crisis, and the signs of crisis caught. The same words should
get the same answer, so the three rows should agree.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/punctuation.py
"""

import argparse
from pathlib import Path
import re
import sys

from olivebranch.check import check
from olivebranch.check import corpus as corpus_mod
from olivebranch.check.text import Draft

BENCH_DATA = Path(__file__).parent / "data"


def as_written(text: str) -> str:
    return text


def careful(text: str) -> str:
    """Each sentence capitalised and ended with a full stop if it ends on a letter or digit; "I" for "i"."""
    sentences = []
    for s in Draft(text).sentences:
        piece = text[s.start:s.end].strip()
        piece = piece[:1].upper() + piece[1:]
        sentences.append(piece + "." if piece[-1:].isalnum() else piece)
    return re.sub(r"\bi\b", "I", " ".join(sentences))


def casual(text: str) -> str:
    """The sentences joined by commas, without their full stops."""
    pieces = (text[s.start:s.end].strip().rstrip(".") for s in Draft(text).sentences)
    return ", ".join(p for p in pieces if p)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    args = ap.parse_args(argv)
    drafts = corpus_mod.load(args.corpus, split="test")
    for path in sorted(BENCH_DATA.glob("*.jsonl")):
        drafts += corpus_mod.load_file(path)
    clean = [d for d in drafts if not d.flags]
    crisis = [d for d in drafts if "self_harm" in d.flags]
    print(f"{len(drafts)} drafts never trained on: {len(clean)} clean, {len(crisis)} signs of crisis")
    for way in (as_written, careful, casual):
        codes = [check(way(d.text), with_rewrite=False).codes for d in clean]
        caught = sum("self_harm" in check(way(d.text), with_rewrite=False).codes for d in crisis)
        flagged = sum(bool(c) for c in codes)
        print(f"{way.__name__:10s}  clean flagged {flagged} ({flagged / len(clean):.1%}), "
              f"read as crisis {sum('self_harm' in c for c in codes)}; "
              f"signs of crisis caught {caught} of {len(crisis)} ({caught / len(crisis):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
