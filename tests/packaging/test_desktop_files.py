"""The desktop file, the AppStream metainfo and the icons: valid, present at every size, and naming one app id."""

from __future__ import annotations

import configparser
import re
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.packaging.support import APP_ID, ICON_SIZES, PACKAGING, ROOT, need_tool

DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
HICOLOR = PACKAGING / "icons" / "hicolor"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header (the IHDR chunk comes first), without an image library."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_desktop_file_validates() -> None:
    tool = need_tool("desktop-file-validate")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, timeout=60)
    # It exits 0 on warnings and hints too; a clean file says nothing at all.
    assert (result.returncode, result.stdout + result.stderr) == (0, ""), result


def test_metainfo_validates() -> None:
    tool = need_tool("appstreamcli")
    result = subprocess.run(
        [tool, "validate", "--no-net", "--no-color", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr  # errors and warnings fail; infos do not


def test_one_app_id_everywhere() -> None:
    """The desktop file's name, the metainfo id, its launchable and the name Qt gives the window must agree,
    or desktops show the window without its icon and software centres cannot launch the app."""
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert component.findtext("provides/binary") == "rutjournal"
    entry = desktop_entry()
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "rutjournal"
    app_source = (ROOT / "rutjournal" / "ui" / "app.py").read_text(encoding="utf-8")
    assert re.findall(r'setDesktopFileName\("([^"]+)"\)', app_source) == [APP_ID]
    assert (ROOT / "resources" / "icons" / f"{APP_ID}.svg").is_file()


def test_metainfo_release_is_this_version() -> None:
    from rutjournal import __version__

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    component = ET.parse(METAINFO).getroot()
    newest = component.find("releases/release")
    assert newest is not None and newest.get("version") == __version__ == project["version"]
    assert component.findtext("project_license") == project["license"]


def test_screenshots_exist_in_the_repository() -> None:
    """Each screenshot URL points at docs/screenshots in the repository; the file must be there."""
    component = ET.parse(METAINFO).getroot()
    shots = component.findall("screenshots/screenshot")
    assert shots
    for shot in shots:
        assert (shot.findtext("caption") or "").strip(), "every screenshot needs a caption"
        url = shot.findtext("image") or ""
        assert url.startswith("https://")
        name = url.rsplit("/docs/screenshots/", 1)[-1]
        assert (ROOT / "docs" / "screenshots" / name).is_file(), url


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_png_at_each_size(size: int) -> None:
    path = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert png_size(path) == (size, size)


def test_scalable_icon_is_the_app_icon() -> None:
    """packaging/make_icons.py copies it; an edit to one without the other would ship two different icons."""
    scalable = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == (ROOT / "resources" / "icons" / f"{APP_ID}.svg").read_bytes()
