"""The reviewed word lists the toponym spotter uses to tell place names from the same words
used as common words, people's names, titles and organisation names.

The data lives in ``gazetteer/data/not_places.yaml`` (hand-reviewed, a source for every
section) and ``gazetteer/data/common_words.yaml`` (generated from a dictionary and a word
frequency list, with its method in the file).  Everything is folded with the same function
as the gazetteer's names, so look-ups here are on folded words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
NOT_PLACES = DATA_DIR / "not_places.yaml"
COMMON_WORDS = DATA_DIR / "common_words.yaml"


@dataclass(frozen=True)
class NonPlaceRules:
    """Folded word sets, one per rule of the spotter (see not_places.yaml for each one's source)."""

    never_alone: frozenset[str]
    """Common words that are never a one-word place ("of", "police", "man")."""
    needs_cue: frozenset[str]
    """Common words that are a one-word place only after a locative cue ("in Reading")."""
    not_initial: frozenset[str]
    """Less common words that are a one-word place unless they start a sentence ("Bath")."""
    role_nouns: frozenset[str]
    titles: frozenset[str]
    given_names: frozenset[str]
    person_cues: frozenset[str]
    speaking_places: frozenset[str]
    """Countries and capitals that "say" things in news English (never taken for speakers)."""
    organisations: tuple[str, ...]
    """Surface names of organisations and publications (matched as folded phrases)."""
    org_prefixes: frozenset[str]
    org_heads: frozenset[str]
    collection_nouns: frozenset[str]
    place_words_after: frozenset[str]
    place_words_before: frozenset[str]
    feature_heads: frozenset[str]
    """Generic feature words heading a longer name ("Lake Chad"): no one-word place then."""
    locative_cues: frozenset[str]
    particles: frozenset[str]
    person_particles: frozenset[str]
    nasab: frozenset[str]
    """Arabic "son of"/"daughter of" ("Bin Ladin"): before a capitalised word, a person's name."""
    abbreviations: frozenset[str]
    """All-capital place abbreviations, case-sensitive surfaces without dots ("FATA", "US")."""
    demonyms: Mapping[str, str]
    """Folded demonym -> the place name it stands for."""

    @cached_property
    def common(self) -> frozenset[str]:
        """The common English words of all three tiers."""
        return self.never_alone | self.needs_cue | self.not_initial

    @cached_property
    def person_words(self) -> frozenset[str]:
        """Titles, given names and role nouns: words that make the name after them a
        person's (one set, so the spotter asks once)."""
        return self.titles | self.given_names | self.role_nouns

    @cached_property
    def context_before(self) -> frozenset[str]:
        """Lower-case words before a name that may make it part of a person's name:
        particles and role nouns (one set, so the spotter asks once)."""
        return self.person_particles | self.role_nouns

    @cached_property
    def may_follow_place(self) -> frozenset[str]:
        """Capitalised words that may follow a place name without making it part of a
        longer name: place words, common words, titles, role nouns, given names, name
        particles and demonyms (one set, so the spotter asks once)."""
        return (
            self.place_words_after
            | self.common
            | self.titles
            | self.role_nouns
            | self.given_names
            | self.particles
            | frozenset(self.demonyms)
        )


def _words(section: dict, key: str, fold: Callable[[str], str]) -> frozenset[str]:
    return frozenset(fold(str(w)) for w in section[key] if fold(str(w)))


def _read_yaml(path: Path) -> dict:
    """A YAML file read with libyaml's safe loader when PyYAML has it (ten times faster)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def load_rules(
    fold: Callable[[str], str],
    not_places: Path = NOT_PLACES,
    common_words: Path = COMMON_WORDS,
) -> NonPlaceRules:
    """Read both YAML files and fold every entry with ``fold``."""
    data = _read_yaml(not_places)
    common = _read_yaml(common_words)
    rules = NonPlaceRules(
        never_alone=_words(common["never_alone"], "words", fold)
        | _words(data["capitalised_common"], "words", fold),
        needs_cue=_words(common["needs_cue"], "words", fold),
        not_initial=_words(common["not_initial"], "words", fold),
        role_nouns=_words(data["role_nouns"], "words", fold),
        titles=_words(data["titles"], "words", fold),
        given_names=_words(data["given_names"], "names", fold),
        person_cues=_words(data["person_cues"], "words", fold),
        speaking_places=_words(data["speaking_places"], "words", fold),
        organisations=tuple(str(entry["name"]) for entry in data["organisations"]["names"]),
        org_prefixes=_words(data["org_prefixes"], "words", fold),
        org_heads=_words(data["org_heads"], "words", fold),
        collection_nouns=_words(data["collection_nouns"], "words", fold),
        place_words_after=_words(data["place_words"], "after", fold),
        place_words_before=_words(data["place_words"], "before", fold),
        feature_heads=_words(data["place_words"], "heads", fold),
        locative_cues=_words(data["locative_cues"], "words", fold),
        particles=_words(data["name_particles"], "words", fold),
        person_particles=_words(data["person_particles"], "words", fold),
        nasab=_words(data["nasab_particles"], "words", fold),
        abbreviations=frozenset(
            str(w).replace(".", "") for w in data["place_abbreviations"]["words"]
        ),
        demonyms={fold(str(k)): str(v) for k, v in data["demonyms"]["map"].items()},
    )
    log.debug(
        "spotter rules: %d common words, %d given names",
        len(rules.never_alone) + len(rules.needs_cue) + len(rules.not_initial),
        len(rules.given_names),
    )
    return rules


@lru_cache(maxsize=4)
def shipped_rules(fold: Callable[[str], str]) -> NonPlaceRules:
    """The shipped rules, read once per process and folding function."""
    return load_rules(fold)
