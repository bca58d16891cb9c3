"""The roles the task names and the people recorded in them."""

from __future__ import annotations

from dataclasses import dataclass

from rolleudpeger.i18n import QT_TRANSLATE_NOOP, TranslatedEnum


class Role(TranslatedEnum):
    """The people the task names."""

    LEADER = QT_TRANSLATE_NOOP("Role", "projektleder")
    OWNER = QT_TRANSLATE_NOOP("Role", "projektejer")
    RESPONSIBLE = QT_TRANSLATE_NOOP("Role", "ansvarlig")
    PERFORMER = QT_TRANSLATE_NOOP("Role", "udfører")
    LIBRARY_DIRECTOR = QT_TRANSLATE_NOOP("Role", "bibliotekschef")
    COORDINATOR = QT_TRANSLATE_NOOP("Role", "ØiR-koordinator")


def purpose(role: Role, detail: str) -> str:
    """The field purpose (see `taskdef.PURPOSES`) of one detail of a role: "leader.email"."""
    return f"{role.name.lower()}.{detail}"


PERSON_DETAILS = ("first_name", "last_name", "email", "phone", "title", "full_name")


@dataclass(frozen=True)
class Person:
    """A person in one role; empty strings where nothing is recorded."""

    first_name: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""
    title: str = ""
    full_name: str = ""

    @property
    def name(self) -> str:
        if self.full_name:
            return self.full_name
        return " ".join(p for p in (self.first_name, self.last_name) if p)


def split_full_name(full: str) -> tuple[str, str]:
    """`Anne Marie Holm` → (`Anne Marie`, `Holm`): the last word is the last name."""
    parts = full.split()
    if len(parts) < 2:
        return full.strip(), ""
    return " ".join(parts[:-1]), parts[-1]
