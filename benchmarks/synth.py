"""Synthetic news corpora with planted contradictions and look-alikes, plus their gold file.

    python benchmarks/synth.py OUT_DIR --articles N --seed S [--rate-contradiction P] [--rate-lookalike Q]

Articles come in stories of 4-6 about one invented company. Each story has an "early" group of
articles sharing one date and a "late" group dated the next year. Every story fact is repeated
with the same value unless a plant changes it, so the only conflicts are the planted ones. Each
contradiction type (numeric, subset-exceeds-total, temporal status, proportion, ratio) is planted
in a story with probability P, each look-alike type (unit conversion, "over" vs "more than",
an update over time, a plan then a later launch) with probability Q. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

SYL = (
    "bra",
    "cor",
    "dex",
    "fen",
    "gal",
    "hux",
    "ira",
    "jov",
    "kel",
    "lum",
    "mor",
    "nix",
    "oro",
    "pax",
    "qui",
    "ros",
    "sel",
    "tav",
    "ulm",
    "vex",
    "wyn",
    "xan",
    "yor",
    "zel",
)
SUFFIX = ("Systems", "Dynamics", "Networks", "Labs", "Energy", "Robotics", "Logistics", "Holdings")
FIRST = ("Mara", "Tomas", "Inge", "Ravi", "Lena", "Oskar", "Nadia", "Felix", "Priya", "Dario")
LAST = ("Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Haddad", "Ferreira", "Novak")
NOUNS = ("robot", "charging station", "drone", "server rack", "turbine", "kiosk", "sensor", "locker")
CITIES = ("Port Veyra", "Oldmere", "Kastrow", "San Telmo Bay", "Rhenfeld", "Ashcombe", "Novi Dar")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
FILLER = (
    "Analysts at {firm} said the move reflects a broader push to cut costs in {city}.",
    "{exec}, the company's chief executive, said customers had asked for faster delivery.",
    "The company, founded in {founded}, did not respond to a request for further comment.",
    "Rivals have reportedly been watching the rollout closely, according to people familiar with the plans.",
    "Shares of {company} were little changed in afternoon trading.",
    "Local officials in {city} welcomed the investment but raised questions about permits.",
    "{company} has faced criticism from labor groups over working conditions at its {city} site.",
    "The announcement came a week after a rival unveiled a similar program.",
)


def _name(index: int, salt: int, parts: int = 3) -> str:
    """A pronounceable name unique for each index (a bijection on the index for a given salt)."""
    n = (index * 7919 + salt * 104729) % (len(SYL) ** parts)
    syl = [SYL[(n // len(SYL) ** k) % len(SYL)] for k in range(parts)]
    return "".join(syl).capitalize()


def _plural(noun: str) -> str:
    return noun + "es" if noun.endswith(("s", "x")) else noun + "s"


def _poss(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _date(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


@dataclass
class Article:
    name: str
    early: bool
    facts: list[str] = field(default_factory=list)


@dataclass
class Story:
    index: int
    rng: random.Random
    articles: list[Article]
    early_day: dt.date
    late_day: dt.date
    ctx: dict[str, str]
    gold_contra: list[str] = field(default_factory=list)
    gold_consistent: list[str] = field(default_factory=list)

    def pick(self, early: bool | None, count: int = 2) -> list[Article] | None:
        pool = [a for a in self.articles if early is None or a.early == early]
        return self.rng.sample(pool, count) if len(pool) >= count else None

    def plant(self, pairs: list[tuple[Article, str, str]], kind: str | None, slug: str) -> None:
        """Add each (article, sentence, quote) and record a gold item."""
        claims = []
        for article, sentence, quote in pairs:
            article.facts.append(sentence)
            claims.append(f"{{file: {article.name}, quote: {json.dumps(quote)}}}")
        item = f"  - id: s{self.index}-{slug}\n"
        if kind:
            item += f"    kind: {kind}\n"
        item += "    claims: [" + ", ".join(claims) + "]\n"
        (self.gold_contra if kind else self.gold_consistent).append(item)


def _contradictions(s: Story, p: float) -> None:
    r, c, prod, noun = s.rng, s.ctx["company"], s.ctx["product"], s.ctx["noun"]
    gen, year = int(s.ctx["gen"]), s.early_day.year
    if r.random() < p and (two := s.pick(True)):
        a, b = r.randint(12, 60) / 10, r.randint(70, 140) / 10
        q1, q2 = f"revenue of ${a:.1f} billion for {year - 1}", f"{year - 1} revenue came to ${b:.1f} billion"
        s.plant(
            [
                (two[0], f"{c} reported {q1}, the company said.", q1),
                (two[1], f"{_poss(c)} {q2}, according to regulatory filings.", q2),
            ],
            "numeric",
            "revenue",
        )
    if r.random() < p and (two := s.pick(True)):
        total, part = r.randint(20, 90) * 100, r.randint(3, 9) * 10_000
        q1 = f"{total:,} {prod} {_plural(noun)} in service worldwide"
        q2 = f"{s.ctx['customer']} alone runs more than {part:,} {prod} {_plural(noun)}"
        s.plant(
            [
                (two[0], f"{c} now has {q1}, a spokesperson said.", q1),
                (two[1], f"{q2}, the company said in a statement.", q2),
            ],
            "numeric",
            "subset",
        )
    if r.random() < p and (two := s.pick(True)):
        q1, q2 = f"{prod}{gen + 1} is scheduled for release in {year + 1}", f"{prod}{gen + 1} is shipping now"
        s.plant(
            [
                (two[0], f"{c} said the {q1}.", q1),
                (two[1], f"The {q2} and is the company's current generation, {s.ctx['exec']} said.", q2),
            ],
            "temporal",
            "status",
        )
    if r.random() < p and (two := s.pick(None)):
        share = r.choice((55, 60, 65, 70, 75, 80))
        q1 = f"all of {_poss(c)} {_plural(noun)} are assembled in {s.ctx['city']}"
        q2 = f"about {share}% of {_poss(c)} {_plural(noun)} are assembled in {s.ctx['city']}"
        s.plant(
            [
                (two[0], f"Executives stressed that {q1}.", q1),
                (two[1], f"Only {q2}, according to a supplier report.", q2),
            ],
            "proportion",
            "share",
        )
    if r.random() < p and (one := s.pick(None, 1)):
        old, new = r.randint(12, 30) / 10, r.randint(40, 90) / 10
        ratio = round(new / old * r.choice((1.5, 1.8, 0.5)), 1)
        q1 = f"{new:.1f} TB/s of memory bandwidth, a {ratio}x improvement over the {prod}{gen - 1}"
        q2 = f"the {prod}{gen - 1} tops out at {old:.1f} TB/s"
        s.plant(
            [(one[0], f"The {prod}{gen} offers {q1}.", q1), (one[0], f"By comparison, {q2}.", q2)],
            "arithmetic",
            "ratio",
        )


def _lookalikes(s: Story, q: float) -> None:
    r, c, prod, noun = s.rng, s.ctx["company"], s.ctx["product"], s.ctx["noun"]
    if r.random() < q and (two := s.pick(None)):
        km = r.randint(12, 95)
        q1, q2 = f"{km} km of new fiber", f"{km * 1000:,} meters of new fiber"
        s.plant(
            [
                (two[0], f"{c} laid {q1} last year.", q1),
                (two[1], f"Crews installed {q2} for {c}, the company said.", q2),
            ],
            None,
            "units",
        )
    if r.random() < q and (two := s.pick(None)):
        gw = r.randint(12, 48) / 10
        q1, q2 = f"{gw:.1f} GW of capacity", f"{int(gw * 1000):,} MW of capacity"
        s.plant(
            [
                (two[0], f"The {c} campus in {s.ctx['city']} will draw {q1}.", q1),
                (two[1], f"Planning documents show the {c} campus at {q2}.", q2),
            ],
            None,
            "power",
        )
    if r.random() < q and (two := s.pick(None)):
        n = r.randint(11, 99) * 1000
        q1, q2 = f"over {n:,} customers", f"more than {n:,} customers"
        s.plant(
            [
                (two[0], f"{c} serves {q1} across the region.", q1),
                (two[1], f"The firm counts {q2}, {s.ctx['exec']} said.", q2),
            ],
            None,
            "wording",
        )
    early, late = s.pick(True, 1), s.pick(False, 1)
    if r.random() < q and early and late:
        first = r.randint(20, 60) * 100
        q1 = f"had installed {first:,} {_plural(noun)}"
        q2 = f"has now installed {first + r.randint(5, 30) * 100:,} {_plural(noun)}"
        s.plant(
            [
                (early[0], f"As of {_date(s.early_day)}, {c} {q1}.", q1),
                (late[0], f"{c} {q2}, up from last year.", q2),
            ],
            None,
            "update",
        )
    if r.random() < q and early and late:
        q1 = f"{prod}{int(s.ctx['gen']) + 2} is expected in {s.late_day.year}"
        q2 = f"{prod}{int(s.ctx['gen']) + 2}, which launched this year"
        s.plant(
            [(early[0], f"The {q1}, the company said.", q1), (late[0], f"Customers praised the {q2}.", q2)],
            None,
            "launch",
        )


def _write(s: Story, article: Article, out: Path) -> None:
    r, day = s.rng, s.early_day if article.early else s.late_day
    sentences = list(article.facts)
    if r.random() < 0.5:
        sentences.append(
            f"{s.ctx['company']} employs about {s.ctx['headcount']} people, {s.ctx['exec']} said."
        )
    fillers = [f.format(**s.ctx) for f in r.sample(FILLER, 7)]
    count = r.randint(3, 6)
    paragraphs = [[f] for f in fillers[:count]]
    for sentence in sentences:
        paragraphs[r.randrange(len(paragraphs))].append(sentence)
    if r.random() < 0.5:
        paragraphs.append(fillers[count:])
    title = f"{s.ctx['company']} expands {s.ctx['product']} rollout in {s.ctx['city']}"
    body = "\n\n".join(" ".join(p) for p in paragraphs)
    text = f"{title}\nBy {r.choice(FIRST)} {r.choice(LAST)}\n{_date(day)}\n\n{body}\n"
    (out / article.name).write_text(text, encoding="utf-8")


def generate(
    out_dir: Path, n: int, seed: int, rate_contradiction: float = 0.3, rate_lookalike: float = 0.3
) -> Path:
    """Write ``n`` articles and ``gold.yaml`` into ``out_dir``; return the gold path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    contra: list[str] = []
    consistent: list[str] = []
    written, story_index = 0, 0
    while written < n:
        size = min(rng.randint(4, 6), n - written)
        srng = random.Random(f"{seed}/{story_index}")
        early = dt.date(2022, 1, 1) + dt.timedelta(days=srng.randint(0, 3 * 365))
        late = dt.date(early.year + 1, srng.randint(2, 11), srng.randint(1, 28))
        n_early = max(2, size // 2) if size > 1 else 1
        articles = [Article(name=f"a{written + k:06d}.txt", early=k < n_early) for k in range(size)]
        ctx = {
            "company": f"{_name(story_index, seed, 4)} {srng.choice(SUFFIX)}",
            "product": _name(story_index, seed + 1, 4),
            "customer": f"{_name(story_index, seed + 2, 4)} Group",
            "gen": str(srng.randint(2, 6)),
            "noun": srng.choice(NOUNS),
            "city": srng.choice(CITIES),
            "exec": f"{srng.choice(FIRST)} {srng.choice(LAST)}",
            "firm": f"{_name(story_index, seed + 3, 2)} Research",
            "founded": str(srng.randint(1980, 2015)),
            "headcount": f"{srng.randint(8, 95) * 100:,}",
        }
        story = Story(story_index, srng, articles, early, late, ctx)
        _contradictions(story, rate_contradiction)
        _lookalikes(story, rate_lookalike)
        for article in articles:
            _write(story, article, out_dir)
        contra += story.gold_contra
        consistent += story.gold_consistent
        written += size
        story_index += 1
    gold = out_dir / "gold.yaml"
    header = f"# synthetic corpus: {n} articles, seed {seed}, {len(contra)} contradictions\n"
    gold.write_text(
        header + "contradictions:\n" + "".join(contra) + "consistent:\n" + "".join(consistent),
        encoding="utf-8",
    )
    return gold


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rate-contradiction", type=float, default=0.3)
    parser.add_argument("--rate-lookalike", type=float, default=0.3)
    args = parser.parse_args()
    gold = generate(args.out_dir, args.articles, args.seed, args.rate_contradiction, args.rate_lookalike)
    print(f"wrote {args.articles} articles and {gold}")


if __name__ == "__main__":
    main()
