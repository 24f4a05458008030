"""The fleet's health from the heartbeats the kiosks send (sync/worker.py ``_heartbeat``):
one row per device, what stands out, the versions per rollout group, and the same
figures for Prometheus at ``/metrics``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Iterator

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, InfoMetricFamily
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sync.server.models import Device

# A kiosk syncs every 30 s (sync.interval_s); silent for 15 minutes it is not well.
STALE_AFTER = timedelta(minutes=15)
# An item that has waited an hour to be sent is stuck, whatever the reason.
STUCK_AFTER_S = 3600.0
PROBLEM_UPDATE_STATES = ("failed", "fell_back", "verification_failed", "refused")


@dataclass(frozen=True)
class DeviceRow:
    id: str
    site: str
    name: str
    enrolled_at: datetime
    revoked: bool
    last_seen_at: datetime | None
    app_version: str
    outbox_depth: int | None
    quarantined: int | None
    oldest_pending_age_s: float | None
    last_error: str
    update_state: str
    update_version: str
    group: str
    stale: bool
    stuck: bool

    @property
    def problems(self) -> list[str]:
        """Translation keys of what stands out, in order of urgency."""
        out = []
        if self.revoked:
            return ["problem_revoked"]
        if self.stale:
            out.append("problem_stale")
        if self.stuck:
            out.append("problem_stuck")
        if self.update_state in PROBLEM_UPDATE_STATES:
            out.append("problem_update")
        if self.last_error:
            out.append("problem_error")
        return out


def _utc(dt: datetime | None) -> datetime | None:
    return dt.replace(tzinfo=timezone.utc) if dt is not None and dt.tzinfo is None else dt


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def devices(sessions: sessionmaker[Session], now: datetime | None = None) -> list[DeviceRow]:
    now = now or datetime.now(timezone.utc)
    with sessions() as s:
        rows = list(s.scalars(select(Device).order_by(Device.site_id, Device.name, Device.id)))
    out = []
    for d in rows:
        beat = d.heartbeat if isinstance(d.heartbeat, dict) else {}
        update = beat.get("update") if isinstance(beat.get("update"), dict) else {}
        seen = _utc(d.last_seen_at)
        age = beat.get("oldest_pending_age_s")
        age = float(age) if isinstance(age, (int, float)) and not isinstance(age, bool) else None
        quarantined = _int(beat.get("quarantined"))
        revoked = d.revoked_at is not None
        out.append(DeviceRow(
            id=d.id, site=d.site_id, name=d.name, enrolled_at=_utc(d.enrolled_at), revoked=revoked,
            last_seen_at=seen, app_version=str(beat.get("app_version") or ""),
            outbox_depth=_int(beat.get("outbox_depth")), quarantined=quarantined, oldest_pending_age_s=age,
            last_error=str(beat.get("last_error") or ""), update_state=str(update.get("state") or ""),
            update_version=str(update.get("current_version") or beat.get("app_version") or ""),
            # The heartbeat names the group when the kiosk's updater tells it (update.device_group).
            group=str(update.get("device_group") or update.get("group") or "default"),
            stale=not revoked and (seen is None or now - seen > STALE_AFTER),
            stuck=not revoked and ((quarantined or 0) > 0 or (age or 0) > STUCK_AFTER_S)))
    return out


def rollout(rows: list[DeviceRow]) -> list[dict]:
    """Per rollout group: how many kiosks run each version."""
    counts: Counter[tuple[str, str]] = Counter((r.group, r.update_version or "?") for r in rows if not r.revoked)
    return [{"group": g, "version": v, "devices": n} for (g, v), n in sorted(counts.items())]


class _FleetCollector:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def collect(self) -> Iterator:
        now = datetime.now(timezone.utc)
        rows = [r for r in devices(self.sessions, now) if not r.revoked]
        labels = ["device", "site", "name"]
        seen = GaugeMetricFamily("welfare_kiosk_last_heartbeat_age_seconds",
                                 "Seconds since the kiosk's last heartbeat (absent: never)", labels=labels)
        depth = GaugeMetricFamily("welfare_kiosk_outbox_depth", "Items waiting in the kiosk's outbox", labels=labels)
        quarantined = GaugeMetricFamily("welfare_kiosk_quarantined_items", "Items the kiosk set aside",
                                        labels=labels)
        oldest = GaugeMetricFamily("welfare_kiosk_oldest_pending_age_seconds",
                                   "Age of the oldest item waiting to be sent", labels=labels)
        stale = GaugeMetricFamily("welfare_kiosk_stale", "1 when the kiosk has been silent too long", labels=labels)
        stuck = GaugeMetricFamily("welfare_kiosk_stuck", "1 when the kiosk has set-aside or long-waiting items",
                                  labels=labels)
        info = InfoMetricFamily("welfare_kiosk_version", "Version and update state of each kiosk",
                                labels=labels)
        for r in rows:
            key = [r.id, r.site, r.name]
            if r.last_seen_at is not None:
                seen.add_metric(key, max(0.0, (now - r.last_seen_at).total_seconds()))
            if r.outbox_depth is not None:
                depth.add_metric(key, r.outbox_depth)
            if r.quarantined is not None:
                quarantined.add_metric(key, r.quarantined)
            if r.oldest_pending_age_s is not None:
                oldest.add_metric(key, r.oldest_pending_age_s)
            stale.add_metric(key, int(r.stale))
            stuck.add_metric(key, int(r.stuck))
            info.add_metric(key, {"version": r.app_version or "unknown", "group": r.group,
                                  "update_state": r.update_state or "unknown"})
        devices_total = GaugeMetricFamily("welfare_kiosk_devices", "Enrolled, not revoked kiosks", labels=["site"])
        for site, n in sorted(Counter(r.site for r in rows).items()):
            devices_total.add_metric([site], n)
        yield from (seen, depth, quarantined, oldest, stale, stuck, info, devices_total)


def metrics_text(sessions: sessionmaker[Session]) -> bytes:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_FleetCollector(sessions))
    return generate_latest(registry)


def metrics_router(sessions: sessionmaker[Session]):
    """``GET /metrics`` for the city's monitoring (Prometheus text format). It names only
    devices and counts, nothing about residents; if $WELFARE_METRICS_TOKEN is set, a scraper
    must send it as a bearer token."""
    import hmac
    import os

    from prometheus_client import CONTENT_TYPE_LATEST

    router = APIRouter()

    @router.get("/metrics", include_in_schema=False)
    def metrics(request: Request) -> Response:
        token = os.environ.get("WELFARE_METRICS_TOKEN", "")
        if token and not hmac.compare_digest(request.headers.get("authorization", "").encode(),
                                             f"Bearer {token}".encode()):
            return PlainTextResponse("a bearer token is needed for /metrics\n", status_code=401)
        return Response(metrics_text(sessions), media_type=CONTENT_TYPE_LATEST)

    return router
