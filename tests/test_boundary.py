"""A draft that says they blocked the writer or asked for no contact (SPEC 7)."""

import pytest

from olivebranch.boundary import says_no_contact


@pytest.mark.parametrize("text", [
    "I know you asked me not to contact you, but it's your birthday",
    "u said not to text u but i have to tell you something",
    "You told me to stop messaging, so this is the last one.",
    "i know you said no contact and i'm breaking it",
    "I respect your decision to go no contact.",
    "respect the no-contact thing, just wanted to say sorry",
    "I know you blocked me on whatsapp so I'm texting here",
    "you\u2019ve blocked my number so I'm trying email",
    "I know I'm blocked everywhere else",
    "my solicitor says the restraining order covers texts",
])
def test_a_boundary_they_set_is_read(text):
    assert says_no_contact(text)


@pytest.mark.parametrize("text", [
    "I'm doing a silent retreat, no contact at all for 10 days!",
    "if you block me I'll understand",
    "I blocked out the whole weekend for us",
    "do u want me to stop texting? honestly just say",
    "you asked me to text when I got home, so: home!",
    "my phone blocked your number by mistake, sorry",
])
def test_everyday_words_are_not_a_boundary(text):
    assert not says_no_contact(text)


def test_anything_but_text_is_not_read():
    assert not says_no_contact(None)
