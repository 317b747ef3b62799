"""People: corpus-wide person linking, and the frames of person mentions, persons and links. Names are made
comparable in ``pipeline.person_names``. Linking rules (near-linear, one pass over distinct mention keys):

- Within an article (done in entities.py with `article_person_keys`): a mention with at least two non-initial tokens
  is a full name, keyed by its token set, so "Motegi Toshimitsu" and "Toshimitsu Motegi" are one person. A partial
  mention ("Jaishankar", "S. Jaishankar") joins the unique full name of the article that contains its tokens and whose
  given names agree with its initials.
- Across articles (`link_persons`): full names group by token set; a partial key still unresolved joins the unique
  full-name group that contains its tokens, agrees with its initials and has no conflicting country.
- Canonical name: the longest full form; between the two orders of one token set, the more frequent; on a tie, for
  Japanese names (which appear in both orders in English news) the order whose last token looks more like a family
  name by its romanised ending ("Motegi Toshimitsu" -> "Toshimitsu Motegi"); else the order seen first, which keeps
  Chinese, Korean and Vietnamese names family-name first as English news writes them ("Xi Jinping").
- Country: explicit evidence (a qualifier such as "Japanese", "of Japan", "India's") outvotes evidence from a
  one-country title ("External Affairs Minister") which outvotes the article's home country.
- Role: the most frequent non-former role (more specific titles first); former only when every role seen is former.
"""

import hashlib

import pandera.polars as pa
import polars as pl

from pipeline.contracts import polars_schema
from pipeline.person_names import canonical_order

EVIDENCE_RANK = {"known": 4, "explicit": 3, "role": 2, "article": 1}


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



def _person_id(name: str, country: str | None) -> str:
    return hashlib.sha1(f"{name}|{country or ''}".encode()).hexdigest()[:16]


STATED_COUNTRY = pl.col("country_code").is_not_null() & pl.col("country_evidence").ne_missing("article")
"""The mention states the person's country (a qualifier or a one-country title), not just the article's."""
EVIDENCE_WEIGHT = {evidence: 10**rank for evidence, rank in EVIDENCE_RANK.items()}
"""One mention of a stronger kind of country evidence outvotes up to nine of the next weaker kind."""


def _key_tokens(key: pl.Expr) -> pl.Expr:
    """The token set of a person key, as `key_tokens` gives it."""
    return key.str.split("|").list.first().str.extract_all(r"\S+").list.unique()


DOMINANT_NAMESAKE = 3
"""A bare surname that several full names fit joins the one named this many times as often as the others together
("Mr Trump": Donald Trump, not a wife named once): news writes a bare surname for the bearer it names most."""


def _key_groups(variants: pl.DataFrame) -> pl.DataFrame:
    """(person_key, group): a full key is its own group; a partial key joins the unique full key that contains
    its tokens, agrees with its initials (see `resolve_partial`) and, when the key's first variant states a
    country, is stated with no other country; among several such full keys, the one with ``DOMINANT_NAMESAKE``
    times the mentions of the others together, else none."""
    full = (
        variants.filter("is_full_name")
        .group_by("person_key")
        .agg(full_countries=pl.col("country_code").filter(STATED_COUNTRY).unique())
        .join(variants.group_by("person_key").agg(mentions=pl.col("len").sum()), on="person_key")
        .with_columns(full_tokens=_key_tokens(pl.col("person_key")))
    )
    partial = (
        variants.join(full, on="person_key", how="anti")
        .unique("person_key", keep="first", maintain_order=True)
        .select(
            "person_key",
            country=pl.when(STATED_COUNTRY).then("country_code"),
            tokens=_key_tokens(pl.col("person_key")),
            initials=pl.col("person_key").str.split("|").list.get(1, null_on_oob=True).fill_null(""),
        )
    )
    rest_initials = (
        pl.col("full_tokens").list.set_difference("tokens").list.eval(pl.element().str.slice(0, 1))
    )
    resolved = (
        partial.explode("tokens", keep_nulls=False, empty_as_null=False)
        .rename({"tokens": "token"})
        .join(
            full.select("person_key", token="full_tokens").explode("token"),
            on="token",
            suffix="_full",
        )
        .group_by("person_key", "person_key_full")
        .agg(shared=pl.len())
        .join(partial, on="person_key")
        .join(full.rename({"person_key": "person_key_full"}), on="person_key_full")
        .filter(
            (pl.col("shared") == pl.col("tokens").list.len())
            & pl.col("initials").str.split("").list.set_difference(rest_initials).list.len().eq(0)
            & (
                pl.col("country").is_null()
                | pl.col("full_countries").list.len().eq(0)
                | pl.col("full_countries").list.contains(pl.col("country"))
            )
        )
        .group_by("person_key")
        .agg(
            pl.col("person_key_full").sort_by(["mentions", "person_key_full"], descending=[True, False]).first(),
            candidates=pl.len(),
            top=pl.col("mentions").max(),
            rest=pl.col("mentions").sum() - pl.col("mentions").max(),
        )
        .filter((pl.col("candidates") == 1) | (pl.col("top") >= DOMINANT_NAMESAKE * pl.col("rest")))
    )
    return pl.concat(
        [
            full.select("person_key", group="person_key"),
            partial.join(resolved, on="person_key", how="left").select(
                "person_key", group=pl.coalesce("person_key_full", "person_key")
            ),
        ]
    )


def _split_namesakes(variants: pl.DataFrame) -> pl.DataFrame:
    """Namesakes from different countries ("Fiona Barrett" of Canada and of Kenya) are different people: a name
    stated with several countries splits by country; a mention without one joins the most stated."""
    stated = (
        variants.filter(STATED_COUNTRY)
        .group_by("group", "country_code")
        .agg(votes=pl.col("len").sum())
        .group_by("group")
        .agg(
            n_countries=pl.len(),
            most_stated=pl.col("country_code")
            .sort_by("votes", "country_code", descending=[True, False])
            .first(),
        )
    )
    country = pl.coalesce(pl.when(STATED_COUNTRY).then("country_code"), "most_stated")
    return (
        variants.join(stated, on="group", how="left", maintain_order="left")
        .with_columns(
            group=pl.when(pl.col("n_countries") > 1)
            .then(pl.concat_str("group", pl.lit("|"), country))
            .otherwise("group")
        )
        .drop("n_countries", "most_stated")
    )


def _most_common(
    variants: pl.DataFrame, values: list[str], weight: pl.Expr, *ranking: pl.Expr
) -> pl.DataFrame:
    """Per group, the ``values`` ranked highest by ``ranking`` (default: their summed ``weight``), on a tie those
    seen first: what a Counter over the group's mentions in variant order picks."""
    tally = variants.group_by("group", *values).agg(weight=weight.sum(), first=pl.col("variant").min())
    ranking = ranking or (pl.col("weight"),)
    ranked = tally.sort([*ranking, "first"], descending=[*(True for _ in ranking), False])
    return ranked.unique("group", keep="first").select("group", *values)


def _word_count(column: str) -> pl.Expr:
    return pl.col(column).str.count_matches(r"\S+")


def _persons(variants: pl.DataFrame) -> pl.DataFrame:
    """One row per group, in the order groups are first seen; the group's variants count as often as seen.

    Name: the longest full form, the most frequent order (see module docstring). Country: the most weighted
    evidence. Role: the most frequent non-former role, more specific titles first. Organization: the most
    frequent."""
    mentions = pl.col("len")
    full_or_only = variants.filter(pl.col("is_full_name") | ~pl.col("is_full_name").any().over("group"))
    longest = full_or_only.filter(_word_count("name") == _word_count("name").max().over("group"))
    orders = (
        longest.group_by("group", "name")
        .agg(weight=mentions.sum(), first=pl.col("variant").min())
        .sort("weight", "first", descending=[True, False])
        .group_by("group")
        .agg(
            pl.col("name").first(),
            undecided=(pl.len() == 1) | ((pl.col("weight") == pl.col("weight").max()).sum() > 1),
        )
    )
    country = _most_common(
        variants.filter(pl.col("country_code").is_not_null()),
        ["country_code"],
        mentions * pl.col("country_evidence").replace_strict(EVIDENCE_WEIGHT, return_dtype=pl.Int64),
    )
    role = _most_common(
        variants.filter(pl.col("role").is_not_null()),
        ["role", "role_is_former"],
        mentions,
        ~pl.col("role_is_former"),
        pl.col("weight"),
        _word_count("role"),
    )
    return (
        variants.group_by("group")
        .agg(first=pl.col("variant").min(), aliases=pl.col("name").append(pl.col("text")).unique().sort())
        .join(orders, on="group", how="left")
        .join(country, on="group", how="left")
        .join(role, on="group", how="left")
        .join(
            _most_common(variants.filter(pl.col("organization").is_not_null()), ["organization"], mentions),
            on="group",
            how="left",
        )
        .sort("first")
        .with_columns(
            name=canonical_order(pl.col("name"), pl.col("undecided"), pl.col("country_code")),
            role_is_former=pl.col("role_is_former").fill_null(False),
        )
    )


def link_persons(person_mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Link person mentions across the corpus into (persons, person_mention_links).

    The distinct mention variants are sorted and numbered first: polars groups come back in no fixed order, and
    the tie-breaks (a person's role, country and canonical name) go by variant number so that they do not depend
    on it, or a rerun would change ids.
    """
    variants = (
        person_mentions.group_by(VARIANT_COLUMNS)
        .len()
        .sort([*VARIANT_COLUMNS, "len"], nulls_last=True)
        .with_row_index("variant")
    )
    variants = _split_namesakes(
        variants.join(_key_groups(variants), on="person_key", how="left", maintain_order="left")
    )
    persons = _persons(variants)
    persons = persons.with_columns(
        person_id=pl.Series(
            [
                _person_id(name, country)
                for name, country in persons.select("name", "country_code").iter_rows()
            ],
            dtype=pl.String,
        )
    )
    mapping = variants.join(persons.select("group", "person_id"), on="group").select(
        *VARIANT_COLUMNS, "person_id"
    )
    links = person_mentions.join(
        mapping, on=VARIANT_COLUMNS, how="left", nulls_equal=True, maintain_order="left"
    ).select("article_id", "sentence_index", "start_char", "end_char", "person_id")
    persons_frame = persons.select(list(PERSONS_SCHEMA)).cast(PERSONS_SCHEMA)
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

PERSONS_SCHEMA = polars_schema(PersonsModel)


def attach_person_ids(
    entity_mentions: pl.DataFrame, links: pl.DataFrame, persons: pl.DataFrame
) -> pl.DataFrame:
    """Replace provisional PERSON entity ids and countries with the corpus-wide ones from `link_persons`.

    Only the PERSON rows are looked up and written back in place: the other labels, most of a large frame,
    are neither joined nor copied row by row."""
    linked = (
        entity_mentions.select("article_id", "sentence_index", "start_char", "end_char", "label")
        .with_row_index("row")
        .filter(pl.col("label") == "PERSON")
        .join(links.drop_nulls("person_id"), on=["article_id", "sentence_index", "start_char", "end_char"])
        .join(persons.select("person_id", "country_code"), on="person_id", how="left")
        .select("row", "country_code", entity_id=pl.lit("person:") + pl.col("person_id"))
    )
    return entity_mentions.with_columns(
        entity_mentions["entity_id"].clone().scatter(linked["row"], linked["entity_id"]),
        entity_mentions["country_code"].clone().scatter(linked["row"], linked["country_code"]),
    )
