#!/usr/bin/env python3
"""Write docs/rules.md from the rule registry.

    .venv/bin/python scripts/gen_rules_doc.py          # write
    .venv/bin/python scripts/gen_rules_doc.py --check  # exit 1 if out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.atomic import write_atomic  # noqa: E402
from claimcheck.report.rules import rules_markdown  # noqa: E402

TARGET = ROOT / "docs" / "rules.md"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when docs/rules.md is out of date")
    args = parser.parse_args()
    text = rules_markdown()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date: run python scripts/gen_rules_doc.py", file=sys.stderr)
            return 1
        return 0
    write_atomic(TARGET, text)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
