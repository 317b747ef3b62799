"""Text repair and normalisation, the first cleaning step: mojibake, HTML entities, curly quotes, control
characters, odd spaces, invisible characters and line breaks are brought to one plain form, so the later rules
see one kind of text whatever the source's encoding habits."""

import re
import unicodedata
from functools import cache

import ftfy
import ftfy.fixes

_ODD_SPACES = re.compile(r"[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLES = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# Written so that every branch starts with a literal, which lets the regex engine skip ahead to candidates.
_LINE_BREAKS = re.compile("\r\n?|\u2028|\u2029|\u0085")
_SPACE_RUNS = re.compile("  +")
# A UTF-8 lead byte read as Latin-1/cp1252 ("Ã", "â") followed by what was a continuation byte.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def normalise_unicode(raw_text: str) -> str:
    """Repair mojibake with ftfy, unescape HTML entities, straighten quotes, NFC.

    ftfy's full repair is slow, so it runs only on texts showing the mark of UTF-8 read as Latin-1 or
    cp1252; the rest get ftfy's cheap individual fixes.
    """
    text = ftfy.fixes.unescape_html(raw_text) if "&" in raw_text else raw_text
    if not text.isascii():
        if _MOJIBAKE_HINT.search(text):
            return ftfy.fix_text(text)
        text = unicodedata.normalize("NFC", ftfy.fixes.uncurl_quotes(text))
    if _holds(text, _translated_by_ftfy()):
        text = ftfy.fixes.remove_control_chars(text)
        text = ftfy.fixes.fix_latin_ligatures(ftfy.fixes.fix_character_width(text))
    return text


@cache
def _translated_by_ftfy() -> re.Pattern[str]:
    """Control characters, wide forms and ligatures ftfy removes or replaces; its per-character translation
    is slow, so it runs only when one of them is present."""
    characters = sorted(set(ftfy.fixes.CONTROL_CHARS) | set(ftfy.fixes.WIDTH_MAP) | set(ftfy.fixes.LIGATURES))
    return re.compile("[" + "".join(re.escape(chr(code)) for code in characters) + "]")


@cache
def _ascii_outside(character_class: re.Pattern[str]) -> bytes:
    """The ASCII characters a one-character pattern does not match."""
    return bytes(code for code in range(128) if not character_class.match(chr(code)))


def _holds(text: str, character_class: re.Pattern[str]) -> bool:
    """Whether a text holds a character the one-character pattern matches. Most texts are ASCII, and for
    them deleting every other character with bytes.translate is several times faster than a regex search."""
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _ascii_outside(character_class)))
    return character_class.search(text) is not None


def normalise_whitespace(text: str) -> str:
    """One kind of line break, one kind of space, no invisible characters, no padding around lines.

    The later rules split paragraphs on "\n" and words on " ", and compare lines as written: a no-break space,
    a zero-width joiner or a CRLF would otherwise hide a boilerplate label or a repeated sentence.
    """
    if "\r" in text or not text.isascii():
        text = _INVISIBLES.sub("", _LINE_BREAKS.sub("\n", text))
    if _holds(text, _ODD_SPACES):
        text = _ODD_SPACES.sub(" ", text)
    if "  " in text:
        text = _SPACE_RUNS.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))
