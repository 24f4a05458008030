"""The feedback tests use the sync tests' real parts: the reference backend as its own
process on 127.0.0.1, and a kiosk worker pointed at it."""

from tests.sync.conftest import backend, kiosk_data, make_worker, site  # noqa: F401  (fixtures)
