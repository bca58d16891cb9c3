"""A record of facts: the dates the user states beside the times the app registered — when
KOMBIT answered a question, when a mail was really sent, the days a former leader or owner
held the role and the decision that appointed them, the removal of a former leader's KLIK
user — and the new holder's period from a change (`takeovers`).

Rows from 0.2.0 get no stated dates: "" (shown as "ikke angivet", beside the registered
time), never a date made up from when a box was ticked.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

from rolleudpeger.store.models import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NONE = sa.text("''")  # old rows: nothing stated


def _date(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.String(10), nullable=False, server_default=NONE)


def upgrade() -> None:
    with op.batch_alter_table("questions") as t:
        t.add_column(_date("answered_on"))
    with op.batch_alter_table("sent_mails") as t:
        t.add_column(_date("sent_on"))
    with op.batch_alter_table("role_periods") as t:
        t.add_column(_date("started_on"))
        t.add_column(_date("ended_on"))
        t.add_column(sa.Column("decided_by", sa.Text, nullable=False, server_default=NONE))
        t.add_column(_date("decided_on"))
        t.add_column(sa.Column("klik_user_removed_at", UTCDateTime, nullable=True))
    op.create_table(
        "takeovers",
        sa.Column(
            "case_id",
            sa.Integer,
            sa.ForeignKey("cases.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("role", sa.String(40), primary_key=True),
        sa.Column("effective_on", sa.String(10), nullable=False),
        sa.Column("decided_by", sa.Text, nullable=False),
        sa.Column("decided_on", sa.String(10), nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("takeovers")
    with op.batch_alter_table("role_periods") as t:
        for name in ("klik_user_removed_at", "decided_on", "decided_by", "ended_on", "started_on"):
            t.drop_column(name)
    with op.batch_alter_table("sent_mails") as t:
        t.drop_column("sent_on")
    with op.batch_alter_table("questions") as t:
        t.drop_column("answered_on")
