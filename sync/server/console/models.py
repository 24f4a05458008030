"""The console's tables: who is signed in, sign-ins under way, the city's OpenID provider
for staff, and the audit log. On the backend's one ``Base`` so that the Alembic migrations
(sync/server/migrations, revision 0002_console) see them like every other table."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.models import Base


class ConsoleProvider(Base):
    """The city's OpenID provider for console staff (one row, id "console")."""

    __tablename__ = "console_provider"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    issuer: Mapped[str] = mapped_column(String(300))
    client_id: Mapped[str] = mapped_column(String(200))
    # Empty for a public client (PKCE alone); a confidential client's secret otherwise.
    client_secret: Mapped[str] = mapped_column(String(300), default="")


class ConsoleLogin(Base):
    """A sign-in under way: what the callback needs, found by the hash of ``state``."""

    __tablename__ = "console_logins"

    state_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    code_verifier: Mapped[str] = mapped_column(String(128))
    nonce: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ConsoleSession(Base):
    """A signed-in member of staff; the cookie holds the token, the table its hash."""

    __tablename__ = "console_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    subject: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))
    roles: Mapped[list] = mapped_column(JSON)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ConsoleAuditEvent(Base):
    """One console action: who, what, on what, and whether it was allowed."""

    __tablename__ = "console_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor: Mapped[str] = mapped_column(String(200))  # the provider's subject, or "-" before sign-in
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(300), default="")
    outcome: Mapped[str] = mapped_column(String(16))  # ok / refused / failed
    detail: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_console_audit_actor", "actor"),)


TABLES = [ConsoleProvider.__table__, ConsoleLogin.__table__, ConsoleSession.__table__, ConsoleAuditEvent.__table__]
