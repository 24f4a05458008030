"""The service tray: one catalogue of public, private and third-sector services."""
