"""The one settings object, loaded at entry points (CLI, dashboard, benches).

Values come from defaults, then an optional ``atlas.toml`` in the working directory,
then ``ATLAS_*`` environment variables, each overriding the one before.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

_MB = 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """Where data lives, safety limits, and the opt-in online features (all off by default)."""

    data_dir: Path = Path("data")
    store_path: Path | None = None
    """The GeoPackage event store; ``data_dir/atlas.gpkg`` when unset."""
    gazetteer_path: Path | None = None
    """A built gazetteer index; the one shipped in ``gazetteer/data`` when unset."""
    max_file_bytes: int = 64 * _MB
    max_pdf_pages: int = 500
    seconds_per_document: float = 120.0
    online_geocoding: bool = False
    """Ask Nominatim (through geopy) for names the local gazetteer lacks."""
    online_tiles: bool = False
    """Offer OpenStreetMap/OpenTopoMap tiles in the dashboard besides the local basemap."""
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def store(self) -> Path:
        """The event store's path."""
        return self.store_path if self.store_path is not None else self.data_dir / "atlas.gpkg"

    @property
    def uploads_dir(self) -> Path:
        """Where files uploaded through the dashboard are kept."""
        return self.data_dir / "uploads"

    @property
    def geocode_cache(self) -> Path:
        """On-disk cache of online geocoder answers."""
        return self.data_dir / "geocode-cache.sqlite"


_ENV = {
    "ATLAS_DATA_DIR": "data_dir",
    "ATLAS_STORE": "store_path",
    "ATLAS_GAZETTEER": "gazetteer_path",
    "ATLAS_MAX_FILE_MB": "max_file_bytes",
    "ATLAS_MAX_PDF_PAGES": "max_pdf_pages",
    "ATLAS_SECONDS_PER_DOCUMENT": "seconds_per_document",
    "ATLAS_ONLINE_GEOCODING": "online_geocoding",
    "ATLAS_ONLINE_TILES": "online_tiles",
}
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _coerce(name: str, value: object) -> object:
    """Turn a TOML or environment value into the field's type, or raise a clear error."""
    if name in {"data_dir", "store_path", "gazetteer_path"}:
        return Path(str(value)).expanduser()
    if name in {"online_geocoding", "online_tiles"}:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE | _FALSE:
            return text in _TRUE
        raise ValueError(f"{name}: expected true or false, got {value!r}")
    try:
        if name == "max_file_bytes":
            return int(float(value) * _MB) if not isinstance(value, int) else value
        if name == "max_pdf_pages":
            return int(str(value))
        if name == "seconds_per_document":
            return float(str(value))
    except ValueError as err:
        raise ValueError(f"{name}: expected a number, got {value!r}") from err
    return value


def load_settings(
    environ: Mapping[str, str] | None = None, config: Path | None = Path("atlas.toml")
) -> Settings:
    """Build the settings from ``config`` (if it exists) and ``environ`` (default: os.environ)."""
    environ = os.environ if environ is None else environ
    known = {f.name for f in fields(Settings)}
    values: dict[str, object] = {}
    if config is not None and config.is_file():
        with config.open("rb") as handle:
            table = tomllib.load(handle)
        for key, value in table.get("atlas", table).items():
            if key not in known:
                raise ValueError(f"{config}: unknown setting {key!r}")
            # In the TOML file sizes are given in MB, like the environment variable.
            values[key] = _coerce(key, float(value) if key == "max_file_bytes" else value)
    for env_name, name in _ENV.items():
        if env_name in environ:
            values[name] = _coerce(name, environ[env_name])
    settings = replace(Settings(), **values)
    if settings.max_file_bytes <= 0 or settings.max_pdf_pages <= 0:
        raise ValueError("size and page limits must be positive")
    if settings.seconds_per_document <= 0:
        raise ValueError("seconds_per_document must be positive")
    return settings
