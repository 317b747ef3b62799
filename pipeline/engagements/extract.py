"""Engagement mentions of sentences, articles and batches of articles; the stage's cache schema and cache key, and
the pure frame functions for what the key leaves out (linked people's names and roles). How the stage runs
against its store is decided by ``pipeline.incremental.plans.engagements``.

Per sentence: the prefilter rules out sentences without a trigger, ``anchors`` finds the engagements a sentence
states, ``attributes`` gives each its status, dates, pair, place and people; one row per anchor with a pair.
Per article, sentences are read in order, so that a sentence that only refers back ("the two sides") takes the
pair of the article's previous engagement. Pure per article: ``extract_engagements`` may be called on any batch
of articles.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from functools import partial

import polars as pl

from pipeline.cache import content_key
from pipeline.contracts import polars_schema
from pipeline.engagements.actors import without_private_actors
from pipeline.engagements.anchors import Anchor, Mention, _clause_of, _clauses, _find_anchors, courtesy_calls
from pipeline.engagements.attributes import _destination, _pair_for, _SentenceContext
from pipeline.engagements.bystanders import travel_together
from pipeline.engagements.called_off import plans_share_the_called_off_fate
from pipeline.engagements.carry import (
    REFERRED_BACK,
    carried_span,
    narrative_day,
    with_sentences_before_a_sequel,
)
from pipeline.engagements.companions import (
    COMPANION_CUE_PATTERN_ASCII_BOUNDARIES,
    holds_companion_cue,
    with_visit_companions,
)
from pipeline.engagements.counterparts import (
    _listed_counterparts,
    _onward_leg,
    listed_countries,
    organisation_officials,
    subject_and_object_pair,
    without_hosts,
    without_organisation_officials,
)
from pipeline.engagements.event_dates import assign_dates
from pipeline.engagements.gatherings import at_gatherings, names_exercise_of_many
from pipeline.engagements.generic_plurals import without_kinds_named
from pipeline.engagements.governing import DROP, governed_statuses, needs_parse, parse, prefetched_parses
from pipeline.engagements.lexicon import (
    _ANY_TRIGGER_LOWERCASE,
    MULTILATERAL,
    TRIGGER_STEM_PATTERN_ASCII_BOUNDARIES,
    _may_hold_trigger,
)
from pipeline.engagements.lexicon_sides import (
    _COUNTRY_LABELS,
    _OFF_TOPIC,
    _OFFICIAL,
)
from pipeline.engagements.mention_rows import mention_row
from pipeline.engagements.met_people import met_people, one_row_per_counterpart
from pipeline.engagements.model import MENTION_SCHEMA, EngagementMentionsModel
from pipeline.engagements.not_engagements import (
    is_off_topic_story,
    without_non_engagements,
    without_pacts_in_passing,
    without_sentence_level_negatives,
)
from pipeline.engagements.occasions import (
    REPORT_MONTH,
    dateline_span,
    gathering_occasions,
    gathering_span,
    lede_days_yield_to_the_body,
    lede_span,
)
from pipeline.engagements.parties import (
    article_pairs,
    first_person_pair,
    is_domestic,
    people_over_topic,
    refers_to_unpaired,
    soil_destination,
    three_sides,
    unnamed_side_pair,
    with_article_sides,
    without_witnesses,
)
from pipeline.engagements.places_of_engagements import article_places, with_article_places
from pipeline.engagements.references import (
    EXERCISE_REFERENCE_PATTERN,
    PLAN_TOLD_PATTERN,
    exercise_references,
    is_definite_reference,
    original_slot,
    referred_pair,
    tells_a_plan,
)
from pipeline.engagements.salience import people_by_article, with_referred_people
from pipeline.engagements.status_cues import _status, _status_cues, _status_with_dates
from pipeline.engagements.unsigned_pacts import without_unsigned_pacts
from pipeline.engagements.venues import dateline_place
from pipeline.texts import with_sentence_text


def _sentence_context(text: str, mentions: list[Mention], persons: dict[str, dict]) -> _SentenceContext:
    """A sentence's linked entities by the role they can play: countries (sides of a pair), people (with the
    country the person table gives them when the mention has none, so that a named minister names a side),
    places (locations and countries: where it happens) and national organisations (a multilateral one is no
    side of a pair)."""
    countries, people, places, organizations = [], [], [], []
    for m in mentions:
        if m.label in _COUNTRY_LABELS and m.country_code:
            countries.append(m)
        elif m.label == "PERSON":
            info = persons.get((m.entity_id or "").removeprefix("person:"), {})
            code = m.country_code or info.get("country_code")
            people.append(Mention(m.start, m.end, m.text, m.label, m.entity_id, code))
        elif m.label == "LOCATION":
            places.append(m)
        elif m.label == "ORGANIZATION" and m.country_code and not MULTILATERAL.search(m.text):
            organizations.append(m)
    return _SentenceContext(text, countries, people, places + countries, organizations)


def _is_off_topic(ctx: _SentenceContext, story_off_topic: bool | Callable[[], bool] = False) -> bool:
    """Whether a sentence is sports or business news, which name countries and "visits" without any state taking
    part: an off-topic word, or a story that is off topic as a whole (``is_off_topic_story``), and no official
    word in the sentence ("minister", "government", "navy"). ``story_off_topic`` may be the call that tells it
    (``extract_engagements``): it is asked only for a sentence with neither an official nor an off-topic word."""
    if _OFFICIAL.search(ctx.text):
        return False
    return bool(_OFF_TOPIC.search(ctx.text)) or (story_off_topic() if callable(story_off_topic) else story_off_topic)


def anchored_sentences(
    sentences: list[dict], mentions: list[dict], persons: dict[str, dict], story_off_topic=False, drill_story=False
) -> list[tuple[dict, _SentenceContext, list[Anchor]]]:
    """(sentence, context, anchors) of an article's sentences that state an engagement, in sentence order: those
    with a trigger, not off topic (sport, business without an official; in a story off topic as a whole, every
    sentence without an official), where ``_find_anchors`` finds an anchor; a story whose head names a
    multinational exercise (``drill_story``) has its unpaired exercises taken for that one. It is the first half of
    ``article_engagements``, apart so that a batch of articles can have all its anchored sentences parsed at once
    (``governing.prefetch_parses``) before their status is decided."""
    by_sentence: dict[int, list[Mention]] = {}
    offsets = {s["sentence_index"]: s["start_char"] for s in sentences}
    for m in mentions:
        base = offsets.get(m["sentence_index"])
        if base is None:
            continue
        by_sentence.setdefault(m["sentence_index"], []).append(Mention.in_sentence(m, base))
    anchored = []
    ordered = sorted(sentences, key=lambda s: s["sentence_index"])
    contexts = [_sentence_context(s["text"], by_sentence.get(s["sentence_index"], []), persons) for s in ordered]
    officials = organisation_officials(contexts)  # named with an organisation's title anywhere in the article
    for sentence, context in zip(ordered, contexts, strict=True):
        text = sentence["text"]
        lowered = text.lower()
        triggered = _may_hold_trigger(lowered) and _ANY_TRIGGER_LOWERCASE.search(lowered)
        if not triggered and not exercise_references(text):
            continue
        ctx = without_hosts(without_organisation_officials(context, officials))
        if _is_off_topic(ctx, story_off_topic):
            continue
        anchors = without_non_engagements(text, _find_anchors(text, ctx.countries)) if triggered else []
        anchors = without_sentence_level_negatives(text, anchors, ctx.countries)
        anchors = without_unsigned_pacts(text, anchors, ctx.countries)
        anchors = without_pacts_in_passing(text, anchors) or exercise_references(text)
        if anchors:
            anchored.append((sentence, ctx, anchors))
    return at_gatherings(anchored, drill_story)


def article_engagements(
    article: dict,
    sentences: list[dict],
    mentions: list[dict],
    persons: dict[str, dict],
    anchored: list[tuple[dict, _SentenceContext, list[Anchor]]] | None = None,
) -> list[dict]:
    """The engagement mentions of one article, in sentence order (pure function of the article). ``anchored`` is
    ``anchored_sentences`` of the article when the caller has already computed it.

    One row per anchor that is not at a multilateral gathering and has a pair. A status the sentence's tense
    does not give (nor its dates) is the previous engagement's status in the article, else "held" for an
    agreement (it is reported once signed) and "planned" for the rest. A place in the pair hosts an engagement
    whose host is not otherwise known, except cooperation (help offered "in Kenya" is not hosted there). The
    article's ``dateline`` (a place, when ``extract_engagements`` found one) places what the text does not.
    An anchor its sentence leaves undated takes, in this order, the date carried from the engagement before it
    ("later that day", ``carry``), the day of the report's dateline if it is the lede's, or the month of the
    gathering of the article it is tied to (``occasions``); the article's gatherings are dated first, since one
    may be dated after the sentence that ties an engagement to it."""
    published = article.get("published_date")
    dateline = article.get("dateline")
    if anchored is None:
        flags = article.get("off_topic_story", False), article.get("drill_story", False)
        anchored = anchored_sentences(sentences, mentions, persons, *flags)
    rows: list[dict] = []
    previous_pair: tuple[str, str] | None = None
    previous_status = previous_kind = None  # the previous engagement's status and kind
    previous_visit, together = None, False  # last visit's sides; did a visit that goes ahead bring two together
    previous_span = visit_span = None  # the last engagement's date, the last visit's ("later that day")
    stated_pair = article.get("stated_pair")  # the pair the article states most often (``parties``)
    lede_pair: tuple[str, str] | None = None
    analysed = []
    texts = {s["sentence_index"]: s["text"] for s in sentences}
    references: list[tuple] = []  # dated definite references that name no pair ("the six-day exercise")
    lede_dated: set[int] = set()  # the rows dated by the report's day as the lede's (``lede_days_yield_to_the_body``)
    for sentence, ctx, anchors in anchored:
        text = sentence["text"]
        clauses = _clauses(text)
        cues = _status_cues(text, anchors)
        statuses = [_status(a, _clause_of(clauses, a.start), cues) for a in anchors]
        statuses, silent = governed_statuses(text, anchors, statuses)
        statuses = without_kinds_named(text, anchors, statuses)
        statuses = without_private_actors(text, anchors, statuses, ctx)
        dates = assign_dates(text, anchors, statuses, published)
        analysed.append((sentence, ctx, anchors, clauses, statuses, silent, dates))
    occasions = gathering_occasions([(s["sentence_index"], s["text"], a, d) for s, _, a, *_, d in analysed])
    unpaired: set[str] = set()  # the kinds the previous anchored sentence stated without a pair (``parties``)
    for sentence, ctx, anchors, clauses, statuses, silent, dates in analysed:
        text = sentence["text"]
        referred, unpaired = (None if refers_to_unpaired(text, unpaired) else previous_pair), set()
        before = texts.get(sentence["sentence_index"] - 1)
        carried = carried_span(text, previous_span, visit_span, before, published) if None in dates else None
        lists = _listed_sets(ctx, anchors, clauses)
        anchors = courtesy_calls(text, anchors, together, statuses, previous_kind)
        for index, (anchor, status, span) in enumerate(zip(anchors, statuses, dates, strict=True)):
            if anchor.multilateral or status == DROP:
                continue
            if span is None and carried is not None and status != "proposed":
                # the visit named in "on the second day of his visit" is that visit, not its second day
                inside = carried.start_char <= anchor.start < carried.end_char and carried.kind != REFERRED_BACK
                span = None if inside else carried
            lede = None
            if span is None or span.kind == REPORT_MONTH:
                span = (
                    dateline_span(text, sentence["sentence_index"], anchor, status, published)
                    or gathering_span(text, sentence["sentence_index"], anchor, status, occasions, published)
                    or (lede := lede_span(text, sentence["sentence_index"], anchor, status, published, (previous_span, previous_kind)))
                    or span
                )
            if span is None and status in ("cancelled", "postponed"):
                span = original_slot(texts.get(sentence["sentence_index"] + 1), published)
            if silent[index]:
                status = None
            clause = _clause_of(clauses, anchor.start)
            listed = _listed_counterparts(ctx, anchor, clause, previous_visit[0] if previous_visit else None)
            if listed is None:
                targets = []
            elif listed:
                targets = [
                    (tuple(sorted((side, m.country_code))), "explicit", m if anchor.kind == "visit" else None)
                    for side, m in listed
                ]
            else:
                destination = (
                    _destination(text, anchor, ctx.places, clause, dateline) if anchor.kind == "visit" else None
                ) or soil_destination(ctx, anchor, clause)
                onward = _onward_leg(ctx, anchor, destination, previous_visit)
                sided = without_witnesses(
                    with_article_sides(ctx, stated_pair or lede_pair, anchor, destination, persons)
                )
                if three_sides(sided):
                    pair, pair_source = None, "explicit"
                elif (
                    found := onward or people_over_topic(sided, anchor, clause) or subject_and_object_pair(sided, anchor)
                ) is not None:
                    pair, pair_source = found, "explicit"
                else:
                    pair, pair_source = _pair_for(sided, anchor, clause, destination, referred)
                if pair is None and (
                    pair := first_person_pair(ctx, referred)
                    or unnamed_side_pair(ctx, anchor, referred, stated_pair or lede_pair)
                ) is not None:
                    pair_source = "coreference"
                targets = (
                    [(pair, pair_source, destination)]
                    if pair is not None and not any(set(pair) <= codes for codes in lists)
                    else []
                )
            if anchor.kind == "visit":  # fellow travellers are no pair (``bystanders``)
                targets = [t for t in targets if not travel_together(parse(text), anchor, t[0], ctx)]
            status = (
                _status_with_dates(status, span, published)
                or previous_status
                or ("held" if anchor.kind == "agreement" else "planned")
            )
            if not targets and span is not None and is_definite_reference(text, anchor):
                references.append((sentence, ctx, anchor, index, anchors, statuses, clause, span, status))
            for pair, pair_source, destination in targets:
                row = mention_row(
                    article,
                    sentence,
                    ctx,
                    anchor,
                    index,
                    anchors,
                    statuses,
                    clause,
                    span,
                    status,
                    pair,
                    pair_source,
                    destination,
                    persons,
                )
                met = met_people(text, anchor, ctx.people, clause, pair)
                counterpart_rows = one_row_per_counterpart(row, text, anchor, met)
                rows.extend(counterpart_rows)
                if lede is not None and span is lede:
                    lede_dated.update(id(r) for r in counterpart_rows)
                if anchor.kind == "visit" and row["initiator_country"] and row["host_country"]:
                    previous_visit = (row["initiator_country"], row["host_country"])
                    together = together or status not in ("cancelled", "postponed")
            unpaired |= set() if targets or not is_domestic(ctx) else {anchor.kind}
            previous_span, visit_span = narrative_day(previous_span, visit_span, anchor, span, bool(targets))
            if targets and lede_pair is None:
                lede_pair = targets[0][0]  # the article's first pair, when it states none (``parties``)
            if targets:
                # after a trip to several countries, "the visit" cannot tell which one it means
                previous_pair = targets[0][0] if len(targets) == 1 else None
                previous_status, previous_kind = status, anchor.kind
    # a dated "the six-day exercise" that names no pair is the article's one exercise (``references``)
    rows += [
        mention_row(article, sentence, ctx, anchor, index, anchors, statuses, clause, span, status, pair, "coreference", None, persons)
        for sentence, ctx, anchor, index, anchors, statuses, clause, span, status in references
        if (pair := referred_pair(anchor.kind, rows)) is not None
    ]
    rows.sort(key=lambda r: (r["sentence_index"], r["start_char"]))
    rows = lede_days_yield_to_the_body(rows, lede_dated, published)
    rows = plans_share_the_called_off_fate(rows, {s["sentence_index"]: s["start_char"] for s in sentences})
    return with_article_places(with_visit_companions(rows, sentences, mentions, persons), article, sentences)


def _listed_sets(ctx: _SentenceContext, anchors: list[Anchor], clauses) -> list[set[str]]:
    """The countries of each list of destinations or counterparts that follows a visit or meeting trigger of the
    sentence ("cancelled his visit to Togo and Benin", "made visits to Chile and Ecuador"): they are no pair with
    each other, for that anchor (``counterparts._listed_counterparts``) or any other the sentence states ("as
    talks on a deal drag on" does not make Togo and Benin the two sides of the talks)."""
    sets = [listed_countries(ctx, anchor, _clause_of(clauses, anchor.start)) for anchor in anchors]
    return [codes for codes in sets if codes]


def _candidate_sentences(sentences: pl.DataFrame) -> pl.DataFrame:
    """The sentences of a batch that may state an engagement (the test article_engagements makes first), so
    that only those become Python dicts: the stem automaton runs in polars over all of them at once, the
    trigger search in Python only over those that hold a stem (``lexicon.TRIGGER_STEM_PATTERN``). Sentences that
    introduce a visit's people are kept too (``companions``)."""
    if not sentences.height:
        return sentences
    lowered = pl.col("text").str.to_lowercase()
    with_stem = sentences.filter(
        lowered.str.contains(TRIGGER_STEM_PATTERN_ASCII_BOUNDARIES)
        | lowered.str.contains(COMPANION_CUE_PATTERN_ASCII_BOUNDARIES)
        | lowered.str.contains(PLAN_TOLD_PATTERN)
        | lowered.str.contains(EXERCISE_REFERENCE_PATTERN)
    )
    return with_stem.filter(
        pl.Series(
            [
                _ANY_TRIGGER_LOWERCASE.search(text.lower()) is not None
                or holds_companion_cue(text)
                or tells_a_plan(text)
                or bool(exercise_references(text))
                for text in with_stem["text"]
            ],
            dtype=pl.Boolean,
        )
    )


_DATELINE_HEAD = 600
"""How much of an article's text may hold its dateline (in its first lines); its head for ``is_off_topic_story``."""


def extract_engagements(
    articles: pl.DataFrame, sentences: pl.DataFrame, entity_mentions: pl.DataFrame, persons: pl.DataFrame
) -> pl.DataFrame:
    """Engagement mentions of a batch of articles (with their text, from which the sentence spans are cut);
    entity_mentions carry linked PERSON ids ('person:<person_id>')."""
    person_rows = {
        row["person_id"]: row
        for row in persons.select(
            [c for c in ("person_id", "name", "country_code", "role") if c in persons.columns]
        ).iter_rows(named=True)
    }
    article_columns = [c for c in ("article_id", "story_id", "published_date") if c in articles.columns]
    all_sentences = with_sentence_text(sentences, articles)
    sentences = with_sentences_before_a_sequel(all_sentences, _candidate_sentences(all_sentences))
    stated_pairs = article_pairs(  # only articles that may state an engagement need the pair they are about
        all_sentences.join(sentences.select("article_id").unique(), on="article_id", how="semi"), entity_mentions
    )
    sentences_by_article = (
        sentences.rows_by_key("article_id", named=True, unique=False) if sentences.height else {}
    )
    mention_columns = [
        "article_id",
        "sentence_index",
        "start_char",
        "end_char",
        "text",
        "label",
        "entity_id",
        "country_code",
    ]
    mentions_by_article = (
        entity_mentions.select(mention_columns)
        .join(
            sentences.select("article_id", "sentence_index"),
            on=["article_id", "sentence_index"],
            how="semi",
            maintain_order="left",
        )
        .rows_by_key("article_id", named=True, unique=False)
        if entity_mentions.height and sentences.height
        else {}
    )
    all_sentences_by_article = (
        all_sentences.join(sentences.select("article_id").unique(), on="article_id", how="semi")
        .sort("article_id", "sentence_index")
        .rows_by_key("article_id", named=True, unique=False)
        if sentences.height
        else {}
    )
    place_mentions = (  # of the articles that may state an engagement, the only ones that ask for their places
        entity_mentions.select(mention_columns)
        .filter(pl.col("label").is_in(["LOCATION", "COUNTRY"]))
        .join(sentences.select("article_id").unique(), on="article_id", how="semi", maintain_order="left")
        .rows_by_key("article_id", named=True, unique=False)
        if entity_mentions.height and sentences.height
        else {}
    )
    people = people_by_article(entity_mentions, sentences)
    rows: list[dict] = []
    texts = dict(articles.select("article_id", "text").iter_rows()) if "text" in articles.columns else {}
    prepared = []
    for article in articles.select(article_columns).iter_rows(named=True):
        article_sentences = sentences_by_article.get(article["article_id"])
        if article_sentences is None:
            continue
        head = (texts.get(article["article_id"]) or "")[:_DATELINE_HEAD]
        article["dateline"] = dateline_place(head)
        # read from the head when a sentence asks (``_is_off_topic``, ``gatherings.at_gatherings``), once
        article["off_topic_story"] = functools.cache(partial(is_off_topic_story, head))
        article["drill_story"] = functools.cache(partial(names_exercise_of_many, head))
        article["stated_pair"] = stated_pairs.get(article["article_id"])
        article["places"] = partial(  # listed when a row wants a place (``with_article_places``)
            article_places,
            all_sentences_by_article.get(article["article_id"], []),
            place_mentions.get(article["article_id"], []),
        )
        article_mentions = mentions_by_article.get(article["article_id"], [])
        flags = article["off_topic_story"], article["drill_story"]
        anchored = anchored_sentences(article_sentences, article_mentions, person_rows, *flags)
        prepared.append((article, article_sentences, article_mentions, anchored))
    with prefetched_parses(
        sentence["text"]
        for *_, anchored in prepared
        for sentence, _, anchors in anchored
        if needs_parse(anchors)
    ):
        for article, article_sentences, article_mentions, anchored in prepared:
            found = article_engagements(article, article_sentences, article_mentions, person_rows, anchored)
            starts = {s["sentence_index"]: s["start_char"] for s in article_sentences}
            people_named = people.get(article["article_id"], [])
            rows.extend(with_referred_people(found, starts, article_mentions, people_named, person_rows))
    return pl.DataFrame(rows, schema=MENTION_SCHEMA)


ENGAGEMENT_CACHE_SCHEMAS = {
    "mentions": polars_schema(EngagementMentionsModel, drop=["article_id", "story_id"])
}
"""What the per-article cache stores for this stage: the mentions without article_id (the cache's own key) and
story_id (joined afresh from the articles on every run, as duplicate detection may change it)."""

ENGAGEMENT_CACHE_KEY = content_key("text_key", "published_date", "people")
"""What an article's engagement mentions depend on: its cleaned text (``text_key``), its publication date and
the linked people it names (``people``, from ``person_fingerprints``). The sentence boundaries and entity
mentions it also reads come from the code of the clean and entities stages, which keys this stage's version
(``pipeline.incremental.keys.STAGES``)."""
