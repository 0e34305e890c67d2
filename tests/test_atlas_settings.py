from pathlib import Path

import pytest

from atlas.settings import Settings, load_settings


def test_defaults_are_offline_and_store_in_data_dir():
    settings = load_settings(environ={}, config=None)
    assert settings == Settings()
    assert settings.store == Path("data/atlas.gpkg")
    assert not settings.online_geocoding and not settings.online_tiles


def test_environment_overrides_config_file(tmp_path):
    config = tmp_path / "atlas.toml"
    config.write_text('[atlas]\ndata_dir = "/srv/atlas"\nmax_file_bytes = 2\nonline_tiles = true\n')
    settings = load_settings(environ={"ATLAS_MAX_FILE_MB": "3", "ATLAS_ONLINE_TILES": "off"},
                             config=config)
    assert settings.data_dir == Path("/srv/atlas")
    assert settings.store == Path("/srv/atlas/atlas.gpkg")
    assert settings.max_file_bytes == 3 * 1024 * 1024
    assert settings.online_tiles is False


def test_explicit_store_path_wins_over_data_dir():
    settings = load_settings(environ={"ATLAS_DATA_DIR": "x", "ATLAS_STORE": "y/s.gpkg"}, config=None)
    assert settings.store == Path("y/s.gpkg")
    assert settings.uploads_dir == Path("x/uploads")


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"ATLAS_ONLINE_GEOCODING": "maybe"}, "online_geocoding"),
        ({"ATLAS_MAX_PDF_PAGES": "many"}, "max_pdf_pages"),
        ({"ATLAS_SECONDS_PER_DOCUMENT": "0"}, "seconds_per_document"),
    ],
)
def test_bad_values_are_named(environ, message):
    with pytest.raises(ValueError, match=message):
        load_settings(environ=environ, config=None)


def test_unknown_key_in_config_is_an_error(tmp_path):
    config = tmp_path / "atlas.toml"
    config.write_text("[atlas]\nstore_pth = 'x'\n")
    with pytest.raises(ValueError, match="store_pth"):
        load_settings(environ={}, config=config)
