"""The draft check (SPEC 5): detectors in one registry, then one decision.

Each detector shares one interface, ``detect(draft, prior) -> tuple[Hit, ...]``,
and returns new hits without changing anything; later detectors see earlier
hits (the model weighs the pattern evidence). :func:`check` turns the hits
into flags with spans, strengths, a verdict, a rewrite and, for any sign of
self-harm, support resources.
"""

import re

from olivebranch import support
from olivebranch.boundary import says_no_contact
from olivebranch.check import rewrite as rewriting
from olivebranch.check.codes import FLAGS, SEVERITY_ORDER, STRENGTHS, flag_info
from olivebranch.check.language import other_language
from olivebranch.check.mechanics import MechanicsDetector
from olivebranch.check.model import ModelDetector, vocabulary
from olivebranch.check.patterns import PatternDetector
from olivebranch.check.result import CheckResult, Flag, Hit
from olivebranch.check.text import Draft
from olivebranch.errors import InputError
from olivebranch.words import is_blank, without_surrogates

DETECTORS = (PatternDetector(), MechanicsDetector(), ModelDetector())

# The longest draft checked. SPEC 5 checks a text over 10,000 characters as a
# wall of text, not refusing it; ten times that (some 15,000 words, no message
# anyone writes) takes one to two seconds here (bench_check.py's
# test_longest_draft), and the time grows with the length (some 14 ms for each
# thousand characters, mostly the patterns), so a pasted book is refused.
MAX_CHARS = 100_000

# Strengths that a flag on the same draft contradicts.
_CONTRADICTED_BY = {
    "apology": {"non_apology"},
    "gives_space": {"pressure", "ultimatum"},
    "open_question": {"pressure"},
}


def check(text: str, detectors=DETECTORS, *, with_rewrite: bool = True) -> CheckResult:
    """Check one draft message; :class:`InputError` if it is empty or shows nothing.

    A draft of only spaces or invisible characters (a zero-width space, a
    lone combining mark) is empty too, and one over :data:`MAX_CHARS`
    characters is refused. ``with_rewrite=False`` skips the suggested
    rewrite (used to re-check one).
    """
    if not isinstance(text, str) or is_blank(text):
        raise InputError("the draft is empty: type or paste the message you are thinking of sending")
    if len(text) > MAX_CHARS:
        raise InputError(
            f"the draft is {len(text):,} characters long; drafts of up to {MAX_CHARS:,} are checked "
            "(far more than one message needs), so paste just the message you are thinking of sending"
        )
    text = without_surrogates(text)  # bytes that were not UTF-8 become U+FFFD, offsets unchanged
    draft = Draft(text)
    hits: tuple[Hit, ...] = ()
    for detector in detectors:
        hits += detector.detect(draft, hits)
    flags = _flags(hits, draft)
    codes = {f.code for f in flags}
    strengths = tuple(
        code for code in STRENGTHS
        if any(h.code == code and h.kind == "model" for h in hits) and not (_CONTRADICTED_BY.get(code, set()) & codes)
    )
    verdict = verdict_for(codes)
    has_self_harm = "self_harm" in codes
    rewrite = None
    # SPEC 7: no help writing to someone who, the draft says, blocked them or asked for no contact.
    if with_rewrite and verdict != "send" and not has_self_harm and not says_no_contact(text):
        rewrite = rewriting.suggest(
            draft, flags, strengths, recheck=lambda t: check(t, detectors, with_rewrite=False),
            concern=lambda t: concern(t, detectors),
        )
    return CheckResult(
        text=text,
        verdict=verdict,
        flags=flags,
        strengths=strengths,
        rewrite=rewrite,
        resources=support.resources("self_harm") if has_self_harm else (),
        language=other_language(text, vocabulary),
    )


def concern(text: str, detectors=DETECTORS) -> float:
    """How near ``text`` comes to any learned flag (below 1: the model sees none).

    The first detector that can tell (:meth:`ModelDetector.concern`) does,
    given what the detectors before it found. With none that can, the text
    is taken to be at the edge (1), so nothing is kept on trust.
    """
    draft = Draft(text)
    prior: tuple[Hit, ...] = ()
    for detector in detectors:
        if hasattr(detector, "concern"):
            return detector.concern(draft, prior)
        prior += detector.detect(draft, prior)
    return 1.0


def verdict_for(codes) -> str:
    """SPEC 5's verdict: ``dont_send`` for any high flag, ``revise`` for any other, else ``send``."""
    severities = {flag_info(c).severity for c in codes}
    if "high" in severities:
        return "dont_send"
    return "revise" if severities else "send"


def _flags(hits: tuple[Hit, ...], draft: Draft) -> tuple[Flag, ...]:
    """One flag per code and merged span: a sign of self-harm first, then the most severe, then in reading order.

    Words flagged as a sign of self-harm are not flagged again as something
    milder ("I deserve to die" is not a claim on their time): a medium or low
    flag lying wholly inside a self-harm span is dropped. A high flag on the
    same words (an ultimatum made with a threat to oneself) stays.
    """
    flags = []
    for code in FLAGS:
        mine = [h for h in hits if h.code == code]
        decisive = [h for h in mine if h.kind in ("strong", "rule")]
        model = [h for h in mine if h.kind == "model"]
        if not decisive and not model:
            continue
        spans = [(h.start, h.end) for h in decisive]
        if model:
            evidence = [h for h in mine if h.kind == "evidence"]
            spans += [(h.start, h.end) for h in evidence] if decisive else _model_spans(draft, model, evidence)
        info = flag_info(code)
        for start, end in (_to_clause_end(draft.text, *_words_of(draft.text, *span)) for span in _merge(spans)):
            flags.append(Flag(code, info.severity, start, end, info.why, info.sources, info.suggestion))
    crisis = [(f.start, f.end) for f in flags if f.code == "self_harm"]
    flags = [f for f in flags
             if f.severity == "high" or not any(start <= f.start and f.end <= end for start, end in crisis)]
    return tuple(sorted(flags, key=lambda f: (f.code != "self_harm", SEVERITY_ORDER[f.severity], f.start,
                                              FLAGS.index(f.code))))


def _model_spans(draft: Draft, model: list[Hit], evidence: list[Hit]) -> list[tuple[int, int]]:
    """Where a flag the model raised (no strong pattern, no rule) points.

    Evidence of a few words ("you never", "by tonight") names what carries the
    flag, so the flag points at it, and at any one-word cue beside it, as
    precisely as they are. A cue of one word alone ("wow", "jk", "whatever",
    "please") only hints: what carries the flag is the sentence the model
    found it in ("wow thanks for the ghosting, really mature"). A lone cue
    outside that sentence points at its own sentence, and takes in the
    model's when the two are next to each other ("I'm blocking you. jk.
    unless?": "jk. unless?"), not when other sentences lie between. With no
    evidence at all, the model's sentence. A strong pattern's words, or a
    rule's, are never widened (see :func:`_flags`).
    """
    if not evidence:
        return [(h.start, h.end) for h in model]
    if any(len(draft.text[h.start:h.end].split()) > 1 for h in evidence):
        return [(h.start, h.end) for h in evidence]
    sentences = draft.sentences

    def sentence_of(start: int, end: int) -> int | None:
        return next((i for i, s in enumerate(sentences) if s.start <= start and end <= s.end), None)

    spans = []
    for cue in evidence:  # each of one word
        around = [(h.start, h.end) for h in model if h.start <= cue.start and cue.end <= h.end]
        i = None if around else sentence_of(cue.start, cue.end)
        if around:
            spans += around
        elif i is None:  # a cue no sentence holds ("??" before the first word)
            spans.append((cue.start, cue.end))
        else:
            spans.append((sentences[i].start, sentences[i].end))
            spans += [(h.start, h.end) for h in model if sentence_of(h.start, h.end) in (i - 1, i + 1)]
    return spans


def _words_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces, or the stop that ended the sentence before, that a pattern matched to get its bearings.

    "think about that" after a full stop points at ". think about that"; it
    points at its words. A span of only punctuation ("??") stays as it is.
    """
    first = start
    while first < end and (text[first].isspace() or text[first] in ".,;:!?"):
        first += 1
    if first == end:
        return start, end
    while text[end - 1].isspace():
        end -= 1
    return first, end


# One or two words left before a clause ends, none of them a word that joins on a new thought.
_TAIL = re.compile(r"(?:[ \t]+(?!(?:and|but|so|or|because|cos|coz|though|tho|if|when|while|unless)\b)[\w'’]+){1,2}"
                   r"(?=[ \t]*(?:[.,;:!?\n]|$))", re.IGNORECASE)


def _to_clause_end(text: str, start: int, end: int) -> tuple[int, int]:
    """The span taken on to the end of its clause when only a word or two is left of it.

    A pattern matches as few words as say what it is, and stopping there
    leaves the rest of the phrase outside the highlight ("the most selfish
    person i've ever" of "... i've ever met.", "you never help" of "you
    never help with anything"). One or two words more, up to a stop or a
    comma, complete it; a word that joins on a new thought ("... but ok")
    does not belong to it.
    """
    tail = _TAIL.match(text, end) if end < len(text) and text[end - 1:end].isalnum() else None
    return (start, tail.end()) if tail else (start, end)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans merged into one."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]
