"""Sift's place list (resources/data/places.tsv, built from GeoNames), loaded once on first use.

Kinds, strongest first: country, continent, state (US), capital, city (50 000 people or more).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from reader.core.resources import resource_path

PLACES_FILE = ("data", "places.tsv")
# Kinds a capitalized word may be taken as a place for even when the model saw nothing there:
# few, well known, and rarely anything else in news (a city of the same name as a surname is not).
SURE_KINDS = frozenset({"country", "continent", "state", "capital"})
# A city this large is taken as a place over the model's person/product/work label: Kursk,
# Sumy. Smaller towns share too many names with people.
MIN_RELABEL_POPULATION = 100_000


class Place(NamedTuple):
    kind: str
    population: int


@lru_cache(maxsize=1)
def load_places() -> dict[str, Place]:
    """Every place name, as written (case matters: "Reading" the town, not "reading")."""
    places: dict[str, Place] = {}
    with resource_path(*PLACES_FILE).open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            name, kind, population = line.rstrip("\n").split("\t")
            places[name] = Place(kind, int(population))
    return places


def lookup_place(name: str) -> Place | None:
    """The place called exactly ``name``, if any."""
    return load_places().get(name)


def place_kind(name: str) -> str | None:
    """``"country"``, ``"city"``, ... for a known place name, else None."""
    place = load_places().get(name)
    return place.kind if place else None


def is_sure_place(name: str) -> bool:
    """A name so clearly a place that it is one without the model's say-so."""
    place = load_places().get(name)
    return place is not None and place.kind in SURE_KINDS


def is_likely_place(name: str) -> bool:
    """A name that is a place unless the document says otherwise (a country or a big city)."""
    place = load_places().get(name)
    return place is not None and (place.kind in SURE_KINDS or place.population >= MIN_RELABEL_POPULATION)
