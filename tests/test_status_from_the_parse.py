"""Status from the governing verb, further classes: one small article of our own per class of phrasing."""

from datetime import date

from test_engagements import extract

PUBLISHED = date(2023, 2, 15)
CHILE_PERU = [
    ("Chilean", "COUNTRY", "CHL"),
    ("Chile", "COUNTRY", "CHL"),
    ("Peru", "COUNTRY", "PER"),
    ("Peruvian", "COUNTRY", "PER"),
]


def statuses(sentences, entities=CHILE_PERU, people=(), published=PUBLISHED):
    """(sentence index, type, status) of every mention the sentences give."""
    frame = extract(sentences, entities, people, published=published)
    return [(r["sentence_index"], r["engagement_type"], r["status"]) for r in frame.iter_rows(named=True)]


def test_what_a_visit_marked_in_the_past_tells_that_it_took_place():
    """A visit that "marked" or "was followed by" something has happened, while "will mark" says nothing."""
    found = statuses(
        [
            "The Chilean defence minister's visit to Peru marked his first trip abroad since taking office.",
            "The visit was followed by a reception for the Peruvian cabinet.",
        ]
    )
    assert [status for _, kind, status in found if kind == "visit"] == ["held", "held"]


def test_what_an_upcoming_visit_will_mark_leaves_it_planned():
    found = statuses(
        [
            "The Chilean foreign minister will visit Peru next week.",
            "The visit will mark the first trip abroad of the new minister.",
        ]
    )
    assert [status for _, kind, status in found if kind == "visit"] == ["planned", "planned"]


def test_a_signing_that_followed_a_meeting_takes_the_tense_of_the_passive():
    """The agent of a passive ("was followed by the signing") is the setting of the verb: its tense is the
    engagement's, not that of a relative clause after it ("which will pave the way")."""
    found = statuses(
        [
            "The Chilean and Peruvian presidents met in Lima.",
            "The meeting was then followed by the signing of a fisheries memorandum between Chile and Peru, "
            "which will pave the way for more trade.",
        ]
    )
    assert ("agreement", "held") in [(kind, status) for index, kind, status in found if index == 1]


def test_a_hope_that_someone_will_travel_is_a_proposal():
    """The content of a hope is hoped for, not planned, whatever the tense inside it (guide: proposed)."""
    found = statuses(
        ["The Chilean foreign minister expressed hope he will travel to Peru in the near future."]
    )
    assert found == [(0, "visit", "proposed")]


def test_a_suggestion_that_leaders_meet_is_a_proposal():
    found = statuses(["The Chilean president suggested that the leaders of Chile and Peru meet in Lima in May."])
    assert [status for _, kind, status in found if kind == "meeting"] == ["proposed"]


def test_readiness_to_hold_an_engagement_is_a_proposal():
    """ "Is ready to hold drills", "is prepared to host talks", "is willing to meet": one side would take part;
    nothing is arranged (guide: proposed)."""
    for sentence in (
        "The Chilean navy chief said in November that Chile is also fully prepared to hold joint naval drills "
        "with Peru.",
        "Chile is ready to hold talks with Peru on water rights.",
        "The Chilean president said he is willing to meet his Peruvian counterpart.",
    ):
        assert [status for _, _, status in statuses([sentence])] == ["proposed"], sentence


def test_a_meeting_that_a_visit_includes_is_planned():
    """A programme is told in the present: "a visit that includes a meeting" names what is to come, even while
    the visit itself is under way; what a visit held is told in the past ("the visit included talks")."""
    found = statuses(
        [
            "The Chilean president arrives in Lima on Thursday for a two-day visit to Peru, which includes a "
            "bilateral meeting with the Peruvian president."
        ]
    )
    assert ("meeting", "planned") in [(kind, status) for _, kind, status in found]
    past = statuses(
        ["The Chilean president's visit to Peru last week included a bilateral meeting with the Peruvian president."]
    )
    assert ("meeting", "held") in [(kind, status) for _, kind, status in past]


def test_a_visit_during_which_a_meeting_is_scheduled_is_not_held():
    """ "During the visit, X was scheduled to meet Y": the setting belongs to the scheduled meeting, so the plan,
    not the tense of the passive "was scheduled", gives the visit its status."""
    found = statuses(
        [
            "The Chilean prime minister will arrive in Peru once the new cabinet is approved.",
            "During the visit, the Chilean prime minister was scheduled to meet the Peruvian president.",
        ]
    )
    assert [status for _, kind, status in found if kind == "visit"] == ["planned", "planned"]


def test_a_meeting_at_which_a_decision_was_taken_was_held():
    found = statuses(["At the meeting in Lima on Monday, Chile and Peru agreed to hold joint naval drills."])
    assert ("meeting", "held") in [(kind, status) for _, kind, status in found]


def test_an_engagement_named_as_the_setting_of_a_call_off_is_not_called_off():
    """ "will reschedule their talks before the upcoming visit": the talks are called off, the visit they are
    set against is not; it keeps the status the article gives it."""
    found = statuses(
        [
            "The Chilean president postponed a meeting with the Peruvian president, and it is unknown if the two "
            "will reschedule their talks before his upcoming visit to Peru in January."
        ]
    )
    assert ("visit", "postponed") not in [(kind, status) for _, kind, status in found]
    assert ("meeting", "postponed") in [(kind, status) for _, kind, status in found]


def test_a_visit_pushed_back_is_postponed():
    """The parser may read the particle of "push back", "call off" as an adverb: it still calls the visit off."""
    found = statuses(["The Chilean president's visit to Peru was pushed back at the request of Lima."])
    assert found == [(0, "visit", "postponed")]


def test_the_edition_of_an_exercise_that_commenced_was_held():
    """ "The 8th edition of the joint exercise commenced Monday": the edition is the exercise, so the verb above
    it is the exercise's own; the tagger's past participle heading the sentence is a simple past. (No date line:
    the verb alone, not a date before publication, tells it.)"""
    found = statuses(
        ["The 5th edition of the Chile-Peru Joint Naval Exercise, PACIFICO-2023, commenced Monday at the naval base "
         "in Callao."],
        published=None,
    )
    assert found == [(0, "exercise", "held")]


def test_an_agreement_whose_signing_followed_talks_was_signed():
    found = statuses(
        [
            "The Chilean and Peruvian presidents held talks in Lima.",
            "The talks were followed by the signing of a fisheries Memorandum of Understanding, which will "
            "open new markets.",
        ]
    )
    assert ("agreement", "held") in [(kind, status) for index, kind, status in found if index == 1]


def test_an_engagement_of_the_publication_day_that_no_tense_speaks_of_is_held():
    """A report of the day tells what has happened or is under way (guide: held), when no verb says otherwise;
    "will meet on Wednesday" in Wednesday's report stays planned."""
    wednesday = date(2023, 2, 15)
    found = statuses(
        [
            "Lima - The Chilean president, on Wednesday telephone call from the Peruvian president, who "
            "congratulated him on the national holiday."
        ],
        published=wednesday,
    )
    assert found == [(0, "call", "held")]
    planned = statuses(["The Chilean president will meet the Peruvian president on Wednesday."], published=wednesday)
    assert [status for _, _, status in planned] == ["planned"]
