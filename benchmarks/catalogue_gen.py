"""A deterministic generated catalogue of N services in Finnish, Swedish and English.

The same (n, seed) always gives the same catalogue, so figures are comparable between
commits. Texts are built from real welfare-centre vocabulary with its diacritics
(äitiysneuvola / mödrarådgivning, hälsovård, työllisyys), so searching without
diacritics and by prefix is exercised the way residents do it.

    python -m benchmarks.catalogue_gen --services 50000 --json /tmp/catalogue.json
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from kiosk.catalogue import vocab
from kiosk.catalogue.domain import Channel, OpeningHours, Provider, Service, TimeRange

# What a welfare centre offers: (fi, sv, en) names and keywords per language.
KINDS: list[tuple[str, str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = [
    ("äitiysneuvola", "mödrarådgivning", "maternity clinic", ("raskaus", "neuvola", "odottava äiti"),
     ("graviditet", "rådgivning"), ("pregnancy", "prenatal")),
    ("lastenneuvola", "barnrådgivning", "child health clinic", ("neuvola", "rokotus", "lapsi"),
     ("vaccination", "barn"), ("vaccination", "baby", "child")),
    ("terveysasema", "hälsostation", "health station", ("lääkäri", "sairaanhoitaja", "terveys"),
     ("läkare", "hälsovård", "sjukskötare"), ("doctor", "nurse", "health care")),
    ("hammashoitola", "tandklinik", "dental clinic", ("hammaslääkäri", "hampaat", "suun terveys"),
     ("tandläkare", "tänder", "munhälsa"), ("dentist", "teeth", "oral health")),
    ("fysioterapia", "fysioterapi", "physiotherapy", ("kuntoutus", "selkäkipu", "liikunta"),
     ("rehabilitering", "ryggvärk"), ("rehabilitation", "back pain", "exercise")),
    ("kotihoito", "hemvård", "home care", ("ikääntyneet", "kotikäynti", "hoiva"),
     ("äldre", "hembesök", "omsorg"), ("older people", "home visit", "care")),
    ("sosiaalityö", "socialt arbete", "social work", ("sosiaaliohjaus", "toimeentulotuki"),
     ("socialhandledning", "utkomststöd"), ("social worker", "income support")),
    ("mielenterveyspalvelut", "mentalvårdstjänster", "mental health services", ("masennus", "ahdistus", "mieli"),
     ("depression", "ångest", "psykisk hälsa"), ("depression", "anxiety", "wellbeing")),
    ("päihdepalvelut", "missbrukarvård", "substance abuse services", ("päihde", "alkoholi", "riippuvuus"),
     ("beroende", "alkohol"), ("addiction", "alcohol")),
    ("perhekahvila", "familjecafé", "family café", ("perhe", "vertaistuki", "leikki"),
     ("familj", "kamratstöd", "lek"), ("family", "peer support", "play")),
    ("työllisyyspalvelut", "sysselsättningstjänster", "employment services", ("työnhaku", "työ", "koulutus"),
     ("jobbsökning", "arbete", "utbildning"), ("job search", "work", "training")),
    ("kirjaston digituki", "bibliotekets digistöd", "library digital help", ("tietokone", "älypuhelin", "digi"),
     ("dator", "smarttelefon"), ("computer", "smartphone", "internet")),
    ("nuorisotalo", "ungdomsgård", "youth centre", ("nuoret", "harrastus", "vapaa-aika"),
     ("unga", "hobby", "fritid"), ("young people", "hobby", "leisure")),
    ("vanhusten päivätoiminta", "dagverksamhet för äldre", "day activities for older people",
     ("eläkeläinen", "päivätoiminta", "yksinäisyys"), ("pensionär", "ensamhet"), ("pensioner", "loneliness")),
    ("kotoutumispalvelut", "integrationstjänster", "integration services", ("maahanmuuttaja", "suomen kieli"),
     ("invandrare", "finska språket"), ("immigrant", "finnish language")),
    ("velkaneuvonta", "skuldrådgivning", "debt advice", ("velka", "talous", "raha"),
     ("skuld", "ekonomi", "pengar"), ("debt", "money", "budget")),
    ("asumisneuvonta", "boenderådgivning", "housing advice", ("asunto", "vuokra", "häätö"),
     ("bostad", "hyra", "vräkning"), ("housing", "rent", "eviction")),
    ("puheterapia", "talterapi", "speech therapy", ("puhe", "kielenkehitys"), ("tal", "språkutveckling"),
     ("speech", "language development")),
    ("toimintaterapia", "ergoterapi", "occupational therapy", ("apuväline", "arki"), ("hjälpmedel", "vardag"),
     ("assistive device", "daily life")),
    ("kasvatus- ja perheneuvola", "uppfostrings- och familjerådgivning", "family counselling clinic",
     ("perheneuvonta", "kasvatus", "eroperhe"), ("familjerådgivning", "skilsmässa"), ("family counselling", "divorce")),
    ("omaishoidon tuki", "stöd för närståendevård", "informal carer support", ("omaishoitaja", "lomitus"),
     ("närståendevårdare", "avlösning"), ("carer", "respite care")),
    ("vammaispalvelut", "handikappservice", "disability services", ("vammaisuus", "kuljetuspalvelu", "avustaja"),
     ("funktionsnedsättning", "färdtjänst"), ("disability", "transport service", "assistant")),
    ("diabeteshoitaja", "diabetesskötare", "diabetes nurse", ("diabetes", "verensokeri"), ("blodsocker",),
     ("blood sugar", "insulin")),
    ("rokotuspiste", "vaccinationsställe", "vaccination point", ("rokote", "influenssa", "korona"),
     ("vaccin", "influensa"), ("vaccine", "flu", "covid")),
    ("ehkäisyneuvola", "preventivrådgivning", "contraception clinic", ("ehkäisy", "seksuaaliterveys"),
     ("preventivmedel", "sexuell hälsa"), ("contraception", "sexual health")),
    ("jalkaterapia", "fotterapi", "podiatry", ("jalat", "jalkahoito"), ("fötter", "fotvård"), ("feet", "foot care")),
    ("ravitsemusterapia", "näringsterapi", "nutrition therapy", ("ruokavalio", "paino"), ("kost", "vikt"),
     ("diet", "weight")),
    ("opiskeluterveydenhuolto", "studerandehälsovård", "student health care", ("opiskelija", "kouluterveydenhoitaja"),
     ("studerande", "skolhälsovårdare"), ("student", "school nurse")),
    ("kriisipäivystys", "krisjour", "crisis helpline", ("kriisi", "päivystys", "auttava puhelin"),
     ("kris", "jour", "stödtelefon"), ("crisis", "helpline", "emergency")),
    ("seurakunnan diakoniatyö", "församlingens diakoniarbete", "parish diaconal work", ("diakonia", "ruoka-apu"),
     ("diakoni", "mathjälp"), ("diaconia", "food aid")),
]

# Helsinki districts in Finnish and Swedish (English uses the Finnish name).
AREAS = [("Kontula", "Gårdsbacka"), ("Vuosaari", "Nordsjö"), ("Itäkeskus", "Östra centrum"), ("Malmi", "Malm"),
         ("Kallio", "Berghäll"), ("Töölö", "Tölö"), ("Käpylä", "Kottby"), ("Myllypuro", "Kvarnbäcken"),
         ("Herttoniemi", "Hertonäs"), ("Pasila", "Böle"), ("Lauttasaari", "Drumsö"), ("Munkkiniemi", "Munksnäs"),
         ("Oulunkylä", "Åggelby"), ("Pihlajamäki", "Rönnbacka"), ("Mellunmäki", "Mellungsbacka"),
         ("Puistola", "Parkstad"), ("Tapanila", "Mosabacka"), ("Vallila", "Vallgård"), ("Kannelmäki", "Gamlas"),
         ("Malminkartano", "Malmgård"), ("Pakila", "Baggböle"), ("Paloheinä", "Svedängen"),
         ("Jätkäsaari", "Busholmen"), ("Kalasatama", "Fiskehamnen"), ("Pitäjänmäki", "Sockenbacka"),
         ("Konala", "Kånala"), ("Laajasalo", "Degerö"), ("Jakomäki", "Jakobacka"), ("Siltamäki", "Brobacka"),
         ("Viikki", "Vik")]

# Free text vocabulary per language, for the longer descriptions.
FILLER = {
    "fi": ("palvelu tarjoaa tukea ja neuvontaa kaikille alueen asukkaille arjen tilanteissa hyvinvointi terveys "
           "ajanvaraus puhelimitse verkossa paikan päällä maksuton maksullinen palveluseteli esteetön sisäänkäynti "
           "induktiosilmukka pysäköinti lähellä metroasemaa ryhmätoiminta yksilötapaaminen etävastaanotto "
           "videoyhteys tulkkaus saatavilla suomeksi ruotsiksi englanniksi lapsiperheet nuoret aikuiset "
           "ikääntyneet omaiset hoitosuunnitelma ohjaus yhteistyö järjestöjen kanssa vapaaehtoiset kävijät "
           "päivittäin viikoittain kuukausittain tapaamiset lääkärin lähete ei tarvita kiireellinen kiireetön "
           "hoitoon pääsy jonotus vuoronumero ensikäynti kotikäynnit tarvittaessa myös iltaisin lauantaisin "
           "kesäaikaan suljettu juhlapyhinä henkilökunta auttaa löytämään oikean palvelun").split(),
    "sv": ("tjänsten erbjuder stöd och rådgivning för alla invånare i området i vardagliga situationer välmående "
           "hälsa tidsbokning per telefon på nätet på plats avgiftsfri avgiftsbelagd servicesedel tillgänglig "
           "ingång hörslinga parkering nära metrostationen gruppverksamhet individuella möten distansmottagning "
           "videoförbindelse tolkning finns på finska svenska engelska barnfamiljer unga vuxna äldre anhöriga "
           "vårdplan handledning samarbete med organisationer frivilliga besökare dagligen varje vecka "
           "månatligen träffar läkarremiss behövs inte brådskande icke-brådskande vård köande kölapp första "
           "besöket hembesök vid behov även kvällar lördagar sommartid stängt under helgdagar personalen hjälper "
           "att hitta rätt tjänst").split(),
    "en": ("the service offers support and advice for all residents of the area in everyday situations wellbeing "
           "health booking by phone online on site free of charge charged service voucher accessible entrance "
           "induction loop parking near the metro station group activities individual meetings remote "
           "appointments video connection interpreting available in finnish swedish english families with "
           "children young people adults older people relatives care plan guidance cooperation with "
           "organisations volunteers visitors daily weekly monthly meetings referral not needed urgent "
           "non-urgent access to care queue number first visit home visits when needed also evenings saturdays "
           "closed in summer public holidays staff help you find the right service").split(),
}

# Providers: (fi, sv, en) name patterns, sector, organiser type.
PROVIDER_KINDS = [
    ("{gen} terveyspalvelut", "Hälsotjänster i {sv}", "{fi} health services", "public", "wellbeing_county"),
    ("{gen} sosiaalipalvelut", "Socialtjänster i {sv}", "{fi} social services", "public", "municipality"),
    ("Fysio {fi} Oy", "Fysio {sv} Ab", "Physio {fi} Ltd", "private", "company"),
    ("Hammasklinikka {fi} Oy", "Tandklinik {sv} Ab", "{fi} Dental Ltd", "private", "company"),
    ("{gen} seurakunta", "{sv} församling", "{fi} parish", "third_sector", "parish"),
    ("{gen} Mielenterveysyhdistys ry", "Föreningen för psykisk hälsa i {sv} rf",
     "{fi} Mental Health Association", "third_sector", "association"),
    ("Suomen Punainen Risti, {gen} osasto", "Finlands Röda Kors, {sv} avdelning",
     "Finnish Red Cross, {fi} branch", "third_sector", "association"),
    ("Mannerheimin Lastensuojeluliitto, {fi}", "Mannerheims Barnskyddsförbund, {sv}",
     "Mannerheim League for Child Welfare, {fi}", "third_sector", "association"),
]

def _genitive(area: str) -> str:
    # Good enough for generated data: Kontula -> Kontulan, Itäkeskus -> Itäkeskusin.
    return area + ("n" if area[-1] in "aeiouyäö" else "in")


def _sentence(rng: random.Random, lang: str, extra: tuple[str, ...], n_words: int) -> str:
    pool = FILLER[lang]
    chosen = [rng.choice(pool) for _ in range(n_words)]
    for w in extra:
        chosen.insert(rng.randrange(len(chosen) + 1), w)
    text = " ".join(chosen)
    return text[0].upper() + text[1:] + "."


def generate_providers(rng: random.Random) -> list[Provider]:
    providers = []
    for ai, (fi_area, sv_area) in enumerate(AREAS):
        for ki, (fi, sv, en, sector, org) in enumerate(PROVIDER_KINDS):
            fi_name = fi.format(fi=fi_area, gen=_genitive(fi_area))
            providers.append(Provider(
                id=f"gen-prov-{ai:02d}-{ki}",
                names={"fi": fi_name, "sv": sv.format(sv=sv_area), "en": en.format(fi=fi_area)},
                sector=sector, organiser_type=org,
                business_id=f"{rng.randrange(1000000, 9999999)}-{rng.randrange(10)}" if sector != "public" else None,
                contact={"phone": f"+358 9 {rng.randrange(1000000, 9999999)}"},
                accepts_vouchers=sector == "private"))
    return providers


def generate_services(n: int, seed: int = 2026) -> list[Service]:
    """``n`` services as domain objects, the same for the same (n, seed)."""
    rng = random.Random(seed)
    providers = generate_providers(rng)
    hours = OpeningHours(regular={d: (TimeRange("08:00", "16:00"),) for d in vocab.WEEKDAYS[:5]})
    services = []
    for i in range(n):
        fi_kind, sv_kind, en_kind, fi_kw, sv_kw, en_kw = KINDS[rng.randrange(len(KINDS))]
        ai = rng.randrange(len(AREAS))
        fi_area, sv_area = AREAS[ai]
        provider = providers[ai * len(PROVIDER_KINDS) + rng.randrange(len(PROVIDER_KINDS))]
        sid = f"gen-{i:06d}"
        names = {"fi": f"{_genitive(fi_area)} {fi_kind}", "sv": f"{sv_kind.capitalize()} i {sv_area}",
                 "en": f"{fi_area} {en_kind}"}
        short = {lang: _sentence(rng, lang, (kind,), rng.randrange(6, 12))[:150]
                 for lang, kind in (("fi", fi_kind), ("sv", sv_kind), ("en", en_kind))}
        desc = {lang: " ".join(_sentence(rng, lang, kws[:1], rng.randrange(8, 14)) for _ in range(3))
                for lang, kws in (("fi", fi_kw), ("sv", sv_kw), ("en", en_kw))}
        charge = rng.choice(vocab.CHARGE_TYPES)
        services.append(Service(
            id=sid, names=names, short_descriptions=short, descriptions=desc, user_instructions={}, goal={},
            content={}, outputs={}, quality={}, charge_type=charge,
            price_text={"fi": "20 €", "sv": "20 €", "en": "EUR 20"} if charge == "charged" else {},
            target_groups=tuple(rng.sample(vocab.TARGET_GROUPS, rng.randrange(1, 3))),
            life_events=tuple(rng.sample(vocab.LIFE_EVENTS, rng.randrange(0, 3))),
            service_classes=tuple(rng.sample(vocab.SERVICE_CLASSES, 1)),
            keywords={"fi": fi_kw, "sv": sv_kw, "en": en_kw}, languages=("fi", "sv", "en"),
            responsible_provider=provider, producers=(provider,),
            channels=(Channel(id=f"{sid}-visit", service_id=sid, kind="visit", names={},
                              address={"street": {"fi": f"{_genitive(fi_area)}tie 1", "sv": f"{sv_area}vägen 1",
                                                  "en": f"{_genitive(fi_area)}tie 1"},
                                       "postal_code": "00940", "city": {"fi": "Helsinki", "sv": "Helsingfors",
                                                                        "en": "Helsinki"}},
                              phone=None, url=None, opening_hours=hours, accessibility={},
                              languages=("fi", "sv")),)))
    return services


def _hours_json(h: OpeningHours) -> dict:
    return {"regular": {d: [[r.opens, r.closes] for r in rs] for d, rs in h.regular.items()}}


def to_import_json(services: list[Service]) -> dict:
    """The services in the import format of docs/catalogue-format.md (welfare-kiosk-catalogue/1)."""
    providers = {}
    for s in services:
        for p in (s.responsible_provider, *s.producers):
            providers[p.id] = p
    out_providers = []
    for p in providers.values():
        d = {"id": p.id, "names": dict(p.names), "sector": p.sector, "organiser_type": p.organiser_type,
             "contact": dict(p.contact), "accepts_vouchers": p.accepts_vouchers}
        if p.business_id:
            d["business_id"] = p.business_id
        out_providers.append(d)
    out_services = []
    for s in services:
        d = {"id": s.id, "names": dict(s.names), "short_descriptions": dict(s.short_descriptions),
             "descriptions": dict(s.descriptions), "charge_type": s.charge_type,
             "target_groups": list(s.target_groups), "life_events": list(s.life_events),
             "service_classes": list(s.service_classes), "keywords": {k: list(v) for k, v in s.keywords.items()},
             "languages": list(s.languages), "responsible_provider": s.responsible_provider.id,
             "producers": [p.id for p in s.producers],
             "channels": [{"id": c.id, "kind": c.kind, "address": c.address, "languages": list(c.languages),
                           **({"opening_hours": _hours_json(c.opening_hours)} if c.opening_hours else {})}
                          for c in s.channels]}
        if s.price_text:
            d["price_text"] = dict(s.price_text)
        out_services.append(d)
    return {"format": "welfare-kiosk-catalogue/1", "source": "benchmarks.catalogue_gen (generated)",
            "providers": out_providers, "services": out_services}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--services", type=int, default=50_000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--json", type=Path, required=True, help="where to write the import-format JSON")
    args = ap.parse_args(argv)
    data = to_import_json(generate_services(args.services, args.seed))
    args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {len(data['services'])} services, {len(data['providers'])} providers to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
