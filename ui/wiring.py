"""Plugs the kiosk's services into the window: queue, nurse desk, queue display.

``ui/app.py`` builds the window (home, browse, search, service card); the modules
that need more than the catalogue (a database, a session, the sync client) are
attached here, each as a registered flow place, so a kiosk without one simply does
not show it.
"""

from __future__ import annotations

import logging
from typing import Callable

from kiosk import outbox
from kiosk.config import Config
from kiosk.queue import QueueLine, QueueTicket, WalkInQueue, lines_from_channels
from kiosk.storage.db import Database
from kiosk.walk_in import WalkInDesk

log = logging.getLogger(__name__)


def queue_lines(config: Config, catalogue) -> tuple[list[QueueLine], list[str]]:
    """The device's queue lines from the catalogue's walk-in channels, and problems found.

    ``queue.lines`` names channels; empty means every walk-in channel. An id that is not
    a walk-in channel of the catalogue in use is reported for staff and left out."""
    walk_ins = {c.id: s.id for s in catalogue.all_services() for c in s.channels if c.kind == "walk_in"}
    problems = []
    if config.queue.lines:
        chosen = []
        for cid in config.queue.lines:
            if cid in walk_ins:
                chosen.append((cid, walk_ins[cid]))
            else:
                problems.append(f"queue.lines: {cid!r} is not a walk-in channel of the catalogue; left out")
    else:
        chosen = list(walk_ins.items())
    return lines_from_channels(chosen[:22]), problems


def follow_link_for(backend_url: str) -> Callable[[QueueTicket, str], str]:
    base = backend_url.rstrip("/")
    return lambda ticket, lang: f"{base}/api/v1/queue/tickets/{ticket.id}/page?lang={lang}"


def attach_queue(window, *, config: Config, db: Database, catalogue, session=None) -> WalkInQueue | None:
    """Register the resident's queue screen and the nurse's desk; open the display if configured."""
    if not config.modules.queue:
        return None
    lines, problems = queue_lines(config, catalogue)
    for p in problems:
        log.warning("%s", p)
    window.notices = tuple(window.notices) + tuple(problems)
    if not lines:
        log.info("no walk-in queue lines on this kiosk")
        return None
    queue = WalkInQueue(db, lines, outbox=outbox.record, default_service_minutes=config.queue.default_service_min)
    desk = WalkInDesk(db)
    follow = follow_link_for(config.backend.url)

    def resident():
        from ui.screens.queue import QueueScreen
        return QueueScreen(flow=window.flow, tr=window.translator, metrics=window.metrics, queue=queue,
                           catalogue=catalogue, printer=config.queue.printer, follow_link=follow)

    def nurse():
        from ui.screens.staff_queue import StaffQueueScreen
        return StaffQueueScreen(flow=window.flow, tr=window.translator, metrics=window.metrics, queue=queue,
                                desk=desk, catalogue=catalogue, session=session, rooms=config.queue.rooms,
                                now=window.now)

    window.register_screen("queue", resident)
    window.register_screen("staff_queue", nurse)
    window.queue = queue
    if config.queue.display:
        open_queue_display(window, queue, config)
    return queue


def open_queue_display(window, queue: WalkInQueue, config: Config):
    from ui.i18n import Translator
    from ui.queue_display import CallAnnouncer, QueueDisplayWindow

    display = QueueDisplayWindow(queue=queue, tr=Translator(config.ui.default_language), metrics=window.metrics,
                                 announcer=CallAnnouncer(config.ui.languages))
    display.setWindowTitle("Queue display")
    display.resize(*config.window_size)
    window.queue_display = display
    display.show()
    return display
