"""Small record builders for tests: real records with defaults, so each test names only
what it is about."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

from atlas.records import Document, Event, Extraction, GroupCandidate, Mention


def make_document(text: str = "TTP fighters were seen in Khost.", doc_id: str = "report.txt",
                  **fields) -> Document:
    """A document whose hash is that of its text, as if read from a UTF-8 file."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    base = Document(doc_id=doc_id, doc_hash=digest, path=f"docs/{doc_id}", text=text,
                    title="A report", published=dt.date(2016, 6, 3), published_precision="day")
    return dataclasses.replace(base, **fields)


def make_event(document: Document, n: int = 0, **fields) -> Event:
    """An event in ``document``; ``n`` varies the id and the place."""
    base = Event(
        event_id=f"{document.doc_hash[:12]}-{n}", doc_id=document.doc_id,
        doc_hash=document.doc_hash, doc_title=document.title, group="Tehrik-e-Taliban Pakistan",
        group_id="ttp", group_short="TTP", group_family="Taliban", place="Khost",
        place_id=f"gn:{1136469 + n}", place_text="Khost", lat=33.33951 + n / 100,
        lon=69.92041, country_code="AF", admin1="Khowst", feature_type="city", year=2016,
        year_end=None, year_source="publication", year_precision="year",
        sentence=document.text, start=0, end=len(document.text), group_start=0, group_end=3,
        place_start=0, place_end=0, confidence=0.8, published=document.published,
    )
    return dataclasses.replace(base, **fields)


def make_mention(document: Document, **fields) -> Mention:
    """A resolved place mention in ``document``."""
    base = Mention(doc_id=document.doc_id, doc_hash=document.doc_hash, text="Khost", start=0,
                   end=5, place="Khost", place_id="gn:1136469", lat=33.33951, lon=69.92041,
                   country_code="AF", admin1="Khowst", feature_type="city", score=0.9)
    return dataclasses.replace(base, **fields)


def make_extraction(document: Document, n_events: int = 1) -> Extraction:
    """An extraction with ``n_events`` events, one mention and one group candidate."""
    return Extraction(
        document=document,
        mentions=(make_mention(document),),
        candidates=(GroupCandidate(start=0, end=3, text="TTP", cue="test"),),
        events=tuple(make_event(document, i) for i in range(n_events)),
    )
