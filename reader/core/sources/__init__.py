"""reader/core/sources."""
