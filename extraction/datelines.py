"""Wire datelines: "QUETTA, Pakistan, Oct. 3, 2022 (Reuters) -" opening a story.

A dateline says where and when a story was filed, not where its events happened: its date
is the story's publication date (``extraction.metadata``), and its places make events only
when the sentence names no other place (``extraction.linking``): "QUETTA ... - Militants
stormed a checkpoint in Kech district" is an event in Kech, "PESHAWAR: A bomb killed five"
one in Peshawar. A line of a place and a date alone under a headline ("Chandigarh, 12
November 2022") makes no event at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from atlas.records import Mention
from extraction.datewords import MONTH

#: A day's date written out ("Oct. 3, 2022", "3 October 2022").
DAY_DATE = (
    rf"(?i:{MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d"
    rf"|\d{{1,2}}\s+{MONTH},?\s+(?:19|20)\d\d)\b"
)
#: At a line's start: a place in capitals, maybe its state or country, maybe the date,
#: maybe the agency, then a colon or dash; or a place in title case ending at a colon
#: ("Srinagar: ", "Srinagar, Oct. 9, 2018 (PTI): ", as South Asian papers write them; with a
#: dash it may be a caption).
_DATELINE = re.compile(
    rf"^(?:[A-Z][A-Z.'’ -]{{1,40}}(?:,\s*[A-Z][\w.'’ -]{{1,40}}?)?(?:,?\s+(?P<date>{DAY_DATE}))?"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?(?::|-{1,2}|—|–)"
    rf"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}}(?:,?\s+(?P<day>{DAY_DATE}))?"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?:)\s",
    re.MULTILINE,
)
_FIRST_LINES = 12
#: A line of a place and a date alone ("Chandigarh, 12 November 2022", under a headline):
#: where the story was filed, and nothing happening there.
_PLACE_DATE_LINE = re.compile(
    rf"^[ \t]*[A-Z][\w.'’ -]{{1,40}}(?:,[ \t]*[A-Z][\w.'’ -]{{1,40}}?)?,?[ \t]+{DAY_DATE}[ \t]*$",
    re.MULTILINE,
)


def datelines(text: str) -> list[tuple[int, int]]:
    """The spans of the datelines opening lines of ``text``, separator included."""
    return [match.span() for match in _DATELINE.finditer(text)]


def place_date_lines(text: str) -> list[tuple[int, int]]:
    """The spans of the lines of ``text`` that hold a place and a date and nothing else."""
    return [match.span() for match in _PLACE_DATE_LINE.finditer(text)]


def dateline_date(text: str) -> str | None:
    """The date written in a dateline opening one of the first lines of ``text``."""
    for line in text[:3_000].splitlines()[:_FIRST_LINES]:
        match = _DATELINE.match(line.lstrip())
        if match and (match.group("date") or match.group("day")):
            return match.group("date") or match.group("day")
    return None


def event_places(
    places: Sequence[Mention],
    spans: Sequence[tuple[int, int]],
    bare: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """``places`` without those inside a dateline ``spans``, unless no other is left, and
    never those of a ``bare`` place-and-date line."""
    places = [p for p in places if not any(s <= p.start and p.end <= e for s, e in bare)]
    if not spans:
        return places
    others = [p for p in places if not any(s <= p.start and p.end <= e for s, e in spans)]
    return others or places
