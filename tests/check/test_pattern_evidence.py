"""Hand-written examples for the evidence groups of the lexical patterns.

An evidence match does not raise a flag on its own: the learned model weighs it
with the rest of the message. These examples (written for this test, not taken
from the corpus) pin down that each form is seen as evidence for its code, and
that an everyday look-alike is not.
"""

import pytest

from olivebranch.check.patterns import PatternDetector
from olivebranch.check.text import Draft

EVIDENCE = {
    "self_harm": [
        "the tablets are all lined up on my desk",
        "i keep thinking about the bridge near my work",
        "bought some rope today. don't ask",
        "there's a razor next to me and i keep staring at it",
        "counted out all the tablets. there's enough now",
        "i keep staring at the pills on my nightstand",
        "just tell my sister i'm sorry",
    ],
    "non_apology": ["sorry if i came across badly at dinner", "sorry if u were upset, i was just joking"],
    "manipulation": [
        "posted my holiday pics, have a look at what you're missing",
        "got three dates lined up this weekend so don't worry about me",
        "someone new is making me smile these days",
        "found myself a new best friend anyway",
        "she's way more fun than you ever were",
        "the glow up since we split is unreal",
        "i'm seeing someone now btw",
        "fine, i'm moving on. already got a date saturday",
        "one word to your boss and that's your job gone",
        "a guy at the bar bought me drinks all night btw",
        "don't come then. everyone will know exactly why",
        "went out with someone new on friday, just thought u should know 😉",
        "been on a date with someone new btw",
        "my new gf actually plans nice dates, more than you ever did",
        "was gonna tell u something but nvm",
    ],
    "pressure": [
        "still waiting on that call you promised",
        "did you get my last message? and the one before?",
        "need a yes or no on the deposit today",
        "you could at least pick up once",
        "have you even seen my last three texts",
        "i demand to know where you were",
        "you're not allowed to just go quiet on me",
        "seen 11:15pm. ok",
        "call me asap",
        "is this happening, yes or no",
        "just checking you got my last 4 messages",
        "wanted to make sure u saw all my texts",
        "got us tickets for the gig. you better come",
    ],
    "blame": [
        "you made me like this",
        "you're the reason mum is so stressed",
        "you started it and you know it",
        "you made your choice, now live with it",
        "you could've just said you weren't coming",
        "bailing on my party was a really shitty thing to do",
        "you were flirting all night, what was i supposed to think",
        "if you really loved me you'd have come",
        "honestly so immature of you",
    ],
    "sarcasm": [
        "oh you're alive. good to know.",
        "take care i guess.",
        "a whole week without a reply, new personal best",
        "so weird how you answer everyone but me",
        "great chat. thanks for that",
        "look who's back online",
        "left the party without a word. classy",
        "wonderful. love this for us",
        "must be exhausting being that popular",
        "truly heartwarming stuff",
        "i'll take the silence as a yes then",
    ],
    "lecturing": ["you should know better than this", "i thought you should know better"],
    "guilt_trip": [
        "i can't eat or sleep. is that what you wanted?",
        "i was there every night at the hospital. something to think about",
        "the doctor says it's stress. i wonder where that came from",
        "i cook, i clean, i pay. what have you ever done for me",
        "i thought family meant something",
        "why am i always the only one who makes an effort",
        "guess it's a table for one tonight",
        "i'll be here. like always. waiting",
        "i'm used to people leaving by now",
        "do you have any idea what this week was like",
        "you could at least say thank you",
    ],
}

LOOK_ALIKES = {
    "self_harm": [
        "don't forget your allergy pills, the pollen is mad today",
        "can you grab the meds from the pharmacy on your way?",
        "the kids love the rope swing at the park",
        "got my meds from the chemist, feeling loads better this week",
        "just took my tablets, off to bed now x",
        "my pills are in my bag if u need some for ur headache",
        "we walked over the bridge at sunset, so pretty",
        "the bridge of that song is stuck in my head",
        "sat in traffic on the bridge for ages, nearly home now",
        "there's been an accident on the bridge so i'm going the long way",
        "i can't go on without you guys at quiz night, come back!",
        "i wanted to tell you i'm sorry about friday",
    ],
    "manipulation": [
        "i'm missing you a lot today",
        "we've got a few people lined up for the quiz",
        "got a date for the wedding sorted, so you can stop asking mum",
        "went out with someone from work for lunch, the new thai place is great",
        "i wanted to tell you something funny about the dog, call me later!",
    ],
    "pressure": [
        "i'm not waiting, go ahead without me",
        "did you get home ok?",
        "i read 3 chapters last night",
        "just checking you got my message about the keys",
    ],
    "lecturing": ["saw the new season is out and thought you should know 🙂", "figured you should know the shop moved"],
    "blame": [
        "you're the reason i smile every day",
        "the kids started it at the park lol",
        "you made me love hiking, thank you for that",
    ],
    "sarcasm": [
        "good to know the shop opens at 9, see you there",
        "i guess we could do thursday instead?",
        "your photos from the wedding were so lovely, love that for you",
    ],
    "guilt_trip": ["i wonder where we should eat friday", "something to look forward to!"],
    "non_apology": [
        "sorry if i'm a bit slow replying this week, exams",
        "sorry if this is random, are you still selling the bike?",
        "sorry if my reply was late, my phone died",
        "sorry if i'm bothering u, just wanted to say good luck tmrw",
    ],
}


def codes(text: str) -> set[str]:
    return {h.code for h in PatternDetector().detect(Draft(text))}


@pytest.mark.parametrize(("code", "text"), [(c, t) for c, ts in EVIDENCE.items() for t in ts])
def test_form_is_evidence_for_its_code(code, text):
    assert code in codes(text)


@pytest.mark.parametrize(("code", "text"), [(c, t) for c, ts in LOOK_ALIKES.items() for t in ts])
def test_look_alike_is_not_evidence(code, text):
    assert code not in codes(text)
