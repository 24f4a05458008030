"""Walk-in queue tickets.

Revision ID: 0003_queue
Revises: 0001_catalogue
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_queue"
down_revision = "0001_catalogue"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "queue_tickets",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("prefix", sa.String(length=2), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.String(length=64), nullable=False),
        sa.Column("issued_line_id", sa.String(length=64), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("called_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("first_called_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("room", sa.String(length=32), nullable=True),
        sa.Column("called_by", sa.String(length=64), nullable=True),
        sa.Column("recall_count", sa.Integer(), nullable=False),
        sa.Column("out_of_order_reason", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("day", "prefix", "number", name="uq_queue_ticket_number"),
    )
    op.create_index("ix_queue_tickets_waiting", "queue_tickets", ["status", "line_id"])


def downgrade() -> None:
    op.drop_index("ix_queue_tickets_waiting", table_name="queue_tickets")
    op.drop_table("queue_tickets")
