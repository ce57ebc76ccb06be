"""Lexical detector: precise patterns for what is lexical (SPEC 5).

Patterns live in ``olivebranch/data/check/patterns.toml``; they are compiled
once, on first use, one regex per pattern. They run on
the lower-cased draft, which is twice as fast as case-insensitive matching;
for the rare text whose lower-case form has another length (so offsets would
shift), a case-insensitive compile is used instead.

Most patterns match nothing in most drafts, yet scanning one costs as much
when it finds nothing (the patterns start with ``\\b`` or a lookbehind, so
``re`` has no literal prefix to jump to). A :class:`Prefilter` skips the
patterns that cannot match: see there. Each pattern is its own regex rather
than one branch of a long alternation per code, so the prefilter lets through
only the patterns whose words are in the draft: detection on the corpus takes
half the time it took with one alternation per code, and less still on long
drafts, the slowest to check. (An alternation reports one match
at each place; separate patterns can also report overlapping matches, which
the check merges into one span, so a flag's span may reach a few characters
further. Which codes are found cannot change.)

A match right after words that take it back (``[waived]``: "no need to"
decide now, "I don't" expect an answer) is not a hit.
"""

import re
from dataclasses import dataclass
from functools import cache
from itertools import groupby

try:  # re's own parser is private: a Python without it just scans every pattern
    import re._constants as sre  # the parse tree's node types
    import re._parser as sre_parse
except ImportError:  # pragma: no cover
    sre = sre_parse = None

from olivebranch.check.codes import STRENGTHS, WORDING_FLAGS
from olivebranch.check.result import Hit
from olivebranch.check.text import Draft
from olivebranch.data import read_toml

_MACRO = re.compile(r"\{([a-z_]+)\}")  # {name}, never a {m,n} quantifier
WAIVER_REACH = 40  # how far before a match its waiver is looked for, in characters
PATTERN_CODES: tuple[str, ...] = WORDING_FLAGS + STRENGTHS


@dataclass(frozen=True)
class _Pattern:
    """One compiled pattern of ``patterns.toml``, with its code and the kind of hit it gives.

    A strong group's matches raise the flag alone; so do a ``model = false``
    group's, as ``rule`` hits, which the learned model never sees
    (:func:`olivebranch.check.model.evidence_codes`).
    """

    code: str
    kind: str
    regex: re.Pattern


def _expand(pattern: str, macros: dict[str, str]) -> str:
    return _MACRO.sub(lambda m: macros[m.group(1)], pattern)


@cache
def _table() -> dict:
    """``patterns.toml``, read once."""
    return read_toml("check", "patterns.toml")


def _kind(group: dict) -> str:
    if not group.get("model", True):
        if not group.get("strong"):
            raise ValueError("a pattern group the model never sees must be strong: nothing else would weigh it")
        return "rule"
    return "strong" if group.get("strong") else "evidence"


@cache
def _patterns(ignore_case: bool = False) -> tuple[_Pattern, ...]:
    table = _table()
    macros: dict[str, str] = {}
    for name, body in table["macros"].items():  # a macro may use the ones above it
        macros[name] = _expand(body, macros)
    flags = re.IGNORECASE if ignore_case else 0
    return tuple(
        _Pattern(code, _kind(group), re.compile(_expand(p, macros), flags))
        for code in PATTERN_CODES
        for group in table.get(code, [])
        for p in group["patterns"]
    )


@cache
def _waivers() -> dict[str, re.Pattern]:
    """Per code, the words that waive a match of it when they come just before it (``[waived]``)."""
    return {code: re.compile(f"(?:{words})[^\\w.!?\\n]*$", re.IGNORECASE)  # the draft may not be lower-cased
            for code, words in _table().get("waived", {}).items()}


def _waived(code: str, text: str, start: int) -> bool:
    """True when a match of ``code`` at ``start`` follows words that waive it ("no need to" reply now)."""
    waiver = _waivers().get(code)
    return bool(waiver and waiver.search(text, max(0, start - WAIVER_REACH), start))


class Prefilter:
    """Which patterns can match a lower-cased text, found in one scan.

    Each pattern gets a set of strings one of which any match of it must
    contain, read from its parse tree (:func:`required_strings`), so it holds
    for whatever patterns the file has. One regex finds which of all these
    strings a text holds; a pattern with none of its strings there cannot
    match and is not scanned. So the prefilter never changes a hit, it only
    skips scans that would find nothing: over the corpus, detection takes
    about a tenth of the time it takes without it (some 0.17 ms a draft
    instead of 1.8).

    Building it takes most of a second (parsing some 500 patterns, compiling
    a regex of some 7,000 strings): what it saves over 500 or so drafts. So
    it is built only once ``build_after`` texts have been asked about (until
    then every pattern is scanned), the rule for renting skis or buying them:
    a one-off ``olivebranch check`` or the assessment's self-harm screen
    never pays for it, and a process that checks many drafts soon gets it.
    """

    def __init__(self, build_after: float = 500) -> None:
        self.build_after = build_after
        self._asked = 0
        self._finder: re.Pattern | None = None
        self._masks: dict[str, int] = {}
        self._always = 0

    def patterns_for(self, text: str) -> int:
        """A bit mask of the patterns of :func:`_patterns` worth scanning in ``text`` (bit i: pattern i)."""
        if self._finder is None:
            self._asked += 1
            if self._asked <= self.build_after:
                return -1  # every pattern
            self._build()
        scan = self._always
        for found in set(self._finder.findall(text)):
            scan |= self._masks[found]
        return scan

    def _build(self) -> None:
        """The finder regex, and what each string it finds lets through.

        Strings that start at the same place in a text are all prefixes of
        the longest one there. So the finder reports the longest string at
        each position (a lookahead, so overlapping ones are found too), and a
        string lets through the patterns owning it or any of its prefixes.
        """
        owners: dict[str, int] = {}  # each string -> the patterns whose set holds it
        for i, pattern in enumerate(_patterns()):
            strings = required_strings(pattern.regex)
            if strings is None:
                self._always |= 1 << i
            for s in strings or ():
                owners[s] = owners.get(s, 0) | 1 << i
        for s in owners:
            self._masks[s] = 0
            for n in range(1, len(s) + 1):
                self._masks[s] |= owners.get(s[:n], 0)
        self._finder = re.compile(f"(?=({_trie(owners)}))" if owners else "(?!)")  # (?!): finds nothing


_PREFILTER = Prefilter()


class PatternDetector:
    """Finds every pattern match in a draft: strong hits and evidence."""

    name = "patterns"

    def __init__(self, prefilter: Prefilter = _PREFILTER) -> None:
        self.prefilter = prefilter

    def detect(self, draft: Draft, prior: tuple[Hit, ...] = ()) -> tuple[Hit, ...]:
        """Every match of every pattern, as hits over the original text, less the waived ones (:func:`_waived`)."""
        text, patterns, lowered = _readable(draft)
        scan = self.prefilter.patterns_for(text) if lowered else -1  # its strings are for lower-cased text
        return tuple(
            Hit(p.code, *_whole_words(text, m.start(), m.end()), p.kind)
            for i, p in enumerate(patterns)
            if scan >> i & 1
            for m in _matches(p, text)
        )


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A match's span less the spaces at its ends, and reaching the end of a word it stops in.

    A pattern may end on a space (``you hurt ``) or stop inside a word (``answer``
    of "answering"); the span shown to the person should be whole words.
    """
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    while start < end - 1 and text[start].isspace():
        start += 1
    if _is_word_char(text[end - 1]):
        while end < len(text) and _is_word_char(text[end]):
            end += 1
    return start, end


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def raises_alone(draft: Draft, code: str) -> bool:
    """True when a pattern that raises ``code`` on its own (a strong or a rule one) matches ``draft``.

    Only those patterns are scanned, without the prefilter: for reading many
    short texts for one code (a chat's messages for ``self_harm``).
    """
    text, patterns, _ = _readable(draft)
    return any(any(True for _ in _matches(p, text)) for p in patterns if p.code == code and p.kind != "evidence")


def _readable(draft: Draft) -> tuple[str, tuple[_Pattern, ...], bool]:
    """The text the patterns read, the patterns to read it with, and whether it is lower-cased.

    Lower-casing that changes the length (a few letters, such as "İ") would
    move the offsets, so such a draft is read as it is, with patterns that
    ignore case.
    """
    text = draft.normal.lower()
    if len(text) == len(draft.normal):
        return text, _patterns(), True
    return draft.normal, _patterns(ignore_case=True), False


def _matches(pattern: _Pattern, text: str):
    """The matches of ``pattern`` in ``text`` that count: not empty, not waived."""
    return (m for m in pattern.regex.finditer(text)
            if m.end() > m.start() and not _waived(pattern.code, text, m.start()))


# --- the strings a match must contain -----------------------------------------------------

_MAX_STRINGS = 64  # the most strings one set may hold before it is given up
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) if sre else ()
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT) if sre else ()


def required_strings(regex: re.Pattern) -> frozenset[str] | None:
    """Strings one of which every match of ``regex`` contains, or None if none are known.

    Read from the parse tree of ``regex`` (by ``re``'s own parser, so it sees
    the pattern exactly as it is compiled). It only ever errs towards None:
    a case-insensitive pattern, or one with an alternative without any fixed
    text (``\\w+``), gets None, and its pattern is always scanned. So does
    every pattern when ``re``'s private parser is missing or has changed
    shape: the prefilter then skips nothing, and no hit is lost.
    """
    if sre_parse is None:
        return None
    try:
        parsed = sre_parse.parse(regex.pattern, regex.flags)
        if parsed.state.flags & re.IGNORECASE:
            return None
        return _sequence(parsed)[1]
    except (AttributeError, TypeError, ValueError):  # a parse tree of another shape
        return None


def _sequence(items) -> tuple[set[str] | None, frozenset[str] | None]:
    """A sequence of nodes: every string it can match (if few), and a set a match must contain.

    The candidates for the second are stretches of consecutive nodes whose
    text is one of a few strings (``(?:kill|hurt) myself`` gives two, and
    `` myself`` one) and each other node's own set. The set whose shortest
    string is longest wins: long strings are the rarest in text.
    """
    exact: set[str] | None = {""}
    candidates, run = [], []  # run: the string sets of consecutive nodes, single strings joined
    for strings, needed in _nodes(items):
        if exact is not None:
            fits = strings is not None and len(exact) * len(strings) <= _MAX_STRINGS
            exact = {a + b for a in exact for b in strings} if fits else None
        if strings is None:
            candidates += _stretches(run)
            candidates.append(needed)
            run = []
        elif len(strings) == 1 and run and len(run[-1]) == 1:
            run[-1] = {next(iter(run[-1])) + next(iter(strings))}
        else:
            run.append(strings)
    candidates += _stretches(run)
    usable = [frozenset(c) for c in candidates if c and "" not in c]
    return exact, max(usable, key=lambda c: (min(map(len, c)), -len(c)), default=None)


def _nodes(items):
    """What :func:`_node` says of each node, a run of plain characters (the commonest case) as one."""
    items = getattr(items, "data", items)  # a SubPattern's list is faster to walk than the SubPattern
    for literal, nodes in groupby(items, key=lambda node: node[0] is sre.LITERAL):
        if literal:
            yield {"".join(chr(av) for _, av in nodes)}, None
        else:
            yield from (_node(op, av) for op, av in nodes)


def _stretches(run: list[set[str]]) -> list[set[str]]:
    """From each node of a run, the strings of the longest stretch that stays few."""
    found = []
    for i in range(len(run)):
        strings = {""}
        for node in run[i:]:
            if len(strings) * len(node) > _MAX_STRINGS:
                break
            strings = {a + b for a in strings for b in node}
        found.append(strings)
    return found


def _node(op, av) -> tuple[set[str] | None, frozenset[str] | None]:
    """One node: every string it can match (if few), and a set one of which any match contains.

    Either may be None (not known). The first may hold more strings than the
    node can really match: that only lets the prefilter through more often.
    Anchors and lookarounds match the empty string, as they consume nothing.
    """
    if op is sre.LITERAL:
        return {chr(av)}, None
    if op in _ZERO_WIDTH:
        return {""}, None
    if op is sre.IN and all(o is sre.LITERAL for o, _ in av):
        return {chr(c) for _, c in av}, None
    if op is sre.SUBPATTERN and not av[1] & re.IGNORECASE:
        return _sequence(av[3])
    if op is sre.ATOMIC_GROUP:
        return _sequence(av)
    if op in _REPEATS:
        least, most, item = av
        strings, needed = _sequence(item)
        if strings is not None and most <= 1:
            strings = strings | {""} if least == 0 else strings
        else:
            strings = None
        return strings, needed if least else None
    if op is sre.BRANCH:
        branches = [_sequence(b) for b in av[1]]
        strings = set().union(*(s for s, _ in branches)) if all(s is not None for s, _ in branches) else None
        needed = frozenset().union(*(n for _, n in branches)) if all(n for _, n in branches) else None
        return (strings if strings is not None and len(strings) <= _MAX_STRINGS else None), needed
    return None, None  # any character, a class, a back-reference, ...: not known


def _trie(strings) -> str:
    """A regex matching any of ``strings``, the longest it can, shaped as a trie (fast for ``re``)."""
    trie: dict = {}
    for s in strings:
        node = trie
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        children = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not children:
            return ""
        body = children[0] if len(children) == 1 else f"(?:{'|'.join(children)})"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)
