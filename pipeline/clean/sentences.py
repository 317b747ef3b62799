"""Sentence boundaries: lines broken inside a sentence re-joined, missing spaces after sentence ends restored,
rule-based sentence splitting, and the key by which repeated sentences are recognised.

The splitter is a handful of rules rather than a model: news prose ends sentences with ".", "!" or "?" followed
by a space and a capital or a digit, and the exceptions that matter (titles and other abbreviations, initials,
dotted acronyms) are listed here.
"""

import re

# --- broken lines ----------------------------------------------------------------------------------------

_CLOSERS = "'\")]"


def _ends_sentence(text: str) -> bool:
    """Whether the text ends in sentence punctuation, maybe followed by closing quotes or brackets: such a line
    finishes its sentence, so it neither continues into the next line nor counts as a fragment or furniture
    without punctuation (a regex search for that would try every mark in the line)."""
    return text.rstrip(_CLOSERS).endswith((".", "!", "?"))


_CONTINUATION_START = re.compile(r"^[,;:)\]}%]")
# fmt: off
_DANGLING_WORDS = (
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and", "or", "but", "that",
    "as", "his", "her", "their", "its", "is", "are", "was", "were", "will", "would", "has", "have", "had",
    "be", "been", "than", "into", "about", "between", "said",
)
# fmt: on
_DANGLING_END = re.compile(r"(?i)(,|;|-|\b(" + "|".join(_DANGLING_WORDS) + r")\b)$")
_DANGLING_TAIL = max(map(len, _DANGLING_WORDS))
"""The longest text _DANGLING_END matches: searching from there finds the same ends, without trying every
position of a long line (``\b`` still sees the character before the search start)."""
_LONG_LINE_WORDS = 15


def _continues(previous: str, line: str) -> bool:
    """Whether `line` is the rest of the sentence `previous` was cut from (hard-wrapped feeds and scrapers cut
    sentences at line breaks).

    It is when `line` starts with punctuation that never opens a sentence ("," ";" ":" a closing bracket, "%").
    Otherwise, when `previous` ends a sentence it is not; when it does not, `line` continues it if `line` starts
    with a lowercase letter, if `previous` ends in a comma, semicolon, hyphen or a function word that cannot end
    a sentence ("the", "of", "said"), or if `previous` is a long line (``_LONG_LINE_WORDS`` words or more): a
    heading or a label is short, so a long line without a full stop is a cut sentence.
    """
    if _CONTINUATION_START.match(line):
        return True
    if _ends_sentence(previous):
        return False
    if line[0].islower() or _DANGLING_END.search(previous, max(len(previous) - _DANGLING_TAIL, 0)):
        return True
    return len(previous.split()) >= _LONG_LINE_WORDS


def rejoin_broken_lines(lines: list[str]) -> list[str]:
    """Glue line fragments back into the line whose sentence they finish (see `_continues`), so that a sentence
    cut by a line break is split, compared and extracted whole. A fragment starting with punctuation, or
    following a hyphen, is glued without a space; any other with one."""
    joined: list[str] = []
    for line in lines:
        if joined and _continues(joined[-1], line):
            glue = "" if _CONTINUATION_START.match(line) or joined[-1].endswith("-") else " "
            joined[-1] = joined[-1] + glue + line
        else:
            joined.append(line)
    return joined


# --- missing spaces after sentence ends ------------------------------------------------------------------

# A sentence end glued to the next sentence: a mark, maybe a quote, then an uppercase letter, with two
# lowercase letters, a digit or a closing bracket before the mark. Initials ("S.Jaishankar"), acronyms
# ("U.S."), decimals ("3.5") and domains ("example.com") never have that shape.
_GLUED_END = re.compile(r"""([.!?])("?)(?=[A-Z])""")


def _ends_a_word_or_number(before: str) -> bool:
    """Whether the two characters before a glued mark end a word or a number: two lowercase letters, a digit, a
    closing bracket or "%". One capital before the mark ("S.Jaishankar", "U.S.") is an initial or an acronym,
    and a capital followed by a lowercase letter may be an abbreviation ("Dr.Singh"): the dot is left alone."""
    return (len(before) == 2 and before.isalpha() and before.islower()) or before[-1:] in "0123456789)]%"


_ADDRESS_CONTINUATION = re.compile(r"[\w-]+\.[a-z]{2,}\b")


def _inside_address(line: str, mark_start: int, mark_end: int) -> bool:
    """Whether the mark is a dot inside a URL, e-mail address or domain ("News.Example.org"): its token holds
    "/", "@" or "www.", or another dotted name follows it. Such a dot is not a sentence end, and a space after it
    would break the address."""
    token_start = line.rfind(" ", 0, mark_start) + 1
    token = line[token_start:mark_start]
    return (
        "/" in token or "@" in token or "www." in token or bool(_ADDRESS_CONTINUATION.match(line, mark_end))
    )


def restore_sentence_spaces(line: str) -> str:
    """Insert the missing space after a sentence end ("Tuesday.Indian", 'Dialogue."The'), which scrapers lose
    when they join blocks of a page: the splitter ends a sentence only where a space follows the mark. A quote
    after the mark closes a quotation when an odd number of quotes precede it, and then stays left of the space;
    otherwise it opens the next sentence and goes right of it."""
    pieces: list[str] = []
    last = 0
    for match in _GLUED_END.finditer(line):
        before = line[max(match.start() - 2, 0) : match.start()]
        if not _ends_a_word_or_number(before) or _inside_address(line, match.start(), match.end()):
            continue
        mark, quote = match.group(1), match.group(2)
        if quote:
            closes_quote = line.count('"', 0, match.start(2)) % 2 == 1
            separator = mark + quote + " " if closes_quote else mark + " " + quote
        else:
            separator = mark + " "
        pieces.append(line[last : match.start()] + separator)
        last = match.end()
    pieces.append(line[last:])
    return "".join(pieces)


# --- sentence splitting ----------------------------------------------------------------------------------

# fmt: off
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt",
    "adm", "cmdr", "cdr", "brig", "gov", "sen", "rep", "rev", "hon", "pres", "amb", "supt", "insp", "st",
    "mt", "ft", "ave", "blvd", "rd", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "jr", "sr", "inc", "ltd", "co", "corp", "bros", "plc", "vs", "approx",
    "est", "dept", "govt", "cf", "al", "fig", "vol", "art", "sec", "para", "pp", "ch", "op", "rs", "sh",
    "smt", "shri",
})
# fmt: on
# fmt: off
_SENTENCE_STARTERS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "his",
    "her", "their", "our", "there", "here", "but", "and", "so", "yet", "in", "on", "at", "for", "after",
    "before", "while", "when", "as", "if", "however", "meanwhile", "also", "according",
})
# fmt: on
_OPENERS = "\"'([“‘"
# Sentence punctuation followed by spaces (group 1), then maybe opening quotes or brackets, then the next
# character (group 2, absent at the end of the text).
_CANDIDATE_END = re.compile(r"""[.!?]+['")\]]*(?=(\s+)[""" + re.escape(_OPENERS) + "]*(.)?)")
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_WORD = re.compile(r"[^\W\d_]+")


def _is_sentence_end(paragraph: str, candidate: re.Match[str]) -> bool:
    """Decide whether the punctuation a _CANDIDATE_END match found in the paragraph ends a sentence.

    Only when a capital or a digit follows: a lowercase word continues the sentence ("approx. three"). "!",
    "?" and an ellipsis end it. A full stop does not after a known abbreviation ("Mr.", "Gen.", "Jan.") or a
    single capital (an initial, "J. Smith"); after a dotted acronym ("U.S.") it does only when the next word is a
    usual sentence opener ("the", "he", "however"), as a capitalised word after an acronym is more often part of a
    name ("the U.S. Navy"). Any other full stop ends the sentence.
    """
    next_char = candidate.group(2)
    if not next_char or not (next_char.isupper() or next_char.isdigit()):
        return False
    mark_start = candidate.start()
    if paragraph[mark_start] != "." or paragraph[mark_start : mark_start + 2] == "..":
        return True
    token_start = paragraph.rfind(" ", 0, mark_start) + 1
    token = paragraph[token_start:mark_start].lstrip(_OPENERS)
    if token.casefold() in _ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isupper():
        return False
    if "." in token and _DOTTED_ACRONYM.match(token):
        first_word = _WORD.match(paragraph, candidate.start(2))
        return bool(first_word) and first_word.group(0).casefold() in _SENTENCE_STARTERS
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence in `text`, without surrounding spaces; a line break always ends
    a sentence, as lines are paragraphs once broken lines are re-joined. A sentence starts after the spaces that
    follow the end of the previous one."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        start = len(line) - len(line.lstrip())
        for match in _CANDIDATE_END.finditer(line):
            if _is_sentence_end(line, match):
                spans.append((line_start + start, line_start + match.end()))
                start = match.end(1)
        end = len(line.rstrip())
        if start < end:
            spans.append((line_start + start, line_start + end))
        line_start += len(line) + 1
    return spans


# --- repeated sentences ----------------------------------------------------------------------------------

# ASCII punctuation becomes a space; letters, digits and every non-ASCII byte are kept. Working on UTF-8
# bytes makes this one C-level pass, several times faster than a regex over the text.
_KEY_BYTES = bytes(byte if chr(byte).isalnum() or byte >= 0x80 else 0x20 for byte in range(256))


def sentence_key(sentence: str) -> bytes:
    """Comparison key of a sentence: casefolded, ASCII punctuation and whitespace collapsed. Feeds repeat a
    paragraph or the headline with different case, quotes or spacing; under this key the copies are equal."""
    return b" ".join(sentence.casefold().encode("utf-8").translate(_KEY_BYTES).split())
