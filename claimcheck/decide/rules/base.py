"""What every rule is, and the registry that lists them (``claimcheck rules``)."""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar

from claimcheck.events.grouping import Event
from claimcheck.models import Claim, ClaimKind, ContradictionKind, Finding
from claimcheck.resolve import EntityGraph


@dataclass
class RuleContext:
    """What rules read: the resolved claims, the events they were grouped into, the entity graph."""

    claims: list[Claim]
    events: list[Event]
    graph: EntityGraph
    published: dict[str, dt.date] = field(default_factory=dict)


class Reach(StrEnum):
    """Which claims a rule must see together for its findings to be exact when the decision stage runs
    partition by partition (``claimcheck.decide.partition``; docs/scale.md has the argument per rule)."""

    MEASURE = "measure"  # the claims of one measure (claim.measure) and the events grouped from them
    CROSS = "cross"  # claims across measures, all of them inside partition.cross_slice
    CORPUS = "corpus"  # anything: run over every claim in one task (the safe default for a new rule)


class Rule(ABC):
    reach: ClassVar[Reach] = Reach.CORPUS
    reads_events: ClassVar[bool] = True  # False: the rule reads claims only, so its task groups no events
    code: ClassVar[str]
    name: ClassVar[str]
    description: ClassVar[str]
    kind: ClassVar[ContradictionKind]
    claim_kinds: ClassVar[tuple[ClaimKind, ...]]

    @abstractmethod
    def findings(self, context: RuleContext) -> list[Finding]:
        """Every finding of this rule, in a deterministic order."""


_REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    if cls.code in _REGISTRY:
        raise ValueError(f"rule code {cls.code} registered twice")
    _REGISTRY[cls.code] = cls
    return cls


def registry() -> list[Rule]:
    # importing the modules registers their rules
    from claimcheck.decide.rules import calendar, legacy, numeric, status  # noqa: F401

    return [_REGISTRY[code]() for code in sorted(_REGISTRY)]


def rule_info(code: str) -> type[Rule] | None:
    registry()
    return _REGISTRY.get(code)
