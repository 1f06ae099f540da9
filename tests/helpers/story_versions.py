"""A later copy of the seed for the versions tests (reader/core/versions.py and the library's
versions view): the edits a newsroom makes to a story after it is first published."""

from __future__ import annotations


def edited_seed(text: str) -> str:
    """The seed as a later copy: one paragraph changed, a quote reworded, a new source added."""
    text = text.replace("Kyiv wants to use the territory it holds in Kursk as a potential bargaining chip",
                        "Kyiv hopes to use the land it holds in Kursk as a bargaining chip")
    text = text.replace("had “liberated” the small village", "had “freed” the small village")
    return text.replace(
        "although it has acknowledged isolated attacks.",
        "although it has acknowledged isolated attacks.\n"
        "Ukrainian commander Oleksandr Syrskyi said on Monday that the village was still contested.")
