"""Check a gold set's re-collected texts against its manifests: `uv run python tools/realset.py check data/real`.

Article texts are third-party text and stay out of the repository (docs/gold-format.md): each developer re-collects
them into `<gold folder>/texts/<article>.txt` with the search tool. This checks every manifest line's text: present,
the same number of characters, the same sha256 of its bytes, the same first eight words. It prints one status per
article and, for each missing text, the query, rank and url that find it again; it exits 1 when any text is missing
or differs, 0 when all match. Texts that no manifest lists are named but do not fail the check.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path


def manifest_lines(folder: Path) -> list[dict]:
    """Every line of every `manifest*.jsonl` in the folder, in file order."""
    return [
        json.loads(line)
        for path in sorted(folder.glob("manifest*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]


def text_status(folder: Path, entry: dict) -> tuple[str, list[str]]:
    """("ok" | "missing" | "differs", the fields that differ) of one manifest line's text. `chars` counts the
    decoded characters, `sha256` hashes the file's bytes, `first_words` is the first eight whitespace-separated
    words, as the manifest was written."""
    path = folder / "texts" / f"{entry['article']}.txt"
    if not path.is_file():
        return "missing", []
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "differs", ["not UTF-8"]
    found = {"chars": len(text), "sha256": hashlib.sha256(data).hexdigest(), "first_words": " ".join(text.split()[:8])}
    differing = [name for name, value in found.items() if entry.get(name) is not None and entry[name] != value]
    return ("differs" if differing else "ok"), differing


def check(folder: Path) -> int:
    entries = manifest_lines(folder)
    if not entries:
        print(f"{folder}: no manifest*.jsonl lines")
        return 1
    failed = 0
    for entry in entries:
        status, differing = text_status(folder, entry)
        detail = f" ({', '.join(differing)})" if differing else ""
        print(f"{entry['article']:<16} {entry.get('split') or '':<5} {status}{detail}")
        if status == "missing":
            print(f"    re-collect: search pages for {entry.get('query')!r}, result rank {entry.get('rank')}, "
                  f"url {entry.get('url')}; save the page text as texts/{entry['article']}.txt")
        failed += status != "ok"
    listed = {entry["article"] for entry in entries}
    extra = sorted(path.stem for path in (folder / "texts").glob("*.txt") if path.stem not in listed)
    if extra:
        print(f"texts no manifest lists: {', '.join(extra)}")
    print(f"{len(entries) - failed} of {len(entries)} texts match their manifest")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="realset", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    checking = commands.add_parser("check", help="check texts/ against the manifests")
    checking.add_argument("folder", type=Path, help="the gold folder, e.g. data/real")
    args = parser.parse_args(argv)
    return check(args.folder)


if __name__ == "__main__":
    sys.exit(main())
