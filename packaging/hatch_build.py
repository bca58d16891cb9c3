"""Wheel build hook: compile the interface translations (.ts → .qm) into the wheel.

The compiled catalogues are build products, not kept in git (see scripts/translations.py).
`make` builds them before running or testing; this hook does the same for a wheel built
straight from a clone, with PySide6 in the build environment (pyproject.toml asks for it).
If they still cannot be compiled, the build is refused rather than shipping an English
interface that silently falls back to Danish. An editable install reads resources/ from
the checkout, where `make` or the PyInstaller spec compiles them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TranslationsBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        stale = [
            ts
            for ts in sorted((root / "resources" / "translations").glob("*.ts"))
            if not ts.with_suffix(".qm").is_file()
            or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
        ]
        if not stale:
            return
        try:
            subprocess.run(
                [sys.executable, str(root / "scripts" / "translations.py"), "build"], check=True
            )
        except (OSError, subprocess.CalledProcessError, SystemExit) as e:
            names = ", ".join(ts.name for ts in stale)
            raise RuntimeError(
                f"cannot compile {names} ({e}); run `make` first, or build the wheel "
                "with --no-build-isolation from an environment that has PySide6"
            ) from e
