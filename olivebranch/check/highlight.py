"""Where a checked draft's flags fall: the text cut into plain and flagged pieces.

Pure helpers for showing a draft with its flagged words picked out, in colour
or with plain markers. Flags that are about the whole draft rather than some
words in it (``wall_of_text``) are left out, so they don't hide the others.
"""

from dataclasses import dataclass

from olivebranch.check.codes import SEVERITY_ORDER

WHOLE_DRAFT = frozenset({"wall_of_text"})
OPEN, CLOSE = "[[", "]]"


@dataclass(frozen=True)
class Segment:
    """A piece of the draft, ``text``, with the flag codes that cover it (none if plain)."""

    text: str
    codes: tuple[str, ...] = ()
    severity: str | None = None

    @property
    def flagged(self) -> bool:
        """True if a flag points at this piece."""
        return bool(self.codes)


def segments(text: str, flags, skip=WHOLE_DRAFT) -> tuple[Segment, ...]:
    """``text`` cut at every flag boundary; joined back, the pieces give ``text`` again.

    Each flagged piece carries its codes and the highest severity among them.
    Overlapping and touching flags merge into one run of flagged pieces.
    """
    shown = [f for f in flags if f.code not in skip and 0 <= f.start < f.end <= len(text)]
    cuts = sorted({0, len(text), *(f.start for f in shown), *(f.end for f in shown)})
    out: list[Segment] = []
    for start, end in zip(cuts, cuts[1:]):
        over = [f for f in shown if f.start < end and start < f.end]
        codes = tuple(dict.fromkeys(f.code for f in over))
        severity = min((f.severity for f in over), key=SEVERITY_ORDER.__getitem__) if over else None
        piece = Segment(text[start:end], codes, severity)
        if out and out[-1].codes == piece.codes:
            piece = Segment(out.pop().text + piece.text, codes, severity)
        out.append(piece)
    return tuple(out)


def marked(text: str, flags, open_: str = OPEN, close: str = CLOSE, skip=WHOLE_DRAFT) -> str:
    """``text`` with each run of flagged words wrapped in plain markers: ``[[like this]]``."""
    parts: list[str] = []
    inside = False
    for seg in segments(text, flags, skip):
        if seg.flagged and not inside:
            parts.append(open_)
        elif not seg.flagged and inside:
            parts.append(close)
        inside = seg.flagged
        parts.append(seg.text)
    if inside:
        parts.append(close)
    return "".join(parts)
