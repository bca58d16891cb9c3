"""The 98 Danish municipalities, read from the shipped list (never fetched)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from rolleudpeger.i18n import translate


@dataclass(frozen=True)
class Municipality:
    """A municipality: its 3-digit code, short name and official name."""

    code: str
    name: str
    official_name: str

    @property
    def label(self) -> str:
        """As shown in lists: `751 Aarhus`."""
        return f"{self.code} {self.name}"


class MunicipalityListError(Exception):
    """The shipped municipality list is missing or wrong."""


def load_municipalities(path: Path) -> tuple[Municipality, ...]:
    """Read `kode;navn;officielt_navn` rows, sorted by code."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise MunicipalityListError(
            translate("Municipalities", "Kommunelisten {path} kan ikke læses: {reason}.").format(
                path=path, reason=e.strerror
            )
        ) from None
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    result = []
    for n, row in enumerate(rows, start=2):
        code, name, official = (row.get(k) or "" for k in ("kode", "navn", "officielt_navn"))
        if not (len(code) == 3 and code.isdigit() and name and official):
            raise MunicipalityListError(
                translate(
                    "Municipalities", "Kommunelisten {path}, linje {line}, er ugyldig."
                ).format(path=path, line=n)
            )
        result.append(Municipality(code, name, official))
    return tuple(sorted(result, key=lambda m: m.code))
