"""Claims grouped into events (same thing, same scope, same period) before any values are compared."""
