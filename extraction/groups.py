"""Find the lexicon's armed groups in a text.

Aliases match case-insensitively, acronyms case-sensitively, both on word boundaries of
the original text and after folding separators away (so "al-Qaeda", "al Qaeda" and
"Al-Qa'ida" are one name if the lexicon lists "al-Qaida"). Where names overlap the longest
wins: "Pakistani Taliban" is TTP even though "Taliban" alone is the Afghan Taliban.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from functools import cache

import ahocorasick

from atlas.records import GroupMention
from extraction.folding import Folded, fold, fold_name, lower_same_length
from extraction.lexicon import Group, Lexicon

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")
# The one character outside ASCII that lower-cases to an ASCII letter (K, the Kelvin sign).
_KELVIN = "\u212a"
# A parent group's branch named by its role: "the Islamic State's affiliate", "Daesh's
# regional branch". Nothing may follow the possessive but these few words.
_BRANCH = re.compile(
    r"(?:['\u2019\u00b4]s)\s+(?:(?:regional|local|formal|new|South\s+Asian)\s+)?"
    r"(?:affiliate|branch|province|chapter|franchise|wing|offshoot)\b"
)

_POSSESSIVE = re.compile(r"['\u2019\u00b4]s\s+")
# A parent's name with its branch's region after a dash: "Islamic State in Iraq and the
# Levant - Khorasan", the UN's name of ISIL-K.
_DASHED_BRANCH = re.compile(r" ?[-\u2013\u2014] ?(?P<name>[A-Z][a-z]+)\b")
# A parent's branch named by its region and role: "Daesh's Pakistan affiliate".
_NAMED_BRANCH = re.compile(
    r"['\u2019\u00b4]s\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+"
    r"(?:affiliate|branch|province|chapter|franchise|wing|offshoot)\b"
)


class GroupMatcher:
    """Aho-Corasick automata over the lexicon's aliases and acronyms.

    ``cue_words`` (folded, case kept) are looked for in the same pass as the acronyms, for
    later stages that can skip their own scans when none of their words occurs.
    """

    def __init__(self, lexicon: Lexicon, cue_words: Iterable[str] = ()) -> None:
        """Build the automata for ``lexicon`` (done once, then reused for every document)."""
        aliases = [(lower_same_length(fold_name(a)), g) for g in lexicon.groups for a in g.aliases]
        cased: dict[str, tuple[int, Group | None, str | None]] = {}
        for g in lexicon.groups:
            for acronym in g.acronyms:
                key = fold_name(acronym)
                cased[key] = (len(key), g, None)
        for word in cue_words:
            cased[word] = (len(word), cased.get(word, (0, None))[1], word)
        self._aliases = _automaton((key, (len(key), g)) for key, g in aliases)
        self._acronyms = _automaton(cased.items())
        self._parents = frozenset(g.parent for g in lexicon.groups if g.parent)
        self._named_branches = _named_branches(lexicon)
        self._ascii_keys = all(key.isascii() for key in [k for k, _ in aliases] + list(cased))

    def find(self, text: str) -> tuple[GroupMention, ...]:
        """Every group mention in ``text``, in text order, non-overlapping (longest first)."""
        return self.find_with_cues(text)[0]

    def find_with_cues(self, text: str) -> tuple[tuple[GroupMention, ...], frozenset[str]]:
        """``find``'s mentions, and the cue words that occur in ``text`` once separators are
        dropped (perhaps a few more, found once non-ASCII characters are dropped too): a cue
        word missing from them does not occur in the text."""
        folded = None
        if text.isascii():
            hits, cues = self._hits(*_ascii_folds(text.encode("ascii")))
        elif self._ascii_keys and _KELVIN not in text:
            # The text without its non-ASCII characters has every match of an ASCII key that
            # the folded text has (non-ASCII separators fall away in both; other characters
            # only block a match there), so a document without one is done cheaply.
            hits, cues = self._hits(*_ascii_folds(text.encode("ascii", "ignore")))
            if hits:
                folded = fold(text)
                hits, _ = self._hits(folded.lower, folded.text)
        else:
            folded = fold(text)
            hits, cues = self._hits(folded.lower, folded.text)
        return self._mentions(text, hits, folded), cues

    def _mentions(self, text: str, hits: list, folded: Folded | None) -> tuple[GroupMention, ...]:
        if not hits:
            return ()
        # Offsets back into the text (numpy) only for the few documents with a possible name.
        folded = folded or fold(text)
        found: list[tuple[int, int, Group]] = []
        for end, length, group, acronym in hits:
            start = folded.original(end - length + 1)
            stop = folded.original(end) + 1
            if not _on_word_boundaries(text, start, stop):
                continue
            if acronym and _shouted(text, start, stop):
                continue
            found.append((start, stop, group))
        return tuple(_mention(text, s, e, g) for s, e, g in self._branches(text, _longest(found)))

    def _hits(self, lower: str, cased: str) -> tuple[list[tuple[int, int, Group, bool]], frozenset]:
        """``(end, length, group, is_acronym)`` of every name in the folded haystacks, and the
        cue words found."""
        hits = []
        if self._aliases is not None:
            hits += [(end, n, group, False) for end, (n, group) in self._aliases.iter(lower)]
        cues: frozenset[str] = frozenset()
        if self._acronyms is not None:
            found = list(self._acronyms.iter(cased))
            hits += [(end, n, group, True) for end, (n, group, _) in found if group is not None]
            cues = frozenset(cue for _, (_, _, cue) in found if cue is not None)
        return hits, cues

    def _named_branch(self, parent: Group, name: str) -> Group | None:
        """The branch of ``parent`` a word of ``name`` names ("South Asian" -> AQIS)."""
        for word in name.lower().split():
            child = self._named_branches.get((parent.id, word))
            if child is not None:
                return child
        return None

    def _branches(self, text: str, found: list[tuple[int, int, Group]]):
        """ "The Islamic State's affiliate" is the branch of it named last before, if any;
        "the Islamic State's Khorasan chapter" is one mention of the branch, and so are
        "Daesh's Pakistan affiliate" and "ISIL - Khorasan" (the one branch whose names hold
        that word)."""
        last_child: dict[str, Group] = {}
        found = _possessed_branches(text, found)
        starts = [start for start, _, _ in found[1:]] + [len(text)] if found else []
        for (start, stop, group), following in zip(found, starts, strict=True):
            if group.id in self._parents:
                named = _NAMED_BRANCH.match(text, stop, following) or _DASHED_BRANCH.match(
                    text, stop, following
                )
                child = self._named_branch(group, named["name"]) if named else None
                if child is not None:  # "Daesh's Pakistan affiliate", "ISIL - Khorasan"
                    last_child[group.id] = child
                    yield start, named.end(), child
                    continue
                branch = _BRANCH.match(text, stop, following)
                child = last_child.get(group.id)
                if branch and child is not None:
                    yield start, branch.end(), child
                    continue
            if group.parent:
                last_child[group.parent] = group
            yield start, stop, group


def _ascii_folds(data: bytes) -> tuple[str, str]:
    """``fold(text).lower`` and ``.text`` of an ASCII text's bytes, by ``bytes.translate`` in C."""
    separators = _ascii_separators()
    return (
        data.translate(_ascii_lower(), separators).decode("ascii"),
        data.translate(None, separators).decode("ascii"),
    )


@cache
def _ascii_separators() -> bytes:
    """The ASCII characters ``fold`` deletes (whitespace, hyphen, apostrophe, backquote)."""
    return bytes(c for c in range(128) if not fold(chr(c)).text)


@cache
def _ascii_lower() -> bytes:
    """A ``bytes.translate`` table lower-casing ASCII letters, as ``str.lower`` does."""
    return bytes(range(256)).lower()


def _automaton(entries) -> ahocorasick.Automaton | None:
    automaton = ahocorasick.Automaton()
    for key, value in entries:
        if key:
            automaton.add_word(key, value)
    if len(automaton) == 0:
        return None
    automaton.make_automaton()
    return automaton


def _on_word_boundaries(text: str, start: int, stop: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[stop] if stop < len(text) else " "
    return not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_")


def _shouted(text: str, start: int, stop: int) -> bool:
    """An acronym inside all-capital text (a heading such as "THIS IS WAR") is not a name."""
    before = _WORD.findall(text[max(0, start - 40) : start])
    after = _WORD.findall(text[stop : stop + 40])
    if not before or not after:
        return False
    return all(len(w) > 1 and w.isupper() for w in (before[-1], after[0]))


def _longest(found: list[tuple[int, int, Group]]) -> list[tuple[int, int, Group]]:
    """Keep the longest of overlapping matches (earlier first on ties), in text order."""
    if not found:
        return []
    taken = bytearray(max(stop for _, stop, _ in found))
    chosen: list[tuple[int, int, Group]] = []
    for start, stop, group in sorted(found, key=lambda m: (m[0] - m[1], m[0])):
        if any(taken[start:stop]):
            continue
        taken[start:stop] = b"\x01" * (stop - start)
        chosen.append((start, stop, group))
    return sorted(chosen, key=lambda m: m[0])


def _named_branches(lexicon: Lexicon) -> dict[tuple[str, str], Group]:
    """(parent id, lower-cased word) -> the one branch of the parent whose names hold the
    word and whose parent's names do not ("pakistan" -> IS Pakistan Province)."""
    words: dict[tuple[str, str], set[str]] = {}
    by_id = {g.id: g for g in lexicon.groups}
    for group in lexicon.groups:
        parent = by_id.get(group.parent or "")
        if parent is None:
            continue
        own = {w.lower() for a in parent.aliases for w in re.split(r"[\s'-]+", a)}
        for alias in group.aliases:
            for word in re.split(r"[\s'-]+", alias):
                if word[:1].isupper() and word.lower() not in own:
                    words.setdefault((parent.id, word.lower()), set()).add(group.id)
    return {key: by_id[ids.pop()] for key, ids in words.items() if len(ids) == 1}


def _possessed_branches(
    text: str, found: list[tuple[int, int, Group]]
) -> list[tuple[int, int, Group]]:
    """Matches with a parent's possessive merged into the branch named right after it
    ("Daesh's Khorasan branch"): one mention of the branch, not one of each."""
    merged: list[tuple[int, int, Group]] = []
    for start, stop, group in found:
        if merged:
            first, end, parent = merged[-1]
            if group.parent == parent.id and _POSSESSIVE.fullmatch(text, end, start):
                merged[-1] = (first, stop, group)
                continue
        merged.append((start, stop, group))
    return merged


def _mention(text: str, start: int, stop: int, group: Group) -> GroupMention:
    return GroupMention(
        start=start,
        end=stop,
        text=text[start:stop],
        group_id=group.id,
        group=group.name,
        short=group.short,
        family=group.family_name,
    )
