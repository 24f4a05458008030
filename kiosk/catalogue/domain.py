"""Plain, immutable domain objects handed to the UI. No database rows beyond this line."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Mapping

Text = Mapping[str, str]  # {"fi": ..., "sv": ..., "en": ...}


def tr(text: Text, lang: str) -> str:
    """The text in ``lang``; empty when the data has none (the importer requires fi/sv/en)."""
    return text.get(lang, "") if text else ""


@dataclass(frozen=True)
class Provider:
    id: str
    names: Text
    sector: str
    organiser_type: str
    business_id: str | None
    contact: Mapping[str, str]
    accepts_vouchers: bool


@dataclass(frozen=True)
class TimeRange:
    opens: str  # "HH:MM"
    closes: str


@dataclass(frozen=True)
class OpeningException:
    date: str  # ISO date
    closed: bool
    hours: tuple[TimeRange, ...]
    note: Text


@dataclass(frozen=True)
class OpeningHours:
    regular: Mapping[str, tuple[TimeRange, ...]]  # weekday code -> ranges; missing = closed
    exceptions: tuple[OpeningException, ...] = ()
    always_open: bool = False  # web and phone channels that answer 24/7


@dataclass(frozen=True)
class Channel:
    id: str
    service_id: str
    kind: str
    names: Text
    address: Mapping[str, Text | str]
    phone: str | None
    url: str | None
    opening_hours: OpeningHours | None
    accessibility: Text
    languages: tuple[str, ...]
    checkin: Mapping[str, int] = field(default_factory=dict)  # {"early_min", "late_min"}: the service's own rule


@dataclass(frozen=True)
class Slot:
    id: str
    channel_id: str
    starts_at: datetime
    ends_at: datetime
    capacity: int
    booked: int

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.booked)


@dataclass(frozen=True)
class Service:
    id: str
    names: Text
    short_descriptions: Text
    descriptions: Text
    user_instructions: Text
    goal: Text
    content: Text
    outputs: Text
    quality: Text
    charge_type: str
    price_text: Text
    target_groups: tuple[str, ...]
    life_events: tuple[str, ...]
    service_classes: tuple[str, ...]
    keywords: Mapping[str, tuple[str, ...]]
    languages: tuple[str, ...]
    responsible_provider: Provider
    producers: tuple[Provider, ...]
    channels: tuple[Channel, ...] = field(default=())

    @property
    def sectors(self) -> frozenset[str]:
        return frozenset(p.sector for p in (self.responsible_provider, *self.producers))

    @property
    def accepts_vouchers(self) -> bool:
        return self.charge_type == "voucher" or any(p.accepts_vouchers for p in self.producers)
