"""Benchmark: a 200,000-message WhatsApp export read and turned into signals (target: under 10 s),
and the self-harm screen of its last month that `signals` adds.

Run with ``make bench`` or
``.venv/bin/python -m pytest bench/bench_signals.py --benchmark-enable --benchmark-only -q``.
The export is generated in a temporary folder at run time, never committed.
"""

import random
from datetime import datetime, timedelta

import pytest

from olivebranch.chat import read_chat
from olivebranch.chat.whatsapp import parse
from olivebranch.signals import compute

N_MESSAGES = 200_000
WORDS = "hey how are you doing today fine thanks see you later maybe coffee soon lol ok great".split()


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    """A realistic Android 24-hour export: two people, media, multi-line messages and notices."""
    rng = random.Random(4)
    t = datetime(2022, 1, 1, 8, 0)
    lines = [f"{t:%d/%m/%Y, %H:%M} - Messages and calls are end-to-end encrypted. Tap to learn more."]
    for i in range(N_MESSAGES):
        t += timedelta(seconds=rng.choice((30, 90, 300, 1800, 4 * 3600, 30 * 3600)))
        who = "Sam" if rng.random() < 0.55 else "Alex Kim"
        if i % 50 == 0:
            body = "<Media omitted>"
        else:
            body = " ".join(rng.choices(WORDS, k=rng.randint(1, 14)))
            if i % 20 == 0:
                body += "\n" + " ".join(rng.choices(WORDS, k=4))
        lines.append(f"{t:%d/%m/%Y, %H:%M} - {who}: {body}")
    path = tmp_path_factory.mktemp("bench") / "WhatsApp Chat with Alex Kim.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, t + timedelta(days=1)


def test_read_and_signals_end_to_end(benchmark, export):
    """Read the file from disk, detect, parse and compute every signal."""
    path, now = export
    result = benchmark.pedantic(lambda: compute(read_chat(path), "Sam", now), rounds=3, iterations=1)
    assert result.overall.messages["me"] + result.overall.messages["them"] == N_MESSAGES


def test_whatsapp_parser_alone(benchmark, export):
    """The underlying parser only, on text already in memory."""
    path, _ = export
    text = path.read_text(encoding="utf-8")
    msgs = benchmark.pedantic(lambda: parse(text), rounds=3, iterations=1)
    assert len(msgs) == N_MESSAGES


def test_self_harm_screen_of_the_last_month(benchmark, export):
    """What `signals` adds to the above: the chat's last month read for self-harm (patterns, no model)."""
    from olivebranch import support

    path, _ = export
    msgs = read_chat(path)
    support.names_self_harm.cache_clear()
    blocks = benchmark.pedantic(lambda: (support.names_self_harm.cache_clear(), support.for_chat(msgs, "Sam"))[1],
                                rounds=3, iterations=1)
    assert blocks == ()
