"""The article's publication date: priority, datelines, inference, and the seed corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.dating import (
    article_date_label,
    date_article,
    find_dateline,
    infer_year,
    parse_date_text,
    parse_date_value,
)
from claimcheck.ledger.schema import ArticleMeta, Ledger
from claimcheck.loader import load_articles
from claimcheck.models import Article, ArticleDate, DateSpan

SOURCES = Path(__file__).resolve().parent.parent / "sources"


def art(text: str, **kw: object) -> Article:
    fields: dict[str, object] = {"id": "a", "path": "dir/a.txt", "format": "txt", "text": text}
    fields.update(kw)
    return Article.model_validate(fields)


def day(y: int, m: int, d: int) -> DateSpan:
    return DateSpan(start=dt.date(y, m, d), end=dt.date(y, m, d))


# --------------------------------------------------------------------------- seeds


@pytest.mark.skipif(not SOURCES.is_dir(), reason="seed corpus not present")
def test_seed_corpus_dates() -> None:
    articles, skipped = load_articles([str(SOURCES)])
    assert skipped == []
    got = {a.id[:3]: a.published for a in articles}
    assert {k: (v.span.label(), v.origin) for k, v in got.items() if v} == {
        "000": ("2023", "inferred"),
        "001": ("2025", "inferred"),
        "002": ("2026", "inferred"),
        "003": ("2024-11-22", "dateline"),
        "004": ("2026", "inferred"),
    }
    assert got["003"] is not None and got["003"].reason == 'dateline "Nov 22, 2024" on line 12'
    assert got["002"] is not None and "2026 most often" in got["002"].reason
    assert "set the date in claims.yaml or use --as-of" in got["002"].reason


# --------------------------------------------------------------------------- priority


def test_as_of_wins_over_everything() -> None:
    meta = ArticleDate(span=day(2020, 1, 2), origin="front-matter", reason='front matter "date: 2020-01-02"')
    article = date_article(
        art("Nov 22, 2024\n\nText.", published=meta), ledger=None, as_of=dt.date(2026, 3, 1)
    )
    assert article.published == ArticleDate(span=day(2026, 3, 1), origin="as-of", reason="--as-of 2026-03-01")


def test_metadata_wins_over_ledger_and_dateline() -> None:
    meta = ArticleDate(span=day(2020, 1, 2), origin="metadata", reason="HTML <time datetime>")
    ledger = Ledger(articles={"a": ArticleMeta(published=dt.date(2021, 5, 5))})
    article = date_article(art("Nov 22, 2024\n\nText.", published=meta), ledger=ledger, as_of=None)
    assert article.published == meta


def test_ledger_by_id_or_path_wins_over_dateline() -> None:
    for key in ("a", "dir/a.txt"):
        ledger = Ledger(articles={key: ArticleMeta(published=dt.date(2021, 5, 5))})
        published = date_article(art("Nov 22, 2024\n\nText."), ledger=ledger, as_of=None).published
        assert published is not None
        assert (published.span, published.origin) == (day(2021, 5, 5), "ledger")
        assert key in published.reason


def test_dateline_wins_over_inference() -> None:
    article = date_article(
        art("Title\nPublished: March 3, 2025\nIn 2019 and 2019 again."), ledger=None, as_of=None
    )
    assert article.published is not None
    assert (article.published.span, article.published.origin) == (day(2025, 3, 3), "dateline")
    assert article.published.reason == 'dateline "March 3, 2025" on line 2'


def test_redating_is_stable() -> None:
    once = date_article(art("In 2019 things happened."), ledger=None, as_of=None)
    assert date_article(once, ledger=None, as_of=None) == once


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Nov 22, 2024", day(2024, 11, 22)),
        ("Nov. 22, 2024", day(2024, 11, 22)),
        ("November 22, 2024", day(2024, 11, 22)),
        ("22 November 2024", day(2024, 11, 22)),
        ("2024-11-22", day(2024, 11, 22)),
        ("Published: Nov 22, 2024", day(2024, 11, 22)),
        ("Posted on 22 Nov 2024", day(2024, 11, 22)),
        ("Friday, November 22, 2024 10:30 a.m. ET", day(2024, 11, 22)),
        ("Sept 3, 2025", day(2025, 9, 3)),
        ("WASHINGTON, March 3, 2025 — Officials said on Monday that the plan was off.", day(2025, 3, 3)),
        ("SAN FRANCISCO, Calif., March 3, 2025 - The company said.", day(2025, 3, 3)),
    ],
)
def test_dateline_forms(line: str, expected: DateSpan) -> None:
    found = find_dateline(art(f"Some headline\n\n{line}\n\nBody text here."))
    assert found is not None and found.span == expected and found.origin == "dateline"
    assert found.reason.endswith("on line 3")


@pytest.mark.parametrize(
    "line",
    [
        "March 3 (Reuters) - The company said it would expand.",  # no year
        "The deal closed on Nov 22, 2024, according to filings.",  # a date inside a sentence
        "Feb 30, 2024",  # not a date
    ],
)
def test_not_a_dateline(line: str) -> None:
    assert find_dateline(art(f"Headline\n{line}\nMore.")) is None


def test_dateline_only_in_first_15_non_empty_lines() -> None:
    body = "\n\n".join(f"Paragraph {n}." for n in range(15)) + "\n\nNov 22, 2024\n"
    assert find_dateline(art(body)) is None
    body = "\n\n".join(f"Paragraph {n}." for n in range(14)) + "\n\nNov 22, 2024\n"
    assert find_dateline(art(body)) is not None


def test_published_preferred_over_updated() -> None:
    found = find_dateline(art("Title\nUpdated: Jan 5, 2025\nPublished: Jan 2, 2025\nBody."))
    assert found is not None and found.span == day(2025, 1, 2)


# --------------------------------------------------------------------------- inference


def test_inference_ignores_forward_looking_years() -> None:
    text = (
        "The company said in 2023 that sales rose. Revenue grew in 2023 again. "
        "It is scheduled for 2027. The roadmap includes a chip in 2027. It will launch in 2028. "
        "Analysts expect growth by 2030. The next model may arrive in 2029."
    )
    found = infer_year(text)
    assert found is not None and found.span.label() == "2023" and found.origin == "inferred"
    assert "(2 of 7 year mentions)" in found.reason


def test_inference_ties_go_to_the_later_year() -> None:
    found = infer_year("It began in 2021. It grew in 2022.")
    assert found is not None and found.span.label() == "2022"


def test_inference_counts_month_and_quarter_forms_and_may_as_month() -> None:
    found = infer_year(
        "Sales in Q3 2024 rose. In May 2024 the firm hired. Since late 2024, it grew. In 2019 too."
    )
    assert found is not None and found.span.label() == "2024"
    assert "(3 of 4" in found.reason


def test_inference_ignores_urls_and_non_years() -> None:
    text = (
        "See https://example.com/2031/07/story and www.example.org/2031 and example.net/2031/x. "
        "It cost $2025 and 2,020 units; 2030% growth; in 2019 it began."
    )
    found = infer_year(text)
    assert found is not None and found.span.label() == "2019"
    assert "(1 of 1 year mention)" in found.reason


def test_no_year_means_no_date() -> None:
    article = date_article(art("Nothing dated here at all."), ledger=None, as_of=None)
    assert article.published is None
    assert article_date_label(article) == "date unknown"


def test_article_date_label() -> None:
    article = date_article(art("Nov 22, 2024\nText."), ledger=None, as_of=None)
    assert article_date_label(article) == '2024-11-22 (dateline "Nov 22, 2024" on line 1)'


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("2024-11-22", "2024-11-22"),
        ("2024-11-22T23:10:01Z", "2024-11-22"),
        ("2024-11-22 08:00:00+05:00", "2024-11-22"),
        ("2024-02", "2024-02-01..2024-02-29"),
        ("2024", "2024"),
        (2024, "2024"),
        ("Fri, 22 Nov 2024 10:00:00 GMT", "2024-11-22"),
        ("November 22, 2024", "2024-11-22"),
        (dt.date(2024, 11, 22), "2024-11-22"),
        (dt.datetime(2024, 11, 22, 9, 0), "2024-11-22"),
    ],
)
def test_parse_date_value(value: object, label: str) -> None:
    span = parse_date_value(value)
    assert span is not None and span.label() == label


@pytest.mark.parametrize("value", ["", "soon", "2024-13-40", None, True, [2024]])
def test_parse_date_value_rejects(value: object) -> None:
    assert parse_date_value(value) is None


def test_parse_date_text_december_month_span() -> None:
    span = parse_date_text("2024-12")
    assert span is not None and span.end == dt.date(2024, 12, 31)
