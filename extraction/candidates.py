"""Group-like names that are not in the lexicon, surfaced for an analyst to review.

Four cues: a naming phrase ("a group called X", "a new outfit named X"), a ban ("the
banned X"), a claim of allegiance or responsibility ("X pledged allegiance", "X claimed
responsibility"), and a
capitalised name built on an organisational word such as Lashkar, Jaish, Harakat, Tehrik,
Ansar, Brigade or Front (the words and the exceptions are reviewed data in
``data/candidates.yaml``). Names overlapping a lexicon mention are not candidates.
Each cue is found by a cheap anchor (the verb, the keyword) and checked around it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

import yaml

from atlas.records import GroupCandidate, GroupMention
from extraction.folding import fold_name
from gazetteer import fold
from gazetteer.cues import shipped_cues

DEFAULT_PATH = Path(__file__).parent / "data" / "candidates.yaml"

_TOKEN = r"(?:[A-Z][\w'\u2019-]*|\d{1,4}|(?:al|ul|ud|ut|el|e|i|wal|wa)-[\w'\u2019-]+)"
# Between two capitalised words: English connectors, and the Arabic and Urdu ones written
# apart ("Jamaat Tawhid wal Jihad", "Jaish al Adl", "Lashkar e Jhangvi").
NAME = (
    rf"{_TOKEN}(?:[ \t]+(?:(?:of|for|of[ \t]+the|wal|wa|al|ul|ud|ut|e|i)[ \t]+)?{_TOKEN})*"
)
_NAMES = re.compile(NAME)
# One pattern per fixed first word, because re scans far faster for a fixed start than for
# a choice of starts; the matches of different words cannot overlap, so merging them in
# text order gives what the alternation would find.
_CALLED = tuple(
    re.compile(rf"{words}\s+(?:the\s+)?[\"\u201c\u2018']?")
    for words in (r"call(?:ed|ing\s+itself)", "named", r"known\s+as", "dubbed")
)
# A ban names an organisation: "the banned Babbar Khalsa International", "the proscribed
# outfit Lashkar-e-Islam".
_BANNED = tuple(
    re.compile(
        rf"{word}\s+(?:(?:militant|terrorist|armed|separatist|extremist)\s+)?"
        r"(?:(?:outfit|group|organi[sz]ation)\s+)?"
    )
    for word in ("banned", "proscribed", "outlawed")
)
_CALLED_HEAD = re.compile(
    r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:group|outfit|organi[sz]ation|faction|militia|network"
    r"|movement|cell|offshoot|affiliate|franchise|entity|front)\s+$"
)
_CLAIM = tuple(
    re.compile(pattern)
    for pattern in (
        r"pledge[ds]\s+(?:allegiance|loyalty|bay['\u2019]?ah)",
        r"swor[en]\s+(?:allegiance|loyalty|bay['\u2019]?ah)",
        r"declared\s+(?:allegiance|loyalty|bay['\u2019]?ah)",
        r"claimed\s+responsibility",
    )
)
_CLAIM_HEAD = re.compile(
    rf"(?P<name>{NAME})[\"\u201d\u2019']?,?\s+"
    r"(?:(?:has|had|have|formally|publicly|also|later|reportedly)\s+)*$"
)
# Folded words (see ``extraction.folding``) one of which any match of the patterns above
# holds once separators are dropped: where none occurs, the scan can be skipped.
_CALLED_WORDS = frozenset({"called", "callingitself", "named", "knownas", "dubbed"})
_BANNED_WORDS = frozenset({"banned", "proscribed", "outlawed"})
_CLAIM_WORDS = frozenset(
    {f"{verb}{noun}" for verb in ("pledged", "pledges", "sworn", "swore", "declared")
     for noun in ("allegiance", "loyalty", "bayah")} | {"claimedresponsibility"}
)  # fmt: skip
_CONNECTOR = re.compile(r"\s(?:of|for)(?:\s+the)?\s")
_LEADING = frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "With",
        "Among",
        "Both",
        "And",
        "But",
        "When",
        "While",
        "After",
        "Before",
        "Since",
        "Its",
        "Their",
        "His",
        "Her",
        "Our",
        "Such",
        "Some",
        "Many",
        "Most",
        "Several",
        "Like",
        "Also",
        "However",
        "Meanwhile",
    ]
)


@dataclass(frozen=True, slots=True)
class CandidateCues:
    """The organisational keywords and the names excluded despite them."""

    keywords: frozenset[str]
    exclude: frozenset[str]
    anchor: re.Pattern[str]
    """Finds a capitalised keyword at the start of a word or of a hyphenated part."""
    demonyms: frozenset[str] = frozenset()
    """Nationality words ("Egyptian") in gazetteer folding: alone, a person, never a group."""
    anchor_words: frozenset[str] | None = None
    """The words ``anchor`` finds, folded (``fold_name``), when known: a text holding none
    of them needs no anchor scan."""


def load_cues(path: Path | str | None = None) -> CandidateCues:
    """Read the reviewed cue lists (default: the shipped ``candidates.yaml``)."""
    path = Path(path or DEFAULT_PATH)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not data.get("source") or not data.get("keywords"):
        raise ValueError(f"{path}: expected 'source', 'keywords' and 'exclude'")
    keywords = frozenset(str(k).lower() for k in data["keywords"])
    words = sorted({k[:1].upper() + k[1:] for k in keywords}, key=len, reverse=True)
    return CandidateCues(
        keywords=keywords,
        exclude=frozenset(fold_name(str(x)).lower() for x in data.get("exclude") or ()),
        anchor=re.compile("(?:" + "|".join(map(re.escape, words)) + r")(?![^\W\d_])"),
        demonyms=frozenset(shipped_cues().demonyms()),
        anchor_words=frozenset(map(fold_name, words)),
    )


def cue_words(cues: CandidateCues) -> frozenset[str]:
    """The folded words whose absence from a text rules out each of its scans, for
    ``GroupMatcher(lexicon, cue_words(cues))`` to look for in its own pass."""
    return _CALLED_WORDS | _BANNED_WORDS | _CLAIM_WORDS | (cues.anchor_words or frozenset())


def find_candidates(
    text: str,
    groups: Sequence[GroupMention],
    cues: CandidateCues,
    present: AbstractSet[str] | None = None,
) -> tuple[GroupCandidate, ...]:
    """Candidate group names in ``text`` that overlap none of the lexicon ``groups``.

    ``present``, when given, holds at least every word of ``cue_words(cues)`` that occurs
    in the folded text (``GroupMatcher.find_with_cues``); scans none of whose words occur
    are skipped.
    """
    found: dict[tuple[int, int], GroupCandidate] = {}
    for match in _in_order(_CALLED, text) if _may_occur(_CALLED_WORDS, present) else ():
        head = _CALLED_HEAD.search(text, max(0, match.start() - 80), match.start())
        name = _NAMES.match(text, match.end()) if head else None
        if name:
            _add(found, text, name.start(), name.end(), "named", cues)
    for match in _in_order(_BANNED, text) if _may_occur(_BANNED_WORDS, present) else ():
        name = _NAMES.match(text, match.end())
        if name and len(text[name.start() : name.end()].split()) > 1:
            _add(found, text, name.start(), name.end(), "banned", cues)
    for match in _claims(text) if _may_occur(_CLAIM_WORDS, present) else ():
        head = _CLAIM_HEAD.search(text, max(0, match.start() - 100), match.start())
        if head:
            cue = " ".join(match.group().split())
            _add(found, text, head.start("name"), head.end("name"), cue, cues)
    covered = 0  # keywords inside the name just found belong to it
    anchors = cues.anchor_words is None or _may_occur(cues.anchor_words, present)
    for match in cues.anchor.finditer(text) if anchors else ():
        if match.start() < covered or (match.start() > 0 and text[match.start() - 1].isalpha()):
            continue
        name = _name_around(text, match.start())
        if name is not None:
            covered = name[1]
            start = _after_plain_head(text, *name, cues.keywords)
            if _words(text[start : name[1]]) & cues.keywords:
                _add(found, text, start, name[1], "organisational name", cues)
    taken = sorted((g.start, g.end) for g in groups)
    kept = [c for c in found.values() if not _overlaps(c, taken)]
    return tuple(sorted(kept, key=lambda c: c.start))


def _may_occur(words: frozenset[str], present: AbstractSet[str] | None) -> bool:
    return present is None or not words.isdisjoint(present)


def _claims(text: str):
    """``_CLAIM`` matches, skipping the scan when none of its nouns occurs at all."""
    if any(text.find(noun) >= 0 for noun in ("allegiance", "responsibility", "loyalty", "bay")):
        yield from _in_order(_CLAIM, text)


def _in_order(patterns: tuple[re.Pattern[str], ...], text: str) -> list[re.Match[str]]:
    """The matches of all ``patterns`` (none overlapping another's) in text order."""
    found = [match for pattern in patterns for match in pattern.finditer(text)]
    return sorted(found, key=lambda match: match.start()) if len(found) > 1 else found


def _name_around(text: str, i: int) -> tuple[int, int] | None:
    """The capitalised name containing offset ``i``, searched from the line it is on."""
    floor = max(text.rfind("\n", max(0, i - 120), i) + 1, i - 120)
    for name in _NAMES.finditer(text, floor, min(len(text), i + 120)):
        if name.start() <= i < name.end():
            return name.start(), name.end()
        if name.start() > i:
            break
    return None


def _words(name: str) -> set[str]:
    return {w.lower() for w in re.split(r"[\s-]+", name)}


def _after_plain_head(text: str, start: int, end: int, keywords: frozenset[str]) -> int:
    """Where the name starts once a head without any keyword is dropped ("Fighters of the …")."""
    connector = _CONNECTOR.search(text, start, end)
    if connector is None or _words(text[start : connector.start()]) & keywords:
        return start
    return connector.end()


def _add(found: dict, text: str, start: int, end: int, cue: str, cues: CandidateCues) -> None:
    start, end = _trim(text, start, end)
    if end <= start or (start, end) in found:
        return
    name = text[start:end]
    tokens = name.split()
    if len(tokens) < 2 and "-" not in name and cue == "organisational name":
        return  # a lone "Army" or "Front"
    if fold_name(name).lower() in cues.exclude or (len(tokens) == 1 and tokens[0].isdigit()):
        return
    if len(tokens) == 1 and fold(name) in cues.demonyms:
        return  # "the Egyptian claimed responsibility": a person of that nationality
    found[(start, end)] = GroupCandidate(start=start, end=end, text=name, cue=cue)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop sentence-initial function words and stray numbers at the edges of a name."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[start:end])]
    words = [(s + start, e + start) for s, e in words]

    def word(i: int) -> str:
        return text[words[i][0] : words[i][1]]

    while len(words) > 1 and (word(0) in _LEADING or (word(0).isdigit() and len(words) > 2)):
        words.pop(0)
    while len(words) > 2 and word(-1).isdigit():
        words.pop()
    return (words[0][0], words[-1][1]) if words else (start, start)


def _overlaps(candidate: GroupCandidate, taken: list[tuple[int, int]]) -> bool:
    """Whether the candidate overlaps one of the sorted, non-overlapping ``taken`` spans."""
    i = bisect_left(taken, (candidate.end, candidate.end)) - 1
    return i >= 0 and taken[i][1] > candidate.start
