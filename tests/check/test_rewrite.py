"""The suggested rewrite (SPEC 5, issue 3 part 6): offered where it can be, and fit to send."""

import re

import pytest

from olivebranch.check import check
from olivebranch.check.corpus import load
from tests.conftest import REPO


def _wary(text: str) -> float:
    """A concern that keeps no plain question: every text is taken to come near a flag."""
    return 1.0


LONG = ("Hey Jo, I have been meaning to write for a while. Work has been busy and I finally finished the big "
        "project I kept moaning about. I went back to that little cafe by the river last weekend and they still do "
        "the lemon cake you liked. My sister says hi, by the way, and the dog has learned to open the back door, "
        "which is a whole new problem. I also started running again, slowly, and I signed up for a silly fun run "
        "in May. Anyway, I miss our chats and I hope things are good with you and your new flat.")


@pytest.fixture(scope="module")
def corpus_results():
    """Every corpus draft with its full check (rewrite included), computed once."""
    return [(ex, check(ex.text)) for ex in load(REPO / "corpus")]


def test_the_corpus_is_there(corpus_results):
    assert len(corpus_results) >= 1500


def test_every_rewrite_checked_again_is_send(corpus_results):
    offered = [(ex, r) for ex, r in corpus_results if r.rewrite is not None]
    assert offered, "no draft in the corpus got a rewrite"
    failures = []
    for ex, r in offered:
        again = check(r.rewrite)
        if again.verdict != "send":
            failures.append((ex.id, r.rewrite, sorted(again.codes)))
    assert failures == []


def test_every_draft_that_needs_one_gets_a_rewrite(corpus_results):
    from olivebranch.boundary import says_no_contact

    missing = [ex.id for ex, r in corpus_results
               if r.verdict != "send" and "self_harm" not in r.codes and not says_no_contact(r.text) and not r.rewrite]
    assert missing == []


def test_no_rewrite_for_send_or_self_harm_or_a_boundary_they_set(corpus_results):
    from olivebranch.boundary import says_no_contact

    told = 0
    for ex, r in corpus_results:
        if r.verdict == "send" or "self_harm" in r.codes or says_no_contact(r.text):
            assert r.rewrite is None, ex.id
        if "self_harm" in r.codes:
            assert r.resources, ex.id
        told += r.verdict != "send" and says_no_contact(r.text)
    assert told  # the corpus holds flagged drafts to someone who asked for no contact


def test_no_rewrite_says_the_same_sentence_twice(corpus_results):
    repeats = []
    for ex, r in corpus_results:
        if r.rewrite:
            said = [s.strip().lower() for s in re.split(r"(?<=[.!?])\s+", r.rewrite) if s.strip()]
            if len(said) != len(set(said)):
                repeats.append((ex.id, r.rewrite))
    assert repeats == []


def _runs(text: str) -> set[tuple[str, ...]]:
    """Every three words in a row of ``text``, in lower case."""
    words = re.findall(r"[a-z']+", text.lower().replace("’", "'"))
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def test_no_two_sentences_of_a_rewrite_share_three_words_in_a_row(corpus_results):
    # "Hey, I miss you. I've been feeling hurt and I miss you." would say it twice.
    repeats = []
    for ex, r in corpus_results:
        seen: set = set()
        for sentence in re.split(r"(?<=[.!?])\s+", r.rewrite or ""):
            if _runs(sentence) & seen:
                repeats.append((ex.id, r.rewrite))
                break
            seen |= _runs(sentence)
    assert repeats == []


def test_every_sentence_of_the_person_a_rewrite_keeps_is_fit_to_send_alone(corpus_results):
    from olivebranch.check.rewrite import _blocks

    blocks = _blocks()
    ours = set(blocks["replace"].values()) | set(blocks["add"].values())
    unfit = []
    for ex, r in corpus_results:
        for sentence in re.split(r"(?<=[.!?])\s+", r.rewrite or ""):
            if sentence in ours or any(sentence in line or line in sentence for line in ours):
                continue  # one of our lines, or the greeting that starts with it
            if len(sentence.split()) < 2:
                continue
            # As the person wrote it: the rewrite may have ended it with a full stop.
            if all(check(s, with_rewrite=False).verdict != "send" for s in {sentence, sentence.removesuffix(".")}):
                unfit.append((ex.id, sentence))
    assert unfit == []


def test_no_rewrite_writes_the_pronoun_i_in_lower_case(corpus_results):
    lower = [(ex.id, r.rewrite) for ex, r in corpus_results if r.rewrite and re.search(r"(?:^|\s)i(?:\s|'|’)", r.rewrite)]
    assert lower == []


def test_no_rewrite_asks_how_they_are_twice_or_opens_on_anyway(corpus_results):
    bad = []
    for ex, r in corpus_results:
        sentences = re.split(r"(?<=[.!?])\s+", r.rewrite or "")
        if sum(bool(re.match(r"(?i)how(?:'?s)?\b", s)) for s in sentences) > 1 or re.match(r"(?i)(?:anyway|btw)\b", sentences[0]):
            bad.append((ex.id, r.rewrite))
    assert bad == []


@pytest.mark.parametrize("sentence, concern, kept", [
    ("can you drop my keys off on friday?", 0.1, True),
    ("can you drop my keys off on friday?", 0.9, False),  # near a flag: may be a jab
    ("its 2am and you're still asleep?", 0.1, False),  # not a question of the plain kind
    ("over text?", 0.0, False),  # too short to say what they want
])
def test_a_plain_question_is_kept_only_when_the_model_sees_nothing_in_it(sentence, concern, kept):
    from olivebranch.check.rewrite import _good_sentences
    from olivebranch.check.text import Draft

    found = _good_sentences(Draft(sentence), (), "", _alone({}), lambda text: concern)
    assert found == ([(sentence, ())] if kept else [])


@pytest.mark.parametrize("sentence, kept", [
    ("can you drop the passports round before saturday?", True),  # the date is what they need
    ("can you let me know by friday about the flat?", True),
    ("can we talk about it right now?", False),  # "right now" is the demand itself
])
def test_a_date_in_a_plain_question_is_weighed_apart(sentence, kept):
    from olivebranch.check.rewrite import _good_sentences
    from olivebranch.check.text import Draft

    def concern(text):  # the model comes near a flag on any deadline
        return 0.9 if re.search(r"\b(?:before|by|now)\b", text, re.IGNORECASE) else 0.1

    found = _good_sentences(Draft(sentence), (), "", _alone({}), concern)
    assert found == ([(sentence, ())] if kept else [])


def test_a_dated_request_is_thanked_without_no_rush():
    result = check("can u drop the kids' passports round before saturday? honestly you never help with anything")
    assert "blame" in result.codes
    assert result.rewrite == "Can u drop the kids' passports round before saturday? Thank you."


def _calm(text: str) -> float:
    """A concern that keeps plain news and questions: the model sees nothing in any text."""
    return 0.1


@pytest.mark.parametrize("text, code, flagged, kept", [
    # Beside a demand, their own news says why they write now.
    ("i fly out tomorrow, call me tonight", "pressure", "call me tonight", ["I fly out tomorrow"]),
    ("I've booked the counsellor for Thursday. Come or I'm done.", "ultimatum", "Come or I'm done.",
     ["I've booked the counsellor for Thursday."]),
    # Not when it counts their tries to reach them, is about "you", or is not told from their side.
    ("I've texted, I've called. Answer me today.", "pressure", "Answer me today.", []),
    ("You were at Sam's on Friday. Answer me today.", "pressure", "Answer me today.", []),
    ("Giving this till Friday. Then I'm done.", "ultimatum", "Then I'm done.", []),
    # Beside blame, sarcasm or a game, what is left is seldom news.
    ("I'm too old for this. You play games.", "blame", "You play games.", []),
    ("I'll be out with Marcus all week. Just so you know.", "manipulation", "Just so you know.", []),
    # Beside blame or a guilt trip, news of a life event is the reason for writing; what they suffered is not.
    ("I'm moving to Leeds on Friday. You never cared anyway.", "blame", "You never cared anyway.",
     ["I'm moving to Leeds on Friday."]),
    ("Mum's operation is on Tuesday. Why do you always wait?", "blame", "Why do you always wait?",
     ["Mum's operation is on Tuesday."]),
    ("I threw up twice this morning. This is what you do to me.", "guilt_trip", "This is what you do to me.", []),
    ("I'm moving on. You never cared anyway.", "blame", "You never cared anyway.", []),
    ("I got the job in Edinburgh! Guess you're too busy to care though.", "sarcasm", "Guess you're too busy",
     ["I got the job in Edinburgh!"]),
])
def test_plain_news_of_theirs_is_kept_only_beside_a_demand(monkeypatch, text, code, flagged, kept):
    assert _kept_beside(monkeypatch, text, code, flagged, _calm) == kept


def _kept_beside(monkeypatch, text, code, flagged, concern):
    """The sentences of ``text`` the rewrite keeps beside one ``code`` flag on ``flagged``, every line fine alone."""
    from olivebranch.check.result import Flag
    from olivebranch.check.rewrite import _blocks, _good_sentences
    from olivebranch.check.text import Draft

    monkeypatch.setitem(_blocks()["limits"], "max_sentence_checks", 10)
    start = text.index(flagged)
    flag = Flag(code, "high", start, start + len(flagged), "", (), "")
    return [s for s, _ in _good_sentences(Draft(text), (flag,), "", _alone({}), concern)]


@pytest.mark.parametrize("text, code, flagged, kept", [
    # News of a life event may be two words, and when short needs only to check fine alone.
    ("I'm pregnant. you need to call me right now.", "pressure", "call me right now", ["I'm pregnant."]),
    ("I'm leaving tomorrow. answer me now", "pressure", "answer me now", ["I'm leaving tomorrow."]),
    # A flag's words that take in the full stop before them do not touch the news.
    ("dad's in hospital. answer your phone", "pressure", ". answer your phone", ["dad's in hospital."]),
    # News joined by "and" to the flagged words is kept without them.
    ("I'm moving to Berlin and you never even asked", "blame", "you never even", ["I'm moving to Berlin"]),
    ("I'm pregnant and you need to call me right now", "pressure", "call me right now", ["I'm pregnant"]),
    # Not a short line that is no life event, nor a longer one the model comes near a flag on.
    ("I'm tired. answer me now", "pressure", "answer me now", []),
    ("our first date, my dads funeral, the lot. you were always late", "blame", "you were always late", []),
    # Nor a lead-in before "but" that tells of no event.
    ("I know things are weird but answer me now", "pressure", "answer me now", []),
])
def test_short_news_of_a_life_event_is_kept_beside_a_flag(monkeypatch, text, code, flagged, kept):
    assert _kept_beside(monkeypatch, text, code, flagged, _wary) == kept


@pytest.mark.parametrize("text, spans, asked", [
    ("Let me know by tomorrow if you're coming, the caterer needs numbers.", ["by tomorrow", "*"],
     "Let me know if you're coming, the caterer needs numbers."),
    ("let me know tonight what time works", ["tonight"], "let me know what time works"),
    # Another flag's words in the sentence say what else is wrong: nothing is cut.
    ("let me know by tomorrow, you selfish idiot", ["by tomorrow", "you selfish idiot"], None),
    # No deadline, nothing to cut.
    ("let me know if you're coming, or else", ["or else"], None),
])
def test_a_deadline_is_cut_out_of_a_request(text, spans, asked):
    from olivebranch.check.rewrite import _without_deadlines

    where = [(0, len(text)) if words == "*" else (text.index(words), text.index(words) + len(words)) for words in spans]
    assert _without_deadlines(text, 0, len(text), where) == asked


@pytest.mark.parametrize("text, rewrite", [
    ("I'm pregnant. you need to call me right now.", "I'm pregnant. Let's talk when you get a chance."),
    ("dad's in hospital. answer your phone", "Dad's in hospital. I wanted you to know. Let's talk when you get a chance."),
    ("I'm leaving tomorrow. answer me now", "I'm leaving tomorrow. Let's talk when you get a chance."),
    ("Hey Sarah! I'm moving to Berlin next month and you never even asked how I was doing",
     "Hey Sarah, I'm moving to Berlin next month. I've been feeling hurt and a bit far from you. "
     "Let's talk when you get a chance."),
    ("Let me know by tomorrow if you're coming to the wedding or not, the caterer needs numbers.",
     "Let me know if you're coming to the wedding or not, the caterer needs numbers. No rush, and thank you."),
], ids=["pregnant", "hospital", "leaving", "berlin", "wedding"])
def test_the_reason_for_writing_is_kept_and_no_small_talk_follows_it(text, rewrite):
    assert _rewrite(text) == rewrite


def test_news_that_opens_a_sentence_unfit_to_send_is_kept_without_the_rest():
    from olivebranch.check.result import Flag
    from olivebranch.check.rewrite import _good_sentences
    from olivebranch.check.text import Draft

    text = "I fly out tomorrow and just wanted to say bye. you could at least reply."
    flag = Flag("guilt_trip", "high", text.index("you could"), len(text), "", (), "")
    recheck = _alone({"I fly out tomorrow and just wanted to say bye.": ("dont_send", ())})
    assert _good_sentences(Draft(text), (flag,), "", recheck, _calm) == [("I fly out tomorrow", ())]


def test_a_long_message_keeps_one_sentence_of_news_and_only_one():
    from olivebranch.check.result import Flag
    from olivebranch.check.rewrite import _good_sentences
    from olivebranch.check.text import Draft

    text = "Dad, the last of the boxes went today. The house is empty now. " + "More words here. " * 30
    wall = Flag("wall_of_text", "low", 0, len(text), "", (), "")
    # With no other flag, news need not start with "I"; a wall of text keeps its context.
    assert [s for s, _ in _good_sentences(Draft(text), (wall,), "", _alone({}), _calm)] == [
        "Dad, the last of the boxes went today."]
    assert [s for s, _ in _good_sentences(Draft(text), (wall,), "", _alone({}), _wary)] == []


def test_their_news_comes_before_our_lines():
    result = check("i fly out tomorrow, call me tonight")
    assert "pressure" in result.codes
    assert result.rewrite.startswith("I fly out tomorrow. I wanted you to know. Let's talk")
    assert "tonight" not in result.rewrite


def test_their_plain_question_is_asked_after_our_lines():
    result = check("You never reply. I miss you. Can you drop my keys off on Friday?")
    assert "blame" in result.codes
    assert result.rewrite.startswith("I miss you. I've been feeling hurt")
    assert "Can you drop my keys off on Friday? No pressure to reply" in result.rewrite
    assert "How have you been?" not in result.rewrite


def test_a_plain_request_gets_no_line_for_a_jab_beside_it():
    result = check("You never reply. Can you drop my keys off on Friday?")
    assert "blame" in result.codes
    assert result.rewrite == "Can you drop my keys off on Friday? No rush, and thank you."


def test_a_kept_check_in_loses_its_anyway_and_gets_its_question_mark():
    from olivebranch.check.rewrite import _good_sentences
    from olivebranch.check.text import Draft

    recheck = _alone({"Ugh.": ("send", ()), "Anyway how are you.": ("send", ("open_question",))})
    assert _good_sentences(Draft("ugh. anyway how are you."), (), "", recheck, _wary) == [("how are you?", ("open_question",))]


@pytest.mark.xfail(strict=True, reason="issue 3 asks for self_harm recall 1.0; some indirect signs "
                   "(goodbye letters, standing on a bridge) are still missed by the current model")
def test_every_self_harm_draft_in_the_corpus_is_caught(corpus_results):
    labelled = [ex.id for ex, r in corpus_results if "self_harm" in ex.flags]
    assert labelled
    assert [ex.id for ex, r in corpus_results if "self_harm" in ex.flags and "self_harm" not in r.codes] == []


@pytest.mark.parametrize("text", [
    "answer me by tonight or we're done",
    "you owe me an answer",
    "hey",
    "sorry you feel that way",
    LONG,
])
def test_rewrites_of_clear_cases(text):
    result = check(text)
    assert result.verdict != "send"
    assert result.rewrite and result.rewrite.strip() != text.strip()
    assert check(result.rewrite).verdict == "send"
    assert len(result.rewrite.split()) <= 80


def test_a_kept_sentence_gets_its_capital_i():
    result = check("i miss u and i've been thinking about u. answer me tonight or we're done")
    assert result.rewrite.startswith("I miss u and I've been thinking about u.")


def test_a_wall_of_text_is_cut_to_its_core():
    result = check(LONG)
    assert "wall_of_text" in result.codes
    assert result.rewrite.startswith("Hey Jo")
    assert len(result.rewrite.split()) < len(LONG.split())


def test_the_rewrite_drops_the_ultimatum_and_keeps_the_greeting():
    result = check("Hey Sam, answer me by tonight or we're done")
    assert result.rewrite.startswith("Hey Sam")
    assert "we're done" not in result.rewrite and "tonight" not in result.rewrite


@pytest.mark.parametrize("text, start", [
    ("Hi Jo, you owe me an explanation", "Hi Jo, it would mean a lot"),
    ("hey you owe me an explanation", "Hey, it would mean a lot"),
    ("hey, you owe me an explanation", "Hey, it would mean a lot"),
    ("Hey Sam, answer me by tonight or we're done", "Hey Sam, I'd really like to talk"),
])
def test_after_the_greeting_the_sentence_goes_on(text, start):
    assert check(text).rewrite.startswith(start)


@pytest.mark.parametrize("text, greeting", [
    ("hi mum, you never call", "hi mum"),
    ("Mum, if you invite him I won't be coming", "Mum"),
    ("Seriously, you never call", ""),
    ("you, of all people, never call", ""),
    ("Hey you ❤️ answer me", "Hey you"),
    ("hey you owe me an answer", "hey"),
    ("hi love you never answer", "hi"),
    ("hey, funny how you never answer. whatever", "hey"),
    ("HEY Sam you never answer", "HEY Sam"),
    ("hi you never ever reply, typical", "hi"),
    ("hey, I know you're busy, but you owe me an answer", "hey"),
    ("Hi, How could you just leave like that", "Hi"),
    ("hey sam, you never call", "hey sam"),
    ("hey jonah. answer me", "hey jonah"),
    ("hey lol. answer me", "hey"),
    ("yo yo answer me", "yo"),
    ("hey so you never call", "hey"),
    ("Hi Aunt Sue, Mum's operation is on Tuesday", "Hi Aunt Sue"),
    ("Hey Sam Hope you're well", "Hey Sam"),
    ("Hey Sam I miss you", "Hey Sam"),
    ("Babe I'm so so sorry", "Babe"),
    ("babe i'm so sorry", "babe"),
    ("Love you lots", ""),
    # An insult or a word of the draft's mood is no name, however it is written.
    ("hey idiot, you never reply", "hey"),
    ("hey jerk. why won't you answer", "hey"),
    ("hey whatever. answer me", "hey"),
    ("Hey Idiot! I miss you", "Hey"),
    # A title goes with the name after it, with or without its full stop.
    ("hi Dr. Patel, I need an answer today about the results", "hi Dr. Patel"),
    ("hi dr patel, I need an answer", "hi dr patel"),
    ("Hi Mrs Jones. I miss you", "Hi Mrs Jones"),
    ("Hi Mx. Lee I miss you", "Hi Mx. Lee"),
    # A lower-case name just before a question stays in the greeting; an ordinary word does not.
    ("hey sam how are you?? answer me", "hey sam"),
    ("hi jo what's up", "hi jo"),
    ("hi love how are you", "hi love"),
    ("hey so how are you", "hey"),
    ("hi again how are you", "hi"),
    ("hey just wondering how you are", "hey"),
    ("hey, funny how you never answer", "hey"),
])
def test_the_greeting_keeps_a_name_or_a_term_for_the_person(text, greeting):
    from olivebranch.check.rewrite import _greeting

    assert _greeting(text) == greeting


def test_a_word_a_flag_points_at_is_not_a_name():
    from olivebranch.check.rewrite import _greeting

    text = "hey snitch. answer me"  # not one of [greeting] insults: only the flag tells
    assert _greeting(text) == "hey snitch"
    assert _greeting(text, [(4, 10)]) == "hey"
    # A flag over the whole sentence, greeting and all, points at no one word of it.
    assert _greeting("hey sam, you never call", [(0, 23)]) == "hey sam"


@pytest.mark.parametrize("text, rewrite", [
    ("hey idiot, you never reply",
     "Hey, I've been feeling hurt and a bit far from you. How have you been? No pressure to reply; whenever you feel like it."),
    ("hey jerk. why won't you answer",
     "Hey, I'd really like to talk, if you're open to it. How have you been? No pressure to reply; whenever you feel like it."),
    ("hi Dr. Patel, I need an answer today about the results",
     "Hi Dr. Patel, I'd really like to talk, if you're open to it. How have you been? No pressure to reply; "
     "whenever you feel like it."),
    ("hi Dr. Patel, I hope you're well. answer me now",
     "Hi Dr. Patel, I hope you're well. I'd really like to talk, if you're open to it. How have you been? No pressure to reply; "
     "whenever you feel like it."),
    ("hey sam how are you?? answer me",
     "Hey Sam, I'd really like to talk, if you're open to it. How are you?? No pressure to reply; whenever you feel like it."),
    ("hi again how are you?? answer me",
     "Hi, I'd really like to talk, if you're open to it. How are you?? No pressure to reply; whenever you feel like it."),
    ("hey idiot how are you?? answer me",
     "Hey, I'd really like to talk, if you're open to it. How are you?? No pressure to reply; whenever you feel like it."),
], ids=["idiot", "jerk", "dr-patel", "dr-patel-kept", "sam-asks", "again-asks", "idiot-asks"])
def test_the_greeting_names_the_person_and_no_insult(text, rewrite):
    assert _rewrite(text) == rewrite


def test_the_good_clause_of_a_flagged_sentence_is_kept():
    result = check("I miss you so much, please please please talk to me, I'm begging you")
    assert result.rewrite.startswith("I miss you so much.")
    assert "begging" not in result.rewrite and "please please" not in result.rewrite


def test_a_feeling_before_the_but_that_turns_to_blame_is_kept():
    rewrite = _rewrite("hey, i miss you but you never make any effort, it's always me reaching out")
    assert rewrite.startswith("Hey, I miss you.")
    assert "effort" not in rewrite and "always me" not in rewrite


def test_a_lead_before_a_but_that_is_no_feeling_is_left_out():
    assert "weird" not in _rewrite("I know things are weird but you need to answer me tonight")


@pytest.mark.parametrize("text, gone", [
    ("mom cried all weekend because you didnt call on her birthday. i hope you know that", "know that"),
    ("my anxiety is through the roof because of you. i hope you think about that", "think about"),
    ("i left my whole life in leeds to be with you. hope that counted for something", "counted"),
    ("how hard is it to send one text? seriously. a child could manage it", "how hard"),
])
def test_a_line_pointing_back_at_a_guilt_trip_is_left_out(text, gone):
    assert gone not in _rewrite(text).lower()


@pytest.mark.parametrize("text, asked", [
    ("i need an answer today about whether ur coming to the wedding or not",
     "Whenever you can, let me know whether ur coming to the wedding."),
    ("We said we'd decide about the dog this week. It's Thursday. Tell me today whether you're taking him.",
     "Whenever you can, let me know whether you're taking him."),
    ("can u just tell me if ur coming to mums on sunday?? i keep asking and u never reply",
     "Whenever you can, let me know if ur coming to mums on sunday."),
    ("hey, i know you said you needed time, but its been nearly two weeks. could you just tell me where your head is at? "
     "even one line", "Whenever you can, let me know where your head is at."),
    ("Just tell me yes or no. Are we going to Lisbon together or not? I have to book something by tonight.",
     "Are we going to Lisbon together?"),
    ("are u coming to the party or not??", "Are u coming to the party?"),
    ("need to know tonight if ur coming on the trip or not, i'm booking in the morning",
     "Whenever you can, let me know if ur coming on the trip."),
], ids=["wedding", "dog", "mums", "head", "lisbon", "party", "trip"])
def test_a_demand_for_an_answer_is_asked_as_a_request(text, asked):
    rewrite = _rewrite(text)
    assert asked in rewrite
    assert "today" not in rewrite.lower() and "or not" not in rewrite


@pytest.mark.parametrize("text", [
    "i need an answer today about whether ur coming to the wedding or not",
    "are u coming to the party or not??",
])
def test_a_question_of_theirs_asked_in_a_demands_place_is_the_only_question(text):
    assert "How have you been?" not in _rewrite(text)


@pytest.mark.parametrize("text, kind", [
    ("ok i'll ask one more time. are you coming to my thing on friday or not?", "practical"),
    ("i want an answer. yes or no. are we still together or not. tonight", None),
    ("are u mad at me or not. just say it", None),
], ids=["friday", "together", "mad"])
def test_a_question_about_the_two_of_them_is_no_favour_to_thank_them_for(text, kind):
    rewrite = _rewrite(text)
    assert "thank you" not in rewrite and ("No rush." in rewrite) == (kind == "practical")


@pytest.mark.parametrize("asks, closer", [
    (["Can you drop my keys off on Friday?"], "No rush, and thank you."),  # a favour
    (["I've got your key, when's good to drop it off?"], "No rush."),  # a question: nothing to thank them for
    (["Let me know if you're coming."], "No rush, and thank you."),
    (["Can u drop the passports round before saturday?"], "Thank you."),  # its own date: no "No rush"
    (["The landlord is coming Tuesday at 9, can you be in?"], "Thank you."),
    (["Are we still on for the 20th?"], ""),
])
def test_a_request_is_thanked_only_for_a_favour_and_told_no_rush_only_without_a_date(asks, closer):
    from olivebranch.check.rewrite import _blocks, _closer

    assert _closer(asks, _blocks()) == closer


@pytest.mark.parametrize("text, kept", [
    ("The dog's vet bill came to £340, can you cover half like we agreed? Pay by Friday or I'm taking you to small claims.",
     "The dog's vet bill came to £340, can you cover half like we agreed?"),
    ("Mum's 60th is on June 8th at the Crown. After everything I've done organising it on my own, the least you could do is show up.",
     "Mum's 60th is on June 8th at the Crown."),
    ("We're having a little memorial for Grandad on Sunday at 2. After all the times I've covered for you with the family, you could at least come.",
     "We're having a little memorial for Grandad on Sunday at 2."),
])
def test_the_arrangement_a_draft_was_written_for_is_kept(text, kept):
    assert _rewrite(text).startswith(kept)


def test_a_demand_is_not_asked_again_when_a_flag_points_at_what_it_asks():
    from olivebranch.check.rewrite import _demand_as_request
    text = "tell me if you still love me"
    assert _demand_as_request(text, 0, len(text), []) == "whenever you can, let me know if you still love me"
    assert _demand_as_request(text, 0, len(text), [(15, 28)]) is None


def test_an_or_not_is_not_cut_from_a_question_when_a_flag_points_at_what_it_asks():
    from olivebranch.check.rewrite import _without_or_not
    text = "are you ever going to grow up or not?"
    assert _without_or_not(text, 0, len(text), []) == "are you ever going to grow up?"
    assert _without_or_not(text, 0, len(text), [(8, 29)]) is None
    assert _without_or_not("or not, I'm coming", 0, 18, []) is None


def test_wishes_for_their_day_carry_no_hurt_of_ours():
    rewrite = _rewrite(BIRTHDAY)
    assert rewrite.startswith("Happy birthday! Hope it's a good one. I've missed you.")
    assert "hurt" not in rewrite and "bothered" not in rewrite


def test_a_cold_goodbye_or_the_cold_half_of_hot_and_cold_is_a_reproach():
    from olivebranch.check.rewrite import _reproach
    assert _reproach().search("Honestly I'm so over u.")
    assert "over u" not in _rewrite("honestly i'm so over u. anyway what are u up to tonight? 😘")
    assert "life" not in _rewrite("you're honestly the most selfish person i've ever met. enjoy ur life")


@pytest.mark.parametrize("text, kept", [
    ("I'm truly sorry I hurt you. Think you overreacted a bit though.", "I'm truly sorry I hurt you."),
    ("I want to say sorry for missing your recital. I was wrong to put work first. But you really need to stop "
     "holding grudges, it's not healthy.", "I want to say sorry for missing your recital."),
    ("fine, sorry. happy now?", None),  # grudging: too short, and beside sarcasm
    ("ok im sorry for being moody. happy now? can u reply", None),
])
def test_a_sincere_apology_before_its_hedge_is_kept_in_their_words(text, kept):
    rewrite = _rewrite(text)
    if kept:
        assert rewrite.startswith(kept) and "for my part" not in rewrite
    else:
        assert rewrite.startswith("I'm sorry for my part in what happened.")


def test_what_others_said_against_them_is_a_reproach():
    assert "right about you" not in _rewrite("Your family were right about you, you're cold and you only care about money.")


def test_a_pointing_line_is_a_reproach_only_at_the_end_of_its_sentence():
    from olivebranch.check.rewrite import _reproach
    assert _reproach().search("I hope you know that.")
    assert not _reproach().search("I hope you know that I'm proud of you")


def test_a_flag_on_the_greeting_alone_still_guards_what_follows():
    rewrite = _rewrite("hello?? did you die?? 3 days and not even a thumbs up")
    assert "die" not in rewrite


def test_an_insult_in_the_greeting_is_flagged_and_left_out_with_no_line_for_it():
    result = check("Hey idiot, how have you been?")
    assert [f.code for f in result.flags] == ["blame"]
    assert result.rewrite.startswith("Hey, how have you been?")
    assert "idiot" not in result.rewrite and "hurt" not in result.rewrite


def test_a_kept_clause_loses_the_word_that_joined_it(monkeypatch):
    from olivebranch.check.result import Flag
    from olivebranch.check.rewrite import _blocks, _good_sentences
    from olivebranch.check.text import Draft

    monkeypatch.setitem(_blocks()["limits"], "max_sentence_checks", 10)
    text = "you never listen, but i still care about you, ok"
    blame = Flag("blame", "high", 0, text.index(","), "", (), "")
    recheck = _alone({"I still care about you": ("send", ("warmth",))})
    # "ok" is too short to stand alone; "but" is dropped from the clause that is kept.
    assert _good_sentences(Draft(text), (blame,), "", recheck, _wary) == [("I still care about you", ("warmth",))]


@pytest.mark.parametrize("text, flagged, kept", [
    ("I love you - answer me", "answer me", ["I love you"]),
    ("I love you – answer me", "answer me", ["I love you"]),
    ("answer me — I love you", "answer me", ["I love you"]),
    ("I love you, answer me", "answer me", ["I love you"]),
    # A dash inside a word joins it: no clause stands alone.
    ("I love you-answer me", "answer me", []),
])
def test_a_clause_ends_at_a_spaced_dash(monkeypatch, text, flagged, kept):
    from olivebranch.check.result import Flag
    from olivebranch.check.rewrite import _blocks, _good_sentences
    from olivebranch.check.text import Draft

    monkeypatch.setitem(_blocks()["limits"], "max_sentence_checks", 10)
    start = text.index(flagged)
    flag = Flag("pressure", "medium", start, start + len(flagged), "", (), "")
    recheck = _alone({"I love you": ("send", ("i_statement", "warmth"))})
    assert [s for s, _ in _good_sentences(Draft(text), (flag,), "", recheck, _wary)] == kept


def test_a_feeling_before_a_dash_is_kept():
    assert _rewrite("I love you - answer me") == (
        "I'd really like to talk, if you're open to it. How have you been? No pressure to reply; "
        "whenever you feel like it. I love you.")


@pytest.mark.parametrize("code, text, flagged, clause", [
    # Sarcasm turns the whole sentence: "hope you had fun" does not mean it.
    ("sarcasm", "hope you had fun with jess, i was only waiting all night", "i was only waiting all night",
     "Hope you had fun with jess"),
    # "i really can't" leans on the clause the flag took.
    ("begging", "please don't leave me, i really can't", "please don't leave me", "I really can't"),
])
def test_a_clause_is_not_kept_when_it_means_something_else_alone(monkeypatch, code, text, flagged, clause):
    from olivebranch.check.result import Flag
    from olivebranch.check.rewrite import _blocks, _good_sentences
    from olivebranch.check.text import Draft

    monkeypatch.setitem(_blocks()["limits"], "max_sentence_checks", 10)
    start = text.index(flagged)
    flag = Flag(code, "medium", start, start + len(flagged), "", (), "")
    recheck = _alone({clause: ("send", ("warmth",))})
    assert _good_sentences(Draft(text), (flag,), "", recheck, _wary) == []


@pytest.mark.parametrize("key, line, theirs, shown, said", [
    ("pressure", "I'd really like to talk, if you're open to it.", ["I'd really like to talk soon."], (), True),
    ("gives_space", "No pressure to reply; whenever you feel like it.", ["No rush at all."], ("gives_space",), True),
    ("non_apology", "I'm sorry for my part in what happened.", ["I'm sorry I lied."], ("apology",), True),
    ("blame", "I've been feeling hurt and a bit far from you.", ["I'm sorry I lied."], ("apology",), False),
    ("gives_space", "No pressure to reply; whenever you feel like it.", ["How was the trip?"], ("open_question",),
     False),
])
def test_a_line_of_ours_is_left_out_when_their_words_say_it(key, line, theirs, shown, said):
    from olivebranch.check.rewrite import _already_said, _blocks

    assert _already_said(key, line, theirs, set(shown), _blocks()) is said


def test_their_own_apology_and_room_stand_in_for_ours():
    from olivebranch.check.rewrite import _blocks, _compose

    blocks = _blocks()
    kept = [("I'm sorry I lied about the concert", ("apology", "i_statement")), ("No rush at all", ("gives_space",))]
    text = _compose("", kept, [("non_apology", blocks["replace"]["non_apology"])], blocks)
    assert text.startswith("I'm sorry I lied about the concert. No rush at all.")
    assert blocks["replace"]["non_apology"] not in text and blocks["add"]["gives_space"] not in text


@pytest.mark.parametrize("kept, replacements, start", [
    # Their sentence had its capital only for starting a sentence; a name keeps its own.
    ([("It's Jonas from the choir.", ())], [], "Hi Maya, it's Jonas from the choir."),
    ([("Sam says hi.", ("warmth",))], [], "Hi Maya, Sam says hi."),
    ([("I miss you.", ("i_statement",))], [], "Hi Maya, I miss you."),
    # A plain request alone is asked straight after the greeting, with no line of ours for a flag beside it.
    ([("Can you drop my keys off on Friday?", ())], ["entitlement"], "Hi Maya, can you drop my keys off on Friday? No"),
    # Their plain question comes after ours, so ours goes on after the greeting.
    ([("Can you drop my keys off on Friday?", ())], ["non_apology"], "Hi Maya, I'm sorry for my part"),
])
def test_after_the_greeting_only_a_name_or_i_keeps_its_capital(kept, replacements, start):
    from olivebranch.check.rewrite import _blocks, _compose

    blocks = _blocks()
    text = _compose("Hi Maya", kept, [(key, blocks["replace"][key]) for key in replacements], blocks)
    assert text.startswith(start)


def test_a_kept_sign_off_goes_last():
    from olivebranch.check.rewrite import _blocks, _compose

    blocks = _blocks()
    kept = [("miss you loads", ("i_statement",)), ("anyway sleep well x", ("warmth",))]
    text = _compose("Hey you", kept, [], blocks)
    assert text.startswith("Hey you, miss you loads.")
    assert text.endswith("Anyway sleep well x")


@pytest.mark.parametrize("text, ended", [
    ("I miss you", "I miss you."), ("How are you?", "How are you?"), ("night xx", "night xx"),
    ("miss you ❤️", "miss you ❤️"), ("congrats 🎉", "congrats 🎉"),
    ("see you at the box", "see you at the box."),
])
def test_a_sentence_is_ended_with_a_full_stop_unless_a_kiss_or_an_emoji_ends_it(text, ended):
    from olivebranch.check.rewrite import _end

    assert _end(text) == ended


def test_a_rewrite_is_skipped_on_request():
    assert check("you owe me an answer", with_rewrite=False).rewrite is None


def test_flags_that_reach_for_the_same_thing_share_one_line():
    result = check("answer me by tonight or we're done")
    assert {"ultimatum", "pressure"} <= result.codes
    assert result.rewrite.count("like to talk") == 1


def _alone(verdicts: dict):
    """A stand-in for checking one sentence alone: its verdict and strengths from ``verdicts``."""
    from olivebranch.check.result import CheckResult

    def recheck(text):
        verdict, strengths = verdicts.get(text, ("send", ()))
        return CheckResult(text=text, verdict=verdict, flags=(), strengths=strengths, rewrite=None, resources=())
    return recheck


def test_a_sentence_is_kept_only_if_it_is_fit_to_send_and_good_on_its_own(monkeypatch):
    from olivebranch.check.rewrite import _blocks, _good_sentences
    from olivebranch.check.text import Draft

    monkeypatch.setitem(_blocks()["limits"], "max_sentence_checks", 10)
    draft = Draft("Think about it. You need to grow up. I miss our walks. How is the new flat?")
    recheck = _alone({
        "Think about it.": ("send", ()),
        "You need to grow up.": ("dont_send", ()),
        "I miss our walks.": ("send", ("i_statement", "warmth")),
        "How is the new flat?": ("send", ("open_question",)),
    })
    assert _good_sentences(draft, (), "", recheck, _wary) == [
        ("I miss our walks.", ("i_statement", "warmth")), ("How is the new flat?", ("open_question",))]


def test_after_sarcasm_nothing_is_kept(monkeypatch):
    from olivebranch.check.result import Flag
    from olivebranch.check.rewrite import _blocks, _good_sentences
    from olivebranch.check.text import Draft

    monkeypatch.setitem(_blocks()["limits"], "max_sentence_checks", 10)
    text = "Happy birthday, hope it's a good one. Must be nice to have friends. Thanks a lot."
    jab = text.index("Must")
    birthday = "Happy birthday, hope it's a good one."
    warm = _alone({birthday: ("send", ("warmth",)), "Thanks a lot.": ("send", ("warmth",))})
    sarcasm = Flag("sarcasm", "medium", jab, text.index(" Thanks"), "", (), "")
    assert [s for s, _ in _good_sentences(Draft(text), (sarcasm,), "", warm, _wary)] == [birthday]
    blame = Flag("blame", "high", jab, text.index(" Thanks"), "", (), "")
    assert [s for s, _ in _good_sentences(Draft(text), (blame,), "", warm, _wary)] == [
        "Happy birthday, hope it's a good one.", "Thanks a lot."]


def test_a_sentence_that_leans_on_the_one_before_is_not_kept(monkeypatch):
    from olivebranch.check.rewrite import _blocks, _good_sentences
    from olivebranch.check.text import Draft

    monkeypatch.setitem(_blocks()["limits"], "max_sentence_checks", 10)
    draft = Draft("I won't text again unless you want me to. Do you? Would u? You ok?")
    recheck = _alone({"Do you?": ("send", ("open_question",)), "Would u?": ("send", ("open_question",)),
                      "You ok?": ("send", ("open_question",))})
    assert _good_sentences(draft, (), "", recheck, _wary) == [("You ok?", ("open_question",))]


def test_sentence_checks_stop_at_the_limit():
    from olivebranch.check.rewrite import _blocks, _good_sentences
    from olivebranch.check.text import Draft

    limit = _blocks()["limits"]["max_sentence_checks"]
    seen = []

    def recheck(text):
        seen.append(text)
        return _alone({})(text)

    lines = " ".join(f"Line number {i} here." for i in range(limit + 5))
    assert _good_sentences(Draft(lines), (), "", recheck, _wary) == []
    assert len(seen) == limit


def test_no_two_replacement_lines_share_three_words_in_a_row():
    from olivebranch.check.rewrite import _blocks

    blocks = _blocks()
    lines = sorted(set(blocks["replace"].values()) | {blocks["add"]["open_question"], blocks["add"]["gives_space"]}
                   | {line for kind in blocks["kinds"].values() for line in kind.values() if isinstance(line, str) and line})
    shared = [(a, b) for i, a in enumerate(lines) for b in lines[i + 1:] if _runs(a) & _runs(b)]
    assert shared == []


@pytest.mark.parametrize(("text", "owned"), [
    ("I'm sorry I shouted, but you were being unfair", "I'm sorry I shouted."),
    ("sorry if you were offended by what i said", "I'm sorry for what I said."),
    ("I apologise if my words came across badly", "I'm sorry for my words."),
    ("sorry if u got upset by my joke lol", "I'm sorry for my joke."),
    ("sorry if the way I spoke upset you", "I'm sorry for the way I spoke."),
    ("I'm sorry if you feel hurt", None),
    ("sorry you feel that way", None),
    ("Sorry for disappearing, I was in the hospital for a bit but I'm okay now.", "I'm sorry for disappearing."),
    ("sorry i said that but honestly you were asking for it", "I'm sorry I said that."),
    ("I am so sorry for shouting, but you", "I am so sorry for shouting."),
    ("sorry for shouting. but you were being so unfair", "I'm sorry for shouting."),
    ("I'm sorry about last night! But you started it", "I'm sorry about last night."),
    ("sorry to bother u again i know ur busy but did u get my msg", None),
])
def test_a_hedged_apology_is_owned_in_the_persons_words(text, owned):
    from olivebranch.check.rewrite import _owned_apology

    assert _owned_apology(text) == owned


def test_the_rewrite_of_a_conditional_apology_owns_what_was_done():
    result = check("I'm sorry if you were offended by what I said")
    assert "non_apology" in result.codes
    assert result.rewrite.startswith("I'm sorry for what I said.")
    assert check(result.rewrite).verdict == "send"


@pytest.mark.parametrize(("sentence", "kept"), [
    ("I miss you though, how are you?", "I miss you, how are you?"),
    ("I still care tho", "I still care"),
    ("hope work's good anyway.", "hope work's good."),
    ("I went even though, honestly, it was late", "I went even though, honestly, it was late"),
    ("though I miss you", "though I miss you"),
])
def test_a_word_that_turns_from_what_was_left_out_is_dropped(sentence, kept):
    from olivebranch.check.rewrite import _TURNED

    assert _TURNED.sub("", sentence) == kept


def test_a_kept_sentence_does_not_turn_from_the_lines_left_out():
    result = check("You never listen to me. You always ignore me. I miss you though, how are you?")
    assert "blame" in result.codes
    assert "though" not in result.rewrite
    assert check(result.rewrite).verdict == "send"


# --- what a rewrite keeps, and what it adds (QA of the rewrite) -------------------------------------------

LETTER = ("Hey Sam, I hope you're doing well. I've been thinking about you a lot lately. I'm sorry I went quiet "
          "after the move, it was a hard few months and I handled it badly. I miss our long walks and the way you "
          "always made me laugh. I know it's been a long time, and I understand if you need a while to reply. "
          "Things are calmer now and I've started a new job that I actually like. I'd love to hear what you've been "
          "up to, and how your mum is doing. No pressure at all, whenever you're ready.")
ANGRY = ("You never listen to me and I am so tired of it. Every time I try to talk to you about something that "
         "matters you just change the subject or walk away. I have done everything for you, I drove you to work for "
         "months, I paid for your phone, I covered for you with your parents. Do you know how that makes me feel? "
         "Like I am nothing. And now you just ignore my messages like I don't exist. Everyone can see it. My friends "
         "think you are using me and honestly I am starting to agree with them. You owe me an explanation at the "
         "very least. I am not going to keep waiting around forever for you to decide whether I am worth a reply. "
         "Answer me today.")
BABE = "Babe I'm so so sorry. I was drunk and stupid. Please call me back. Please. I love you."
HOSPITAL = "Hey, I'm at the hospital with Gran, she had a fall. Call me back NOW."
LEEDS = "Hi Jo, I'm moving to Leeds on Friday. You never cared anyway."
FLY = "I fly out tomorrow and just wanted to say bye. you could at least reply."
DISAPPEARED = "Sorry for disappearing, I was in the hospital for a bit but I'm okay now."
KEYS = "Hi Tom, can you drop my keys off on Friday? You never return anything on time."
DAD = "Hi Dad, I know you're busy but you never call me back. Love you."
SLEEP = "Sleep well x. Not that you care."
BOTHER = "hi sorry to bother u again i know ur busy but did u get my last msg? no worries if not!! sorry"
MIKE = "hey mike. you never answer my texts. are we still on for saturday?"
BIRTHDAY = "happy birthday! hope it's a good one. shame you couldn't be bothered to come to mine"


def _rewrite(text: str) -> str:
    """The rewrite of ``text``, which must be offered and come out ``send`` when checked again."""
    result = check(text)
    assert result.verdict != "send" and result.rewrite, text
    assert check(result.rewrite).verdict == "send", result.rewrite
    return result.rewrite


@pytest.mark.parametrize("text, heart", [
    (LETTER, ["I'm sorry I went quiet after the move"]),
    (BABE, ["I'm so so sorry", "I love you"]),
    (HOSPITAL, ["I'm at the hospital with Gran"]),
    (LEEDS, ["I'm moving to Leeds on Friday"]),
    (FLY, ["I fly out tomorrow"]),
    (DISAPPEARED, ["sorry for disappearing"]),
    (KEYS, ["can you drop my keys off on Friday?"]),
], ids=["letter", "babe", "hospital", "leeds", "fly", "disappeared", "keys"])
def test_the_rewrite_keeps_the_heart_of_the_message(text, heart):
    rewrite = _rewrite(text).lower()
    assert [words for words in heart if words.lower() not in rewrite] == []


def test_a_kind_letter_is_cut_to_its_best_sentences_not_its_first():
    rewrite = _rewrite(LETTER)
    assert rewrite.startswith("Hey Sam, I'm sorry I went quiet")
    assert "I miss our long walks" in rewrite
    assert len(rewrite.split()) <= 70


@pytest.mark.parametrize("text, invented", [
    (DISAPPEARED, "my part in what happened"),  # their apology is for disappearing
    (BOTHER, "my part in what happened"),  # "sorry to bother you" owns no wrong
    (KEYS, "feeling hurt"),  # a practical request: no feeling they did not show
    (KEYS, "thinking about you"),
], ids=["disappeared", "bother", "keys-hurt", "keys-thinking"])
def test_the_rewrite_invents_nothing_the_draft_does_not_say(text, invented):
    assert invented not in _rewrite(text)


@pytest.mark.parametrize("text", [BABE, DISAPPEARED, LETTER, HOSPITAL, LEEDS, FLY, KEYS],
                         ids=["babe", "disappeared", "letter", "hospital", "leeds", "fly", "keys"])
def test_no_breezy_how_have_you_been_after_an_apology_news_or_a_request(text):
    assert "How have you been?" not in _rewrite(text)


@pytest.mark.parametrize("text, rewrite", [
    # A threat reaches for a response, not for "I miss you".
    ("answer me by friday or I'm telling your mom everything",
     "I'd really like to talk, if you're open to it. How have you been? No pressure to reply; whenever you feel like it."),
    # After their own apology, the blame beside it is left out, not turned into a hurt of theirs.
    ("babe im sorry i yelled, but u were being so annoying. love u xx",
     "I'm sorry I yelled. I understand if you need some time. Love u xx"),
], ids=["threat", "sorry-but"])
def test_a_line_of_ours_claims_no_feeling_the_draft_does_not_show(text, rewrite):
    assert _rewrite(text) == rewrite


def test_no_rewrite_says_i_miss_you_for_a_draft_that_never_did(corpus_results):
    invented = [(ex.id, r.rewrite) for ex, r in corpus_results
                if r.rewrite and re.search(r"(?i)\bmiss (?:you|u)\b", r.rewrite) and not re.search(r"(?i)\bmiss", ex.text)]
    assert invented == []


def test_no_rewrite_adds_a_hurt_of_theirs_beside_an_apology(corpus_results):
    from olivebranch.check.rewrite import _blocks

    hurt = _blocks()["replace"]["blame"]
    both = [(ex.id, r.rewrite) for ex, r in corpus_results
            if r.rewrite and hurt in r.rewrite and re.search(r"(?i)\bsorry\b(?! to)", r.rewrite)]
    assert both == []


def test_a_guilt_line_is_never_kept_from_a_wall_of_text():
    rewrite = _rewrite(ANGRY)
    assert "makes me feel" not in rewrite and "Do you know" not in rewrite


@pytest.mark.parametrize("text, start, end", [
    (DAD, "Hi Dad, I", "Love you."),
    (SLEEP, "I", "Sleep well x."),
    (BABE, "Babe, I'm so so sorry.", "I love you."),
], ids=["dad", "sleep", "babe"])
def test_a_sign_off_comes_last_and_the_greeting_goes_on_in_the_same_sentence(text, start, end):
    rewrite = _rewrite(text)
    assert rewrite.startswith(start) and rewrite.endswith(end)


def test_a_leftover_that_leans_on_what_was_dropped_is_not_kept():
    rewrite = _rewrite(BOTHER)
    assert "if not" not in rewrite
    assert re.match(r"Hi, (?:[a-z]|I\b)", rewrite)


def test_a_name_after_a_greeting_gets_its_capital():
    assert _rewrite(MIKE).startswith("Hey Mike, ")


@pytest.mark.parametrize("text, kind", [
    (BABE, "apology"), (DISAPPEARED, "apology"), (LETTER, "apology"),
    (HOSPITAL, "news"), (LEEDS, "news"), (FLY, "news"),
    (KEYS, "practical"), (MIKE, "practical"), (BIRTHDAY, "wishes"),
    (DAD, None), ("you never call me", None),
], ids=["babe", "disappeared", "letter", "hospital", "leeds", "fly", "keys", "mike", "birthday", "dad", "missing"])
def test_the_lines_added_follow_what_the_draft_is(text, kind):
    from olivebranch.check.rewrite import _blocks

    blocks = _blocks()
    lines = {**blocks["add"], **(blocks["kinds"][kind] if kind else {})}
    rewrite = _rewrite(text)
    assert (blocks["add"]["open_question"] in rewrite) == bool(lines["open_question"])
    if kind == "practical":  # what follows their question depends on it (test below)
        assert any(closer in rewrite for closer in blocks["kinds"]["practical"]["closers"].values() if closer)
    else:
        assert lines["gives_space"] in rewrite
    assert rewrite == check(text).rewrite  # the same every time


@pytest.mark.parametrize("kept, replacements, kind", [
    ([("I'm so sorry.", ("apology",))], [], "apology"),
    ([("I miss you.", ("i_statement",))], [("non_apology", "I'm sorry for my part in what happened.")], "apology"),
    ([("I'm at the hospital with Gran.", ())], [("pressure", "")], "news"),
    ([("Grandma had a stroke this morning.", ("warmth",))], [], "news"),
    ([("Can you drop my keys off on Friday?", ())], [("blame", "")], "practical"),
    ([("Happy birthday!", ("warmth",))], [("blame", "I've been feeling hurt and a bit far from you.")], "wishes"),
    ([("Can you drop my keys off on Friday?", ()), ("I miss you.", ("i_statement",))], [], "missing"),
    ([], [("blame", "")], "missing"),
])
def test_what_the_draft_is_is_read_from_what_is_kept(kept, replacements, kind):
    from olivebranch.check.rewrite import _kind

    assert _kind(kept, replacements) == kind


def test_every_line_added_for_a_kind_of_draft_is_fit_to_send_alone():
    from olivebranch.check.rewrite import _blocks

    blocks = _blocks()
    lines = {line for key, line in blocks["add"].items() if key != "greeting"}
    lines |= {line for kind in blocks["kinds"].values() for line in kind.values() if isinstance(line, str) and line}
    assert [line for line in sorted(lines) if check(line, with_rewrite=False).verdict != "send"] == []


def test_no_rewrite_keeps_a_reproach(corpus_results):
    from olivebranch.check.rewrite import _reproach

    kept = [(ex.id, r.rewrite) for ex, r in corpus_results if r.rewrite and _reproach().search(r.rewrite)]
    assert kept == []


@pytest.mark.parametrize("sentence, leans", [
    ("That was cowardly of me.", True), ("They were so kind to me.", True), ("no worries if not!!", True),
    ("I miss you.", False), ("It's been ages.", False), ("Thanks for the card.", False),
])
def test_a_sentence_that_points_back_leans_on_the_one_before(sentence, leans):
    from olivebranch.check.rewrite import _leans

    assert _leans(sentence) is leans


def test_the_best_sentences_are_kept_not_the_first():
    from olivebranch.check.rewrite import _best, _blocks

    found = [(0, ("I hope you're well.", ("warmth",))), (1, ("Lovely weather here.", ("warmth",))),
             (2, ("I'm sorry I went quiet after the move.", ("apology", "i_statement"))),
             (3, ("That was unfair of me.", ("apology",))), (5, ("I love you.", ("i_statement", "warmth")))]
    kept = [s for _, (s, _) in _best(found, _blocks())]
    assert kept == ["I'm sorry I went quiet after the move.", "That was unfair of me.", "I love you."]
    # "That was unfair of me" leans on the sentence before it, and is not kept without it (only its apology is).
    without = [s for _, (s, _) in _best(found[:2] + found[3:], _blocks())]
    assert "That was unfair of me." not in without and "I'm sorry." in without


@pytest.mark.parametrize("found, kept", [
    # The sentence it leans on is not kept: their apology is, as a plain one.
    ([(1, ("That wasn't fair to you and I'm sorry.", ("apology",))), (3, ("I miss you.", ("i_statement",)))],
     ["I'm sorry.", "I miss you."]),
    # The sentence it leans on is kept: so is the apology, in their words.
    ([(0, ("I was awful to you at the party.", ("i_statement",))),
      (1, ("That wasn't fair to you and I'm sorry.", ("apology",)))],
     ["I was awful to you at the party.", "That wasn't fair to you and I'm sorry."]),
    # Another apology of theirs says it already.
    ([(0, ("I'm sorry I shouted at you.", ("apology",))), (2, ("That wasn't fair and I'm sorry.", ("apology",)))],
     ["I'm sorry I shouted at you."]),
    # A line that leans and is no apology is still left out.
    ([(1, ("That was so much fun.", ("warmth",)))], []),
])
def test_an_apology_that_leans_on_a_line_not_kept_is_kept_as_a_plain_one(found, kept):
    from olivebranch.check.rewrite import _best, _blocks

    assert [s for _, (s, _) in _best(found, _blocks())] == kept


def test_a_long_apology_keeps_its_sorry():
    text = "I called you a selfish idiot in front of everyone. That wasn't fair to you and I'm sorry. Please answer me now."
    assert _rewrite(text) == "I'm sorry. I'd really like to talk, if you're open to it. I understand if you need some time."


def test_the_best_sentences_do_not_say_the_same_thing_twice_or_ask_twice():
    from olivebranch.check.rewrite import _best, _blocks

    found = [(0, ("I miss you so much.", ("i_statement",))), (1, ("I miss you so much it hurts.", ("i_statement",))),
             (2, ("How is the new flat?", ("open_question",))), (3, ("How is your mum?", ("open_question",)))]
    assert [s for _, (s, _) in _best(found, _blocks())] == ["I miss you so much.", "How is the new flat?"]


@pytest.mark.parametrize("sentence, closes", [
    ("Love you.", True), ("I love you.", True), ("sleep well x", True), ("just thinking of you x", True),
    ("I miss you.", False), ("Love you lots of things about you.", False),
])
def test_a_line_that_ends_a_message_is_a_closer(sentence, closes):
    from olivebranch.check.rewrite import _closes

    assert _closes(sentence) is closes


@pytest.mark.parametrize("greeting, line", [
    ("hey mike", "Hey Mike"), ("hi mum", "Hi mum"), ("Hello son", "Hello son"), ("hey you", "Hey you"),
    ("HEY Sam", "HEY Sam"), ("Hi Aunt Sue", "Hi Aunt Sue"), ("babe", "Babe"),
    ("hi dr. patel", "Hi Dr. Patel"), ("hi mrs jones", "Hi Mrs Jones"),
])
def test_the_greeting_gets_a_capital_and_so_does_a_name(greeting, line):
    from olivebranch.check.rewrite import _greeting_line

    assert _greeting_line(greeting) == line


@pytest.mark.parametrize(("text", "left_out", "kept"), [
    # The game is told from their own side: an I-statement alone does not earn a line its place.
    ("So I've been hanging out with Olly a lot. He's a really good listener. He says he'd never treat me "
     "the way you do. Just food for thought", "Olly", None),
    # After the game begins, nothing reads straight, not even a short warm line.
    ("you used to be my whole world. and now im giving my world to someone who deserves it. hope u feel that",
     "feel that", None),
    # A short line from the heart is not part of the game.
    ("i miss u. i really do. also i'm seeing someone now so dont worry about me 😊", "seeing someone", "I miss u."),
])
def test_a_rewrite_keeps_nothing_of_a_jealousy_game(text, left_out, kept):
    result = check(text)
    assert "manipulation" in result.codes
    assert left_out not in result.rewrite
    if kept:
        assert result.rewrite.startswith(kept)


def test_a_wish_for_their_news_is_not_news_of_ones_own():
    from olivebranch.check.rewrite import _tells_of_an_event

    assert _tells_of_an_event("I'm moving to Leeds on Friday")
    assert not _tells_of_an_event("hope the new job's going great!")
    assert not _tells_of_an_event("Congrats on the new job!!")
    rewrite = check("hope the new job's going great! also if you don't return my records by the end of the month "
                    "i'm selling your bike lol").rewrite
    assert rewrite.startswith("Hope the new job's going great!") and "I wanted you to know" not in rewrite
