"""Let pytest collect the benchmarks in ``bench/bench_*.py`` (they are not ``test_*`` files)."""

import pytest


def pytest_collect_file(file_path, parent):
    """Collect ``bench_*.py`` files as test modules."""
    if file_path.suffix == ".py" and file_path.name.startswith("bench_") and not parent.session.isinitpath(file_path):
        return pytest.Module.from_parent(parent, path=file_path)
    return None
