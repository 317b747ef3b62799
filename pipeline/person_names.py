"""People's names as the text prints them, made comparable: honorifics and post-nominal letters stripped
(``strip_honorifics``), diacritics folded (``fold_accents``), the significant tokens and initials of a name
(``name_parts``) and its order-free key (``person_key``), a partial name's full one (``resolve_partial``) and the
display order of a name's tokens (``canonical_order``). ``pipeline.persons`` links mentions into persons by them.
"""

import re
import unicodedata

import polars as pl

HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "gen",
    "general",
    "lt",
    "lieutenant",
    "col",
    "colonel",
    "maj",
    "major",
    "adm",
    "admiral",
    "capt",
    "captain",
    "sheikh",
    "shaikh",
    "sir",
    "dame",
    "lord",
    "he",
    "h.e",
    "hon",
    "honourable",
    "honorable",
    "excellency",
    "his",
    "her",
    "cmdr",
    "brig",
    "sgt",
    "rev",
    "shri",
    "smt",
    "hon'ble",
    "honble",
}
POST_NOMINALS = {"MP", "MEP", "MLA", "MPP", "MHA", "QC", "KC", "SC"}
"""Letters written after a name for a seat or a rank ("Anthony Albanese MP"): no part of the name."""
NAME_PARTICLES = {
    "bin",
    "bint",
    "ibn",
    "al",
    "el",
    "de",
    "da",
    "van",
    "von",
    "der",
    "den",
    "di",
    "du",
    "dos",
    "das",
    "la",
    "le",
    "del",
    "y",
    "ben",
    "abu",
}
# Japanese names appear in both orders in English news but are conventionally shown given name first; Chinese,
# Korean and Vietnamese names keep the family name first, as observed.
GIVEN_NAME_FIRST_IN_ENGLISH = {"JPN"}
INITIAL = re.compile(r"^[A-Z]\.?$")
JAPANESE_GIVEN_ENDINGS = (
    "mitsu",
    "hiro",
    "hiko",
    "nori",
    "masa",
    "yoshi",
    "taka",
    "suke",
    "ichi",
    "taro",
    "jiro",
    "ro",
    "ru",
    "ki",
    "shi",
    "ya",
    "ji",
    "to",
    "ko",
    "mi",
    "ka",
    "o",
)
JAPANESE_FAMILY_ENDINGS = (
    "moto",
    "mura",
    "kawa",
    "gawa",
    "yama",
    "shima",
    "jima",
    "uchi",
    "hara",
    "bara",
    "saki",
    "zaki",
    "oka",
    "da",
    "ta",
    "no",
    "gi",
    "be",
    "ji",
    "i",
)



def strip_honorifics(name: str) -> str:
    """Drop leading honorifics ("Dr.", "Lt. Gen.", "H.E.", "H. E. Shri", "Hon'ble Mr."), trailing post-nominal
    letters ("MP", ``POST_NOMINALS``) and a trailing possessive: one person is "Narendra Modi" in one report and
    "H. E. Shri Narendra Modi" in another, and must be one person for their reports to be known as one."""
    tokens = name.replace("’", "'").split()
    while len(tokens) > 1:
        if tokens[0].lower().rstrip(".") in HONORIFICS:
            tokens = tokens[1:]
        elif len(tokens) > 2 and _spelled_honorific(tokens[0], tokens[1]):
            tokens = tokens[2:]
        else:
            break
    while len(tokens) > 2 and tokens[-1].rstrip(",.") in POST_NOMINALS:
        tokens = tokens[:-1]
    if tokens and tokens[-1].endswith("'s"):
        tokens[-1] = tokens[-1][:-2]
    return " ".join(tokens)


def _spelled_honorific(first: str, second: str) -> bool:
    """Whether two initials spell an honorific ("H. E." for His Excellency)."""
    return bool(INITIAL.match(first) and INITIAL.match(second)) and (first[0] + "." + second[0]).lower() in HONORIFICS


def fold_accents(text: str) -> str:
    """The text without diacritics ("Nicolás" -> "Nicolas", "Erdoğan" -> "Erdogan"): one person's name is printed
    with and without them across outlets."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_parts(name: str) -> tuple[list[str], str]:
    """(lowercased significant tokens in order, initials) of a cleaned name; particles are not significant.
    Diacritics are folded away, so spellings with and without them give the same key."""
    tokens, initials = [], ""
    for token in fold_accents(name).split():
        if INITIAL.match(token):
            initials += token[0].lower()
        elif token.lower() not in NAME_PARTICLES:
            tokens.append(token.lower().strip(".,"))
    return tokens, initials


def person_key(tokens: list[str], initials: str) -> str:
    """Order-free key: a full name is its token set; a partial one also keeps its initials. A hyphen joins parts
    of one token that other outlets print apart ("Suk-yeol" and "Suk Yeol"), so the key splits it; whether the
    name is full still counts the tokens as written ("Akufo-Addo" alone stays a surname)."""
    key = " ".join(sorted({part for token in tokens for part in token.split("-") if part}))
    return key if len(tokens) >= 2 else f"{key}|{initials}"


def key_tokens(key: str) -> tuple[set[str], str]:
    tokens, _, initials = key.partition("|")
    return set(tokens.split()), initials


def initials_agree(initials: str, partial_tokens: set[str], full_tokens: set[str]) -> bool:
    """Every initial of a partial name is the first letter of a full-name token not already matched."""
    rest = [t[0] for t in full_tokens - partial_tokens]
    return all(letter in rest for letter in initials)


def resolve_partial(key: str, full_keys: list[str]) -> str | None:
    """The unique full key containing a partial key's tokens with agreeing initials, else None."""
    tokens, initials = key_tokens(key)
    found = [
        f
        for f in full_keys
        if tokens <= key_tokens(f)[0] and initials_agree(initials, tokens, key_tokens(f)[0])
    ]
    return found[0] if len(set(found)) == 1 else None


def _ending_length(token: pl.Expr, endings: tuple[str, ...]) -> pl.Expr:
    """Length of the longest of ``endings`` that ``token`` ends with (0 for none): of the endings anchored at the
    end, the leftmost match is the longest."""
    pattern = f"({'|'.join(map(re.escape, endings))})$"
    return token.str.extract(pattern).str.len_chars().fill_null(0).cast(pl.Int64)


def _looks_japanese_family(token: pl.Expr) -> pl.Expr:
    """Positive when the romanised ending is more typical of a family name than of a given name."""
    lowered = token.str.to_lowercase()
    return _ending_length(lowered, JAPANESE_FAMILY_ENDINGS) - _ending_length(lowered, JAPANESE_GIVEN_ENDINGS)


def canonical_order(name: pl.Expr, undecided: pl.Expr, country: pl.Expr) -> pl.Expr:
    """The display order of one token set (see ``pipeline.persons``), from its most frequent order ``name``, the first
    seen when frequency leaves it ``undecided`` (a tie, or the only order seen)."""
    tokens = name.str.extract_all(r"\S+")
    first, last = tokens.list.first(), tokens.list.last()
    swap = (
        undecided
        & country.is_in(list(GIVEN_NAME_FIRST_IN_ENGLISH))
        & (tokens.list.len() == 2)
        & (_looks_japanese_family(first) > _looks_japanese_family(last))
    )
    return pl.when(swap).then(pl.concat_str(last, pl.lit(" "), first)).otherwise(name)

