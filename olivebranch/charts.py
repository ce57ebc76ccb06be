"""Charts of the monthly signals, as PNG or SVG bytes (matplotlib, Agg backend).

Four charts, each with both sides in their own colour and a legend, months on
the x axis: reply time, conversation starts, words per message, messages.
:func:`render` returns the bytes; writing them to files is the caller's job.
matplotlib is imported inside the functions so ``olivebranch --help`` stays fast.
"""

from datetime import date

from olivebranch.signals import Signals

CHARTS = {
    "reply_time": ("Typical reply time each month", "median reply time (hours)"),
    "conversation_starts": ("Who started conversations each month", "conversations started"),
    "words_per_message": ("Words per message each month", "words per message (mean)"),
    "messages": ("Messages each month", "messages sent"),
}
COLOURS = {"me": "#1b7f79", "them": "#d9822b"}  # teal and orange: distinct for most colour vision
FORMATS = ("png", "svg")


def render(signals: Signals, fmt: str = "png") -> dict[str, bytes]:
    """Draw every chart in ``fmt`` (``"png"`` or ``"svg"``); return ``{name: bytes}``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown chart format {fmt!r}")
    import io
    import warnings

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import dates as mdates
    from matplotlib import pyplot as plt

    labels = {"me": f"you ({signals.me})", "them": signals.them or "them"}
    xs = [date(int(m.month[:4]), int(m.month[5:]), 1) for m in signals.months]
    series = {
        "reply_time": lambda m, s: (m.reply_time_median_s[s] / 3600 if m.reply_time_median_s[s] is not None else None),
        "conversation_starts": lambda m, s: m.starts.get(s, 0),
        "words_per_message": lambda m, s: m.words_per_message[s],
        "messages": lambda m, s: m.messages[s],
    }
    out: dict[str, bytes] = {}
    # Names are shown as typed: no maths for "$", and no warning per glyph a
    # font lacks (CJK, emoji) on the user's screen; those draw as boxes.
    rc = {"svg.fonttype": "none", "svg.hashsalt": "olivebranch", "text.parse_math": False}
    with matplotlib.rc_context(rc), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from", category=UserWarning)
        for name, (title, ylabel) in CHARTS.items():
            fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
            bars = name in ("conversation_starts", "messages")
            for k, side in enumerate(("me", "them")):
                ys = [series[name](m, side) for m in signals.months]
                if bars:
                    offset = (k - 0.5) * 12  # days: side by side within the month
                    ax.bar(
                        [mdates.date2num(x) + offset for x in xs], ys, width=11,
                        color=COLOURS[side], label=labels[side],
                    )
                else:
                    pts = [(x, y) for x, y in zip(xs, ys) if y is not None]
                    ax.plot(
                        [p[0] for p in pts], [p[1] for p in pts], marker="o",
                        color=COLOURS[side], label=labels[side],
                    )
            ax.set_title(title)
            ax.set_xlabel("month")
            ax.set_ylabel(ylabel)
            ax.xaxis.set_major_locator(mdates.MonthLocator(interval=max(1, -(-len(xs) // 12))))
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
            ax.set_ylim(bottom=0)
            if bars:
                from matplotlib.ticker import MaxNLocator

                ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            ax.grid(axis="y", alpha=0.3)
            ax.legend()
            fig.autofmt_xdate()
            fig.tight_layout()
            buf = io.BytesIO()
            meta = {"Title": title} if fmt == "png" else {"Title": title, "Date": None}
            fig.savefig(buf, format=fmt, metadata=meta)
            plt.close(fig)
            out[name] = buf.getvalue()
    return out
