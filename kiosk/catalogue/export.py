"""The catalogue a kiosk holds, written back in the import format (docs/catalogue-format.md),
so a city can check what a kiosk shows. The result passes ``validate()``; booked counts are
not part of the format and stay out. Slots a kiosk made from weekly rules before rule ids
were valid ids (``<channel>@20261207T0900``) are written as they are made now
(``<channel>.20261207t0900``), so the export can be checked and imported again."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import select

from kiosk.catalogue.hours import LOCAL_TZ
from kiosk.catalogue.importer import FORMAT
from kiosk.storage.db import Database
from kiosk.storage.models import CatalogueMetaRecord, ProviderRecord, ServiceRecord, SlotRecord

_TEXTS = ("user_instructions", "goal", "content", "outputs", "quality", "price_text")


def export_catalogue(db: Database) -> dict:
    with db.sessions() as s:
        meta = {m.key: m.value for m in s.scalars(select(CatalogueMetaRecord))}
        providers = []
        for p in s.scalars(select(ProviderRecord).order_by(ProviderRecord.id)):
            out = {"id": p.id, "names": p.names, "sector": p.sector, "organiser_type": p.organiser_type}
            if p.business_id:
                out["business_id"] = p.business_id
            if p.contact:
                out["contact"] = p.contact
            if p.accepts_vouchers:
                out["accepts_vouchers"] = True
            providers.append(out)
        slots: dict[str, list[dict]] = {}
        for sl in s.scalars(select(SlotRecord).order_by(SlotRecord.starts_at, SlotRecord.id)):
            slots.setdefault(sl.channel_id, []).append(
                {"id": sl.id.replace("@", ".").lower(), "start": sl.starts_at.astimezone(LOCAL_TZ).isoformat(),
                 "end": sl.ends_at.astimezone(LOCAL_TZ).isoformat(), "capacity": sl.capacity})
        services = []
        for sv in s.scalars(select(ServiceRecord).order_by(ServiceRecord.id)):
            out = {"id": sv.id, "names": sv.names, "short_descriptions": sv.short_descriptions,
                   "descriptions": sv.descriptions, "charge_type": sv.charge_type,
                   "target_groups": sv.target_groups, "responsible_provider": sv.responsible_provider_id}
            out.update({k: getattr(sv, k) for k in _TEXTS if getattr(sv, k)})
            out.update({k: getattr(sv, k) for k in ("life_events", "service_classes", "keywords", "languages")
                        if getattr(sv, k)})
            producers = [p.provider_id for p in sv.producers]
            if producers and producers != [sv.responsible_provider_id]:
                out["producers"] = sorted(producers)
            out["channels"] = []
            for ch in sv.channels:
                c = {"id": ch.id, "kind": ch.kind}
                for k in ("names", "address", "phone", "url", "opening_hours", "accessibility", "languages",
                          "checkin"):
                    if getattr(ch, k):
                        c[k] = getattr(ch, k)
                if ch.id in slots:
                    c["slots"] = slots[ch.id]
                out["channels"].append(c)
            services.append(out)
    doc = {"format": FORMAT, "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
           "providers": providers, "services": services}
    if meta.get("source"):
        doc["source"] = meta["source"]
    return doc
