"""Small builders that keep the demo catalogue readable.

Every text is written as one string with the three languages separated by `` | ``
(Finnish | Swedish | English). Other languages are added as keyword arguments:
``tr("Neuvola | Rådgivning | Clinic", so="Xarunta caafimaadka")``.
"""

from __future__ import annotations

SEP = " | "


def tr(text: str | dict | None, **extra: str) -> dict | None:
    """``"fi | sv | en"`` -> ``{"fi": ..., "sv": ..., "en": ...}``."""
    if text is None or isinstance(text, dict):
        return text
    parts = [p.strip() for p in text.split(SEP)]
    if len(parts) != 3 or not all(parts):
        raise ValueError(f"expected 'fi | sv | en', got {text!r}")
    out = dict(zip(("fi", "sv", "en"), parts))
    out.update(extra)
    return out


def kw(text: str) -> dict:
    """Keywords: ``"neuvola, raskaus | rådgivning | clinic"`` -> lists by language."""
    out = {}
    for lang, part in zip(("fi", "sv", "en"), text.split(SEP)):
        out[lang] = [w.strip() for w in part.split(",") if w.strip()]
    if set(out) != {"fi", "sv", "en"}:
        raise ValueError(f"keywords need fi | sv | en: {text!r}")
    return out


# -- opening hours ---------------------------------------------------------------------------

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# The holidays of the 2026-27 winter (Europe/Helsinki). Every staffed channel lists them.
HOLIDAYS = [
    ("2026-12-24", "Jouluaatto | Julafton | Christmas Eve"),
    ("2026-12-25", "Joulupäivä | Juldagen | Christmas Day"),
    ("2026-12-26", "Tapaninpäivä | Annandag jul | St Stephen's Day"),
    ("2026-12-31", "Uudenvuodenaatto | Nyårsafton | New Year's Eve"),
    ("2027-01-01", "Uudenvuodenpäivä | Nyårsdagen | New Year's Day"),
    ("2027-01-06", "Loppiainen | Trettondagen | Epiphany"),
]


def _days(spec: str) -> list[str]:
    out: list[str] = []
    for part in spec.split(","):
        if "-" in part:
            a, b = part.split("-")
            out.extend(DAYS[DAYS.index(a):DAYS.index(b) + 1])
        else:
            out.append(part)
    return out


def _ranges(spec: str) -> list[list[str]]:
    return [r.split("-") for r in spec.split(",")]


def hours(spec: dict[str, str], *, short_eves: str | None = None, open_on: dict[str, str] | None = None) -> dict:
    """``hours({"mon-thu": "08:00-16:00", "fri": "08:00-11:30,12:30-15:00"})``.

    Holidays are closed; ``short_eves="08:00-12:00"`` keeps Christmas Eve and New Year's
    Eve open for the morning; ``open_on`` gives special hours for other holiday dates.
    """
    regular: dict[str, list] = {}
    for days, ranges in spec.items():
        for d in _days(days):
            regular[d] = _ranges(ranges)
    exceptions = []
    for date, note in HOLIDAYS:
        special = (open_on or {}).get(date)
        if special is None and short_eves and date in ("2026-12-24", "2026-12-31"):
            special = short_eves
        if special:
            exceptions.append({"date": date, "hours": _ranges(special), "note": tr(note)})
        else:
            exceptions.append({"date": date, "closed": True, "note": tr(note)})
    return {"regular": {d: regular[d] for d in DAYS if d in regular}, "exceptions": exceptions}


ALWAYS_OPEN = {"always_open": True}


def times(first: str, last: str, step: int) -> list[str]:
    """Start times from ``first`` to ``last`` inclusive every ``step`` minutes."""
    h, m = map(int, first.split(":"))
    end_h, end_m = map(int, last.split(":"))
    out = []
    t, end = h * 60 + m, end_h * 60 + end_m
    while t <= end:
        out.append(f"{t // 60:02d}:{t % 60:02d}")
        t += step
    return out


def rule(days: str, start_times: list[str] | str, minutes: int, weeks: int = 4, capacity: int = 1) -> dict:
    if isinstance(start_times, str):
        start_times = start_times.split(",")
    out = {"weekdays": _days(days), "times": start_times, "duration_min": minutes, "weeks_ahead": weeks}
    if capacity != 1:
        out["capacity"] = capacity
    return out


# -- places: buildings in Kontula (00940 Helsinki) ---------------------------------------------

CITY = tr("Helsinki | Helsingfors | Helsinki")

PLACES = {
    "centre": {
        "names": "Kontulan terveys- ja hyvinvointikeskus | Gårdsbacka hälso- och välfärdscentral | "
                 "Kontula health and wellbeing centre",
        "street": "Kontulantie 5 | Gårdsbackavägen 5 | Kontulantie 5",
        "access": "Esteetön sisäänkäynti Kontulantien puolelta, hissi kaikkiin kerroksiin, induktiosilmukka "
                  "neuvonnassa. Invapaikat pääoven vieressä. | Tillgänglig ingång från Gårdsbackavägen, hiss "
                  "till alla våningar och hörslinga i informationsdisken. Invalidparkering vid huvudingången. | "
                  "Step-free entrance from Kontulantie, a lift to every floor and an induction loop at the "
                  "information desk. Disabled parking next to the main door.",
    },
    "kiosk": {
        "names": "Hyvinvointikioski, Kontulan ostoskeskus | Välfärdskiosken i Gårdsbacka köpcentrum | "
                 "Welfare kiosk, Kontula shopping centre",
        "street": "Kontulankaari 1 | Gårdsbackabågen 1 | Kontulankaari 1",
        "access": "Katutasossa metroaseman vieressä, ei portaita. Istumapaikkoja odottajille ja "
                  "pyörätuolilla mahtuva kosketusnäyttö. | I gatuplanet bredvid metrostationen, inga trappor. "
                  "Sittplatser för den som väntar och en pekskärm som når från rullstol. | At street level "
                  "beside the metro station, no stairs. Seats while you wait and a touch screen you can reach "
                  "from a wheelchair.",
    },
    "library": {
        "names": "Kontulan kirjasto | Gårdsbacka bibliotek | Kontula library",
        "street": "Ostostie 4 | Köpvägen 4 | Ostostie 4",
        "access": "Kirjastoon pääsee tasaisesti ostoskeskuksen aukiolta, ja hissi vie toiseen kerrokseen. "
                  "Lainattavia lukulaseja ja suurennuslasi tiskillä. | Du kommer in i biblioteket utan trappor "
                  "från köpcentrets torg, och hissen går till andra våningen. Läsglasögon och förstoringsglas "
                  "finns att låna vid disken. | Level entry from the shopping centre square and a lift to the "
                  "first floor. Reading glasses and a magnifier can be borrowed at the desk.",
    },
    "youth": {
        "names": "Kontulan nuorisotalo | Gårdsbacka ungdomsgård | Kontula youth centre",
        "street": "Keinulaudantie 3 | Gungbrädsvägen 3 | Keinulaudantie 3",
        "access": "Sisäänkäynnillä loiva luiska, esteetön wc alakerrassa. Yläkerran bänditilaan on vain "
                  "portaat. | Svag ramp vid ingången och tillgänglig toalett i nedre våningen. Till bandrummet "
                  "på övre våningen går det bara trappor. | A gentle ramp at the entrance and an accessible "
                  "toilet downstairs. The band room upstairs can only be reached by stairs.",
    },
    "church": {
        "names": "Kontulan kirkko | Gårdsbacka kyrka | Kontula church",
        "street": "Kontulantie 8 | Gårdsbackavägen 8 | Kontulantie 8",
        "access": "Kirkon sivuovella on luiska ja ovisummeri. Seurakuntasalissa induktiosilmukka, esteetön "
                  "wc eteisaulassa. | Vid kyrkans sidodörr finns en ramp och en dörrsummer. Hörslinga i "
                  "församlingssalen, tillgänglig toalett i entréhallen. | A ramp and a door buzzer at the side "
                  "door of the church. Induction loop in the parish hall, accessible toilet in the entrance hall.",
    },
    "kela": {
        "names": "Kelan palvelupiste Kontulassa | FPA:s servicepunkt i Gårdsbacka | Kela service point in Kontula",
        "street": "Kontulankaari 1 | Gårdsbackabågen 1 | Kontulankaari 1",
        "access": "Ostoskeskuksen toisessa kerroksessa, hissi käytävän päässä. Vuoronumeroautomaatti on "
                  "matalalla ja siinä on pistekirjoitus. | I köpcentrets andra våning, hissen finns i slutet "
                  "av korridoren. Kölappsautomaten sitter lågt och har punktskrift. | On the first floor of "
                  "the shopping centre, the lift is at the end of the corridor. The ticket machine is mounted "
                  "low and has braille.",
    },
    "house": {
        "names": "Järjestötalo Kohtaamo | Föreningshuset Kohtaamo | Kohtaamo community house",
        "street": "Kurkimäentie 2 | Tranbackavägen 2 | Kurkimäentie 2",
        "access": "Katutason ovi avautuu painonapista. Tilat ovat yhdessä kerroksessa, ja eteisessä on "
                  "pyörätuolin mentävä wc. | Dörren i gatuplanet öppnas med tryckknapp. Lokalerna ligger på en "
                  "våning och i hallen finns en toalett som rymmer en rullstol. | The street-level door opens "
                  "with a push button. Everything is on one floor, and there is a wheelchair-sized toilet in "
                  "the hall.",
    },
    "medical": {
        "names": "Lääkäri- ja terapiatalo Kontulankaari | Läkar- och terapihuset Gårdsbackabågen | "
                 "Kontulankaari doctors' and therapy building",
        "street": "Kontulankaari 3 | Gårdsbackabågen 3 | Kontulankaari 3",
        "access": "Hissi katutasosta kaikkiin kerroksiin. Odotustiloissa tuoleja käsinojilla, mikä helpottaa "
                  "ylösnousua. | Hiss från gatuplanet till alla våningar. I väntrummen finns stolar med "
                  "armstöd som gör det lättare att resa sig. | A lift from street level to every floor. "
                  "Waiting rooms have chairs with armrests, which makes it easier to stand up.",
    },
    "sports": {
        "names": "Kontulan liikuntapuisto ja palloiluhalli | Gårdsbacka idrottspark och bollhall | "
                 "Kontula sports park and ball hall",
        "street": "Kivikonkaari 21 | Stenbackabågen 21 | Kivikonkaari 21",
        "access": "Halliin on esteetön sisäänkäynti ja pukuhuoneissa on tilaa apuvälineille. Pysäköinti "
                  "hallin edessä. | Hallen har tillgänglig ingång och i omklädningsrummen finns plats för "
                  "hjälpmedel. Parkering framför hallen. | Step-free entrance to the hall, and the changing "
                  "rooms have space for mobility aids. Parking in front of the hall.",
    },
}


def place_address(place: str, room: str | None = None) -> dict:
    p = PLACES[place]
    out = {"street": tr(p["street"]), "postal_code": "00940", "city": dict(CITY)}
    if room:
        out["room"] = tr(room)
    return out


# -- channels --------------------------------------------------------------------------------

def visit(place: str, *, room: str | None = None, hours: dict | None = None, rules: list | None = None,
          names: str | None = None, access: str | None = None, langs: list[str] | None = None) -> dict:
    ch = {"kind": "visit", "names": tr(names or PLACES[place]["names"]), "address": place_address(place, room)}
    if hours:
        ch["opening_hours"] = hours
    ch["accessibility"] = tr(access or PLACES[place]["access"])
    if langs:
        ch["languages"] = langs
    if rules:
        ch["slot_rules"] = rules
    return ch


def walk_in(place: str, names: str, hours: dict, *, room: str | None = None, langs: list[str] | None = None,
            access: str | None = None) -> dict:
    ch = visit(place, room=room, hours=hours, names=names, access=access, langs=langs)
    ch["kind"] = "walk_in"
    return ch


def phone(number: str, names: str, hours: dict, langs: list[str] | None = None) -> dict:
    ch = {"kind": "phone", "names": tr(names), "phone": number, "opening_hours": hours}
    if langs:
        ch["languages"] = langs
    return ch


def web(url: str, names: str, langs: list[str] | None = None) -> dict:
    ch = {"kind": "web", "names": tr(names), "url": url}
    if langs:
        ch["languages"] = langs
    return ch


def video(url: str, names: str, hours: dict, *, rules: list | None = None, langs: list[str] | None = None,
          access: str | None = None) -> dict:
    ch = {"kind": "video", "names": tr(names), "url": url, "opening_hours": hours}
    if access:
        ch["accessibility"] = tr(access)
    if langs:
        ch["languages"] = langs
    if rules:
        ch["slot_rules"] = rules
    return ch


# -- services --------------------------------------------------------------------------------

TEXT_FIELDS = {"names": "name", "short_descriptions": "short", "descriptions": "desc",
               "user_instructions": "instr", "goal": "goal", "content": "content", "outputs": "outputs",
               "quality": "quality", "price_text": "price"}


def service(id: str, provider: str, *, name, short, desc, tg: str, charge: str = "free", le: str = "",
            cls: str = "", keywords: str | None = None, langs: str = "fi,sv,en", producers: str = "",
            instr=None, goal=None, content=None, outputs=None, quality=None, price=None,
            channels: list[dict]) -> dict:
    given = {"name": name, "short": short, "desc": desc, "instr": instr, "goal": goal, "content": content,
             "outputs": outputs, "quality": quality, "price": price}
    s: dict = {"id": id}
    for field, arg in TEXT_FIELDS.items():
        if field == "price_text":
            continue
        if given[arg] is not None:
            s[field] = tr(given[arg])
    s["charge_type"] = charge
    if price is not None:
        s["price_text"] = tr(price)
    s["target_groups"] = tg.split(",")
    if le:
        s["life_events"] = le.split(",")
    if cls:
        s["service_classes"] = cls.split(",")
    if keywords:
        s["keywords"] = kw(keywords)
    s["languages"] = langs.split(",")
    s["responsible_provider"] = provider
    if producers:
        s["producers"] = producers.split(",")
    seen: dict[str, int] = {}
    out_channels = []
    for ch in channels:
        n = seen[ch["kind"]] = seen.get(ch["kind"], 0) + 1
        cid = f"{id}.{ch['kind'].replace('_', '-')}" + (f"{n}" if n > 1 else "")
        out_channels.append({"id": cid, **ch})
    s["channels"] = out_channels
    return s
