"""One holder per office: a country has one president, one prime minister, one foreign minister at a time, so an
unqualified title that the article's home country already fills with someone named with that country is the
other country's."""

SINGLE_HOLDER_ROLES = frozenset(
    {
        "president",
        "vice president",
        "prime minister",
        "premier",
        "chancellor",
        "taoiseach",
        "king",
        "queen",
        "emir",
        "amir",
        "sultan",
        "foreign minister",
        "external affairs minister",
        "secretary of state",
        "defence minister",
        "defense minister",
    }
)
"""The offices that one person holds at a time in a country: heads of state and government and the two portfolios
of foreign affairs and defence. Not "minister", "ambassador" or "deputy prime minister", which several hold."""


def one_holder_per_office(people: list[dict], home: str | None, second: str | None) -> None:
    """Give the article's second country (in place) to the people whose country only the article's home country
    gave (``country_evidence`` "article"), when the home country's holder of their office is someone else that the
    text names with that country ("Samoan Prime Minister Tavita Leauga ... Prime Minister Gordon Pike", in a story
    told from Australia that names Samoa most): an office has one holder, so the unqualified one is the other
    side's. Left alone when the second country's holder of that office is also named, when either is a former
    holder, and when there is no second country."""
    if home is None or second is None:
        return

    def holders(code: str) -> set[str]:
        return {
            p["role"].lower()
            for p in people
            if p["country_code"] == code
            and p["role"]
            and p["country_evidence"] in ("known", "explicit", "role")
            and not p["role_is_former"]
        }

    at_home, abroad = holders(home), holders(second)
    for person in people:
        role = (person["role"] or "").lower()
        if (
            person["country_evidence"] == "article"
            and person["country_code"] == home
            and not person["role_is_former"]
            and role in SINGLE_HOLDER_ROLES
            and role in at_home
            and role not in abroad
        ):
            person["country_code"] = second
