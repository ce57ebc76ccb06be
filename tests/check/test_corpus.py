"""The corpus loader and its train/test split."""

import json

import pytest

from olivebranch.check import corpus
from olivebranch.errors import InputError
from tests.conftest import REPO


def write(tmp_path, rows, name="x.jsonl"):
    (tmp_path / name).write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def test_split_is_stable_and_about_a_quarter():
    ids = [f"m{i:05d}" for i in range(4000)]
    share = sum(corpus.split_of(i) == "test" for i in ids) / len(ids)
    assert 0.22 < share < 0.28
    assert [corpus.split_of(i) for i in ids[:50]] == [corpus.split_of(i) for i in ids[:50]]


def test_wall_of_text_is_added_from_the_text(tmp_path):
    long = " ".join(["word"] * 81)
    write(tmp_path, [{"id": "a", "text": long, "flags": [], "strengths": []},
                     {"id": "b", "text": " ".join(["word"] * 80), "flags": [], "strengths": []}])
    by_id = {e.id: e for e in corpus.load(tmp_path)}
    assert by_id["a"].flags == {"wall_of_text"}
    assert by_id["b"].flags == frozenset()


def test_unknown_code_and_duplicate_id_are_input_errors(tmp_path):
    write(tmp_path, [{"id": "a", "text": "hi", "flags": ["rudeness"], "strengths": []}])
    with pytest.raises(InputError, match="rudeness"):
        corpus.load(tmp_path)
    write(tmp_path, [{"id": "a", "text": "hi", "flags": [], "strengths": []}] * 2)
    with pytest.raises(InputError, match="duplicate id a"):
        corpus.load(tmp_path)


def test_an_id_used_in_two_files_is_an_input_error(tmp_path):
    for name in ("drafts_x.jsonl", "drafts_y.jsonl"):
        (tmp_path / name).write_text(json.dumps({"id": "x1", "text": "hi", "flags": [], "strengths": []}) + "\n")
    assert [e.id for e in corpus.load_file(tmp_path / "drafts_y.jsonl")] == ["x1"]
    with pytest.raises(InputError, match="duplicate id x1"):
        corpus.load(tmp_path)


def test_an_empty_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no corpus files"):
        corpus.load(tmp_path)


def test_the_project_corpus_meets_the_issue_minimums():
    examples = corpus.load(REPO / "corpus")
    clean = [e for e in examples if not e.flags]
    assert len(examples) >= 1500
    assert len(clean) >= 300
    assert sum(e.hard_negative for e in examples) >= 200
    # wall_of_text is added by rule from the length, never by hand
    assert all(not (e.flags - {"wall_of_text"}) for e in examples if e.hard_negative)
    test_ids = {e.id for e in examples if e.split == "test"}
    train_ids = {e.id for e in examples if e.split == "train"}
    assert test_ids and train_ids and not test_ids & train_ids


def test_the_clean_probe_is_never_in_the_corpus():
    # bench/false_alarms.py measures text no model was trained on.
    probe = (REPO / "bench" / "data" / "clean_probe.txt").read_text(encoding="utf-8").splitlines()
    assert not corpus.already_in([line for line in probe if line.strip()], REPO / "corpus")


@pytest.mark.parametrize(("name", "drafts", "self_harm"), [
    ("unseen_drafts.jsonl", 299, 87),
    ("health_drafts.jsonl", 400, 105),
    ("closure_drafts.jsonl", 160, 80),
    ("absence_drafts.jsonl", 320, 70),
    ("quiet_drafts.jsonl", 600, 55),
])
def test_the_bench_drafts_are_never_in_the_corpus(name, drafts, self_harm):
    # bench/unseen_author.py measures text no model was trained on.
    bench = corpus.load_file(REPO / "bench" / "data" / name)
    assert len(bench) == drafts and sum("self_harm" in e.flags for e in bench) == self_harm
    assert not corpus.already_in([e.text for e in bench], REPO / "corpus")


def test_already_in_ignores_case_and_spacing(tmp_path):
    (tmp_path / "drafts_x.jsonl").write_text('{"id": "x1", "text": "Answer me  NOW"}\n', encoding="utf-8")
    assert corpus.already_in(["answer me now", "hello there"], tmp_path) == ["answer me now"]
