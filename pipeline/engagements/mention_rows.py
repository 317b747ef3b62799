"""The mention row of an anchor and one of its pairs: the attributes that follow once the pair is known (initiator
and host, place, participants, confidence), with the date and status the article's reading gave the anchor."""

from __future__ import annotations

from pipeline.engagements.attributes import _confidence, _initiator, _location, _participants


def mention_row(
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
) -> dict:
    """One mention row: an anchor with one of its pairs and the attributes that follow from the pair (the
    article's publication date and dateline are read from ``article``)."""
    published, dateline = article.get("published_date"), article.get("dateline")
    text = ctx.text
    trigger_text = text[anchor.start : anchor.end]
    initiator, host = _initiator(ctx, anchor, pair, destination, trigger_text)
    place = destination or _location(text, index, anchors, statuses, ctx.places, clause, pair, dateline)
    if host is None and place is not None and place.country_code in pair and anchor.kind != "cooperation":
        host = place.country_code
    participants = _participants(ctx, clause, pair, persons)
    return {
        "article_id": article["article_id"],
        "story_id": article.get("story_id") or article["article_id"],
        "sentence_index": sentence["sentence_index"],
        "start_char": sentence["start_char"] + anchor.start,
        "end_char": sentence["start_char"] + anchor.end,
        "sentence": text,
        "trigger": trigger_text,
        "country_a": pair[0],
        "country_b": pair[1],
        "initiator_country": initiator,
        "host_country": host,
        "engagement_type": anchor.kind,
        "format": anchor.format,
        "status": status,
        "start_date": span.start if span else None,
        "end_date": span.end if span else None,
        "date_precision": span.precision if span else None,
        "end_date_implied": bool(span and span.end_implied),
        "location_city": place.text if place is not None and place.label == "LOCATION" else None,
        "location_country": place.country_code if place is not None else None,
        "ordinal": anchor.ordinal,
        "participant_person_ids": [p["person_id"] for p in participants],
        "participants": participants,
        "pair_source": pair_source,
        "confidence": _confidence(anchor, pair_source, span is not None, bool(participants)),
        "published_date": published,
        "counterpart": None,
    }
