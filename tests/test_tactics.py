"""The tactics behind `olivebranch why`: lookup, stances, and their sources."""

import tomllib
from importlib.resources import files

import pytest

from olivebranch import playbook, support, tactics
from olivebranch.errors import UnknownTopicError
from olivebranch.sources import SOURCE_IDS

REQUIRED = [
    "jealousy", "hot-and-cold", "ultimatum", "double-text", "ignore", "date-others",
    "fake-breakup", "friends", "guilt-trip", "self-harm", "wall-of-text", "give-space",
    "apology", "social-media", "hero-instinct", "no-contact",
]
MANIPULATION = ["jealousy", "hot-and-cold", "ultimatum", "date-others", "fake-breakup"]


def item_ids() -> set[str]:
    table = tomllib.loads(files("olivebranch.data").joinpath("source_items.toml").read_text(encoding="utf-8"))
    return {i["id"] for i in table["item"]}


@pytest.mark.parametrize("name", REQUIRED)
def test_every_required_tactic_resolves_to_itself(name):
    assert tactics.resolve(name).name == name
    assert tactics.explain(name).tactic.name == name


@pytest.mark.parametrize("asked,meant", [
    ("double text", "double-text"),
    ("double-texting", "double-text"),
    ("Double Texting", "double-text"),
    ("make-jealous", "jealousy"),
    ("make them jealous", "jealousy"),
    ("hot and cold", "hot-and-cold"),
    ("Hot & Cold", "hot-and-cold"),
    ("ultimatums", "ultimatum"),
    ("self-harm threat", "self-harm"),
    ("apologize", "apology"),
    ("ignoring", "ignore"),
    ("play hard to get", "ignore"),
    ("space", "give-space"),
    ("jelousy", "jealousy"),          # a near-miss spelling
    ("no contact rule", "no-contact"),
    ("friends and family", "friends"),
])
def test_aliases_and_forgiving_spellings(asked, meant):
    assert tactics.resolve(asked).name == meant


def test_several_words_may_be_passed_separately():
    assert tactics.resolve(["hot", "and", "cold"]).name == "hot-and-cold"
    assert tactics.explain(["double", "text"]).tactic.name == "double-text"


def test_no_spelling_names_two_tactics():
    seen: dict[str, str] = {}
    for t in tactics.tactics():
        for spelling in (t.name, *t.aliases):
            key = tactics._key(spelling)
            assert seen.setdefault(key, t.name) == t.name, (spelling, seen[key], t.name)


def test_unknown_tactic_names_close_matches_in_one_line():
    with pytest.raises(UnknownTopicError) as err:
        tactics.resolve("ultimatim threats")
    message = str(err.value)
    assert "\n" not in message
    assert "ultimatum" in message


def test_unknown_tactic_with_nothing_close_lists_some_known_names():
    with pytest.raises(UnknownTopicError) as err:
        tactics.resolve("qwxz")
    assert "jealousy" in str(err.value) and "\n" not in str(err.value)


def test_empty_name_is_an_error():
    with pytest.raises(UnknownTopicError):
        tactics.resolve("  -- ")


@pytest.mark.parametrize("name", MANIPULATION)
def test_manipulation_tactics_are_left_out_with_s3_and_s4_against(name):
    ex = tactics.explain(name)
    assert ex.tactic.stance == "left_out"
    assert ex.verdict == "olivebranch leaves this out"
    assert {"S3", "S4"} <= set(ex.sources_against)
    assert ex.sources_for, f"{name}: which source recommends it?"


def test_double_text_is_argued_against_by_s1_tip_6():
    ex = tactics.explain("double-text")
    assert "S1" in ex.sources_against
    assert "S1.6" in [c.item for c in ex.tactic.con]


def test_recommended_tactics_have_supporting_sources():
    for t in tactics.tactics():
        if t.stance in ("recommended", "with_care"):
            assert t.pro, t.name
        if t.stance in ("left_out", "avoid"):
            assert t.con, t.name


def test_every_claim_cites_a_real_source_item():
    known = item_ids()
    for t in tactics.tactics():
        assert t.stance in tactics.STANCES, t.name
        assert t.summary.strip(), t.name
        for c in (*t.pro, *t.con):
            assert c.item in known, (t.name, c.item)
            assert c.source in SOURCE_IDS
            assert c.says.strip()


def test_related_advice_exists_and_is_never_a_manipulative_do():
    known = {a.id for a in playbook.advice()}
    for t in tactics.tactics():
        assert set(t.related) <= known, (t.name, set(t.related) - known)
        assert tactics.explain(t.name).related, t.name


def test_left_out_tactics_link_to_a_left_out_entry():
    for t in tactics.tactics():
        if t.stance == "left_out":
            kinds = {a.kind for a in tactics.explain(t.name).related}
            assert "left_out" in kinds, t.name


def test_self_harm_comes_with_support_resources():
    ex = tactics.explain("self-harm")
    assert ex.resources
    assert tactics.explain("jealousy").resources == ()


def test_self_harm_is_met_with_care_and_kept_apart_from_a_pregnancy_trap():
    ex = tactics.explain("self-harm")
    words = " ".join([ex.tactic.summary, *(c.says for c in ex.tactic.con), *(a.text for a in ex.related)]).lower()
    assert "pregnan" not in words and "baby" not in words
    assert "support" in ex.tactic.summary and "you deserve care" in ex.tactic.summary.lower()
    assert tactics.explain("pregnancy").tactic.name == "baby-trap"
    assert tactics.explain("baby").resources == ()


def test_a_name_with_a_sign_of_self_harm_gets_the_self_harm_entry_and_support():
    for name in ("kill myself", "suicide", ["I", "have", "pills", "saved", "up"]):
        ex = tactics.explain(name)
        assert ex.tactic.support and ex.resources == support.resources("self_harm")
    with pytest.raises(UnknownTopicError):
        tactics.explain("flowers")


def test_a_tactic_named_is_not_screened_as_free_text(monkeypatch):
    """A question about a tactic gets no crisis panel, whatever the model makes of a short name alone."""
    for t in tactics.tactics():
        if not t.support:
            for spelling in (t.name, *t.aliases):
                assert tactics.explain(spelling.replace("-", " ")).resources == (), spelling
    monkeypatch.setattr(support, "screen_self_harm", lambda text: True)
    assert tactics.explain("give them space").resources == ()


def test_to_dict_shape():
    d = tactics.explain("jealousy").to_dict()
    assert d["tactic"] == "jealousy"
    assert d["stance"] == "left_out"
    assert d["for"][0].keys() == {"source", "item", "says"}
    assert {c["source"] for c in d["against"]} >= {"S3", "S4"}
    assert all({"id", "kind", "text", "sources"} <= r.keys() for r in d["related"])
    assert d["resources"] == []
