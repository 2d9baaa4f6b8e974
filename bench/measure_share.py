"""How many extracted figures say what they measure: the share with `measure` (and `date`, `source`) filled.

Reads the JSON briefs that `build_briefs.py extract --out DIR` wrote. Run from the project root:

    .venv/bin/python build_briefs.py extract --seeds ../shared/dev/wikinews-briefs/corpus --out /tmp/briefs
    .venv/bin/python bench/measure_share.py /tmp/briefs [--missing]

Prints figures only; nothing here is asserted (issue #16 asks for `measure` on at least 80% of the figures).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("briefs", type=Path, help="folder of brief JSON files written by `extract --out`")
    parser.add_argument("--missing", action="store_true", help="also list the figures without a measure")
    args = parser.parse_args(argv)
    files = sorted(args.briefs.glob("*.json"))
    if not files:
        print(f"{args.briefs}: no brief JSON files here (run `build_briefs.py extract --out {args.briefs}` first)",
              file=sys.stderr)
        return 1
    figures = [(path.stem, figure) for path in files for figure in json.loads(path.read_text("utf-8"))["figures"]]
    total = len(figures)
    for field in ("measure", "date", "source"):
        filled = sum(1 for _, figure in figures if figure.get(field))
        print(f"{field:8} filled for {filled}/{total} figures ({filled / total if total else 0:.1%})")
    if args.missing:
        for stem, figure in figures:
            if not figure.get("measure"):
                print(f"  {stem}: {figure['text']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
