"""Can Qt open a window here? Run by `make run` before it starts the app.

On a Linux desktop, Qt draws through its xcb (X11) or wayland platform plug-in. PySide6's
wheel carries Qt itself, but those plug-ins need system libraries that a fresh Debian or
Ubuntu install may lack (libxcb-cursor0 and friends); Qt then aborts with a long message
about plug-ins. This asks the dynamic linker (`ldd`) what the plug-in would miss and, if
anything, prints the one command that installs it, and exits 1 so that make stops there.

    python scripts/qt_check.py        # exit 0: Qt can open a window (or this is not Linux)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# Library → package, for the libraries Qt's xcb and wayland plug-ins link to.
DEBIAN = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
FEDORA = {
    "libxcb-cursor.so.0": "xcb-util-cursor",
    "libxcb-icccm.so.4": "xcb-util-wm",
    "libxcb-image.so.0": "xcb-util-image",
    "libxcb-keysyms.so.1": "xcb-util-keysyms",
    "libxcb-render-util.so.0": "xcb-util-renderutil",
    "libxcb-util.so.1": "xcb-util",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11",
    "libxkbcommon.so.0": "libxkbcommon",
    "libwayland-cursor.so.0": "libwayland-cursor",
    "libwayland-client.so.0": "libwayland-client",
    "libwayland-egl.so.1": "libwayland-egl",
}
_NOT_FOUND = re.compile(r"^\s*(\S+) => not found", re.MULTILINE)


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries `ldd` could not find, each once, in its order."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def install_command(missing: list[str], os_release: Mapping[str, str]) -> str | None:
    """The command that installs `missing` on this distribution (None if unknown)."""
    family = {os_release.get("ID", ""), *os_release.get("ID_LIKE", "").split()}
    if family & {"debian", "ubuntu"}:
        return "sudo apt-get install " + " ".join(DEBIAN.get(m, m) for m in missing)
    if family & {"fedora", "rhel", "centos"}:
        return "sudo dnf install " + " ".join(FEDORA.get(m, m) for m in missing)
    return None


def read_os_release(path: Path = Path("/etc/os-release")) -> dict[str, str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    pairs = (line.split("=", 1) for line in lines if "=" in line)
    return {k: v.strip().strip('"') for k, v in pairs}


def wanted_platforms(env: Mapping[str, str]) -> list[str] | None:
    """The plug-ins Qt would try, in order; [] when no check is needed; None: no display."""
    chosen = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0]
    if chosen:
        return [chosen] if chosen in ("xcb", "wayland") else []
    if env.get("WAYLAND_DISPLAY"):
        return ["wayland", "xcb"]  # Qt falls back to X11 (XWayland)
    if env.get("DISPLAY"):
        return ["xcb"]
    return None


def plugin_libraries(platform: str) -> list[Path]:
    """The plug-in and Qt's own library for it, in PySide6's wheel."""
    from PySide6.QtCore import QLibraryInfo  # noqa: PLC0415 - only after the platform check

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    libs = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))
    qpa = {"xcb": "libQt6XcbQpa.so.6", "wayland": "libQt6WaylandClient.so.6"}[platform]
    return [p for p in (plugins / "platforms" / f"libq{platform}.so", libs / qpa) if p.exists()]


def check(env: Mapping[str, str]) -> tuple[bool, str]:
    platforms = wanted_platforms(env)
    if platforms is None:
        return False, (
            "There is no display here (DISPLAY and WAYLAND_DISPLAY are not set). Start "
            "`make run` in a desktop session, or with QT_QPA_PLATFORM=offscreen to start "
            "without showing a window."
        )
    ldd = shutil.which("ldd")
    if not platforms or ldd is None:
        return True, ""
    lacking: dict[str, list[str]] = {}
    for platform in platforms:
        output = "".join(
            subprocess.run([ldd, str(lib)], capture_output=True, text=True, check=False).stdout
            for lib in plugin_libraries(platform)
        )
        lacking[platform] = missing_libraries(output)
        if not lacking[platform]:
            return True, ""  # Qt takes the first plug-in that loads
    missing = list(dict.fromkeys(m for names in lacking.values() for m in names))
    command = install_command(missing, read_os_release())
    plugins = " and ".join(platforms) + (
        " plug-ins need" if len(platforms) > 1 else " plug-in needs"
    )
    lines = [
        f"Qt cannot open a window here: its {plugins} system libraries that are not "
        f"installed: {', '.join(missing)}.",
        f"Install them with:\n\n    {command}\n" if command else "Install them, then try again.",
    ]
    return False, "\n".join(lines)


def main() -> int:
    if not sys.platform.startswith("linux"):
        return 0
    ok, message = check(os.environ)
    if not ok:
        print(message, file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
