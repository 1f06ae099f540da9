"""Sift: a desktop news reader that separates the story from the clutter."""

__version__ = "0.1.0"
APP_ID = "io.github.siftreader.Sift"
APP_NAME = "Sift"
