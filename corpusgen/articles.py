"""One article: a diplomatic story (engagements stated by the templates, as a careful reader would code them)
or ordinary news, padded with background sentences to its length, then rendered with the noise real feeds carry;
and a syndicated near duplicate of it."""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from corpusgen.data import (
    ENGAGEMENT_TYPE_WEIGHTS,
    NEWS_TOPICS,
    STATUS_WEIGHTS,
    Country,
    countries,
    pick,
    templates,
)
from corpusgen.dates import DatePhrase, distant_past_phrase, single_day_phrase, span_phrase
from corpusgen.slots import Slots, country_slots, fill, official

MIN_WORDS, MAX_WORDS = 300, 900
ORIGINAL_MAX_WORDS = 850
"""Originals stay below the limit, so a near duplicate's extra boilerplate and changed sentence still fit."""
FIRST_PUBLICATION, LAST_PUBLICATION = date(2019, 1, 1), date(2024, 12, 31)


@dataclass
class Paragraph:
    sentences: list[str]
    is_filler: bool = False


@dataclass(frozen=True)
class Engagement:
    country_a: str
    country_b: str
    engagement_type: str
    status: str
    dates: DatePhrase
    location_city: str | None
    host_country: str | None
    evidence: str


@dataclass(frozen=True)
class Noise:
    glue_share: float
    wrap_width: int | None
    repeated_paragraph: int | None
    boilerplate: tuple[tuple[int, str], ...]
    paragraph_separator: str
    headline_in_text: bool


@dataclass
class Article:
    published: date
    category: str
    title: str
    paragraphs: list[Paragraph]
    engagements: list[Engagement]
    noise: Noise
    outlet_seed: int
    extra_boilerplate: tuple[str, ...] = field(default_factory=tuple)
    text: str = ""
    """The rendered text, kept once the article is final."""


def filler_sentence(rng: random.Random, slots: Slots) -> str:
    pools = templates()
    tail = pick(rng, pools["filler.tail"])
    joiner = "" if tail[0] in ",." else " "
    sentence = (
        " ".join(
            [
                pick(rng, pools["filler.subject"]),
                pick(rng, pools["filler.verb"]),
                pick(rng, pools["filler.clause"]),
            ]
        )
        + joiner
        + tail
    )
    return fill(sentence, slots)


def unused_template(rng: random.Random, slots: Slots, section: str) -> str | None:
    """A template of ``section`` not yet used in this article, so that no article repeats a sentence frame."""
    used = slots["used_templates"]
    unused = [template for template in templates()[section] if template not in used]
    if not unused:
        return None
    template = pick(rng, unused)
    used.add(template)
    return template


def background_sentence(rng: random.Random, slots: Slots, section: str) -> str:
    template = unused_template(rng, slots, section)
    return fill(template, slots) if template else filler_sentence(rng, slots)


def filler_paragraph(rng: random.Random, slots: Slots, sections: list[str]) -> Paragraph:
    """Background sentences that state no engagement: section templates mixed with composed sentences."""
    sentences = []
    for _ in range(rng.randint(2, 5)):
        if rng.random() < 0.5:
            sentences.append(filler_sentence(rng, slots))
        else:
            sentences.append(background_sentence(rng, slots, pick(rng, sections)))
    return Paragraph(sentences, is_filler=True)


def pick_country(rng: random.Random, exclude: set[str]) -> Country:
    while True:
        country = pick(rng, countries())
        if country.code not in exclude:
            return country


def engagement_statement(
    rng: random.Random,
    slots: Slots,
    engagement_type: str,
    status: str,
    section: str,
    a: Country,
    b: Country,
    dates: DatePhrase | None = None,
) -> tuple[str, Engagement]:
    """One sentence stating one engagement, and the engagement as a careful reader would code it."""
    template = pick(rng, templates()[section])
    published, british = slots.published, slots["british"]
    future = status != "held"
    if dates is None and "{span}" in template:
        dates = span_phrase(rng, published, future, british)
    elif dates is None and "{when}" in template:
        dates = single_day_phrase(rng, published, future, british)
    elif dates is None and "{when_far}" in template:
        dates = distant_past_phrase(rng, published, british)
    dates = dates or DatePhrase("", None, None, None)
    host = b if engagement_type in {"visit", "exercise"} or rng.random() < 0.6 else a
    city = pick(rng, host.cities)
    pa, sa = official_of(rng, slots, a)
    pb, sb = official_of(rng, slots, b)
    values = {
        **country_slots("A", a),
        **country_slots("B", b),
        "pa": pa,
        "pb": pb,
        "sa": sa,
        "sb": sb,
        "city": city,
        "when": dates.text,
        "span": dates.text,
        "when_far": dates.text,
        "a_article": "an" if a.demonym[0] in "AEIOU" else "a",
        "exercise": " ".join(rng.sample(templates()["exercise_word"], 2)),
    }
    sentence = fill(template, slots.with_values(**values))
    low, high = sorted([a.code, b.code])
    in_city = "{city}" in template
    return sentence, Engagement(
        low,
        high,
        engagement_type,
        status,
        dates,
        city if in_city else None,
        b.code if engagement_type == "visit" else (host.code if in_city else None),
        sentence,
    )


def official_of(rng: random.Random, slots: Slots, country: Country) -> tuple[str, str]:
    """The article's own official for the two main countries, so that quotes name the people in the lead."""
    for key in ("a", "b"):
        if slots[f"country_{key}"] is country:
            return slots[f"p{key}"], slots[f"s{key}"]
    return official(rng, country)


def pick_status(rng: random.Random, engagement_type: str) -> str:
    available = [status for status in STATUS_WEIGHTS if f"{engagement_type}.{status}" in templates()]
    return rng.choices(available, [STATUS_WEIGHTS[status] for status in available])[0]


def pick_type(rng: random.Random) -> str:
    return rng.choices(list(ENGAGEMENT_TYPE_WEIGHTS), list(ENGAGEMENT_TYPE_WEIGHTS.values()))[0]


def diplomatic_body(rng: random.Random, slots: Slots) -> tuple[str, list[Paragraph], list[Engagement]]:
    """Headline, paragraphs and engagements of a diplomatic story about the pair A-B."""
    pools = templates()
    a, b = slots["country_a"], slots["country_b"]
    main_type = pick_type(rng)
    status = pick_status(rng, main_type)
    lead, main = engagement_statement(rng, slots, main_type, status, f"{main_type}.{status}", a, b)
    engagements = [main]
    paragraphs = [Paragraph([lead, background_sentence(rng, slots, "diplo_filler")])]
    paragraphs.append(
        Paragraph([background_sentence(rng, slots, "diplo_filler") for _ in range(rng.randint(2, 3))])
    )
    if rng.random() < 0.35:
        other = b if rng.random() < 0.5 else pick_country(rng, {a.code, b.code})
        second_type = pick_type(rng)
        while other is b and second_type == main_type:
            second_type = pick_type(rng)
        second_status = pick_status(rng, second_type)
        sentence, second = engagement_statement(
            rng, slots, second_type, second_status, f"{second_type}.{second_status}", a, other
        )
        engagements.append(second)
        paragraphs.append(Paragraph([sentence, background_sentence(rng, slots, "diplo_filler")]))
    if rng.random() < 0.35:
        past_type = pick(rng, ["meeting", "visit", "agreement"])
        sentence, past = engagement_statement(rng, slots, past_type, "held", f"past.{past_type}", a, b)
        engagements.append(past)
        paragraphs.append(Paragraph([sentence, background_sentence(rng, slots, "diplo_filler")]))
    if rng.random() < 0.25:
        paragraph, sideline = summit_paragraph(rng, slots, a, b)
        paragraphs.append(paragraph)
        engagements.extend(sideline)
    if rng.random() < 0.6:
        paragraphs.append(
            Paragraph([background_sentence(rng, slots, "context") for _ in range(rng.randint(1, 2))])
        )
    title = fill(pick(rng, pools[f"headline.{main_type}"]), slots)
    return title, paragraphs, engagements


def summit_paragraph(
    rng: random.Random, slots: Slots, a: Country, b: Country
) -> tuple[Paragraph, list[Engagement]]:
    """A multilateral gathering (no engagement), maybe with a bilateral meeting on its sidelines (one)."""
    future = rng.random() < 0.4
    dates = single_day_phrase(rng, slots.published, future, slots["british"])
    others = {a.code, b.code}
    attendees = [a, b]
    while len(attendees) < 4:
        attendees.append(pick_country(rng, others))
        others.add(attendees[-1].code)
    rng.shuffle(attendees)
    venue = pick_country(rng, set())
    summit_slots = slots.with_values(
        when=dates.text,
        city=venue.capital,
        **{f"C{i + 1}": country.name for i, country in enumerate(attendees)},
    )
    sentences = [fill(pick(rng, templates()["summit.paragraph"]), summit_slots)]
    engagements = []
    if rng.random() < 0.6:
        status = "planned" if future else "held"
        sentence, sideline = engagement_statement(
            rng, slots, "meeting", status, f"sideline.{status}", a, b, dates
        )
        sentences.append(sentence)
        engagements.append(replace(sideline, location_city=venue.capital, host_country=None))
    return Paragraph(sentences), engagements


def news_body(rng: random.Random, slots: Slots, topic: str) -> tuple[str, list[Paragraph]]:
    pools = templates()
    sentences = rng.sample(pools[topic], min(len(pools[topic]), rng.randint(3, 6)))
    paragraphs = [Paragraph([fill(sentence, slots) for sentence in sentences[:2]])]
    paragraphs.append(Paragraph([fill(sentence, slots) for sentence in sentences[2:]]))
    return fill(pick(rng, pools[f"headline.{topic}"]), slots), paragraphs


def pick_noise(rng: random.Random, n_paragraphs: int) -> Noise:
    boilerplate = []
    if rng.random() < 0.4:
        for _ in range(rng.randint(1, 3)):
            boilerplate.append((rng.randint(0, n_paragraphs), pick(rng, templates()["boilerplate"])))
    return Noise(
        glue_share=pick(rng, [0.0, 0.0, 0.0, 0.0, 0.5, 1.0]),
        wrap_width=rng.randint(60, 90) if rng.random() < 0.1 else None,
        repeated_paragraph=rng.randint(0, 1) if rng.random() < 0.08 else None,
        boilerplate=tuple(sorted(boilerplate)),
        paragraph_separator=pick(rng, ["\n", "\n\n"]),
        headline_in_text=rng.random() < 0.5,
    )


def original_article(seed: int, position: int, mix: float) -> Article:
    """The article at ``position``: a pure function of (seed, position)."""
    rng = random.Random(f"{seed}:{position}")
    published = FIRST_PUBLICATION + timedelta(
        days=rng.randint(0, (LAST_PUBLICATION - FIRST_PUBLICATION).days)
    )
    a = pick_country(rng, set())
    b = pick_country(rng, {a.code})
    c = pick_country(rng, {a.code, b.code})
    d = pick_country(rng, {a.code, b.code, c.code})
    diplomatic = rng.random() < mix
    slots = Slots(
        rng,
        published,
        {
            **country_slots("A", a),
            **country_slots("B", b),
            **country_slots("C", c),
            **country_slots("D", d),
            "C1": c.name,
            "C2": d.name,
            "country_a": a,
            "country_b": b,
            "british": rng.random() < 0.4,
            "city": pick(rng, (a if diplomatic else c).cities),
            "company": pick(rng, templates()["company"]),
            "team": pick(rng, templates()["team"]),
            "used_templates": set(),
        },
    )
    slots["pa"], slots["sa"] = official(rng, a)
    slots["pb"], slots["sb"] = official(rng, b)
    if diplomatic:
        title, paragraphs, engagements = diplomatic_body(rng, slots)
        filler_sections, category = ["diplo_filler", "context", "business"], "diplomatic"
    else:
        category = pick(rng, NEWS_TOPICS)
        title, paragraphs = news_body(rng, slots, category)
        engagements, filler_sections = [], [category]
    target = rng.randint(MIN_WORDS + 30, ORIGINAL_MAX_WORDS - 40)
    words = sum(word_count(sentence) for paragraph in paragraphs for sentence in paragraph.sentences)
    while words < target:
        paragraphs.append(filler_paragraph(rng, slots, filler_sections))
        words += sum(word_count(sentence) for sentence in paragraphs[-1].sentences)
    article = Article(
        published,
        category,
        title,
        paragraphs,
        engagements,
        pick_noise(rng, len(paragraphs)),
        rng.randrange(1 << 30),
    )
    return fit_length(article, rng, slots, filler_sections)


def fit_length(article: Article, rng: random.Random, slots: Slots, sections: list[str]) -> Article:
    """Drop or add filler paragraphs until the rendered text (noise included) is within the word limits."""
    while True:
        article.text = render(article)
        words = word_count(article.text)
        fillers = [index for index, paragraph in enumerate(article.paragraphs) if paragraph.is_filler]
        if words > ORIGINAL_MAX_WORDS and fillers:
            del article.paragraphs[fillers[-1]]
        elif words < MIN_WORDS + 10:
            article.paragraphs.append(filler_paragraph(rng, slots, sections))
        else:
            return article


def word_count(text: str) -> int:
    return len(text.split())


def render(article: Article) -> str:
    """The article text as the feed delivers it: noise applied to the clean paragraphs."""
    noise = article.noise
    rng = random.Random(article.outlet_seed)
    blocks = []
    for paragraph in article.paragraphs:
        text = paragraph.sentences[0]
        for sentence in paragraph.sentences[1:]:
            text += ("" if rng.random() < noise.glue_share else " ") + sentence
        blocks.append(hard_wrap(text, noise.wrap_width) if noise.wrap_width else text)
    if noise.repeated_paragraph is not None:
        blocks.insert(noise.repeated_paragraph + 1, blocks[noise.repeated_paragraph])
    for offset, (position, line) in enumerate(noise.boilerplate):
        blocks.insert(min(position + offset, len(blocks)), fill_boilerplate(line, rng, article))
    blocks.extend(fill_boilerplate(line, rng, article) for line in article.extra_boilerplate)
    if noise.headline_in_text:
        blocks.insert(0, article.title)
    return noise.paragraph_separator.join(blocks)


def hard_wrap(text: str, width: int) -> str:
    """Break lines at the last space before ``width``, as feeds that cut text into fixed-width lines do."""
    lines, start = [], 0
    while len(text) - start > width:
        cut = text.rfind(" ", start, start + width)
        if cut <= start:
            cut = text.find(" ", start + width)
            if cut < 0:
                break
        lines.append(text[start:cut])
        start = cut + 1
    lines.append(text[start:])
    return "\n".join(lines)


def fill_boilerplate(line: str, rng: random.Random, article: Article) -> str:
    return fill(line, Slots(rng, article.published, {}))


def near_duplicate(original: Article, rng: random.Random) -> Article:
    """A syndicated copy: another headline, one background sentence rewritten, an extra boilerplate line."""
    slots = Slots(rng, original.published, {})
    paragraphs = [Paragraph(list(p.sentences), p.is_filler) for p in original.paragraphs]
    fillers = [p for p in paragraphs if p.is_filler]
    if fillers:
        target = pick(rng, fillers)
        target.sentences[rng.randrange(len(target.sentences))] = filler_sentence(rng, slots)
    title = (
        pick(rng, ["UPDATE: ", "", "Analysis: "])
        + original.title.rstrip(".")
        + pick(rng, [" - report", " amid wider talks", "", " (updated)"])
    )
    extra = (pick(rng, templates()["boilerplate"]),)
    copy = replace(original, title=title, paragraphs=paragraphs, extra_boilerplate=extra)
    copy.text = render(copy)
    return copy
