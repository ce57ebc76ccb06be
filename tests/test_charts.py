"""Charts are real PNG and SVG files, titled, with both sides and dates."""

import io
from pathlib import Path

import pytest

from olivebranch.charts import CHARTS, render
from olivebranch.chat import read_chat
from olivebranch.signals import compute

FIXTURE = Path(__file__).parent / "fixtures" / "chats" / "whatsapp_android_24h.txt"


@pytest.fixture(scope="module")
def sig():
    from datetime import datetime

    return compute(read_chat(FIXTURE), "Sam", datetime(2026, 2, 20, 9, 0))


def test_png_files_are_valid_and_titled(sig):
    from PIL import Image

    pngs = render(sig, "png")
    assert set(pngs) == set(CHARTS)
    for name, data in pngs.items():
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        img = Image.open(io.BytesIO(data))
        img.verify()
        assert Image.open(io.BytesIO(data)).info.get("Title") == CHARTS[name][0]


def test_svg_files_are_valid_and_show_title_axes_legend_and_dates(sig):
    import xml.etree.ElementTree as ET

    svgs = render(sig, "svg")
    for name, data in svgs.items():
        root = ET.fromstring(data)
        assert root.tag.endswith("svg")
        text = data.decode("utf-8")
        title, ylabel = CHARTS[name]
        assert title in text and ylabel in text and "month" in text
        assert "you (Sam)" in text and "Alex Kim" in text  # the legend
        assert "Jan 2026" in text and "Feb 2026" in text  # dates on the x axis


def test_unknown_format_is_refused(sig):
    with pytest.raises(ValueError):
        render(sig, "gif")


def _chat_with(name: str):
    from datetime import datetime

    from olivebranch.chat.message import text_message

    msgs = [text_message(datetime(2026, 1, 14, 9, 0), "Sam", "Hi"), text_message(datetime(2026, 1, 14, 9, 10), name, "hello")]
    return compute(msgs, "Sam", datetime(2026, 3, 1))


@pytest.mark.parametrize("name", [r"Jo $\frac$", "Ca$h $tar"])
def test_a_dollar_in_a_name_is_shown_as_typed_not_as_maths(name):
    import xml.etree.ElementTree as ET

    root = ET.fromstring(render(_chat_with(name), "svg")["messages"])
    drawn = ["".join(el.itertext()) for el in root.iter() if el.tag.endswith("}text")]
    assert name in drawn


def test_names_without_glyphs_in_the_font_raise_no_warnings():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert render(_chat_with("李小龍 🐉"), "png")["messages"].startswith(b"\x89PNG")
