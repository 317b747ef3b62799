"""People: name cleaning, role parsing from titles and appositions, and corpus-wide person linking.

Linking rules (near-linear, one pass over distinct mention keys):
- Within an article (done in entities.py with `article_person_keys`): a mention with at least two
non-initial tokens
  is a full name, keyed by its token set, so "Motegi Toshimitsu" and "Toshimitsu Motegi" are one person. A
  partial
  mention ("Jaishankar", "S. Jaishankar") joins the unique full name of the article that contains its tokens
  and
  whose given names agree with its initials.
- Across articles (`link_persons`): full names group by token set; a partial key still unresolved joins the
unique
  full-name group that contains its tokens, agrees with its initials and has no conflicting country.
- Canonical name: the longest full form; between the two orders of one token set, the more frequent; on a
tie, for
  Japanese names (which appear in both orders in English news) the order whose last token looks more like a
  family
  name by its romanised ending ("Motegi Toshimitsu" -> "Toshimitsu Motegi"); else the order seen first,
  which keeps
  Chinese, Korean and Vietnamese names family-name first as English news writes them ("Xi Jinping").
- Country: explicit evidence (a qualifier such as "Japanese", "of Japan", "India's") outvotes evidence from a
  one-country title ("External Affairs Minister") which outvotes the article's home country.
- Role: the most frequent non-former role (more specific titles first); former only when every role seen is
former.
"""

import hashlib
import re
from collections import Counter, defaultdict

import pandera.polars as pa
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
}
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
EVIDENCE_RANK = {"explicit": 3, "role": 2, "article": 1}
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


class PersonMentionsModel(pa.DataFrameModel):
    """One row per person mention, with the article-level resolution of who it is."""

    article_id: str
    sentence_index: int
    start_char: int
    end_char: int
    text: str
    name: str
    person_key: str
    is_full_name: bool
    role: str = pa.Field(nullable=True)
    role_is_former: bool
    country_code: str = pa.Field(nullable=True)
    country_evidence: str = pa.Field(nullable=True, isin=list(EVIDENCE_RANK))
    organization: str = pa.Field(nullable=True)


class PersonsModel(pa.DataFrameModel):
    person_id: str = pa.Field(unique=True)
    name: str
    country_code: str = pa.Field(nullable=True)
    role: str = pa.Field(nullable=True)
    role_is_former: bool
    organization: str = pa.Field(nullable=True)
    aliases: list[str]


class PersonMentionLinksModel(pa.DataFrameModel):
    article_id: str
    sentence_index: int
    start_char: int
    end_char: int
    person_id: str


def strip_honorifics(name: str) -> str:
    """Drop leading honorifics ("Dr.", "Lt. Gen.", "H.E.", "Sheikh") and a trailing possessive."""
    tokens = name.replace("’", "'").split()
    while len(tokens) > 1 and tokens[0].lower().rstrip(".") in HONORIFICS:
        tokens = tokens[1:]
    if tokens and tokens[-1].endswith("'s"):
        tokens[-1] = tokens[-1][:-2]
    return " ".join(tokens)


def name_parts(name: str) -> tuple[list[str], str]:
    """(lowercased significant tokens in order, initials) of a cleaned name; particles are not significant."""
    tokens, initials = [], ""
    for token in name.split():
        if INITIAL.match(token):
            initials += token[0].lower()
        elif token.lower() not in NAME_PARTICLES:
            tokens.append(token.lower().strip(".,"))
    return tokens, initials


def person_key(tokens: list[str], initials: str) -> str:
    """Order-free key: a full name is its token set; a partial one also keeps its initials."""
    key = " ".join(sorted(set(tokens)))
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


def _looks_japanese_family(token: str) -> int:
    """Positive when the romanised ending is more typical of a family name than of a given name."""
    family = max((len(e) for e in JAPANESE_FAMILY_ENDINGS if token.endswith(e)), default=0)
    given = max((len(e) for e in JAPANESE_GIVEN_ENDINGS if token.endswith(e)), default=0)
    return family - given


def canonical_order(orders: Counter, country: str | None) -> str:
    """Pick the display order of one token set (see module docstring)."""
    ranked = orders.most_common()
    if len(ranked) > 1 and ranked[0][1] > ranked[1][1]:
        return ranked[0][0]
    first = ranked[0][0]
    tokens = first.split()
    if country in GIVEN_NAME_FIRST_IN_ENGLISH and len(tokens) == 2:
        first_score, last_score = (_looks_japanese_family(t.lower()) for t in tokens)
        return f"{tokens[1]} {tokens[0]}" if first_score > last_score else first
    return first


def _person_id(name: str, country: str | None) -> str:
    return hashlib.sha1(f"{name}|{country or ''}".encode()).hexdigest()[:16]


def _pick_role(rows: list[dict]) -> tuple[str | None, bool]:
    roles = Counter((r["role"], r["role_is_former"]) for r in rows if r["role"])
    if not roles:
        return None, False
    (role, former), _ = max(
        roles.items(), key=lambda item: (not item[0][1], item[1], len(item[0][0].split()))
    )
    return role, former


def _pick_country(rows: list[dict]) -> str | None:
    votes: Counter = Counter()
    for r in rows:
        if r["country_code"]:
            votes[r["country_code"]] += 10 ** EVIDENCE_RANK[r["country_evidence"]]
    return votes.most_common(1)[0][0] if votes else None


def link_persons(person_mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Link person mentions across the corpus into (persons, person_mention_links).

    The distinct mention variants are sorted first: polars groups come back in no fixed order, and the tie-breaks
    below (a person's role, country and canonical name) must not depend on it, or a rerun would change ids.
    """
    keyed = person_mentions.group_by(VARIANT_COLUMNS).len()
    rows = keyed.sort(keyed.columns, nulls_last=True).to_dicts()
    full_keys = sorted({r["person_key"] for r in rows if r["is_full_name"]})
    by_token: dict[str, list[str]] = defaultdict(list)
    for key in full_keys:
        for token in key_tokens(key)[0]:
            by_token[token].append(key)
    full_countries: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["is_full_name"] and r["country_code"] and r["country_evidence"] != "article":
            full_countries[r["person_key"]].add(r["country_code"])

    group_of: dict[str, str] = {key: key for key in full_keys}
    for r in rows:
        key = r["person_key"]
        if key in group_of:
            continue
        tokens, _ = key_tokens(key)
        candidates = {f for t in tokens for f in by_token.get(t, [])}
        if r["country_code"] and r["country_evidence"] != "article":
            candidates = {
                f for f in candidates if not full_countries[f] or r["country_code"] in full_countries[f]
            }
        group_of[key] = resolve_partial(key, sorted(candidates)) or key

    country_votes: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r["country_code"] and r["country_evidence"] != "article":
            country_votes[group_of[r["person_key"]]][r["country_code"]] += r["len"]

    def person_group(r: dict) -> str:
        """Namesakes from different countries ("Fiona Barrett" of Canada and of Kenya) are different people: a
        name stated with several countries splits by country; a mention without one joins the most stated."""
        group = group_of[r["person_key"]]
        votes = country_votes[group]
        if len(votes) <= 1:
            return group
        explicit = r["country_code"] if r["country_evidence"] != "article" else None
        country = explicit if explicit in votes else min(votes, key=lambda c: (-votes[c], c))
        return f"{group}|{country}"

    members: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        r["group"] = person_group(r)
        members[r["group"]].extend([r] * r["len"])

    persons, key_to_id = [], {}
    for group, group_rows in members.items():
        country = _pick_country(group_rows)
        full_rows = [r for r in group_rows if r["is_full_name"]]
        name_rows = full_rows or group_rows
        longest = max(len(r["name"].split()) for r in name_rows)
        orders = Counter(r["name"] for r in name_rows if len(r["name"].split()) == longest)
        name = canonical_order(orders, country)
        role, former = _pick_role(group_rows)
        organizations = Counter(r["organization"] for r in group_rows if r["organization"])
        person_id = _person_id(name, country)
        key_to_id[group] = person_id
        persons.append(
            {
                "person_id": person_id,
                "name": name,
                "country_code": country,
                "role": role,
                "role_is_former": former,
                "organization": organizations.most_common(1)[0][0] if organizations else None,
                "aliases": sorted({r["name"] for r in group_rows} | {r["text"] for r in group_rows}),
            }
        )
    persons_frame = pl.DataFrame(persons, schema=PERSONS_SCHEMA)
    mapping = pl.DataFrame(
        [{**{c: r[c] for c in VARIANT_COLUMNS}, "person_id": key_to_id[r["group"]]} for r in rows],
        schema={**person_mentions.select(VARIANT_COLUMNS).schema, "person_id": pl.String},
    )
    links = person_mentions.join(mapping, on=VARIANT_COLUMNS, how="left", nulls_equal=True).select(
        "article_id", "sentence_index", "start_char", "end_char", "person_id"
    )
    return PersonsModel.validate(persons_frame), PersonMentionLinksModel.validate(links)


VARIANT_COLUMNS = [
    "person_key",
    "name",
    "text",
    "is_full_name",
    "role",
    "role_is_former",
    "country_code",
    "country_evidence",
    "organization",
]
"""What tells two mentions of a person apart for linking; identical variants are linked once."""

PERSONS_SCHEMA = {
    "person_id": pl.String,
    "name": pl.String,
    "country_code": pl.String,
    "role": pl.String,
    "role_is_former": pl.Boolean,
    "organization": pl.String,
    "aliases": pl.List(pl.String),
}


def attach_person_ids(
    entity_mentions: pl.DataFrame, links: pl.DataFrame, persons: pl.DataFrame
) -> pl.DataFrame:
    """Replace provisional PERSON entity ids and countries with the corpus-wide ones from `link_persons`."""
    resolved = links.join(
        persons.select("person_id", pl.col("country_code").alias("person_country")),
        on="person_id",
        how="left",
    )
    joined = entity_mentions.join(
        resolved, on=["article_id", "sentence_index", "start_char", "end_char"], how="left"
    )
    is_linked = (pl.col("label") == "PERSON") & pl.col("person_id").is_not_null()
    return joined.with_columns(
        pl.when(is_linked)
        .then(pl.lit("person:") + pl.col("person_id"))
        .otherwise(pl.col("entity_id"))
        .alias("entity_id"),
        pl.when(is_linked)
        .then(pl.col("person_country"))
        .otherwise(pl.col("country_code"))
        .alias("country_code"),
    ).drop("person_id", "person_country")
