"""One engagement read as the right type and status: a joint statement is an agreement only when it is signed or
adopted as a document (annotation guide, "A record"), not when it is only where words were said; talks named in a
document's title are that document's subject; what two sides agree or decide to hold is still to come. Articles
made up for these tests."""

import polars as pl
import pytest
from test_engagements import extract, pair_types

GHANA, TOGO = ("Ghana", "COUNTRY", "GHA"), ("Togo", "COUNTRY", "TGO")
GHANAIAN, TOGOLESE = ("Ghanaian", "COUNTRY", "GHA"), ("Togolese", "COUNTRY", "TGO")
ENTITIES = [GHANA, TOGO, GHANAIAN, TOGOLESE]
PEOPLE = [("Kwame Adjei", "p-adjei", "GHA", "President"), ("Faure Gnassingbé", "p-faure", "TGO", "President")]


@pytest.mark.parametrize(
    "sentence",
    [
        '"No two neighbours share deeper ties than Ghana and Togo," Kwame Adjei and Faure Gnassingbé said in a joint'
        " statement.",
        "In a joint statement, Kwame Adjei expressed optimism about Ghana-Togo relations and the potential of their"
        " joint endeavours.",
        "Ghana and Togo will deepen trade, according to the joint statement released by the two presidencies.",
    ],
)
def test_a_joint_statement_quoted_as_the_source_of_words_is_no_agreement(sentence):
    assert ((("GHA", "TGO"), "agreement")) not in pair_types([sentence], ENTITIES, PEOPLE)


@pytest.mark.parametrize(
    "sentence",
    [
        "Kwame Adjei and Faure Gnassingbé signed a joint declaration on Ghana-Togo border security in Lomé.",
        "Kwame Adjei and his Togolese counterpart are to adopt a Joint Statement on their strategic partnership.",
        "In a joint statement signed on Tuesday, Ghana and Togo agreed to open a second border post.",
    ],
)
def test_a_joint_statement_signed_or_adopted_is_an_agreement(sentence):
    assert (("GHA", "TGO"), "agreement") in pair_types([sentence], ENTITIES, PEOPLE)


def test_a_word_that_only_begins_like_a_signing_does_not_make_a_quoted_statement_an_agreement():
    sentence = (
        "In a joint statement, Kwame Adjei noted the potential for significant advancements in Ghana-Togo"
        " relations."
    )
    assert (("GHA", "TGO"), "agreement") not in pair_types([sentence], ENTITIES, PEOPLE)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ghana and Togo signed four MoUs on Thursday, among them an MoU on Bilateral Foreign Office Consultations"
        " between the two foreign secretaries.",
        "A Memorandum of Understanding (MoU) on Annual Political Consultations between the foreign ministries of"
        " Ghana and Togo was signed in March 2009.",
    ],
)
def test_talks_named_inside_a_document_title_are_the_document_not_a_meeting(sentence):
    assert pair_types([sentence], ENTITIES, PEOPLE) == {(("GHA", "TGO"), "agreement")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The two governments agreed to regularly hold a Trade Secretary Level Meeting between Ghana and Togo to"
        " address trade issues.",
        "Kwame Adjei and Faure Gnassingbé decided to hold talks on the Ghana-Togo border in Lomé.",
    ],
)
def test_a_meeting_the_two_sides_agreed_or_decided_to_hold_is_planned(sentence):
    rows = extract([sentence], ENTITIES, PEOPLE).filter(pl.col("engagement_type") == "meeting")
    assert rows["status"].to_list() == ["planned"]
