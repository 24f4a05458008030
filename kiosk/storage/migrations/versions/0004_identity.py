"""Staff verifiers and lockouts for the offline staff key.

Revision ID: 0004_identity
Revises: 0001_catalogue
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_identity"
down_revision = "0001_catalogue"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_verifiers",
        sa.Column("staff_id", sa.String(length=64), nullable=False),
        sa.Column("card_hash", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("verifier", sa.Text(), nullable=False),
        sa.Column("synced_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("staff_id"),
        sa.UniqueConstraint("card_hash"),
    )
    op.create_table(
        "staff_lockouts",
        sa.Column("card_hash", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("lockouts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("card_hash"),
    )


def downgrade() -> None:
    op.drop_table("staff_lockouts")
    op.drop_table("staff_verifiers")
