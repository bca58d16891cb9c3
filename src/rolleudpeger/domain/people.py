"""The roles the task names and the people recorded in them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import NewType

from rolleudpeger.i18n import QT_TRANSLATE_NOOP, TranslatedEnum


class Role(TranslatedEnum):
    """The people the task names."""

    LEADER = QT_TRANSLATE_NOOP("Role", "projektleder")
    OWNER = QT_TRANSLATE_NOOP("Role", "projektejer")
    RESPONSIBLE = QT_TRANSLATE_NOOP("Role", "ansvarlig")
    PERFORMER = QT_TRANSLATE_NOOP("Role", "udfører")
    LIBRARY_DIRECTOR = QT_TRANSLATE_NOOP("Role", "bibliotekschef")
    COORDINATOR = QT_TRANSLATE_NOOP("Role", "ØiR-koordinator")

    @property
    def key(self) -> str:
        """How a role is written in data (purposes, rows, case files, events): "leader"."""
        return self.name.lower()

    @classmethod
    def from_key(cls, key: str) -> Role | None:
        """The role written as `key` ("leader"), or None when there is none."""
        return next((r for r in cls if r.key == key), None)


class Detail(StrEnum):
    """What a field records about a person in a role. The values are in task files."""

    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    EMAIL = "email"
    PHONE = "phone"
    TITLE = "title"
    FULL_NAME = "full_name"
    KLIK_USER = "klik_user"  # the check box: the person's KLIK user is created
    # The check box: the former holder's KLIK user (its rights) is taken away in KLIK; asked
    # for while a former holder exists.
    FORMER_KLIK_USER = "former_klik_user"
    CHANGE = "change"  # the button: someone new takes over the role


# A person purpose ("leader.email"), made only by `purpose()` from a Role and a Detail, so
# that a misspelt one cannot be written (mypy refuses a bare string where one is expected).
PersonPurpose = NewType("PersonPurpose", str)


def purpose(role: Role, detail: Detail) -> PersonPurpose:
    """The field purpose of one detail of a role: "leader.email"."""
    return PersonPurpose(f"{role.key}.{detail.value}")


# The details a Person holds (its fields have the same names).
PERSON_DETAILS = (
    Detail.FIRST_NAME,
    Detail.LAST_NAME,
    Detail.EMAIL,
    Detail.PHONE,
    Detail.TITLE,
    Detail.FULL_NAME,
)


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
