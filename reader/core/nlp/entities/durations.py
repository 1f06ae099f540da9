"""Spans the model labels as dates or times that are no point in time: durations ("forty
minutes", "a year", "three months"), frequencies ("annual", "each week", "twice a day") and
ages ("Singh, 24,"). A reader looks for dates under "Dates"; these are amounts of time.
"""

from __future__ import annotations

import re
from typing import Literal

# Units of time a duration counts.
TIME_UNITS = r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade|century|centurie|season)s?"
# How many of a unit: a figure, a number word, an article or a vague amount, with an
# optional hedge ("about", "more than", "nearly") and "half" ("a year and a half" is rare).
NUMBER_WORDS = (
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|few|a few|many|some|"
    r"couple of|a couple of|half an?|\d[\d,.]*(?:\s*(?:-|to)\s*\d[\d,.]*)?)"
)
# Words that make a unit a point in time: "this year", "that week", "the same day".
DEICTIC = r"(?:this|that|these|those|next|last|same|coming|previous|current|recent|the|every|each|per)"
HEDGES = (r"(?:(?:about|around|nearly|almost|roughly|approximately|more than|less than|fewer than|"
          r"over|under|some|just|only|at least|up to|barely|another|a further|the first|"
          r"the past|the last|the next)\s+)?")
DURATION_RE = re.compile(
    rf"^{HEDGES}(?:{NUMBER_WORDS}[\s-]+)?(?:(?!{DEICTIC}\b)\w+[\s-]+)?{TIME_UNITS}(?:[\s-]+(?:long|old))?$",
    re.IGNORECASE)
# "the past three years" and "the next two weeks" place themselves in time: dates, kept.
RELATIVE_PERIOD_RE = re.compile(r"^(?:the )?(?:past|last|next|coming|previous)\b", re.IGNORECASE)
FREQUENCY_RE = re.compile(
    rf"^(?:(?:once|twice|\w+ times)\s+(?:a|an|per|each|every)|per|each|every)\s+(?:\w+\s+)?{TIME_UNITS}$|"
    r"^(?:annual|annually|monthly|weekly|daily|hourly|yearly|quarterly|biannual|biennial|"
    r"nightly|fortnightly|semiannual|bimonthly|biweekly)$",
    re.IGNORECASE)
# A bare number the model calls a date but no year can be: an age or a count ("Singh, 24,").
BARE_NUMBER_RE = re.compile(r"^\d{1,3}$")

AmountType = Literal["quantity", "number"]


def is_frequency(text: str) -> bool:
    """ "annual", "each week", "twice a day": how often, not when."""
    return bool(FREQUENCY_RE.match(text.strip()))


def is_duration(text: str) -> bool:
    """ "forty minutes", "a year", "three-month", "24 hours": how long, not when."""
    text = text.strip()
    return bool(DURATION_RE.match(text)) and not RELATIVE_PERIOD_RE.match(text)


def amount_type(text: str) -> AmountType | None:
    """The type a date or time span really has when it is an amount of time or a bare
    number; None when it is a point in time (or a frequency, which has no type: see
    :func:`is_frequency`)."""
    if is_duration(text):
        return "quantity"
    if BARE_NUMBER_RE.match(text.strip()):
        return "number"
    return None
