"""Benchmark: the timing guard on a 10,000-event scenario (target: under 50 ms median).

Run with ``make bench`` or
``.venv/bin/python -m pytest bench -k timing --benchmark-enable --benchmark-only -q``
(naming the file itself collects it twice: once as an argument, once by
``bench/conftest.py``).

All three runs share one benchmark group, so the table shows them side by side
with their ratio to the fastest: ``json.loads`` of the same text is the
baseline (the least any JSON reader must pay), then parse + decide from the
text, then decide alone on a parsed scenario.
"""

import json
import random
from datetime import datetime, timedelta, timezone

import pytest

from olivebranch.scenario import loads_scenario
from olivebranch.timing import decide

N_EVENTS = 10_000
TARGET_S = 0.050
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)
TEXTS = ["Hey, how have you been?", "Thinking of you today.", "Saw this and smiled, hope you're well."]


@pytest.fixture(scope="module")
def scenario_text() -> str:
    """The scenario of :func:`make_scenario_text`, built once per run."""
    return make_scenario_text()


def make_scenario_text() -> str:
    """Two years of a relationship: mostly messages and calls, some fights, a few requests, shuffled."""
    rng = random.Random(10)
    t = NOW - timedelta(days=730)
    events = []
    for _ in range(N_EVENTS):
        t += timedelta(minutes=rng.randint(1, 200))
        roll = rng.random()
        event = {"at": t.astimezone(timezone(timedelta(hours=rng.choice((0, 1))))).isoformat(),
                 "from": rng.choice(("me", "them"))}
        if roll < 0.75:
            event.update(kind="message", text=rng.choice(TEXTS), open_door=rng.random() < 0.1)
        elif roll < 0.93:
            event["kind"] = "call"
        elif roll < 0.97:
            event["kind"] = "fight"
        elif roll < 0.99:
            event["kind"] = "space_request"
            if rng.random() < 0.5:
                event["until"] = (t + timedelta(days=3)).isoformat()
        else:
            event["kind"] = rng.choice(("breakup", "no_contact_request"))
        events.append(event)
    rng.shuffle(events)  # SPEC 3: events may arrive in any order
    data = {"now": NOW.isoformat(), "timezone": "Europe/London",
            "situation": {"relationship": "partner", "red_flags": []}, "events": events}
    return json.dumps(data)


@pytest.mark.benchmark(group="timing: 10,000 events")
def test_baseline_json_loads(benchmark, scenario_text):
    """Baseline: only decode the JSON text."""
    data = benchmark(json.loads, scenario_text)
    assert len(data["events"]) == N_EVENTS


@pytest.mark.benchmark(group="timing: 10,000 events")
def test_parse_and_decide(benchmark, scenario_text):
    """What `olivebranch timing --scenario FILE` does once the file is read."""
    decision = benchmark(lambda: decide(loads_scenario(scenario_text)))
    assert decision.verdict in {"go", "wait", "their_move", "stop"}
    assert benchmark.stats.stats.median < TARGET_S


@pytest.mark.benchmark(group="timing: 10,000 events")
def test_decide_alone(benchmark, scenario_text):
    """The rules alone, on a scenario already parsed."""
    scenario = loads_scenario(scenario_text)
    assert len(scenario.events) == N_EVENTS
    decision = benchmark(decide, scenario)
    assert decision == decide(scenario)
    assert benchmark.stats.stats.median < TARGET_S
