"""Titles written before a person's name ("President", "Sen.", "Dr"): the analysis trims them
off names, and the library reads them to put "President Vladimir Putin" and "Vladimir Putin"
together. Kept apart from the entities package, which loads spaCy: the library (and with it the
window's first seconds) needs only these words.
"""

from __future__ import annotations

TITLES = frozenset({
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady", "President",
    "Minister", "Premier", "Senator", "Sen.", "Rep.", "Representative", "Governor", "Gov.", "General",
    "Gen.", "Colonel", "Col.", "Captain", "Capt.", "King", "Queen", "Prince", "Princess", "Pope",
    "Chancellor", "Judge", "Justice", "Mayor", "Secretary", "Ambassador", "Bishop", "Rev.", "Father",
    "Sheikh", "Ayatollah", "Saint", "St.", "Chairman", "Commissioner", "Officer", "Sgt.", "Lt.",
})
