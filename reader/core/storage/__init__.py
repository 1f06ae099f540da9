"""reader/core/storage."""
