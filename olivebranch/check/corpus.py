"""The labelled draft corpus (``corpus/*.jsonl``) and its train/test split.

The split is a stable hash of each message's id (a quarter goes to the
held-out test set), so no author chose it and training never sees the test
messages. ``wall_of_text`` is never labelled by hand: it is added here from
the text, by SPEC 5's rule.
"""

from dataclasses import dataclass
import hashlib
import json
from pathlib import Path

from olivebranch.check.codes import FLAGS, STRENGTHS
from olivebranch.check.mechanics import is_wall_of_text
from olivebranch.check.text import count_words
from olivebranch.errors import InputError

TEST_SHARE = 25  # percent of messages held out


@dataclass(frozen=True)
class Example:
    """One labelled draft."""

    id: str
    text: str
    flags: frozenset[str]
    strengths: frozenset[str]
    hard_negative: bool
    split: str


def split_of(message_id: str) -> str:
    """``test`` for about a quarter of ids, chosen by hash; ``train`` for the rest."""
    bucket = int(hashlib.sha256(message_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "test" if bucket < TEST_SHARE else "train"


def load(folder: str | Path, split: str | None = None) -> list[Example]:
    """Every example in ``folder``'s JSONL files (optionally one split), in file order."""
    folder = Path(folder)
    paths = sorted(folder.glob("*.jsonl"))
    if not paths:
        raise InputError(f"no corpus files (*.jsonl) in {folder}")
    examples, seen = [], set()
    for path in paths:
        for ex in load_file(path):
            if ex.id in seen:
                raise InputError(f"duplicate id {ex.id}", field=path.name)
            seen.add(ex.id)
            if split is None or ex.split == split:
                examples.append(ex)
    return examples


def load_file(path: Path) -> list[Example]:
    """The examples of one JSONL file (one author's), in file order."""
    examples, seen = [], set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        where = f"{path.name}:{n}"
        if row["id"] in seen:
            raise InputError(f"duplicate id {row['id']}", field=where)
        seen.add(row["id"])
        flags = set(row.get("flags", []))
        if is_wall_of_text(row["text"], count_words(row["text"])):
            flags.add("wall_of_text")
        unknown = (flags - set(FLAGS)) | (set(row.get("strengths", [])) - set(STRENGTHS))
        if unknown:
            raise InputError(f"unknown code(s) {sorted(unknown)}", field=where)
        examples.append(Example(row["id"], row["text"], frozenset(flags), frozenset(row.get("strengths", [])),
                                bool(row.get("hard_negative")), split_of(row["id"])))
    return examples


def already_in(texts: list[str], folder: str | Path) -> list[str]:
    """The ``texts`` that some draft in ``folder`` already says, ignoring case and spacing.

    The bench probes use it to refuse to measure text the model was trained on.
    """
    def key(text: str) -> str:
        return " ".join(text.lower().split())

    seen = {key(e.text) for e in load(folder)}
    return [t for t in texts if key(t) in seen]
