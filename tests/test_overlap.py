"""olivebranch paraphrases its sources: no run of 8 words shared with any of them (SPEC 1)."""

import subprocess
import sys

import pytest

from tests.conftest import REPO, SHARED

TOOL = SHARED / "tools" / "overlap.py"


def test_no_run_of_eight_words_is_shared_with_a_source():
    if not TOOL.is_file():
        pytest.skip(f"{TOOL} is absent, so the overlap with the sources cannot be checked")
    res = subprocess.run(
        [sys.executable, str(TOOL), "--repo", str(REPO)],
        capture_output=True, text=True, timeout=120,
    )
    assert "0 shared run(s)" in res.stderr, res.stdout + res.stderr
    assert res.returncode == 0, res.stdout
