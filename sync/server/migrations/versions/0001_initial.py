"""The schema the backend had when it still made its tables with ``create_all`` (issue 13).

A database made by ``create_all`` (every deployment before migrations) is adopted here:
this revision creates only the tables and indexes it lacks (tables added in a later
version of the code, indexes created only with a new table) and Alembic then records
the revision, so such a database carries on with the next revisions like a new one.
sync/server/schema.py checks afterwards that an adopted database matches the models.

Revision ID: 0001_initial
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None

# The text field of a JSON payload, spelled as the models' ``ticket_id_of``/``day_of``
# compile it, so that the queries use these indexes.
_PAYLOAD_FIELD = {"sqlite": "json_extract(payload, '$.{}')", "postgresql": "(payload ->> '{}')"}


def upgrade() -> None:
    bind = op.get_bind()
    existing = set(sa.inspect(bind).get_table_names())

    def table(name, *columns, **kw) -> None:
        if name not in existing:
            op.create_table(name, *columns, **kw)

    def index(table_name, name, columns, unique=False) -> None:
        op.create_index(name, table_name, columns, unique=unique, if_not_exists=True)

    table('audit_events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('event', sa.String(length=32), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    table('booking_cancellations',
    sa.Column('booking_item_id', sa.String(length=36), nullable=False),
    sa.Column('cancel_item_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('booking_item_id')
    )
    table('booking_denials',
    sa.Column('item_id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('site_id', sa.String(length=64), nullable=False),
    sa.Column('slot_id', sa.String(length=64), nullable=False),
    sa.Column('service_id', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('item_id')
    )
    index('booking_denials', 'ix_booking_denials_site_id', ['site_id'])
    table('card_lockouts',
    sa.Column('card_hash', sa.String(length=64), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('lockouts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('card_hash')
    )
    table('item_rejections',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    table('oidc_providers',
    sa.Column('site_id', sa.String(length=64), nullable=False),
    sa.Column('issuer', sa.String(length=300), nullable=False),
    sa.Column('client_id', sa.String(length=200), nullable=False),
    sa.Column('scope', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('site_id')
    )
    table('participation_ballots',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('question_id', sa.String(length=64), nullable=False),
    sa.Column('ballot_key', sa.String(length=64), nullable=True),
    sa.Column('choices', sa.JSON(), nullable=False),
    sa.Column('why', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sqlite_with_rowid=False
    )
    index('participation_ballots', 'ix_participation_ballots_question_id', ['question_id'])
    index('participation_ballots', 'ux_participation_ballots_key', ['question_id', 'ballot_key'], unique=True)
    table('participation_batches',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('question_id', sa.String(length=64), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('voters', sa.Integer(), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    index('participation_batches', 'ix_participation_batches_question_id', ['question_id'])
    table('participation_idea_supports',
    sa.Column('idea_id', sa.String(length=36), nullable=False),
    sa.Column('pseudonym', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('idea_id', 'pseudonym')
    )
    table('participation_ideas',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('question_id', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=160), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=64), nullable=False),
    sa.Column('district', sa.String(length=64), nullable=False),
    sa.Column('language', sa.String(length=3), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('merged_into', sa.String(length=36), nullable=True),
    sa.Column('supports', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    index('participation_ideas', 'ix_participation_ideas_question_id', ['question_id'])
    table('participation_questions',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finalised_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    table('participation_receipts',
    sa.Column('item_id', sa.String(length=36), nullable=False),
    sa.Column('question_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('item_id')
    )
    table('participation_register',
    sa.Column('question_id', sa.String(length=64), nullable=False),
    sa.Column('pseudonym', sa.String(length=64), nullable=False),
    sa.Column('item_id', sa.String(length=36), nullable=False),
    sa.Column('cast_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('site_id', sa.String(length=64), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('question_id', 'pseudonym')
    )
    table('participation_secrets',
    sa.Column('question_id', sa.String(length=64), nullable=False),
    sa.Column('secret', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('question_id')
    )
    table('participation_site_districts',
    sa.Column('site_id', sa.String(length=64), nullable=False),
    sa.Column('district', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('site_id')
    )
    table('resident_cards',
    sa.Column('card_hash', sa.String(length=64), nullable=False),
    sa.Column('subject', sa.String(length=128), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('pin_verifier', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('card_hash'),
    sa.UniqueConstraint('subject')
    )
    table('sites',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('catalogue_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    table('booking_shares',
    sa.Column('site_id', sa.String(length=64), nullable=False),
    sa.Column('service_id', sa.String(length=64), nullable=False),
    sa.Column('places_per_slot', sa.Integer(), nullable=False),
    sa.Column('days_ahead', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], ),
    sa.PrimaryKeyConstraint('site_id', 'service_id')
    )
    table('catalogue_entries',
    sa.Column('site_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], ),
    sa.PrimaryKeyConstraint('site_id', 'kind', 'id')
    )
    index('catalogue_entries', 'ix_catalogue_entries_site_seq', ['site_id', 'seq'])
    table('devices',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('site_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('heartbeat', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    index('devices', 'ix_devices_site_id', ['site_id'])
    table('enrolment_codes',
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('site_id', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], ),
    sa.PrimaryKeyConstraint('code_hash')
    )
    table('slots',
    sa.Column('site_id', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('channel_id', sa.String(length=64), nullable=False),
    sa.Column('service_id', sa.String(length=64), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('booked', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], ),
    sa.PrimaryKeyConstraint('site_id', 'id')
    )
    table('staff_members',
    sa.Column('site_id', sa.String(length=64), nullable=False),
    sa.Column('staff_id', sa.String(length=64), nullable=False),
    sa.Column('card_hash', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('pin_verifier', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], ),
    sa.PrimaryKeyConstraint('site_id', 'staff_id'),
    sa.UniqueConstraint('site_id', 'card_hash', name='uq_staff_card_per_site')
    )
    table('enrolment_retries',
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('request_hash', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['code_hash'], ['enrolment_codes.code_hash'], ),
    sa.PrimaryKeyConstraint('code_hash')
    )
    table('items',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('site_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    index('items', 'ix_items_device_id', ['device_id'])
    index('items', 'ix_items_kind', ['kind'])
    index('items', 'ix_items_site_id', ['site_id'])
    table('slot_allotments',
    sa.Column('site_id', sa.String(length=64), nullable=False),
    sa.Column('slot_id', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('places', sa.Integer(), nullable=False),
    sa.Column('used', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], ),
    sa.PrimaryKeyConstraint('site_id', 'slot_id', 'device_id')
    )

    payload = _PAYLOAD_FIELD[bind.dialect.name]
    index('items', 'ix_items_queue_ticket_id', [sa.text(payload.format('ticket_id'))])
    index('items', 'ix_items_queue_day', ['site_id', 'kind', sa.text(payload.format('day'))])


def downgrade() -> None:
    # Children before the tables they refer to; a table takes its indexes with it.
    for name in ['slot_allotments',
                 'items',
                 'enrolment_retries',
                 'staff_members',
                 'slots',
                 'enrolment_codes',
                 'devices',
                 'catalogue_entries',
                 'booking_shares',
                 'sites',
                 'resident_cards',
                 'participation_site_districts',
                 'participation_secrets',
                 'participation_register',
                 'participation_receipts',
                 'participation_questions',
                 'participation_ideas',
                 'participation_idea_supports',
                 'participation_batches',
                 'participation_ballots',
                 'oidc_providers',
                 'item_rejections',
                 'card_lockouts',
                 'booking_denials',
                 'booking_cancellations',
                 'audit_events']:
        op.drop_table(name)
