"""Find real article text copied into the repository: `uv run python tools/copied_text.py [PATH ...]`.

Third-party text stays out of the repository (docs/gold-format.md): tests and docstrings use sentences we write.
This reads every re-collected real text (`data/real/texts/*.txt`, git-ignored) and reports each line of the given
files (default: `pipeline/` and `tests/`, Python files) that shares a run of `--words` (default 8) consecutive
words with one of them, case and punctuation aside, with the article it matches. Exit 1 when any line matches.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

_WORD = re.compile(r"[\w'’-]+")


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def shingles(text: str, n: int) -> set[tuple[str, ...]]:
    """Every run of n consecutive words of a text, lower-cased."""
    words = _words(text)
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["pipeline", "tests"])
    parser.add_argument("--texts", default="data/real/texts")
    parser.add_argument("--words", type=int, default=8)
    args = parser.parse_args(argv)
    index: dict[tuple[str, ...], str] = {}
    for text_file in sorted(Path(args.texts).glob("*.txt")):
        for shingle in shingles(text_file.read_text("utf-8", errors="replace"), args.words):
            index.setdefault(shingle, text_file.stem)
    if not index:
        print(f"no real texts in {args.texts}: nothing to compare with", file=sys.stderr)
        return 0
    files = [p for path in args.paths for p in (sorted(Path(path).rglob("*.py")) if Path(path).is_dir() else [Path(path)])]
    found = 0
    for path in files:
        # a sentence may run over several source lines: compare each line joined with the next two
        lines = path.read_text("utf-8").splitlines()
        reported: set[int] = set()
        for number in range(len(lines)):
            window = " ".join(lines[number : number + 3])
            matches = sorted(s for s in shingles(window, args.words) if s in index)
            if matches and number not in reported:
                found += 1
                reported.update(range(number, number + 3))
                articles = ", ".join(sorted({index[s] for s in matches}))
                print(f"{path}:{number + 1}: {articles}: \"{' '.join(matches[0])}\"")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
