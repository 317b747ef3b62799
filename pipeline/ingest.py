"""Ingest stage: read the input folder into `raw_articles`, and account for every file that is not an article.

Two input formats are accepted:

* ``.txt``: one article per file. The first line is `` date YYYY-MM-DD`` (or `` date YYYY-MM``), optionally followed by
  the article URL, and the text starts on that same line or the next. A file without the date line is still an article:
  its publication date is then read from the text (a dateline or a timestamp) where it states one.
* ``.jsonl``: one article per line, an object with ``date``, ``text`` and optional ``url`` and ``title``.

Nothing is silently dropped: every file, and every JSON line, ends either in ``raw_articles`` or in ``rejected_inputs``
with a reason.

This module is pure: the frame contracts and cache schemas, the per-file cache key (``file_key``) and the per-batch
function (``read_file_batch``). Which files are read again, and where the raw texts are kept, is decided by
``pipeline.incremental.plans.ingest``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

import pandera.polars as pa
import polars as pl

from pipeline.cache import content_key
from pipeline.contracts import polars_schema
from pipeline.dates import publication_date_in_text

MAX_ARTICLE_BYTES = 2_000_000
"""A single article larger than this is not news text (a dump, a binary, a crawl gone wrong)."""

TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}

_DATE_LINE = re.compile(r"^\s?date\s+(?P<value>\d{4}-\d{1,2}(?:-\d{1,2})?)(?=\s|$)(?P<rest>.*)$")
_URL_TOKEN = re.compile(r"^\s*(?P<url>(?:https?://|www\.)\S+)\s*(?P<rest>.*)$")


class RawArticlesModel(pa.DataFrameModel):
    """One accepted input article, before any cleaning. The raw text is not in the frame: it stays in the ingest
    store under the file's key, and only the articles a run must clean read it back
    (``pipeline.incremental.plans.ingest.raw_texts``), so a run that adds a few articles does not move the whole
    corpus's text."""

    article_id: str = pa.Field(unique=True, str_matches=r"^[0-9a-f]{16}$")
    source_file: str
    source_line: int = pa.Field(nullable=True, ge=1)
    url: str = pa.Field(nullable=True)
    source_domain: str = pa.Field(nullable=True)
    published_date: date = pa.Field(nullable=True)
    date_precision: str = pa.Field(nullable=True, isin=["day", "month"])
    date_source: str = pa.Field(isin=["header", "text", "none"])
    title: str = pa.Field(nullable=True)
    raw_words: int = pa.Field(ge=1)
    file_key: str
    content_key: str

    class Config:
        strict = True
        coerce = True


class RejectedInputsModel(pa.DataFrameModel):
    """An input file, or a line of a JSON Lines file, that could not be read as an article, with the reason."""

    source_file: str
    line: int = pa.Field(nullable=True, ge=1)
    reason: str

    class Config:
        strict = True
        coerce = True


class RawTextsModel(pa.DataFrameModel):
    """The raw text of an accepted article, kept in the ingest store apart from its row
    (``pipeline.incremental.plans.ingest.raw_texts``)."""

    article_id: str
    raw_text: str


RAW_ARTICLES_SCHEMA = polars_schema(
    RawArticlesModel,
    drop=["raw_words", "file_key", "content_key"],
    extra=polars_schema(RawTextsModel, ["raw_text"]),
)
"""An article as parsed from its file, with its raw text (``read_input_folder``): its keys and word count come
later."""
REJECTED_INPUTS_SCHEMA = polars_schema(RejectedInputsModel)


class InputRejected(ValueError):
    """An input that is not an article; the message is the reason shown to the user."""


@dataclass(frozen=True)
class PublicationDate:
    value: date | None
    precision: str | None
    source: str


def article_id_for(source: str, raw_text: str) -> str:
    """Stable across reruns: the same file with the same content keeps its id; two copies in two files stay distinct."""
    return hashlib.sha256(f"{source}\x00{raw_text}".encode()).hexdigest()[:16]


def source_domain_of(url: str | None) -> str | None:
    if not url:
        return None
    netloc = urlsplit(url if "://" in url else f"//{url}").netloc.lower()
    netloc = netloc.rsplit("@", 1)[-1].split(":", 1)[0]
    return netloc.removeprefix("www.") or None


def parse_header_date(value: str) -> PublicationDate:
    """A header date is ``YYYY-MM-DD`` (day precision) or ``YYYY-MM`` (month precision); anything else is rejected."""
    parts = [int(part) for part in value.split("-")]
    try:
        if len(parts) == 3:
            return PublicationDate(date(parts[0], parts[1], parts[2]), "day", "header")
        return PublicationDate(date(parts[0], parts[1], 1), "month", "header")
    except ValueError as error:
        raise InputRejected(f"impossible date in the date line: {value!r} ({error})") from error


def date_stated_in_text(text: str) -> PublicationDate:
    """The publication date a header-less article prints (``dates.publication_date_in_text``: a dateline, a
    timestamp, a "Published" line; not a page banner), if any."""
    printed = publication_date_in_text(text)
    if printed is None:
        return PublicationDate(None, None, "none")
    return PublicationDate(printed, "day", "text")


def decode_article_bytes(data: bytes) -> str:
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputRejected(
            f"file is larger than the limit of {MAX_ARTICLE_BYTES:,} bytes ({len(data):,} bytes)"
        )
    if b"\x00" in data[:8192]:
        raise InputRejected("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputRejected(f"undecodable bytes: not valid UTF-8 at byte {error.start}") from error


def parse_text_article(content: str, source_file: str) -> dict:
    """Parse the ``.txt`` format: an optional ``date`` line with an optional URL, then the text."""
    first_line, _, remainder = content.partition("\n")
    header = _DATE_LINE.match(first_line)
    url = None
    if header:
        published = parse_header_date(header.group("value"))
        rest = header.group("rest")
        url_match = _URL_TOKEN.match(rest)
        if url_match:
            url, rest = url_match.group("url"), url_match.group("rest")
        body = f"{rest.strip()}\n{remainder}" if rest.strip() else remainder
    else:
        body = content
        published = None
    body = body.strip()
    if not body:
        raise InputRejected("empty body: no article text after the date line" if header else "empty file")
    if published is None:
        published = date_stated_in_text(body)
    return _article_row(source_file, None, url, published, None, body)


def parse_jsonl_line(line: str, source_file: str, line_number: int) -> dict:
    """Parse one JSON Lines record: ``date`` and ``text`` are required, ``url`` and ``title`` optional."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputRejected(f"malformed JSON: {error.msg} at column {error.colno}") from error
    if not isinstance(record, dict):
        raise InputRejected(f"a JSON line must be an object, found {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputRejected("no article text: field 'text' is missing or empty")
    if len(text.encode()) > MAX_ARTICLE_BYTES:
        raise InputRejected(f"article text is larger than the limit of {MAX_ARTICLE_BYTES:,} bytes")
    raw_date = record.get("date")
    if raw_date is None or raw_date == "":
        published = date_stated_in_text(text)
    elif isinstance(raw_date, str) and re.fullmatch(r"\d{4}-\d{1,2}(?:-\d{1,2})?", raw_date.strip()):
        published = parse_header_date(raw_date.strip())
    else:
        raise InputRejected(f"invalid date {raw_date!r}: expected YYYY-MM-DD or YYYY-MM")
    url = record.get("url") if isinstance(record.get("url"), str) and record.get("url") else None
    title = record.get("title") if isinstance(record.get("title"), str) and record.get("title") else None
    return _article_row(source_file, line_number, url, published, title, text.strip())


def _article_row(
    source_file: str,
    line: int | None,
    url: str | None,
    published: PublicationDate,
    title: str | None,
    text: str,
) -> dict:
    source = source_file if line is None else f"{source_file}:{line}"
    return {
        "article_id": article_id_for(source, text),
        "source_file": source_file,
        "source_line": line,
        "url": url,
        "source_domain": source_domain_of(url),
        "published_date": published.value,
        "date_precision": published.precision,
        "date_source": published.source,
        "title": title,
        "raw_text": text,
    }


def _rejection(source_file: str, line: int | None, reason: str) -> dict:
    return {"source_file": source_file, "line": line, "reason": reason}


VANISHED = "file vanished between listing and reading"
_FILE_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


def _kind_of(mode: int) -> str:
    return _FILE_KINDS.get(stat.S_IFMT(mode), "not a regular file")


def why_not_a_regular_file(path: Path) -> str | None:
    """Why the listed entry ``path`` cannot be an article file, or None when it is a regular file or a link to
    one. Every entry of the input folder is listed, so a dangling link, a pipe or a file removed since the listing
    gets a reason in ``rejected_inputs`` instead of vanishing from the record; nothing here opens the entry, so a
    pipe never blocks the build."""
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        return VANISHED
    except OSError as error:
        return f"cannot read file: {error.strerror or error}"
    is_link = stat.S_ISLNK(link.st_mode)
    try:
        target = os.stat(path)
    except FileNotFoundError:
        return f"dangling symbolic link (to {os.readlink(path)})" if is_link else VANISHED
    except OSError as error:
        return f"cannot read file: {error.strerror or error}"
    if stat.S_ISREG(target.st_mode):
        return None
    if is_link and stat.S_ISDIR(target.st_mode):
        return "symbolic link to a folder (links to folders are not followed)"
    return f"not a regular file: {_kind_of(target.st_mode)}"


@contextlib.contextmanager
def open_regular_file(path: Path) -> Iterator[BinaryIO]:
    """``path`` opened for reading, if it is (still) a regular file: opened without blocking (a pipe put in its
    place since the listing would otherwise wait forever for a writer) and checked on the open descriptor, so
    what is read is what was checked. Raises ``InputRejected`` with the reason otherwise."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as error:
        raise InputRejected(why_not_a_regular_file(path) or VANISHED) from error
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise InputRejected(f"not a regular file: {_kind_of(mode)}")
        handle = os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    with handle:
        yield handle


def read_input_file(path: Path, input_dir: Path) -> Iterator[tuple[str, dict]]:
    """Yield ``("article", row)`` or ``("rejected", row)`` for one input file; never raises for bad content."""
    source_file = path.relative_to(input_dir).as_posix()
    suffix = path.suffix.lower()
    unreadable = why_not_a_regular_file(path)
    if unreadable is not None:
        yield "rejected", _rejection(source_file, None, unreadable)
        return
    if suffix not in TEXT_SUFFIXES | JSONL_SUFFIXES:
        yield (
            "rejected",
            _rejection(
                source_file, None, f"unsupported file type {suffix or '(none)'}: expected .txt or .jsonl"
            ),
        )
        return
    try:
        if suffix in TEXT_SUFFIXES:
            with open_regular_file(path) as handle:
                data = handle.read()
            yield "article", parse_text_article(decode_article_bytes(data), source_file)
            return
        yield from _read_jsonl_file(path, source_file)
    except InputRejected as error:
        yield "rejected", _rejection(source_file, None, str(error))
    except FileNotFoundError:
        yield "rejected", _rejection(source_file, None, VANISHED)
    except OSError as error:
        yield "rejected", _rejection(source_file, None, f"cannot read file: {error.strerror or error}")


def _read_jsonl_file(path: Path, source_file: str) -> Iterator[tuple[str, dict]]:
    with open_regular_file(path) as handle:
        head = handle.read(8192)
        if b"\x00" in head:
            raise InputRejected("binary file (contains NUL bytes), not JSON Lines")
        handle.seek(0)
        for line_number, raw_line in enumerate(handle, start=1):
            if not raw_line.strip():
                continue
            try:
                line = raw_line.decode("utf-8-sig" if line_number == 1 else "utf-8")
                yield "article", parse_jsonl_line(line, source_file, line_number)
            except UnicodeDecodeError as error:
                yield (
                    "rejected",
                    _rejection(
                        source_file, line_number, f"undecodable bytes: not valid UTF-8 at byte {error.start}"
                    ),
                )
            except InputRejected as error:
                yield "rejected", _rejection(source_file, line_number, str(error))


def input_files(input_dir: Path) -> list[Path]:
    """Every entry under the input folder that is not a folder, in a stable order (by path components, as paths
    sort): regular files, and also links, pipes and the like, which reading rejects with a reason (a file is
    never silently left out). Hidden files are inputs too; symbolic links to folders are not followed.
    ``os.scandir`` knows each entry's type without a ``stat``."""
    found, folders = [], [str(input_dir)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                else:
                    found.append(entry.path)
    return [Path(path) for path in sorted(found, key=lambda path: path.split(os.sep))]


def read_input_folder(input_dir: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Read every file under ``input_dir`` into (raw_articles, rejected_inputs)."""
    if not input_dir.is_dir():
        raise FileNotFoundError(f"input folder {input_dir} does not exist")
    return read_files(input_files(input_dir), input_dir)


def read_files(
    paths: list[Path], input_dir: Path, tags: pl.Series | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(raw_articles, rejected_inputs) of ``paths``; with ``tags`` (one value per path), every row of a file
    also gets its file's value, in a column named after the series."""
    articles: list[dict] = []
    rejected: list[dict] = []
    for number, path in enumerate(paths):
        extra = {} if tags is None else {tags.name: tags[number]}
        for kind, row in read_input_file(path, input_dir):
            (articles if kind == "article" else rejected).append(row | extra)
    extra_columns = {} if tags is None else {tags.name: tags.dtype}
    raw_articles = pl.DataFrame(articles, schema={**RAW_ARTICLES_SCHEMA, **extra_columns})
    rejected_inputs = pl.DataFrame(rejected, schema={**REJECTED_INPUTS_SCHEMA, **extra_columns})
    return raw_articles, rejected_inputs


INGEST_CACHE_SCHEMAS = {
    "raw_articles": polars_schema(RawArticlesModel, drop=["file_key"]),
    "raw_texts": polars_schema(RawTextsModel),
    "rejected_inputs": polars_schema(RejectedInputsModel),
}
"""Per file: its articles without their text, their texts apart (read back only for articles to clean), and
its rejected inputs."""


def file_key(path: Path, input_dir: Path) -> str | None:
    """Ingest's cache key: what a file's rows depend on, its place in the folder and its bytes; None when it cannot
    be read."""
    digest = hashlib.sha256(path.relative_to(input_dir).as_posix().encode() + b"\x00")
    try:
        with open_regular_file(path) as handle:
            return hashlib.file_digest(handle, lambda: digest).hexdigest()[:32]
    except (OSError, InputRejected):
        return None


def read_file_batch(files: pl.DataFrame, tag: str, input_dir: Path) -> dict[str, pl.DataFrame]:
    """The per-batch function of ingest: the rows of every file of ``files`` (a ``path`` column), each row tagged
    with its file's ``tag`` column; the articles' texts apart from the articles, which get their word count and
    ``content_key`` (what cleaning reads, and so what keys its results)."""
    articles, rejected = read_files([Path(path) for path in files["path"]], input_dir, files[tag])
    return {
        "raw_articles": articles.with_columns(
            raw_words=pl.col("raw_text").str.count_matches(r"\S+").cast(pl.Int64),
            content_key=content_key("title", "raw_text"),
        ).drop("raw_text"),
        "raw_texts": articles.select(tag, "article_id", "raw_text"),
        "rejected_inputs": rejected,
    }
