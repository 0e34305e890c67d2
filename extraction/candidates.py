"""Group-like names that are not in the lexicon, surfaced for an analyst to review.

Three cues: a naming phrase ("a group called X", "a new outfit named X"), a claim of
allegiance or responsibility ("X pledged allegiance", "X claimed responsibility"), and a
capitalised name built on an organisational word such as Lashkar, Jaish, Harakat, Tehrik,
Ansar, Brigade or Front (the words and the exceptions are reviewed data in
``data/candidates.yaml``). Names overlapping a lexicon mention are not candidates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from atlas.records import GroupCandidate, GroupMention
from extraction.folding import fold_name

DEFAULT_PATH = Path(__file__).parent / "data" / "candidates.yaml"

_TOKEN = r"(?:[A-Z][\w'\u2019-]*|\d{1,4}|(?:al|ul|ud|ut|el|e|i)-[\w'\u2019-]+)"
NAME = rf"{_TOKEN}(?:[ \t]+(?:(?:of|for|of[ \t]+the)[ \t]+)?{_TOKEN})*"
_CALLED = re.compile(
    r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:group|outfit|organi[sz]ation|faction|militia|network"
    r"|movement|cell|offshoot|affiliate|franchise|entity|front)\s+(?:called|named|known\s+as|dubbed"
    rf"|calling\s+itself)\s+[\"\u201c\u2018']?(?P<name>{NAME})"
)
_CLAIM = re.compile(
    rf"(?P<name>{NAME})[\"\u201d\u2019']?,?\s+(?:(?:has|had|have|formally|publicly|also|later|reportedly)\s+)*"
    r"(?P<cue>(?:pledged|pledges|swore|sworn|declared)\s+(?:allegiance|loyalty|bay['\u2019]?ah)"
    r"|claimed\s+responsibility)"
)
_NAMES = re.compile(NAME)
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


def load_cues(path: Path | str | None = None) -> CandidateCues:
    """Read the reviewed cue lists (default: the shipped ``candidates.yaml``)."""
    data = yaml.safe_load(Path(path or DEFAULT_PATH).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not data.get("source"):
        raise ValueError(f"{path or DEFAULT_PATH}: expected 'source', 'keywords' and 'exclude'")
    return CandidateCues(
        keywords=frozenset(str(k).lower() for k in data.get("keywords") or ()),
        exclude=frozenset(fold_name(str(x)).lower() for x in data.get("exclude") or ()),
    )


def find_candidates(
    text: str, groups: Sequence[GroupMention], cues: CandidateCues
) -> tuple[GroupCandidate, ...]:
    """Candidate group names in ``text`` that overlap none of the lexicon ``groups``."""
    found: dict[tuple[int, int], GroupCandidate] = {}
    for match in _CALLED.finditer(text):
        _add(found, text, match.start("name"), match.end("name"), "named", cues)
    for match in _CLAIM.finditer(text):
        _add(
            found,
            text,
            match.start("name"),
            match.end("name"),
            " ".join(match["cue"].split()),
            cues,
        )
    for match in _NAMES.finditer(text):
        start = _after_plain_head(match, cues.keywords)
        if _words(text[start : match.end()]) & cues.keywords:
            _add(found, text, start, match.end(), "organisational name", cues)
    taken = sorted((g.start, g.end) for g in groups)
    kept = [c for c in found.values() if not _overlaps(c, taken)]
    return tuple(sorted(kept, key=lambda c: c.start))


def _words(name: str) -> set[str]:
    return {w.lower() for w in re.split(r"[\s-]+", name)}


def _after_plain_head(match: re.Match[str], keywords: frozenset[str]) -> int:
    """Where the name starts once a head without any keyword is dropped ("Fighters of the …")."""
    connector = re.search(r"\s(?:of|for)(?:\s+the)?\s", match.group())
    if connector is None or _words(match.group()[: connector.start()]) & keywords:
        return match.start()
    return match.start() + connector.end()


def _add(found: dict, text: str, start: int, end: int, cue: str, cues: CandidateCues) -> None:
    start, end = _trim(text, start, end)
    if end <= start or (start, end) in found:
        return
    name = text[start:end]
    tokens = name.split()
    if len(tokens) < 2 and "-" not in name and cue == "organisational name":
        return  # a lone "Army" or "Front"
    if (
        fold_name(name).lower() in cues.exclude
        or any(t.isdigit() for t in tokens[:1])
        and len(tokens) == 1
    ):
        return
    found[(start, end)] = GroupCandidate(start=start, end=end, text=name, cue=cue)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop sentence-initial function words and stray numbers at the edges of a name."""
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    while len(words) > 1 and (
        text[words[0][0] : words[0][1]] in _LEADING
        or text[words[0][0] : words[0][1]].isdigit()
        and len(words) > 2
    ):
        words.pop(0)
    while len(words) > 2 and text[words[-1][0] : words[-1][1]].isdigit():
        words.pop()
    return (words[0][0], words[-1][1]) if words else (start, start)


def _overlaps(candidate: GroupCandidate, taken: list[tuple[int, int]]) -> bool:
    return any(candidate.start < e and s < candidate.end for s, e in taken)
