"""Text helpers shared by the draft check: words, sentences, normalisation."""

import re
from dataclasses import dataclass
from functools import cached_property

from olivebranch.words import WORD as _WORD, count_words  # noqa: F401  (re-exported)

# Curly quotes and primes become straight ones, one character for one, so
# offsets found in the normalised text are offsets into the original.
_STRAIGHTEN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'",
                             "\u201c": '"', "\u201d": '"'})
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


@dataclass(frozen=True)
class Span:
    """A stretch of the draft: ``text[start:end]``."""

    start: int
    end: int


@dataclass(frozen=True)
class Draft:
    """A draft message and what the detectors need from it, computed once."""

    text: str

    @cached_property
    def normal(self) -> str:
        """The text with curly quotes straightened (same length as ``text``)."""
        return self.text.translate(_STRAIGHTEN)

    @cached_property
    def words(self) -> tuple[Span, ...]:
        """The SPEC 5 words of the draft, as spans."""
        return tuple(Span(m.start(), m.end()) for m in _WORD.finditer(self.text))

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """Sentence-like pieces (split at . ! ? and line breaks), trimmed of spaces."""
        out = []
        for m in _SENTENCE.finditer(self.text):
            start, end = m.start(), m.end()
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and self.text[end - 1].isspace():
                end -= 1
            if end > start:
                out.append(Span(start, end))
        return tuple(out) or (Span(0, len(self.text)),)
