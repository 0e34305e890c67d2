"""Group colours and families for the map, from the reviewed group lexicon.

Groups found in the store but missing from the lexicon (an older store, another lexicon)
still get a stable colour from a fixed palette, so the map never fails on them.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from extraction.lexicon import LexiconError, load_lexicon

log = logging.getLogger(__name__)

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


def styles_for(events: pd.DataFrame, lexicon: dict[str, GroupStyle]) -> dict[str, GroupStyle]:
    """A style for every group present in ``events``: the lexicon's, else a palette colour."""
    styles: dict[str, GroupStyle] = {}
    if events.empty:
        return styles
    columns = ["group_id", "group", "group_short", "group_family"]
    for row in events[columns].drop_duplicates("group_id").itertuples(index=False):
        gid = str(row.group_id)
        known = lexicon.get(gid)
        styles[gid] = known or GroupStyle(
            group_id=gid,
            name=str(row.group),
            short=str(row.group_short or row.group),
            family=str(row.group_family or "Other"),
            colour=_fallback_colour(gid),
        )
    return dict(sorted(styles.items(), key=lambda kv: (kv[1].family, kv[1].name)))
