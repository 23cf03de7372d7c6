"""A hand-made, realistic AuditResult for the reporter tests (no pipeline needed).

Three fictional articles, three contradictions (numeric/high, temporal/medium,
proportion/low and acknowledged), and article text that tries every trick a
hostile source could play on a report: script tags, event-handler
attributes, javascript: links, Markdown control characters, spreadsheet
formulas, workflow-command separators and non-ASCII text.
"""

from __future__ import annotations

import datetime as dt

from claimcheck.models import (
    Article,
    ArticleDate,
    AuditResult,
    Claim,
    ClaimKind,
    Contradiction,
    DateSpan,
    SkippedFile,
    Value,
)

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
JS_LINK = "[see this](javascript:window.__pwned=1)"

ALPHA_TEXT = (
    "Norvale Robotics expands its fleet\n"
    "\n"
    "Norvale Robotics said it now has over 10,000 robots deployed in warehouses worldwide.\n"
    f"Critics disagree {IMG} and say the figure is lower.\n"
    "The Kestrel X3 will arrive in 2027, a spokesperson said.\n"
)
BETA_TEXT = (
    f"{SCRIPT} Beta wire report\n"
    "Norvale has rolled out 1.4 million robots | across *all* sites, per `internal` data_files.\n"
    f"Readers can {JS_LINK} for details.\n"
    "Only 85% of orders ship on time, the firm said.\n"
)
GAMMA_TEXT = (
    "Gamma: café news — 10 000 €\n"
    f"The Kestrel X3 {SCRIPT} is shipping now to customers, the company says.\n"
    "=cmd|' /C calc'!A0 -40% of orders shipped late,\n"
    "100% of them from Ohio: a 5% rise.\n"
)


def _day(year: int, month: int, day: int) -> DateSpan:
    return DateSpan(start=dt.date(year, month, day), end=dt.date(year, month, day))


def _claim(
    article: Article,
    cid: str,
    quote: str,
    sentence: str,
    *,
    kind: ClaimKind,
    subject: str,
    measure: str,
    value: Value,
) -> Claim:
    start = article.text.index(quote)
    return Claim(
        id=cid,
        article=article.id,
        path=article.path,
        line=article.line_at(start),
        start=start,
        end=start + len(quote),
        sentence=sentence,
        quote=quote,
        kind=kind,
        subject=subject,
        measure=measure,
        value=value,
    )


def make_articles() -> tuple[Article, Article, Article]:
    alpha = Article(
        id="alpha",
        path="sources/alpha.md",
        format="md",
        title="Norvale Robotics expands its fleet",
        published=ArticleDate(
            span=_day(2024, 3, 1), origin="front-matter", reason="front matter date: 2024-03-01"
        ),
        text=ALPHA_TEXT,
        line_map=((0, 5),),  # four lines of front matter precede the text
    )
    beta = Article(
        id="beta",
        path="sources/beta.txt",
        format="txt",
        title=f"{SCRIPT} Beta wire report",
        published=ArticleDate(span=_day(2024, 3, 2), origin="inferred", reason='dateline "March 2, 2024"'),
        text=BETA_TEXT,
    )
    gamma = Article(
        id="gamma/2",
        path="sources/gamma, final: v2.html",
        format="html",
        title=None,
        text=GAMMA_TEXT,
    )
    return alpha, beta, gamma


def make_result() -> AuditResult:
    alpha, beta, gamma = make_articles()
    over = _claim(
        alpha,
        "alpha#1",
        "over 10,000 robots deployed",
        "Norvale Robotics said it now has over 10,000 robots deployed in warehouses worldwide.",
        kind=ClaimKind.NUMERIC,
        subject="Norvale Robotics",
        measure="robot deployed",
        value=Value(
            low=10000.0,
            high=100000.0,
            nominal=10000.0,
            unit="",
            dimension="number",
            qualifier="over",
            text="over 10,000",
            display="10,000–100,000 robot",
        ),
    )
    million = _claim(
        beta,
        "beta#1",
        "rolled out 1.4 million robots | across *all* sites",
        "Norvale has rolled out 1.4 million robots | across *all* sites, per `internal` data_files.",
        kind=ClaimKind.NUMERIC,
        subject="Norvale Robotics",
        measure="robot deployed",
        value=Value(
            low=1350000.0,
            high=1450000.0,
            nominal=1400000.0,
            text="1.4 million",
            display="1,350,000–1,450,000 robot",
        ),
    )
    year = _claim(
        alpha,
        "alpha#2",
        "will arrive in 2027",
        "The Kestrel X3 will arrive in 2027, a spokesperson said.",
        kind=ClaimKind.TEMPORAL,
        subject="Kestrel X3",
        measure="availability",
        value=Value(
            low=739252.0,
            high=739616.0,
            unit="day",
            dimension="time",
            text="in 2027",
            display="2027",
        ),
    )
    now = _claim(
        gamma,
        "gamma/2#1",
        f"{SCRIPT} is shipping now",
        f"The Kestrel X3 {SCRIPT} is shipping now to customers, the company says.",
        kind=ClaimKind.TEMPORAL,
        subject="Kestrel X3",
        measure="availability",
        value=Value(
            low=None, high=738947.0, unit="day", dimension="time", text="shipping now", display="by 2024"
        ),
    )
    on_time = _claim(
        beta,
        "beta#2",
        "85% of orders ship on time",
        "Only 85% of orders ship on time, the firm said.",
        kind=ClaimKind.PROPORTION,
        subject="Norvale Robotics",
        measure="share of orders late",
        value=Value(
            low=14.5, high=15.5, nominal=15.0, unit="%", dimension="percent", text="85%", display="15%"
        ),
    )
    late = _claim(
        gamma,
        "gamma/2#2",
        "-40% of orders shipped late",
        "=cmd|' /C calc'!A0 -40% of orders shipped late,\n100% of them from Ohio: a 5% rise.",
        kind=ClaimKind.PROPORTION,
        subject="Norvale Robotics",
        measure="share of orders late",
        value=Value(
            low=-40.5,
            high=-39.5,
            nominal=-40.0,
            unit="%",
            dimension="percent",
            text="-40%",
            display="-40%",
        ),
    )
    contradictions = (
        Contradiction(
            id="cc-low-ack-3f2a",
            rule="CC301",
            rule_name="proportion-conflict",
            kind="proportion",
            severity="low",
            status="acknowledged",
            subject="Norvale Robotics",
            measure="share of orders late",
            explanation=(
                "15% of orders late and -40% of orders late cannot both be true: 100%, 50% & <b>more</b>"
            ),
            claims=(late, on_time),
            note="Different quarters; see <editor> note, 100%: fine",
        ),
        Contradiction(
            id="cc-temporal-9b1c",
            rule="CC201",
            rule_name="availability-date-conflict",
            kind="temporal",
            severity="medium",
            subject="Kestrel X3",
            measure="availability",
            explanation=(
                "One article says the Kestrel X3 arrives in 2027, another that it is shipping now (2024)."
            ),
            claims=(now, year),
        ),
        Contradiction(
            id="cc-numeric-0d4e",
            rule="CC101",
            rule_name="numeric-interval-conflict",
            kind="numeric",
            severity="high",
            subject="Norvale Robotics",
            measure="robot deployed",
            explanation=(
                "over 10,000 robots (at most 100,000 by news convention) and 1.4 million robots "
                "cannot both be the number deployed: the intervals do not overlap (14x apart)."
            ),
            claims=(million, over),
        ),
    )
    return AuditResult(
        articles=(gamma, beta, alpha),
        skipped=(
            SkippedFile(path="sources/zeta.pdf", reason="unsupported file type .pdf"),
            SkippedFile(path="sources/empty.txt", reason="empty file"),
        ),
        claims=(over, million, year, now, on_time, late),
        contradictions=contradictions,
    )


def make_empty_result() -> AuditResult:
    alpha, beta, _ = make_articles()
    return AuditResult(articles=(beta, alpha), claims=())
