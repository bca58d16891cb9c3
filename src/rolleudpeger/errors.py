"""Plain words for what the operating system says went wrong with a file."""

from __future__ import annotations

import errno

from rolleudpeger.i18n import QT_TRANSLATE_NOOP, translate

_REASONS = {
    errno.ENOSPC: QT_TRANSLATE_NOOP("OsError", "disken er fuld"),
    errno.EACCES: QT_TRANSLATE_NOOP("OsError", "du har ikke adgang"),
    errno.EPERM: QT_TRANSLATE_NOOP("OsError", "du har ikke adgang"),
    errno.EROFS: QT_TRANSLATE_NOOP("OsError", "drevet er skrivebeskyttet"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("OsError", "en fil står i vejen for mappen"),
    errno.EISDIR: QT_TRANSLATE_NOOP("OsError", "der er en mappe med det navn"),
    errno.ENOENT: QT_TRANSLATE_NOOP("OsError", "mappen findes ikke"),
    errno.EEXIST: QT_TRANSLATE_NOOP("OsError", "den findes allerede"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("OsError", "navnet er for langt"),
    errno.ELOOP: QT_TRANSLATE_NOOP(
        "OsError", "det er et link (en genvej) til et andet sted, og Rolleudpeger følger ikke links"
    ),
    errno.EBUSY: QT_TRANSLATE_NOOP(
        "OsError", "filen er åben i et andet program. Luk det program, og prøv igen"
    ),
    errno.EINVAL: QT_TRANSLATE_NOOP("OsError", "det er ikke en almindelig fil"),
    errno.EMLINK: QT_TRANSLATE_NOOP(
        "OsError",
        "filen har også et andet navn (et hårdt link), så et andet program kan skrive i den, "
        "og Rolleudpeger bruger den ikke. Kopiér filen i stedet for at linke den",
    ),
}
# Windows: sharing and lock violations (Acrobat, antivirus or OneDrive holds the file).
_WINDOWS_BUSY = (32, 33)


def describe_os_error(e: OSError) -> str:
    """A short reason, e.g. `disken er fuld`; the system's own words as a fallback."""
    code = errno.EBUSY if getattr(e, "winerror", None) in _WINDOWS_BUSY else e.errno
    reason = _REASONS.get(code or -1)
    return translate("OsError", reason) if reason else e.strerror or str(e)
