"""The kiosk core: domain, storage, identity, sessions, policies. Never imports Qt or HTTP."""
