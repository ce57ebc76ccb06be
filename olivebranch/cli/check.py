"""The `check` command: read a draft before you send it. (SPEC 5)

A thin layer over :func:`olivebranch.check.check`: read the draft, make one
call, print the result (readable, ``--json``, or one JSON line per draft with
``--jsonl``). The check and its model are imported inside the command, so
``olivebranch --help`` never loads them.
"""


import typer

from olivebranch import messages
from olivebranch.boundary import says_no_contact
from olivebranch.cli.app import WORDS, command
from olivebranch.cli.output import (
    answer_jsonl, console, is_plain, path_option, print_hanging, print_json, print_self_harm_support, print_wrapped,
    read_text, visible,
)
from olivebranch.errors import InputError

SEVERITY_STYLE = {"high": "bold red", "medium": "bold yellow", "low": "bold cyan"}


@command()
def check(
    ctx: typer.Context,
    text: list[str] | None = typer.Argument(
        None, metavar="TEXT", click_type=WORDS, show_default=False,
        help="The message you are thinking of sending (quote it); '-' reads standard input.",
    ),
    jsonl: str | None = typer.Option(
        None, "--jsonl", metavar="FILE", callback=path_option("file_or_stdin"),
        help="One draft per line as {\"id\": ..., \"text\": ...}; prints one JSON line each ('-' reads stdin).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    everything: bool = typer.Option(
        False, "--all", help="After support for a sign of crisis, show the rest of the check too (for a draft we misread).",
    ),
) -> None:
    """Check a draft before you send it: what may push them away, what works, and a gentler version.

    The verdict is send, revise or dont_send. Each flag points at the words
    that raised it, says why and what to do instead. Nothing is sent anywhere.
    Blank lines in a --jsonl file are skipped.
    """
    if jsonl is not None:
        if text:
            raise typer.BadParameter(messages.CHECK_TEXT_AND_JSONL, ctx=ctx)
        answer_jsonl(read_text(jsonl, "JSON Lines file"), _answer, "a draft")
        return
    if not text:
        raise typer.BadParameter(messages.CHECK_NEED_TEXT, ctx=ctx)
    if text[0] == "-" and len(text) > 1:  # `check - extra` would check the words "- extra"
        raise typer.BadParameter(messages.CHECK_DASH_AND_TEXT, ctx=ctx)
    draft = read_text("-", "draft").rstrip("\r\n") if text == ["-"] else " ".join(text)

    from olivebranch.check import check as check_draft

    result = check_draft(draft)
    if as_json:
        if result.language:  # SPEC 5 fixes the JSON's shape: the person reads this on stderr
            print_hanging(console(stderr=True), _other_language(result.language), "")
        print_json(result.to_dict())
    else:
        show(result, everything=everything)


def _answer(data: dict) -> dict:
    """One JSON Lines draft's check."""
    from olivebranch.check import check as check_draft

    if "text" not in data:
        raise InputError("missing", field="text")
    if not isinstance(data["text"], str):
        raise InputError("expected the message as text", field="text")
    return check_draft(data["text"]).to_dict()


def show(result, *, everything: bool = False) -> None:
    """Print a result for a person: the verdict, the message, flags, strengths and a rewrite.

    A sign of self-harm gets support and one kind line instead, as ``why``
    gives, then the words that read as one, so someone who is safe (a kind
    goodbye misread) knows why: the person matters more than the message (SPEC 7), and a verdict,
    notes on the wording or a gentler version would read as a rebuff. Someone
    we misread is told how to see the rest, which ``everything`` (``--all``)
    shows after the support. --json
    keeps every flag, resources first, for programs. A draft in a language
    the check cannot read gets a note saying so, and neither "what works"
    nor a gentler version, which it could not stand behind. A draft that says
    they blocked the person or asked for no contact gets a note on that, and
    no gentler version (SPEC 7).
    """
    from rich.text import Text

    from olivebranch.check.codes import flag_info, strength_info

    out = console()
    plain = is_plain(out)

    def title(words: str, style: str = "bold") -> None:
        print_wrapped(out, words, style)

    def para(words: str, first: str = "  ", rest: str = "  ", style: str = "") -> None:
        print_hanging(out, Text(words, style=style), first, rest)

    def bullet(words: str) -> None:
        para(words, "  • ", "    ")

    if result.resources:
        print_self_harm_support(out)
        crisis = [flag for flag in result.flags if flag.code == "self_harm"]
        if crisis:  # resources come with a self_harm flag; the guard keeps a future source of them safe
            out.print()
            para(messages.CHECK_CRISIS_WORDS.format(words=", ".join(_quote(result.text, f) for f in crisis)), "", "")
        if not everything:
            para(messages.CHECK_CRISIS_REST, "", "")
            return
        out.print()

    boundary = says_no_contact(result.text)
    if result.language and result.verdict == "send":
        title(messages.CHECK_OTHER_LANGUAGE_HEADLINE)
    elif boundary and result.verdict == "send":  # not "fine to send" to someone who asked for no contact
        title(messages.CHECK_NO_CONTACT_HEADLINE)
    else:
        title(messages.CHECK_HEADLINE[result.verdict])
    if result.language:
        para(_other_language(result.language), "", "")
    if boundary:  # SPEC 7: whatever the verdict, no help writing to them
        para(messages.CHECK_NO_CONTACT, "", "")
    out.print()
    title(messages.CHECK_MESSAGE_TITLE)
    print_hanging(out, message_text(result.text, result.flags, plain=plain), "  ", "  ")

    if result.flags:
        out.print()
        title(messages.CHECK_FLAGS_TITLE)
        for same_code in _by_code(result.flags):
            flag = same_code[0]
            info = flag_info(flag.code)
            words = _quotes(result.text, same_code)
            # assembled, not Text(title, style) + Text(...): the sum takes the title's style for the whole line
            head = Text.assemble((info.title, "" if plain else SEVERITY_STYLE[flag.severity]), f": {words}")
            print_hanging(out, head, "  • ", "    ")
            para(f"{info.why} ({', '.join(flag.sources)})", "    ", "    ")
            para(messages.CHECK_INSTEAD.format(suggestion=flag.suggestion), "    ", "    ")
        out.print()
        para(_legend(result.flags), "  ", "  ", "" if plain else "dim")
    if result.strengths and not result.language:
        out.print()
        title(messages.CHECK_STRENGTHS_TITLE)
        for code in result.strengths:
            info = strength_info(code)
            bullet(f"{info.title}. {info.note}")
    if result.verdict != "send" and not result.language and not boundary:
        out.print()
        title(messages.CHECK_REWRITE_TITLE)
        para(result.rewrite or messages.CHECK_REWRITE_NONE)


def _legend(flags) -> str:
    """What the source ids after the notes stand for, each once, in id order."""
    from olivebranch.sources import sources

    ids = sorted({sid for flag in flags for sid in flag.sources})
    return messages.CHECK_SOURCES.format(sources="; ".join(f"{sid}, “{sources()[sid].title}”" for sid in ids))


def _other_language(language: str) -> str:
    """The note for a draft in a language the check cannot read, naming it when the check is sure which."""
    from olivebranch.check.language import UNNAMED

    name = messages.CHECK_UNNAMED_LANGUAGE if language == UNNAMED else language
    return messages.CHECK_OTHER_LANGUAGE.format(language=name)


def message_text(text: str, flags, *, plain: bool):
    """The draft as a Rich ``Text``, flagged words in colour or, when ``plain``, in [[markers]].

    Its control characters are shown, not obeyed (the same length, so the
    flags' spans still fall on their words).
    """
    from rich.text import Text

    from olivebranch.check.highlight import marked, segments

    text = visible(text)
    if plain:
        return Text(marked(text, flags))
    body = Text()
    for seg in segments(text, flags):
        body.append(seg.text, style=f"{SEVERITY_STYLE[seg.severity]} underline" if seg.flagged else "")
    return body


def _by_code(flags) -> list[list]:
    """The flags grouped by code, in order of each code's first flag: one explanation per code."""
    groups: dict[str, list] = {}
    for flag in flags:
        groups.setdefault(flag.code, []).append(flag)
    return list(groups.values())


def _quotes(text: str, flags, most: int = 3) -> str:
    """The words of one code's flags, each quoted once, the first ``most`` of them, and how many more."""
    quotes = list(dict.fromkeys(_quote(text, f) for f in flags))
    shown = ", ".join(quotes[:most])
    if len(quotes) > most:
        shown += " " + messages.CHECK_MORE_QUOTES.format(n=len(quotes) - most)
    return shown


def _quote(text: str, flag, limit: int = 60) -> str:
    """The flagged words in quotes, shortened if long; the whole message is named, not quoted.

    Without the full stop or comma that ends a sentence flagged whole: “im so tired of this job lol”.
    """
    words = visible(" ".join(text[flag.start:flag.end].split())).strip(".,;: ")
    if flag.code == "wall_of_text":
        return messages.CHECK_WHOLE_MESSAGE
    return f"“{_shorten(words, limit)}”"


def _shorten(words: str, limit: int) -> str:
    """``words`` cut to at most ``limit`` characters at a word's end, with "…"; a single longer word is cut anyway."""
    if len(words) <= limit:
        return words
    cut = words[: limit - 1]
    if not words[limit - 1].isspace() and " " in cut:
        cut = cut.rsplit(" ", 1)[0]  # the last word would be cut through: leave it out
    return cut.rstrip(" ,;:-–—") + "…"
