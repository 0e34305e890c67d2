"""Person, organisation and list context for the toponym spotter: whether a gazetteer name
in a text is part of a longer name (a person's, an organisation's, a publication's) rather
than a place, and whether the words around it put it in the place role.

See ``gazetteer/data/not_places.yaml`` for the word lists and the policy behind them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from gazetteer.nonplaces import NonPlaceRules
from gazetteer.tokens import Words

PLACE, ORG, DEMONYM = 1, 2, 4

_NOT_A_CUE_GAP = frozenset({"the"})
#: How many words before a name the person/organisation rules look at (bounded, so that a
#: long run of capitalised words costs linear time).
_CHAIN_WORDS = 5
#: What ends the year of a citation ("2015.", "2015, pp. 3", "2016 (updated"), unlike a year
#: that a sentence goes on from ("Lahore, 2015 was a bad year").
_CITATION_END = r"(?=\s?[.;,()\[\]]|\s*\n|\s*\Z)"
#: The rest of a citation's publisher part after a name, up to its year: "London: Hurst, 2015",
#: "New York: Hurst/Columbia University Press, 2011", "New York: Little, Brown, and Co., 2012".
_CITATION_AFTER = re.compile(r"[\w .,&/'’-]{0,60}?, (?:1[89]|20)\d\d" + _CITATION_END)
#: The publisher part of a citation before a name, back to the colon after the city.
_PUBLISHER_BEFORE = re.compile(r": [\w .,&/'’-]{0,60}$")
#: How far before a name the colon of "City: Publisher" may be.
_PUBLISHER_REACH = 64
#: A periodical's issue date after its name: "Herald, March 2016", "Jihadology, January 26, 2015".
_ISSUE_AFTER = re.compile(
    r",? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
    r"(?: \d{1,2},?)? (?:1[89]|20)\d\d" + _CITATION_END
)
#: What ends a quoted title right before a periodical's name: '“Title,” Herald', "*Title*, ".
_TITLE_BEFORE = re.compile(r"[”\"’'*],?\s?$|,[”\"’'*]\s?$")


class NameContext:
    """What the words around the gazetteer matches of one text say about them."""

    def __init__(
        self,
        words: Words,
        matches: Sequence[tuple[int, int, int]],
        rules: NonPlaceRules,
        blocked: set[int],
        demonyms: bool,
    ) -> None:
        self.w = words
        self.rules = rules
        self.blocked = blocked
        self.demonyms = demonyms
        self.place_starts = {first for first, _, flags in matches if flags & PLACE}
        self.place_ends = {last for _, last, flags in matches if flags & PLACE}
        self.long_place_ends = {
            last for first, last, flags in matches if flags & PLACE and first < last
        }
        self.demonym_words = {
            first for first, last, flags in matches if flags & DEMONYM and first == last
        }
        self.surnames: set[str] = set()
        self._ampersand = "&" in words.text

    def _proper_place_end(self, k: int) -> bool:
        """Whether word ``k`` ends a gazetteer name of several words or is a capitalised
        uncommon word that is one."""
        if k in self.long_place_ends:
            return True
        return k in self.place_ends and self.w.cap(k) and not self.rules.is_common(self.w.folded[k])

    def _sentence_initial(self, i: int) -> bool:
        """Whether word ``i`` starts a sentence, a line or the text."""
        text = self.w.text
        j = self.w.starts[i] - 1
        while j >= 0 and text[j] in " \t\"“‘'([":
            j -= 1
        return j < 0 or text[j] in ".!?:\n"

    def has_cue(self, i: int) -> bool:
        """Whether word ``i`` follows a locative preposition ("in Reading", "near the
        Mission"), continues a list of places ("Lahore, Tank and Bannu") or comes before
        ", <Place>" ("Mobile, Alabama")."""
        w = self.w
        if i > 0 and w.sep(i).strip() == "," and self._proper_place_end(i - 1):
            return True
        if i > 1 and w.folded[i - 1] in ("and", "or") and self._proper_place_end(i - 2):
            return True
        k = i - 1
        if k >= 0 and w.folded[k] in _NOT_A_CUE_GAP and w.sep(i) == " ":
            k -= 1
        if (
            k >= 0
            and w.sep(k + 1) == " "
            and not w.cap(k)
            and w.folded[k] in self.rules.locative_cues
        ):
            return True
        nxt = i + 1
        return nxt < len(w.starts) and w.sep(nxt).strip() == "," and nxt in self.place_starts

    def _not_a_name_part(self, first: int, last: int) -> bool:
        """False when the name is part of a person's or an organisation's name."""
        w, rules = self.w, self.rules
        chain = []
        k = first
        while (
            k > 0
            and len(chain) < _CHAIN_WORDS
            and (w.cap(k - 1) or w.folded[k - 1] in self.rules.person_particles)
            and w.joined(k)
        ):
            k -= 1
            chain.append(k)
        arabic_name_before = (
            chain
            and not w.cap(chain[0])
            and w.sep(first) in ("-", "‐", "‑")
            and chain[0] > 0
            and w.sep(chain[0]) == " "
            and w.cap(chain[0] - 1)
        )
        while chain and not w.cap(chain[-1]):
            k = chain.pop() + 1
        if self._after_role_noun(k):
            self._note_surname(last)
            return False
        if chain and any(w.folded[c] in rules.org_prefixes for c in chain) or self._org_of(k):
            return False
        person_words = (rules.titles, rules.given_names, rules.role_nouns)
        if chain and any(w.folded[c] in words for c in chain for words in person_words):
            self._note_surname(last)
            return False
        hyphenated_article = (
            first > 0
            and w.sep(first) in ("-", "‐", "‑")
            and not w.cap(first - 1)
            and w.folded[first - 1] in rules.person_particles
        )
        if arabic_name_before or hyphenated_article or self._cited_publisher(first, last):
            return False  # "Markaz al-Da'wa", "Jabhat al-Nusra"; "London: Hurst, 2015"
        capitalised = [c for c in chain if w.cap(c)] if chain else chain
        if capitalised and not self._known_before(capitalised[0]):
            return False
        if capitalised and first == last and w.folded[first] in rules.org_heads:
            return False  # the last word of "Services Bureau", "Deccan Herald"
        if self._firm_partner(first - 1, first, self.place_ends):
            return False
        return self._known_after(first, last)

    def _firm_partner(self, other: int, k: int, places: set[int]) -> bool:
        """Whether word ``k`` is joined by "&" to a capitalised word ``other`` that is not a
        place ("Stevens & Wilkinson", a firm), unlike "Trinidad & Tobago"."""
        w = self.w
        if not self._ampersand or not 0 <= other < len(w.starts) or other in places:
            return False
        if not w.cap(other):
            return False
        return w.sep(max(other, k)).strip() == "&"

    def _after_role_noun(self, k: int) -> bool:
        """Whether the name starting at word ``k`` follows a lower-case role noun ("coach
        Ripley", "the commander Bari")."""
        w = self.w
        return (
            k > 0
            and w.sep(k) == " "
            and not w.cap(k - 1)
            and w.folded[k - 1] in self.rules.role_nouns
        )

    def _cited_publisher(self, first: int, last: int) -> bool:
        """Whether the name is (part of) the publisher in a citation, "City: Publisher,
        Year" ("London: Hurst, 2015", "New York: Little, Brown, and Co., 2012"), or the
        periodical after a quoted title, "“Title,” Periodical, Month Year" ("Herald, March
        2016")."""
        w = self.w
        text, start, end = w.text, w.starts[first], w.ends[last]
        if first > 0 and _TITLE_BEFORE.search(w.sep(first)) and _ISSUE_AFTER.match(text, end):
            return True
        reach = max(0, start - _PUBLISHER_REACH)
        if text.find(": ", reach, start) < 0 or _CITATION_AFTER.match(text, end) is None:
            return False
        before = _PUBLISHER_BEFORE.search(text, reach, start)
        if before is None:
            return False
        city = bisect_right(w.ends, before.start()) - 1
        return city >= 0 and w.ends[city] == before.start() and city in self.place_ends

    def _org_of(self, k: int) -> bool:
        """Whether word ``k`` follows "<Organisation> of [the]" ("University of Karachi")."""
        w = self.w
        if k >= 2 and w.folded[k - 1] == "the" and w.sep(k) == " ":
            k -= 1
        return (
            k >= 2
            and w.folded[k - 1] == "of"
            and w.sep(k) == " "
            and w.sep(k - 1) == " "
            and w.cap(k - 2)
            and w.folded[k - 2] in self.rules.org_prefixes
        )

    def _known_before(self, k: int) -> bool:
        """Whether the capitalised word right before a name may precede a place."""
        word, rules = self.w.folded[k], self.rules
        return (
            word in rules.place_words_before
            or rules.is_common(word)
            or k in self.place_ends
            or k in self.demonym_words
        )

    def _known_after(self, first: int, last: int) -> bool:
        """False when the words after the name make it part of a longer name: an
        organisation's ("Punjab Police", "Ripley High School"), a person's ("Hafiz Saeed"),
        a brand ("Wal-Mart") or a document collection ("the Abbottabad files")."""
        w, rules = self.w, self.rules
        nxt = last + 1
        if nxt >= len(w.starts):
            return True
        word, sep = w.folded[nxt], w.sep(nxt)
        if self._firm_partner(nxt, last, self.place_starts):
            return False
        if sep in (" ", "-") and word in rules.person_particles and self._arabic_name_goes_on(nxt):
            return False  # "Ansar al-Islam", "Sitara-e-Imtiaz"
        if not w.cap(nxt):
            if sep == " " and word in rules.collection_nouns:
                return False
            return not (
                first == last
                and w.folded[first] in rules.given_names
                and word in rules.person_cues
                and sep.strip() in ("", ",")
            )
        if not w.joined(nxt) or sep == ". ":
            return True
        if sep != " ":  # "Pakistan-Afghanistan" but not "Wal-Mart"
            return nxt in self.place_starts and not rules.is_common(word)
        k = nxt
        while k < len(w.starts) and k <= last + 3 and w.cap(k) and (k == nxt or w.sep(k) == " "):
            if w.folded[k] in rules.org_heads:
                return False
            k += 1
        return (
            word in rules.place_words_after
            or rules.is_common(word)
            or word in rules.titles
            or word in rules.role_nouns
            or nxt in self.place_starts
            or word in rules.given_names
            or word in rules.particles
            or word in rules.demonyms
            or w.allcaps(nxt)
        )

    def _arabic_name_goes_on(self, k: int) -> bool:
        """Whether particle ``k`` is joined by a hyphen to a capitalised word ("al-Islam")."""
        w = self.w
        return k + 1 < len(w.starts) and w.sep(k + 1) in ("-", "‐", "‑") and w.cap(k + 1)

    def _note_surname(self, last: int) -> None:
        """Remember the last word of a person's name, so that it alone is no place either."""
        nxt = last + 1
        w = self.w
        if nxt >= len(w.starts) or not (w.joined(nxt) and w.cap(nxt)):
            self.surnames.add(w.folded[last])

    def surname_alone(self, first: int, last: int, cued: set[str]) -> bool:
        """Whether a one-word name is a surname seen earlier or later in the text, the
        given name before one ("Bin Ladin" after "Usama bin Ladin"), or a speaker ("Kristina
        said") that the text never puts after a locative cue ("in Kristina")."""
        if first != last:
            return False
        w = self.w
        word, nxt = w.folded[first], first + 1
        if word in self.surnames:
            return True
        if nxt >= len(w.starts):
            return False
        if w.joined(nxt) and w.cap(nxt) and w.folded[nxt] in self.surnames:
            return True
        return (
            word not in cued
            and word not in self.rules.speaking_places
            and w.folded[nxt] in self.rules.person_cues
            and w.sep(nxt).strip() in ("", ",")
        )
