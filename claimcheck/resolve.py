"""Corpus-wide entity resolution: one name per thing, its family and its makers.

Extraction names entities as each article writes them. Here the corpus as a
whole decides that "Acme Widget" is the Widget made by Acme, that "Widget2"
is a Widget, and that an acronym defined in parentheses is an alias. The
ledger's word always wins over these name patterns.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from claimcheck.extract.entities import generation_parent
from claimcheck.ledger_schema import Ledger
from claimcheck.models import Article, Claim

_DEFINED_ACRONYM = re.compile(r"([A-Z][\w\-]*(?: [A-Z][\w\-]*){0,4}) \(([A-Z][A-Za-z0-9]{1,7})\)")


class EntityGraph:
    def __init__(self, ledger: Ledger | None, names: Iterable[str], articles: Iterable[Article] = ()) -> None:
        self.alias: dict[str, str] = {}
        self.parent: dict[str, str] = {}
        self.owner: dict[str, str] = {}
        self._ledger_names: set[str] = set()
        # the graph does not change after construction, and the reconciler asks the same questions often
        self._ancestors: dict[str, list[str]] = {}
        self._makers: dict[str, set[str]] = {}
        if ledger:
            for name, spec in ledger.entities.items():
                self._ledger_names.add(name)
                for alias in spec.aliases:
                    self.alias[alias] = name
                if spec.parent:
                    self.parent[name] = spec.parent
                if spec.owner:
                    self.owner[name] = spec.owner
        # Only the ledger and acronyms an article defines ("the National Weather Service (NWS)") make
        # names meet across articles; nothing is learned from a longer name seen elsewhere ("Hollin
        # Island" does not make "Island" a name of its own). Name variants meet in name_key.
        self._learn_acronyms(articles)

    def _learn_acronyms(self, articles: Iterable[Article]) -> None:
        votes: Counter[tuple[str, str]] = Counter()
        for article in articles:
            for match in _DEFINED_ACRONYM.finditer(article.text):
                long, short = match.group(1), match.group(2)
                initials = "".join(w[0] for w in long.split()).upper()
                if short.upper() == initials or short.upper().startswith(initials):
                    votes[(short, long)] += 1
        for (short, long), _ in sorted(votes.items()):
            if short not in self.alias and short not in self._ledger_names:
                self.alias[long] = self.alias.get(long, short)

    def canonical(self, name: str) -> str:
        seen = 0
        while name in self.alias and seen < 8:
            name = self.alias[name]
            seen += 1
        return name

    def parent_of(self, name: str) -> str | None:
        name = self.canonical(name)
        if name in self.parent:
            return self.canonical(self.parent[name])
        guessed = generation_parent(name)
        return self.canonical(guessed) if guessed and guessed != name else None

    def ancestors(self, name: str) -> list[str]:
        cached = self._ancestors.get(name)
        if cached is not None:
            return cached
        chain = self._ancestors[name] = self._chain(name)
        return chain

    def _chain(self, name: str) -> list[str]:
        chain = [self.canonical(name)]
        while len(chain) < 10:
            parent = self.parent_of(chain[-1])
            if parent is None or parent in chain:
                break
            chain.append(parent)
        return chain

    def makers(self, name: str) -> set[str]:
        cached = self._makers.get(name)
        if cached is None:
            cached = self._makers[name] = self._find_makers(name)
        return cached

    def _find_makers(self, name: str) -> set[str]:
        found: set[str] = set()
        for member in self.ancestors(name):
            owner = self.owner.get(member)
            depth = 0
            while owner and owner not in found and depth < 6:
                found.add(self.canonical(owner))
                owner = self.owner.get(self.canonical(owner))
                depth += 1
        return found

    def within(self, child: str, parent: str) -> bool:
        return self.canonical(parent) in self.ancestors(child)

    def related(self, a: str, b: str) -> bool:
        """Same thing, one a kind of the other, or one the maker of the other."""
        a, b = self.canonical(a), self.canonical(b)
        return a == b or self.within(a, b) or self.within(b, a) or a in self.makers(b) or b in self.makers(a)

    def root(self, name: str) -> str:
        return self.ancestors(name)[-1]

    def family(self, name: str) -> str:
        """The top of a name's is-a and made-by chains: products meet their makers here ("X" and "X's
        models"), while unrelated companies never share a family."""
        root = self.root(name)
        tops = sorted(m for m in self.makers(root) if not self.makers(m))
        return tops[0] if tops else root


def resolve_claims(claims: list[Claim], graph: EntityGraph) -> list[Claim]:
    """Canonical names everywhere, and the scope a claim's owner implies."""
    resolved: list[Claim] = []
    for claim in claims:
        subject = graph.canonical(claim.subject)
        owner = graph.canonical(claim.owner) if claim.owner else None
        makers = graph.makers(subject)
        if owner is not None and (owner == subject or owner in makers or not makers
                                  or graph.within(subject, owner) or claim.scope == "total"):
            # the maker counting its own product, or anyone saying "in total", speaks of all of it; and
            # with no maker on record (the ledger names none) a holder cannot be told from the maker
            owner = None
        scope = claim.scope
        if owner is not None and scope == "unspecified":
            scope = "part"
        resolved.append(claim.model_copy(update={
            "subject": subject,
            "owner": owner,
            "scope": scope,
            "base": graph.canonical(claim.base) if claim.base else None,
            "entities": tuple(dict.fromkeys(graph.canonical(e) for e in claim.entities)),
        }))
    return resolved
