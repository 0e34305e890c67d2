"""One document in, one :class:`~atlas.records.Extraction` out.

The stages, each a small function of its own module: groups (lexicon matcher), candidate
names, sentences, places (the resolver passed in, with group names excluded), years per
sentence, and the events linking them. No I/O: the document, the resolver and the lexicon
are given.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from atlas.records import Document, Event, Extraction
from extraction.candidates import CandidateCues, cue_words, find_candidates, load_cues
from extraction.dates import years_by_sentence
from extraction.groups import GroupMatcher
from extraction.lexicon import Lexicon
from extraction.linking import link_events
from extraction.places import Geoparser, find_places
from extraction.sentences import split_sentences

log = logging.getLogger(__name__)


def extract(
    document: Document,
    resolver: Geoparser,
    lexicon: Lexicon,
    *,
    cues: CandidateCues | None = None,
) -> Extraction:
    """Groups, candidate groups, place mentions and events of ``document``."""
    text = document.text
    cues = cues if cues is not None else default_cues()
    # The matcher's pass also says which candidate cue words occur, so that the candidate
    # scans whose words do not are skipped.
    groups, present = matcher_for(lexicon, cues).find_with_cues(text)
    candidates = find_candidates(text, groups, cues, present)
    exclude = [(g.start, g.end) for g in groups] + [(c.start, c.end) for c in candidates]
    mentions = find_places(document, resolver, exclude)
    events: tuple[Event, ...] = ()
    if groups and mentions:  # sentences and years serve only the events
        sentences = split_sentences(text)
        years = years_by_sentence(text, sentences, document.published)
        events = link_events(
            document, sentences, groups, mentions, years, lexicon.founding_years(), candidates
        )
    log.debug(
        "%s: %d groups, %d candidates, %d places, %d events",
        document.doc_id,
        len(groups),
        len(candidates),
        len(mentions),
        len(events),
    )
    return Extraction(
        document=document,
        mentions=mentions,
        groups=groups,
        candidates=candidates,
        events=events,
        warnings=_warnings(document),
    )


_MATCHERS: dict[tuple[int, int], tuple[Lexicon, CandidateCues, GroupMatcher]] = {}


def matcher_for(lexicon: Lexicon, cues: CandidateCues) -> GroupMatcher:
    """The matcher of ``lexicon`` (also looking for the words of ``cues``), built once and
    reused for every document.

    Keyed by identity: hashing a whole lexicon for every document would cost more than
    matching. The lexicon and cues are kept alongside so that their ids cannot be reused.
    """
    key = (id(lexicon), id(cues))
    cached = _MATCHERS.get(key)
    if cached is None or cached[0] is not lexicon or cached[1] is not cues:
        if len(_MATCHERS) >= 4:
            _MATCHERS.clear()
        cached = _MATCHERS[key] = (lexicon, cues, GroupMatcher(lexicon, cue_words(cues)))
    return cached[2]


@lru_cache(maxsize=1)
def default_cues() -> CandidateCues:
    """The shipped candidate cues, read once."""
    return load_cues()


def _warnings(document: Document) -> tuple[str, ...]:
    if document.published is None:
        return (f"{document.doc_id}: no publication date; years come from the text only",)
    return ()
