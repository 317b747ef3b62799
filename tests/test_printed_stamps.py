"""Publication dates a page prints in forms the older rules missed: year-first dates, a crawl banner above the
story's own timestamp, a weekday stamp alone on its line below the menus. Articles written for these tests."""

from datetime import date

import pytest

from pipeline.dates.printed import publication_date_in_text

MENU = "Home\n" + "Politics | Economy | Regions | Sport | Weather\n" * 12


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Ministry news - 2023.04.18\nVilnius\nThe two foreign ministers opened the forum.",
            date(2023, 4, 18),
        ),
        (" date 2022-09-14 The premier of Norland landed in Osterby for talks.", date(2022, 9, 14)),
        ("Bulletin 2022/11/03\nThe delegations met in Kestria.", date(2022, 11, 3)),
        ("Order no. 12.2022.11.3 was published.\nThe delegations met.", None),
    ],
)
def test_a_year_first_date_at_the_top_is_the_publication_date(text, day):
    assert publication_date_in_text(text) == day


def test_a_banner_date_above_the_storys_timestamp_is_not_the_publication_date():
    text = (
        "Valley Times\n\nMonday, 12 June, 2023\nHome WORLD Norland and Estovia sign a pact\n"
        "Thu, 03 March, 2016 09:14:02 PM\nVT Report, March 3\n\n"
        "Norland and Estovia signed a fisheries pact on Wednesday."
    )
    assert publication_date_in_text(text) == date(2016, 3, 3)


def test_a_lone_banner_date_without_a_later_stamp_still_dates_the_page():
    text = "Valley Times\n\nMonday, 12 June, 2023\nNorland and Estovia signed a fisheries pact on Wednesday."
    assert publication_date_in_text(text) == date(2023, 6, 12)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("  • Thursday, 9 March 2023", date(2023, 3, 9)),
        ("Thursday, March 9, 2023", date(2023, 3, 9)),
        ("The ministers met on Thursday, 9 March 2023.", None),
        ("Last updated Thursday, 9 March 2023", None),
    ],
)
def test_a_weekday_stamp_alone_on_its_line_below_the_menus_is_the_publication_date(line, day):
    text = (
        f"{MENU}Norland and Estovia hold consultations\n\n{line}\nThe chancellor received the prime minister."
    )
    assert publication_date_in_text(text) == day


@pytest.mark.parametrize(
    ("stamp", "day"),
    [("Published: 7/7/2017", date(2017, 7, 7)), ("Published: 11/11/2019", date(2019, 11, 11)), ("Published: 3/4/2017", None)],
)
def test_a_slashed_date_whose_day_and_month_are_equal_is_no_ambiguity(stamp, day):
    text = "Norland news\n\nThe two cabinets met in Osterby on Friday.\n\n(END)\n\n" + stamp
    assert publication_date_in_text(text) == day


def test_a_dateline_with_a_space_before_the_comma_of_its_year_dates_the_page():
    text = "Home / World\nNorland and Estovia talk\n\nOSTERBY, Norland, September 8 , 2016 (NNA) — The two prime ministers spoke on Wednesday."
    assert publication_date_in_text(text) == date(2016, 9, 8)
