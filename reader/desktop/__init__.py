"""reader/desktop."""
