"""Shared CLI helpers: files of a person's own data are written for their eyes only; input files are read kindly."""

import io
import os
import stat

import pytest

from olivebranch.cli.output import console, read_json, read_text, write_private
from tests.conftest import REPO


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_file_is_0600_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        write_private(tmp_path / "answers.json", b"{}")
    finally:
        os.umask(old)
    assert mode(tmp_path / "answers.json") == 0o600
    assert (tmp_path / "answers.json").read_bytes() == b"{}"


def test_an_existing_file_is_replaced_and_made_private(tmp_path):
    path = tmp_path / "plan.ics"
    path.write_bytes(b"an older, longer plan")
    path.chmod(0o644)
    write_private(str(path), b"new")
    assert path.read_bytes() == b"new" and mode(path) == 0o600


def test_a_folder_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        write_private(tmp_path, b"x")


# --- reading input --------------------------------------------------------------------------


def test_a_file_saved_with_a_byte_order_mark_reads_as_its_text(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text('{"want": "friends"}\n', encoding="utf-8-sig")  # as Notepad or PowerShell 5.1 save it
    assert read_text(str(path)) == '{"want": "friends"}\n'
    assert read_json(str(path)) == {"want": "friends"}


def test_standard_input_with_a_byte_order_mark_reads_as_its_text(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO('\ufeff{"want": "friends"}'))
    assert read_json("-") == {"want": "friends"}


# --- width ------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", ["0", "5"])
@pytest.mark.parametrize(
    "args",
    [
        ("check", "you never listen"),
        ("plan", "--answers", str(REPO / "examples" / "answers.json"), "--start", "2026-03-02"),
        ("timing", "--scenario", str(REPO / "tests" / "fixtures" / "timing" / "spec_example.json")),
        ("why", "jealousy"),
    ],
)
def test_a_width_too_narrow_to_read_is_taken_as_the_default(cli, monkeypatch, columns, args):
    monkeypatch.setenv("COLUMNS", columns)
    assert console().width == 80
    res = cli(*args)
    assert res.code == 0, res.err
    assert res.out.strip() and max(map(len, res.out.splitlines())) <= 80
