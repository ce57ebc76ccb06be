"""A suggested rewrite for a draft that needs one (SPEC 5), built without an LLM.

What it keeps of theirs. The greeting, with a capital for it and for a name
("hey mike." opens "Hey Mike,", "hey sam how are you" "Hey Sam,", "hi Dr.
Patel" "Hi Dr. Patel,"), but no insult or word a flag points at ("hey
idiot," opens "Hey,"). Then the best of their good sentences: ones no flag
points at which, checked alone, are fit to send and show a strength, ask a
plain question the model sees nothing in ("can you drop my keys off on
Friday?", "let me know if you're coming"), or give plain news of theirs,
which says why they are writing now ("I fly out tomorrow"; beside blame, a
guilt trip or sarcasm only news of a life event, "I'm moving to Leeds on
Friday", which may be as short as "I'm pregnant"). Up to ten are checked and
at most three kept, within 60 words, chosen by what they bring rather than
by coming first: a sincere apology most, then news, their own question,
warmth, and a short feeling such as "I love you"; so a wall of text is cut
to its heart. A line that points back ("That was cowardly", "no worries if
not") is kept only with the one before it (an apology that does, alone, as
"I'm sorry."), a reproach that checks fine alone ("do you know how that
makes me feel?") never, and after a flag begins only an apology or a short
line from the heart. Of a sentence a flag points at, a clause the flag does
not reach can be kept the same way ("I miss you so much" of "I miss you so
much, please please talk to me", "I love you" of "I love you - answer me"),
but only when every flag is one whose words can be cut out without changing
what the rest means: not sarcasm, whose "hope you had fun" means the
opposite, nor venting or a guilt trip, whose every clause carries it. The
same goes for news before an "and" that joins the flag on ("I'm moving to
Berlin next month and you never even asked"), and a request without the
deadline cut into it ("let me know by tomorrow if you're coming"). A demand
for an answer is asked plainly, even after a flag: "can u just tell me if
ur coming sunday??" as "whenever you can, let me know if ur coming sunday",
"are you coming or not." as "are you coming?". After
sarcasm or a jealousy game begins, no sentence is kept at all ("... thanks a
lot", "... hope u feel that"), and beside a game a line needs more than an
I-statement, since the game is told from their side ("So I've been hanging
out with Olly a lot"; ``[turn]``, ``[game]``).

What it puts in. One plain line in place of what a flag was reaching for (an
I-statement instead of blame, an open door instead of a deadline or a
threat), claiming no feeling the flag does not show; for a hedged apology
the person's own, owned ("sorry for disappearing, I was ill but ..." gives
"I'm sorry for disappearing.", "sorry if you were hurt by what I said" gives
"I'm sorry for what I said."), and none for a polite "sorry to bother you".
Then what is missing, by what the draft is, read from what is kept (the same
draft always reads the same): after an apology no breezy "How have you
been?", nor a hurt of theirs in place of the blame beside it, but room to
take their time; after news of a life event a wish to talk; a plain request
gets thanks and no line about the two of them, nor a feeling it never
showed; otherwise a feeling from their side, one easy question and room for
the other person. A line of ours that the person's kept words already say is
left out: one that shares three words in a row with them ("I miss you"), or
offers what they already show ("No pressure to reply" beside their own offer
of room).

The order: their lines, then ours (an apology first), then a question of
theirs (or a request put as one, asked in place of our easy question), then
what is added, and a sign-off of theirs last ("sleep well x", "love you").
Every candidate is checked again, and only one that comes out ``send`` is
offered.
"""

from dataclasses import dataclass, replace
from functools import cache
import re
from typing import Callable
import unicodedata

from olivebranch.check.codes import MECHANICAL_FLAGS
from olivebranch.check.mechanics import KISSES, lexicon
from olivebranch.check.result import CheckResult, Flag
from olivebranch.check.signoff import is_bare_sign_off
from olivebranch.check.text import Draft, count_words
from olivebranch.data import read_toml
from olivebranch.words import any_of

# The greeting word in any case, then a word with a capital that may be a name, or two ("Aunt Sue").
_GREETING = re.compile(r"^\s*((?i:hey|hi|hello|hiya|heya|yo|morning|evening)\b)[ ,]*([A-Z][\w'-]*(?: (?!I\b)[A-Z][\w'-]*)?)?")
# A word that opens the draft before a comma ("Mum, if you invite him...") or a capital or "i" ("Babe I'm sorry").
_VOCATIVE = re.compile(r"^\s*([a-z]+)(?:,|\s+(?=(?-i:[A-Z]|i\b)))", re.IGNORECASE)
# The word after a greeting, when it may be a way of addressing someone ("hi mum,", "hey you ❤️").
_TERM = re.compile(r"[ ,]+([a-z]+)\b(?![ ]*(?:[a-z'’]|\?))", re.IGNORECASE)
# A word after a greeting followed by another ("hey sam how are you"): a name if a question follows.
_NAME_ASKS = re.compile(r"[ ]+([a-z]+)\b(?= )", re.IGNORECASE)
# What may follow a name in lower case that ends the greeting ("hey sam," "hi jo.").
_NAME_ENDS = re.compile(r"\s*(?:[,.!]|$)")
# "I'm sorry I shouted, but ...", "sorry for disappearing, I was ill but ...", "sorry for
# shouting. But you ...": the apology before the "but".
_SORRY_BUT = re.compile(r"(?:(i am)\s+|i'?m\s+)?((?:so |really |truly )*sorry\s+(?:for|about|that|i)\b[^,.;!?]*?)"
                        r"(?:\s*,?\s+but\b|,[^.;!?]*?\sbut\b|\s*[.!]+\s+but\b)", re.IGNORECASE)
# An apology made conditional on what the person did themselves ("sorry if you were hurt by
# what I said", "I apologise if my words came across badly"): the thing they did, to own it.
_OWN_DEED = r"(?:what i (?:said|did|wrote|sent)|my (?:\w+ )?(?:words|comments?|message|text|tone|joke|behaviou?r|reaction)|the way i \w+|how i \w+)"
_SORRY_IF = re.compile(r"\b(?:sorry|apologi[sz]e|apologies) if (?:(?:you|u) (?:were|was|got|felt) (?:\w+ )?(?:offended|upset|hurt|bothered)"
                       rf" by ({_OWN_DEED})|({_OWN_DEED}) (?:was|were|came|got|upset|hurt|offended))", re.IGNORECASE)
# The pronoun "i", alone or in "i'm", "i've", "i'd", "i'll"; not a letter in "i.e." or "wi-fi".
_LONE_I = re.compile(r"(?<![\w'’.-])i(?![\w.-])")
_STARTS_WITH_I = re.compile(r"I\b")
# The helping verbs a question opens with.
_AUXILIARIES = "do|does|did|are|is|was|were|will|would|can|could|should|have|has"
# "do you?", "would u?", "so does ur best mate": a sentence that only makes sense after the one before it.
_ELLIPTICAL = re.compile(rf"(?i:(?:{_AUXILIARIES}|had|don'?t|didn'?t"
                         r"|won'?t|aren'?t|isn'?t|wouldn'?t|couldn'?t)\s+(?:you|u|ya|i|we|they|he|she|it))\W*"
                         rf"|(?i:(?:so|neither|nor)\s+(?:{_AUXILIARIES}|am|had)\b).*")
# The first clause of a sentence, before a comma, a spaced dash or a joining word ("I fly out tomorrow" of
# "I fly out tomorrow and just wanted to say bye").
_LEAD = re.compile(r"(.+?)\s*(?:[,;:]|\s(?:and|but)\b|\s[-–—]+\s)", re.IGNORECASE)
# A question that asks a favour ("can you drop my keys off?"), perhaps after a lead-in ("I've got your key, could you ...").
_FAVOUR = re.compile(r"(?i:(?:[^?]*,\s+)?(?:please\s+)?(?:can|could|would|will)\s+(?:you|u)\b)")
# A question of the person's own ("are we still on for saturday?", "can you drop my keys off?").
_ASK = re.compile(rf"(?i:(?:{_AUXILIARIES}|shall|what|when|where|which|who|how)\b[^?]*\?+)")
_WHOLE_DRAFT_FLAGS = set(MECHANICAL_FLAGS)
# The clauses of a sentence: the stretches between commas, semicolons, colons and spaced dashes ("I love you - answer me").
_CLAUSE = re.compile(r"(?:[^,;:\s]|\s(?!\s*[-–—]+\s))+")
# Where a clause joins on another with "and" or "but" ("I'm moving to Berlin next month and you never ask").
_JOINED = re.compile(r"\s+(?:and|but)\b", re.IGNORECASE)
# A word that only joins a clause to the one before it ("but", "and so").
_JOINER = re.compile(r"^(?:(?:and|but|so|or|plus|also|anyway|like)\b[ ,]*)+", re.IGNORECASE)
MIN_CLAUSE_WORDS = 3
# A word that turns from or joins on to what came before ("anyway, hope work's ok", "but if you fancy a drink"):
# it has nothing to turn from in a rewrite. Not "so", which starts "so happy for you" as often as "so, ...".
_TURN = re.compile(r"^(?:(?:anyway|anyways|btw|by the way|either way|and|but|plus|also)\b[ ,]*)+", re.IGNORECASE)
# ... and one that ends a clause ("I miss you though, how are you?"), turning from what the rewrite left out.
_TURNED = re.compile(r"[ ,]*(?<!\beven )\b(?:though|tho|anyway|anyways)\b(?=\s*(?:[,.!?;]|$))", re.IGNORECASE)
# A word for the person they write to: plain news of theirs is about them, not about "you".
_SECOND_PERSON = re.compile(r"\b(?:you|u|ya|ye|yall|y'all|ur|your|yours|youre|you're|yourself|urself)\b", re.IGNORECASE)
# News told from their own side: it starts with "I" ("I fly out tomorrow", "I'm off travelling").
_OWN_NEWS = re.compile(r"(?i:i|im|ive)\b")
# An easy question written without its question mark ("how are you.", "hows ur week").
_HOW = re.compile(r"(?i:how(?:'?s|'?re)?\b[^?!]*?)[ .]*")
# A clause that ends on a helping verb or a lead-in ("i really can't", "i need to be
# honest") leaned on the clause after it, which a flag took away.
_DANGLING = re.compile(r"(?i:.*\b(?:can'?t|cant|won'?t|wont|don'?t|dont|didn'?t|didnt|do|does|did|can|could|will|would"
                       r"|should|am|is|are|was|were|have|has|had|honest|say|admit|ask|tell you|know|mean))\W*")


# A sentence of theirs that the rewrite keeps, with the strengths it shows checked alone.
_Kept = tuple[str, tuple[str, ...]]


@cache
def _blocks() -> dict:
    return read_toml("check", "rewrite.toml")


def suggest(draft: Draft, flags: tuple[Flag, ...], strengths: tuple[str, ...],
            recheck: Callable[[str], CheckResult], concern: Callable[[str], float]) -> str | None:
    """A rewrite of ``draft`` that ``recheck`` finds fit to send, or None if none is.

    ``concern`` tells how near a text comes to any flag (below 1: none), for
    a plain question of theirs (:func:`_is_plain_ask`).
    """
    blocks = _blocks()
    greeting = _greeting(draft.text, _spans(flags, draft.text))
    flags = _past_greeting(flags, draft.text, greeting)
    flags = _without_sincere_apologies(draft, flags, recheck)
    kept = _good_sentences(draft, flags, greeting, recheck, concern)
    replacements = _replacements(draft, flags, blocks)
    for candidate in (_compose(greeting, kept, replacements, blocks),
                      _compose(greeting, kept[:1], replacements, blocks),
                      _compose(greeting, [], replacements, blocks),
                      _compose(greeting, [], [], blocks),
                      _compose(blocks["add"]["greeting"], [], [], blocks)):
        if recheck(candidate).verdict == "send":
            return candidate
    return None


def _greeting(text: str, spans: list[tuple[int, int]] = ()) -> str:
    """The draft's greeting ("Hey Sam", "hi mum", "hi Dr. Patel").

    A capitalised word after it, or two ("Aunt Sue"), is a name unless it
    is one that starts sentences (``[greeting] not_names``). A title
    (``[greeting] titles``: "Dr", "Mrs.") goes with the name after it.

    A word in lower case is taken when it is a way of addressing someone
    (``[greeting] terms``: "mum", "babe", "you") or a name that ends the
    greeting (:func:`_addresses`) or comes just before a question ("hey sam
    how are you", ``[greeting] questions``); a few terms open a message on
    their own ("Mum, ...").

    Never an insult or a word of the draft's mood (``lexicon.toml`` [insults]:
    "hey idiot,"; "hey whatever."), nor a word a flag points at (one of
    ``spans`` starts in it).
    """
    m = _GREETING.match(text)
    if not m:
        alone = _VOCATIVE.match(text)
        return alone.group(1) if alone and alone.group(1).lower() in _blocks()["greeting"]["alone"] else ""

    def flagged(word: str, at: int) -> bool:
        return any(at <= start < at + len(word) for start, _ in spans)

    def names(word: str, at: int) -> bool:
        return _may_name(word) and not flagged(word, at)

    title = _title().match(text, m.end(1))
    if title and names(title.group("name"), title.start("name")):
        return text[m.start(1):title.end()]
    words = [word for word in (m.group(2) or "").split(" ") if word]
    if words and names(words[0], m.start(2)):
        # "Hey Sam Hope you're well": a second word that starts a sentence is not part of the name.
        at = m.start(2) + len(words[0]) + 1
        name = " ".join(words[:1] + [w for w in words[1:] if names(w, at)])
        return text[m.start(1):m.start(2) + len(name)]
    for found, fits in ((_TERM.match(text, m.end(1)), _addresses), (_NAME_ASKS.match(text, m.end(1)), _addresses_and_asks)):
        if found and not flagged(found.group(1), found.start(1)) and fits(found.group(1).lower(), text[found.end(1):]):
            return text[m.start(1):found.end(1)]
    return m.group(1)


def _may_name(word: str) -> bool:
    """True unless ``word`` starts sentences or says something else (``[greeting] not_names``) or is an insult."""
    blocks = _blocks()["greeting"]
    plain = re.sub(r"['’].*", "", word).lower()
    return plain not in blocks["not_names"] and plain not in _insults()


@cache
def _insults() -> frozenset[str]:
    """Words that are never a name (``lexicon.toml`` [insults]: "idiot", "jerk"), lower case."""
    return frozenset(word.lower() for word in lexicon()["insults"]["words"])


@cache
def _title() -> re.Pattern:
    """A title and the name after it, after a greeting ("Dr. Patel", "mrs jones"; ``[greeting] titles``)."""
    titles = "|".join(map(re.escape, _blocks()["greeting"]["titles"]))
    return re.compile(rf"[ ,]*(?i:{titles})\.?[ ]+(?P<name>[A-Za-z][\w'-]*)")


def _addresses(word: str, after: str) -> bool:
    """True when ``word`` after a greeting addresses the person: a term for them, or a name.

    A name may come in lower case ("hey sam, ..."), so any word that ends
    the greeting with a comma, a full stop or "!" is taken for one, unless
    it is one that does not name (:func:`_may_name`: "hey again.", "hi lol",
    "hey idiot,").
    """
    return word in _blocks()["greeting"]["terms"] or (bool(_NAME_ENDS.match(after)) and _may_name(word))


def _addresses_and_asks(word: str, after: str) -> bool:
    """True when ``word`` is a term for the person or may be a name, and ``after`` opens on a question.

    "hey sam how are you", "hi jo what's up", "hi love how are you"
    (``[greeting] questions``); not "hey so how are you".
    """
    first = re.match(r"\s+([a-z'’]+)", after, re.IGNORECASE)
    return (bool(first) and first.group(1).lower().replace("’", "'") in _blocks()["greeting"]["questions"]
            and (word in _blocks()["greeting"]["terms"] or _may_name(word)))


@cache
def _not_addressing() -> re.Pattern:
    """What may follow a greeting that the rewrite leaves out of the sentence it opened.

    An insult ("hey idiot, how are you", ``lexicon.toml`` [insults]), or a word
    of no weight before a question (``[greeting] fillers``: "hi again how are you").
    """
    greeting = _blocks()["greeting"]
    insults = "|".join(map(re.escape, sorted(_insults())))
    fillers, questions = ("|".join(map(re.escape, greeting[key])) for key in ("fillers", "questions"))
    return re.compile(rf"^(?:(?:{insults})\b[ ,!.]*|(?:{fillers})[ ,]+(?=(?:{questions})\b))+", re.IGNORECASE)


def _good_sentences(draft: Draft, flags: tuple[Flag, ...], greeting: str, recheck: Callable[[str], CheckResult],
                    concern: Callable[[str], float]) -> list[tuple[str, tuple[str, ...]]]:
    """The draft's best good sentences (:func:`_best`), each with the strengths it shows, in the draft's order."""
    return [kept for _, kept in _best(list(_candidates(draft, flags, greeting, recheck, concern)), _blocks())]


def _candidates(draft: Draft, flags: tuple[Flag, ...], greeting: str, recheck: Callable[[str], CheckResult],
                concern: Callable[[str], float]):
    """``(i, (sentence, strengths))`` for each good sentence of the draft, ``i`` its place, in order.

    Good means unflagged, and fit to send (:func:`_checked_alone`) with a
    strength, or a plain question of theirs (:func:`_is_plain_ask`), which
    the rewrite asks after its own lines, or one sentence of plain news of
    theirs (:func:`_is_plain_news`) when the flags allow it (:class:`_Room`).

    A flag the model raises points at the one sentence that scores highest for
    it, but the sentences around it can carry the same thing ("you need to
    sort yourself out" beside "you're always drunk"), and a line such as
    "think about it" only made sense beside the flag. So each sentence is
    checked alone, up to ``max_sentence_checks`` checks, and kept only if
    it is good on its own, and not a reproach (``[never]``: "do you know how
    that makes me feel?"). Once sarcasm has begun (``[turn] flags``), nothing
    after it reads straight ("... thanks a lot", "super fun ending"), though
    each reads fine alone: only the sentences before the first flag are kept.
    After any flag begins, of the sentences kept for a strength only an
    apology or a short line from the heart is (:func:`_from_the_heart`); a
    plain question or plain news has passed its own stricter gate.
    """
    blocks = _blocks()
    limits = blocks["limits"]
    room = _Room.of(flags, blocks, draft.text)
    checks = 0
    news_kept = False
    begins = len(draft.text) - len(draft.text.lstrip())
    for sentence, least_words, i, asked in _unflagged_pieces(draft, room.spans, clauses=room.clauses, until=room.until):
        if checks >= limits["max_sentence_checks"]:
            return
        # The part of the greeting in this sentence: all of it, or what follows a title's full stop ("Patel" of "hi Dr. Patel").
        at = draft.sentences[i].start
        head = draft.text[max(at, begins):begins + len(greeting)] if greeting and at < begins + len(greeting) else ""
        opens = bool(head) and sentence.lower().startswith(head.lower())
        if opens:
            sentence = _not_addressing().sub("", sentence[len(head):].lstrip(" ,!."))
        if count_words(sentence) < least_words or _ELLIPTICAL.fullmatch(sentence) or _reproach().search(sentence):
            continue
        news = room.news and not news_kept
        sentence, alone, used = _checked_alone(_LONE_I.sub("I", sentence), greeting if opens else "", news, recheck)
        checks += used
        if alone.verdict != "send":
            continue
        if alone.strengths:
            # After a flag begins, or beside a game ("So I've been hanging out with Olly a lot."),
            # only a line from the heart ("I miss you."), or a demand asked plainly (_unflagged_pieces).
            guarded = room.after_a_flag(draft.sentences[i].start) or set(alone.strengths) <= room.game
            if guarded and not (asked or _from_the_heart(sentence, alone.strengths, blocks)):
                continue
        elif not _is_plain_ask(sentence, concern, limits):
            if not (news and _is_plain_news(sentence, concern, limits, room)):
                continue
            news_kept = True
        yield i, (_tidied(sentence), alone.strengths)


def _checked_alone(sentence: str, greeting: str, news: bool,
                   recheck: Callable[[str], CheckResult]) -> tuple[str, CheckResult, int]:
    """``sentence`` checked alone as it reads when it starts a sentence of the rewrite: ``(sentence, result, checks)``.

    The model pays no heed to case, so a sentence it scored to place a span
    is not scored again. One unfit to send is tried as it reads after the
    ``greeting`` it opened with (:func:`_after_greeting`), and, with ``news``,
    for the news of something happening that opens it ("I fly out tomorrow"
    of "I fly out tomorrow and just wanted to say bye", ``[news] events``),
    which is kept without the rest, for its news alone.
    """
    alone, checks = recheck(_capitalise(sentence)), 1
    if alone.verdict != "send" and greeting:
        alone, checks = _after_greeting(sentence, greeting, recheck), checks + 1
    lead = _LEAD.match(sentence)
    if alone.verdict != "send" and news and lead and _events().search(lead.group(1)):
        sentence, alone, checks = lead.group(1), recheck(_capitalise(lead.group(1))), checks + 1
        alone = replace(alone, strengths=())
    return sentence, alone, checks


def _tidied(sentence: str) -> str:
    """A kept sentence without a word that turned from what the rewrite leaves out, and "how are you." asked."""
    sentence = _TURNED.sub("", _TURN.sub("", sentence))
    return sentence.rstrip(" .") + "?" if _HOW.fullmatch(sentence) else sentence


def _after_greeting(sentence: str, greeting: str, recheck: Callable[[str], CheckResult]) -> CheckResult:
    """``sentence`` checked as it reads after the greeting it opened with ("Babe, I'm so so sorry").

    Its strengths count only if it stays there, first of the rewrite: a
    plain question or a sign-off is moved, so it is taken as unfit.
    """
    alone = recheck(f"{_greeting_line(greeting)}, {sentence}")
    return alone if alone.strengths and not _closes(sentence) else replace(alone, verdict="revise")


@dataclass(frozen=True)
class _Room:
    """What the draft's flags leave room to keep of it."""

    spans: list[tuple[int, int]]  # the words the flags point at (not a whole-draft flag's)
    clauses: bool  # a clause no flag reaches, of a sentence one does (``[clauses] flags``)
    news: bool  # plain news of theirs (``[news] flags`` and ``events_beside``)
    own_news: bool  # only news told from their own side, as beside any flag that is not a whole-draft one
    events_only: bool  # only news of a life event (``[news] events``), as beside blame
    until: int | None  # where sarcasm begins, after which nothing is kept
    flagged: int | None  # where the first flag's words begin, after which only lines from the heart are kept
    game: frozenset[str]  # strengths that do not earn a line its place beside a game (``[game]``); else empty

    @classmethod
    def of(cls, flags: tuple[Flag, ...], blocks: dict, draft_text: str) -> "_Room":
        """The room ``flags`` leave in ``draft_text``."""
        spans = _spans(flags, draft_text)
        codes = {f.code for f in flags}
        news = blocks["news"]
        plain = codes <= set(news["flags"]) | _WHOLE_DRAFT_FLAGS
        turned = any(f.code in blocks["turn"]["flags"] for f in flags)
        return cls(
            spans=spans,
            clauses=codes <= set(blocks["clauses"]["flags"]) | _WHOLE_DRAFT_FLAGS,
            news=codes <= set(news["flags"]) | set(news["events_beside"]) | _WHOLE_DRAFT_FLAGS,
            own_news=not codes <= _WHOLE_DRAFT_FLAGS,
            events_only=not plain,
            until=min((start for start, _ in spans), default=None) if turned else None,
            flagged=min((start for start, _ in spans), default=None),
            game=frozenset(blocks["game"]["strengths"]) if codes & set(blocks["game"]["flags"]) else frozenset(),
        )

    def after_a_flag(self, start: int) -> bool:
        """True when a sentence starting at ``start`` comes after the first flag's words begin."""
        return self.flagged is not None and start >= self.flagged


def _past_greeting(flags: tuple[Flag, ...], text: str, greeting: str) -> tuple[Flag, ...]:
    """``flags`` but those on words the rewrite leaves out after the greeting (the "idiot" of "hey idiot, how are you?").

    Such a flag touches nothing the rewrite keeps, and needs no line of its
    own. A flag on the greeting alone ("hello??") still counts: it says what
    the draft is doing.
    """
    if not greeting:
        return flags
    at = len(text) - len(text.lstrip()) + len(greeting)
    at += len(text[at:]) - len(text[at:].lstrip(" ,!."))
    left_out = _not_addressing().match(text[at:])
    if not left_out:
        return flags
    opening = at + left_out.end()
    return tuple(f for f in flags if f.code in _WHOLE_DRAFT_FLAGS or not at < _words_only(f.start, f.end, text)[1] <= opening)


def _without_sincere_apologies(draft: Draft, flags: tuple[Flag, ...],
                               recheck: Callable[[str], CheckResult]) -> tuple[Flag, ...]:
    """``flags`` but a hedged apology's that points at a sincere one, whose hedge comes after it.

    "I'm truly sorry I hurt you. Think you overreacted a bit though." is a
    hedged apology, and the flag may point at the apology itself, the
    sentence the model found it in; the hedge is a sentence of its own,
    flagged or left out with the rest. So when every sentence the flag
    points at checks fine alone, and one shows an apology, the apology is
    kept in the person's own words, which say more than "I'm sorry for my
    part in what happened". A sentence it points at that does not check
    fine alone is the hedge, and must carry a flag of its own ("But you
    really need to stop holding grudges").
    """
    least = _blocks()["apology"]["min_own_words"]

    def sincere(flag: Flag) -> bool:
        others = [f for f in flags if f is not flag]
        said = [(s, draft.text[s.start:s.end]) for s in draft.sentences if s.start < flag.end and flag.start < s.end]
        results = [(s, text, recheck(_capitalise(text))) for s, text in said]
        owned = any(r.verdict == "send" and "apology" in r.strengths and count_words(text) >= least
                    for _, text, r in results)
        hedges_flagged = all(r.verdict == "send" or any(f.start < s.end and s.start < f.end for f in others)
                             for s, _, r in results)
        return owned and hedges_flagged

    if any(f.code == "sarcasm" for f in flags):
        return flags
    return tuple(f for f in flags if f.code != "non_apology" or not sincere(f))


def _spans(flags: tuple[Flag, ...], text: str) -> list[tuple[int, int]]:
    """The words of ``text`` the flags point at (:func:`_words_only`), but for a whole-draft flag's."""
    return [_words_only(f.start, f.end, text) for f in flags if f.code not in _WHOLE_DRAFT_FLAGS]


def _words_only(start: int, end: int, text: str) -> tuple[int, int]:
    """The span ``start``-``end`` of ``text`` without the spaces and stops at its edges.

    A flag's words may take in the full stop before them (". answer your
    phone"), which would touch the sentence it ends ("dad's in hospital.").
    A span with no letter or digit ("???") is left as it is.
    """
    first, last = start, end
    while first < last and not text[first].isalnum():
        first += 1
    while last > first and not text[last - 1].isalnum():
        last -= 1
    return (first, last) if last > first else (start, end)


def _from_the_heart(sentence: str, strengths: tuple[str, ...], blocks: dict) -> bool:
    """True for a sincere apology, or a short line that shows a feeling or warmth ("I love you", "I miss you").

    After a flag begins, what follows is mostly more of it ("I want to fix
    this but you have to meet me halfway", "reply if u want idc", "I need u
    to tell me what I did"), though each line checks fine alone; these are
    what survive it (``[heart]``).
    """
    heart = blocks["heart"]
    return bool(set(strengths) & set(heart["always"])) or (
        count_words(sentence) <= heart["max_words"] and bool(set(strengths) & set(heart["short"])))


def _best(found: list[tuple[int, _Kept]], blocks: dict) -> list[tuple[int, _Kept]]:
    """Of ``(i, good sentence)``, the ones that say most, at most ``max_kept_sentences`` and ``max_words``, in order.

    Each is worth what it shows (``[worth]``: a sincere apology most, then
    their news, their own question, warmth and feelings), in full for what
    no sentence taken before it shows and at half for the rest, so a wall of
    text is cut to its heart rather than to its first lines, and an
    apology, an "I love you" or the news that is the reason for writing
    outlasts the small talk before it. Ties go to the earlier sentence.

    One that leans on the sentence before it (:func:`_leans`: "That was
    cowardly", "no worries if not") is taken only after that one; but an
    apology that leans on one that cannot be kept ("That wasn't fair to you
    and I'm sorry." after a flagged line) is still an apology, and is kept
    as a plain one (``[leans] apology``: "I'm sorry.") when it is their only
    one. One that
    shares three words in a row with one already taken says it again, and a
    second question asks too much; neither is taken, nor one that would take
    the words kept past ``max_words``.
    """
    limits, worth = blocks["limits"], blocks["worth"]
    places = {i for i, _ in found}
    stranded = [(i, kept) for i, kept in found if i - 1 not in places and "apology" in kept[1] and _leans(kept[0])]
    apologies = [item for item in found if "apology" in item[1][1]]
    left = [(i, (blocks["leans"]["apology"], ("apology",))) if (i, kept) in stranded and len(apologies) == 1 else (i, kept)
            for i, kept in found]
    taken: list[tuple[int, _Kept]] = []
    while len(taken) < limits["max_kept_sentences"]:
        places = {i for i, _ in taken}
        ready = [item for item in left if item[0] - 1 in places or not _leans(item[1][0])]
        if not ready:
            break
        shown = {what for _, kept in taken for what in _shows(*kept)}
        item = max(ready, key=lambda item: (_worth(item[1], shown, worth), -item[0]))
        left.remove(item)
        said = [s for _, (s, _) in taken]
        if not _repeats(item[1][0], said) and count_words(" ".join([*said, item[1][0]])) <= limits["max_words"]:
            taken.append(item)
    return sorted(taken)


def _worth(kept: _Kept, shown: set[str], worth: dict) -> float:
    """What a good sentence adds: the worth of all it shows, halved for what ``shown`` has already."""
    return sum(worth[what] / (2 if what in shown else 1) for what in _shows(*kept))


def _shows(sentence: str, strengths: tuple[str, ...]) -> tuple[str, ...]:
    """What a good sentence brings: its strengths, else being their question (``ask``) or their news (``news``).

    A short feeling from their side ("I miss you", "I love you") brings
    ``feeling`` besides, and one that tells of something happening to them
    (``[news] events``: "Grandma had a stroke") ``news``.
    """
    if not strengths:
        return ("ask",) if _asks(sentence) else ("news",)
    short = count_words(sentence) <= _blocks()["heart"]["max_words"]
    return (strengths + (("feeling",) if short and "i_statement" in strengths else ())
            + (("news",) if _tells_of_an_event(sentence) else ()))


def _tells_of_an_event(sentence: str) -> bool:
    """True when ``sentence`` tells of something happening to them or theirs (``[news] events``), not about "you", nor asks.

    Nor a wish for the other person's news, which need not say "you"
    ("hope the new job's going great!", "congrats on the new job!!"; ``[news] wishes``).
    """
    return (bool(_events().search(sentence)) and not _SECOND_PERSON.search(sentence) and not _wishes().match(sentence)
            and not _asks(sentence))


@cache
def _wishes() -> re.Pattern:
    """A sentence that opens on a wish or congratulations (``[news] wishes``)."""
    return re.compile(rf"\W*(?:i )?(?:{'|'.join(map(re.escape, _blocks()['news']['wishes']))})\b", re.IGNORECASE)


def _leans(sentence: str) -> bool:
    """True when ``sentence`` only makes sense after the one before it (``[leans]``).

    It opens on a word that points back ("That was cowardly", "They were so
    kind") or ends on one that answers it ("no worries if not").
    """
    leans = _blocks()["leans"]
    text = sentence.lower().replace("’", "'").strip(" .!?")
    first = re.match(r"[a-z']*", text).group()
    return first in leans["openers"] or text.endswith(tuple(leans["endings"]))


@cache
def _reproach() -> re.Pattern:
    """Any of the reproaches that check fine alone but are never kept (``[never] reproaches``, and ``endings`` at the end)."""
    never = _blocks()["never"]
    endings = any_of(never["endings"]).pattern
    return re.compile(rf"{any_of(never['reproaches']).pattern}|{endings}\W*$", re.IGNORECASE)


@cache
def _heartfelt() -> re.Pattern:
    """Any of the feelings a lead before a "but" may keep (``[heart] leads``)."""
    return any_of(_blocks()["heart"]["leads"], re.IGNORECASE)


def _repeats(sentence: str, taken: list[str]) -> bool:
    """True when ``sentence`` says again what one of ``taken`` says, or asks a second question."""
    if "?" in sentence and any("?" in s for s in taken):
        return True
    return bool(_runs(sentence) & set().union(*map(_runs, taken)))


def _is_plain_ask(sentence: str, concern: Callable[[str], float], limits: dict) -> bool:
    """True for a question of theirs that the model, checked alone, sees nothing in at all.

    A question about plans or things ("can you drop my keys off on Friday?",
    or put as a request: "let me know if you're coming to the wedding")
    carries what the person wants, but many a question in a flagged draft
    is a jab ("its 2am and you're still 'asleep'?") that checks fine alone,
    falling just short of a flag; so it is kept only when the model's
    concern is well below its gate (``max_ask_concern``). A date in it
    (:func:`_day_deadline`: "can u drop the passports round before saturday?") is
    weighed apart: checked alone, the question has passed without a flag,
    and its date is part of what they need, though the model comes near a
    flag on any deadline; so the concern is taken without it. Not so "right
    now" ("can we talk right now?"), which is the demand itself.
    """
    return (_asks(sentence) and count_words(sentence) >= limits["min_ask_words"]
            and concern(_capitalise(_cut(sentence, [m.span() for m in _day_deadline().finditer(sentence)])))
            < limits["max_ask_concern"])


def _asks(sentence: str) -> bool:
    """True for a question of theirs, or a request put as one (``[ask] requests``: "let me know if you're coming").

    The question may end a sentence that leads into it ("The vet bill came
    to £340, can you cover half like we agreed?").
    """
    return bool(_ASK.fullmatch(sentence) or _ASK.fullmatch(sentence.rsplit(", ", 1)[-1]) or _requests().match(sentence))


@cache
def _requests() -> re.Pattern:
    """Any of the openings that ask for an answer without a question mark (``[ask] requests``, and ``asked_as``)."""
    ask = _blocks()["ask"]
    return any_of([*ask["requests"], ask["asked_as"]], re.IGNORECASE)


def _is_plain_news(sentence: str, concern: Callable[[str], float], limits: dict, room: "_Room") -> bool:
    """True for a plain statement of theirs that the model, checked alone, sees nothing in.

    "I fly out tomorrow" or "I'm off travelling for a year" says why they
    are writing now, and a rewrite without it loses their reason. But in a
    flagged draft a sentence about the other person ("you didn't even
    text") or a question is seldom plain news, so neither is taken; nor is
    one the model comes near a flag on (``max_news_concern``, as for a
    question of theirs). Beside a flag (``room.own_news``), what is left of
    it often still carries it ("cold and judgmental", "giving this til
    friday", "I've texted, I've called"), so only news told from their own
    side or of a life event (``[news] events``: "Mum's operation is on
    Tuesday") is kept, and none that counts their tries to reach them
    (``[news] chasing``); beside blame, a guilt trip or sarcasm
    (``room.events_only``), only news of a life event ("I'm moving to Leeds
    on Friday").

    News of a life event may be as short as it likes ("I'm pregnant"), and
    when it is short (``max_short_news_words``) it is all news, so only its
    check alone counts: the model comes near a flag on many a short line
    ("I'm pregnant.", "I have cancer."), which says more of how little there
    is to read than of a jab.
    """
    words = count_words(sentence)
    event = bool(_events().search(sentence))
    if "?" in sentence or _SECOND_PERSON.search(sentence) or (words < limits["min_news_words"] and not event):
        return False
    if room.own_news and (not (_OWN_NEWS.match(sentence) or event) or _chasing().search(sentence)):
        return False
    if room.events_only and not event:
        return False
    return (event and words <= limits["max_short_news_words"]) or concern(_capitalise(sentence)) < limits["max_news_concern"]


@cache
def _dates() -> re.Pattern:
    """A day with a time, or a date (``[news] dates``: "Tuesday at 9", "on the 12th", "June 8th")."""
    return re.compile("|".join(_blocks()["news"]["dates"]), re.IGNORECASE)


@cache
def _events() -> re.Pattern:
    """Any of the words that tell of something happening or about to (``[news] events``), or a day or date (``dates``)."""
    return re.compile(f"{any_of(_blocks()['news']['events']).pattern}|{_dates().pattern}", re.IGNORECASE)


@cache
def _chasing() -> re.Pattern:
    """Any of the words with which people count their tries to reach someone (``[news] chasing``)."""
    return any_of(_blocks()["news"]["chasing"], re.IGNORECASE)


def _unflagged_pieces(draft: Draft, spans: list[tuple[int, int]], *, clauses: bool = True, until: int | None = None):
    """``(text, least words, i, asked)`` for each sentence ``i`` no span touches (and, with ``until``, that starts before it).

    ``asked`` is True for a demand for an answer put as a plain request or
    question, kept even after a flag: "whenever you can, let me know if ..."
    (:func:`_demand_as_request`), "are you coming to the wedding?" of "are
    you coming to the wedding or not." (:func:`_without_or_not`), and a
    request without the deadline cut into it (:func:`_without_deadlines`).

    With ``clauses``, also each clause no span touches of a sentence one
    does: the stretches between commas, semicolons, colons and spaced dashes
    ("I love you" of "I love you - answer me").

    A clause stands alone only when it says enough (``MIN_CLAUSE_WORDS``, or
    two words for news of a life event: "I'm pregnant"), does not end leaning
    on the next one (``_DANGLING``), and loses a joining word at its start
    ("but i still care" is "i still care"). A sentence that demands an
    answer is asked plainly instead (``asked``).
    Of a clause a span does touch,
    news of a life event (``[news] events``) before an "and" or a "but"
    that joins the flagged words on may stand alone the same way ("I'm
    moving to Berlin next month" of "I'm moving to Berlin next month and you
    never even asked"), and so may a short feeling for them (``[heart]
    leads``: "i miss you" of "i miss you but you never make any effort");
    other such leads are seldom more than a lead-in ("I know things are
    weird but ...").
    """
    def touched(first: int, last: int) -> bool:
        return any(start < last and first < end for start, end in spans)

    def piece(first: int, last: int, i: int):
        text = _JOINER.sub("", draft.text[first:last].strip().strip("-–— "))
        if not touched(first, last) and not _DANGLING.fullmatch(text):
            return text, 2 if _events().search(text) else MIN_CLAUSE_WORDS, i, False
        return None

    for i, s in enumerate(draft.sentences):
        if until is not None and s.start >= until:
            return
        if not touched(s.start, s.end) or clauses:
            asked = _demand_as_request(draft.text, s.start, s.end, spans) or _without_or_not(draft.text, s.start, s.end, spans)
            if asked:
                yield asked, MIN_CLAUSE_WORDS, i, True
                continue
        if not touched(s.start, s.end):
            yield draft.text[s.start:s.end].strip(), 2, i, False
            continue
        if not clauses:
            continue
        request = _without_deadlines(draft.text, s.start, s.end, spans)
        if request:
            yield request, MIN_CLAUSE_WORDS, i, _asks(request)
            continue
        for clause in _CLAUSE.finditer(draft.text, s.start, s.end):
            found = piece(clause.start(), clause.end(), i)
            if not found:  # the longest lead before an "and" or a "but" that no span touches, if news or a feeling
                leads = [piece(clause.start(), joined.start(), i)
                         for joined in _JOINED.finditer(draft.text, clause.start(), clause.end())]
                found = max((p for p in leads if p and (_events().search(p[0]) or _felt(p[0]))),
                            key=lambda p: len(p[0]), default=None)
            if found:
                yield found


def _felt(lead: str) -> bool:
    """True for a short lead that says a feeling for them (``[heart] leads``: "i miss you" of "i miss you but ...")."""
    return count_words(lead) <= _blocks()["heart"]["max_words"] and bool(_heartfelt().search(lead))


def _without_deadlines(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str | None:
    """The sentence ``text[start:end]`` without the deadline a flag points at in it, or None.

    "Let me know by tomorrow if you're coming to the wedding, the caterer
    needs numbers" is a request with a deadline (``[deadline] words``: "by
    tomorrow") cut into it; the model may take the whole sentence for the
    pressure, so no clause of it is free. Cut out, the rest is the request
    (to be checked alone like any sentence). Only when every other span
    that touches the sentence takes it whole; one that points at other
    words in it says what else is wrong.
    """
    first, last = _words_only(start, end, text)
    near = [(a, b) for a, b in spans if a < end and start < b]
    deadlines = sorted((a, b) for a, b in near if _deadline().fullmatch(text[a:b]))
    if not deadlines or any(not (a <= first and b >= last) for a, b in near if (a, b) not in deadlines):
        return None
    return _cut(text[start:end], [(a - start, b - start) for a, b in deadlines])


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` without the words at ``spans`` (in order, not overlapping), its spaces tidied."""
    kept, at = [], 0
    for a, b in spans:
        kept.append(text[at:a])
        at = b
    kept.append(text[at:])
    return re.sub(r"\s+([,;:.!?])", r"\1", re.sub(r"\s+", " ", "".join(kept))).strip()


def _without_or_not(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str | None:
    """The question ``text[start:end]`` without the "or not" that makes it a demand, or None.

    "are you coming to the wedding or not." asks what the person wants to
    know, but as a demand, and a flag may point at the "or not??". Asked as
    "are you coming to the wedding?", it is kept. Only when no flag points
    at the words asked.
    """
    found = _unflagged_ask(_or_not(), text, start, end, spans)
    return f"{found.group('ask')}?" if found else None


@cache
def _or_not() -> re.Pattern:
    """A yes-or-no question ending "or not" ("r u coming or not??"), what it asks as ``ask``."""
    return re.compile(rf"\s*(?P<ask>(?:{_AUXILIARIES}|r|am)\s[^.!?]*?),?\s+or\s+not\b[\s.!?]*$", re.IGNORECASE)


def _demand_as_request(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str | None:
    """The sentence ``text[start:end]``, a demand for an answer, asked as a request instead; or None.

    "i need an answer today about whether ur coming to the wedding or not"
    (``[ask] demands``) carries what they want to know; flagged as pressure,
    it is lost with the demand. Asked as "whenever you can, let me know
    whether ur coming to the wedding" (``[ask] asked_as``), it is kept, even
    after the flag (:func:`_candidates`), if it checks fit to send alone.
    A clause after the question goes with the demand ("need to know tonight
    if ur coming on the trip or not, i'm booking in the morning"). Only when
    no flag points at the words asked about.
    """
    found = _unflagged_ask(_demand(), text, start, end, spans)
    return f"{_blocks()['ask']['asked_as']} {found.group('ask')}" if found else None


def _unflagged_ask(pattern: re.Pattern, text: str, start: int, end: int,
                   spans: list[tuple[int, int]]) -> re.Match | None:
    """``pattern``'s match of the sentence ``text[start:end]``, if no span touches what it asks (its ``ask``)."""
    found = pattern.match(text, start, end)
    if not found or any(a < found.end("ask") and found.start("ask") < b for a, b in spans):
        return None
    return found


@cache
def _demand() -> re.Pattern:
    """A demand for an answer (``[ask] demands``) and what it asks, as ``ask`` ("whether ur coming ...")."""
    demands = "|".join(map(re.escape, _blocks()["ask"]["demands"]))
    return re.compile(rf"\s*(?:please\s+)?(?:(?:can|could|will|would)\s+(?:you|u)\s+(?:please\s+)?)?(?:{demands})\b"
                      rf"(?:\s+\w+){{0,3}}?\s+(?:about\s+|on\s+)?"
                      rf"(?P<ask>(?:whether|if|what|where|when|why|who|how)\b[^.!?,]+?)(?:,?\s+or not)?(?:[\s.!?]*$|,\s)", re.IGNORECASE)


@cache
def _deadline() -> re.Pattern:
    """Any of the deadlines a demand is cut with (``[deadline] words``)."""
    return any_of(_blocks()["deadline"]["words"], re.IGNORECASE)


@cache
def _day_deadline() -> re.Pattern:
    """Any of the deadlines that name a day ("by friday", "before the weekend"), not a moment ("now", "asap")."""
    return any_of([w for w in _blocks()["deadline"]["words"] if w.split()[0] in ("by", "before")], re.IGNORECASE)


def _replacements(draft: Draft, flags: tuple[Flag, ...], blocks: dict) -> list[tuple[str, str]]:
    """``(key, line)``: one plain line for each kind of flag, an apology first, then in the draft's order, without repeats.

    A hedged apology is owned in the person's words (:func:`_owned_apology`);
    a polite "sorry to bother you" (``[apology] polite``) owns no wrong, so
    none is made up for it.
    """
    table = blocks["replace"]
    lines: list[tuple[str, str]] = []
    for flag in sorted(flags, key=lambda f: (f.code != "non_apology", f.start)):  # an apology first
        line = table.get(flag.code)
        if flag.code == "non_apology":
            line = _owned_apology(draft.text) or (None if _polite().search(draft.text[flag.start:flag.end]) else line)
        if line and line not in (said for _, said in lines):
            lines.append((flag.code, line))
    return lines


def _owned_apology(text: str) -> str | None:
    """The apology a "sorry, but ..." or a "sorry if ..." was making, owned.

    The part before the "but" ("I'm sorry I shouted, but you..." gives "I'm
    sorry I shouted.", "sorry for disappearing, I was ill but ..." gives
    "I'm sorry for disappearing."), or what the person did that the "if" made
    conditional ("sorry if you were hurt by what I said" gives "I'm sorry for
    what I said."). None when the draft has neither.
    """
    m = _SORRY_BUT.search(text)
    if m:
        opener = "I am" if m.group(1) else "I'm"  # "sorry for disappearing, ..." is owned as "I'm sorry for ..."
        apology = _LONE_I.sub("I", m.group(2).strip())
        return f"{opener} {apology[:1].lower()}{apology[1:]}."
    m = _SORRY_IF.search(text)
    if m:
        deed = m.group(1) or m.group(2)
        return f"I'm sorry for {_LONE_I.sub('I', deed)}."
    return None


@cache
def _polite() -> re.Pattern:
    """Any of the polite apologies that own no wrong (``[apology] polite``)."""
    return any_of(_blocks()["apology"]["polite"], re.IGNORECASE)


def _compose(greeting: str, kept: list[tuple[str, tuple[str, ...]]], replacements: list[tuple[str, str]],
             blocks: dict) -> str:
    """Greeting, the person's own lines, the replacement lines, then what is missing; a kept sign-off last (:func:`_closes`).

    Of ours, at most ``max_replacements`` lines, and none the kept lines
    already say (:func:`_already_said`). The greeting gets a capital, and
    after "Hey Sam," the words go on in the same sentence: the person's as
    they wrote them ("Hey, do you still have my jacket?"), one of ours in
    lower case unless it starts with "I" ("Hi Jo, it would mean a lot..."), and theirs too
    when its first word has a capital only for starting a sentence ("Hi Maya, it's Jonas").
    """
    kind = _kind(kept, replacements)
    theirs = [s for s, _ in kept]
    shown = {strength for _, strengths in kept for strength in strengths}
    sign_offs = [s for s in theirs if _closes(s)]
    theirs = [s for s in theirs if s not in sign_offs]
    ours = [line for key, line in _replacing(replacements, kind, blocks)
            if not _already_said(key, line, theirs, shown, blocks)]
    asks = [s for s in theirs if "?" in s or _requests().match(s)]  # after our lines: theirs is the question asked
    said = [s for s in theirs if s not in asks] + ours[:blocks["limits"]["max_replacements"]] + asks
    body = [_end(s) for s in said]
    add = _lines_for(kind, blocks)
    if kind == "practical":
        add["gives_space"] = _closer(asks, blocks)
    body += _missing(" ".join(body), bool(asks), theirs, shown, add, blocks) + [_end(s) for s in sign_offs]
    if not greeting:
        return " ".join(map(_capitalise, body))
    first, rest = body[0], [_capitalise(part) for part in body[1:]]
    ours_first = all(s in asks for s in theirs)
    if not _STARTS_WITH_I.match(first) and (ours_first or _opens_a_sentence(first)):
        first = first[:1].lower() + first[1:]
    return " ".join([f"{_greeting_line(greeting)}, {first}", *rest])


def _closer(asks: list[str], blocks: dict) -> str:
    """What follows their question or request (``[kinds.practical] closers``): thanks for a favour, no "No rush" beside a date."""
    favour = any(_FAVOUR.match(s) or _requests().match(s) for s in asks)
    dated = any(_day_deadline().search(s) or _dates().search(s) for s in asks)
    return blocks["kinds"]["practical"]["closers"][("favour" if favour else "question") + ("_dated" if dated else "")]


def _missing(said: str, asks: bool, theirs: list[str], shown: set[str], add: dict, blocks: dict) -> list[str]:
    """What ``said`` lacks, from ``add``: a feeling from their side, one easy question, and room for the other person.

    No question of ours when ``asks``: a question of theirs, or a request put as one, is asked.

    Each only where the kept lines and ours do not already give it, and
    where the kind of draft calls for it (an empty line: :func:`_lines_for`).
    """
    lines = []
    if "i_statement" not in shown and not re.search(r"\bi(?:'ve|'m|'d| miss| feel| would| want| care)\b", said.lower()):
        lines.append(add["i_statement"])
    if not asks:
        lines.append(add["open_question"])
    if not _already_said("gives_space", add["gives_space"], theirs, shown, blocks):
        lines.append(add["gives_space"])
    return [line for line in lines if line]


def _kind(kept: list[tuple[str, tuple[str, ...]]], replacements: list[tuple[str, str]]) -> str:
    """What the draft is, by what the rewrite keeps of it and puts in: ``apology``, ``news``, ``wishes``, ``practical`` or ``missing``.

    An apology of theirs, or one owned in place of a hedged one; else their
    news of something happening (:func:`_tells_of_an_event`: "I'm moving to
    Leeds on Friday"); else their wishes for the other person's day
    (:func:`_occasion`: "happy birthday!"); else a plain request with no
    feeling beside it ("can you drop my keys off on Friday?"), unless it asks
    about the two of them ("are we still together?", ``[kinds.practical]
    about_us``); else they miss the person. The first that fits, so the same
    draft is always the same kind.
    """
    shows = {what for kept_line in kept for what in _shows(*kept_line)}
    if "apology" in shows or any(key == "non_apology" for key, _ in replacements):
        return "apology"
    if any(_tells_of_an_event(s) for s, _ in kept):
        return "news"
    if any(_occasion().match(s) for s, _ in kept):
        return "wishes"
    if "ask" in shows and not shows & {"i_statement", "warmth"} and not any(_about_us().search(s) for s, _ in kept):
        return "practical"
    return "missing"


@cache
def _occasion() -> re.Pattern:
    """A sentence that opens on wishes for their day ("happy birthday!", ``[kinds.wishes] openings``)."""
    return re.compile(r"\W*" + any_of(_blocks()["kinds"]["wishes"]["openings"]).pattern, re.IGNORECASE)


@cache
def _about_us() -> re.Pattern:
    """Words that make a question one about the two of them (``[kinds.practical] about_us``)."""
    return any_of(_blocks()["kinds"]["practical"]["about_us"], re.IGNORECASE)


def _lines_for(kind: str, blocks: dict) -> dict:
    """The lines a rewrite of ``kind`` adds (``[add]``, as ``[kinds.KIND]`` changes them; "" for none)."""
    own = {key: line for key, line in blocks["kinds"].get(kind, {}).items() if isinstance(line, str)}
    return {**blocks["add"], **own}


def _replacing(replacements: list[tuple[str, str]], kind: str, blocks: dict) -> list[tuple[str, str]]:
    """The replacement lines a rewrite of ``kind`` puts in (``[kinds.KIND] replace``: "" for none)."""
    instead = blocks["kinds"].get(kind, {}).get("replace", {})
    lines = [(key, instead.get(key, line)) for key, line in replacements]
    return [(key, line) for key, line in lines if line]


def _greeting_line(greeting: str) -> str:
    """The greeting as the rewrite opens on it: with a capital, and a name too ("hey mike" to "Hey Mike").

    A title gets one too ("hi dr patel" to "Hi Dr Patel"); a word after the greeting that is a way of
    addressing someone (``[greeting] terms``: "hi mum") stays as it is.
    """
    first, *words = greeting.split(" ")
    terms = _blocks()["greeting"]["terms"]
    line = " ".join([first, *(w if w.lower() in terms else w[:1].upper() + w[1:] for w in words)])
    return line[:1].upper() + line[1:]


def _closes(sentence: str) -> bool:
    """True for a kept line that ends a message: a warm sign-off, "I love you" (``[closers]``), or one ending on a kiss."""
    last = sentence.rsplit(None, 1)[-1].lower() if sentence.strip() else ""
    return is_bare_sign_off(Draft(sentence), frozenset(_blocks()["closers"]["phrases"])) or bool(KISSES.fullmatch(last))


def _opens_a_sentence(text: str) -> bool:
    """True when ``text`` starts with a word that only has its capital for starting a sentence ("It's Jo").

    Those are the words that are never a name after a greeting (``[greeting] not_names``);
    any other word may be one ("Sam said hi").
    """
    word = re.match(r"[A-Za-z]+", text)
    return bool(word) and word.group().lower() in _blocks()["greeting"]["not_names"]


def _already_said(key: str, line: str, theirs: list[str], shown: set[str], blocks: dict) -> bool:
    """True when the person's kept words say what ``line`` would.

    They share three words in a row with it ("I miss you"), or show the
    strength it offers (``[offers]``: an apology of theirs makes our
    "I'm sorry for my part" one sorry too many).
    """
    offered = set(blocks["offers"].get(key, ()))
    return bool(offered & shown) or bool(_runs(line) & set().union(*map(_runs, theirs)))


def _runs(text: str) -> set[tuple[str, ...]]:
    """Every three words in a row of ``text``, in lower case."""
    words = re.findall(r"[a-z']+", text.lower().replace("’", "'"))
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def _capitalise(s: str) -> str:
    """``s`` with a capital first letter and a capital "I" ("i miss u, i'm sorry" to "I miss u, I'm sorry")."""
    s = _LONE_I.sub("I", s)
    return s[:1].upper() + s[1:]


def _end(s: str) -> str:
    """``s`` ended as a sentence: a full stop unless it ends on one already, a kiss ("x") or an emoji."""
    last = s.rstrip("\ufe0f\u200d")[-1:]
    last_word = s.rsplit(None, 1)[-1].lower() if s.strip() else ""
    if last in ".!?" or KISSES.fullmatch(last_word) or (last and unicodedata.category(last).startswith("S")):
        return s
    return s + "."
