"""Clean stage: raw article text in, clean text and sentence offsets out.

Per-article work is the pure function `clean_article` (one article in, one result out), so the orchestrator
can run it in a process pool and cache it by content hash. `clean_articles` maps it over a raw_articles frame.

Modules: `unicode` (step 1), `boilerplate` (step 2), `sentences` (steps 3, 5 and 6: broken lines, missing
spaces, splitting, the key of repeated sentences) and `stage` (step 4, the assembly of one article, the frame
contracts, the cache schemas and the cache key; ``pipeline.incremental.plans.clean`` runs it against its store).
This package re-exports the names the rest of the code imports.

Cleaning steps, in order:
1. Unicode repair (ftfy: mojibake, HTML entities, NFC, curly quotes to straight ones) and whitespace
   normalisation (odd spaces to plain spaces, zero-width characters removed, runs collapsed).
2. Boilerplate removed by rule families, never by a list of known lines (see `is_boilerplate`): labels at
   the start of a short line (ad slots, "Read more"/"Also read:"/"Topics:" navigation, photo/image/video
   credits, share/follow widgets, legal links, wire attribution), phrases anywhere in a short line (app and
   newsletter calls to action, "click here", ad-free offers, stock-photo agencies, "follow us on",
   copyright), bylines, lone timestamps, "5 min read", and menus of language names (pycountry).
   A one-sentence line goes whole; in a longer line only its boilerplate sentences go. Inline credits
   like "(Photo: ...)" are cut out of sentences.
3. Broken lines re-joined (a line starting with "," or a lowercase word, a line ending in "," or a
   function word, or a long line without sentence punctuation continues into the next line).
4. Headline taken as title when the raw title is missing (conservative, see `stage._looks_like_headline`);
   lines of at most three words without sentence punctuation (datelines, section labels) dropped.
5. Missing spaces after sentence ends restored ("Tuesday.Indian", 'Dialogue."The').
6. Rule-based sentence split, then repeated sentences dropped (first appearance wins, compared by a
   normalised key), and the text re-assembled from the kept sentences, one paragraph per line.
"""

from pipeline.clean.boilerplate import _BOILERPLATE_LABELS, is_boilerplate
from pipeline.clean.sentences import (
    rejoin_broken_lines,
    restore_sentence_spaces,
    sentence_key,
    split_sentences,
)
from pipeline.clean.stage import (
    CLEAN_CACHE_KEY,
    CLEAN_CACHE_SCHEMAS,
    ArticlesModel,
    CleanedArticle,
    SentencesModel,
    clean_and_sign,
    clean_article,
    clean_articles,
    clean_text,
    content_hash,
)
from pipeline.clean.unicode import normalise_unicode, normalise_whitespace

__all__ = [
    "CLEAN_CACHE_KEY",
    "CLEAN_CACHE_SCHEMAS",
    "ArticlesModel",
    "CleanedArticle",
    "SentencesModel",
    "_BOILERPLATE_LABELS",
    "clean_article",
    "clean_articles",
    "clean_and_sign",
    "clean_text",
    "content_hash",
    "is_boilerplate",
    "normalise_unicode",
    "normalise_whitespace",
    "rejoin_broken_lines",
    "restore_sentence_spaces",
    "sentence_key",
    "split_sentences",
]
