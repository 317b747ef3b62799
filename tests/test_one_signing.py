"""Several documents signed on one occasion are one ``agreement`` record (annotation guide, "Visits and
meetings"), however the reports name them: one by one, as a whole, or each report another one. Signings of other
occasions, and a signing called off beside one that took place, stay apart. Articles made up for these tests."""

from datetime import date

from test_engagements import extract
from test_fusion import fuse, mention

from pipeline.fusion import fuse_engagements

GHANA, TOGO = ("Ghana", "COUNTRY", "GHA"), ("Togo", "COUNTRY", "TGO")
ENTITIES = [GHANA, TOGO, ("Lomé", "LOCATION", "TGO")]
PEOPLE = [("Kwame Adjei", "p-adjei", "GHA", "Foreign Minister")]


def agreements(*rows):
    """(start_date, [sentence_index, ...]) of each agreement the mentions fuse into."""
    engagements, _, evidence = fuse(*rows)
    return sorted(
        (
            row["start_date"],
            sorted(evidence.filter(evidence["engagement_id"] == row["engagement_id"])["sentence_index"]),
        )
        for row in engagements.filter(engagements["engagement_type"] == "agreement").iter_rows(named=True)
    )


def test_documents_listed_one_by_one_for_a_coming_visit_are_one_agreement():
    mentions = extract(
        [
            "Ghana's Foreign Minister Kwame Adjei will visit Togo next week, where the two countries are likely to"
            " sign three agreements.",
            "The proposed documents are an Agreement between Ghana and Togo on the Transfer of Sentenced Persons,"
            " an Agreement on Visa Exemption for Diplomatic Passports and a Memorandum of Understanding on"
            " Fisheries.",
            "The Memorandum of Understanding on Health Cooperation will also be renewed during the visit, Adjei"
            " said.",
        ],
        ENTITIES,
        PEOPLE,
    )
    assert mentions.filter(mentions["engagement_type"] == "agreement")["format"].n_unique() > 2
    engagements, _, evidence = fuse_engagements(mentions)
    (signing,) = engagements.filter(engagements["engagement_type"] == "agreement").iter_rows(named=True)
    cited = evidence.filter(evidence["engagement_id"] == signing["engagement_id"])["sentence_index"]
    assert sorted(cited) == [0, 1, 2]


def test_two_reports_naming_different_documents_of_one_ceremony_a_day_apart_are_one_agreement():
    """ "signed the Treaty of Friendship on Wednesday" in one report, "signed an agreement on border demarcation
    and an agreement on visas" dated Thursday (the next day, counted in another time zone) in another."""
    assert agreements(
        mention(
            "a1",
            sentence=0,
            type_="agreement",
            fmt="Treaty of Friendship",
            status="held",
            start=date(2022, 9, 7),
        ),
        mention("a2", sentence=1, type_="agreement", status="held", start=date(2022, 9, 8)),
        mention(
            "a2",
            sentence=2,
            type_="agreement",
            fmt="agreement on visas",
            status="held",
            start=date(2022, 9, 8),
        ),
    ) == [(date(2022, 9, 7), [0, 1, 2])]


def test_signings_of_one_pair_on_distant_days_stay_two_agreements():
    assert agreements(
        mention(
            "a1", sentence=0, type_="agreement", fmt="border treaty", status="held", start=date(2022, 8, 21)
        ),
        mention(
            "a1",
            sentence=1,
            type_="agreement",
            fmt="Treaty of Friendship",
            status="held",
            start=date(2022, 9, 7),
        ),
    ) == [(date(2022, 8, 21), [0]), (date(2022, 9, 7), [1])]


def test_a_signing_called_off_stays_apart_from_one_held_the_next_day():
    assert (
        len(
            agreements(
                mention(
                    "a1",
                    sentence=0,
                    type_="agreement",
                    fmt="energy pact",
                    status="cancelled",
                    start=date(2022, 9, 7),
                ),
                mention(
                    "a2",
                    sentence=1,
                    type_="agreement",
                    fmt="visa accord",
                    status="held",
                    start=date(2022, 9, 8),
                ),
            )
        )
        == 2
    )


def test_undated_documents_of_one_story_are_one_signing_but_another_report_keeps_its_own():
    """No date line: a story that names two documents signed is one signing; another report's named document,
    also undated, may be another signing of the pair (an earlier pact recalled), and stays apart."""
    assert agreements(
        mention("a1", sentence=0, type_="agreement", status="held"),
        mention("a1", sentence=1, type_="agreement", fmt="agreement on visas", status="held"),
        mention("a1", sentence=2, type_="agreement", fmt="MoU on fisheries", status="held"),
        mention("a2", sentence=3, type_="agreement", fmt="defence cooperation agreement", status="held"),
    ) == [(None, [0, 1, 2]), (None, [3])]


def test_documents_dated_by_consecutive_years_stay_two_agreements():
    """ "the 2008 Joint Declaration on Security Cooperation and the 2009 Action Plan": a year is no occasion."""
    assert agreements(
        mention(
            "a1",
            sentence=0,
            type_="agreement",
            fmt="Joint Declaration",
            status="held",
            start=date(2008, 1, 1),
            end=date(2008, 12, 31),
            precision="year",
        ),
        mention(
            "a1",
            sentence=1,
            type_="agreement",
            fmt="Action Plan",
            status="held",
            start=date(2009, 1, 1),
            end=date(2009, 12, 31),
            precision="year",
        ),
    ) == [(date(2008, 1, 1), [0]), (date(2009, 1, 1), [1])]


def test_one_document_named_undated_in_two_reports_stays_one_agreement():
    """No date line in either: "the implementation of the Special Partnership Agreement" in two reports of one
    summit, one of which also signs the agreement generically, are one record."""
    assert agreements(
        mention("a1", sentence=0, type_="agreement", fmt="Special Partnership Agreement", status="planned"),
        mention("a1", sentence=1, type_="agreement", status="planned"),
        mention("a2", sentence=2, type_="agreement", fmt="Special Partnership Agreement", status="planned"),
    ) == [(None, [0, 1, 2])]
