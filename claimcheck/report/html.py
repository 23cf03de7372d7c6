"""One self-contained HTML page: summary cards, filters, contradictions, and the articles' text.

No network at all: CSS and JS are inlined from package data, and a strict
Content-Security-Policy (``default-src 'none'``, the one script allowed by
its sha256 hash) keeps anything that slipped into the page from running.
Every piece of article text goes through ``html.escape``.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from html import escape
from importlib.resources import files
from typing import ClassVar

from claimcheck.report.base import Reporter
from claimcheck.report.records import (
    KINDS,
    SEVERITIES,
    STATUSES,
    ArticleRecord,
    ClaimRecord,
    ContradictionRecord,
    LineRecord,
    Report,
    anchor_for,
)


@cache
def _asset(name: str) -> str:
    return files("claimcheck.report").joinpath(name).read_text(encoding="utf-8")


def csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{digest}'; img-src 'none'; base-uri 'none'; form-action 'none'"
    )


def e(text: object) -> str:
    return escape(str(text), quote=True)


def line_anchor(article_anchor: str, line: int) -> str:
    return f"a-{article_anchor}-L{line}"


def _marked(text: str, figures: tuple[str, ...]) -> str:
    """Escape a line, wrapping the first occurrence of each figure in <mark>."""
    spans: list[tuple[int, int]] = []
    for figure in figures:
        at = text.find(figure)
        if at >= 0 and all(at >= end or at + len(figure) <= start for start, end in spans):
            spans.append((at, at + len(figure)))
    out, pos = [], 0
    for start, end in sorted(spans):
        out += [e(text[pos:start]), "<mark>", e(text[start:end]), "</mark>"]
        pos = end
    out.append(e(text[pos:]))
    return "".join(out)


def _claim(k: ClaimRecord) -> str:
    h = k.highlight
    figure = f"<mark>{e(h.figure)}</mark>" if h.figure else ""
    quote = f'<span class="quote">{e(h.quote_before)}{figure}{e(h.quote_after)}</span>'
    href = line_anchor(k.article_anchor, k.line)
    # an accepted fact lives in claims.yaml, whose text the report does not carry: no link
    where = f"{e(k.location)} (accepted fact)" if k.is_fact else f'<a href="#{e(href)}">{e(k.location)}</a>'
    return (
        '<figure class="claim">'
        f"<figcaption>{where}</figcaption>"
        f"<blockquote>{e(h.before)}{quote}{e(h.after)}</blockquote>"
        f'<p class="value">{e(k.value.label) or "—"}</p>'
        "</figure>"
    )


def _contradiction(c: ContradictionRecord) -> str:
    ack = ' <span class="badge ack">ACKNOWLEDGED</span>' if c.acknowledged else ""
    classes = f"cc sev-{e(c.severity)}" + (" acknowledged" if c.acknowledged else "")
    note = f'<p class="note">Reviewer\'s note: {e(c.note)}</p>' if c.note else ""
    return (
        f'<article class="{classes}" id="c-{e(anchor_for(c.id))}" data-severity="{e(c.severity)}" '
        f'data-kind="{e(c.kind)}" data-status="{e(c.status)}">'
        f'<div class="meta"><span class="badge sev-{e(c.severity)}">{e(c.severity.upper())}</span>{ack}'
        f"<code>{e(c.rule)}</code><span>{e(c.rule_name)}</span><span>· {e(c.kind)}</span></div>"
        f"<h2>{e(c.topic)}</h2>"
        f'<p class="explanation">{e(c.explanation)}</p>{note}'
        f'<div class="claims">{"".join(_claim(k) for k in c.claims)}</div>'
        f'<div class="fid">id {e(c.id)}</div>'
        "</article>"
    )


def _line(a: ArticleRecord, line: LineRecord) -> str:
    anchor = e(line_anchor(a.anchor, line.number))
    hit = " hit" if line.claim_ids else ""
    return (
        f'<div class="ln{hit}" id="{anchor}"><a href="#{anchor}">{line.number}</a>'
        f"<span>{_marked(line.text, line.figures)}</span></div>"
    )


def _article(a: ArticleRecord) -> str:
    published = f" · published {e(a.published)}" if a.published else " · publication date unknown"
    if a.published and a.published_origin:
        published += f' <span title="{e(a.published_reason or "")}">({e(a.published_origin)})</span>'
    title = f"<strong>{e(a.title)}</strong> " if a.title else ""
    return (
        f'<details class="article" id="a-{e(a.anchor)}"><summary>{title}<code>{e(a.path)}</code>'
        f'<span class="info">{published} · {a.claims} claims</span></summary>'
        f'<div class="lines">{"".join(_line(a, line) for line in a.lines)}</div></details>'
    )


def _cards(records: Report) -> str:
    s = records.summary
    cards = [("articles", s.articles, ""), ("claims", s.claims, ""), ("contradictions", s.shown, "")]
    cards += [(sev, sum(1 for c in records.shown if c.severity == sev), f" sev-{sev}") for sev in SEVERITIES]
    return (
        '<section class="cards">'
        + "".join(
            f'<div class="card{cls}"><span class="num">{n}</span><span class="lbl">{e(label)}</span></div>'
            for label, n, cls in cards
        )
        + "</section>"
    )


def _filters(records: Report) -> str:
    def group(name: str, values: tuple[str, ...]) -> str:
        boxes = "".join(
            f'<label><input type="checkbox" data-filter="{name}" value="{e(v)}" checked>{e(v)} '
            f"({sum(1 for c in records.shown if getattr(c, name) == v)})</label>"
            for v in values
        )
        return f"<fieldset><legend>{name.capitalize()}</legend>{boxes}</fieldset>"

    present = {c.kind for c in records.shown}
    parts = [
        group("severity", SEVERITIES),
        group("kind", tuple(k for k in KINDS if k in present) + tuple(sorted(present - set(KINDS)))),
    ]
    if len({c.status for c in records.shown}) > 1:
        parts.append(group("status", STATUSES))
    return f'<nav class="filters" aria-label="Filters">{"".join(parts)}<span id="count"></span></nav>'


class HtmlReporter(Reporter):
    name: ClassVar[str] = "html"
    extension: ClassVar[str] = ".html"
    media_type: ClassVar[str] = "text/html"

    def render(self, records: Report) -> str:
        from claimcheck.report.figures_html import figures_section  # it imports e and line_anchor from here

        s = records.summary
        script = _asset("report.js") + _asset("figures.js")
        head = (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{e(csp(script))}">\n'
            '<meta name="referrer" content="no-referrer">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(records.title)}</title>\n<style>\n{_asset('report.css')}{_asset('figures.css')}</style>\n</head>\n"
        )
        body = [
            f"<body>\n<header><h1>{e(records.title)}</h1>",
            f'<p class="sub">{s.articles} articles · {s.claims} claims · '
            f"{s.shown} contradictions shown</p></header>",
            _cards(records),
        ]
        if records.skipped:
            items = "".join(f"<li><code>{e(f.path)}</code> — {e(f.reason)}</li>" for f in records.skipped)
            body.append(
                f'<section class="skipped"><details><summary>{len(records.skipped)} file(s) skipped</summary>'
                f"<ul>{items}</ul></details></section>"
            )
        if s.hidden_acknowledged:
            body.append(
                f'<p class="notice">{s.hidden_acknowledged} acknowledged contradiction(s) not shown.</p>'
            )
        body.append('<main id="contradictions">')
        if records.shown:
            body.append(_filters(records))
            body += [_contradiction(c) for c in records.shown]
            body.append('<p class="empty" id="empty" hidden>No contradictions match these filters.</p>')
        else:
            body.append('<p class="none"><strong>No contradictions found</strong> among these articles.</p>')
        body.append("</main>")
        body.append(figures_section(records))
        body.append('<section id="articles"><h2>Articles</h2>')
        body += [_article(a) for a in records.articles]
        body.append("</section>\n<footer>Generated by claimcheck.</footer>")
        return head + "\n".join(body) + f"\n<script>{script}</script>\n</body>\n</html>\n"
