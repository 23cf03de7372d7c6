"""Extraction of quantities and claims from article text."""
