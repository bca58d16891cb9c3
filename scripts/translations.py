"""The interface's translations: Qt Linguist catalogues under resources/translations/.

    python scripts/translations.py update   # collect marked texts into the .ts files
    python scripts/translations.py build    # compile every .ts into a .qm next to it

Texts are written in Danish in the code and marked with `translate(context, text)` (see
rolleudpeger.i18n). `update` runs pyside6-lupdate over src/ and keeps every translation
already made; new texts come in as *unfinished* until a translator fills them in (with
Qt Linguist: `pyside6-linguist resources/translations/rolleudpeger_en.ts`). `build` runs
pyside6-lrelease; `make` does it before running, testing or packaging, so the compiled
.qm files are build products and not kept in git.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rolleudpeger import i18n

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "rolleudpeger"
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCE_LANGUAGE = i18n.LOCALES[i18n.SOURCE_LANGUAGE]
# Every language of the interface but the source language (rolleudpeger.i18n, the one list).
TARGET_LANGUAGES = {code: i18n.LOCALES[code] for code in i18n.translations()}


def catalogue(language: str) -> Path:
    return TRANSLATIONS / f"rolleudpeger_{language}.ts"


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "migrations" not in p.parts)


def tool(name: str) -> str:
    """PySide6's own lupdate/lrelease binary, from the Python environment running this."""
    import PySide6  # noqa: PLC0415 - only this script's commands need it

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.is_file():
            return str(candidate)
    raise SystemExit(f"{name} is not in {folder}; install PySide6-Essentials")


def update(ts: Path, language: str) -> list[str]:
    """The lupdate command that refreshes `ts` from the sources. Locations are left out
    so that moving code does not change the file; a text is found by its context."""
    return [
        tool("lupdate"),
        *map(str, source_files()),
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        language,
        "-locations",
        "none",
        "-no-obsolete",
        "-silent",
        "-ts",
        str(ts),
    ]


def build(ts: Path, qm: Path) -> list[str]:
    return [tool("lrelease"), "-silent", str(ts), "-qm", str(qm)]


def run(command: list[str]) -> None:
    import subprocess  # noqa: PLC0415

    subprocess.run(command, check=True)


def main(argv: list[str]) -> int:
    if argv[1:] == ["update"]:
        TRANSLATIONS.mkdir(parents=True, exist_ok=True)
        for code, language in TARGET_LANGUAGES.items():
            run(update(catalogue(code), language))
        return 0
    if argv[1:] == ["build"]:  # every catalogue, also qt_fixes_da.ts (Qt's own dialogs)
        for ts in sorted(TRANSLATIONS.glob("*.ts")):
            run(build(ts, ts.with_suffix(".qm")))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
