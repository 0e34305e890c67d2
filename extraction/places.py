"""Place mentions: the gazetteer's resolver run over the whole document.

The resolver is passed in (anything with a ``geoparse`` method, see :class:`Geoparser`),
so tests use a small fake and the pipeline never builds one itself; the entry points build
the real one with :func:`extraction_resolver`. Spans of group names are excluded, so
"Wilayat Khorasan" or "Tehrik-e-Taliban Pakistan" never yield a place.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from atlas.records import Document, Mention
from gazetteer.located import merged_spans, overlaps
from gazetteer.records import Resolution

if TYPE_CHECKING:
    from gazetteer import Gazetteer, Resolver
    from gazetteer.online import OnlineGeocoder

log = logging.getLogger(__name__)


class Geoparser(Protocol):
    """What the pipeline needs from ``gazetteer.Resolver``."""

    def geoparse(self, text: str, exclude: Sequence[tuple[int, int]] = ()) -> Sequence[Resolution]:
        """Spot and resolve the toponyms of ``text``, skipping the ``exclude`` spans."""
        ...


def extraction_resolver(gazetteer: Gazetteer, geocoder: OnlineGeocoder | None = None) -> Resolver:
    """The resolver as extraction uses it: events and mentions keep no runners-up (the
    dashboard offers none), so none are made."""
    from gazetteer import Resolver

    return Resolver(gazetteer, geocoder=geocoder, runners_up=0)


def find_places(
    document: Document, resolver: Geoparser, exclude: Sequence[tuple[int, int]] = ()
) -> tuple[Mention, ...]:
    """Resolved place mentions of ``document``, in text order, each with its section."""
    text = document.text
    spans = merged_spans(exclude)
    mentions = []
    for resolution in resolver.geoparse(text, exclude=tuple(spans)):
        start, end = resolution.start, resolution.end
        if not (0 <= start < end <= len(text)) or overlaps(start, end, spans):
            log.warning(
                "%s: resolver returned a span outside the text or excluded: %r",
                document.doc_id,
                resolution,
            )
            continue
        mentions.append(_mention(document, resolution))
    return tuple(sorted(mentions, key=lambda m: (m.start, m.end)))


def _mention(document: Document, resolution: Resolution) -> Mention:
    place = resolution.place
    section = document.section_at(resolution.start)
    return Mention(
        doc_id=document.doc_id,
        doc_hash=document.doc_hash,
        text=document.text[resolution.start : resolution.end],
        start=resolution.start,
        end=resolution.end,
        place=place.name,
        place_id=place.place_id,
        lat=float(place.lat),
        lon=float(place.lon),
        country_code=place.country_code,
        admin1=place.admin1,
        feature_type=place.feature_type,
        score=float(resolution.score),
        online=resolution.online,
        section=section.kind if section is not None else None,
    )
