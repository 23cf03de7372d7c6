"""A starter claims.yaml from a corpus (``ledger init``): the dates found, candidate entities and
commented examples, validated before it is written (atomically)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from claimcheck.atomic import write_atomic
from claimcheck.ledger.edit import HEADER
from claimcheck.ledger.load import LedgerError, parse_ledger
from claimcheck.ledger.schema import LEDGER_VERSION
from claimcheck.models import Article


class EditError(Exception):
    """A starter ledger that cannot be written as asked (the file exists, the template does not load)."""



def write_starter(path: Path, text: str, *, force: bool) -> None:
    """Write a starter ledger; refuses to replace an existing file unless ``force``."""
    if path.exists() and not force:
        raise EditError(f"{path} already exists (use --force to replace it)")
    try:
        parse_ledger(text, path)
    except LedgerError as exc:  # a bug in the template, not the user's fault
        raise EditError(f"internal error: the starter ledger does not load: {exc}") from None
    write_atomic(path, text)


def starter_text(articles: Sequence[Article], entities: Sequence[tuple[str, Sequence[str]]]) -> str:
    """A starter ledger: the dates the loader found (and how), candidate entities, commented examples."""
    out = [
        HEADER,
        f"# Written by `claimcheck ledger init` from {len(articles)} article(s). Review every entry:\n"
        "# whatever is here is treated as reviewed.\n",
        f"version: {LEDGER_VERSION}\n\n",
        "# Publication dates, keyed by article id. claimcheck resolves \"shipping now\" or\n"
        "# \"next year\" against them; a date here overrides what the article says.\n",
    ]
    dated = [(a, a.published) for a in sorted(articles, key=lambda a: a.id)]
    out.append("articles:\n" if articles else "articles: {}\n")
    for article, published in dated:
        how = f"{published.origin}: {published.reason}" if published else "no date found"
        out.append(f"  {_q(article.id)}:  # {_comment(article.path)}\n")
        if published and published.span.start == published.span.end:
            out.append(f"    published: {published.span.start.isoformat()}  # {_comment(how)}\n")
        else:
            label = f" (only {published.span.label()} is known)" if published else ""
            out.append(f"    published:  # YYYY-MM-DD{label}; {_comment(how)}\n")
    out.append(
        "\n# Entities: the canonical name, the other names articles use for it, and its\n"
        "# parent (is-a: a count of the child is part of a count of the parent).\n"
    )
    out.append("entities:\n" if entities else "entities: {}\n")
    for name, aliases in entities:
        out.append(f"  {_q(name)}:\n")
        if aliases:
            out.append(f"    aliases: [{', '.join(_q(a) for a in aliases)}]\n")
        out.append("    # parent: ...\n")
    out.append(
        "\n# Measure synonyms: canonical wording -> other wordings.\n"
        "# measures:\n#   units deployed: [units rolled out, units in service]\n"
        "measures: {}\n"
        "\n# Accepted facts: new articles are checked against them as against an article.\n"
        "# facts:\n#   - subject: ExampleCo\n#     measure: employees\n#     value: about 12,000 people\n"
        "#     as_of: 2025-01-31\n#     source: ExampleCo annual report\n"
        "#     note: confirmed with the company\n"
        "facts: []\n"
        "\n# Reviewed findings, by id. Add them with `claimcheck ledger accept`:\n"
        "#   - id: 3f9c2a...\n#     status: accepted        # or false-positive\n"
        "#     note: the two figures count different things\n#     expires: 2026-06-30     # optional\n"
        "#     keep: [sources/the-right-article.txt]   # with --keep: whose figures hold\n"
        "acknowledged: []\n"
    )
    return "".join(out)


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(text.split())
