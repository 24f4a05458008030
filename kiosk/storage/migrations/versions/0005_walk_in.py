"""Nurses' ad-hoc walk-in appointments.

Revision ID: 0005_walk_in
Revises: 0003_queue
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_walk_in"
down_revision = "0003_queue"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "walk_in_appointments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=True),
        sa.Column("service_id", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.String(length=128), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=24), nullable=True),
        sa.Column("follow_up_item_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("walk_in_appointments")
