"""The spotter's rules: which gazetteer-name matches in a text are place mentions.

Each rule looks only at the words around a match (capitalisation, the separators between
words, and the reviewed word lists of :class:`gazetteer.nonplaces.NonPlaceRules`), so a text
is judged in one pass after the names are looked up.  See ``gazetteer/data/not_places.yaml`` for the
policy decisions the rules implement.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from gazetteer.namecontext import (
    DEMONYM,
    HYPHENS,
    LISTED,
    NEVER_ALONE,
    ORG,
    PLACE,
    NameContext,
)
from gazetteer.nonplaces import NonPlaceRules
from gazetteer.tokens import Words

#: Separators allowed inside one multi-word name ("Dera Ismail Khan", "Khyber-Pakhtunkhwa",
#: "St. Louis", "Martha's Vineyard", "Jammu & Kashmir", a name wrapped onto the next line).
_INNER_SEPS = frozenset({" ", "-", "‐", "‑", "'", "’", ".", ". ", "\n", "&", " & "})
#: What follows an all-capital dateline place: "KARACHI:", "PESHAWAR, Pakistan (AP) -",
#: "QUETTA, Pakistan, Oct. 3, 2022 (Reuters) -".
_DATELINE_AFTER = re.compile(
    r"(?:,? [A-Za-z][A-Za-z .]{0,40}?)?"
    r"(?:,?\s+(?:[A-Za-z]{3,9}\.?\s+\d{1,2},?|\d{1,2}\s+[A-Za-z]{3,9}\.?,?)\s+\d{4})?"
    r"\s{0,3}(?::|\(|-{1,2} |— |– )"
)
#: Longest line that counts as an all-capital headline.
_HEADLINE = 300
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our"}
)
#: Mixed-case acronyms of group names ("LeT", "LeJ", "HuJI", "JeM"): not places.
_ACRONYM_LIKE = re.compile(r"[A-Z][a-z]?[A-Z][A-Za-z]?[A-Z]?")


class _Judge(NameContext):
    """The rules applied to one text's matches."""

    def judge(self, first: int, last: int, flags: int) -> bool:
        """Whether words ``first..last`` are a place mention."""
        w, rules = self.w, self.rules
        caps = w.caps
        if flags & DEMONYM:
            return (
                self.demonyms
                and first == last
                and caps[first]
                and not w.allcaps(first)
                and first not in self.blocked
            )
        if first == last:
            return self._judge_word(first, flags)
        if not self._capitalised(first, last):
            return False
        if self.blocked and any(k in self.blocked for k in range(first, last + 1)):
            return False
        if not _INNER_SEPS.issuperset(w.seps[first + 1 : last + 1]):
            return False
        surface = w.text[w.starts[first] : w.ends[last]].replace(".", "")
        abbreviation = surface in rules.abbreviations
        # A name written all in capitals needs a dateline or a capitals line; an acronym
        # beside a word in ordinary case is part of the name ("FOB Chapman", "DI Khan").
        allcaps = all(w.allcaps(k) for k in range(first, last + 1) if w.caps[k])
        allcaps = allcaps and not self._initials_only(first, last)
        if not abbreviation and allcaps and not self._caps_context(first, last):
            return False
        return self._not_a_name_part(first, last)

    def _judge_word(self, i: int, flags: int) -> bool:
        """Whether the one-word name ``i`` is a place mention."""
        w, rules = self.w, self.rules
        if not w.caps[i] or i in self.blocked:
            return False
        surface = written = w.surfaces[i]
        if not flags & LISTED and "." not in written and written[1:].islower():
            # The commonest mention ("Karachi"): no list names it (so it is no abbreviation
            # nor common word) and it is neither an acronym nor all capitals.
            return self._not_a_name_part(i, i)
        if "." in surface:
            surface = surface.replace(".", "")
        abbreviation = surface in rules.abbreviations
        if not abbreviation:
            if w.folded[i] in rules.never_alone:
                return False
            if w.folded[i] in rules.feature_heads and self._heads_name(i):
                return False  # "Lake" of "Lake Chad", which the index lacks
            if len(surface) < 6 and not surface[1:].islower() and _ACRONYM_LIKE.fullmatch(surface):
                return False
            if len(written) > 1 and written.isupper() and not self._caps_context(i, i):
                return False
        # A word no list names (not ``LISTED``) is no common word, title or given name.
        common_ok = abbreviation or not flags & LISTED or None
        if self.alone(i):  # the name rules note no surname: the cheaper test first
            if common_ok is None and not self._common_word_ok(i):
                return False
            return self._alone_ok(i, i)
        if not self._not_a_name_part(i, i):
            return False
        return common_ok or self._common_word_ok(i)

    def _heads_name(self, i: int) -> bool:
        """Whether a capitalised word follows word ``i`` in the same name ("Lake Chad")."""
        w, nxt = self.w, i + 1
        return nxt < len(w.caps) and w.caps[nxt] and w.seps[nxt] == " "

    def without_surnames(self, accepted: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``accepted`` without the one-word names that are a surname seen earlier or later
        in the text, the given name before one ("Bin Ladin" after "Usama bin Ladin"), or a
        speaker ("Kristina said") that the text never puts after a locative cue ("in
        Kristina"); those cued names are worked out only when a speaker needs them."""
        w = self.w
        folded, count, person_cues = w.folded, len(w.folded), self.rules.person_cues
        if not self.surnames and not any(
            first == last and first + 1 < count and folded[first + 1] in person_cues
            for first, last in accepted
        ):
            return accepted  # no surname noted and no reporting verb after a name
        cued: set[str] | None = None
        kept = []
        for first, last in accepted:
            if self._person_word(first, last):
                continue
            if first == last and self._speaker(first):
                if cued is None:
                    cued = {w.folded[f] for f, l in accepted if f == l and self.has_cue(f)}
                if w.folded[first] not in cued:
                    continue
            kept.append((first, last))
        return kept

    def _person_word(self, first: int, last: int) -> bool:
        """Whether a one-word name is a surname of the text or the given name before one."""
        if first != last or not self.surnames:
            return False
        w = self.w
        if w.folded[first] in self.surnames:
            return True
        nxt = first + 1
        return (
            nxt < len(w.caps) and w.joined(nxt) and w.caps[nxt] and w.folded[nxt] in self.surnames
        )

    def _speaker(self, i: int) -> bool:
        """Whether one-word name ``i`` is followed by a reporting verb ("Kristina said")
        and is no place that speaks for its government."""
        w, nxt = self.w, i + 1
        return (
            nxt < len(w.caps)
            and w.folded[nxt] in self.rules.person_cues
            and w.seps[nxt].strip() in ("", ",")
            and w.folded[i] not in self.rules.speaking_places
        )

    def _initials_only(self, first: int, last: int) -> bool:
        """Whether the only all-capital words are initials with dots ("D.I. Khan")."""
        w = self.w
        return all("." in w.surfaces[k] for k in range(first, last + 1) if w.allcaps(k))

    def _capitalised(self, first: int, last: int) -> bool:
        """Every word of a name of several capitalised, except particles ("Bay of Bengal",
        "al-Qaim"), a generic place word after a capitalised one ("Binori town"), and a
        word hyphened to a capitalised one inside the name ("Pakistan-administered Kashmir")."""
        w, rules = self.w, self.rules
        caps, folded, particles = w.caps, w.folded, rules.particles
        if not caps[first] and not (folded[first] in particles and caps[first + 1]):
            return False
        return all(
            caps[k]
            or w.surfaces[k][0].isdigit()
            or folded[k] in particles
            or (
                folded[k] in rules.place_words_after
                and caps[k - 1]
                and folded[k - 1] not in particles
            )
            or (k < last and caps[k - 1] and w.seps[k] in HYPHENS)
            for k in range(first + 1, last + 1)
        )

    def _caps_context(self, first: int, last: int) -> bool:
        """An all-capital name counts in a dateline ("KARACHI: ...", "... . BEIRUT (AP) -")
        or in an all-capital line."""
        text = self.w.text
        start, end = self.w.starts[first], self.w.ends[last]
        if self._sentence_initial(first) and _DATELINE_AFTER.match(text, end):
            return True
        line_start = text.rfind("\n", max(0, start - _HEADLINE), start) + 1
        line_end = text.find("\n", end, end + _HEADLINE)
        line_end = len(text) if line_end < 0 and len(text) - end < _HEADLINE else line_end
        if line_start == 0 and start >= _HEADLINE or line_end < 0:
            return False
        if line_end - line_start >= _HEADLINE:
            return False
        line = text[line_start:line_end]
        return sum(map(str.isupper, line)) > 4 * sum(map(str.islower, line))

    def _common_word_ok(self, i: int) -> bool:
        """A one-word name that is also a common English word, a title or a given name
        needs a locative cue; the commonest words are never a one-word place."""
        w, rules = self.w, self.rules
        word = w.folded[i]
        if word in rules.never_alone:
            return False
        if word in rules.titles and i + 1 < len(w.caps) and w.joined(i + 1) and w.caps[i + 1]:
            return False
        if word in rules.needs_cue or word in rules.given_names:
            return self.has_cue(i)
        if word in rules.not_initial:
            return self.has_cue(i) or self._in_running_text(i)
        return True

    def _in_running_text(self, i: int) -> bool:
        """Whether a capitalised word stands alone in running text: not at a sentence start,
        not after a determiner ("the Bureau", "a Dodge"), not next to another capitalised
        word ("Border Patrol") and not before "of" ("Chamber of Commerce")."""
        w = self.w
        if self._sentence_initial(i):
            return False
        if i > 0 and (w.folded[i - 1] in _DETERMINERS or (w.caps[i - 1] and w.joined(i))):
            return False
        nxt = i + 1
        return nxt >= len(w.caps) or not (w.joined(nxt) and (w.caps[nxt] or w.folded[nxt] == "of"))


def _blocked_words(words: Words, exclude: Sequence[tuple[int, int]]) -> set[int]:
    blocked: set[int] = set()
    for start, end in exclude:
        i = bisect_right(words.ends, start)
        while i < len(words.starts) and words.starts[i] < end:
            blocked.add(i)
            i += 1
    return blocked


def select_spans(
    words: Words,
    matches: Sequence[tuple[int, int, int]],
    rules: NonPlaceRules,
    exclude: Sequence[tuple[int, int]],
    demonyms: bool,
) -> list[tuple[int, int]]:
    """The place spans among ``matches``: judged by the rules, longest first, no overlaps."""
    blocked = _blocked_words(words, exclude)
    caps, folded = words.caps, words.folded
    for first, last, flags in matches:
        if flags & ORG and all(
            caps[k] or folded[k] in rules.particles for k in range(first, last + 1)
        ):
            blocked.update(range(first, last + 1))  # "Pakistan Today", not "Pakistan today"
    judge = _Judge(words, matches, rules, blocked, demonyms)
    # Matches the rules always reject are dropped unjudged: demonyms when they are not
    # asked for, and common words flagged ``NEVER_ALONE`` in the name table.
    skip = NEVER_ALONE if demonyms else NEVER_ALONE | DEMONYM
    accepted = [
        (first, last)
        for first, last, flags in matches
        if flags & (PLACE | DEMONYM) and not flags & skip and judge.judge(first, last, flags)
    ]
    accepted = judge.without_surnames(accepted)
    starts, ends = words.starts, words.ends
    if all(first == last for first, last in accepted):  # in text order, one word each
        return [(starts[first], ends[first]) for first, _ in accepted]
    accepted.sort(key=lambda fl: (fl[0] - fl[1], starts[fl[0]] - ends[fl[1]], fl[0]))
    taken: set[int] = set()
    spans = []
    for first, last in accepted:
        if any(k in taken for k in range(first, last + 1)):
            continue
        taken.update(range(first, last + 1))
        spans.append((starts[first], ends[last]))
    return sorted(spans)
