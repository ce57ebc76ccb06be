"""Reading the situation: the questionnaire, the answers and the assessment.

The questionnaire is data (``olivebranch/data/questions.toml``), as are the
ten reasons someone may go quiet (``olivebranch/data/reasons.toml``, SPEC 4).
:class:`Answers` validates what a person answered; :func:`assess` turns it
into an :class:`Assessment`: the likely reasons ranked by a transparent score,
the red-flag screen (SPEC 2 Decide, SPEC 7), the Decide-step questions and
any support resources to show first. Pure: no I/O, no clock (``today`` is
passed in).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, StrictBool, ValidationError, field_validator, model_validator

from olivebranch import messages
from olivebranch.data import read_toml
from olivebranch.errors import InputError
from olivebranch.scenario import MAX_YEAR, MIN_YEAR
from olivebranch.support import Support, block, describes_abuse, screen_self_harm

QuestionType = Literal["choice", "multi-choice", "date", "text", "yes-no"]
SafetyLevel = Literal["stop", "no_contact", "caution", "clear"]

STOP_FLAGS = ("abuse", "threats")
CAUTION_FLAGS = ("coercion", "disrespect", "cheating")
NOTE_MAX_CHARS = 2000
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The years a plan can hold, as the timing guard reads them: far from datetime's
# limits, so the days counted on from a date (a cool-off, a review) cannot overflow.
OUT_OF_RANGE = f"{{day}} is out of range (use a date in the years {MIN_YEAR} to {MAX_YEAR})"
# How a list answer is written, for the message when one comes as plain text.
LIST_EXAMPLES = {"red_flags": '["none"] or ["coercion", "cheating"]', "feelings": '["sad", "anxious"]'}


# --- the questionnaire -----------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    """One answer a choice question offers: its id (used in answer files) and label.

    ``alone`` marks a choice that cannot be picked with others ("None of these").
    """

    id: str
    label: str
    alone: bool = False


@dataclass(frozen=True)
class Question:
    """One question of the questionnaire.

    ``number`` is its place in the count shown to the person ("Question 3 of
    9"); a follow-up (``follows`` names the yes-no question it follows) shares
    the number of that question.
    """

    id: str
    number: int
    prompt: str
    type: QuestionType
    choices: tuple[Choice, ...] = ()
    default: Any = None
    optional: bool = False
    hint: str = ""
    follows: str | None = None
    yes_label: str = ""
    yes_if: tuple[str, Any] | None = None
    not_after_today: bool = False

    def choice_ids(self) -> tuple[str, ...]:
        """The ids of this question's choices, in order."""
        return tuple(c.id for c in self.choices)

    def suggestion(self, earlier: dict[str, Any], today: date) -> Any:
        """The default to offer, given the ``earlier`` answers (``"today"`` becomes ``today``)."""
        if self.yes_if and earlier.get(self.yes_if[0]) == self.yes_if[1]:
            return True
        if self.default == "today" and self.type == "date":
            return today
        return self.default

    def clashing(self, picked: tuple[str, ...] | list[str]) -> Choice | None:
        """The choice in ``picked`` that should stand alone but comes with others, if any."""
        if len(picked) < 2:
            return None
        return next((c for c in self.choices if c.alone and c.id in picked), None)

    def label(self, choice_id: str) -> str:
        """The label of choice ``choice_id`` (the id itself if unknown)."""
        return next((c.label for c in self.choices if c.id == choice_id), choice_id)

    def to_dict(self) -> dict:
        """The question as a JSON-ready dict."""
        return {
            "id": self.id,
            "number": self.number,
            "prompt": self.prompt,
            "type": self.type,
            "choices": [{"id": c.id, "label": c.label} for c in self.choices],
            "default": self.default,
            "optional": self.optional,
            "hint": self.hint,
            "follows": self.follows,
        }


@dataclass(frozen=True)
class DecideQuestion:
    """A question to ask yourself at the Decide step, with its sources.

    ``emphasised`` is set in an assessment when a red flag calls for caution.
    """

    text: str
    sources: tuple[str, ...]
    caution: bool = False
    emphasised: bool = False

    def to_dict(self) -> dict:
        """The question as a JSON-ready dict."""
        return {"text": self.text, "sources": list(self.sources), "emphasised": self.emphasised}


@cache
def _questions_data() -> dict:
    return read_toml("questions.toml")


@cache
def questions() -> tuple[Question, ...]:
    """Every question of the questionnaire, in the order it is asked."""
    out: list[Question] = []
    number = 0
    for row in _questions_data()["question"]:
        if not row.get("follows"):
            number += 1
        out.append(
            Question(
                id=row["id"],
                number=number,
                prompt=row["prompt"],
                type=row["type"],
                choices=tuple(Choice(**c) for c in row.get("choices", ())),
                default=row.get("default"),
                optional=row.get("optional", False),
                hint=row.get("hint", ""),
                follows=row.get("follows"),
                yes_label=row.get("yes_label", ""),
                yes_if=(row["yes_if"]["answer"], row["yes_if"]["is"]) if "yes_if" in row else None,
                not_after_today=row.get("not_after_today", False),
            )
        )
    return tuple(out)


def question_count() -> int:
    """How many numbered questions there are (follow-ups share a number)."""
    return max(q.number for q in questions())


def question(question_id: str) -> Question:
    """The question with id ``question_id`` (a ``KeyError`` if there is none)."""
    for q in questions():
        if q.id == question_id:
            return q
    raise KeyError(question_id)


@cache
def decide_questions(after_harm: bool = False) -> tuple[DecideQuestion, ...]:
    """The Decide-step questions (S3 1, S2 "Is he worth it?"), in our words.

    ``after_harm``: the ones for after abuse or threats, about safety and
    support rather than whether to try again.
    """
    return tuple(
        DecideQuestion(text=r["text"], sources=tuple(r["sources"]), caution=r.get("caution", False))
        for r in _questions_data()["decide_after_harm" if after_harm else "decide"]
    )


# --- the answers -----------------------------------------------------------------


def in_range(day: date) -> bool:
    """Whether a plan can hold ``day``: a year from :data:`MIN_YEAR` to :data:`MAX_YEAR`."""
    return MIN_YEAR <= day.year <= MAX_YEAR


def check_day(day: date, field: str) -> date:
    """``day``, if a plan can hold it (:func:`in_range`); else an :class:`InputError` naming ``field``."""
    if not in_range(day):
        raise InputError(OUT_OF_RANGE.format(day=day.isoformat()), field=field)
    return day


def _check_choice(field: str, value: str) -> str:
    allowed = question(field).choice_ids()
    if value not in allowed:
        raise ValueError(f"'{value}' is not one of {', '.join(allowed)}")
    return value


def _check_choices(field: str, values: tuple[str, ...]) -> tuple[str, ...]:
    for v in values:
        _check_choice(field, v)
    values = tuple(dict.fromkeys(values))  # drop repeats, keep order
    clash = question(field).clashing(values)
    if clash is not None:
        raise ValueError(f"'{clash.id}' cannot be combined with other choices")
    return values


class Answers(BaseModel):
    """What a person answered, validated. Keys are the question ids.

    Use :meth:`from_dict` for input from outside (a file, a form): it turns
    validation problems into one :class:`InputError` naming the field.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    relationship: str
    what_happened: str
    happened_on: date
    # Strict: "yes", "false", 1 or 0 are refused like any other wrong type, not guessed at.
    asked_for_space: StrictBool = False
    space_until: date | None = None
    no_contact: StrictBool = False
    red_flags: tuple[str, ...] = ()
    feelings: tuple[str, ...] = ()
    feelings_note: str = ""
    want: str = "not_sure"

    @field_validator("happened_on", "space_until", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        if value is None or isinstance(value, date):
            return value
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
            raise ValueError(f"{value!r} is not a date like 2026-03-01")
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a real date") from None

    @field_validator("happened_on", "space_until")
    @classmethod
    def _in_range(cls, value: date | None) -> date | None:
        if value is not None and not in_range(value):
            raise ValueError(OUT_OF_RANGE.format(day=value.isoformat()))
        return value

    @field_validator("relationship", "what_happened", "want")
    @classmethod
    def _one_choice(cls, value: str, info) -> str:
        return _check_choice(info.field_name, value)

    @field_validator("red_flags", "feelings", mode="before")
    @classmethod
    def _as_list(cls, value: Any, info) -> Any:
        if isinstance(value, str):
            raise ValueError(f"should be a list, like {LIST_EXAMPLES[info.field_name]}")
        return value

    @field_validator("red_flags", "feelings")
    @classmethod
    def _many_choices(cls, value: tuple[str, ...], info) -> tuple[str, ...]:
        return _check_choices(info.field_name, value)

    @field_validator("red_flags")
    @classmethod
    def _none_is_empty(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(v for v in value if v != "none")  # on its own, as _many_choices made sure

    @field_validator("feelings_note")
    @classmethod
    def _short_note(cls, value: str) -> str:
        if len(value) > NOTE_MAX_CHARS:
            raise ValueError(f"is too long (at most {NOTE_MAX_CHARS} characters)")
        return value.strip()

    @model_validator(mode="after")
    def _until_needs_space(self) -> "Answers":
        if self.space_until is not None and not self.space_requested:
            raise ValueError("space_until: only applies when they asked for space (set asked_for_space to true)")
        return self

    @model_validator(mode="after")
    def _until_not_before_it_happened(self) -> "Answers":
        if self.space_until is not None and self.space_until < self.happened_on:
            raise ValueError(
                f"space_until: is before the day it happened ({self.happened_on.isoformat()}), "
                "so it cannot be when their break ends"
            )
        return self

    @property
    def space_requested(self) -> bool:
        """Whether they asked for space, in either question."""
        return self.asked_for_space or self.what_happened == "asked_for_space"

    @classmethod
    def from_dict(cls, data: Any) -> "Answers":
        """Validate ``data`` (parsed JSON); an :class:`InputError` naming the field if it is bad."""
        if not isinstance(data, dict):
            raise InputError("the answers must be a JSON object with one key per question", field="answers")
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise _input_error(exc) from None

    @classmethod
    def problem_with(cls, data: dict[str, Any], field: str) -> str | None:
        """What is wrong with the answer to ``field`` in ``data``, by these same rules, or ``None``.

        For answers given one at a time: questions not answered yet are not a
        problem, so each answer can be checked (and asked again) as it is given.
        """
        try:
            cls.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                where, msg = _describe(err)
                if err["type"] != "missing" and re.split(r"[.\[]", where, maxsplit=1)[0] == field:
                    return msg
        return None

    def to_dict(self) -> dict:
        """The answers as a JSON-ready dict, in the answers-file format."""
        out = self.model_dump(mode="json")
        out["red_flags"] = list(self.red_flags) or ["none"]
        out["feelings"] = list(self.feelings)
        return out


def _input_error(exc: ValidationError) -> InputError:
    field, msg = _describe(exc.errors(include_url=False)[0])
    return InputError(msg, field=field)


def _describe(err: dict) -> tuple[str, str]:
    """The field a pydantic error is about, and what is wrong with it, in plain words."""
    loc = [str(p) for p in err["loc"]]
    field = loc[0] if loc else "answers"
    for part in loc[1:]:
        field += f"[{part}]" if part.isdigit() else f".{part}"
    kind = err["type"]
    msg = str(err.get("msg", "is not valid"))
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    if not loc and ": " in msg:  # model-level checks name their field first
        field, msg = msg.split(": ", 1)
    if kind == "missing":
        msg = "is missing; every answers file needs it"
    elif kind == "extra_forbidden":
        known = ", ".join(q.id for q in questions())
        msg = f"is not a question olivebranch asks (the questions are: {known})"
    elif kind.startswith("bool"):
        msg = "should be true or false"
    elif kind in ("tuple_type", "list_type"):
        msg = "should be a list"
    elif kind == "string_type":
        msg = "should be text"
    return field, msg


# --- the assessment -----------------------------------------------------------------


@dataclass(frozen=True)
class Sign:
    """An answer that points to a reason, how many points it adds, and why."""

    answer: str
    value: str | bool
    label: str
    points: int
    note: str

    def to_dict(self) -> dict:
        """The sign as a JSON-ready dict."""
        return {"answer": self.answer, "value": self.value, "label": self.label, "points": self.points, "note": self.note}


@dataclass(frozen=True)
class Reason:
    """One likely reason they went quiet, with its score and the signs behind it."""

    id: str
    title: str
    summary: str
    helps: tuple[str, ...]
    sources: tuple[str, ...]
    score: int
    signs: tuple[Sign, ...]

    def to_dict(self) -> dict:
        """The reason as a JSON-ready dict."""
        return {
            "id": self.id,
            "title": self.title,
            "summary": self.summary,
            "helps": list(self.helps),
            "sources": list(self.sources),
            "score": self.score,
            "signs": [s.to_dict() for s in self.signs],
        }


@dataclass(frozen=True)
class Safety:
    """The red-flag screen: how cautious to be, which flags were raised, and what it means."""

    level: SafetyLevel
    flags: tuple[str, ...]
    no_contact: bool
    message: str

    def to_dict(self) -> dict:
        """The screen as a JSON-ready dict."""
        return {"level": self.level, "flags": list(self.flags), "no_contact": self.no_contact, "message": self.message}


@dataclass(frozen=True)
class Assessment:
    """The reading of one situation, from :func:`assess`."""

    answers: Answers
    today: date
    days_since: int
    safety: Safety
    reasons: tuple[Reason, ...]
    decide: tuple[DecideQuestion, ...]
    support: tuple[Support, ...]

    @property
    def space_until(self) -> date | None:
        """The date they asked for space until, if they named one."""
        return self.answers.space_until

    def to_dict(self) -> dict:
        """The assessment as a JSON-ready dict (support first, as it is shown)."""
        return {
            "support": [s.to_dict() for s in self.support],
            "today": self.today.isoformat(),
            "days_since": self.days_since,
            "safety": self.safety.to_dict(),
            "reasons": [r.to_dict() for r in self.reasons],
            "decide": [d.to_dict() for d in self.decide],
            "answers": self.answers.to_dict(),
        }


@cache
def _reason_rows() -> tuple[dict, ...]:
    return tuple(read_toml("reasons.toml")["reason"])


def reason_ids() -> tuple[str, ...]:
    """The ids of the ten reasons, in file order."""
    return tuple(r["id"] for r in _reason_rows())


def _since(days: int) -> str:
    return "recent" if days <= 7 else "weeks" if days <= 60 else "long"


def _facts(answers: Answers, days_since: int) -> dict[str, Any]:
    facts: dict[str, Any] = answers.model_dump()
    facts["asked_for_space"] = answers.space_requested
    facts["since"] = _since(days_since)
    return facts


def _matches(facts: dict[str, Any], answer: str, value: Any) -> bool:
    have = facts.get(answer)
    if isinstance(have, (tuple, list)):
        return value in have
    return have == value


def _sign_label(answer: str, value: Any) -> str:
    if answer == "since":
        return messages.SINCE_LABELS[value]
    q = question(answer)
    if q.type == "yes-no":
        return q.yes_label if value else f"{q.prompt} No"
    return q.label(value)


def rank_reasons(answers: Answers, days_since: int) -> tuple[Reason, ...]:
    """The reasons with at least one matching sign, highest score first (ties: file order)."""
    facts = _facts(answers, days_since)
    ranked: list[Reason] = []
    for row in _reason_rows():
        signs = tuple(
            Sign(s["answer"], s["is"], _sign_label(s["answer"], s["is"]), s["points"], s["note"])
            for s in row["signs"]
            if _matches(facts, s["answer"], s["is"])
        )
        if not signs:
            continue
        ranked.append(
            Reason(
                id=row["id"],
                title=row["title"],
                summary=row["summary"],
                helps=tuple(row["helps"]),
                sources=tuple(row["sources"]),
                score=sum(s.points for s in signs),
                signs=signs,
            )
        )
    return tuple(sorted(ranked, key=lambda r: -r.score))  # sorted() is stable: ties keep file order


def screen(answers: Answers, crisis: bool = False) -> Safety:
    """The red-flag screen (SPEC 2 Decide, SPEC 7).

    Abuse or threats told in the feelings note count as the red flag
    (:func:`olivebranch.support.describes_abuse`). ``crisis`` says the note
    showed a sign of self-harm: then nothing is called safe to reach out.
    """
    flags = answers.red_flags
    if any(f in STOP_FLAGS for f in flags):
        return Safety("stop", flags, answers.no_contact, messages.SAFETY_STOP)
    if describes_abuse(answers.feelings_note):
        return Safety("stop", flags, answers.no_contact, messages.SAFETY_STOP_IN_WORDS)
    caution = [question("red_flags").label(f).lower() for f in flags if f in CAUTION_FLAGS]
    if answers.no_contact:
        text = messages.SAFETY_NO_CONTACT
        if caution:
            text += " " + messages.SAFETY_CAUTION.format(flags="; ".join(caution))
        return Safety("no_contact", flags, True, text)
    if caution:
        return Safety("caution", flags, False, messages.SAFETY_CAUTION.format(flags="; ".join(caution)))
    return Safety("clear", flags, False, messages.SAFETY_CLEAR_IN_CRISIS if crisis else messages.SAFETY_CLEAR)


def assess(answers: Answers, today: date) -> Assessment:
    """Read the situation described by ``answers`` as of ``today``."""
    if answers.happened_on > today:
        raise InputError(f"{answers.happened_on.isoformat()} is after today ({today.isoformat()})", field="happened_on")
    days_since = (today - answers.happened_on).days
    crisis = screen_self_harm(answers.feelings_note)
    safety = screen(answers, crisis)

    support: list[Support] = [block("self_harm")] if crisis else []
    if safety.level == "stop":
        support.append(block("abuse"))

    if safety.level == "stop":
        # Reasons for their silence would only pull attention back to them.
        reasons: tuple[Reason, ...] = ()
    else:
        reasons = rank_reasons(answers, days_since)
        if safety.no_contact:
            # "What helps" is about getting back in touch, which is off the table (SPEC 7).
            reasons = tuple(
                Reason(r.id, r.title, r.summary, (), r.sources, r.score, r.signs) for r in reasons
            )

    if safety.level == "stop":
        decide = decide_questions(after_harm=True)
    else:
        emphasise = any(f in CAUTION_FLAGS for f in answers.red_flags)
        decide = tuple(
            DecideQuestion(q.text, q.sources, q.caution, emphasised=emphasise and q.caution)
            for q in decide_questions()
        )
        if emphasise:
            decide = tuple(sorted(decide, key=lambda q: not q.emphasised))

    return Assessment(
        answers=answers,
        today=today,
        days_since=days_since,
        safety=safety,
        reasons=reasons,
        decide=decide,
        support=tuple(support),
    )
