"""The catalogue as the UI sees it: browse, filter, look up, search. Read-only.

The whole catalogue of a site (hundreds of services) is held in memory as
immutable domain objects; it is reloaded after an import or a sync. A reload (on the
sync worker's thread) builds a complete new ``_Snapshot`` and swaps it in with one
assignment; every lookup reads the snapshot once, so a screen reading on the GUI thread
meanwhile sees the old catalogue or the new one, never the lists of one with the search
index of the other.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select

from kiosk.catalogue import hours as hours_mod
from kiosk.catalogue.domain import (Channel, OpeningException, OpeningHours, Provider, Service, Slot, TimeRange)
from kiosk.catalogue.search import SearchIndex
from kiosk.storage.db import Database
from kiosk.storage.models import (CatalogueMetaRecord, ChannelRecord, ProviderRecord, ServiceProducerRecord,
                                  ServiceRecord, SlotRecord)


@dataclass(frozen=True)
class CatalogueFilter:
    """What a resident narrowed the tray down to. ``None`` means no restriction."""

    life_event: str | None = None
    target_group: str | None = None
    sectors: frozenset[str] | None = None
    open_now: bool = False
    language: str | None = None
    voucher: bool = False
    channel_kind: str | None = None


def _ranges(raw) -> tuple[TimeRange, ...]:
    return tuple(TimeRange(a, b) for a, b in raw or ())


def _hours(raw: dict) -> OpeningHours | None:
    if not raw:
        return None
    return OpeningHours(
        regular={day: _ranges(r) for day, r in (raw.get("regular") or {}).items()},
        exceptions=tuple(OpeningException(date=e["date"], closed=e.get("closed", False),
                                          hours=_ranges(e.get("hours")), note=e.get("note") or {})
                         for e in raw.get("exceptions") or ()),
        always_open=raw.get("always_open", False))


def _provider(r) -> Provider:  # a ProviderRecord or a row of its table
    return Provider(id=r.id, names=r.names, sector=r.sector, organiser_type=r.organiser_type,
                    business_id=r.business_id, contact=r.contact or {}, accepts_vouchers=r.accepts_vouchers)


def _channel(r) -> Channel:  # a ChannelRecord or a row of its table
    return Channel(id=r.id, service_id=r.service_id, kind=r.kind, names=r.names or {}, address=r.address or {},
                   phone=r.phone, url=r.url, opening_hours=_hours(r.opening_hours),
                   accessibility=r.accessibility or {}, languages=tuple(r.languages or ()),
                   checkin=dict(r.checkin or {}))


class _Index:
    """A snapshot's search index, built now or at its first use (once, whichever thread asks)."""

    def __init__(self, services: list[Service], *, now: bool) -> None:
        self._services = services
        self._lock = threading.Lock()
        self._index: SearchIndex | None = SearchIndex(services) if now else None

    def get(self) -> SearchIndex:
        index = self._index
        if index is None:
            with self._lock:
                if self._index is None:
                    self._index = SearchIndex(self._services)
                index = self._index
        return index


@dataclass(frozen=True)
class _Snapshot:
    providers: dict[str, Provider]
    services: dict[str, Service]
    ordered: list[Service]
    meta: dict
    _index: _Index

    @property
    def index(self) -> SearchIndex:
        return self._index.get()


class Catalogue:
    def __init__(self, db: Database, *, index_later: bool = False) -> None:
        """``index_later``: the first load leaves the search index to ``prepare_index()`` or
        the first search, so that the kiosk's start does not wait for it (home has no search)."""
        self._db = db
        self.reload(index_now=not index_later)

    def prepare_index(self) -> None:
        """Build the search index now if it is not built yet (off the GUI thread, after start)."""
        self._snapshot._index.get()

    def reload(self, *, index_now: bool = True) -> None:
        # Five Core queries, one per table: the ORM's relationships loaded each service's
        # channels and producers separately (two queries per service, most of the start's
        # catalogue load), and the rows only become domain objects anyway.
        providers_t, services_t = ProviderRecord.__table__, ServiceRecord.__table__
        channels_t, producers_t = ChannelRecord.__table__, ServiceProducerRecord.__table__
        with self._db.engine.connect() as conn:
            providers = {r.id: _provider(r) for r in conn.execute(select(providers_t))}
            channels: dict[str, list[Channel]] = {}
            for c in conn.execute(select(channels_t).order_by(channels_t.c.id)):
                channels.setdefault(c.service_id, []).append(_channel(c))
            producers: dict[str, list[Provider]] = {}
            for p in conn.execute(select(producers_t).order_by(producers_t.c.service_id, producers_t.c.provider_id)):
                producers.setdefault(p.service_id, []).append(providers[p.provider_id])
            services: list[Service] = []
            for r in conn.execute(select(services_t).order_by(services_t.c.id)):
                services.append(Service(
                    id=r.id, names=r.names, short_descriptions=r.short_descriptions, descriptions=r.descriptions,
                    user_instructions=r.user_instructions or {}, goal=r.goal or {}, content=r.content or {},
                    outputs=r.outputs or {}, quality=r.quality or {}, charge_type=r.charge_type,
                    price_text=r.price_text or {}, target_groups=tuple(r.target_groups or ()),
                    life_events=tuple(r.life_events or ()), service_classes=tuple(r.service_classes or ()),
                    keywords={k: tuple(v) for k, v in (r.keywords or {}).items()},
                    languages=tuple(r.languages or ()),
                    responsible_provider=providers[r.responsible_provider_id],
                    producers=tuple(producers.get(r.id, ())),
                    channels=tuple(channels.get(r.id, ()))))
            meta = {m.key: m.value for m in conn.execute(select(CatalogueMetaRecord.__table__))}
        # Built whole before the swap: the index is the slow part (tens of ms per hundred services).
        self._snapshot = _Snapshot(providers=providers, services={s.id: s for s in services}, ordered=services,
                                   meta=meta, _index=_Index(services, now=index_now))

    @property
    def meta(self) -> dict:
        return self._snapshot.meta

    # -- lookups ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._snapshot.ordered)

    def service(self, service_id: str) -> Service | None:
        return self._snapshot.services.get(service_id)

    def provider(self, provider_id: str) -> Provider | None:
        return self._snapshot.providers.get(provider_id)

    def providers(self) -> list[Provider]:
        return list(self._snapshot.providers.values())

    def all_services(self) -> list[Service]:
        return list(self._snapshot.ordered)

    # -- browse and filter -----------------------------------------------------------------
    def matches(self, s: Service, f: CatalogueFilter, now: datetime | None = None) -> bool:
        if f.life_event and f.life_event not in s.life_events:
            return False
        if f.target_group and f.target_group not in s.target_groups:
            return False
        if f.sectors is not None and not (s.sectors & f.sectors):
            return False
        if f.language and f.language not in s.languages:
            return False
        if f.voucher and not s.accepts_vouchers:
            return False
        if f.channel_kind and not any(c.kind == f.channel_kind for c in s.channels):
            return False
        if f.open_now:
            now = now or datetime.now(timezone.utc)
            if not any((st := hours_mod.status(c.opening_hours, now)) is not None and st.open_now
                       and c.kind in ("visit", "walk_in", "phone", "video") for c in s.channels):
                return False
        return True

    def services(self, f: CatalogueFilter = CatalogueFilter(), lang: str = "fi",
                 now: datetime | None = None) -> list[Service]:
        """Services matching ``f``, sorted by their name in ``lang``."""
        found = [s for s in self._snapshot.ordered if self.matches(s, f, now)]
        found.sort(key=lambda s: s.names.get(lang, "").casefold())
        return found

    def counts(self, attribute: str, f: CatalogueFilter = CatalogueFilter()) -> dict[str, int]:
        """How many services each life event / target group has, for tile badges."""
        out: dict[str, int] = {}
        for s in self._snapshot.ordered:
            if self.matches(s, f):
                for code in getattr(s, attribute):
                    out[code] = out.get(code, 0) + 1
        return out

    def prepare_search(self) -> None:
        """Load what forgiving typos needs now rather than at the first typo (SearchIndex.prepare_typos)."""
        self._snapshot.index.prepare_typos()

    def search(self, query: str, lang: str = "fi", f: CatalogueFilter | None = None, limit: int = 50,
               now: datetime | None = None) -> list[Service]:
        snap = self._snapshot  # the index and the services it names from one snapshot
        hits = snap.index.search(query, lang, limit=limit if f is None else max(limit * 4, 200))
        found = [snap.services[h.service_id] for h in hits]
        if f is not None:
            found = [s for s in found if self.matches(s, f, now)]
        return found[:limit]

    # -- slots -------------------------------------------------------------------------------
    def free_slots(self, channel_id: str, after: datetime | None = None, limit: int = 500) -> list[Slot]:
        after = after or datetime.now(timezone.utc)
        with self._db.sessions() as s:
            rows = s.scalars(select(SlotRecord)
                             .where(SlotRecord.channel_id == channel_id, SlotRecord.starts_at > after,
                                    SlotRecord.booked < SlotRecord.capacity)
                             .order_by(SlotRecord.starts_at).limit(limit))
            return [Slot(id=r.id, channel_id=r.channel_id, starts_at=r.starts_at,
                         ends_at=r.ends_at, capacity=r.capacity, booked=r.booked) for r in rows]
