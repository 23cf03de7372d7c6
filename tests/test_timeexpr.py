from __future__ import annotations

import pytest

from claimcheck.extract.timeexpr import find_status_cues, find_times


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plant is scheduled for late 2028 or early 2029.",
         [("late 2028 or early 2029", "2028-07-01..2029-06-30")]),
        ("Sales rose in Q3 2024, the company said.", [("Q3 2024", "2024-07-01..2024-09-30")]),
        ("The bridge opened in September 2019.", [("September 2019", "2019-09-01..2019-09-30")]),
        ("Published March 3, 2025 by the desk.", [("March 3, 2025", "2025-03-03")]),
        ("A mid-2031 launch is planned.", [("mid-2031", "2031-04-01..2031-09-30")]),
        ("The 2,026 seats were filled.", []),
        ("Route 2024X is closed.", []),
    ],
)
def test_find_times(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.span.label()) for t in find_times(text)] == expected


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("The Zephyr 5 is shipping now in Europe.", ["available"]),
        ("Its current-generation model sells well.", ["available"]),
        ("The upcoming Zephyr 6 will cost more.", ["future"]),
        ("The Zephyr 6 will launch in 2031.", ["plan"]),
        ("The stadium is slated to open in 2030.", ["plan"]),
        ("future generations of the Zephyr line", []),
        ("The previous-generation engine was louder.", ["past"]),
    ],
)
def test_status_cues(text: str, kinds: list[str]) -> None:
    assert [c.kind for c in find_status_cues(text)] == kinds
