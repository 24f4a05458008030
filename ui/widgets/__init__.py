"""Reusable touch widgets: tiles, top bar, on-screen keyboard, QR code."""
