"""The settings file: typed defaults, bad values fall back with a warning, writes are atomic."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from rutjournal.core.errors import InvalidInput
from rutjournal.core.paths import resolve_paths
from rutjournal.core.settings import Settings, change_setting, check_value, load_settings, save_settings


def test_no_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "settings.json") == Settings(backup_keep=14)


def test_a_change_is_stored_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    assert change_setting(path, "backup_keep", "30").backup_keep == 30
    assert load_settings(path).backup_keep == 30
    assert json.loads(path.read_text()) == {"backup_keep": 30}
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temporary file left


@pytest.mark.parametrize("bad", [0, 366, -1, "many", 7.5, True, None])
def test_out_of_range_values_are_refused(tmp_path: Path, bad: object) -> None:
    with pytest.raises(InvalidInput, match="from 1 to 365"):
        check_value("backup_keep", bad)
    with pytest.raises(InvalidInput):
        change_setting(tmp_path / "settings.json", "backup_keep", bad)
    assert not (tmp_path / "settings.json").exists()


def test_unknown_setting_is_refused() -> None:
    with pytest.raises(InvalidInput, match="backup_keep"):
        check_value("colour", 3)


@pytest.mark.parametrize("text", ['{"backup_keep": 0}', '{"backup_keep": "lots"}', "[1, 2]", "{not json"])
def test_bad_values_on_disk_fall_back_with_a_warning(tmp_path: Path, text: str, caplog) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "settings.json"
    path.write_text(text)
    with caplog.at_level(logging.WARNING):
        assert load_settings(path) == Settings()
    assert any(str(path) in r.getMessage() for r in caplog.records)


def test_unknown_keys_are_ignored_and_good_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"backup_keep": 5, "theme": "dark"}')
    assert load_settings(path).backup_keep == 5
    save_settings(path, Settings(backup_keep=6))
    assert load_settings(path).backup_keep == 6


def test_the_settings_file_lives_in_the_config_folder(data_dir: Path) -> None:
    paths = resolve_paths(data_dir)
    assert paths.settings_file == paths.config_dir / "settings.json"


def test_every_kind_of_setting_is_checked_and_a_bad_one_on_disk_falls_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert change_setting(path, "theme", "Dark").theme == "dark"
    assert change_setting(path, "reminder_time", " 17:30 ").reminder_time == "17:30"
    assert change_setting(path, "live_in_tray", "yes").live_in_tray is True
    assert change_setting(path, "trend_window_days", "365").trend_window_days == 365
    assert json.loads(path.read_text()) == {
        "live_in_tray": True,
        "reminder_time": "17:30",
        "theme": "dark",
        "trend_window_days": 365,
    }
    for name, bad in (
        ("theme", "purple"),
        ("reminder_time", "25:00"),
        ("reminder_time", "5pm"),
        ("live_in_tray", 2),
        ("trend_window_days", 45),
        ("week_start", "friday"),
    ):
        with pytest.raises(InvalidInput, match=name):
            check_value(name, bad)
    path.write_text(json.dumps({"theme": "purple", "reminder_time": "08:15", "week_start": 3}))
    assert load_settings(path) == Settings(reminder_time="08:15")


def test_a_data_folder_chosen_in_settings_is_used_unless_overridden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RUTJOURNAL_DATA_DIR")
    default = resolve_paths().data_dir
    change_setting(resolve_paths().settings_file, "data_dir", str(tmp_path / "moved"))
    assert resolve_paths().data_dir == tmp_path / "moved"
    assert resolve_paths(tmp_path / "given").data_dir == tmp_path / "given"
    monkeypatch.setenv("RUTJOURNAL_DATA_DIR", str(tmp_path / "env"))
    assert resolve_paths().data_dir == tmp_path / "env"
    change_setting(resolve_paths().settings_file, "data_dir", "")
    monkeypatch.delenv("RUTJOURNAL_DATA_DIR")
    assert resolve_paths().data_dir == default
