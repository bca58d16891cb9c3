"""The interface language: which one, and loading its catalogues into Qt.

Chosen in this order: `--lang da|en`, then the choice made in the Sprog/Language menu
(stored with the case's settings), then the system's UI languages, then Danish. The texts
are written in Danish, so Danish needs only Qt's own translation (Ja/Nej, Annullér);
English needs our catalogue `rolleudpeger_en.qm` and nothing from Qt.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from rolleudpeger import i18n, logs
from rolleudpeger.resources import resource

TRANSLATIONS = "translations"
# Danish for the few texts of Qt's own dialogs that qtbase_da lacks (resources/translations).
QT_FIXES = f"qt_fixes_{i18n.SOURCE_LANGUAGE}"
CATALOGUE = "rolleudpeger_{language}"
_installed: list[QTranslator] = []


def system_language(ui_languages: Iterable[str] | None = None) -> str:
    """The first of our languages among the system's UI languages (`en-GB`, `da`, …);
    Danish when there is none of them (also for the C locale)."""
    if ui_languages is None:
        ui_languages = QLocale.system().uiLanguages()
    for tag in ui_languages:
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in i18n.LANGUAGES:
            return code
    return i18n.SOURCE_LANGUAGE


def choose_language(requested: str | None, saved: str | None) -> str:
    if requested in i18n.LANGUAGES:
        return requested
    if saved in i18n.LANGUAGES:
        return saved
    return system_language()


def catalogue_folder() -> str:
    return str(resource(TRANSLATIONS))


def install_language(language: str) -> bool:
    """Make `language` the interface language of this process (replacing any earlier
    choice). False when its catalogue is missing; the interface is then in Danish."""
    app = QCoreApplication.instance()
    assert app is not None, "install_language needs the application"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # (name, folder, must it be there?). Qt's own texts (buttons, file dialogs): qtbase
    # holds every text of the Qt modules the app uses (not qt_<code>: a meta catalogue that
    # also needs files of modules the bundle leaves out). Qt speaks English by itself, so
    # only the source language's qtbase is missed when absent; ours is always needed.
    source = language == i18n.SOURCE_LANGUAGE
    names = [(f"qtbase_{language}", qt_folder, source)]
    if source:
        names.append((QT_FIXES, catalogue_folder(), True))  # two labels Qt's Danish lacks
    else:
        names.append((CATALOGUE.format(language=language), catalogue_folder(), True))
    loaded = True
    for name, folder, needed in names:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
        elif needed:  # Qt's catalogue is a nicety (its buttons stay English); ours is not
            logs.log.warning("Sprogfilen %s.qm mangler i %s", name, folder)
            loaded = loaded and name.startswith("qtbase_")
    effective = language if loaded else i18n.SOURCE_LANGUAGE
    QLocale.setDefault(QLocale(i18n.LOCALES[effective]))
    i18n.install(QCoreApplication.translate, effective)
    return loaded
