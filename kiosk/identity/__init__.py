"""One door, one key: keys prove who someone is, the session is what a key opens.

Qt-free and network-free. See docs/identity.md.

- ``keys``: Identity, KeyRefused, card reads and PIN format
- ``session``: KioskSession (timeouts per role, "more time", pending personal
  actions, wipe hooks), SessionPolicy
- ``lockout``: wrong-PIN limits shared with the reference backend
- ``staff``: StaffKey (offline, argon2id verifiers) and the verifier set
- ``audit``: staff_audit items in the outbox
- ``resident``: CardKey and PhoneKey, the resident keys over a backend the caller hands in
"""
