"""User-facing text that is not advice: one catalogue, so the tone stays kind.

Advice itself lives with its sources in ``olivebranch/data`` (the playbook).
Keep every line warm, plain and short; never shaming, never clinical, never
promising that someone will come back. Each area has its own section.
"""

# --- general -----------------------------------------------------------------
PRIVATE = "Everything stays on this computer. Nothing is sent anywhere."
STOPPED = "Stopped. Nothing was saved."
STDIN_CLOSED = "standard input is closed, so the {what} cannot be read from it"
QUESTIONS_NEED_STDIN = "standard input is closed, so the questions cannot be answered; run this in a terminal"
QUESTIONS_NEED_STDIN_OR_FILE = QUESTIONS_NEED_STDIN + ", or give your answers with --answers FILE"
STOPPED_PARTLY = "Stopped. {parts}."  # parts: what was saved and what was not, from the two below
STOPPED_SAVED = {
    "answers": "your answers are saved in {path}",
    "calendar": "the calendar file is saved in {path}",
}
STOPPED_NOT_SAVED = {
    "answers": "your answers were not saved",
    "calendar": "the calendar file was not saved",
}

# --- plan and assessment -------------------------------------------------------
WELCOME = (
    "Let's look at what happened, gently and one step at a time. "
    "There are no wrong answers, and you can press Enter to take the suggestion in brackets."
)
QUESTION_OF = "Question {n} of {total}"
CHOOSE_ONE = "Type a number"
CHOOSE_MANY = "Type the numbers that fit, separated by commas"
NOT_A_CHOICE = "Please type one of the numbers shown."
CHOICE_ALONE = "“{label}” can't go with the others. Please type it on its own, or only the ones that fit."
ANSWER_PROBLEM = "Sorry, that answer {problem}. Please try again."
NOT_A_DATE = "Please type a date like 2026-03-01."
DATE_IN_FUTURE = "That date is still to come. Please type a date up to today."
SINCE_LABELS = {
    "recent": "In the last week",
    "weeks": "A few weeks ago",
    "long": "More than two months ago",
}
SAFETY_STOP = (
    "Because of the abuse or threats you described, olivebranch recommends not "
    "reaching out to them. Your safety comes first, and you don't owe anyone contact."
)
SAFETY_STOP_IN_WORDS = (
    "What you wrote sounds like they have hurt or threatened you. olivebranch "
    "recommends not reaching out to them. Your safety comes first, and you don't owe anyone contact."
)
SAFETY_NO_CONTACT = (
    "They have blocked you or asked for no contact. olivebranch won't help you reach "
    "them, by any route or through anyone else. Your plan is about looking after "
    "yourself and, in time, moving on."
)
SAFETY_CAUTION = (
    "You mentioned {flags}. That can make a relationship harmful, so take the "
    "Decide step slowly, with the questions marked first, before anything else."
)
SAFETY_CLEAR = "Nothing you described suggests it is unsafe to reach out."
SAFETY_CLEAR_IN_CRISIS = (
    "Please look after yourself first. Reaching out to them can wait until you feel steadier; "
    "the plan below will still be here."
)
READING_TITLE = "What might be going on"
READING_INTRO = "These are possibilities, not verdicts. Only they know for sure."
MORE_REASONS = "Also possible: {titles}."
DECIDE_TITLE = "Questions for you first"
PLAN_TITLE = "Your plan"
NO_REASONS = "Your answers don't point to any one reason. That's fine: the plan still works."
SKIP_STOP = "Left out: after abuse or threats, the plan stops at Decide. Your safety comes first."
SKIP_STOP_SELF_CARE = (
    "No dates for this one, because it matters every day: lean on people you trust "
    "and on the services listed first, and go gently with yourself."
)
SKIP_NO_CONTACT = "Left out: they blocked you or asked for no contact, and that deserves respect."
SKIP_NO_CONTACT_SPACE = "Left out: no contact is not a pause to wait out, so there is nothing to time."
NOTE_STOP = "Your plan ends here. Please put your own safety first; the people listed can help, confidentially."
NOTE_DECIDE = "Take your time with these questions. Writing the answers down helps."
NOTE_NOT_SURE = "You're not sure yet what you want, so give this step a few days."
NOTE_MIN_WAIT = "Give yourself a couple of days to decide and reflect before you write."
NOTE_FIGHT = "After a fight, let at least two full days pass so you both cool down."
NOTE_BREAKUP = "After a breakup, give it at least a week before you write."
NOTE_SPACE_UNTIL = "They asked for space until {until}. Let that day pass before you write."
NOTE_SPACE_OPEN = (
    "They asked for space without a date. Your one message accepts that and leaves "
    "the next move to them."
)
NOTE_REFLECT_NO_CONTACT = "This is for your own understanding and peace, not to plan a way back in."
NOTE_SELF_CARE = "Keep this going the whole way through, whatever they do."
NOTE_ANGRY = "If you still feel angry on the day, move the message later. Words sent in anger rarely land well."
NOTE_ANXIOUS = "Waiting is hard when you feel anxious. Plan something for each of these days."
NOTE_REACH_OUT_AT = "Send it at a calm hour, around {time}. One message, then put the phone down."
APPROACHES = {
    "greeting": (
        "A light hello and one easy question about them. "
        "For example: \"Hi! I saw a poster for that band we liked and thought of you. How are things?\""
    ),
    "apology": (
        "A short apology that names what you did, with no 'but' and no request. "
        "For example: \"I'm sorry for what I said on Friday. It was unfair, and I've thought about it a lot.\""
    ),
    "open_door": (
        "Say how you feel in one line and leave the next step to them. "
        "For example: \"I miss our talks. No rush at all; if you ever want to catch up, I'd like that.\""
    ),
}
WANT_NOTES = {
    "friends": "You hope to be friends again, so keep it easy and friendly.",
    "closure": "If closure is what you want, say what matters once, kindly, and expect nothing back.",
}
NOTE_WAIT = "No second message before {earliest}. Live your life meanwhile."
NOTE_WAIT_OPEN_DOOR = "You left the door open, so the next move is theirs. Please don't follow up."
NOTE_WAIT_FOLLOW_UP = "After that, one gentle follow-up at most, and only if it feels right; then the move is theirs."
NOTE_PACE = "Only if they reply: match their pace and keep it light."
NOTE_DECIDE_AGAIN = (
    "A month after your message, check in with yourself. Nobody owes you a reply, "
    "and moving on is a good outcome too."
)
NOTE_DECIDE_AGAIN_NO_CONTACT = (
    "A month from now, notice how far you've come. Moving on is a good outcome, "
    "and if they ever get in touch, you can decide then."
)
PLAN_UNDATED = "when they reply"
SAVE_ANSWERS = "Save your answers to a file, so you can come back to them?"
SAVE_CALENDAR = "Save your plan as a calendar file (.ics) with reminders?"
SAVE_WHERE = "Where should it go?"
SAVE_WHERE_ELSE = "Where should it go instead? (press Enter to skip)"
SAVE_REPLACE = "There is already a file at {path}. Replace it?"
SAVE_FAILED = "Couldn't save to {path}: {why}. Please choose another place."
SAVE_NOT_OVER_ANSWERS = "That's where your answers are saved, so let's keep them. Please choose another place."
SAVED = "Saved to {path}."
CANNOT_SAVE = "cannot save to {path}: {why}"
# Files olivebranch would otherwise write over (the options' own names are added by the caller).
NOT_OVER_ANSWERS = "{path} is your answers file, so it is kept as it is; choose another name for the calendar"
ALREADY_A_FILE = "there is already a file at {path}; choose another name, or add --replace to replace it"
ALREADY_CHARTS = "{folder} already has charts in it ({names}); choose another folder, or add --replace to replace them"
REPLACE_ALONE = "--replace only goes with {option}, to replace what is already there"
OPTION_EMPTY_PATH = "the path is empty; give {what}"
OPTION_EMPTY_WANTS = {
    "file": "a file name",
    "file_or_stdin": "a file name, or '-' to read standard input",
    "folder": "a folder name",
}
OPTION_EMPTY_ZONE = "give a time zone name like Europe/London, or leave the option out to use this computer's"
# Why a file could not be written, by errno name (others use the system's words).
SAVE_WHY = {
    "no_name": "no file name was given",
    "folder": "it is a folder, so add a file name",
    "ENOENT": "there is no such folder",
    "ENOTDIR": "part of that path is a file, not a folder",
    "EACCES": "there is no permission to write there",
    "EPERM": "there is no permission to write there",
    "EROFS": "that place is read-only",
    "ENOSPC": "the disk is full",
    "ENAMETOOLONG": "the name is too long",
}

# --- timing --------------------------------------------------------------------
# Headlines, one per verdict ({when} is a local time such as "Tue 3 Mar, 20:00").
TIMING_HEADLINE = {
    "go": "Yes, you can send one message now.",
    "wait": "Not yet — wait until {when} (your time).",
    "their_move": "Not now — the next move is theirs.",
    "stop": "Please don't contact them.",
}
# Why each rule applied, in plain words.
TIMING_WHY = {
    "T1_block": "They blocked you and haven't been in touch since. That is their answer for now.",
    "T1_no_contact": "They asked for no contact and haven't been in touch since. That is their answer for now.",
    "T2": "You mentioned {flags}. Your safety comes first, so olivebranch won't help you reach out.",
    "T3_wait": "They asked for space until {until}. Giving them that time shows you heard them.",
    "T3_their_move": "They asked for space, and you have already answered since then. The next move is theirs.",
    "T3_go": "They asked for space. One short reply that respects it and leaves the next step to them is fine.",
    "T4": "There was a {event} {ago} and nobody has spoken since. Letting it cool for {cool_off} first gives you both a calmer start.",
    "T5_wait": "You reached out {ago} and haven't heard back yet. Give it until it is two days old.",
    "T5_open_door": "Your last message, {ago}, left the door open. The next move is theirs.",
    "T5_go": "Your last message, {ago}, hasn't had an answer. One gentle follow-up is fine; after that the next move is theirs.",
    "T5_many": "You have reached out {count} times since they last spoke. More would feel like pressure, so the next move is theirs.",
    "T6_go": "It is {local} where you are. A message at a calmer hour lands better, so wait until 08:00.",
    "T6_wait": "That time falls at night where you are, so it moves to 08:00 the next morning.",
}
# What to do, one per outcome.
TIMING_ADVICE = {
    "go": "Send one short, light message: a friendly hello and an easy question about them. Then give them room to answer in their own time.",
    "go_T3": "Send one short message that says you hear them and will give them room, and leave the next move to them.",
    "go_T5": "Send one gentle follow-up: short, warm, and with no pressure to reply. If it goes unanswered, let the next move be theirs.",
    "wait": "Hold off for now and let things settle. Meanwhile, put your energy into your own life: friends, rest, the things you enjoy.",
    "their_move": "You have done your part. Leave the next move to them, and keep your own life full while you wait.",
    "stop_T1": "Please don't reach out, not directly, not through friends, not on another app. Respecting their wish is the kindest thing you can do now.",
    "stop_T2": "olivebranch recommends not reaching out. Please put your own safety first and talk to someone you trust or a support service.",
    # A sign of self-harm in their words: care comes before any coaching on tone.
    "go_their_safety": (
        "What they wrote matters more than timing. Reach out with care: ask how they are and whether they "
        "are safe, and let them know you're there. If you think they are in danger now, call your local "
        "emergency number."
    ),
}
# Added to the advice of any other verdict when their words show a sign of self-harm.
TIMING_THEIR_SAFETY = "If you fear for their safety, don't wait: call your local emergency number."
TIMING_MOVE_ON = (
    "It has been {days} days since you last reached out. It may be time to decide "
    "whether to keep waiting. Letting go is a legitimate choice, not a failure, "
    "and you deserve peace either way."
)
TIMING_LOOK_AGAIN = {
    "wait": "Look again on {when} (your time).",
    "their_move": "Look again if they get in touch, or on {when}, to think about where things stand.",
    "go": "Once you have sent it, add it to your log; olivebranch will tell you when to look again.",
}
TIMING_FUTURE_EVENTS = {
    "one": "One event in the log is dated after now, so it was left out.",
    "many": "{count} events in the log are dated after now, so they were left out.",
}
TIMING_WHY_TITLE = "Why"
TIMING_ADVICE_TITLE = "What to do"
TIMING_MOVE_ON_TITLE = "Moving on"

# --- support (shown before anything else) ---------------------------------------
SUPPORT_TITLE = "Support first"
# After support for a sign of self-harm (in a draft to check, or a question to `why`):
# this line, and nothing more. Coaching on the wording would read as a rebuff.
AFTER_SUPPORT = (
    "Whatever happens with them, you matter, and you deserve care. "
    "If you can, reach out to one of these, or to someone you trust, today."
)
# After support, in `check` only: which words of the draft read as a sign of crisis, so a
# person who is safe (a kind goodbye misread) knows why, with no verdict or coaching.
CHECK_CRISIS_WORDS = "We paused on these words: {words}. If we read them wrong and you're safe, we're glad."
# ... and, when the rest of the check is not shown, how to see it.
CHECK_CRISIS_REST = "If you'd like our notes on the message too, check it again with --all."

# --- why -----------------------------------------------------------------------
WHY_VERDICT = {
    "recommended": "olivebranch recommends this",
    "with_care": "olivebranch recommends this, with care",
    "avoid": "olivebranch advises against this",
    "left_out": "olivebranch leaves this out",
}
WHY_FOR = "What the sources say for it"
WHY_AGAINST = "What the sources say against it"
WHY_NONE_FOR = "None of the sources recommends this."
WHY_NONE_AGAINST = "None of the sources argues against this."
WHY_RELATED = "Related advice"
WHY_ALSO = "also asked as"
WHY_LIST_TITLE = "Tactics olivebranch can explain"
WHY_LIST_HINT = "Ask about one with: olivebranch why NAME"
WHY_NEED_NAME = "name a tactic to explain, or use --list to see them all"
WHY_NAME_AND_LIST = "give either a tactic or --list, not both"
WHY_UNKNOWN = "there is no tactic called '{name}' here; {hint} (see 'olivebranch why --list')"
WHY_DID_YOU_MEAN = "did you mean {names}?"
WHY_SOME_KNOWN = "try, for example, {names}"

# --- check ---------------------------------------------------------------------
CHECK_HEADLINE = {
    "send": "This reads well. It's fine to send.",
    "revise": "This could land better with a few changes.",
    "dont_send": "Better not to send this as it is.",
}
CHECK_OTHER_LANGUAGE_HEADLINE = "olivebranch can't read this one for you."
CHECK_OTHER_LANGUAGE = (
    "This looks like {language}, and olivebranch only reads English, so it can't tell how your "
    "message will land. Read it once more as they would, before you send it."
)
# {language} above when olivebranch can tell it is not English but not which language it is.
CHECK_UNNAMED_LANGUAGE = "another language"
CHECK_MESSAGE_TITLE = "Your message"
CHECK_FLAGS_TITLE = "What might push them away"
CHECK_INSTEAD = "Try this: {suggestion}"
CHECK_STRENGTHS_TITLE = "What works"
CHECK_REWRITE_TITLE = "A gentler version"
# After the notes: what the ids in brackets stand for ("S1: Fourteen tips for reconnecting ...").
CHECK_SOURCES = "The ids in brackets name the articles each note draws on: {sources}."
CHECK_REWRITE_NONE = "No suggested version this time. Try the ideas above in your own words."
CHECK_NO_CONTACT_HEADLINE = "The wording is kind, but they've asked not to hear from you."
CHECK_NO_CONTACT = (
    "You wrote that they blocked you or asked for no contact. Respecting that is the kindest thing "
    "now, so olivebranch won't suggest any wording. If there's something you need to say, writing it "
    "down for yourself, unsent, can help."
)
CHECK_WHOLE_MESSAGE = "the whole message"
CHECK_MORE_QUOTES = "and {n} more"
CHECK_NEED_TEXT = "give the message to check, '-' to read it from standard input, or --jsonl FILE"
CHECK_TEXT_AND_JSONL = "give either a message or --jsonl FILE, not both"
CHECK_DASH_AND_TEXT = "give either the message or '-' to read it from standard input, not both"

# --- signals -------------------------------------------------------------------
SIGNALS_REPLY_CHANGE = "Their replies went from {before} to {after}, a change that shows from {since}."
SIGNALS_SHORTER = "Their messages got shorter: {before} each in {first}, {after} in {last}."
SIGNALS_LONGER = "Their messages got longer: {before} each in {first}, {after} in {last}."
SIGNALS_VOLUME = "They sent {before} messages in {first} and {after} in {last}."
SIGNALS_STARTS = "You started {mine} of the last {total} conversations."
SIGNALS_SILENCE = "Their last message was {duration} ago."
SIGNALS_NO_REPLY = "There are no messages from them in this chat yet."
SIGNALS_STEADY = "Nothing changed much from month to month, as far as the messages show."
SIGNALS_CAVEAT = (
    "These figures describe the messages, not the person: a quieter chat can have many reasons, "
    "and only they can tell you theirs."
)
SIGNALS_CHARTS_WRITTEN = "Charts saved in {folder}:"
SIGNALS_CLOCK_BEHIND = (
    "the last message in this export ({last}) is later than this computer's clock ({clock}), "
    "so the phone's clock is probably ahead; add --now with the time on the phone, like --now {last}"
)
