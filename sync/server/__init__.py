"""The reference city backend: FastAPI over SQLAlchemy (SQLite by default, PostgreSQL supported)."""
