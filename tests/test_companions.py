"""A visit's companions: the delegation and the hosts a report names in sentences without a trigger of their own
take part in the visit (annotation guide, Participants). Articles written for the tests."""

from tests.test_engagements import extract

ELBONIA, RURITANIA = ("Elbonia", "COUNTRY", "ELB"), ("Ruritania", "COUNTRY", "RUR")
ENTITIES = [ELBONIA, RURITANIA, ("Elbonian", "COUNTRY", "ELB"), ("Ruritanian", "COUNTRY", "RUR")]
VISITOR = ("Otto Brandvik", "brandvik", "ELB", "prime minister")
HOST = ("Mara Quell", "quell", "RUR", "president")
MINISTER = ("Ion Tabac", "tabac", None, "defence minister")
ENVOY = ("Dan Vel", "vel", "USA", "envoy")


def visit_participants(sentences: list[str], people) -> set[str]:
    rows = extract(sentences, ENTITIES, people).filter(engagement_type="visit")
    return {p["person_id"] for ps in rows["participants"].to_list() for p in ps}


def test_the_delegation_named_after_the_arrival_takes_part_in_the_visit():
    found = visit_participants(
        [
            "Elbonian Prime Minister Otto Brandvik arrived in Ruritania on Monday for a two-day visit.",
            "The prime minister's delegation comprises Defence Minister Ion Tabac.",
        ],
        [VISITOR, MINISTER],
    )
    assert found == {"brandvik", "tabac"}


def test_the_host_who_welcomed_the_visitor_takes_part_in_the_visit():
    found = visit_participants(
        [
            "Elbonian Prime Minister Otto Brandvik arrived in Ruritania on Monday for a two-day visit.",
            "Upon arrival at the airport, he was accorded a warm welcome by Ruritanian President Mara Quell.",
        ],
        [VISITOR, HOST],
    )
    assert found == {"brandvik", "quell"}


def test_a_companion_of_a_third_country_does_not_take_part():
    found = visit_participants(
        [
            "Elbonian Prime Minister Otto Brandvik arrived in Ruritania on Monday for a two-day visit.",
            "He was accompanied by the American envoy Dan Vel.",
        ],
        [VISITOR, ENVOY],
    )
    assert found == {"brandvik"}


def test_companions_named_long_after_the_visit_are_not_its_participants():
    found = visit_participants(
        [
            "Elbonian Prime Minister Otto Brandvik arrived in Ruritania on Monday for a two-day visit.",
            "Trade between the two countries has grown.",
            "Exports of timber doubled last year.",
            "Imports of grain fell.",
            "Analysts expect more growth.",
            "At an unrelated ceremony, guests were welcomed by Defence Minister Ion Tabac.",
        ],
        [VISITOR, MINISTER],
    )
    assert found == {"brandvik"}
