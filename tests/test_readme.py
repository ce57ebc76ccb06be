"""The README's example outputs are what olivebranch prints today."""

import pytest

from tests.conftest import REPO

TIMING = str(REPO / "tests" / "fixtures" / "timing" / "spec_example.json")
ALEX = "Hi Alex. You never make time for me anymore. Answer me by Friday or we're done."


@pytest.mark.parametrize("args", [
    ("timing", "--scenario", TIMING),
    ("timing", "--scenario", TIMING, "--json"),
    ("check", ALEX),
], ids=["timing", "timing --json", "check"])
def test_the_readme_shows_the_real_output(cli, monkeypatch, args):
    monkeypatch.setenv("NO_COLOR", "1")
    res = cli(*args)
    assert res.code == 0, res.err
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert res.out.strip() in readme
