from __future__ import annotations

from report_fixtures import make_result

from claimcheck.report import ReportOptions, build_records
from claimcheck.report.records import anchor_for, highlight, plain_number


def test_contradictions_sorted_high_first_and_claims_by_location() -> None:
    report = build_records(make_result(), ReportOptions(show_acknowledged=True))
    assert [c.severity for c in report.contradictions] == ["high", "medium", "low"]
    for c in report.contradictions:
        keys = [(k.path, k.line, k.start) for k in c.claims]
        assert keys == sorted(keys)
    assert [a.path for a in report.articles] == sorted(a.path for a in report.articles)
    assert [s.path for s in report.skipped] == ["sources/empty.txt", "sources/zeta.pdf"]
    assert [r.id for r in report.rules] == ["CC101", "CC201", "CC301"]


def test_input_order_does_not_matter() -> None:
    result = make_result()
    shuffled = result.model_copy(
        update={
            "articles": tuple(reversed(result.articles)),
            "claims": tuple(reversed(result.claims)),
            "skipped": tuple(reversed(result.skipped)),
            "contradictions": tuple(
                c.model_copy(update={"claims": tuple(reversed(c.claims))})
                for c in reversed(result.contradictions)
            ),
        }
    )
    assert build_records(result) == build_records(shuffled)


def test_acknowledged_hidden_from_people_unless_asked() -> None:
    hidden = build_records(make_result())
    assert len(hidden.contradictions) == 3
    assert [c.status for c in hidden.shown] == ["new", "new"]
    assert hidden.summary.hidden_acknowledged == 1
    shown = build_records(make_result(), ReportOptions(show_acknowledged=True))
    assert len(shown.shown) == 3 and shown.summary.hidden_acknowledged == 0


def test_min_severity_filters_everything() -> None:
    report = build_records(make_result(), ReportOptions(min_severity="medium"))
    assert [c.severity for c in report.contradictions] == ["high", "medium"]
    assert report.summary.below_min_severity == 1
    assert report.summary.by_severity == {"high": 1, "medium": 1, "low": 0}
    assert report.summary.by_status == {"new": 2, "acknowledged": 0}
    assert report.summary.by_kind["numeric"] == 1 and report.summary.by_kind["proportion"] == 0


def test_article_lines_follow_the_line_map_and_mark_claim_lines() -> None:
    report = build_records(make_result())
    alpha = next(a for a in report.articles if a.id == "alpha")
    assert alpha.lines[0].number == 5  # front matter occupies lines 1-4
    hit = next(line for line in alpha.lines if line.claim_ids)
    assert hit.number == 7 and "over 10,000" in hit.figures
    claim = report.contradictions[0].claims[0]
    assert claim.location == "sources/alpha.md:7"


def test_highlight_splits_sentence_quote_and_figure() -> None:
    h = highlight("He said it has over 10,000 robots now.", "over 10,000 robots", "over 10,000")
    assert (h.before, h.quote_before, h.figure, h.quote_after, h.after) == (
        "He said it has ",
        "",
        "over 10,000",
        " robots",
        " now.",
    )
    missing = highlight("A sentence.", "not there", "nope")
    assert missing.quote_parts == ("not there", "", "")
    folded = highlight("Shipping Now, it says", "Shipping Now", "shipping now")
    assert folded.figure == "Shipping Now"


def test_numbers_and_anchors() -> None:
    assert plain_number(10000.0) == 10000 and isinstance(plain_number(10000.0), int)
    assert plain_number(1.5) == 1.5
    assert plain_number(float("inf")) is None and plain_number(None) is None
    assert anchor_for("alpha") == "alpha"
    assert anchor_for("gamma/2") != anchor_for("gamma-2")
    assert anchor_for("gamma/2").startswith("gamma-2-")
