"""The rule registry: one class per rule, each with its code, name, description and claim kinds."""

from claimcheck.decide.rules.base import Reach, Rule, RuleContext, registry

__all__ = ["Reach", "Rule", "RuleContext", "registry"]
