"""Hand-written examples for the lexical patterns (olivebranch/data/check/patterns.toml).

Each positive is a general form written for this test (not taken from the
corpus) and must raise its code through a strong group; each hard negative
looks risky on the surface but must raise no strong hit at all.
"""


import pytest

from olivebranch.check.patterns import _MACRO, PatternDetector, _patterns
from olivebranch.check.text import Draft

POSITIVES = {
    "self_harm": [
        "honestly i don't see the point of anything anymore",
        "nobody would even notice if i was gone",
        "if you're gone then so am i",
        "i've been saving up my sleeping pills for a while now",
        "some days i think about driving into a tree on the motorway",
        "don't worry, you won't have to deal with me for much longer",
        "i'm scared of what i might do to myself tonight",
        "i just want to sleep and never wake up",
        "everyone would be better off without me",
        "i've been thinking about ending it, i'm so tired",
        "if you leave i'll end it",
        "i keep thinking about stepping in front of a train",
        "honestly might just step into traffic on the way home haha",
        "this is my last message to anyone. take care",
        "sorry, these are the last words i'll ever write",
        "i started cutting myself again last week",
        "i burned my arm on purpose tonight",
        "honestly i deserve to die after what i did",
        "i wish i'd never been born",
        "life without her isn't worth living",
        "there's nothing left for me to stay for",
        "i don't see a way out that isn't permanent",
        "idk if i'll still be alive by the weekend",
        "the world would honestly be lighter without me",
        "don't worry, i won't be a burden for much longer",
        "the pills are right here next to me",
        "i'm not safe with myself tonight",
        "i don't feel safe on my own tonight",
        "the voices keep telling me to end it",
        "i'm not eating until you talk to me",
        "i can't picture a future where i'm still here",
        "don't make plans with me, there's no tomorrow for me",
        "please forgive me for what i'm going to do",
        "tbh i'd be glad if i didn't wake up tomorrow",
        "if a car hit me on the way home i'd honestly be relieved",
        "living isn't worth it without you",
        "i hate being alive",
    ],
    "ultimatum": [
        "either you call me tonight or i'm blocking you",
        "if you don't reply by sunday then we're done",
        "i'm giving you till friday to decide. after that i'm out",
        "text me back by 9 or i'm telling everyone",
        "it's me or your friends, choose",
        "if u keep ignoring me im telling everyone",
        "if i don't hear back by tonight i'm coming round",
        "unless you call me tonight im driving over",
        "if you're not at my birthday don't bother texting me ever again",
        "reply or else we're done lol",
        "one more excuse and we're finished",
        "come to the wedding or consider yourself uninvited",
        "if you go to that party don't bother coming back",
        "u have til friday to decide, after that i'm deleting ur number",
        "unless i hear from you by the 1st i will stop paying your phone bill",
        "either you come to the wedding or you're no longer part of this family",
        "show up tonight or i'm never speaking to you again",
    ],
    "manipulation": [
        "i'll tell your whole family exactly what you did",
        "would be a shame if those photos of you ended up online",
        "it'd be a real shame if your manager found out where you were",
        "keep ignoring me and see what i post",
        "even your own sister agrees with me, you know",
        "maybe i'll just download tinder again then",
        "been seeing someone new actually, thought you should know",
        "found someone who actually replies to texts, so",
        "i've asked my cousin to talk to you about it",
        "i'll get your friends to talk some sense into you",
        "i posted that photo on purpose to see if you'd notice",
        "fine, i'll just show everyone your texts then",
        "i'll screenshot this and send it to the group chat",
        "imma forward all your messages to your wife",
        "i'm gonna post the screenshots if you don't answer",
        "i'll make sure everyone at work sees what you wrote",
        "i'll tell everyone at the wedding how you treated me",
        "i'll expose you",
    ],
    "guilt_trip": [
        "i gave you everything and you just walked away",
        "i drove four hours to see you and you can't even say thanks",
        "it's not like i cooked all weekend for you or anything",
        "i stayed up every night with you, and this is the thanks i get",
        "i've done so much for you this year",
        "you spent the money on her. hope it was worth it",
        "i hardly think one phone call is too much to ask",
        "since you left i haven't been able to eat or sleep",
        "i've been nothing but good to you and you can't even text back",
    ],
    "blame": [
        "you're such a selfish coward",
        "it's all your fault and you know it",
        "you only ever think about yourself",
        "you never listen to a word i say",
        "Hi Alex. You never make time for me anymore. Answer me by Friday or we're done.",
        "you always make everything about you",
        "what kind of person ignores their own mother",
        "you lying little snake",
        "how dare you treat me like that",
    ],
    "pressure": [
        "answer me",
        "why won't you just reply",
        "why are you ignoring me",
        "i can see you're online, i know you've read my messages",
        "we need to talk. right now",
        "i need an answer today",
        "call me back right now",
    ],
    "begging": [
        "i'm begging you, talk to me",
        "please please just say something",
        "i can't live without you",
        "honestly i cant imagine going on without u",
        "i'm nothing without you",
        "i'll do anything, just give me one more chance",
        "please don't leave me",
        "i'm on my knees here",
    ],
    "entitlement": [
        "you owe me an explanation",
        "i think i deserve an answer at least",
        "i'm owed a proper conversation",
        "i have every right to know",
        "you don't get to just ignore me",
        "i think i've earned a reply",
        "you have to forgive me",
    ],
    "non_apology": [
        "sorry you feel that way",
        "sorry if you were offended",
        "i'm sorry but you started it",
        "sorry i guess",
        "sorry if what i said came out wrong",
        "sorry for caring i suppose",
        "i'm sorry the truth hurts",
    ],
}

HARD_NEGATIVES = [
    "i don't feel safe alone in the house since the break-in",
    "she's not safe alone with him, can you check on her",
    "my gut keeps telling me to do it, so i booked the flight",
    "if you're free saturday i'm coming over with pizza",
    "if it rains tomorrow i'm cancelling the bbq, i'll let you know",
    "if you don't want to talk i'll leave you alone, promise",
    "if you want the sofa i'm selling it cheap lol",
    "if you can't make it i'll just post you the present",
    "grab me a croissant on the way or else 😤 jk",
    "choose the takeaway or else it's pizza again lol",
    "you owe me a beer haha, told you they'd win",
    "i'll tell everyone you said hi",
    "i'll send the pics from the wedding tomorrow!",
    "i'll show everyone the photos from the trip, they were so good",
    "i'll tell your mum happy birthday from me",
    "i'll share our photos with you when i find them",
    "ill post the pics from the party tonight",
    "i'll show you our old messages, they're hilarious",
    "lol try not to walk into traffic staring at your phone",
    "last text tonight i promise, just wanted to say good luck",
    "last message to everyone in the group chat: bring snacks saturday",
    "this is my final message about the deposit, then i'll leave it",
    "it's a shame you couldn't make it, we found out the band is playing again in may",
    "you never fail to make me laugh",
    "you never cease to amaze me with your baking",
    "no pressure, no ultimatums, just wanted to say hi",
    "if you ever want to talk I'm here",
    "I was a jerk and I'm sorry",
    "haha remember when you set the kitchen on fire",
    "this week is killing me lol",
    "you always made the best pancakes",
    "I'm dying to hear about the trip",
    "i could die of embarrassment about the karaoke",
    "i won't give you a deadline, take all the time you need",
    "reply whenever you like, there's no rush",
    "answer me whenever you're free, honestly no stress",
    "I'm sorry I snapped at you on friday. that was on me",
    "after everything that happened this year, I hope you're doing ok",
    "I know I hurt you and I'm so sorry",
    "you deserve someone who makes you happy",
    "please don't feel you owe me anything",
    "I hope you're happy in the new flat!",
    "you never told me you got the job, congrats!!",
    "the traffic today is going to be the death of me",
    "i'd die for a slice of your mum's lasagne right now",
    "you're killing it at the new job",
    "take care of yourself, ok? no need to reply",
    "if it's easier for you, we can just meet next month",
    "either way works for me, you pick the place",
    "my sister says hi and wants to know how you are",
    "my friends all think you're great, we miss you at quiz night",
    "I've been thinking about you and I hope things are good",
    "thanks for driving me to the airport that time, it meant a lot",
    "i gave you a hard time about the trip and that wasn't fair",
    "sorry for the slow reply, work has been mad",
    "no worries if you'd rather not talk",
    "i miss you. whenever you're ready, i'd love a coffee",
    "that film was so sad i wanted to cry",
    "the group chat is dead without you lol",
    "my friends want to see you at the party, they asked about you",
    "i'm not trying to make you jealous, the new café is just awful",
    "my friend overdosed last year and i think about her a lot",
    "i'm so tired of existing in this heat, how are you coping",
    "i want to disappear to a beach for a week",
    "i cut my finger again chopping onions lol",
    "if you can't make it to my birthday that's totally fine",
    "you'll be fine without me at the party, have fun",
    "no reason to stay at the office past six tbh",
    "i can't see a future for me in that job",
    "i'm not eating until dinner, saving room for your curry",
    "i wish i'd never been born in february, it's so cold",
    "is tomorrow ok for me to drop your books round?",
    "sorry for what i said yesterday, i was tired",
    "i'd be happy if i didn't wake up at 6 for once",
    "the new job is worth it, the hours are so much better",
    "i hate existing group chats where nobody replies lol",
    "can't imagine the wedding without you there, save me a dance",
    "after that i'm moving on to the next chapter of my thesis",
    "unless i hear otherwise i'll see you at 7",
    "you're not welcome to bring your dog, sorry, landlord rules",
    "after that i'm heading home, see u tomorrow",
    "we're never talking about that film again lol, how was your week?",
]


def strong_codes(text):
    return {h.code for h in PatternDetector().detect(Draft(text)) if h.kind == "strong"}


@pytest.mark.parametrize("code,text", [(c, t) for c, ts in POSITIVES.items() for t in ts])
def test_positive_raises_code(code, text):
    assert code in strong_codes(text), f"{code} not raised by strong group for: {text!r}"


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negative_has_no_strong_hit(text):
    assert strong_codes(text) == set(), f"strong hit on hard negative: {text!r}"


def test_every_pattern_compiles_and_never_matches_empty():
    for pattern in _patterns(ignore_case=True):
        assert pattern.regex.search("") is None, (pattern.code, pattern.regex.pattern)
        assert pattern.regex.fullmatch("") is None, (pattern.code, pattern.regex.pattern)


def test_macros_may_use_macros_defined_above_them():
    assert not [p.regex.pattern for p in _patterns() if _MACRO.search(p.regex.pattern)]
    assert strong_codes("i'll tell your whole family exactly what you did") == {"manipulation"}


def test_counts():
    assert all(len(v) >= 6 for v in POSITIVES.values())
    assert len(HARD_NEGATIVES) >= 25
