"""Rule-based toponym spotting: the spans of a text that name places in the gazetteer.

A look-up in one dictionary of folded names (with the word-prefixes of the multi-word ones,
so a look-up stops as soon as no name goes on) from each capitalised word finds every run of
whole words whose folded form is a gazetteer name; cheap rules over the neighbouring words then drop what is a common word, part of a person's
or an organisation's name, a demonym or an acronym, and the longest of overlapping names wins.
The word lists the rules use are reviewed data (``gazetteer/data/not_places.yaml`` and
``common_words.yaml``), read through :mod:`gazetteer.nonplaces`.

Words are maximal runs of letters and digits (or initialisms such as "U.S"), so a span never
starts or ends on punctuation and a possessive "'s" is never part of it ("Karachi's" gives
"Karachi"), unless a name goes on after it ("Cox's Bazar").
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from itertools import compress, repeat
from operator import itemgetter

from gazetteer.citations import bylines
from gazetteer.namecontext import DEMONYM, LISTED, NEVER_ALONE, ORG, PLACE
from gazetteer.nonplaces import NonPlaceRules, shipped_rules
from gazetteer.normalize import fold as gazetteer_fold
from gazetteer.spotrules import select_spans
from gazetteer.tokens import WORD, Words, cut

log = logging.getLogger(__name__)

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
#: A name that is already folded, ASCII, in words of letters and digits.
_FOLDED = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
#: A line of names, one a line, that is not a key already.
_UNFOLDED_LINE = re.compile(r"^(?![a-z0-9]+(?: [a-z0-9]+)*$).*$", re.MULTILINE)
#: Keys the spotter leaves out: one letter or digit, or only digits ("1", "22 17").
_NOT_A_KEY = re.compile(r"^(?:[0-9 ]+|[a-z0-9])$", re.MULTILINE)
#: A character no key has.
_NOT_KEY_CHARS = re.compile(r"[^a-z0-9 \n]+")
_FIRST_CHAR = itemgetter(slice(0, 1))
_ONE_CHARACTER_KEYS = tuple("abcdefghijklmnopqrstuvwxyz0123456789")
_HEAD = itemgetter(0)
_FOLD_CACHE_SIZE = 500_000
_DROPPED = re.compile(r"['’‘`´ʼʻ.]")
_KINDS = PLACE | ORG | DEMONYM
#: The flags a match carries.
_KEPT = _KINDS | NEVER_ALONE | LISTED
#: Flag of a folded run of words that begins a longer key ("dera ismail" of "dera ismail khan").
_PREFIX = 8


class Spotter:
    """Finds place names of a gazetteer in free English text.

    Build it once per process from the gazetteer's names (``Gazetteer.names()``, surface
    names or already folded keys); it keeps names written in Latin letters only, folded
    with ``fold`` (by default :func:`gazetteer.normalize.fold`, the gazetteer's own key
    function).  With
    ``demonyms=True`` it also returns demonyms ("Pakistani") as spans;
    :meth:`demonym_place` names the place each one stands for.
    """

    def __init__(
        self,
        names: Iterable[str],
        *,
        fold: Callable[[str], str] | None = None,
        rules: NonPlaceRules | None = None,
        demonyms: bool = False,
    ) -> None:
        self._fold = fold or gazetteer_fold
        self.rules = rules or shipped_rules(self._fold)
        self.demonyms = demonyms
        self._fold_cache: dict[str, str] = {}
        keys = self._place_keys(list(names))
        for name in self.rules.organisations:
            for key in self._keys(name):
                keys[key] = keys.get(key, 0) | ORG
        for key in self.rules.demonyms:
            keys[key] = keys.get(key, 0) | DEMONYM
        log.info("spotter built over %d folded names", len(keys))
        self._flag_listed(keys)
        _add_prefixes(keys)
        self._names = keys

    def _flag_listed(self, keys: dict[str, int]) -> None:
        """Flag ``LISTED`` the one-word keys a word list of the rules names, and
        ``NEVER_ALONE`` the place keys among them the rules always reject alone: a common
        word (``never_alone``) that no place abbreviation folds to ("us" of "US" is judged)
        and that is no demonym (judged by the demonym rule)."""
        rules = self.rules
        abbreviations = {self._fold_word(a) for a in rules.abbreviations}
        abbreviations.update(a.lower().replace("'", "") for a in rules.abbreviations)
        listed = rules.common | rules.titles | rules.given_names | rules.feature_heads | abbreviations
        for key in listed:
            value = keys.get(key)
            if value is None or " " in key:
                continue
            value |= LISTED
            never = key in rules.never_alone and key not in abbreviations
            if never and value & PLACE and not value & DEMONYM:
                value |= NEVER_ALONE
            keys[key] = value

    def _fold_word(self, word: str) -> str:
        folded = self._fold_cache.get(word)
        if folded is None:
            if len(self._fold_cache) >= _FOLD_CACHE_SIZE:
                self._fold_cache.clear()  # bounded: a long-lived process sees endless words
            folded = self._fold(word).replace(" ", "")
            self._fold_cache[word] = folded
        return folded

    def _place_keys(self, names: list[str]) -> dict[str, int]:
        """The keys of the gazetteer's names flagged ``PLACE``.  The names that are keys
        already (as ``Gazetteer.names()`` gives them) are taken as they are; the others are
        picked out by the characters no key has, all at once."""
        joined = "\n".join(names)
        if joined.count("\n") != len(names) - 1:  # a name with a line break
            return {key: PLACE for name in names for key in self._keys(name)}
        keys = dict.fromkeys(names, PLACE)
        odd_spacing = any(gap in joined for gap in ("  ", "\n ", " \n", "\n\n"))
        if odd_spacing or joined[:1] in ("", " ", "\n") or joined[-1:] in ("", " ", "\n"):
            unfolded = set(_UNFOLDED_LINE.findall(joined))
            not_keys = _NOT_A_KEY.findall(joined)
        else:  # lines with a character other than [a-z0-9 ]; one-letter or numeric keys
            unfolded = {_line(joined, m.start()) for m in _NOT_KEY_CHARS.finditer(joined)}
            not_keys = [
                *_ONE_CHARACTER_KEYS,
                *(
                    name
                    for name in compress(names, map(str.isdigit, map(_FIRST_CHAR, names)))
                    if _NOT_A_KEY.fullmatch(name)
                ),
            ]
        for name in (*unfolded, *not_keys):
            keys.pop(name, None)
        for name in unfolded:
            keys.update(dict.fromkeys(self._keys(name), PLACE))
        return keys

    def _keys(self, name: str) -> set[str]:
        """Folded keys of a name: word by word, and (for "Ma'arrat", "U.S.") with the
        apostrophes and dots dropped as the gazetteer's fold does."""
        if _FOLDED.fullmatch(name):  # already a key (``Gazetteer.names()`` gives keys)
            return {name} if len(name) > 1 and not name.replace(" ", "").isdigit() else set()
        words = [self._fold_word(w) for w in WORD.findall(name)]
        keys = {" ".join(w for w in words if w)}
        if _DROPPED.search(name):
            keys.add(self._fold(name))
        return {k for k in keys if len(k) > 1 and k.isascii() and not k.replace(" ", "").isdigit()}

    def _words(self, text: str) -> Words:
        return cut(text, self._fold_word)

    def _matches(self, words: Words) -> list[tuple[int, int, int]]:
        """Every gazetteer, organisation or demonym key in the text that starts with a
        capital letter, or with a name particle before a capitalised word ("al-Qaim", "of"
        alone is no name), as (first word, last word, flags): runs of whole words looked up
        from each such word while they are a key's start."""
        names, folded, caps = self._names, words.folded, words.caps
        particles = self.rules.particles
        count = len(folded)
        # Capitalisation first: it is local, while a look-up in the big dictionary is not;
        # a particle counts only before a capitalised word.  Both are list operations in C.
        capitals = list(compress(range(count), caps))
        heads = [
            k - 1 for k in capitals if k > 0 and folded[k - 1] in particles and not caps[k - 1]
        ]
        firsts = sorted(capitals + heads) if heads else capitals
        values = list(map(names.get, map(folded.__getitem__, firsts)))
        found = []
        append = found.append
        # Only the words that begin a key (every value is a non-zero int), picked out in C.
        for first, value in zip(compress(firsts, values), filter(None, values)):
            if not value & _PREFIX:  # most: a one-word key and no longer one from here
                if value & _KINDS and caps[first]:
                    append((first, first, value & _KEPT))
                continue
            if value & _KINDS and caps[first]:  # a particle alone is no name ("of")
                append((first, first, value & _KEPT))
            self._longer_keys(folded, first, folded[first], first + 1, found)
        if "'s " in words.text or "’s " in words.text:
            # Keys whose first word is a possessive ("Cox's Bazar", folded "coxs bazar"):
            # the word cut makes the "s" after the apostrophe a word of its own.
            for k in _possessive_s(words.text, words.starts, count):
                key = f"{folded[k - 1]}s"
                if caps[k - 1] and names.get(key, 0) & _PREFIX:
                    self._longer_keys(folded, k - 1, key, k + 1, found)
        return found

    def _longer_keys(
        self, folded: list[str], first: int, key: str, last: int, found: list[tuple[int, int, int]]
    ) -> None:
        """Append to ``found`` the keys that ``key`` (a key's start, words ``first``..
        ``last - 1``) goes on to with the words from ``last``, while they are a key's start."""
        names, count = self._names, len(folded)
        while last < count:
            key = f"{key} {folded[last]}"
            value = names.get(key)
            if value is None:
                break
            if value & _KINDS:
                found.append((first, last, value & _KEPT))
            if not value & _PREFIX:
                break
            last += 1

    def spot(self, text: str, exclude: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
        """Sorted, non-overlapping ``(start, end)`` spans of place names in ``text``.

        ``text[start:end]`` is the name as written.  Nothing is returned from inside an
        ``exclude`` span (e.g. an armed group's name such as "Tehrik-e-Taliban Pakistan"),
        nor from inside a web or e-mail address or a byline's names ("By Amina Bello").
        """
        words = self._words(text)
        if not words.starts:
            return []
        if "://" in text or "www." in text or "@" in text:
            exclude = [*exclude, *((m.start(), m.end()) for m in _URL.finditer(text))]
        if "By " in text:
            exclude = [*exclude, *bylines(text)]
        return select_spans(words, self._matches(words), self.rules, exclude, self.demonyms)

    def demonym_place(self, surface: str) -> str | None:
        """The place a demonym stands for ("Pakistani" -> "Pakistan"), or None."""
        return self.rules.demonyms.get(self._fold(surface))


def _possessive_s(text: str, starts: list[int], count: int) -> Iterable[int]:
    """Indexes of the words "s" of possessives ("Cox's"), found with ``str.find``: a text
    has a few among thousands of words."""
    for apostrophe in ("'s ", "’s "):
        at = text.find(apostrophe)
        while at >= 0:
            k = bisect_left(starts, at + 1)
            if 0 < k < count - 1 and starts[k] == at + 1:
                yield k
            at = text.find(apostrophe, at + 3)


def _line(text: str, at: int) -> str:
    """The line of ``text`` around offset ``at``."""
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1 : end if end >= 0 else len(text)]


def _add_prefixes(keys: dict[str, int]) -> None:
    """Add to ``keys`` every run of leading words of a multi-word key, flagged ``_PREFIX``,
    so that a look-up can stop at the first run of words no key begins with."""
    prefixes: set[str] = set()
    # A key's head is what precedes its last space ("" for one word), taken level by level
    # ("dera ismail khan" gives "dera ismail", which gives "dera") by C-level maps.
    level = set(map(_HEAD, map(str.rpartition, keys, repeat(" "))))
    while level:
        level.discard("")
        level -= prefixes
        prefixes |= level
        level = set(map(_HEAD, map(str.rpartition, level, repeat(" "))))
    get = keys.get
    for prefix in prefixes:  # cheaper than set intersection and difference with the dict
        keys[prefix] = get(prefix, 0) | _PREFIX
