"""Group colours and families for the map, from the reviewed group lexicon.

Groups found in the store but missing from the lexicon (an older store, another lexicon)
still get a stable colour from a fixed palette, so the map never fails on them.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from extraction.lexicon import LexiconError, load_lexicon

log = logging.getLogger(__name__)

_HEX = re.compile(r"#[0-9a-fA-F]{6}")
# Colour-blind-safe qualitative palette (Okabe-Ito plus Tableau 10 tones) for unknown groups.
_PALETTE = (
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#8c564b",
    "#7f7f7f", "#bcbd22", "#17becf", "#9467bd", "#e15759",
)


@dataclass(frozen=True, slots=True)
class GroupStyle:
    """How one group is drawn and where it sits in the layer control."""

    group_id: str
    name: str
    short: str
    family: str
    colour: str


def _fallback_colour(key: str) -> str:
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return _PALETTE[digest[0] % len(_PALETTE)]


def read_lexicon_styles(path: Path | None = None) -> dict[str, GroupStyle]:
    """Styles by group id from the group lexicon (empty, with a warning, when it cannot be read)."""
    try:
        lexicon = load_lexicon(path)
    except LexiconError as err:
        log.warning("%s; groups get palette colours", err)
        return {}
    return {
        g.id: GroupStyle(group_id=g.id, name=g.name, short=g.short or g.name,
                         family=g.family_name, colour=g.colour)
        for g in lexicon.groups
    }


def _or(value: object, default: str) -> str:
    """A store value as text, or ``default`` when it is missing (None, NA or empty)."""
    return default if value is None or pd.isna(value) or str(value) == "" else str(value)


def _checked(colour: str, key: str) -> str:
    """The colour if it is a plain #rrggbb value (it is written into SVG), else a palette one."""
    return colour if _HEX.fullmatch(colour or "") else _fallback_colour(key)


def styles_for(events: pd.DataFrame, lexicon: dict[str, GroupStyle]) -> dict[str, GroupStyle]:
    """A style for every group present in ``events``: the lexicon's, else the next palette colour."""
    styles: dict[str, GroupStyle] = {}
    if events.empty:
        return styles
    columns = ["group_id", "group", "group_short", "group_family"]
    rows = events[columns].drop_duplicates("group_id").sort_values("group_id")
    unknown = 0
    for row in rows.itertuples(index=False):
        gid = str(row.group_id)
        known = lexicon.get(gid)
        if known is not None:
            styles[gid] = GroupStyle(known.group_id, known.name, known.short, known.family,
                                     _checked(known.colour, gid))
            continue
        name = _or(row.group, gid)
        styles[gid] = GroupStyle(
            group_id=gid,
            name=name,
            short=_or(row.group_short, name),
            family=_or(row.group_family, "Other"),
            colour=_PALETTE[unknown % len(_PALETTE)],
        )
        unknown += 1
    return dict(sorted(styles.items(), key=lambda kv: (kv[1].family, kv[1].name)))
