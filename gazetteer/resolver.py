"""Toponym resolution: the right place for each name, read in the context of its document.

``Resolver.resolve`` groups a document's spans by name and cues, scores their candidates
with ``gazetteer.ranking`` (priors, cues, the countries and provinces the document is
about, closeness to its other places) and answers each span with the best place, its
score in [0, 1] and up to five runners-up.  A span whose best score stays under
``min_score`` gets None rather than a guess; so does a name used as a person's
("Gen. Charles Cleveland") or inside an armed group's name ("Wilayat Khorasan").
"""

from __future__ import annotations

import logging
import math
import re
import weakref
from collections import Counter
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

import ahocorasick
import numpy as np

from gazetteer.cues import PLAIN, Cues, shipped_cues
from gazetteer.index import Gazetteer
from gazetteer.inner import inner_names, institution_words
from gazetteer.located import SitePatterns, locate_sites, place_followed
from gazetteer.nonplaces import shipped_rules
from gazetteer.normalize import fold
from gazetteer.pools import Mention, Pool
from gazetteer.ranking import Ranker, Weights
from gazetteer.records import FEATURE_TYPES, Candidate, Place, Resolution

if TYPE_CHECKING:
    from gazetteer.online import OnlineGeocoder

logger = logging.getLogger(__name__)

_POSSESSIVE = re.compile(r"['’]s$")
_TOWN = frozenset({"city", "locality"})
_PLACE_OF_NAME = np.array(
    [t in ("country", "admin1", "admin2", "city", "region") for t in FEATURE_TYPES]
)
_SPOTTERS: weakref.WeakKeyDictionary[Gazetteer, object] = weakref.WeakKeyDictionary()


class Resolver:
    """Resolves place-name spans of a document against a ``Gazetteer``."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        *,
        geocoder: OnlineGeocoder | None = None,
        cues: Cues | None = None,
        weights: Weights | None = None,
        min_score: float = 0.2,
        runners_up: int = 5,
    ) -> None:
        """``geocoder`` (opt-in, see ``gazetteer.online``) is asked for names the index
        lacks; ``runners_up``: how many other candidates each answer lists (none for a
        caller that never offers corrections, which saves making their records)."""
        self.gazetteer = gazetteer
        self.geocoder = geocoder
        self.cues = cues or shipped_cues()
        self.min_score = min_score
        self.runners_up = runners_up
        self.ranker = Ranker(gazetteer, self.cues, weights or Weights())
        self._inner_names: dict[str, tuple[str, Pool, np.ndarray] | None] = {}
        # Read once here, not at the first unknown name: the word lists of inner names.
        self._institutions = institution_words()
        rules = shipped_rules(fold)
        self._is_common = rules.common.__contains__
        sites = self.cues.by_kind["site"]
        self._sites = SitePatterns(sites) if sites else None
        self._sites_words = frozenset(sites)
        self._no_site_names = (
            rules.common
            | rules.titles
            | frozenset(self.cues.demonyms())
            | frozenset(self.cues.by_kind["community"])
        )
        # Capitalised demonyms of countries ("Pakistani"); a continent's or a region's
        # (a place id: "European", "Kurdish") votes for no country.
        self._demonyms = ahocorasick.Automaton()
        for word, code in self.cues.demonyms().items():
            if ":" not in code:
                self._demonyms.add_word(word.title(), (word.title(), code))
        self._demonyms.make_automaton()

    def _mentions(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Mention]:
        """The spans grouped by name and cue-adjusted scores (None-worthy spans left out)."""
        groups: dict[tuple[str, bytes], Mention] = {}
        read, candidates = self.cues.read, self.ranker.candidates
        for i, (start, end) in enumerate(spans):
            cues = read(text, start, end)
            if cues.person or cues.group or cues.elsewhere:
                continue
            surface = text[start:end]
            if "'" in surface or "’" in surface:
                surface = _POSSESSIVE.sub("", surface)
            found = candidates(surface.strip(), cues)
            if found is None:
                found = self._inner(surface.strip())
                if found is None:
                    continue
            key, pool, base = found
            label = (key, base.tobytes())
            group = groups.get(label)
            if group is None:
                group = groups[label] = Mention(key, pool, base)
            group.spans.append(i)
        return list(groups.values())

    def _inner(self, surface: str) -> tuple[str, Pool, np.ndarray] | None:
        """A name the index lacks, answered by the place an institution in it is named
        after ("Kabul University", "Delhi High Court"; see ``gazetteer.inner``), less
        surely: only a country, province, district or city, never a village (cached per
        name: names repeat)."""
        if surface in self._inner_names:
            return self._inner_names[surface]
        found = self._inner_name(surface)
        if len(self._inner_names) < 100_000:
            self._inner_names[surface] = found
        return found

    def _inner_name(self, surface: str) -> tuple[str, Pool, np.ndarray] | None:
        if surface in self.gazetteer:  # folds the name itself
            return None
        directions, demonyms = self.cues.by_kind["direction"], self.cues.demonyms()
        for part in inner_names(surface, self._institutions, directions, self._is_common, demonyms):
            found = self.ranker.candidates(part, PLAIN)
            if found is not None:
                key, pool, base = found
                if _PLACE_OF_NAME[pool.ftype[base.argmax()]]:
                    return key, pool, base + self.ranker.weights.inner_name
                return None
        return None

    def _context(self, text: str) -> dict[str, float]:
        """Country votes of the demonyms in the text ("Pakistani troops")."""
        weight, votes = self.ranker.weights.demonym, {}
        for end, (word, code) in self._demonyms.iter(text):
            start = end - len(word) + 1
            if not (text[start - 1 : start].isalnum() or text[end + 1 : end + 2].isalnum()):
                votes[code] = weight
        return votes

    def resolve(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        *,
        countries: Sequence[str] = (),
        spotted: bool = False,
    ) -> list[Resolution | None]:
        """One answer per span of ``text`` (None when unsure or unknown), in span order.

        ``countries``: ISO codes the caller knows the text is about (a hint, weighed like
        a country named in the text).  A span the index cannot answer is placed inside
        the place the text puts it in ("the Palais des Nations in Geneva"), as the
        caller says it names a place; ``spotted`` spans (the spotter's guesses, such as
        "Obama in Orange County") only when the text calls them a place ("Dhaka's
        Gulshan area")."""
        for start, end in spans:
            if not (0 <= start < end <= len(text)):
                raise ValueError(f"span ({start}, {end}) is outside the text (length {len(text)})")
        mentions = self._mentions(text, spans)
        context = self._context(text)
        context.update(dict.fromkeys(countries, self.ranker.weights.country_hint))
        self.ranker.settle(mentions, context)
        results: list[Resolution | None] = [None] * len(spans)
        for m in mentions:
            answer = self._answer(m)
            if answer is not None:
                for i in m.spans:
                    start, end = spans[i]
                    results[i] = Resolution(start, end, text[start:end], *answer)
        _drop_lonely_towns(results, self.ranker.weights, context)
        if self.geocoder is not None:
            answered = {i for m in mentions for i in m.spans}
            for i, (start, end) in enumerate(spans):
                if i not in answered:
                    results[i] = self._online(text, start, end)
        placeable = self._site_span if spotted else self._askable
        place_followed(text, spans, results, lambda i: placeable(text, *spans[i]))
        return results

    def _answer(self, m: Mention) -> tuple[Place, float, tuple[Candidate, ...]] | None:
        """The place, score and runners-up of a mention (shared by its spans)."""
        belief = m.belief.tolist()
        if self.runners_up:
            # The best and the runners-up, ties in pool order (as a stable sort would give).
            order = sorted(range(len(belief)), key=belief.__getitem__, reverse=True)
            order = order[: 1 + self.runners_up]
        else:
            order = [belief.index(max(belief))]  # the first of the best, as sorting gives
        best = order[0]
        confidence = belief[best] / (1.0 + math.exp(-4.0 * (float(m.score[best]) - 0.5)))
        score = round(math.sqrt(max(confidence, 0.0)), 4)
        if score < self.min_score:
            return None
        # Places are made only for the answer and its runners-up, never for the others.
        place, rows = self.gazetteer.place, m.pool.rows
        alternatives = tuple(Candidate(place(int(rows[i])), round(belief[i], 4)) for i in order[1:])
        return place(int(rows[best])), score, alternatives

    def _askable(self, text: str, start: int, end: int) -> bool:
        """Whether a span the index could not answer may be placed some other way: it is
        no person's name, no part of a group's and no other place's ("Lucas Heights")."""
        cues = self.cues.read(text, start, end)
        return not (cues.person or cues.group or cues.elsewhere)

    def _site_span(self, text: str, start: int, end: int) -> bool:
        """Whether a spotted span is called a place by its own last word or the word after
        it ("the Old City", "Gulshan area", "Dara district"), and may be placed."""
        last = text[start:end].rsplit(None, 1)[-1].lower()
        after = text[end : end + 24].split(None, 1)
        word = after[0].lower().rstrip(",.;:") if after and text[end : end + 1] == " " else ""
        units = self.cues.by_kind["suffix"]
        named = any(w in units or w in self._sites_words for w in (last, word) if w)
        return named and self._askable(text, start, end)

    def _online(self, text: str, start: int, end: int) -> Resolution | None:
        if self.geocoder is None or not self._askable(text, start, end):
            return None
        place = self.geocoder.lookup(text[start:end])
        if place is None:
            return None
        return Resolution(start, end, text[start:end], place, self.geocoder.score, (), online=True)

    def search(self, name: str, *, countries: Sequence[str] = ()) -> list[Candidate]:
        """Every candidate for ``name`` alone (no context but the ``countries`` hint),
        best first, with scores."""
        text = name.strip()
        mentions = self._mentions(text, [(0, len(text))]) if text else []
        if not mentions:
            return []
        self.ranker.settle(mentions, dict.fromkeys(countries, self.ranker.weights.country_hint))
        m = mentions[0]
        order = np.argsort(-m.belief, kind="stable").tolist()
        return [
            Candidate(self.gazetteer.place(int(m.pool.rows[i])), round(float(m.belief[i]), 4))
            for i in order
        ]

    def spot(self, text: str, exclude: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
        """Toponym spans in ``text`` found by ``gazetteer.spotter`` (built once per gazetteer)."""
        spotter = _SPOTTERS.get(self.gazetteer)
        if spotter is None:
            from gazetteer.spotter import Spotter  # lazy: the automaton is built on first use

            spotter = Spotter(self.gazetteer.names())
            _SPOTTERS[self.gazetteer] = spotter
        return spotter.spot(text, exclude)  # type: ignore[attr-defined]

    def geoparse(self, text: str, exclude: Sequence[tuple[int, int]] = ()) -> list[Resolution]:
        """Spot then resolve over the whole document, keeping the places found, and place
        the sites the index lacks inside them ("the Khaldan camp in Khost"; see
        ``gazetteer.located``)."""
        spans = self.spot(text, exclude)
        answered = [r for r in self.resolve(text, spans, spotted=True) if r is not None]
        if self._sites is None or not answered:
            return answered
        taken = [*((r.start, r.end) for r in answered), *exclude]
        located = locate_sites(text, answered, taken, self._sites, self._site_name)
        return sorted([*answered, *located], key=lambda r: r.start) if located else answered

    def _site_name(self, word: str) -> bool:
        """Whether a word may be part of a site's proper name: capitalised, not in capitals
        nor possessive, and no common word, title, demonym or community ("The", "Gen.",
        "Afghan", "Sufi")."""
        return (
            len(word) > 2
            and word[0].isupper()
            and not word.isupper()
            and not word.endswith(("'s", "’s"))
            and fold(word) not in self._no_site_names
        )


def _drop_lonely_towns(
    results: list[Resolution | None], weights: Weights, context: Collection[str] = ()
) -> None:
    """Unanswer a small town in a country that no other name of the text lies in, when
    the text's names lie elsewhere: "Bara" in a report on Khyber is the Pakistani town the
    index lacks, not Bārah in Sudan (a wrong point is worse than none).  A country the
    text speaks of otherwise (``context``: "Indian police", a caller's hint) is no
    stranger's: "the Pulwama bombing, which killed 40 Indian police" keeps Pulwama."""
    answers = Counter((r.place.country_code, r.text) for r in results if r is not None)
    countries = Counter(r.place.country_code for r in results if r is not None)
    answered = sum(countries.values())
    for i, r in enumerate(results):
        if (
            r is None
            or r.place.feature_type not in _TOWN
            or (r.place.population or 0) >= weights.lonely_population
        ):
            continue
        code = r.place.country_code
        alone = countries[code] == answers[code, r.text]  # no other name in its country
        if (
            code
            and alone
            and code not in context
            and answered - countries[code] >= weights.lonely_elsewhere
        ):
            results[i] = None
