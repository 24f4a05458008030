"""The kiosk core: domain, storage, identity, sessions, policies. Never imports Qt or HTTP."""

__version__ = "0.1.0"
