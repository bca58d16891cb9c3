"""Which binding (the widgets of one field, kept in step with the case) shows each field
kind: the UI side of a kind, as `domain/kinds.py` is its meaning. A new kind is one
binding class and one line here.

The bindings made of several widgets live in modules of their own, imported when a page
that has one is built — for most pages after the window's first paint (see
`rolleudpeger.startup`)."""

from __future__ import annotations

from rolleudpeger.domain.taskdef import FieldKind
from rolleudpeger.ui.widgets.fields import (
    CheckBinding,
    FieldBinding,
    KlikStatusBinding,
    MunicipalityBinding,
    OwnerFromDirectorBinding,
    TextBinding,
)


def binding_class(kind: FieldKind) -> type[FieldBinding]:
    match kind:
        case (
            FieldKind.NAME
            | FieldKind.TEXT
            | FieldKind.EMAIL
            | FieldKind.PHONE
            | FieldKind.NOTES
            | FieldKind.DATE
        ):
            return TextBinding
        case FieldKind.CHECK:
            return CheckBinding
        case FieldKind.MUNICIPALITY:
            return MunicipalityBinding
        case FieldKind.KLIK_STATUS:
            return KlikStatusBinding
        case FieldKind.OWNER_FROM_DIRECTOR:
            return OwnerFromDirectorBinding
        case FieldKind.QUESTIONS:
            from rolleudpeger.ui.widgets.questions import QuestionsBinding  # noqa: PLC0415 - late: startup.py

            return QuestionsBinding
        case FieldKind.MAIL:
            from rolleudpeger.ui.widgets.mail import MailBinding  # noqa: PLC0415 - late: startup.py

            return MailBinding
        case FieldKind.MISSING:
            from rolleudpeger.ui.widgets.completion import MissingBinding  # noqa: PLC0415 - late: startup.py

            return MissingBinding
        case FieldKind.REVIEW:
            from rolleudpeger.ui.widgets.completion import ReviewBinding  # noqa: PLC0415 - late: startup.py

            return ReviewBinding
        case FieldKind.ROLE_CHANGE:
            from rolleudpeger.ui.widgets.history import RoleChangeBinding  # noqa: PLC0415 - late: startup.py

            return RoleChangeBinding
        case FieldKind.ROLE_HISTORY:
            from rolleudpeger.ui.widgets.history import RoleHistoryBinding  # noqa: PLC0415 - late: startup.py

            return RoleHistoryBinding
        case FieldKind.MAIL_HISTORY:
            from rolleudpeger.ui.widgets.history import MailHistoryBinding  # noqa: PLC0415 - late: startup.py

            return MailHistoryBinding
        case FieldKind.DEADLINE_CALENDAR:
            from rolleudpeger.ui.widgets.history import DeadlineCalendarBinding  # noqa: PLC0415 - late: startup.py

            return DeadlineCalendarBinding
        case FieldKind.REPORT:
            from rolleudpeger.ui.widgets.completion import ReportBinding  # noqa: PLC0415 - late: startup.py

            return ReportBinding
