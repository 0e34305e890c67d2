"""The reviewed group lexicon: armed groups, their families, names, aliases and colours.

``load_lexicon`` reads ``extraction/data/groups.yaml`` (or another file with the same
schema, see docs/architecture.md) and validates it into a frozen :class:`Lexicon`.
Every problem is reported as a :class:`LexiconError` naming the offending entry.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from extraction.folding import fold_name

log = logging.getLogger(__name__)

DEFAULT_PATH = Path(__file__).parent / "data" / "groups.yaml"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


class LexiconError(ValueError):
    """The lexicon file is missing, malformed, or one of its entries is invalid."""


@dataclass(frozen=True, slots=True)
class Family:
    """A family of groups (e.g. al-Qaeda and its regional branches)."""

    id: str
    name: str
    colour: str
    source: str


@dataclass(frozen=True, slots=True)
class Group:
    """One armed group with every name it is known by."""

    id: str
    name: str
    short: str
    family: str
    """Family id."""
    family_name: str
    """Family display name."""
    colour: str
    aliases: tuple[str, ...]
    """Matched case-insensitively on word boundaries (the canonical name is one of them)."""
    acronyms: tuple[str, ...]
    """Matched case-sensitively."""
    region: str
    source: str
    parent: str | None = None
    note: str | None = None
    founded: int | None = None
    """The first year the group was active under any of its names (None: not recorded);
    a year the text gives before it cannot date the group's activity."""
    founded_source: str | None = None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All families and groups, in file order."""

    families: tuple[Family, ...]
    groups: tuple[Group, ...]

    def group(self, group_id: str) -> Group:
        """The group with ``group_id``; ``KeyError`` if there is none."""
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    def founding_years(self) -> dict[str, int]:
        """Group id -> first year active, for the groups that record one."""
        return {g.id: g.founded for g in self.groups if g.founded is not None}


def load_lexicon(path: Path | str | None = None) -> Lexicon:
    """Read and validate the lexicon at ``path`` (default: the shipped ``groups.yaml``)."""
    path = Path(path) if path is not None else DEFAULT_PATH
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise LexiconError(f"{path}: cannot read the group lexicon ({err.strerror})") from err
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise LexiconError(f"{path}: not valid YAML: {err}") from err
    lexicon = parse_lexicon(data, origin=str(path))
    log.debug(
        "loaded %d groups in %d families from %s", len(lexicon.groups), len(lexicon.families), path
    )
    return lexicon


def parse_lexicon(data: object, origin: str = "<lexicon>") -> Lexicon:
    """Validate already-parsed YAML ``data`` into a :class:`Lexicon`."""
    if not isinstance(data, Mapping):
        raise LexiconError(f"{origin}: expected a mapping with 'families' and 'groups'")
    families = tuple(
        _family(entry, i, origin) for i, entry in enumerate(_list(data, "families", origin))
    )
    _unique((f.id for f in families), "family", origin)
    by_family = {f.id: f for f in families}
    groups = tuple(
        _group(entry, i, origin, by_family) for i, entry in enumerate(_list(data, "groups", origin))
    )
    _unique((g.id for g in groups), "group", origin)
    ids = {g.id for g in groups}
    for group in groups:
        if group.parent is not None and group.parent not in ids:
            raise LexiconError(
                f"{origin}: group {group.id!r}: parent {group.parent!r} is not a group"
            )
    _check_names(groups, origin)
    return Lexicon(families=families, groups=groups)


def _list(data: Mapping, key: str, origin: str) -> list:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        raise LexiconError(f"{origin}: '{key}' must be a non-empty list")
    return value


def _text(entry: Mapping, key: str, where: str, *, required: bool = True) -> str | None:
    value = entry.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(f"{where}: '{key}' must be a non-empty string, got {value!r}")
    return value.strip()


def _names(entry: Mapping, key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where}: '{key}' must be a list of non-empty strings")
    return tuple(dict.fromkeys(v.strip() for v in value))


def _colour(entry: Mapping, where: str) -> str:
    colour = _text(entry, "colour", where)
    if not _COLOUR.match(colour):
        raise LexiconError(f"{where}: colour {colour!r} is not of the form #rrggbb")
    return colour.lower()


def _where(entry: object, kind: str, index: int, origin: str) -> str:
    if not isinstance(entry, Mapping):
        raise LexiconError(f"{origin}: {kind} #{index + 1} is not a mapping")
    ident = entry.get("id")
    return f"{origin}: {kind} {ident!r}" if ident else f"{origin}: {kind} #{index + 1}"


def _ident(entry: Mapping, where: str) -> str:
    ident = _text(entry, "id", where)
    if not _ID.match(ident):
        raise LexiconError(f"{where}: id must be lower-case letters, digits, '-', '_' or '.'")
    return ident


def _family(entry: object, index: int, origin: str) -> Family:
    where = _where(entry, "family", index, origin)
    return Family(
        id=_ident(entry, where),
        name=_text(entry, "name", where),
        colour=_colour(entry, where),
        source=_text(entry, "source", where),
    )


def _group(entry: object, index: int, origin: str, families: Mapping[str, Family]) -> Group:
    where = _where(entry, "group", index, origin)
    family_id = _text(entry, "family", where)
    if family_id not in families:
        raise LexiconError(f"{where}: family {family_id!r} is not among the families")
    name = _text(entry, "name", where)
    return Group(
        id=_ident(entry, where),
        name=name,
        short=_text(entry, "short", where),
        family=family_id,
        family_name=families[family_id].name,
        colour=_colour(entry, where),
        aliases=tuple(dict.fromkeys((name, *_names(entry, "aliases", where)))),
        acronyms=_names(entry, "acronyms", where),
        region=_text(entry, "region", where),
        source=_text(entry, "source", where),
        parent=_text(entry, "parent", where, required=False),
        note=_text(entry, "note", where, required=False),
        founded=_founded(entry, where),
        founded_source=_text(entry, "founded_source", where, required="founded" in entry),
    )


def _founded(entry: Mapping, where: str) -> int | None:
    value = entry.get("founded")
    if value is None:
        if "founded_source" in entry:
            raise LexiconError(f"{where}: 'founded_source' without 'founded'")
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2100:
        raise LexiconError(f"{where}: 'founded' must be a year (1900-2100), got {value!r}")
    return value


def _unique(ids, kind: str, origin: str) -> None:
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            raise LexiconError(f"{origin}: {kind} id {ident!r} appears twice")
        seen.add(ident)


def _check_names(groups: tuple[Group, ...], origin: str) -> None:
    """The same alias or acronym (after folding, as the matcher sees it) may not name two groups."""
    owners: dict[tuple[bool, str], str] = {}
    for group in groups:
        keys = [(False, fold_name(a).lower()) for a in group.aliases]
        keys += [(True, fold_name(a)) for a in group.acronyms]
        for key in keys:
            if not key[1]:
                raise LexiconError(f"{origin}: group {group.id!r}: a name has no letters or digits")
            other = owners.setdefault(key, group.id)
            if other != group.id:
                raise LexiconError(
                    f"{origin}: group {group.id!r}: name {key[1]!r} already names group {other!r}"
                )
