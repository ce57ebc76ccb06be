"""Naming the language of a draft the check cannot read."""

import pytest

from olivebranch.check import check
from olivebranch.check.language import LANGUAGES, UNNAMED, other_language
from olivebranch.check.model import vocabulary


@pytest.mark.parametrize("text, language", [
    ("hola, te extraño mucho. podemos hablar?", "Spanish"),
    ("réponds-moi ou c'est fini entre nous", "French"),
    ("wenn du nicht antwortest ist es aus", "German"),
    ("sinto sua falta, podemos conversar?", "Portuguese"),
    ("mi manchi tanto, possiamo parlare?", "Italian"),
    ("ik mis je, kunnen we praten?", "Dutch"),
])
def test_a_draft_in_another_language_is_named(text, language):
    assert other_language(text, vocabulary) == language
    assert check(text).language == language


@pytest.mark.parametrize("text", [
    "i miss you so much, can we talk?",
    "hiiii hows the semester going",
    "lmk if u want to carpool to the wedding",
    "what do u call a fake noodle? an impasta 🍝",
    "ok sorry ur majesty",
    "hola",  # too short to tell
    "ngl lowkey miss u fr",
    "yaar i miss you so much bro",
    "bhai i am so sorry for what i said",
])
def test_english_and_texting_slang_are_not_named(text):
    assert other_language(text, vocabulary) is None
    assert check(text).language is None


@pytest.mark.parametrize("text", [
    # romanised Hindi and Urdu, which py3langid knows only in Devanagari or Arabic letters:
    # its nearest guesses (Tagalog, Indonesian, Finnish) are unsure
    "yaar kitne din ho gaye, kaisa hai tu? miss u bro",
    "kya haal hai bhai, bahut yaad aa rahi thi",
    "kaise ho aap? bahut yaad aati hai",
    "miss u yaar, kab miloge?",
])
def test_a_draft_in_latin_letters_of_a_language_it_is_unsure_of_is_not_named(text):
    assert other_language(text, vocabulary) == UNNAMED
    assert check(text).language == UNNAMED


@pytest.mark.parametrize("text, language", [
    ("desculpa por ontem, fui idiota", "Portuguese"),  # the least sure of those named, beside Spanish
    ("jeg savner dig, kan vi tale sammen?", "Danish"),  # beside Norwegian
])
def test_a_short_draft_in_a_language_it_is_sure_enough_of_is_still_named(text, language):
    assert check(text).language == language


@pytest.mark.parametrize("text, language", [
    ("你从来不听我说话。马上回复我。", "Chinese"),
    ("你好", "Chinese"),
    ("会いたい", "Japanese"),
    ("보고 싶어", "Korean"),
    ("Привет, как дела? Я скучаю.", "Russian"),
    ("مرحبا", "Arabic"),
    ("मुझे तुम्हारी याद आती है", "Hindi"),
    ("Γεια σου, μου λείπεις", "Greek"),
])
def test_a_draft_in_another_script_is_named_however_short(text, language):
    assert check(text).language == language


@pytest.mark.parametrize("text", ["I miss you ❤️ 我想你", "see you at Café Zoë, ok?"])
def test_a_few_letters_of_another_script_in_english_are_not_named(text):
    assert check(text).language is None


def test_the_vocabulary_is_read_only_for_a_draft_long_enough_to_tell():
    def vocabulary_unused():
        raise AssertionError("read")

    assert other_language("te quiero", vocabulary_unused) is None


def test_every_language_named_is_one_that_can_be_named():
    assert "en" in LANGUAGES and all(name and name[0].isupper() for name in LANGUAGES.values())
    assert UNNAMED not in LANGUAGES.values()


@pytest.mark.parametrize("text", [
    "me quiero morir, ya no puedo más", "je veux mourir", "ich will nicht mehr leben",
    "eu quero morrer", "voglio morire", "ik wil dood",
])
def test_the_explicit_words_of_a_crisis_are_read_in_these_languages_too(text):
    result = check(text)
    assert result.verdict == "dont_send" and result.flags[0].code == "self_harm" and result.resources
