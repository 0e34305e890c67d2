"""Textual cues around a place name, read from the reviewed word list ``data/cues.csv``.

What an analyst reads next to a name before deciding which place it is:
"Kandahar *province*" and "*the city of* Hyderabad" (feature type), "*eastern*
Afghanistan" (a large area), "*India-administered* Kashmir" (a country), "Sialkot*,
Punjab*" (the containing unit), "*Gen. Charles* Cleveland" (a person, not a place) and
"*Wilayat* Khorasan" (an armed group's name, not a place).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gazetteer.normalize import fold

CUES_PATH = Path(__file__).resolve().parent / "data" / "cues.csv"
KINDS = (
    "suffix",
    "prefix",
    "direction",
    "administered",
    "group",
    "title",
    "demonym",
    "abbreviation",
    "site",
    "community",
)

#: Which feature types a type cue favours.
TYPE_GROUPS: dict[str, frozenset[str]] = {
    "admin1": frozenset({"admin1"}),
    "admin2": frozenset({"admin2"}),
    "city": frozenset({"city", "locality"}),
    "locality": frozenset({"locality", "city"}),
    "region": frozenset({"region", "admin1", "physical"}),
    "physical": frozenset({"physical", "region"}),
}
COARSE = frozenset({"country", "admin1", "region", "physical"})

_CAP = r"[A-Z][\w'’-]*\.?"
_NAME = rf"{_CAP}(?:\s+(?:{_CAP}|and|of))*?"
_AFTER_WORD = re.compile(r"\s+([A-Za-z]+)\b")
#: Where a name after a comma or "in" ends: at punctuation, the end, or a lower-case word.
_NAME_ENDS = r"(?=\s*(?:[,.;:)(\"”]|$|\s+[a-z]))"
_AFTER_CONTAINER = re.compile(rf",\s*(?:the\s+)?({_NAME}){_NAME_ENDS}")
#: Words after "in" that name a time, not a place holding the name.
_TIMES = frozenset(
    {
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "jan", "feb", "mar", "apr"),
        *("jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
        *("spring", "summer", "autumn", "fall", "winter"),
    }
)
_AFTER_IN = re.compile(rf" (?:in|of)\s+(?:the\s+)?({_NAME}){_NAME_ENDS}")
_BEFORE_CONTAINED = re.compile(rf"(?<![\w.])({_CAP}(?:\s+{_CAP}){{0,3}})\s*,\s*$")
_WINDOW = 60
#: Words before "by" that make the capitalised names after it a person's ("led by Mangal").
_LED = frozenset({"led", "headed", "founded", "commanded"})
_LIST_NAME = rf"{_CAP}(?:\s+{_CAP}){{0,2}}"
#: The rest of a list of names that a plural unit word ends: ", Takhar and Badakhshan
#: provinces" after "Kunduz" (what a list's last word says of every name in it).
_LIST_TAIL = re.compile(rf"(?:,\s*{_LIST_NAME})*,?\s+(?:and|or|&)\s+{_LIST_NAME}\s+([a-z]+s)\b")
_LIST_WINDOW = 160
#: A name just before or after a span in a list ("Khost and Paktia", "Kabul, Kandahar").
_LIST_BEFORE = re.compile(rf"({_LIST_NAME})(?:\s*,(?:\s*(?:and|or))?|\s+(?:and|or|&))\s+$")
_LIST_AFTER = re.compile(rf"(?:\s*,(?:\s*(?:and|or))?|\s+(?:and|or|&))\s+({_LIST_NAME})")
#: Punctuation that may close a word after a name ("in Kandahar province”.").
_CLOSING = ".,;:!?)]\"”’'"


class CueDataError(ValueError):
    """``cues.csv`` has a malformed row."""


@dataclass(frozen=True, slots=True)
class SpanCues:
    """What the words around one span say about it."""

    types: frozenset[str] = frozenset()
    """Feature types favoured by a unit word ("province", "the city of")."""
    coarse: bool = False
    """A compass word before the name: a country, province or region."""
    person: bool = False
    """The name follows a title ("Gen. Charles Cleveland"): not a place."""
    group: bool = False
    """The name is part of an armed group's name ("Wilayat Khorasan"): not a place."""
    elsewhere: bool = False
    """The name begins the proper name of another place ("Lucas Heights", "Victoria
    Barracks"): a place word of kind ``elsewhere`` follows, and the index lacks the whole."""
    countries: frozenset[str] = frozenset()
    """Country codes the text ties the name to ("India-administered Kashmir"), or
    ``name:<folded name>`` of a place whose countries those are ("Pakistan-administered")."""
    possessor: str | None = None
    """The name of a capitalised possessive right before the span ("*Pakistan's* Punjab
    province", "*Dhaka's* Gulshan area"): the place that holds it, if it is a place."""
    container: str | None = None
    """The name after a comma ("Sialkot, *Punjab*"), or an abbreviation's admin-1."""
    container_admin1: tuple[str, str] | None = None
    """(country code, admin-1 name) of a state abbreviation after a comma ("Va.")."""
    contained: str | None = None
    """The name before a comma when this span may be its container ("*Sialkot*, Punjab")."""
    mates: tuple[str, ...] = ()
    """The names coordinated with this span ("Khost *and Paktia*", "California or
    Washington"): a list's names are most often places of one kind."""
    within: str | None = None
    """The name after "in" or "of" that may hold this span ("Uri *in Kashmir*", "the Old
    City *of Hyderabad*"); not a month ("Kabul in March")."""


#: The cues of most spans (none at all): one shared record, so callers can test ``is``.
PLAIN = SpanCues()
_PERSON, _GROUP = SpanCues(person=True), SpanCues(group=True)
_ELSEWHERE = SpanCues(elsewhere=True)
#: The suffix value of place words that make a name of its own, not a unit of the name.
ELSEWHERE = "elsewhere"


class Cues:
    """The cue word lists, and the reading of a span's surroundings with them."""

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        """Build from (cue, kind, value) rows; see ``data/cues.csv``."""
        self.by_kind: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
        for cue, kind, value in rows:
            key = cue if kind == "abbreviation" else fold(cue)
            self.by_kind[kind][key] = value
        self._prefixes = sorted(self.by_kind["prefix"].items(), key=lambda item: -len(item[0]))
        self._prefix_words = tuple(phrase for phrase, _value in self._prefixes)
        # Last words of the group phrases: most spans follow none, so the test stops early.
        self._group_ends = frozenset(g.rsplit(" ", 1)[-1] for g in self.by_kind["group"])

    @classmethod
    def load(cls, path: Path = CUES_PATH) -> Cues:
        """Read and check ``cues.csv`` (columns cue, kind, value, source)."""
        rows = []
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                cue, kind = (row.get("cue") or "").strip(), (row.get("kind") or "").strip()
                if not cue or kind not in KINDS or not (row.get("source") or "").strip():
                    raise CueDataError(
                        f"{path}, line {number}: needs a cue, a kind in {KINDS} and a source"
                    )
                rows.append((cue, kind, (row.get("value") or "").strip()))
        return cls(rows)

    def demonyms(self) -> dict[str, str]:
        """Folded demonym -> country code, or the place id of a continent or region."""
        return self.by_kind["demonym"]

    def is_group_name(self, key: str) -> bool:
        """Whether a folded span starts with a group word ("wilayat khorasan")."""
        words = key.split()
        return len(words) > 1 and (words[0] in self.by_kind["group"] and words[0] != "is")

    def unit_word(self, key: str) -> tuple[str, str] | None:
        """Split a folded span ending in a unit word, of up to three words: ("kandahar",
        "admin1") from "kandahar province", ("gwoza", "admin2") from "gwoza local
        government area"."""
        suffixes, words = self.by_kind["suffix"], key.split(" ")
        for size in range(min(3, len(words) - 1), 0, -1):
            value = suffixes.get(" ".join(words[-size:]))
            if value and value != ELSEWHERE:
                return " ".join(words[:-size]), value
        return None

    def read(self, text: str, start: int, end: int) -> SpanCues:
        """The cues around ``text[start:end]`` (token tests first: this runs per span)."""
        before = text[max(0, start - _WINDOW) : start]
        after = text[end : end + _WINDOW]
        tokens = before.rsplit(None, 4)[-4:]
        if tokens and self._is_person(tokens):
            return _PERSON
        if tokens and self._is_group(tokens, before):
            return _GROUP
        types: set[str] = set()
        following = after.split(maxsplit=1) if after[:1].isspace() else None
        if following:
            value = self.by_kind["suffix"].get(following[0].lower().rstrip(_CLOSING))
            if value == ELSEWHERE and following[0][:1].isupper():
                return _ELSEWHERE
            types |= TYPE_GROUPS.get(value or "", frozenset())
        listed = self._list_unit(text, end, after) if not types else None
        if listed:
            types |= listed
        lowered = before.lower().rstrip()
        for phrase, value in self._prefixes if lowered.endswith(self._prefix_words) else ():
            if lowered.endswith(phrase) and (
                len(lowered) == len(phrase) or not lowered[-len(phrase) - 1].isalnum()
            ):
                types |= TYPE_GROUPS.get(value, frozenset())
                break
        last = tokens[-1].lower() if tokens and before[-1:].isspace() else ""
        coarse = last in self.by_kind["direction"]
        countries = self._administered(tokens) if tokens else frozenset()
        possessor = None
        if tokens and before[-1:].isspace() and tokens[-1][:1].isupper():
            possessor = _possessor(tokens[-1])
        comma = after[:1] == "," and not listed
        container = self._container(after) if comma else None
        container_admin1 = self._abbreviation(after) if comma else None
        # "Sialkot, Punjab" names Punjab as Sialkot's container; "Gaibandha, Rajshahi and
        # Dhaka" is a list.
        contained = (
            self._contained(before)
            if not container and lowered.endswith(",") and not _LIST_AFTER.match(after)
            else None
        )
        within = None
        if after.startswith((" in ", " of ")):
            match = _AFTER_IN.match(after)
            within = match.group(1).rstrip(".") if match else None
            if within is not None and within.lower() in _TIMES:
                within = None  # "Kabul in March": a time, not the Swiss district
        mates = _mates(before, after, container is None)
        if not (
            types or coarse or countries or comma or contained is not None or within or mates
        ) and possessor is None:
            return PLAIN  # most spans: no cue at all, one shared record
        return SpanCues(
            types=frozenset(types),
            coarse=coarse,
            countries=countries,
            container=container,
            container_admin1=container_admin1,
            contained=contained,
            within=within,
            mates=mates,
            possessor=possessor,
        )

    def _list_unit(self, text: str, end: int, after: str) -> frozenset[str] | None:
        """The feature types a plural unit word ending the list this name opens or
        continues gives every name of it ("Kunduz, Takhar and Badakhshan provinces")."""
        if not (after[:1] == "," or after.startswith((" and ", " or ", " & "))):
            return None
        match = _LIST_TAIL.match(text, end, end + _LIST_WINDOW)
        value = self.by_kind["suffix"].get(match.group(1)) if match else None
        return TYPE_GROUPS.get(value or "") or None

    def _is_person(self, tokens: list[str]) -> bool:
        """A title, then up to three capitalised names (initials only), right before the
        span; or a leader's name after "led by" ("the outfit led by Mangal Bagh")."""
        titles = self.by_kind["title"]
        last = tokens[-4:]
        for names, token in enumerate(reversed(last)):
            word = token.rstrip(".")
            if word[:1].isupper() and word.lower() in titles:
                return True
            if token.endswith(".") and len(word) > 1:
                return False  # a sentence ended between the title and the span
            if not (word[:1].isupper() and word.replace("'", "").replace("-", "").isalpha()):
                before = len(last) - names - 2
                return names > 0 and word == "by" and before >= 0 and last[before] in _LED
        return False

    def _is_group(self, tokens: list[str], before: str) -> bool:
        """A group word ("Wilayat", "Islamic State", "IS-") right before the span."""
        if not (before[-1:].isspace() or before[-1:] == "-"):
            return False
        words = " ".join(tokens[-2:]).replace("-", " ").split()
        if not words or words[-1].lower() not in self._group_ends:
            return False
        groups = self.by_kind["group"]
        for size in (2, 1):
            phrase = " ".join(words[-size:])
            if len(words) >= size and phrase.lower() in groups:
                return len(phrase) > 4 or phrase.isupper()
        return False

    def _administered(self, tokens: list[str]) -> frozenset[str]:
        administered = self.by_kind["administered"]
        last = tokens[-1].rpartition("-")[2]
        if last and last.lower() not in administered:
            return frozenset()
        words = " ".join(tokens[-2:]).replace("-", " ").split()
        if len(words) < 2 or words[-1].lower() not in administered:
            return frozenset()
        word = fold(words[-2])
        code = self.by_kind["demonym"].get(word)
        return frozenset({code}) if code else frozenset({f"name:{word}"})

    def _container(self, after: str) -> str | None:
        match = _AFTER_CONTAINER.match(after)
        return match.group(1).rstrip(".") if match else None

    def _abbreviation(self, after: str) -> tuple[str, str] | None:
        match = re.match(r",\s*([A-Z][A-Za-z.]*\.)", after)
        value = self.by_kind["abbreviation"].get(match.group(1)) if match else None
        if value is None:
            return None
        country, _, admin1 = value.partition("|")
        return country, admin1

    def _contained(self, before: str) -> str | None:
        match = _BEFORE_CONTAINED.search(before[-60:])
        return match.group(1) if match else None


def _possessor(token: str) -> str | None:
    """The name of a capitalised possessive token ("Pakistan's" -> "Pakistan"), else None."""
    if not token.endswith(("'s", "’s")) or len(token) < 4:
        return None
    return token[:-2]


def _mates(before: str, after: str, comma_ok: bool) -> tuple[str, ...]:
    """The names just before and after a span in a list ("Khost and Paktia"); the name
    after a comma only when it is no container ("Sialkot, Punjab")."""
    mates = []
    if before.endswith((" and ", " or ", " & ", ", ")):
        match = _LIST_BEFORE.search(before)
        if match:
            mates.append(match.group(1))
    if after.startswith((" and ", " or ", " & ")) or (comma_ok and after.startswith(", ")):
        match = _LIST_AFTER.match(after)
        if match:
            mates.append(match.group(1).split(". ")[0].rstrip("."))  # not the next sentence
    return tuple(mates)


@cache
def shipped_cues() -> Cues:
    """The cues shipped in ``gazetteer/data/cues.csv`` (read once per process)."""
    return Cues.load()
