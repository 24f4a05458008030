"""Local SQLite storage: typed models, migrations, and opening the database safely."""
