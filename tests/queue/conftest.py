# The real reference backend process and kiosk-side sync worker fixtures.
from tests.sync.conftest import backend, kiosk_data, make_worker, site  # noqa: F401
