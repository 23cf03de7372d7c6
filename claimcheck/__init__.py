"""claimcheck: fact-check a folder of news articles against each other."""

__version__ = "0.1.0"
