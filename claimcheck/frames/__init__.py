"""Claims read as frames from a dependency parse: what a figure counts, whose it is, when, how sure."""
