"""The talks a called-off visit was to hold are called off with it: a plan told in the past tense ("where he was
scheduled to meet", "had to visit ... to hold a meeting") shares the fate of the pair's cancelled or postponed
engagement, while a new slot told in the present or future stays planned. Sentences made up for these tests
(published Tuesday 6 September 2022)."""

from test_engagements import extract

CHILE, PERU = ("Chile", "COUNTRY", "CHL"), ("Peru", "COUNTRY", "PER")
BOLIVIA = ("Bolivia", "COUNTRY", "BOL")


def statuses(rows) -> list[tuple[str, str, str]]:
    return sorted(
        {(r["country_a"] + "-" + r["country_b"], r["engagement_type"], r["status"]) for r in rows.to_dicts()}
    )


def test_a_meeting_a_cancelled_visit_was_scheduled_to_hold_is_cancelled():
    rows = extract(
        [
            "Chile's foreign minister abruptly cancelled a visit to Peru, where he was scheduled to meet President "
            "Dina Boluarte."
        ],
        [CHILE, PERU],
    )
    assert statuses(rows) == [("CHL-PER", "meeting", "cancelled"), ("CHL-PER", "visit", "cancelled")]


def test_a_visit_the_minister_had_to_make_before_it_was_postponed_is_postponed():
    rows = extract(
        [
            "Chile's foreign minister has postponed his official visit to Peru.",
            "The minister had to visit Peru from September 12 to 14 to hold talks with his Peruvian counterpart.",
        ],
        [CHILE, PERU],
    )
    assert {status for *_, status in statuses(rows)} == {"postponed"}


def test_a_new_slot_told_in_the_future_stays_planned():
    rows = extract(
        [
            "Chile's foreign minister has postponed his official visit to Peru.",
            "He will now visit Peru on October 3 to hold talks with his Peruvian counterpart.",
        ],
        [CHILE, PERU],
    )
    assert ("CHL-PER", "visit", "planned") in statuses(rows)


def test_a_past_plan_of_another_pair_keeps_its_status():
    rows = extract(
        [
            "Chile's foreign minister cancelled his visit to Peru.",
            "Chile's foreign minister was also scheduled to meet Bolivia's foreign minister in La Paz next week.",
        ],
        [CHILE, PERU, BOLIVIA],
    )
    assert ("BOL-CHL", "meeting", "planned") in statuses(rows)
