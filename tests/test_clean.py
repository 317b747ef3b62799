"""Specification of the clean stage: what survives cleaning, how sentences are split, the frames produced."""

import re
from pathlib import Path

import pandera.errors
import polars as pl
import pytest

from pipeline.clean import (
    _BOILERPLATE_LABELS,
    ArticlesModel,
    SentencesModel,
    clean_article,
    clean_articles,
    clean_text,
    content_hash,
    is_boilerplate,
    restore_sentence_spaces,
    split_sentences,
)
from pipeline.ingest import RAW_ARTICLES_SCHEMA, parse_text_article
from pipeline.texts import with_sentence_text

SEED_000 = Path(__file__).parent.parent / "data" / "raw" / "000_3f69f6ecd690c756.txt"


def raw_articles(*texts: str, titles: list[str | None] | None = None) -> pl.DataFrame:
    rows = [
        parse_text_article(f" date 2024-03-01\n{text}", f"test_{index}.txt")
        for index, text in enumerate(texts)
    ]
    for row, title in zip(rows, titles or [None] * len(rows), strict=True):
        row["title"] = title
    return pl.DataFrame(rows, schema=RAW_ARTICLES_SCHEMA)


def sentences_of(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def cleaned_sentences(raw_text: str) -> list[str]:
    article = clean_article(raw_text, title="")
    return [article.text[start:end] for start, end in article.sentence_spans]


# --- the seed article ------------------------------------------------------------------------------------


def test_seed_000_keeps_every_sentence_once_in_order_of_first_appearance():
    raw = pl.DataFrame([parse_text_article(SEED_000.read_text(), SEED_000.name)], schema=RAW_ARTICLES_SCHEMA)
    articles, sentences = clean_articles(raw)
    assert with_sentence_text(sentences, articles)["text"].to_list() == [
        'India and Japan will explore new ways to strengthen the "special strategic and global '
        "partnership\" during high-level ministerial meetings in Tokyo, India's Ministry of External "
        "Affairs said on Tuesday.",
        "Indian defense minister Rajnath Singh and foreign affairs minister Subrahmanyam Jaishankar "
        "are to pay Tokyo a three-day visit from Wednesday.",
        "As well as the second India-Japan 2+2 Ministerial Meeting, the foreign and defense ministers"
        " of the two countries will hold a Defense Ministerial Meeting and Foreign Ministers' "
        "Strategic Dialogue.",
        '"The India-Japan Special Strategic and Global Partnership is based on shared values of '
        'democracy, freedom, and respect for the rule of law," the statement issued by New Delhi on '
        "Tuesday said.",
        "Before the high-level meetings, the Indian defense ministry said that a lot of potential "
        "exists for co-production and co-development in areas such as manufacturing small arms, "
        "rockets, mortars, military and specialist vehicles.",
        "The two countries could sign joint production agreements for UAVs, anti-drone systems, and "
        "underwater communication.",
        "Satoshi Suzuki, the Japanese Ambassador to India, said last week that Japan is ready to help"
        " India to develop a domestic fifth-generation stealth fighter and future-generation naval "
        "vessels and submarines.",
        "India and its Quad partner Japan have furthered their defense ties as China's maritime "
        "activities in and around the Indian Ocean grow.",
        "The Indian navy has still dominates the Indian Ocean region.",
        "New Delhi has expanded its defense cooperation with Japan, which had already invested "
        "heavily in India's infrastructure sector, as the influence of their arch-rival China grows "
        "in the Asia-Pacific.",
        "India's External Affairs Minister Subrahmanyam Jaishankar said that India should look beyond"
        " the Indian Ocean when discussing maritime interests.",
        '"Defense industries from both sides may forge partnerships for co-development and '
        'co-production, and explore the domestic and export markets together," Anurag Bajpai, joint '
        "secretary in the Ministry of Defense, said.",
    ]


# --- unicode and whitespace ------------------------------------------------------------------------------


def test_mojibake_is_repaired():
    assert clean_text("The minister said â€œyesâ€\x9d to the plan.") == 'The minister said "yes" to the plan.'


def test_text_is_nfc_normalised():
    assert clean_text("They met at a cafe\u0301 in Paris.") == "They met at a caf\u00e9 in Paris."


def test_odd_and_invisible_spaces_become_single_spaces():
    assert (
        clean_text("India\u00a0and\u2009Japan\u200b  signed\tthe pact.") == "India and Japan signed the pact."
    )


def test_control_characters_are_removed():
    assert clean_text("The pact\x07 was signed.") == "The pact was signed."


def test_control_characters_are_removed_from_a_text_with_non_ascii_letters():
    assert clean_text("The pact\x07 was signed in Malmö.") == "The pact was signed in Malmö."


def test_html_entities_are_unescaped():
    assert clean_text("Trade &amp; security were discussed.") == "Trade & security were discussed."


# --- broken lines ----------------------------------------------------------------------------------------


def test_line_starting_with_comma_rejoins_the_previous_line():
    assert cleaned_sentences("The two sides met in Rome\n, the ministry said.") == [
        "The two sides met in Rome, the ministry said."
    ]


def test_line_starting_lowercase_continues_the_previous_line():
    assert cleaned_sentences("Both navies have deepened their ties\nas trade grows in the region.") == [
        "Both navies have deepened their ties as trade grows in the region."
    ]


def test_line_ending_in_a_function_word_continues_into_the_next():
    assert cleaned_sentences("The envoy said the\nFrench delegation had arrived.") == [
        "The envoy said the French delegation had arrived."
    ]


def test_long_line_without_sentence_punctuation_continues_into_the_next():
    text = (
        "Officials from both countries said on Monday that the annual strategic dialogue between their"
        " ministers\nCanberra would host next month."
    )
    assert cleaned_sentences(text) == [
        "Officials from both countries said on Monday that the annual strategic dialogue between their"
        " ministers Canberra would host next month."
    ]


def test_finished_sentence_is_not_joined_to_the_next_paragraph():
    assert (
        clean_text("The talks ended.\nThe next round is in May.")
        == "The talks ended.\nThe next round is in May."
    )


# --- missing spaces after sentence ends ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("glued", "restored"),
    [
        ("They met on Tuesday.Officials said more.", "They met on Tuesday. Officials said more."),
        ("It grew in 2019.The rest followed.", "It grew in 2019. The rest followed."),
        ('Both signed the "Accord."The talks end today.', 'Both signed the "Accord." The talks end today.'),
        (
            'They held the Dialogue."The pact matters," he said.',
            'They held the Dialogue. "The pact matters," he said.',
        ),
        ("Is it over?Nobody knows.", "Is it over? Nobody knows."),
    ],
)
def test_missing_space_after_sentence_end_is_restored(glued, restored):
    assert restore_sentence_spaces(glued) == restored


@pytest.mark.parametrize(
    "intact",
    [
        "The U.S.Army and the U.K. sent envoys.",
        "A 2+2 meeting grew 3.5 per cent.",
        "Fruit, e.g. apples, is cheap.",
        "See example.com or News.Example.org for details.",
        "Minister S.Jaishankar and S. Jaishankar are one person.",
        "Mr.Smith met Dr.Jones.",
    ],
)
def test_abbreviations_decimals_domains_and_initials_get_no_space(intact):
    assert restore_sentence_spaces(intact) == intact


# --- boilerplate -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Download the Example News app for the latest updates",
        "Subscribe to our newsletter",
        "Tired of too many ads? Go ad-free now",
        "Click here to read the full report",
        "English | हिन्दी | বাংলা | मराठी | Tamil | Telugu",
        "Hindi Bengali Tamil Telugu Marathi Gujarati",
        "More Stories From Asia",
        "Read more: Leaders meet in Geneva",
        "Also read: Talks resume next week",
        "Photo: Ministry of Defence",
        "(Photo credit: Press Office)",
        "File photo of the summit venue",
        "Image source: Social media",
        "Share this article",
        "Follow us on Twitter and Facebook",
        "Facebook Twitter WhatsApp Email",
        "#Climbing #Summit #Everest #Nepal #China",
        "© 2024 Example Media Ltd. All rights reserved.",
        "Copyright 2024 Example Media",
        "Updated: Sep 06, 2022, 10:43 IST",
        "Tuesday, 6 September 2022",
        "By Jane Doe | New Delhi",
        "5 min read",
        "(With inputs from agencies)",
        "Advertisement",
    ],
)
def test_boilerplate_line_is_recognised(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", ["READ MORE: Leaders meet in Geneva", "ADVERTISEMENT", "Photo: Zoë Müller"])
def test_labels_are_recognised_in_capitals_and_with_non_ascii_letters(line):
    assert is_boilerplate(line)


def test_label_patterns_are_written_in_lowercase():
    """ASCII lines are lowercased and matched case-sensitively, which needs patterns in lowercase."""
    pattern_text = re.sub(r"\\[A-Za-z]", "", "".join(_BOILERPLATE_LABELS.values()))
    assert pattern_text == pattern_text.lower()


@pytest.mark.parametrize(
    "sentence",
    [
        "Photos of the meeting were released by the ministry on Monday.",
        "Follow-up talks are planned for March in Jakarta.",
        "Related talks will take place in Tokyo next week.",
        "By 2030, both countries plan to double their trade.",
        "The firm will download data from satellites operated by both countries.",
        "Readers of the ministry newsletter learned of the visit first.",
        "Tamil and Telugu films were screened at the embassy.",
    ],
)
def test_content_mentioning_boilerplate_words_is_kept(sentence):
    assert not is_boilerplate(sentence)


def test_boilerplate_lines_are_removed_from_the_text():
    raw = "The ministers met in Oslo.\nDownload the app\nRead more: Other news\nThey signed a pact.\nShare"
    assert clean_text(raw) == "The ministers met in Oslo.\nThey signed a pact."


def test_boilerplate_glued_into_a_paragraph_is_removed_as_a_sentence():
    assert clean_text("The ministers met in Oslo. Click here to subscribe. They signed a pact.") == (
        "The ministers met in Oslo. They signed a pact."
    )


def test_inline_photo_credit_is_removed():
    assert clean_text("The leaders shook hands (Photo: Press Office) before talks.") == (
        "The leaders shook hands before talks."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The leaders shook hands (Photo: Press Office) before talks.",
        "The leaders shook hands [FILE PHOTO: archive] before talks.",
        "The leaders shook hands (representational image) before talks.",
        "Talks ended on Friday. Picture: PA\nThe ministers left.",
        "Talks ended on Friday. CREDITS: Agency\nThe ministers left.",
        "The pact (sources said) was signed.",
        "Die Gespr\u00e4che endeten (Bild: Agentur). Pictures: none",
        "Talks ended (v\u0131deo: Agency) and (\u017fource: Desk).",
        "Talks ended. The minister said: more talks will follow.",
        "The ministers met (in Oslo) on Friday.",
        "No credit here at all.",
    ],
)
def test_inline_credits_are_cut_as_the_credit_pattern_cuts_them(text):
    """The plain tests that spare most texts the credit pattern never skip a text the pattern would change,
    whatever the case, the script, or the letters that fold to "i" and "s" only in a case-insensitive search."""
    from pipeline.clean.boilerplate import _INLINE_CREDIT, cut_inline_credits

    assert cut_inline_credits(text) == _INLINE_CREDIT.sub("", text)
    assert cut_inline_credits(text.upper()) == _INLINE_CREDIT.sub("", text.upper())


def test_short_fragment_lines_are_dropped():
    assert (
        clean_text("NEW DELHI\nThe talks began.\nHighlights\nThey ended.") == "The talks began.\nThey ended."
    )


# --- title -----------------------------------------------------------------------------------------------


def test_headline_line_becomes_the_missing_title():
    article = clean_article("Chile and Peru agree on fishing rules\nChile and Peru signed a fishing accord.")
    assert article.title == "Chile and Peru agree on fishing rules"
    assert article.text == "Chile and Peru signed a fishing accord."


def test_first_sentence_is_not_taken_as_title():
    article = clean_article("Chile and Peru signed a fishing accord.\nIt takes effect in June.")
    assert article.title is None
    assert article.text == "Chile and Peru signed a fishing accord.\nIt takes effect in June."


def test_known_title_repeated_as_first_line_is_dropped():
    article = clean_article("Chile and Peru agree\nThey signed an accord.", title="Chile and Peru agree")
    assert article.text == "They signed an accord."


# --- repeated content ------------------------------------------------------------------------------------


def test_repeated_sentences_are_kept_once_in_order_of_first_appearance():
    raw = "Alpha met Beta. Gamma spoke.\nAlpha met Beta.\nDelta left. Gamma spoke."
    assert cleaned_sentences(raw) == ["Alpha met Beta.", "Gamma spoke.", "Delta left."]


def test_repeats_differing_in_case_and_punctuation_count_as_one():
    assert cleaned_sentences("India-Japan talks began.\nINDIA -Japan talks began!") == [
        "India-Japan talks began."
    ]


# --- sentence splitting ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Smith met Dr. Jones and Gen. Rao in St. Louis.",
        "Lt. Col. Khan arrived on Sept. 5 at No. 10 Downing Street.",
        "The U.S. and the U.K. held talks.",
        "Minister S. Jaishankar spoke.",
        "Growth reached 3.5 per cent.",
        '"Will you come?" he asked.',
    ],
)
def test_abbreviations_initials_and_decimals_do_not_end_a_sentence(sentence):
    assert sentences_of(sentence) == [sentence]


def test_sentence_ends_at_full_stop_question_and_exclamation():
    assert sentences_of("They met. Did they agree? Yes! Talks go on.") == [
        "They met.",
        "Did they agree?",
        "Yes!",
        "Talks go on.",
    ]


def test_closing_quote_stays_with_its_sentence():
    assert sentences_of('He said, "We agree." Then he left.') == ['He said, "We agree."', "Then he left."]


def test_acronym_ends_a_sentence_before_a_common_sentence_start():
    assert sentences_of("Envoys flew to the U.S. The talks begin today.") == [
        "Envoys flew to the U.S.",
        "The talks begin today.",
    ]


def test_line_break_ends_a_sentence():
    assert sentences_of("First part\nSecond part") == ["First part", "Second part"]


# --- frames ----------------------------------------------------------------------------------------------


def test_sentence_offsets_point_into_the_cleaned_text():
    articles, sentences = clean_articles(
        raw_articles("Alpha met Beta.Gamma spoke.\n\nDelta left.  Gamma spoke.")
    )
    text = articles["text"][0]
    assert [text[start:end] for start, end in sentences.select("start_char", "end_char").iter_rows()] == [
        "Alpha met Beta.",
        "Gamma spoke.",
        "Delta left.",
    ]
    assert sentences["sentence_index"].to_list() == [0, 1, 2]
    assert articles["n_sentences"][0] == 3


def test_sentence_rows_follow_article_order_around_an_article_without_sentences():
    raw = raw_articles("Alpha met Beta. Gamma spoke.", "Download the app", "Delta left.")
    articles, sentences = clean_articles(raw)
    first, _, third = raw["article_id"].to_list()
    assert with_sentence_text(sentences, articles).select("article_id", "sentence_index", "text").rows() == [
        (first, 0, "Alpha met Beta."),
        (first, 1, "Gamma spoke."),
        (third, 0, "Delta left."),
    ]


def test_frames_follow_the_contracts():
    articles, sentences = clean_articles(
        raw_articles("The talks began.", "Sweden and Norway sign pact\nThey did.")
    )
    ArticlesModel.validate(articles.drop("text"))
    SentencesModel.validate(sentences)
    assert "raw_text" not in articles.columns
    assert articles["title"].to_list() == [None, "Sweden and Norway sign pact"]


def spans(*rows: tuple[str, int]) -> pl.DataFrame:
    return pl.DataFrame(
        [{"article_id": a, "sentence_index": i, "start_char": 10 * i, "end_char": 10 * i + 5} for a, i in rows],
        schema={"article_id": pl.String, "sentence_index": pl.Int64, "start_char": pl.Int64, "end_char": pl.Int64},
    )


def test_the_sentences_model_accepts_rows_in_article_and_index_order():
    SentencesModel.validate(spans(("a", 0), ("a", 1), ("b", 0), ("c", 0), ("c", 1)))


@pytest.mark.parametrize(
    "rows",
    [
        [("a", 0), ("a", 1), ("a", 1)],
        [("a", 0), ("b", 0), ("a", 1)],
        [("a", 1), ("a", 0)],
    ],
    ids=["a sentence twice", "an article split", "indexes backwards"],
)
def test_the_sentences_model_rejects_repeated_or_unordered_rows(rows):
    with pytest.raises(pandera.errors.SchemaError):
        SentencesModel.validate(spans(*rows))


def test_article_that_is_all_boilerplate_becomes_empty_without_error():
    articles, sentences = clean_articles(raw_articles("Download the app\nSubscribe to our newsletter"))
    assert articles.select("text", "n_sentences").row(0) == ("", 0)
    assert sentences.height == 0
    ArticlesModel.validate(articles.drop("text"))


def test_content_hash_ignores_case_and_spacing():
    assert content_hash("The Talks\n began.") == content_hash("the talks began.")
    assert content_hash("The talks began.") != content_hash("The talks ended.")
    assert len(content_hash("")) == 16
