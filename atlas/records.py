"""Frozen records at the stage boundaries: documents, mentions, events and problems.

Offsets are character offsets into ``Document.text`` (Python ``str`` indices), so
``document.text[m.start:m.end] == m.text`` holds for every mention and event span.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

DatePrecision = Literal["day", "month", "year"]
YearSource = Literal["explicit", "relative", "publication", "unknown"]
YearPrecision = Literal["day", "month", "season", "year", "decade", "range"]
SectionKind = Literal["bibliography", "notes", "related", "credit", "continue", "boilerplate"]


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about a document's origin; ``None`` for anything unknown."""

    title: str | None = None
    source: str | None = None
    author: str | None = None
    published: dt.date | None = None
    published_precision: DatePrecision | None = None
    url: str | None = None



@dataclass(frozen=True, slots=True)
class Section:
    """A span of the text that is not reporting (kept in the text, never a source of events)."""

    start: int
    end: int
    kind: SectionKind


@dataclass(frozen=True, slots=True)
class Document:
    """A read document: its text and what is known about where it came from."""

    doc_id: str
    """The file name, as analysts refer to it."""
    doc_hash: str
    """SHA-256 of the file's bytes: the store's key."""
    path: str
    text: str
    title: str | None = None
    source: str | None = None
    author: str | None = None
    published: dt.date | None = None
    published_precision: DatePrecision | None = None
    url: str | None = None
    language: str | None = None
    sections: tuple[Section, ...] = ()
    duplicate_of: str | None = None
    """``doc_hash`` of the document this one is a near-copy of."""

    def section_at(self, offset: int) -> Section | None:
        """The non-reporting section containing ``offset``, if any."""
        for section in self.sections:
            if section.start <= offset < section.end:
                return section
        return None


@dataclass(frozen=True, slots=True)
class GroupMention:
    """A span naming an armed group from the lexicon."""

    start: int
    end: int
    text: str
    group_id: str
    group: str
    """Canonical name."""
    short: str
    family: str
    """Family display name (e.g. "al-Qaeda", "Islamic State")."""


@dataclass(frozen=True, slots=True)
class GroupCandidate:
    """A group-like name not in the lexicon ("a group called …"), for review."""

    start: int
    end: int
    text: str
    cue: str


@dataclass(frozen=True, slots=True)
class YearRef:
    """When something happened, as far as the text says."""

    year: int | None
    year_end: int | None
    source: YearSource
    precision: YearPrecision
    start: int = -1
    end: int = -1
    """Offsets of the date expression, or -1 when the year was not read from the text."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A place mention resolved against the gazetteer."""

    doc_id: str
    doc_hash: str
    text: str
    start: int
    end: int
    place: str
    place_id: str
    lat: float
    lon: float
    country_code: str | None
    admin1: str | None
    feature_type: str
    score: float
    online: bool = False
    section: SectionKind | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A group active at a place in a year, with the sentence that says so."""

    event_id: str
    doc_id: str
    doc_hash: str
    doc_title: str | None
    group: str
    group_id: str
    group_short: str
    group_family: str
    place: str
    place_id: str
    place_text: str
    lat: float
    lon: float
    country_code: str | None
    admin1: str | None
    feature_type: str
    year: int | None
    year_end: int | None
    year_source: YearSource
    year_precision: YearPrecision
    sentence: str
    start: int
    end: int
    """Offsets of the evidence sentence in the document text."""
    group_start: int
    group_end: int
    place_start: int
    place_end: int
    confidence: float
    link: Literal["sentence", "coreference"] = "sentence"
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class FileProblem:
    """A file that could not be used: which, what is wrong, and what to do about it."""

    path: str
    reason: str
    hint: str = ""

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" + (f" ({self.hint})" if self.hint else "")


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    mentions: tuple[Mention, ...] = ()
    groups: tuple[GroupMention, ...] = ()
    candidates: tuple[GroupCandidate, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = field(default=())
