"""A library file the app wrote itself (its checksum matches) opens without re-validating
every song, into exactly the catalog the full validation builds; anything else is checked."""

from __future__ import annotations

import json

import pytest
from catalog_support import generated

from ostplayer.catalog import library_loading
from ostplayer.catalog.catalog_snapshot import SNAPSHOT_NAME
from ostplayer.catalog.library import Library
from ostplayer.domain.catalog_format import CatalogBuilder, CatalogFormatError, catalog_from_dict
from ostplayer.domain.catalog_trusted import TrustedCatalogBuilder
from ostplayer.paths import BUNDLED_CATALOG, resource_path


def _library_with_import(tmp_path):
    lib = Library(tmp_path, resource_path(BUNDLED_CATALOG))
    lib.import_catalog(catalog_from_dict(generated(600, 40, seed=5)))
    lib.close()


def test_a_file_the_app_wrote_opens_into_the_same_catalog_as_the_full_checks(tmp_path, monkeypatch):
    _library_with_import(tmp_path)
    used: list[str] = []
    real = library_loading.TrustedCatalogBuilder

    def spy():
        used.append("trusted")
        return real()

    monkeypatch.setattr(library_loading, "TrustedCatalogBuilder", spy)
    (tmp_path / SNAPSHOT_NAME).unlink()  # the JSON itself, not its fast copy
    fast = Library(tmp_path, resource_path(BUNDLED_CATALOG))
    fast.close()
    assert used == ["trusted"]
    monkeypatch.setattr(library_loading, "TrustedCatalogBuilder", CatalogBuilder)
    (tmp_path / SNAPSHOT_NAME).unlink()
    checked = Library(tmp_path, resource_path(BUNDLED_CATALOG))
    checked.close()
    assert fast.catalog == checked.catalog
    assert len(fast.catalog.songs) == 605 and not fast.notices


def test_a_hand_edited_file_is_checked_in_full_and_the_damage_said(tmp_path):
    _library_with_import(tmp_path)
    path = tmp_path / "library.json"
    text = path.read_text(encoding="utf-8")
    # Change a title in place: the checksum no longer matches, so nothing is trusted.
    path.write_text(text.replace('"title":"Start Over"', '"title":"Start Over!"', 1))
    reopened = Library(tmp_path, resource_path(BUNDLED_CATALOG))
    assert any("checksum" in n or "damaged" in n for n in reopened.notices)
    assert reopened.catalog.songs["start-over"].title == "Start Over"  # from the backup
    reopened.close()


def test_an_entry_not_shaped_as_the_app_writes_it_gets_the_full_checks_words() -> None:
    data = generated(20, 3, seed=2)
    builder = TrustedCatalogBuilder()
    for i, person in enumerate(data["people"]):
        builder.add_people(person, i)
    for i, drama in enumerate(data["dramas"]):
        builder.add_dramas(drama, i)
    song = dict(data["songs"][0], drama="no-such-drama")
    with pytest.raises(CatalogFormatError, match="unknown drama 'no-such-drama'"):
        builder.add_songs(song, 0)
    with pytest.raises(CatalogFormatError, match="field 'title'"):
        builder.add_songs(dict(data["songs"][1], title=7), 1)
    builder.add_songs(data["songs"][2], 2)
    with pytest.raises(CatalogFormatError, match="duplicate id"):
        builder.add_songs(json.loads(json.dumps(data["songs"][2])), 3)
