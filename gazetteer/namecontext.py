"""Person, organisation and list context for the toponym spotter: whether a gazetteer name
in a text is part of a longer name (a person's, an organisation's, a publication's) rather
than a place, and whether the words around it put it in the place role.

See ``gazetteer/data/not_places.yaml`` for the word lists and the policy behind them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from operator import itemgetter

from gazetteer.citations import cited_author, cited_publisher
from gazetteer.nonplaces import NonPlaceRules
from gazetteer.tokens import Words

PLACE, ORG, DEMONYM = 1, 2, 4
#: Flag of a one-word place name that the rules never take alone: a common word that is no
#: place abbreviation and no demonym ("police", "he"), set once in the spotter's name table
#: so that such matches are rejected without judging them.
NEVER_ALONE = 16
#: Flag of a one-word key that a word list of the rules names (common words, titles, given
#: names, place abbreviations): such a name is always judged in full.
LISTED = 32

_FIRST, _LAST = itemgetter(0), itemgetter(1)
_NOT_A_CUE_GAP = frozenset({"the"})
#: Separators that join the parts of a hyphenated word ("Khyber-Pakhtunkhwa").
HYPHENS = ("-", "‐", "‑")
_OF_THE = ("of", "the")
#: How many words before a name the person/organisation rules look at (bounded, so that a
#: long run of capitalised words costs linear time).
_CHAIN_WORDS = 5


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
        self._matches = matches
        places = [match for match in matches if match[2] & PLACE]
        self.place_starts = set(map(_FIRST, places))
        self.place_ends = set(map(_LAST, places))
        self.surnames: set[str] = set()
        self._ampersand = "&" in words.text

    @cached_property
    def long_place_ends(self) -> set[int]:
        """The last words of the gazetteer names of several words in the text."""
        return {last for first, last, flags in self._matches if flags & PLACE and first < last}

    @cached_property
    def long_place_starts(self) -> set[int]:
        """The first words of the gazetteer names of several words in the text."""
        return {first for first, last, flags in self._matches if flags & PLACE and first < last}

    @cached_property
    def demonym_words(self) -> set[int]:
        """The words of the text that are demonyms."""
        return {first for first, last, flags in self._matches if flags & DEMONYM and first == last}

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
        w, prev = self.w, first - 1
        if prev < 0 or not w.joined(first):
            return self._alone_ok(first, last)
        if not w.caps[prev] and w.folded[prev] not in self.rules.person_particles:
            return self._alone_ok(first, last)
        return self._chain_ok(first, last)

    def alone(self, i: int) -> bool:
        """Whether no name chain ends before word ``i`` (no capitalised word joined to it,
        no particle) and no role noun comes right before it: the name rules about it then
        reduce to ``_alone_ok`` and note no surname."""
        prev = i - 1
        if prev < 0:
            return True
        w = self.w
        if w.caps[prev] and w.joined(i):
            return False
        return w.folded[prev] not in self.rules.context_before

    def _alone_ok(self, first: int, last: int) -> bool:
        """``_chain_ok`` for a name the word before does not join (no name chain): only
        a role noun, "<Organisation> of", a citation, a firm or the words after count."""
        w, rules = self.w, self.rules
        folded, seps, prev = w.folded, w.seps, first - 1
        if prev >= 0:
            if seps[first] == " " and not w.caps[prev] and folded[prev] in rules.role_nouns:
                self._note_surname(last)  # after a lower-case role noun: "coach Ripley"
                return False
            if prev >= 1 and folded[prev] in _OF_THE and self._org_of(first):
                return False
        if cited_publisher(w, first, last, self.place_ends) or cited_author(w, first, last):
            return False
        if self._ampersand and self._firm_partner(prev, first, self.place_ends):
            return False
        return self._known_after(first, last)

    def _chain_ok(self, first: int, last: int) -> bool:
        """``_not_a_name_part`` by its definition: the capitalised words (and particles)
        joined before the name, then the words after it."""
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
            and seps[first] in HYPHENS
            and chain[0] > 0
            and seps[chain[0]] == " "
            and caps[chain[0] - 1]
        )
        while chain and not caps[chain[-1]]:
            k = chain.pop() + 1
        if k > 0 and seps[k] == " " and not caps[k - 1] and folded[k - 1] in rules.role_nouns:
            self._note_surname(last)  # after a lower-case role noun: "coach Ripley"
            return False
        before = [folded[c] for c in chain]
        if not rules.org_prefixes.isdisjoint(before):
            return False
        if not rules.nasab.isdisjoint(before):
            self._note_surname(last)  # "Bin Ladin"
            return False
        if k >= 2 and folded[k - 1] in _OF_THE and self._org_of(k):
            return False
        if not rules.person_words.isdisjoint(before):
            self._note_surname(last)
            return False
        hyphenated_article = (
            first > 0
            and seps[first] in HYPHENS
            and not caps[first - 1]
            and folded[first - 1] in rules.person_particles
        )
        if (
            arabic_name_before
            or hyphenated_article
            or cited_publisher(w, first, last, self.place_ends)
            or cited_author(w, first, last)
        ):
            return False  # "Markaz al-Da'wa", "Jabhat al-Nusra"; "London: Hurst, 2015"
        capitalised = [c for c in chain if caps[c]] if chain else chain
        if capitalised and not self._known_before(capitalised[0], several=first != last):
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

    def _known_before(self, k: int, several: bool = False) -> bool:
        """Whether the capitalised word right before a name may precede a place: a place
        word, a common word, a demonym, or a place hyphened to it ("the Pakistan-Syria
        nexus") or before a name of ``several`` words ("Maiduguri Borno State"); a place
        right before a one-word name is more often a person's first name ("Mangal Bagh")."""
        word, rules = self.w.folded[k], self.rules
        return (
            word in rules.place_words_before
            or word in rules.common
            or (k in self.place_ends and (several or self.w.seps[k + 1] != " "))
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
            first == last
            and folded[first] in rules.nasab
            and caps[nxt]
            and w.joined(nxt)
            and word not in rules.place_words_after
        ):
            return False  # "Bin" of "Bin Ladin"
        if (
            (sep == " " or sep == "-")
            and word in rules.person_particles
            and nxt + 1 < len(caps)
            and seps[nxt + 1] in HYPHENS
            and caps[nxt + 1]
        ):
            return False  # "Ansar al-Islam", "Sitara-e-Imtiaz"
        if not caps[nxt]:
            if sep == " " and word in rules.collection_nouns:
                return False
            if (
                first == last
                and folded[first] in rules.org_heads
                and sep == " "
                and word in ("for", "of")
                and nxt + 1 < len(caps)
                and caps[nxt + 1]
            ):
                return False  # "Centre for Research and Security Studies"
            return not (
                first == last
                and folded[first] in rules.given_names
                and word in rules.person_cues
                and sep.strip() in ("", ",")
            )
        if sep == ". " or not w.joined(nxt):
            return True
        if sep != " ":  # "Pakistan-Afghanistan" but not "Wal-Mart"
            if nxt not in self.place_starts or word in rules.common:
                return False
            # Nor the first of two places that begin a name ("China-Pakistan Economic Corridor").
            after = nxt + 1
            return not (after < len(caps) and seps[after] == " " and self._org_words(after, nxt + 3))
        if self._org_words(nxt, last + 3):
            return False
        # A place right after a one-word name makes a person's name of the two ("Mangal
        # Bagh"), unless it is a name of several words ("Decatur McLean County").
        followed = nxt in self.place_starts and (first < last or nxt in self.long_place_starts)
        return word in rules.may_follow_place or followed or w.allcaps(nxt)

    def _org_words(self, k: int, last: int) -> bool:
        """Whether an organisation word (``org_heads``) is among the capitalised words from
        ``k`` to ``last`` that continue the name ("Punjab Police", "Ripley High School")."""
        w, org_heads = self.w, self.rules.org_heads
        first = k
        while k < len(w.caps) and k <= last and w.caps[k] and (k == first or w.seps[k] == " "):
            if w.folded[k] in org_heads:
                return True
            k += 1
        return False

    def _note_surname(self, last: int) -> None:
        """Remember the last word of a person's name, so that it alone is no place either."""
        nxt = last + 1
        w = self.w
        if nxt >= len(w.caps) or not (w.joined(nxt) and w.caps[nxt]):
            self.surnames.add(w.folded[last])
