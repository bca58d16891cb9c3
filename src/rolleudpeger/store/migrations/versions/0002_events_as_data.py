"""Events as data: what happened (kind), a detail and the cause, instead of sentences.

0.1.0 wrote Danish sentences into old/new ("afventer: …", "Påbegyndt (begrundelse: …)",
"importeret fra …"). Each row is read with `domain.events.read_v1` — the one reading of
those sentences — and rewritten as data; nothing is dropped. The events an import brought
along (stored before its import event) are marked as done elsewhere.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from rolleudpeger.domain.events import Cause, EventKind, read_v1
from rolleudpeger.store.models import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The fields 0.1.0 used for what was not a field of the task; every other row set a field.
V1_SENTENCE_FIELDS = (
    "afventer",
    "klik_status",
    "questions",
    "question_answer",
    "mail_sent",
    "import",
)


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(
            sa.Column("kind", sa.String(40), nullable=False, server_default="field_set")
        )
        batch.add_column(sa.Column("detail", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("cause", sa.String(20), nullable=False, server_default="user"))
    events = sa.table(
        "events",
        sa.column("id", sa.Integer),
        sa.column("case_id", sa.Integer),
        sa.column("at", UTCDateTime),
        sa.column("kind", sa.String),
        sa.column("step", sa.String),
        sa.column("field", sa.String),
        sa.column("old", sa.Text),
        sa.column("new", sa.Text),
        sa.column("detail", sa.Text),
        sa.column("cause", sa.String),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(
            events.c.id,
            events.c.case_id,
            events.c.at,
            events.c.step,
            events.c.field,
            events.c.old,
            events.c.new,
        ).where(events.c.field.in_(V1_SENTENCE_FIELDS))
    ).all()
    imports: dict[int, int] = {}  # case → id of its (last) import event
    for row in rows:
        event = read_v1(row.at, row.step, row.field, row.old, row.new)
        if event.kind is EventKind.CASE_IMPORTED:
            imports[row.case_id] = max(row.id, imports.get(row.case_id, 0))
        connection.execute(
            events.update()
            .where(events.c.id == row.id)
            .values(
                kind=event.kind.value,
                field=event.field,
                old=event.old,
                new=event.new,
                detail=event.detail,
            )
        )
    # 0.1.0 stored an imported case's history and then its import event: what came before
    # the import was done on the other computer.
    for case_id, import_id in imports.items():
        connection.execute(
            events.update()
            .where(events.c.case_id == case_id, events.c.id < import_id)
            .values(cause=Cause.IMPORTED.value)
        )


def downgrade() -> None:
    raise NotImplementedError(
        "0.1.0 cannot read events stored as data; use the copy of the database that was "
        "put in backups/ before the upgrade."
    )
