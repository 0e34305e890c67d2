"""Names the index lacks, placed where the text puts them.

GeoNames' populated places stop at 500 people, and no camp, compound or small valley has
a point of its own; analysts' texts name them all the same, nearly always with the larger
place that holds them: "the Khaldan camp in Khost", "the village of Datta Khel in North
Waziristan", "Jihadwal, al-Qa'ida's main training camp in Khost".  Such a name is answered
with its holder's point and feature type, so the precision the dashboard filters on is the
point's, not the name's, and with a lower score than the holder's.  Its place id,
``in:<holder id>:<folded name>``, says how it was placed.  Later mentions of the same name
in the text ("train in Jihadwal") get the same answer.

A name the resolver was asked about but could not answer is placed the same way when the
text puts it right before a place it answered: "the Palais des Nations in Geneva",
"Oulton Park, Cheshire".

The site words ("camp", "village", "compound") are reviewed data: the ``site`` rows of
``data/cues.csv``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from gazetteer.normalize import fold
from gazetteer.records import Resolution

#: One to three capitalised words ("Khaldan", "Datta Khel", "Al-Badr"); leading words that
#: are no name ("The", "Pakistani") are cut off afterwards.
_NAME = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}"
_START = r"(?:^|(?<=[\s(\"“]))"
#: What ends the text before a holder when a site is placed in it ("camp in ").
_CUE_ENDS = (" in ", " near ", " outside ", " of ", " in the ", " near the ", " of the ")
_IN = r"(?:in|near|outside|of) (?:the )?$"
#: What joins a name to the place holding it: "Palais des Nations in Geneva", "Oulton
#: Park, Cheshire", "the South Kilburn Estate, in north west London".
_FOLLOWED = re.compile(
    r"(?:,? (?:in|near|outside|of)(?: the)?"
    r"(?: (?:north|south|east|west|central)(?:[- ]?(?:east|west))?(?:ern)?)?|,) "
)
#: A holder followed by this continues a list ("Harwinton, Bantam, Litchfield"): no holder.
_LIST_GOES_ON = re.compile(r"(?:,| and| or) [A-Z]")
#: What may follow a holder after a comma ("Oulton Park, Cheshire."): where a verb follows
#: instead, the comma ended a phrase ("Beyond Madinaty, Liverpool have ...").
_CONTAINER_ENDS = re.compile(
    r"\s*(?:$|[,.;:!?()\"”]|\s(?:in|on|at|with|and|or|where|which|who|for|from|to|after"
    r"|before|during|near|since|until|as|by|of|the)\b)"
)
#: Up to three describing words, none a function word ("a resident of the village",
#: "Russia's mission to the United Nations" describe no site).
_MODIFIERS = r"(?:(?!(?:of|the|from|at|in|to|and|or|by|with) )[a-z][a-z-]* ){0,3}"
#: A possessive holding a name: "Brooklyn's Barclays Center", "Cairo's suburb of Madinaty".
_POSSESSED = re.compile(rf"['’]s {_MODIFIERS}(?:of (?:the )?)?$")
#: How much text before a holder the patterns read.
_WINDOW = 140
#: Words that may open the capitalised run before a site's name but are no part of it
#: ("The Khaldan camp", "At Jihadwal, ..."): cut off, where any other word that is no
#: name ("Holly Heights neighborhood", "Pakistani Army camp") rules the run out.
_LEADING = frozenset(
    {"the", "a", "an", "at", "in", "on", "near", "from", "to", "of", "by", "for", "and", "or"}
)
#: A located answer is less sure than its holder's.
_DISCOUNT = 0.75


class SitePatterns:
    """The three ways a text places a site inside a holder, read back from the holder."""

    def __init__(self, sites: Collection[str]) -> None:
        """``sites``: the site words, lower case ("camp", "village")."""
        self.sites = frozenset(sites)
        words = "|".join(sorted((re.escape(w) for w in self.sites), key=len, reverse=True))
        self._patterns = (
            # "Jihadwal, al-Qa'ida's main training camp in Khost".
            re.compile(
                rf"{_START}({_NAME})(), (?:an?|the|[\w'’-]+['’]s) {_MODIFIERS}(?:{words}) {_IN}"
            ),
            # "the village of Datta Khel in North Waziristan".
            re.compile(rf"\b(?:{words}) of ({_NAME})(),? {_IN}"),
            # "the Khaldan camp in Khost", "the Marriott Hotel in Islamabad": the site words
            # belong to the name.
            re.compile(rf"{_START}({_NAME})( (?:[a-z][a-z-]* )?(?i:{words})) {_IN}"),
        )

    def before(self, window: str) -> tuple[int, int, int] | None:
        """Where the site name that ``window`` ends by placing starts and ends, and where
        its site words end ("Khaldan camp"); None when it places none."""
        if self.sites.isdisjoint(window.lower().replace(",", " ").split()):
            return None  # most windows: no site word, so no pattern can match
        for pattern in self._patterns:
            match = pattern.search(window)
            if match:
                return match.start(1), match.end(1), match.end(2)
        return None


def locate_sites(
    text: str,
    answered: Sequence[Resolution],
    taken: Sequence[tuple[int, int]],
    patterns: SitePatterns,
    is_name: Callable[[str], bool],
) -> list[Resolution]:
    """Answers for the site names ``text`` places inside one of the ``answered`` places,
    and for their later mentions, in text order; none overlaps ``taken`` (answered spans,
    armed groups' names) or another.

    ``is_name(word)`` says whether a word may be part of a site's proper name (no common
    word, title or demonym); every word of the name must be, after leading function words
    are cut off ("The Khaldan camp")."""
    spans = merged_spans(taken)
    found: dict[str, Resolution] = {}
    for holder in answered:
        if not text.endswith(_CUE_ENDS, 0, holder.start):
            continue
        offset = max(0, holder.start - _WINDOW)
        hit = patterns.before(text[offset : holder.start])
        if hit is None:
            continue
        start, name_end, end = (offset + k for k in hit)
        words = text[start:name_end].split(" ")
        while words and words[0].lower() in _LEADING:
            start += len(words.pop(0)) + 1
        if not words or not all(map(is_name, words)) or overlaps(start, end, spans):
            continue
        name = text[start:end]
        if name not in found:
            found[name] = _inside(holder, start, end, name)
    return _with_repeats(text, found, spans) if found else []


def place_followed(
    text: str,
    spans: Sequence[tuple[int, int]],
    results: list[Resolution | None],
    askable: Callable[[int], bool],
) -> None:
    """Answer, in place, each unanswered span of ``results`` that the text puts right
    before an answered one, with that place, and every other unanswered span of the same
    name likewise.  ``askable(i)`` says whether span ``i`` may be placed at all (no
    person's name, no armed group's)."""
    answered = [r for r in results if r is not None]
    after, before = {r.start: r for r in answered}, {r.end: r for r in answered}
    found: dict[str, Resolution] = {}
    for i, (start, end) in enumerate(spans):
        name = text[start:end]
        if results[i] is not None or name in found:
            continue
        holder = _holder_after(text, end, after) or _possessor(text, start, before)
        if holder is not None and askable(i):
            found[name] = results[i] = _inside(holder, start, end, name)
    if not found:
        return
    for i, (start, end) in enumerate(spans):
        name = text[start:end]
        if results[i] is None and name in found and askable(i):
            results[i] = replace(found[name], start=start, end=end)


def _holder_after(text: str, end: int, holders: dict[int, Resolution]) -> Resolution | None:
    """The answered place right after a name ending at ``end``, if the text puts the name
    in it ("... in Geneva", "..., Cheshire.") rather than listing the two."""
    joined = _FOLLOWED.match(text, end)
    holder = holders.get(joined.end()) if joined else None
    if holder is None or _LIST_GOES_ON.match(text, holder.end):
        return None
    if joined.group() == ", " and not _CONTAINER_ENDS.match(text, holder.end):
        return None
    return holder


def _possessor(text: str, start: int, holders: dict[int, Resolution]) -> Resolution | None:
    """The answered place whose possessive comes right before a name starting at
    ``start`` ("Brooklyn's Barclays Center", "Cairo's gated suburb of Madinaty")."""
    match = _POSSESSED.search(text, max(0, start - _WINDOW), start)
    return holders.get(match.start()) if match else None


def _inside(holder: Resolution, start: int, end: int, name: str) -> Resolution:
    """The answer for ``name`` at ``start:end``: inside ``holder``'s place."""
    place_id = f"in:{holder.place.place_id}:{fold(name).replace(' ', '-')}"
    place = replace(holder.place, place_id=place_id, name=name, population=0)
    return Resolution(start, end, name, place, round(holder.score * _DISCOUNT, 4))


def _with_repeats(
    text: str, found: dict[str, Resolution], spans: list[tuple[int, int]]
) -> list[Resolution]:
    """The located answers, and one for every other whole-word mention of their names
    (the matches of one search never overlap one another)."""
    names = "|".join(re.escape(n) for n in sorted(found, key=len, reverse=True))
    return [
        replace(found[match.group()], start=match.start(), end=match.end())
        for match in re.finditer(rf"(?<![\w'’-])(?:{names})(?![\w-]|['’]\w)", text)
        if not overlaps(match.start(), match.end(), spans)
    ]


def merged_spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans covering the same characters."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` overlaps one of ``spans`` (as ``merged_spans`` gives them)."""
    i = bisect_left(spans, (end,)) - 1
    return i >= 0 and spans[i][1] > start
