"""The language layer: spaCy's English pipeline, loaded once per process, and lexicons as data."""
