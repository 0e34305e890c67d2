"""The compact on-disk place index and its loader.

An index is a directory of gzip-compressed files (compressed with a zero timestamp, so
rebuilds are byte-identical), written by ``write_index``:

* ``manifest.json``: format version, counts, input checksums;
* ``ids.txt``, ``names.txt``, ``countries.txt``, ``admin1.txt``: one line per place;
* ``lat.npy``, ``lon.npy`` (float64), ``population.npy`` (int64), ``ftype.npy`` (uint8,
  an index into ``FEATURE_TYPES``), ``capital.npy`` (bool, national capitals): one value
  per place;
* ``keys.txt``: the sorted folded names; ``offsets.npy`` (int32) delimits, for key *k*,
  the slice ``offsets[k]:offsets[k + 1]`` of ``postings.npy`` (place rows, int32) and
  ``kinds.npy`` (uint8: 0 for a place's own name, 1 for an alternate name, 2 for a name
  derived by the build, such as an admin name without its unit word); ``namesakes.npy``
  (uint8, aligned with the postings) holds the ``gazetteer.namesakes`` flags.

Loading reads these into numpy arrays and Python lists; ``Place`` objects are made on
demand, so loading stays well under a second for a quarter of a million places.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from gazetteer.namesakes import namesake_flags
from gazetteer.normalize import fold
from gazetteer.records import FEATURE_TYPES, Place

logger = logging.getLogger(__name__)

FORMAT_VERSION = 2
DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "index"
PRIMARY, ALTERNATE, DERIVED = 0, 1, 2


class IndexFormatError(RuntimeError):
    """The index directory is missing, incomplete or of another format version."""


@dataclass(frozen=True, slots=True)
class Hit:
    """A place row matched by a name, and whether the name is the place's own."""

    row: int
    kind: int


def write_index(
    out: Path,
    places: Sequence[Place],
    names: Sequence[Sequence[tuple[str, int]]],
    manifest: dict[str, object],
    capitals: frozenset[str] = frozenset(),
) -> None:
    """Write ``places`` and, per place, its (name, kind) pairs to the directory ``out``.

    Output depends only on the arguments: places keep their order, keys are sorted,
    postings are sorted by row, so rebuilding from the same inputs gives identical bytes.
    """
    out.mkdir(parents=True, exist_ok=True)
    postings: dict[str, dict[int, int]] = {}
    for row, pairs in enumerate(names):
        for name, kind in pairs:
            key = fold(name)
            if key:
                rows = postings.setdefault(key, {})
                rows[row] = min(kind, rows.get(row, kind))
    keys = sorted(postings)
    offsets = np.zeros(len(keys) + 1, dtype=np.int32)
    flat_rows: list[int] = []
    flat_kinds: list[int] = []
    for k, key in enumerate(keys):
        for row in sorted(postings[key]):
            flat_rows.append(row)
            flat_kinds.append(postings[key][row])
        offsets[k + 1] = len(flat_rows)
    flat_postings = np.array(flat_rows, dtype=np.int32)
    kind_array = np.array(flat_kinds, dtype=np.uint8)
    ftype = np.array([FEATURE_TYPES.index(p.feature_type) for p in places], dtype=np.uint8)
    countries = [p.country_code or "" for p in places]
    admin1 = [p.admin1 or "" for p in places]
    texts = {
        "ids.txt": [p.place_id for p in places],
        "names.txt": [p.name for p in places],
        "countries.txt": countries,
        "admin1.txt": admin1,
        "keys.txt": keys,
    }
    for filename, lines in texts.items():
        if any("\n" in line for line in lines):
            raise ValueError(f"{filename}: a value contains a newline")
        _write(out / f"{filename}.gz", "\n".join(lines).encode("utf-8"))
    population = np.array([p.population for p in places], dtype=np.int64)
    arrays = {
        "lat.npy": np.array([p.lat for p in places], dtype=np.float64),
        "lon.npy": np.array([p.lon for p in places], dtype=np.float64),
        "population.npy": population,
        "ftype.npy": ftype,
        "capital.npy": np.array([p.place_id in capitals for p in places], dtype=np.bool_),
        "offsets.npy": offsets,
        "postings.npy": flat_postings,
        "kinds.npy": kind_array,
        "namesakes.npy": namesake_flags(
            offsets, flat_postings, kind_array, ftype, countries, admin1, population
        ),
    }
    for filename, array in arrays.items():
        buffer = io.BytesIO()
        np.save(buffer, array, allow_pickle=False)
        _write(out / f"{filename}.gz", buffer.getvalue())
    full = {"format": FORMAT_VERSION, "places": len(places), "keys": len(keys), **manifest}
    (out / "manifest.json").write_text(
        json.dumps(full, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(gzip.compress(data, compresslevel=6, mtime=0))


def _read(path: Path) -> bytes:
    try:
        return gzip.decompress(path.read_bytes())
    except (OSError, EOFError) as err:
        raise IndexFormatError(f"{path}: unreadable ({err}); rebuild the index") from err


class Gazetteer:
    """A loaded place index: look places up by name or id."""

    def __init__(self, directory: Path) -> None:
        """Read the index in ``directory`` (use ``Gazetteer.load``)."""
        self.path = directory
        manifest = directory / "manifest.json"
        if not manifest.is_file():
            raise IndexFormatError(
                f"{directory}: no gazetteer index here (run `python -m gazetteer build`)"
            )
        self.manifest = json.loads(manifest.read_text(encoding="utf-8"))
        if self.manifest.get("format") != FORMAT_VERSION:
            raise IndexFormatError(
                f"{directory}: index format {self.manifest.get('format')}, expected {FORMAT_VERSION}"
            )

        def lines(name: str) -> list[str]:
            return _read(directory / f"{name}.gz").decode("utf-8").split("\n")

        def array(name: str) -> np.ndarray:
            return np.load(io.BytesIO(_read(directory / f"{name}.gz")), allow_pickle=False)

        self.ids = lines("ids.txt")
        self._names = lines("names.txt")
        self._countries = lines("countries.txt")
        self._admin1 = lines("admin1.txt")
        self.lat, self.lon = array("lat.npy"), array("lon.npy")
        self.population = array("population.npy")
        self.ftype = array("ftype.npy")
        self.capital = array("capital.npy")
        self._offsets = array("offsets.npy")
        self._postings = array("postings.npy").astype(np.int64)
        self._kinds = array("kinds.npy")
        self._namesakes = array("namesakes.npy")
        self._keys = lines("keys.txt")
        self._key_index = {key: k for k, key in enumerate(self._keys)}
        self._places: dict[int, Place] = {}
        self._country_rows: dict[str, int] | None = None
        if not (len(self.ids) == len(self.lat) == len(self._names) == self.manifest["places"]):
            raise IndexFormatError(f"{directory}: files disagree on the number of places")
        if len(self._namesakes) != len(self._postings):
            raise IndexFormatError(f"{directory}: files disagree on the number of postings")

    @classmethod
    def load(cls, path: Path | str | None = None) -> Gazetteer:
        """Load the index shipped in ``gazetteer/data/index`` or the one at ``path``."""
        directory = DEFAULT_PATH if path is None else Path(path)
        gazetteer = cls(directory)
        logger.info(
            "gazetteer: %d places, %d names from %s",
            len(gazetteer),
            len(gazetteer._keys),
            directory,
        )
        return gazetteer

    def __len__(self) -> int:
        return len(self.ids)

    def place(self, row: int) -> Place:
        """The place in ``row`` of the index."""
        place = self._places.get(row)
        if place is None:
            place = Place(
                place_id=self.ids[row],
                name=self._names[row],
                lat=float(self.lat[row]),
                lon=float(self.lon[row]),
                feature_type=FEATURE_TYPES[self.ftype[row]],
                country_code=self._countries[row] or None,
                admin1=self._admin1[row] or None,
                population=int(self.population[row]),
            )
            self._places[row] = place
        return place

    def lookup(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """Rows whose names fold to ``key`` (already folded) and the kinds of those names."""
        found = self.slice_of(key)
        return self._postings[found], self._kinds[found]

    def slice_of(self, key: str) -> slice:
        """Where the postings of ``key`` (already folded) lie in the arrays ``postings``
        returns (an empty slice for an unknown name)."""
        k = self._key_index.get(key)
        if k is None:
            return slice(0, 0)
        return slice(int(self._offsets[k]), int(self._offsets[k + 1]))

    def postings(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every name's place rows, name kinds and namesake flags, one after the other
        (see ``slice_of``): for computing per-posting values once, vectorised."""
        return self._postings, self._kinds, self._namesakes

    def hits(self, key: str) -> list[Hit]:
        """Rows whose names fold to ``key`` (already folded), as ``Hit`` records."""
        rows, kinds = self.lookup(key)
        return [Hit(r, k) for r, k in zip(rows.tolist(), kinds.tolist(), strict=True)]

    def candidates(self, name: str) -> list[Place]:
        """Places called ``name`` (any spelling that folds alike), most populous first."""
        rows = [hit.row for hit in self.hits(fold(name))]
        rows.sort(key=lambda r: (-int(self.population[r]), self.ids[r]))
        return [self.place(r) for r in rows]

    def row_of(self, place_id: str) -> int | None:
        """The row of ``place_id``, or None (rows are sorted by id: a binary search)."""
        row = bisect_left(self.ids, place_id)
        return row if row < len(self.ids) and self.ids[row] == place_id else None

    def country_of(self, row: int) -> str:
        """Country code of the place in ``row`` ("" when it has none)."""
        return self._countries[row]

    def admin1_of(self, row: int) -> str:
        """Admin-1 name of the place in ``row`` ("" when it has none)."""
        return self._admin1[row]

    def columns(self) -> tuple[list[str], list[str]]:
        """Country code and admin-1 name of every row ("" when none), for vectorising."""
        return self._countries, self._admin1

    def country_row(self, code: str) -> int | None:
        """The row of the country with ISO code ``code``, or None."""
        if self._country_rows is None:
            country = FEATURE_TYPES.index("country")
            self._country_rows = {
                self._countries[r]: r for r in np.flatnonzero(self.ftype == country).tolist()
            }
        return self._country_rows.get(code)

    def get(self, place_id: str) -> Place | None:
        """The place with id ``place_id`` (``gn:…`` or ``sup:…``), or None."""
        row = self.row_of(place_id)
        return None if row is None else self.place(row)

    def names(self) -> Iterator[str]:
        """Every folded name in the index (see ``gazetteer.normalize.fold``), in sorted
        order: what a spotter builds its automaton from."""
        return iter(self._keys)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and fold(name) in self._key_index
