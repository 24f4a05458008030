"""site bookings (issue 17): an index on a booking item's slot, for the site's bookings that every kiosk pulls at each sync

Revision ID: 0006_site_bookings
Revises: 0005_console_edit
"""
from alembic import op
import sqlalchemy as sa

revision = '0006_site_bookings'
down_revision = '0005_console_edit'
branch_labels = None
depends_on = None

# An expression index, written per dialect by hand as in 0001_initial (autogenerate cannot see
# expression indexes on SQLite).
_PAYLOAD_FIELD = {"sqlite": "json_extract(payload, '$.{}')", "postgresql": "(payload ->> '{}')"}


def upgrade() -> None:
    payload = _PAYLOAD_FIELD[op.get_bind().dialect.name]
    op.create_index('ix_items_booking_slot', 'items', ['site_id', 'kind', sa.text(payload.format('slot_id'))],
                    if_not_exists=True)


def downgrade() -> None:
    op.drop_index('ix_items_booking_slot', table_name='items')
