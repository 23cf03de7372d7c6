#!/usr/bin/env python3
"""Render the sample HTML report and screenshot it in headless Chromium: docs/report-screenshot.png.

Uses the hand-made sample result of the tests (tests/report_fixtures.py), or
the seed corpus with ``--seeds`` once the pipeline runs. ``--section figures``
captures one section only (the README's docs/figures-screenshot.png:
``--seeds --section figures --out docs/figures-screenshot.png``). Needs an
installed Chromium (``apt-get install -y chromium``); never downloads one.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "scripts")]

from report_cdp import Browser, find_browser  # noqa: E402

from claimcheck.report import ReportOptions, render  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", action="store_true", help="audit sources/ instead of the sample result")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report-screenshot.png")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=1400, help="page height captured at most")
    parser.add_argument("--section", help="capture only the element with this id (e.g. figures)")
    args = parser.parse_args()
    browser = find_browser()
    if browser is None:
        print("no Chromium found: apt-get install -y chromium (or set CLAIMCHECK_CHROMIUM)", file=sys.stderr)
        return 2
    if args.seeds:
        from regen_golden import seed_audit

        result = seed_audit()
    else:
        from report_fixtures import make_result

        result = make_result()
    page = render(result, "html", options=ReportOptions(show_acknowledged=True))
    with tempfile.TemporaryDirectory() as tmp, Browser(browser) as chrome:
        html = Path(tmp) / "report.html"
        html.write_text(page, encoding="utf-8")
        chrome.open(html, width=args.width, height=900)
        if chrome.errors():
            print("\n".join(chrome.errors()), file=sys.stderr)
            return 1
        args.out.parent.mkdir(parents=True, exist_ok=True)
        if args.section:
            chrome.screenshot_element(f"#{args.section}", args.out, max_height=args.height)
        else:
            chrome.screenshot(args.out, full_page=True, max_height=args.height)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
