"""Sift's place list (resources/data/places.tsv, built from GeoNames), loaded once on first use.

Kinds, strongest first: country, continent, state (US), capital, city (50 000 people or more).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from reader.core.storage.resources import resource_path

PLACES_FILE = ("data", "places.tsv")
# Kinds a capitalized word may be taken as a place for even when the model saw nothing there:
# few, well known, and rarely anything else in news (a city of the same name as a surname is not).
SURE_KINDS = frozenset({"country", "continent", "state", "capital"})
# A city this large is taken as a place over the model's person/product/work label: Kursk,
# Sumy. Smaller towns share too many names with people.
MIN_RELABEL_POPULATION = 100_000


# Countries this populous have nationality adjectives news uses (see country_stems).
MIN_NATION_POPULATION = 100_000


class Place(NamedTuple):
    kind: str
    population: int


@lru_cache(maxsize=1)
def load_places() -> dict[str, str]:
    """Every place name (case matters: "Reading" the town, not "reading") → its raw row.

    Rows are split on lookup, not here: loading stays a single pass of ~10 ms.
    """
    text = resource_path(*PLACES_FILE).read_text(encoding="utf-8")
    rows = (line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))
    return {name: rest for name, rest in rows}


@lru_cache(maxsize=4096)
def lookup_place(name: str) -> Place | None:
    """The place called exactly ``name``, if any."""
    rest = load_places().get(name)
    if rest is None:
        return None
    kind, population = rest.split("\t")
    return Place(kind, int(population))


def place_kind(name: str) -> str | None:
    """``"country"``, ``"city"``, ... for a known place name, else None."""
    place = lookup_place(name)
    return place.kind if place else None


def is_sure_place(name: str) -> bool:
    """A name so clearly a place that it is one without the model's say-so."""
    place = lookup_place(name)
    return place is not None and place.kind in SURE_KINDS



@lru_cache(maxsize=2)
def country_stems(length: int) -> frozenset[str]:
    """The first ``length`` letters of every sizeable country's name and of its words ("Arab"
    of "Saudi Arabia"): what its nationality adjective starts with. (Territories of a few
    thousand people are left out: "Chri"stmas Island would make "Christian" a nationality.)"""
    stems: set[str] = set()
    for name, rest in load_places().items():
        kind, population = rest.split("\t")
        if kind == "country" and int(population) >= MIN_NATION_POPULATION:
            stems.update(word[:length] for word in name.split() if len(word) >= length)
    return frozenset(stems)
