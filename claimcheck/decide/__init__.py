"""Deciding which grouped claims disagree: features, weights kept as data, and a registry of rules."""
