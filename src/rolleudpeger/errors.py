"""Danish words for what the operating system says went wrong with a file."""

from __future__ import annotations

import errno

_DANISH = {
    errno.ENOSPC: "disken er fuld",
    errno.EACCES: "du har ikke adgang",
    errno.EPERM: "du har ikke adgang",
    errno.EROFS: "drevet er skrivebeskyttet",
    errno.ENOTDIR: "en fil står i vejen for mappen",
    errno.EISDIR: "der er en mappe med det navn",
    errno.ENOENT: "mappen findes ikke",
    errno.EEXIST: "den findes allerede",
    errno.ENAMETOOLONG: "navnet er for langt",
}


def describe_os_error(e: OSError) -> str:
    """A short Danish reason, e.g. `disken er fuld`; the system's own words as a fallback."""
    return _DANISH.get(e.errno or -1, e.strerror or str(e))
