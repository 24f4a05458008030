"""One line of history again: the outbox, identity, queue/walk-in and booking branches
were written side by side and meet here.

Revision ID: 0007_merge
Revises: 0004_identity, 0005_walk_in, 0006_booking
"""

revision = "0007_merge"
down_revision = ("0004_identity", "0005_walk_in", "0006_booking")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
