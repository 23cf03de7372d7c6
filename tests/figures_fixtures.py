"""A hand-made AuditResult for the figures view: a toll over time, an outlier, one agreed figure.

Three fictional wire reports on a fictional flood in a fictional town. The
death toll is a running total: twelve on 2 May, 31 on 3 May (an update), 27 on
4 May (a fall: a conflict). The reservoir's volume is 4.2 million cubic
metres in two reports and 42 million in one (an outlier). The bridge's length
is the same everywhere. One quote carries a script tag and one an
``onerror`` attribute: they must reach every report as inert text.
"""

from __future__ import annotations

import datetime as dt

from claimcheck.models import (
    Article,
    ArticleDate,
    AuditResult,
    Claim,
    ClaimGroup,
    ClaimKind,
    Contradiction,
    DateSpan,
    Modality,
    Scope,
    Value,
)

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'

TEXTS = {
    "north": (
        "Flood in Lowmarsh\n"
        "Twelve people died in the Lowmarsh flood, police said.\n"
        "The reservoir held 4.2 million cubic metres before the breach.\n"
        "The Kell bridge, 240 metres long, was closed.\n"
    ),
    "south": (
        "Lowmarsh toll rises\n"
        f"The death toll rose to 31 {SCRIPT} on Friday, the mayor said.\n"
        f"The reservoir {IMG} held 42 million cubic metres.\n"
    ),
    "west": (
        "Lowmarsh: the day after\n"
        "Officials now say 27 people died in the flood.\n"
        "The 4.2 million cubic metre reservoir had been full for weeks.\n"
        "The 240-metre Kell bridge reopened.\n"
    ),
}
PUBLISHED = {"north": (2024, 5, 2), "south": (2024, 5, 3), "west": (2024, 5, 4)}


def day(year: int, month: int, date: int) -> DateSpan:
    return DateSpan(start=dt.date(year, month, date), end=dt.date(year, month, date))


def make_articles() -> dict[str, Article]:
    return {
        name: Article(
            id=name,
            path=f"wires/{name}.txt",
            format="txt",
            title=text.split("\n", 1)[0],
            published=ArticleDate(span=day(*PUBLISHED[name]), origin="front-matter", reason="front matter"),
            text=text,
        )
        for name, text in TEXTS.items()
    }


def claim(
    article: Article,
    index: int,
    figure: str,
    quote: str,
    measure: str,
    value: Value,
    *,
    modality: Modality = "confirmed",
    attribution: str | None = None,
    scope: Scope = "unspecified",
) -> Claim:
    start = article.text.index(quote)
    line_start = article.text.rfind("\n", 0, start) + 1
    sentence = article.text[line_start : article.text.index("\n", start)]
    subject = "Kell bridge" if measure == "length" else "Lowmarsh"
    return Claim(
        id=f"{article.id}#{index}",
        article=article.id,
        path=article.path,
        line=article.line_at(start),
        start=start,
        end=start + len(quote),
        sentence=sentence,
        quote=quote,
        kind=ClaimKind.NUMERIC,
        subject=subject,
        measure=measure,
        value=value.model_copy(update={"text": figure}),
        modality=modality,
        attribution=attribution,
        time=article.published.span if article.published and measure == "people died" else None,
        time_varying=measure == "people died",
        scope=scope,
    )


def count(n: int) -> Value:
    return Value(low=n, high=n, nominal=n, display=str(n))


def volume(n: float, display: str) -> Value:
    return Value(low=n * 0.99, high=n * 1.01, nominal=n, unit="m3", dimension="volume", display=display)


def make_claims() -> list[Claim]:
    a = make_articles()
    north, south, west = a["north"], a["south"], a["west"]
    metres = Value(low=239.5, high=240.5, nominal=240.0, unit="m", dimension="length", display="240 m")
    return [
        claim(north, 1, "Twelve", "Twelve people died", "people died", count(12), attribution="police"),
        claim(north, 2, "4.2 million cubic metres", "held 4.2 million cubic metres", "volume",
              volume(4.2e6, "4.2 million m³")),
        claim(north, 3, "240 metres", "240 metres long", "length", metres),
        claim(south, 1, "31", f"rose to 31 {SCRIPT}", "people died", count(31),
              attribution="the mayor"),
        claim(south, 2, "42 million cubic metres", f"{IMG} held 42 million cubic metres", "volume",
              volume(4.2e7, "42 million m³")),
        claim(west, 1, "27", "27 people died", "people died", count(27), attribution="Officials"),
        claim(west, 2, "4.2 million cubic metre", "4.2 million cubic metre reservoir", "volume",
              volume(4.2e6, "4.2 million m³")),
        claim(west, 3, "240-metre", "240-metre Kell bridge", "length", metres),
    ]


def make_figures_result(order: int = 1) -> AuditResult:
    """The result; ``order=-1`` lists articles, claims, groups and findings backwards (same report)."""
    claims = make_claims()
    by_measure: dict[str, list[str]] = {}
    for c in claims:
        by_measure.setdefault(c.measure, []).append(c.id)
    groups = [
        ClaimGroup(key=f"k-{measure.replace(' ', '-')}", subject="Kell bridge" if measure == "length" else "Lowmarsh",
                   measure=measure, claim_ids=tuple(ids[::order]), timeline=measure == "people died",
                   event="Lowmarsh flood, May 2024" if measure == "people died" else "")
        for measure, ids in by_measure.items()
    ]
    toll = {c.id: c for c in claims}
    fall = Contradiction(
        id="cc-toll-fall-7e21", rule="CC103", rule_name="cumulative-count-decrease", kind="numeric",
        severity="medium", subject="Lowmarsh", measure="people died",
        explanation="The toll falls from 31 to 27 between two dated reports.",
        claims=(toll["south#1"], toll["west#1"]),
    )
    return AuditResult(
        articles=tuple(make_articles().values())[::order],
        claims=tuple(claims[::order]),
        groups=tuple(groups[::order]),
        contradictions=(fall,),
    )
