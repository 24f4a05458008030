"""The national service catalogue (PTV, Open API v11) as our catalogue document.

PTV publishes paged lists (``/api/v11/Service``, ``/ServiceChannel``, ``/Organization``):
``{"pageNumber": 1, "pageCount": 3, "pageSize": ..., "itemList": [...]}``. A directory of
such pages (or a list of files) becomes one ``welfare-kiosk-catalogue/1`` document that
the existing importer validates and imports, all or nothing. What is taken and how local
additions are kept: docs/ptv-import.md.

Two kinds of trouble are kept apart:
- *bad input* (a file that is not a PTV page, a missing page, an unknown channel type, a
  language code that is not one): ``CatalogueError`` naming the file and the item, nothing
  is imported;
- *gaps in good data* (a Swedish or English text PTV does not have, a target group we have
  no code for): the item is left out or the field omitted, and the ``PtvSummary`` says so.
  Nothing is invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Iterable

from kiosk.catalogue import vocab
from kiosk.catalogue.hours import LOCAL_TZ
from kiosk.catalogue.importer import FORMAT, REQUIRED_LANGUAGES, CatalogueError, load_file, validate

LOCAL_FORMAT = "welfare-ptv-local/1"
LOCAL_FILE = "local-additions.json"  # beside the pages; never a PTV page itself
LIST_KINDS = ("Service", "ServiceChannel", "Organization")
_LANG = re.compile(r"^[a-z]{2,3}$")
_PTV_ID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$")
MAX_EXCEPTION_DAYS = 62  # an exceptional period longer than this is not spelled out day by day

# serviceChannelType -> our channel kind
CHANNEL_KINDS = {"ServiceLocation": "visit", "EChannel": "web", "WebPage": "web", "PrintableForm": "web",
                 "Phone": "phone"}

# organizationType -> (sector, organiser_type). "Organization" is PTV's "järjestö".
ORGANISATION_TYPES = {
    "State": ("public", "state"),
    "Municipality": ("public", "municipality"),
    "RegionalOrganization": ("public", "municipality"),
    "Region": ("public", "wellbeing_county"),
    "SotePublic": ("public", "wellbeing_county"),
    "Organization": ("third_sector", "association"),
    "Company": ("private", "company"),
    "SotePrivate": ("private", "company"),
}

WEEKDAYS = {"Monday": "mon", "Tuesday": "tue", "Wednesday": "wed", "Thursday": "thu", "Friday": "fri",
            "Saturday": "sat", "Sunday": "sun"}

# Finto (ptvl) concepts are matched by their Finnish name: codes and URIs have changed
# between PTV versions, the published names much less. First match wins; longer first.
TARGET_GROUPS = (
    ("ikääntyneet", "older_people"), ("lapsiperheet", "families_with_children"),
    ("lapset", "children_and_young_people"), ("nuoret", "children_and_young_people"),
    ("maahanmuuttajat", "immigrants"), ("vammaiset", "special_support"),
    ("ruotsinkieliset", "swedish_speakers"), ("kansalaiset", "adults"),
)
LIFE_EVENTS = (
    ("lapsen syntymä", "expecting_a_baby"), ("raskaus", "expecting_a_baby"),
    ("lapsiperhe", "family_with_children"), ("perhe", "family_with_children"),
    ("koulu", "school_and_youth"), ("opiskelu", "school_and_youth"), ("mielenterveys", "mental_wellbeing"),
    ("sairastuminen", "health_and_illness"), ("terveys", "health_and_illness"),
    ("työttömyys", "work_and_unemployment"), ("työ", "work_and_unemployment"),
    ("toimeentulo", "money_and_benefits"), ("asuminen", "housing"), ("muutto suomeen", "moving_to_finland"),
    ("maahanmuutto", "moving_to_finland"), ("ikääntyminen", "ageing_and_care"), ("vammaisuus", "disability"),
    ("vapaa-aika", "free_time_and_community"),
)
SERVICE_CLASSES = (
    ("suun terveydenhuolto", "oral_health"), ("mielenterveys", "mental_health_and_substance"),
    ("päihde", "mental_health_and_substance"), ("kuntoutus", "rehabilitation"),
    ("terveydenhuolto", "health_care"), ("terveys", "health_care"),
    ("ikääntyneiden", "elderly_services"), ("vammaisten", "disability_services"),
    ("perheiden", "family_services"), ("lapsiperhe", "family_services"), ("sosiaali", "social_services"),
    ("työllisyys", "employment"), ("työ", "employment"), ("koulutus", "education_and_culture"),
    ("kulttuuri", "education_and_culture"), ("asuminen", "housing"), ("maahanmuutt", "integration"),
    ("kotoutuminen", "integration"), ("liikunta", "leisure_and_community"), ("vapaa-aika", "leisure_and_community"),
    ("digi", "digital_support"), ("oikeusturva", "legal_and_financial_advice"),
    ("talous", "legal_and_financial_advice"),
)


@dataclass
class PtvSummary:
    """What the import took and, in words for city staff, what it could not."""

    services: int = 0
    channels: int = 0
    providers: int = 0
    left_out: list[str] = field(default_factory=list)       # whole items not imported, with why
    missing_texts: list[str] = field(default_factory=list)  # a language PTV has no text in
    unmapped: list[str] = field(default_factory=list)       # PTV concepts we have no code for

    def lines(self) -> list[str]:
        out = [f"PTV: {self.services} services, {self.channels} channels, {self.providers} providers"]
        for title, items in (("left out", self.left_out), ("missing texts", self.missing_texts),
                             ("not mapped", self.unmapped)):
            if items:
                out.append(f"{title} ({len(items)}):")
                out.extend(f"  {x}" for x in items)
        return out


@dataclass(frozen=True)
class PtvItem:
    kind: str      # one of LIST_KINDS
    data: dict
    where: str     # "<file> itemList[3] (id ...)" for messages


@dataclass
class PtvPages:
    items: dict[str, list[PtvItem]]
    files: list[Path]


# -- reading pages ---------------------------------------------------------------------
def _list_kind(path: Path, items: list) -> str | None:
    for item in items:
        if isinstance(item, dict):
            if "serviceChannelType" in item:
                return "ServiceChannel"
            if "organizationNames" in item or "organizationType" in item:
                return "Organization"
            if "serviceNames" in item:
                return "Service"
    name = path.name.lower().replace("-", "").replace("_", "")
    if "channel" in name:
        return "ServiceChannel"
    if "organi" in name:
        return "Organization"
    if "service" in name:
        return "Service"
    return None


def page_files(source: str | Path | Iterable[str | Path]) -> list[Path]:
    """The page files of a directory (every ``*.json`` but the local additions), or the files given."""
    if isinstance(source, (str, Path)):
        p = Path(source)
        if p.is_dir():
            return sorted(f for f in p.glob("*.json") if f.name != LOCAL_FILE)
        return [p]
    return [Path(x) for x in source]


def read_pages(source: str | Path | Iterable[str | Path]) -> PtvPages:
    """Every item of every page, each list checked complete (pages 1..pageCount)."""
    files = page_files(source)
    errors: list[str] = []
    if not files:
        raise CatalogueError([f"{source}: no PTV pages (*.json) found"])
    seen: dict[str, dict[int, Path]] = {k: {} for k in LIST_KINDS}
    counts: dict[str, set[int]] = {k: set() for k in LIST_KINDS}
    items: dict[str, list[PtvItem]] = {k: [] for k in LIST_KINDS}
    for f in files:
        try:
            page = load_file(f)
        except CatalogueError as exc:
            errors.extend(exc.errors)
            continue
        if not isinstance(page, dict) or not isinstance(page.get("itemList"), list) \
                or not isinstance(page.get("pageNumber"), int) or not isinstance(page.get("pageCount"), int):
            errors.append(f"{f}: not a PTV Open API page (expected an object with itemList, pageNumber and "
                          "pageCount)")
            continue
        if page["itemList"] and all(isinstance(i, dict) and set(i) <= {"id", "name", "organizationId"}
                                    for i in page["itemList"]):
            errors.append(f"{f}: a page of ids and names only (e.g. GET /api/v11/Organization): save the full "
                          "lists instead (GET /api/v11/.../list/...), see docs/ptv-import.md")
            continue
        kind = _list_kind(f, page["itemList"])
        if kind is None:
            errors.append(f"{f}: cannot tell whether this is a Service, ServiceChannel or Organization page")
            continue
        number = page["pageNumber"]
        if number in seen[kind]:
            errors.append(f"{f}: {kind} page {number} again (also in {seen[kind][number]})")
            continue
        seen[kind][number] = f
        counts[kind].add(page["pageCount"])
        for i, item in enumerate(page["itemList"]):
            iid = item.get("id") if isinstance(item, dict) else None
            where = f"{f} itemList[{i}]" + (f" (id {iid})" if isinstance(iid, str) else "")
            if not isinstance(item, dict):
                errors.append(f"{where}: expected an object")
            elif not isinstance(iid, str) or not _PTV_ID.match(iid):
                errors.append(f"{where}: id {iid!r} is not a PTV id")
            else:
                items[kind].append(PtvItem(kind, item, where))
    if errors and not any(seen.values()):
        raise CatalogueError(errors)  # nothing readable: the per-list complaints would only repeat it
    for kind in LIST_KINDS:
        if len(counts[kind]) > 1:
            errors.append(f"{source}: {kind} pages disagree on pageCount ({sorted(counts[kind])}): pages of different "
                          "downloads mixed")
        elif counts[kind]:
            count = counts[kind].pop()
            have = set(seen[kind])
            # PTV numbers pages from 1; an empty list is published as page 1 of 0 (or 1).
            wanted = set(range(1, max(count, 1) + 1))
            for n in sorted(wanted - have):
                errors.append(f"{source}: {kind} page {n} of {count}: missing (have {sorted(have)})")
            for n in sorted(have - wanted):
                errors.append(f"{seen[kind][n]}: {kind} page {n}, but pageCount says {count}")
        else:
            errors.append(f"{source}: no {kind} pages")
    if errors:
        raise CatalogueError(errors)
    return PtvPages(items, files)


# -- mapping ---------------------------------------------------------------------------
class _Mapper:
    def __init__(self, summary: PtvSummary) -> None:
        self.summary = summary
        self.errors: list[str] = []

    def languages_of(self, where: str, entries: Any, field_name: str) -> list[dict]:
        """The entries of a localized list, each with a checked language code."""
        if entries is None:
            return []
        if not isinstance(entries, list):
            self.errors.append(f"{where}: {field_name}: expected a list")
            return []
        good = []
        for j, e in enumerate(entries):
            if not isinstance(e, dict) or not isinstance(e.get("value", ""), str):
                self.errors.append(f"{where}: {field_name}[{j}]: expected {{language, value}}")
            elif isinstance(e.get("language"), str) and _LANG.match(e["language"]):
                good.append(e)
            # a bad language code is reported once, by language_problems()
        return good

    def text(self, where: str, entries: Any, field_name: str, type_: str | None = None, *,
             multiline: bool = False) -> dict[str, str]:
        """A text by language. PTV's editors leave Windows line ends and line breaks in
        one-line fields: those become what our format holds (\\n, or a space)."""
        out: dict[str, str] = {}
        for e in self.languages_of(where, entries, field_name):
            if type_ is not None and e.get("type") != type_:
                continue
            value = (e.get("value") or "").replace("\r\n", "\n").replace("\r", "\n")
            if multiline:
                value = "\n".join(" ".join(line.split()) for line in value.split("\n")).strip("\n ")
                value = re.sub(r"\n{3,}", "\n\n", value)
            else:
                value = " ".join(value.split())
            if value and e["language"] not in out:
                out[e["language"]] = value
        return out

    def code_list(self, where: str, values: Any, field_name: str) -> list[str]:
        if values is None:
            return []
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            self.errors.append(f"{where}: {field_name}: expected a list of language codes")
            return []
        return list(dict.fromkeys(v for v in values if _LANG.match(v)))  # bad ones: language_problems()


def language_problems(where: str, value: Any, path: str = "") -> list[str]:
    """Every language code in a PTV item that is not one, wherever it is: texts, web pages,
    phone numbers, ``languages`` lists. An item left out for other reasons is checked too."""
    out: list[str] = []
    if isinstance(value, dict):
        code = value.get("language")
        if "language" in value and not (isinstance(code, str) and _LANG.match(code)):
            out.append(f"{where}: {path or '(item)'}: language {code!r} is not a language code "
                       "(two or three lowercase letters, e.g. fi, sv, en, se)")
        for k, v in value.items():
            if k in ("languages", "availableLanguages") and isinstance(v, list):
                out.extend(f"{where}: {path}{'.' if path else ''}{k}[{i}]: {c!r} is not a language code"
                           for i, c in enumerate(v) if not (isinstance(c, str) and _LANG.match(c)))
            elif isinstance(v, (dict, list)):
                out.extend(language_problems(where, v, f"{path}{'.' if path else ''}{k}"))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.extend(language_problems(where, v, f"{path}[{i}]"))
    return out


def _missing(text: dict[str, str]) -> list[str]:
    return [lang for lang in REQUIRED_LANGUAGES if lang not in text]


def _finto(items: Any, table: tuple, label: str, where: str, summary: PtvSummary) -> list[str]:
    out: list[str] = []
    for item in items if isinstance(items, list) else []:
        names = {n.get("language"): n.get("value") for n in item.get("name") or [] if isinstance(n, dict)} \
            if isinstance(item, dict) else {}
        fi = (names.get("fi") or "").strip()
        code = next((ours for word, ours in table if word in fi.lower()), None)
        if code is None:
            shown = fi or (item.get("code") if isinstance(item, dict) else None) or repr(item)
            summary.unmapped.append(f"{where}: {label} {shown!r} has no code of ours")
        elif code not in out:
            out.append(code)
    return out


def _clock(value: Any, *, closing: bool) -> str | None:
    m = _CLOCK.match(value) if isinstance(value, str) else None
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    if h > 24 or mi > 59 or (h == 24 and mi):
        return None
    if closing and h == 0 and mi == 0:
        return "24:00"  # PTV writes an opening that lasts to midnight as ...-00:00
    return f"{h:02d}:{mi:02d}"


def _day(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=LOCAL_TZ)


def _valid_on(hour: dict, today: date) -> bool:
    start, end = _day(hour.get("validFrom")), _day(hour.get("validTo"))
    if start and start.astimezone(LOCAL_TZ).date() > today:
        return False
    return not (end and end.astimezone(LOCAL_TZ).date() < today)


def _opening_hours(m: _Mapper, where: str, hours: Any, today: date) -> dict | None:
    """PTV serviceHours as our opening hours: the weekly hours valid today, the exceptions
    from today on, always-open. None when PTV gives no hours."""
    if not hours:
        return None
    if not isinstance(hours, list):
        m.errors.append(f"{where}: serviceHours: expected a list")
        return None
    regular: dict[str, list[list[str]]] = {}
    exceptions: dict[str, dict] = {}
    always_open = False
    ordered = sorted((h for h in hours if isinstance(h, dict)), key=lambda h: h.get("orderNumber") or 0)
    for k, h in enumerate(ordered):
        p = f"{where}: serviceHours[{k}]"
        kind = h.get("serviceHourType")
        if kind not in ("DaysOfTheWeek", "Exceptional", "OverMidnight"):
            m.errors.append(f"{p}: serviceHourType {kind!r} is not DaysOfTheWeek, Exceptional or OverMidnight")
            continue
        if kind == "Exceptional":
            start, end = _day(h.get("validFrom")), _day(h.get("validTo"))
            if start is None:
                m.errors.append(f"{p}: an exceptional period needs validFrom")
                continue
            first = start.astimezone(LOCAL_TZ).date()
            last = end.astimezone(LOCAL_TZ).date() if end else first
            if last < first:
                m.errors.append(f"{p}: validTo is before validFrom")
                continue
            ranges = _ranges(m, p, h.get("openingHour"), day_keys=False)
            note = m.text(p, h.get("additionalInformation"), "additionalInformation")
            day = max(first, today)
            for _ in range(MAX_EXCEPTION_DAYS):
                if day > last:
                    break
                entry: dict[str, Any] = {"date": day.isoformat()}
                if h.get("isClosed") or not ranges.get("*"):
                    entry["closed"] = True
                else:
                    entry["hours"] = ranges["*"]
                if note and not _missing(note):
                    entry["note"] = note
                exceptions[day.isoformat()] = entry
                day += timedelta(days=1)
            if note and _missing(note):
                m.summary.missing_texts.append(f"{p}: note not in {', '.join(_missing(note))}; left out")
            continue
        if not _valid_on(h, today):
            continue  # a weekly schedule of another period: our format holds the one in force
        if h.get("isAlwaysOpen"):
            always_open = True
            continue
        if h.get("isClosed"):
            continue
        for day_key, rs in _ranges(m, p, h.get("openingHour"), day_keys=True,
                                   over_midnight=kind == "OverMidnight").items():
            regular.setdefault(day_key, []).extend(r for r in rs if r not in regular.get(day_key, []))
    out: dict[str, Any] = {"regular": {d: _merged(regular[d]) for d in vocab.WEEKDAYS if regular.get(d)}}
    if exceptions:
        out["exceptions"] = [exceptions[d] for d in sorted(exceptions)]
    if always_open:
        out["always_open"] = True
    return out


def _merged(ranges: list[list[str]]) -> list[list[str]]:
    """One day's ranges sorted, those that overlap or touch joined: two schedules in force
    together (PTV shows them together) give the hours of both, once."""
    out: list[list[str]] = []
    for opens, closes in sorted(ranges):
        if closes <= opens:  # runs past midnight: kept as it is
            out.append([opens, closes])
        elif out and out[-1][0] < out[-1][1] and opens <= out[-1][1]:
            out[-1][1] = max(out[-1][1], closes)
        else:
            out.append([opens, closes])
    return out


def _ranges(m: _Mapper, where: str, opening: Any, *, day_keys: bool,
            over_midnight: bool = False) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    for j, o in enumerate(opening if isinstance(opening, list) else []):
        p = f"{where}.openingHour[{j}]"
        if not isinstance(o, dict):
            m.errors.append(f"{p}: expected an object")
            continue
        opens, closes = _clock(o.get("from"), closing=False), _clock(o.get("to"), closing=True)
        if opens is None or closes is None:
            m.errors.append(f"{p}: from/to {o.get('from')!r}-{o.get('to')!r} are not clock times like 08:00")
            continue
        if not day_keys:
            out.setdefault("*", []).append([opens, closes])
            continue
        first = WEEKDAYS.get(o.get("dayFrom"))
        last = WEEKDAYS.get(o.get("dayTo")) if o.get("dayTo") else first
        if first is None or last is None:
            m.errors.append(f"{p}: dayFrom/dayTo {o.get('dayFrom')!r}/{o.get('dayTo')!r} is not a weekday name "
                            "like Monday")
            continue
        i, k = vocab.WEEKDAYS.index(first), vocab.WEEKDAYS.index(last)
        if over_midnight:  # e.g. Friday 22:00 to Saturday 06:00
            out.setdefault(first, []).append([opens, "24:00"])
            if closes != "24:00" and closes != "00:00":
                out.setdefault(last, []).append(["00:00", closes])
            continue
        span = [vocab.WEEKDAYS[(i + n) % 7] for n in range((k - i) % 7 + 1)]
        for d in span:
            out.setdefault(d, []).append([opens, closes])
    return out


def _street_address(m: _Mapper, where: str, addresses: Any) -> tuple[dict | None, str]:
    """The visiting address. Street and post office are names: a language PTV has no form
    of takes the official form (Finnish first), as street signs do; never a translation."""
    for a in addresses if isinstance(addresses, list) else []:
        if not isinstance(a, dict) or a.get("type") not in (None, "Location", "Visiting"):
            continue
        st = a.get("streetAddress")
        if not isinstance(st, dict):
            continue
        street = m.text(where, st.get("street"), "addresses.streetAddress.street")
        city = m.text(where, st.get("postOffice"), "addresses.streetAddress.postOffice")
        number = (st.get("streetNumber") or "").strip()
        if not street or not city or not isinstance(st.get("postalCode"), str):
            continue
        official = [street.get("fi") or street.get("sv") or next(iter(street.values())),
                    city.get("fi") or city.get("sv") or next(iter(city.values()))]
        street = {lang: (street.get(lang) or official[0]) + (f" {number}" if number else "")
                  for lang in dict.fromkeys((*REQUIRED_LANGUAGES, *street))}
        city = {lang: city.get(lang) or official[1] for lang in dict.fromkeys((*REQUIRED_LANGUAGES, *city))}
        return {"street": street, "postal_code": st["postalCode"], "city": city}, street["fi"]
    return None, ""


def _phone(entries: Any) -> str | None:
    for p in entries if isinstance(entries, list) else []:
        if isinstance(p, dict) and p.get("type", "Phone") == "Phone" and isinstance(p.get("number"), str):
            prefix = (p.get("prefixNumber") or "").strip()
            return f"{prefix} {p['number'].strip()}".strip()
    return None


def _url(entries: Any, key: str = "url") -> str | None:
    ordered = sorted((e for e in entries if isinstance(e, dict)) if isinstance(entries, list) else [],
                     key=lambda e: (e.get("language") != "fi", e.get("orderNumber") or 0))
    for e in ordered:
        value = e.get(key)
        if isinstance(value, str) and re.match(r"^https?://\S+$", value.strip()):
            return value.strip()
    return None


def _provider(m: _Mapper, item: PtvItem) -> dict | None:
    d, where = item.data, item.where
    kind = d.get("organizationType")
    if kind not in ORGANISATION_TYPES:
        m.errors.append(f"{where}: organizationType {kind!r} is not one of {', '.join(ORGANISATION_TYPES)}")
        return None
    names = m.text(where, d.get("organizationNames"), "organizationNames", "Name")
    sector, organiser = ORGANISATION_TYPES[kind]
    if _missing(names) and names and sector != "public":
        # A company's or an association's registered name is its name in every language
        # (as a street's): used as it is, never translated, and said so.
        m.summary.missing_texts.append(f"{where}: organizationNames not in {', '.join(_missing(names))}; the "
                                       "registered name is used as it is")
        registered = names.get("fi") or names.get("sv") or next(iter(names.values()))
        names = {**{lang: registered for lang in REQUIRED_LANGUAGES}, **names}
    if _missing(names):
        m.summary.left_out.append(f"organisation {d['id']} ({names.get('fi') or names.get('sv') or '?'}): "
                                  f"no name in {', '.join(_missing(names))} in PTV")
        m.summary.missing_texts.append(f"{where}: organizationNames not in {', '.join(_missing(names))}")
        return None
    out: dict[str, Any] = {"id": d["id"].lower(), "names": names, "sector": sector, "organiser_type": organiser}
    if isinstance(d.get("businessCode"), str) and re.match(r"^\d{7}-\d$", d["businessCode"]):
        out["business_id"] = d["businessCode"]
    contact = {}
    if phone := _phone(d.get("phoneNumbers")):
        contact["phone"] = phone
    emails = [e.get("value") for e in d.get("emails") or [] if isinstance(e, dict) and e.get("value")]
    if emails:
        contact["email"] = emails[0]
    if web := _url(d.get("webPages")):
        contact["web"] = web
    if contact:
        out["contact"] = contact
    return out


def _channel(m: _Mapper, item: PtvItem, service_id: str, today: date, link_hours: Any = None) -> dict | None:
    """Our channel for PTV channel ``item`` as used by one service; hours given on the
    service-channel connection (``link_hours``) are that service's and come first."""
    d, where = item.data, item.where
    ptv_kind = d.get("serviceChannelType")
    if ptv_kind not in CHANNEL_KINDS:
        m.errors.append(f"{where}: serviceChannelType {ptv_kind!r} is not one of {', '.join(CHANNEL_KINDS)}")
        return None
    kind = CHANNEL_KINDS[ptv_kind]
    # A channel serves many services in PTV, ours belong to one: the id says both.
    out: dict[str, Any] = {"id": channel_id(d["id"], service_id), "kind": kind}
    names = m.text(where, d.get("serviceChannelNames"), "serviceChannelNames", "Name")
    if names and not _missing(names):
        out["names"] = names
    elif names:
        m.summary.missing_texts.append(f"{where}: serviceChannelNames not in {', '.join(_missing(names))}; "
                                       "the channel is shown without a name")
    languages = m.code_list(where, d.get("languages"), "languages")
    if languages:
        out["languages"] = languages
    hours = _opening_hours(m, where, link_hours or d.get("serviceHours"), today)
    if hours is not None:
        out["opening_hours"] = hours
    if kind == "visit":
        address, _ = _street_address(m, where, d.get("addresses"))
        if address is None:
            m.summary.left_out.append(f"{where}: a service location without a street address")
            return None
        out["address"] = address
        if phone := _phone(d.get("phoneNumbers")):
            out["phone"] = phone
    elif kind == "phone":
        phone = _phone(d.get("phoneNumbers"))
        if phone is None:
            m.summary.left_out.append(f"{where}: a phone channel without a phone number")
            return None
        out["phone"] = phone
    else:
        url = _url(d.get("webPages")) or _url(d.get("channelUrls"), "value")
        if url is None:
            m.summary.left_out.append(f"{where}: a {ptv_kind} channel without a web address")
            return None
        out["url"] = url
    return out


def channel_id(ptv_channel_id: str, ptv_service_id: str) -> str:
    """Our id of PTV channel ``ptv_channel_id`` as a channel of service ``ptv_service_id``."""
    return f"{ptv_channel_id.lower()}.{ptv_service_id.lower()[:8]}"


def _in_area(d: dict, municipality: str | None) -> bool:
    if municipality is None or d.get("areaType") in (None, "Nationwide", "NationwideExceptAlandIslands"):
        return True
    codes = {str(mu.get("code")) for a in d.get("areas") or [] if isinstance(a, dict)
             for mu in ([a] if a.get("type") == "Municipality" else a.get("municipalities") or [])
             if isinstance(mu, dict)}
    codes |= {str(mu.get("code")) for mu in d.get("municipalities") or [] if isinstance(mu, dict)}
    return municipality in codes


def _service(m: _Mapper, item: PtvItem, providers: dict[str, dict], channels: dict[str, PtvItem],
             today: date, municipality: str | None) -> dict | None:
    d, where = item.data, item.where
    sid = d["id"].lower()
    names = m.text(where, d.get("serviceNames"), "serviceNames", "Name")
    label = f"service {sid} ({names.get('fi') or names.get('sv') or '?'})"
    if not _in_area(d, municipality):
        m.summary.left_out.append(f"{label}: not offered in municipality {municipality}")
        return None
    descs = {t: m.text(where, d.get("serviceDescriptions"), "serviceDescriptions", t,
                       multiline=t in ("Description", "UserInstruction"))
             for t in ("Summary", "Description", "UserInstruction", "ChargeTypeAdditionalInfo")}
    required = {"names": names, "short_descriptions": descs["Summary"], "descriptions": descs["Description"]}
    gaps = [f"{k}.{lang}" for k, t in required.items() for lang in _missing(t)]
    if gaps:
        m.summary.missing_texts.append(f"{where}: no text in PTV for {', '.join(gaps)}")
        m.summary.left_out.append(f"{label}: texts missing in PTV ({', '.join(gaps)})")
        return None
    out: dict[str, Any] = {"id": sid, **required}
    if descs["UserInstruction"]:
        if _missing(descs["UserInstruction"]):
            m.summary.missing_texts.append(f"{where}: UserInstruction not in "
                                           f"{', '.join(_missing(descs['UserInstruction']))}; left out")
        else:
            out["user_instructions"] = descs["UserInstruction"]
    if d.get("serviceVouchersInUse"):
        out["charge_type"] = "voucher"
    elif d.get("serviceChargeType") == "Chargeable":
        price = descs["ChargeTypeAdditionalInfo"]
        if not price or _missing(price):
            m.summary.left_out.append(f"{label}: chargeable, but PTV does not say what it costs in "
                                      f"{', '.join(_missing(price))}")
            return None
        out["charge_type"], out["price_text"] = "charged", price
    elif d.get("serviceChargeType") == "FreeOfCharge":
        out["charge_type"] = "free"
    else:
        m.summary.left_out.append(f"{label}: PTV gives no charge type (serviceChargeType "
                                  f"{d.get('serviceChargeType')!r})")
        return None
    target = _finto(d.get("targetGroups"), TARGET_GROUPS, "target group", where, m.summary)
    if not target:
        m.summary.left_out.append(f"{label}: none of its target groups is one for residents")
        return None
    out["target_groups"] = target
    for key, table, what in (("lifeEvents", LIFE_EVENTS, "life event"),
                             ("serviceClasses", SERVICE_CLASSES, "service class")):
        mapped = _finto(d.get(key), table, what, where, m.summary)
        if mapped:
            out["life_events" if key == "lifeEvents" else "service_classes"] = mapped
    keywords: dict[str, list[str]] = {}
    for e in m.languages_of(where, d.get("keywords"), "keywords"):
        if (e.get("value") or "").strip():
            keywords.setdefault(e["language"], []).append(e["value"].strip())
    if keywords:
        out["keywords"] = keywords
    languages = m.code_list(where, d.get("languages"), "languages")
    if languages:
        out["languages"] = languages
    orgs = [o for o in d.get("organizations") or [] if isinstance(o, dict)]
    def org_id(o: dict) -> str | None:
        ref = o.get("organization") if isinstance(o.get("organization"), dict) else {}
        value = ref.get("id") or o.get("organizationId")
        return value.lower() if isinstance(value, str) else None
    main = d.get("mainOrganization") if isinstance(d.get("mainOrganization"), dict) else {}
    responsible = (main.get("id") or "").lower() or next(
        (org_id(o) for o in orgs if o.get("roleType") == "Responsible" and org_id(o)), None)
    if responsible not in providers:
        m.summary.left_out.append(f"{label}: its responsible organisation {responsible} is not among the imported "
                                  "organisations")
        return None
    out["responsible_provider"] = responsible
    producers = []
    for o in orgs:
        pid = org_id(o)
        if o.get("roleType") == "Producer" and pid:
            if pid in providers:
                producers.append(pid)
            else:
                m.summary.left_out.append(f"{label}: producer {pid} is not among the imported organisations")
    if producers:
        out["producers"] = list(dict.fromkeys(producers))
    chans = []
    for j, link in enumerate(d.get("serviceChannels") or []):
        ref = link.get("serviceChannel") if isinstance(link, dict) else None
        cid = ref.get("id", "").lower() if isinstance(ref, dict) and isinstance(ref.get("id"), str) else None
        if cid is None:
            m.errors.append(f"{where}: serviceChannels[{j}]: no serviceChannel.id")
            continue
        if cid not in channels:
            m.summary.left_out.append(f"{label}: channel {cid} is not in the ServiceChannel pages")
            continue
        ch = _channel(m, channels[cid], sid, today, link.get("serviceHours"))
        if ch is not None:
            chans.append(ch)
    if not chans:
        m.summary.left_out.append(f"{label}: no channel through which to reach it")
        return None
    out["channels"] = chans
    return out


def to_catalogue(pages: PtvPages, local: dict | None = None, *, today: date | None = None,
                 municipality: str | None = None, source: str = "PTV") -> tuple[dict, PtvSummary]:
    """The catalogue document of these pages with the local additions applied; raises
    ``CatalogueError`` (naming file and item) for bad input, nothing half done."""
    today = today or datetime.now(LOCAL_TZ).date()
    summary = PtvSummary()
    m = _Mapper(summary)
    published = {k: [i for i in v if i.data.get("publishingStatus", "Published") == "Published"]
                 for k, v in pages.items.items()}
    for kind in LIST_KINDS:
        for item in published[kind]:
            m.errors.extend(language_problems(item.where, item.data))
    providers = {}
    for item in sorted(published["Organization"], key=lambda i: i.data["id"].lower()):
        p = _provider(m, item)
        if p is not None:
            providers[p["id"]] = p
    channels = {i.data["id"].lower(): i for i in published["ServiceChannel"]}
    for item in published["ServiceChannel"]:  # every channel's type is checked, used or not
        if item.data.get("serviceChannelType") not in CHANNEL_KINDS:
            m.errors.append(f"{item.where}: serviceChannelType {item.data.get('serviceChannelType')!r} is not "
                            f"one of {', '.join(CHANNEL_KINDS)}")
    services, wheres = [], []
    for item in sorted(published["Service"], key=lambda i: i.data["id"].lower()):
        sv = _service(m, item, providers, channels, today, municipality)
        if sv is not None:
            services.append(sv)
            wheres.append(item.where)
    errors = list(dict.fromkeys(m.errors))
    if errors:
        raise CatalogueError(errors)
    if not services:
        raise CatalogueError([f"{', '.join(str(f) for f in pages.files[:3])}: no service could be imported"]
                             + summary.left_out[:20])
    doc = {"format": FORMAT, "source": source, "providers": [], "services": services}
    if local:
        apply_local_additions(doc, local, providers, summary)
    used = {sv["responsible_provider"] for sv in services} | {p for sv in services for p in sv.get("producers", [])}
    doc["providers"] = [providers[p] for p in sorted(providers) if p in used]
    errors = validate(doc)
    if errors:  # e.g. a Summary over 150 characters: named by its PTV file and item
        def located(e: str) -> str:
            m_ = re.match(r"^services\[(\d+)\]", e)
            return f"{wheres[int(m_.group(1))]}: {e}" if m_ else f"{source}: {e}"
        raise CatalogueError([located(e) for e in errors])
    summary.services = len(services)
    summary.channels = sum(len(sv["channels"]) for sv in services)
    summary.providers = len(doc["providers"])
    return doc, summary


# -- local additions -------------------------------------------------------------------
def load_local_additions(path: str | Path) -> dict:
    data = load_file(path)
    if not isinstance(data, dict) or data.get("format") != LOCAL_FORMAT:
        raise CatalogueError([f"{path}: not a local additions file (expected \"format\": \"{LOCAL_FORMAT}\")"])
    unknown = set(data) - {"format", "providers", "channels", "walk_in"}
    if unknown:
        raise CatalogueError([f"{path}: {k}: unknown field" for k in sorted(unknown)])
    return {**data, "_file": str(path)}


def local_additions_for(source: str | Path) -> dict | None:
    p = Path(source)
    f = p / LOCAL_FILE if p.is_dir() else None
    return load_local_additions(f) if f is not None and f.exists() else None


def apply_local_additions(doc: dict, local: dict, providers: dict[str, dict],
                          summary: PtvSummary | None = None) -> None:
    """Voucher acceptance per provider, slots and slot rules per channel, walk-in queue lines
    per service: kept in our own file, so a new PTV download never overwrites them. An
    addition for something not in this import (PTV retired it, or left it out) stays in the
    file, is reported and applies again when the item comes back; a malformed one is an error."""
    where = local.get("_file", LOCAL_FILE)
    errors: list[str] = []
    not_applied = summary.left_out if summary is not None else []

    def entries(key: str) -> dict:
        value = local.get(key) or {}
        if not isinstance(value, dict):
            errors.append(f"{where}: {key}: expected an object by id")
            return {}
        return value

    for pid, extra in entries("providers").items():
        if not isinstance(extra, dict) or set(extra) - {"accepts_vouchers"}:
            errors.append(f"{where}: providers.{pid}: only accepts_vouchers can be added")
        elif pid not in providers:
            not_applied.append(f"{where}: providers.{pid}: not an organisation of this import; not applied")
        else:
            providers[pid].update(extra)
    channels = {ch["id"]: ch for sv in doc["services"] for ch in sv["channels"]}
    for cid, extra in entries("channels").items():
        if not isinstance(extra, dict) or set(extra) - {"slots", "slot_rules", "accessibility", "checkin"}:
            errors.append(f"{where}: channels.{cid}: only slots, slot_rules, accessibility and checkin can be added")
        elif cid not in channels:
            not_applied.append(f"{where}: channels.{cid}: no such channel in this import (ids are "
                               "<PTV channel id>.<first 8 of the service id>); not applied")
        else:
            channels[cid].update(extra)
    services = {sv["id"]: sv for sv in doc["services"]}
    lines = local.get("walk_in") or []
    if not isinstance(lines, list):
        errors.append(f"{where}: walk_in: expected a list of queue lines")
        lines = []
    for i, line in enumerate(lines):
        if not isinstance(line, dict) or not isinstance(line.get("service"), str):
            errors.append(f"{where}: walk_in[{i}]: expected an object with a service id")
        elif line["service"] not in services:
            not_applied.append(f"{where}: walk_in[{i}]: service {line['service']} is not in this import; "
                               "not applied")
        else:
            services[line["service"]]["channels"].append(
                {"kind": "walk_in", **{k: v for k, v in line.items() if k != "service"}})
    if errors:
        raise CatalogueError(errors)


def import_directory(source: str | Path, *, local: str | Path | None = None, today: date | None = None,
                     municipality: str | None = None) -> tuple[dict, PtvSummary]:
    """Read the pages of ``source`` and its local additions (``--local`` or DIR/local-additions.json)."""
    additions = load_local_additions(local) if local else local_additions_for(source)
    return to_catalogue(read_pages(source), additions, today=today, municipality=municipality,
                        source=f"PTV {Path(source).name}")
