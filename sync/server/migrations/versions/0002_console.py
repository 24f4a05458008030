"""The city's console (issue 15): providers, sign-ins, sessions, the audit log.

These tables came with ``create_all`` for a while before migrations: a database that
has them already (adopted by 0001) keeps them, so each is created only when missing.

Revision ID: 0002_console
Revises: 0001_initial
"""
from alembic import op
import sqlalchemy as sa

revision = '0002_console'
down_revision = '0001_initial'
branch_labels = None
depends_on = None


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())

    def table(name, *columns, **kw) -> None:
        if name not in existing:
            op.create_table(name, *columns, **kw)

    table('console_audit',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('actor_name', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('target', sa.String(length=300), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_console_audit_actor', 'console_audit', ['actor'], if_not_exists=True)
    op.create_index('ix_console_audit_at', 'console_audit', ['at'], if_not_exists=True)

    table('console_logins',
    sa.Column('state_hash', sa.String(length=64), nullable=False),
    sa.Column('code_verifier', sa.String(length=128), nullable=False),
    sa.Column('nonce', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('state_hash')
    )
    table('console_provider',
    sa.Column('id', sa.String(length=16), nullable=False),
    sa.Column('issuer', sa.String(length=300), nullable=False),
    sa.Column('client_id', sa.String(length=200), nullable=False),
    sa.Column('client_secret', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    table('console_sessions',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('roles', sa.JSON(), nullable=False),
    sa.Column('csrf', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('token_hash')
    )


def downgrade() -> None:
    op.drop_table('console_sessions')
    op.drop_table('console_provider')
    op.drop_table('console_logins')
    op.drop_table('console_audit')
