"""Scraping noise removal: page furniture (ads, navigation, credits, share widgets, legal links, bylines,
timestamps, language menus) told apart from article content by rule families, never by a list of known lines.

Labels are matched at the start of a short line (ad slots, "Read more"/"Also read:"/"Topics:" navigation,
photo/image/video credits, share/follow widgets, legal links, wire attribution), phrases anywhere in a short line
(app and newsletter calls to action, "click here", ad-free offers, stock-photo agencies, "follow us on",
copyright); bylines, lone timestamps, "5 min read" and menus of language names (pycountry) are recognised by
their shape. Inline credits like "(Photo: ...)" are cut out of sentences (``_INLINE_CREDIT``).
"""

import re
from functools import cache

import ahocorasick
import pycountry

from pipeline.clean.sentences import _ends_sentence

# Rule families, each a pattern that must match a whole short line (or sentence). Short means at most
# _BOILERPLATE_MAX_WORDS words, so a real sentence that merely mentions "subscribe" or "photo" survives.

_BOILERPLATE_MAX_WORDS = 25

# Each family has labels, matched at the start of the line, and phrases, found anywhere in it.
_BOILERPLATE_LABELS: dict[str, str] = {
    # Ad slots.
    "call_to_action": r"\W*(advertisement|sponsored(\s+content)?|promoted|ad)\W*$",
    # Navigation to other content, as a label followed by a separator or nothing ("Read more", "Also read:",
    # "Topics: ..."), and "More stories from ...".
    "navigation": r"""
        \W*(read\s+more|also\s+read|read\s+also|must\s+read|don'?t\s+miss|see\s+also
            |related(\s+(stories|articles|news))?|recommended(\s+for\s+you)?|trending(\s+now)?|top\s+stories
            |latest\s+news|watch(\s+video)?|listen|continue\s+reading|next\s+story|previous\s+story
            |back\s+to\s+top|topics|tags|filed\s+under|first\s+published|explained|opinion
            |breaking(\s+news)?)\s*([:|»>\-–—]|$)
        | \W*(read\s+more|more|see\s+more)\s+(stories|news|articles|coverage|videos)?\s*(from|on|about|at)\b
    """,
    # Photo, image and video credits.
    "media_credit": r"""
        \W*(photos?|photograph|pictures?|pic|images?|video|file\s+(photo|image|picture)|image\s+source
            |(photo|image|picture)\s+(credits?|courtesy)|credits?|courtesy|source)\s*([:|/\-–—]|$)
        | \W*(file|representative|representational)\s+(photo|image|picture|pic)\b
        | \W*(photo|image|picture)\s+(credit|courtesy|source|by)\b
    """,
    # Share and follow widgets, lines made of social network names, lines made of hashtags only ("#Summit #China
    # #Russia": a post's tags, whose words would otherwise read as a sentence naming countries and a summit).
    "social": r"""
        \W*(share|share\s+this(\s+(article|story|post|page))?|follow\s+us|like\s+us|copy\s+link|print
            |e-?mail)\W*$
        | \W*(share|follow)\b.*\b(on|via)\s+
            (facebook|twitter|x|whatsapp|telegram|linkedin|instagram|youtube)\b
        | (\W*(facebook|twitter|x|whatsapp|telegram|linkedin|reddit|instagram|youtube|e-?mail|print
            |pinterest|share|copy\s+link)\W*){2,}$
        | (\s*\#[\w-]+[,;]?){2,}\s*$
    """,
    # Legal links.
    "legal": r"(\W*(privacy\s+policy|terms\s+of\s+(use|service)|cookie\s+policy|contact\s+us|about\s+us)"
    r"\W*)+$",
    # Wire attribution without content: "(With inputs from PTI)", "Edited by ...", "(ANI)".
    "attribution": r"""
        \W*(with\s+inputs\s+from|inputs\s+from|edited\s+by|written\s+by|reported\s+by|compiled\s+by)\b
        | \(\s*[a-z]{2,6}\s*\)$
    """,
}
# A phrase family is searched only in lines holding one of its trigger substrings (lowercase): a few
# substring tests are far cheaper than a regex search, and almost no line of an article holds a trigger.
# fmt: off
_BOILERPLATE_PHRASES: dict[str, tuple[tuple[str, ...], str]] = {
    # Calls to action: apps, newsletters, ad-free offers, notifications, sign-ups, "click here".
    "call_to_action": (
        ("download", "install", "get the", "get our", "subscribe", "sign up", "signup", "newsletter",
         "register", "log in", "login", "sign in", "signin", "click here", "tap here", "ads", "ad-free",
         "ad free", "notifications", "join"),
        r"""
        \b(download|install|get)\s+(the|our)\s+([\w-]+\s+){0,3}apps?\b
        | \b(subscribe\s+(to|now|for|here|today)|sign\s?up\s+(for|to|now|here)
            |(our|free|daily|weekly|e-?mail)\s+newsletters?|register\s+(now|here|for\s+free)
            |(log\s?in|sign\s?in)\s+to\s+(continue|read|comment))\b
        | \b(click|tap)\s+here\b
        | \b(tired\s+of|too\s+many)\b.*\bads\b
        | \bad[ -]free\b
        | \b(turn\s+on|enable|allow)\s+(push\s+)?notifications\b
        | \bjoin\s+(us|our)\b.*\b(whatsapp|telegram|channel|community)\b
        """,
    ),
    "navigation": (("continues",), r"\b(story|article)\s+continues\s+(below|after)\b"),
    "media_credit": (
        ("getty", "shutterstock", "photo", "istock"),
        r"\b(getty\s+images|shutterstock|afp\s+photo|ap\s+photo|reuters\s+photo|istock)\b",
    ),
    "social": (("us on", "us at"), r"\b(follow|like|join|find)\s+us\s+(on|at)\b"),
    # Copyright lines.
    "legal": (
        ("©", "(c)", "copyright", "reserved"),
        r"©|\(c\)\s*\d{4}|\bcopyright\s*(©|\(c\))?\s*\d{4}|\ball\s+rights\s+reserved\b",
    ),
}
# fmt: on


def _alternation(patterns: list[str], flags: re.RegexFlag = re.IGNORECASE) -> re.Pattern[str]:
    """One verbose pattern matching any of ``patterns``: a family written as several readable alternatives is
    tried by the regex engine in one pass, and each alternative is grouped so its ``|`` stays inside it."""
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), flags | re.VERBOSE)


_BOILERPLATE_LABEL = _alternation(list(_BOILERPLATE_LABELS.values()))
# The labels are written in lowercase, so on a lowercased ASCII line the case-sensitive pattern matches
# exactly where the case-insensitive one does, about twice as fast: the regex engine skips an alternative
# on its first letter only when matching case-sensitively.
_BOILERPLATE_LABEL_LOWERCASE = _alternation(list(_BOILERPLATE_LABELS.values()), re.NOFLAG)


# fmt: off
_LABEL_OPENERS = (
    "ad", "sponsored", "promoted",
    "read", "also", "must", "don", "see", "related", "recommended", "trending", "top", "latest", "watch", "listen",
    "continue", "next", "previous", "back", "tags", "filed", "first", "explained", "opinion", "breaking", "more",
    "photo", "pic", "image", "video", "file", "credit", "courtesy", "source", "represent",
    "share", "follow", "like", "copy", "print", "e", "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin",
    "reddit", "instagram", "youtube", "pinterest",
    "privacy", "terms", "cookie", "contact", "about",
    "with", "inputs", "edited", "written", "reported", "compiled",
)
# fmt: on
"""How every label of ``_BOILERPLATE_LABELS`` starts in lowercase, after its leading non-word characters (``\\W*``),
as a prefix of its first word ("e" for "e-mail", "don" for "don't"); the labels that do not start that way
open with "(" ("(ANI)") or "#" (a line of hashtags). A new label's first word goes here: a lowercase ASCII line that starts with none of them
is not tried against the labels at all, which most sentences of an article are not."""
_ASCII_NON_WORD = "".join(chr(code) for code in range(128) if not (chr(code).isalnum() or chr(code) == "_"))


def _starts_with_label(line: str) -> bool:
    """Whether the line starts with a boilerplate label: a label opens the line it furnishes ("Read more:",
    "Photo:", "Advertisement"), so only the start is tried (ASCII lines take the faster lowercase pattern, and
    only when they open with a label's first word, ``_LABEL_OPENERS``)."""
    if line.isascii():
        lowered = line.lower()
        if not lowered.startswith(("(", "#")) and not lowered.lstrip(_ASCII_NON_WORD).startswith(_LABEL_OPENERS):
            return False
        return _BOILERPLATE_LABEL_LOWERCASE.match(lowered) is not None
    return _BOILERPLATE_LABEL.match(line) is not None


_BOILERPLATE_PHRASE = [_alternation([pattern]) for _, pattern in _BOILERPLATE_PHRASES.values()]


@cache
def _phrase_triggers() -> ahocorasick.Automaton:
    """Every trigger of every phrase family, found in one pass over a lowercased line (several times faster
    than a regex alternation); a trigger's value is the indices of the families it belongs to."""
    families_of: dict[str, list[int]] = {}
    for family, (triggers, _) in enumerate(_BOILERPLATE_PHRASES.values()):
        for trigger in triggers:
            families_of.setdefault(trigger, []).append(family)
    automaton = ahocorasick.Automaton()
    for trigger, families in families_of.items():
        automaton.add_word(trigger, tuple(families))
    automaton.make_automaton()
    return automaton


def _has_phrase_trigger(line: str) -> bool:
    """Whether any phrase family could match; a sentence cut from a line without a trigger holds none, so the
    caller can skip the phrase families for every sentence of such a line."""
    return next(_phrase_triggers().iter(line.lower()), None) is not None


def _has_boilerplate_phrase(line: str) -> bool:
    """Whether the line holds a boilerplate phrase (a call to action, a stock-photo agency, "follow us on", a
    copyright) anywhere in it. Only the families whose trigger the line holds are searched, and almost no line
    holds one."""
    families = {family for _, families in _phrase_triggers().iter(line.lower()) for family in families}
    return any(_BOILERPLATE_PHRASE[family].search(line) for family in families)


# Bylines and lone timestamps: "By Jane Doe | New Delhi", "Updated: Sep 6, 2022 10:43 IST", "5 min read".
_BYLINE = re.compile(r"^[Bb][Yy]\s+[A-Z][\w.'-]*(\s+([A-Z][\w.'-]*|and|&|\||,|-|in|for))*\W*$")
_READ_TIME = re.compile(r"(?i)^\W*\d+\s*(min|mins|minutes?)\s+read\W*$")
# fmt: off
_TIMESTAMP_WORDS = frozenset({
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "am", "pm", "a", "m", "p", "ist", "gmt",
    "utc", "est", "edt", "pst", "pdt", "cet", "cest", "bst", "jst", "kst", "aest", "hrs", "hours",
    "updated", "update", "published", "posted", "last", "modified", "first", "on", "at", "st", "nd", "rd",
    "th", "ago", "hour", "minutes", "mins", "min", "day", "days", "week", "weeks", "month", "months",
    "year", "years",
})
# fmt: on
_WORD_OR_NUMBER = re.compile(r"[^\W\d_]+|\d+")
_HAS_DIGIT = re.compile(r"\d")


def _is_timestamp(line: str) -> bool:
    """Whether the line is a lone timestamp ("Updated: Sep 6, 2022 10:43 IST", "2 hours ago"): only date/time
    words and numbers, with at least one number; a line holding any other word is content."""
    tokens = _WORD_OR_NUMBER.findall(line)
    return (
        bool(tokens)
        and any(token.isdigit() for token in tokens)
        and all(token.isdigit() or token.casefold() in _TIMESTAMP_WORDS for token in tokens)
    )


@cache
def _language_names() -> frozenset[str]:
    """English names of the world's languages (pycountry), for spotting "choose your edition" menus. Names of
    more than one word are left out: a menu's items are split at spaces, so they could never match one."""
    names: set[str] = set()
    for language in pycountry.languages:
        for part in re.split(r"[;,]\s*", language.name):
            if " " not in part:
                names.add(part.casefold())
    return frozenset(names)


_MENU_SEPARATORS = re.compile(r"\s*[|•·/,]\s*|\s+")


def _is_language_menu(line: str) -> bool:
    """Whether the line is a "choose your edition" menu: three or more items, at least 60% of them language
    names or words in a script other than Latin (a menu names each language in its own script). A shorter list
    or one of mostly other words may be content ("talks in Hindi and English")."""
    items = [item for item in _MENU_SEPARATORS.split(line) if item]
    if len(items) < 3:
        return False
    names = _language_names()
    if line.isascii():
        # Every ASCII letter is Latin, so only the names count (the common case, counted at C speed).
        language_like = sum(map(names.__contains__, map(str.casefold, items)))
    else:
        language_like = sum(
            1
            for item in items
            if item.casefold() in names
            or (any(char.isalpha() for char in item) and not _has_latin_letter(item))
        )
    return language_like / len(items) >= 0.6


def _has_latin_letter(word: str) -> bool:
    """Whether the word has a letter of the Latin script (ASCII or Latin-1 to Latin Extended-B): a menu item
    without one ("हिन्दी", "தமிழ்") is taken for a language's own name."""
    return any("a" <= char.casefold() <= "z" or "\u00c0" <= char <= "\u024f" for char in word)


def is_boilerplate(line: str, may_hold_phrase: bool = True) -> bool:
    """True when a short line (or sentence) is page furniture rather than article content.

    A line of more than ``_BOILERPLATE_MAX_WORDS`` words is content whatever it mentions. A label at the start or
    a phrase anywhere makes a short line boilerplate; otherwise a line ending in sentence punctuation is content,
    and one without is boilerplate when it is a byline, a reading time, a lone timestamp or a language menu.
    ``may_hold_phrase=False`` skips the phrase families, for a sentence of a line that holds no trigger.
    """
    stripped = line.strip()
    if not stripped:
        return True
    if stripped.count(" ") >= _BOILERPLATE_MAX_WORDS:
        return False
    if _starts_with_label(stripped) or (may_hold_phrase and _has_boilerplate_phrase(stripped)):
        return True
    if _ends_sentence(stripped):
        return False
    return (
        bool(_BYLINE.match(stripped))
        or bool(_READ_TIME.match(stripped))
        or (_HAS_DIGIT.search(stripped) is not None and _is_timestamp(stripped))
        or _is_language_menu(stripped)
    )


_INLINE_CREDIT = re.compile(
    r"[(\[](photo|image|picture|pic|file photo|representational image|video|source|credit)s?\b"
    r"[^)\]]{0,80}[)\]]"
    r"|(?<=[.!?\"”’'])[ \t]+(?:photo|image|picture|pic|credit)s?[ \t]*:[ \t]*[^.!?\n]{1,60}$",
    re.IGNORECASE | re.MULTILINE,
)
"""Credits inside a line: in brackets anywhere ("(Photo: Press Office)"), or after the last sentence of a
paragraph ("... since 2012. Picture: PA"), which would otherwise leave the paragraph looking unfinished, glue it
to the next one and take that one's first sentence down with it as boilerplate."""

_CREDIT_WORDS = ("photo", "image", "pic", "video", "source", "credit")
"""A word every credit of ``_INLINE_CREDIT`` holds, lowercased ("picture", "file photo" and "representational
image" hold "pic", "photo" and "image"); a credit after the last sentence holds one of ``_TRAILING_CREDIT_WORDS``."""
_TRAILING_CREDIT_WORDS = ("photo", "image", "pic", "credit")
_FOLDS_TO_ASCII = ("\u0131", "\u017f")
"""Dotless i and long s: the only characters that a case-insensitive pattern matches to a letter of the credit words
("i", "s") while their ``str.lower()`` is another character."""


def cut_inline_credits(text: str) -> str:
    """The text with its inline credits (``_INLINE_CREDIT``) cut out.

    The pattern's lookbehind makes the regex engine try it at every character, which cost as much as the rest of an
    article's normalisation, and most articles hold no credit. A plain test finds those first: a bracketed credit
    needs "(" or "[" and one of ``_CREDIT_WORDS``, a trailing one ":" and one of ``_TRAILING_CREDIT_WORDS``, and the
    lowercased text holds every case-insensitive match of a word unless it holds ``_FOLDS_TO_ASCII``. Only a text
    that may hold a credit is searched, so the result is always the substitution's."""
    bracket, colon = "(" in text or "[" in text, ":" in text
    if not (bracket or colon):
        return text
    if text.isascii() or not any(char in text for char in _FOLDS_TO_ASCII):
        lowered = text.lower()
        if not any(word in lowered for word in (_CREDIT_WORDS if bracket else _TRAILING_CREDIT_WORDS)):
            return text
    return _INLINE_CREDIT.sub("", text)
