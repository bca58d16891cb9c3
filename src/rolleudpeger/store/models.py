"""The database tables (SQLAlchemy 2 typed ORM). Times are stored as UTC."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out; SQLite itself keeps no time zone."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Base of every table."""


class CaseRow(Base):
    """One municipality's task."""

    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    current_step: Mapped[str] = mapped_column(String(100), default="")


class FieldValueRow(Base):
    """The current value of one field; a check box stores "1" and the time it was checked."""

    __tablename__ = "field_values"
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class WaitingRow(Base):
    """A step on hold, with a note."""

    __tablename__ = "waiting"
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    step: Mapped[str] = mapped_column(String(100), primary_key=True)
    note: Mapped[str] = mapped_column(Text, default="")
    since: Mapped[datetime] = mapped_column(UTCDateTime)


class StatusChangeRow(Base):
    """The KLIK status history; the newest row is the current status."""

    __tablename__ = "klik_status_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text, default="")


class QuestionRow(Base):
    """A question to KOMBIT and its answer."""

    __tablename__ = "questions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime)
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Dates the user states are "2026-11-27" ("" where none was stated): see domain/case.py.
    answered_on: Mapped[str] = mapped_column(String(10), default="")


class SentMailRow(Base):
    """A mail to KOMBIT marked as sent, with its exact text."""

    __tablename__ = "sent_mails"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recipient: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    sent_on: Mapped[str] = mapped_column(String(10), default="")


class RolePeriodRow(Base):
    """A former project leader or owner, and when they held the role."""

    __tablename__ = "role_periods"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(40))  # people.Role's name, lower case
    first_name: Mapped[str] = mapped_column(Text, default="")
    last_name: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    ended_at: Mapped[datetime] = mapped_column(UTCDateTime)
    started_on: Mapped[str] = mapped_column(String(10), default="")
    ended_on: Mapped[str] = mapped_column(String(10), default="")
    decided_by: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[str] = mapped_column(String(10), default="")
    klik_user_removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class TakeoverRow(Base):
    """How the current project leader or owner took over from a former one: from which
    day, and who decided it when."""

    __tablename__ = "takeovers"
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(40), primary_key=True)
    effective_on: Mapped[str] = mapped_column(String(10))
    decided_by: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[str] = mapped_column(String(10), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class EventRow(Base):
    """The append-only log as data (domain/events.py): what happened, where, from what to
    what, and its cause. The words are made when it is shown."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_case_id_id", "case_id", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(40))
    step: Mapped[str] = mapped_column(String(100))
    field: Mapped[str] = mapped_column(String(100), default="")
    old: Mapped[str] = mapped_column(Text, default="")
    new: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    cause: Mapped[str] = mapped_column(String(20))


class SettingRow(Base):
    """Small app settings kept with the data (window geometry, current case)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
