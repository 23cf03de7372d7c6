"""A tiny hand-written corpus with a realnews-format gold file, and helpers to fake findings.

Everything here is invented for the eval tests. Three articles about one port: a Markdown file with
front matter and typographic quotes, and two plain-text files. Gold: a required numeric
contradiction (ships), a bonus proportion contradiction (ferries), two look-alikes (the agreeing
ship counts; a length in two units) and a borderline item.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from claimcheck.evaluate import Gold, PredClaim, Prediction, load_gold
from claimcheck.models import Article, AuditResult, Claim, ClaimKind, Contradiction, Value

A_MD = (
    "---\ntitle: Harbor traffic\npublished: 2025-03-04\n---\n\n# Harbor traffic\n\n"
    "The port handled 1,200 ships in 2024, officials said.\n"
    "All ferries now run on \u201cbattery\u201d power.\n"
    "The harbor wall is 5 km\nlong.\n"
)
B_TXT = (
    "Harbor City\n\nAbout 800 ships docked in 2024, the port authority said.\n"
    "Only 60% of ferries are electric, according to the union.\n"
    "The wall is 5,000 m long, the union added.\n"
)
C_TXT = "Port report\n\nThe port handled 1,200 ships in 2024.\nFerry crews number 340, a spokesman said.\n"
FILES = {"a.md": A_MD, "b.txt": B_TXT, "c.txt": C_TXT}

GOLD: dict[str, Any] = {
    "topic": "harbor",
    "contradictions": [
        {"id": "ships", "kind": "numeric", "severity": "medium", "tier": "required",
         "why": "1,200 against about 800 for the same year.",
         "claims": [{"file": "a.md", "quote": "1,200 ships in 2024"},
                    {"file": "b.txt", "quote": "About 800 ships docked in 2024"},
                    {"file": "c.txt", "quote": "The port handled 1,200 ships in 2024"}]},
        {"id": "ferries", "kind": "proportion", "severity": "low", "tier": "bonus",
         "claims": [{"file": "a.md", "quote": 'All ferries now run on "battery" power'},
                    {"file": "b.txt", "quote": "Only 60% of ferries are electric"}]},
    ],
    "consistent": [
        {"id": "ships-agree", "claims": [{"file": "a.md", "quote": "1,200 ships in 2024"},
                                         {"file": "c.txt", "quote": "The port handled 1,200 ships in 2024"}]},
        {"id": "wall-units", "why": "5 km is 5,000 m.",
         "claims": [{"file": "a.md", "quote": "The harbor wall is 5 km long"},
                    {"file": "b.txt", "quote": "The wall is 5,000 m long"}]},
    ],
    "borderline": [
        {"id": "crews", "claims": [{"file": "c.txt", "quote": "Ferry crews number 340"},
                                   {"file": "b.txt", "quote": "not in any article"}]},
    ],
}


def write_corpus(root: Path, gold: dict[str, Any] | None = None) -> tuple[Path, Path]:
    """The corpus folder and its gold file (beside it, not inside)."""
    corpus = root / "harbor"
    corpus.mkdir()
    for name, text in FILES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    gold_path = root / "gold.yaml"
    gold_path.write_text(yaml.safe_dump(gold or GOLD, sort_keys=False), encoding="utf-8")
    return corpus, gold_path


def article(gold: Gold, name: str) -> Article:
    return next(a for a in gold.articles if a.path.endswith("/" + name))


def at(gold: Gold, name: str, needle: str, *, offsets: bool = True) -> PredClaim:
    """A predicted claim on ``needle`` in file ``name``: with offsets (in memory) or line only (a report)."""
    art = article(gold, name)
    start = art.text.index(needle)
    return PredClaim(path=art.path, line=art.line_at(start), quote=needle, article=art.id,
                     start=start if offsets else None, end=start + len(needle) if offsets else None)


def prediction(pid: str, kind: str, *claims: PredClaim) -> Prediction:
    return Prediction(id=pid, kind=kind, explanation=f"{pid} explained", claims=claims)


def fake_claim(gold: Gold, name: str, needle: str, index: int = 0) -> Claim:
    p = at(gold, name, needle)
    assert p.start is not None and p.end is not None
    return Claim(id=f"k{index}-{name}", article=p.article or "", path=p.path, line=p.line, start=p.start,
                 end=p.end, sentence=needle, quote=needle, kind=ClaimKind.NUMERIC, subject="port",
                 measure="ship", value=Value(low=1, high=1))


def fake_result(gold: Gold, claims: list[tuple[str, str]], findings: list[list[int]]) -> AuditResult:
    """An audit result: extracted claims (file, needle), and findings citing them by index."""
    made = [fake_claim(gold, name, needle, i) for i, (name, needle) in enumerate(claims)]
    cons = tuple(
        Contradiction(id=f"f{n}", rule="CC101", rule_name="numeric", kind="numeric", severity="high",
                      subject="port", measure="ship", explanation="differ", claims=tuple(made[i] for i in cited))
        for n, cited in enumerate(findings)
    )
    return AuditResult(articles=gold.articles, claims=tuple(made), contradictions=cons)


def load(root: Path, gold: dict[str, Any] | None = None) -> tuple[Gold, Path]:
    corpus, gold_path = write_corpus(root, gold)
    return load_gold(gold_path, corpus), gold_path
