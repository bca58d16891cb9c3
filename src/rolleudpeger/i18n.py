"""Translating the interface, in every layer, without Qt.

Every text a user reads is written in Danish and marked where it is used:

    translate("Validation", "Skriv en gyldig e-mailadresse.")

`pyside6-lupdate` collects these calls (and `QT_TRANSLATE_NOOP` for texts defined before
they are shown) into `resources/translations/*.ts`; `pyside6-lrelease` compiles them to
`.qm` catalogues that Qt loads. The UI installs `QCoreApplication.translate` as the
backend at start, so the domain and the store translate through Qt's catalogue while
importing nothing from Qt. Without a backend (the domain's own tests) texts stay Danish.

Placeholders are named, `{count}` rather than `{}`, so that a translation can move them.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

Backend = Callable[[str, str], str]

# The interface's languages: the one list. Each is named in itself, has the locale its
# dates and Qt's own dialogs follow, the separator of thousands in its numbers, and the note
# that it takes effect at the next start, said in that language (the one the user reads
# once it is chosen). A language added here needs its catalogue
# (resources/translations/rolleudpeger_<code>.ts) and its texts in the task file
# (`<key>_<code>`); nothing else in the code names a language.
LANGUAGES = {"da": "Dansk", "en": "English"}
LOCALES = {"da": "da_DK", "en": "en_GB"}
THOUSANDS = {"da": ".", "en": ","}
RESTART_NOTES = {
    "da": "Rolleudpeger er på dansk, næste gang du starter programmet.",
    "en": "Rolleudpeger will be in English the next time you start it.",
}
SOURCE_LANGUAGE = "da"  # the language the texts are written in (in the code, in task files)
# Where the language chosen in the menu is kept: the store's settings, under this key.
LANGUAGE_SETTING = "language"

_backend: Backend | None = None
_language = SOURCE_LANGUAGE


def translate(context: str, text: str) -> str:
    """`text` in the interface language (`text` itself when that is Danish)."""
    return text if _backend is None else _backend(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a text for the catalogue where it is defined; translate it where it is shown."""
    del context
    return text


def install(backend: Backend | None, language: str) -> None:
    global _backend, _language  # noqa: PLW0603 - one interface language per process
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _backend = backend
    _language = language


def language() -> str:
    return _language


def translations() -> list[str]:
    """The languages other than the source language: those with a catalogue and twins."""
    return [code for code in LANGUAGES if code != SOURCE_LANGUAGE]


def number(n: int) -> str:
    """A whole number as the interface language writes it: 10.000 (da), 10,000 (en)."""
    return f"{n:,}".replace(",", THOUSANDS.get(_language, "."))


class TranslatedEnum(StrEnum):
    """An enum whose values are Danish words shown to the user, each marked
    `QT_TRANSLATE_NOOP("<the class's name>", "…")`; `label` is the word to show."""

    @property
    def label(self) -> str:
        return translate(type(self).__name__, self.value)
