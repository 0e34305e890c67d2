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
_HYPHENS = ("-", "‐", "‑")
_OF_THE = ("of", "the")
#: Separators before a name that cannot end a quoted title.
_PLAIN_SEPS = frozenset({"", " ", "\n", ", ", ". "})
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
        self._colon = ": " in words.text

    def _proper_place_end(self, k: int) -> bool:
        """Whether word ``k`` ends a gazetteer name of several words or is a capitalised
        uncommon word that is one."""
        if k in self.long_place_ends:
            return True
        return k in self.place_ends and self.w.caps[k] and self.w.folded[k] not in self.rules.common

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
        folded, seps = self.w.folded, self.w.seps
        if i > 0 and seps[i].strip() == "," and self._proper_place_end(i - 1):
            return True
        if i > 1 and folded[i - 1] in ("and", "or") and self._proper_place_end(i - 2):
            return True
        k = i - 1
        if k >= 0 and folded[k] in _NOT_A_CUE_GAP and seps[i] == " ":
            k -= 1
        if (
            k >= 0
            and seps[k + 1] == " "
            and not self.w.caps[k]
            and folded[k] in self.rules.locative_cues
        ):
            return True
        nxt = i + 1
        return nxt < len(seps) and seps[nxt].strip() == "," and nxt in self.place_starts

    def _not_a_name_part(self, first: int, last: int) -> bool:
        """False when the name is part of a person's or an organisation's name."""
        w, rules = self.w, self.rules
        caps, folded, seps, joined = w.caps, w.folded, w.seps, w.joined
        chain = []
        k = first
        while (
            k > 0
            and len(chain) < _CHAIN_WORDS
            and (caps[k - 1] or folded[k - 1] in rules.person_particles)
            and joined(k)
        ):
            k -= 1
            chain.append(k)
        arabic_name_before = (
            chain
            and not caps[chain[0]]
            and seps[first] in _HYPHENS
            and chain[0] > 0
            and seps[chain[0]] == " "
            and caps[chain[0] - 1]
        )
        while chain and not caps[chain[-1]]:
            k = chain.pop() + 1
        if k > 0 and seps[k] == " " and not caps[k - 1] and folded[k - 1] in rules.role_nouns:
            self._note_surname(last)  # after a lower-case role noun: "coach Ripley"
            return False
        if chain and any(folded[c] in rules.org_prefixes for c in chain):
            return False
        if k >= 2 and folded[k - 1] in _OF_THE and self._org_of(k):
            return False
        person_words = (rules.titles, rules.given_names, rules.role_nouns)
        if chain and any(folded[c] in words for c in chain for words in person_words):
            self._note_surname(last)
            return False
        hyphenated_article = (
            first > 0
            and seps[first] in _HYPHENS
            and not caps[first - 1]
            and folded[first - 1] in rules.person_particles
        )
        cited = (self._colon or seps[first] not in _PLAIN_SEPS) and self._cited_publisher(
            first, last
        )
        if arabic_name_before or hyphenated_article or cited:
            return False  # "Markaz al-Da'wa", "Jabhat al-Nusra"; "London: Hurst, 2015"
        capitalised = [c for c in chain if caps[c]] if chain else chain
        if capitalised and not self._known_before(capitalised[0]):
            return False
        if capitalised and first == last and folded[first] in rules.org_heads:
            return False  # the last word of "Services Bureau", "Deccan Herald"
        if self._ampersand and self._firm_partner(first - 1, first, self.place_ends):
            return False
        return self._known_after(first, last)

    def _firm_partner(self, other: int, k: int, places: set[int]) -> bool:
        """Whether word ``k`` is joined by "&" to a capitalised word ``other`` that is not a
        place ("Stevens & Wilkinson", a firm), unlike "Trinidad & Tobago"."""
        w = self.w
        if not 0 <= other < len(w.caps) or other in places or not w.caps[other]:
            return False
        return w.seps[max(other, k)].strip() == "&"

    def _cited_publisher(self, first: int, last: int) -> bool:
        """Whether the name is (part of) the publisher in a citation, "City: Publisher,
        Year" ("London: Hurst, 2015", "New York: Little, Brown, and Co., 2012"), or the
        periodical after a quoted title, "“Title,” Periodical, Month Year" ("Herald, March
        2016")."""
        w = self.w
        text, start, end = w.text, w.starts[first], w.ends[last]
        if first > 0 and _TITLE_BEFORE.search(w.seps[first]) and _ISSUE_AFTER.match(text, end):
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
        folded, seps = self.w.folded, self.w.seps
        if k >= 2 and folded[k - 1] == "the" and seps[k] == " ":
            k -= 1
        return (
            k >= 2
            and folded[k - 1] == "of"
            and seps[k] == " "
            and seps[k - 1] == " "
            and self.w.caps[k - 2]
            and folded[k - 2] in self.rules.org_prefixes
        )

    def _known_before(self, k: int) -> bool:
        """Whether the capitalised word right before a name may precede a place."""
        word, rules = self.w.folded[k], self.rules
        return (
            word in rules.place_words_before
            or word in rules.common
            or k in self.place_ends
            or k in self.demonym_words
        )

    def _known_after(self, first: int, last: int) -> bool:
        """False when the words after the name make it part of a longer name: an
        organisation's ("Punjab Police", "Ripley High School"), a person's ("Hafiz Saeed"),
        a brand ("Wal-Mart") or a document collection ("the Abbottabad files")."""
        w, rules = self.w, self.rules
        caps, folded, seps = w.caps, w.folded, w.seps
        nxt = last + 1
        if nxt >= len(caps):
            return True
        word, sep = folded[nxt], seps[nxt]
        if self._ampersand and self._firm_partner(nxt, last, self.place_starts):
            return False
        if (
            (sep == " " or sep == "-")
            and word in rules.person_particles
            and nxt + 1 < len(caps)
            and seps[nxt + 1] in _HYPHENS
            and caps[nxt + 1]
        ):
            return False  # "Ansar al-Islam", "Sitara-e-Imtiaz"
        if not caps[nxt]:
            if sep == " " and word in rules.collection_nouns:
                return False
            return not (
                first == last
                and folded[first] in rules.given_names
                and word in rules.person_cues
                and sep.strip() in ("", ",")
            )
        if sep == ". " or not w.joined(nxt):
            return True
        if sep != " ":  # "Pakistan-Afghanistan" but not "Wal-Mart"
            return nxt in self.place_starts and word not in rules.common
        k = nxt
        while k < len(caps) and k <= last + 3 and caps[k] and (k == nxt or seps[k] == " "):
            if folded[k] in rules.org_heads:
                return False
            k += 1
        return word in rules.may_follow_place or nxt in self.place_starts or w.allcaps(nxt)

    def _note_surname(self, last: int) -> None:
        """Remember the last word of a person's name, so that it alone is no place either."""
        nxt = last + 1
        w = self.w
        if nxt >= len(w.caps) or not (w.joined(nxt) and w.caps[nxt]):
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
        if nxt >= len(w.caps):
            return False
        if w.joined(nxt) and w.caps[nxt] and w.folded[nxt] in self.surnames:
            return True
        return (
            word not in cued
            and word not in self.rules.speaking_places
            and w.folded[nxt] in self.rules.person_cues
            and w.seps[nxt].strip() in ("", ",")
        )
