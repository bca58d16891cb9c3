"""The first schema: cases, field values, waiting steps, KLIK status, questions, mails, events.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

from rolleudpeger.store.models import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _case_fk() -> sa.Column[int]:
    return sa.Column(
        "case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("task_id", sa.String(100), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("current_step", sa.String(100), nullable=False),
    )
    op.create_index("ix_cases_updated_at", "cases", ["updated_at"])
    op.create_table(
        "field_values",
        sa.Column(
            "case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("changed_at", UTCDateTime, nullable=False),
    )
    op.create_table(
        "waiting",
        sa.Column(
            "case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("step", sa.String(100), primary_key=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("since", UTCDateTime, nullable=False),
    )
    op.create_table(
        "klik_status_changes",
        sa.Column("id", sa.Integer, primary_key=True),
        _case_fk(),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_klik_status_changes_case_id", "klik_status_changes", ["case_id"])
    op.create_table(
        "questions",
        sa.Column("id", sa.Integer, primary_key=True),
        _case_fk(),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("asked_at", UTCDateTime, nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("answered_at", UTCDateTime, nullable=True),
    )
    op.create_index("ix_questions_case_id", "questions", ["case_id"])
    op.create_table(
        "sent_mails",
        sa.Column("id", sa.Integer, primary_key=True),
        _case_fk(),
        sa.Column("sent_at", UTCDateTime, nullable=False),
        sa.Column("recipient", sa.String(320), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("withdrawn_at", UTCDateTime, nullable=True),
    )
    op.create_index("ix_sent_mails_case_id", "sent_mails", ["case_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        _case_fk(),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("step", sa.String(100), nullable=False),
        sa.Column("field", sa.String(100), nullable=False),
        sa.Column("old", sa.Text, nullable=False),
        sa.Column("new", sa.Text, nullable=False),
    )
    op.create_index("ix_events_case_id_id", "events", ["case_id", "id"])
    op.create_table(
        "settings",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "settings",
        "events",
        "sent_mails",
        "questions",
        "klik_status_changes",
        "waiting",
        "field_values",
        "cases",
    ):
        op.drop_table(table)
