"""Who is on the tray in Kontula: public, private and third-sector providers.

Names, business ids, phone numbers and web addresses are fictional (example.fi /
example.org, +358 9 555 0xxx) even where the organisation type is a real one.
"""

from __future__ import annotations

from .common import tr


def provider(id: str, names: str, sector: str, organiser: str, *, business_id: str | None = None,
             phone: str | None = None, web: str | None = None, email: str | None = None,
             address: str | None = None, vouchers: bool = False) -> dict:
    p = {"id": id, "names": tr(names), "sector": sector, "organiser_type": organiser}
    if business_id:
        p["business_id"] = business_id
    contact = {k: v for k, v in (("phone", phone), ("email", email), ("web", web), ("address", address)) if v}
    if contact:
        p["contact"] = contact
    if vouchers:
        p["accepts_vouchers"] = True
    return p


PROVIDERS = [
    # -- public --------------------------------------------------------------------------------
    provider("hki-sote", "Helsingin kaupunki, sosiaali-, terveys- ja pelastustoimiala | "
             "Helsingfors stad, social-, hälsovårds- och räddningssektorn | "
             "City of Helsinki, Social Services, Health Care and Rescue Services",
             "public", "municipality", business_id="0201256-6", phone="+358 9 555 0100",
             web="https://www.example.fi/helsinki/sote", address="Kontulantie 5, 00940 Helsinki"),
    provider("hki-employment", "Helsingin työllisyyspalvelut | Helsingfors sysselsättningstjänster | "
             "Helsinki Employment Services", "public", "municipality", phone="+358 9 555 0200",
             web="https://www.example.fi/helsinki/tyollisyys"),
    provider("hki-library", "Helsingin kaupunginkirjasto | Helsingfors stadsbibliotek | Helsinki City Library",
             "public", "municipality", phone="+358 9 555 0300", web="https://www.example.fi/helsinki/kirjasto",
             address="Ostostie 4, 00940 Helsinki"),
    provider("hki-youth", "Helsingin nuorisopalvelut | Helsingfors ungdomstjänster | Helsinki Youth Services",
             "public", "municipality", phone="+358 9 555 0310", web="https://www.example.fi/helsinki/nuoret"),
    provider("hki-sports", "Helsingin liikuntapalvelut | Helsingfors idrottstjänster | Helsinki Sports Services",
             "public", "municipality", phone="+358 9 555 0320", web="https://www.example.fi/helsinki/liikunta"),
    provider("hki-adulted", "Helsingin työväenopisto | Helsingfors arbetarinstitut | "
             "Helsinki Adult Education Centre", "public", "municipality", phone="+358 9 555 0330",
             web="https://www.example.fi/helsinki/tyovaenopisto"),
    provider("hki-integration", "Helsingin maahanmuutto- ja kotoutumispalvelut | "
             "Helsingfors invandrar- och integrationstjänster | Helsinki Immigration and Integration Services",
             "public", "municipality", phone="+358 9 555 0340", web="https://www.example.fi/helsinki/kotoutuminen"),
    provider("kela", "Kansaneläkelaitos Kela | Folkpensionsanstalten FPA | "
             "The Social Insurance Institution of Finland, Kela", "public", "state", business_id="0246246-0",
             phone="+358 20 555 0400", web="https://www.example.fi/kela"),
    provider("legal-aid", "Etelä-Suomen oikeusaputoimisto | Södra Finlands rättshjälpsbyrå | "
             "Southern Finland Legal Aid Office", "public", "state", phone="+358 29 555 0410",
             web="https://www.example.fi/oikeusapu"),
    provider("hus", "HUS Helsingin yliopistollinen sairaala | HUS Helsingfors universitetssjukhus | "
             "HUS Helsinki University Hospital", "public", "wellbeing_county", phone="+358 9 555 0420",
             web="https://www.example.fi/hus"),
    # -- private -------------------------------------------------------------------------------
    provider("fysio-kontula", "Fysioterapia Kontulan Liike Oy | Fysioterapi Gårdsbacka Rörelse Ab | "
             "Kontula Movement Physiotherapy Ltd", "private", "company", business_id="2845102-7",
             phone="+358 9 555 0501", web="https://www.example.fi/kontulanliike",
             address="Kontulankaari 3, 00940 Helsinki", vouchers=True),
    provider("hymy-dental", "Hammaslääkäriasema Kontulan Hymy Oy | Tandläkarstationen Gårdsbacka Hymy Ab | "
             "Kontula Hymy Dental Clinic Ltd", "private", "company", business_id="2716398-4",
             phone="+358 9 555 0502", web="https://www.example.fi/hymy", vouchers=True),
    provider("lahella-care", "Kotihoito Lähellä Oy | Hemvård Nära Ab | Lähellä Home Care Ltd", "private",
             "company", business_id="3011457-2", phone="+358 9 555 0503",
             web="https://www.example.fi/lahella", vouchers=True),
    provider("arjen-taito", "Toimintaterapia Arjen Taito Oy | Arbetsterapi Vardagsfärdighet Ab | "
             "Everyday Skills Occupational Therapy Ltd", "private", "company", business_id="2958830-1",
             phone="+358 9 555 0504", web="https://www.example.fi/arjentaito", vouchers=True),
    provider("siisti-koti", "Kotiapu Siisti Koti Oy | Hemhjälp Städat Hem Ab | Tidy Home Help Ltd",
             "private", "company", business_id="3102264-9", phone="+358 9 555 0505",
             web="https://www.example.fi/siistikoti", vouchers=True),
    provider("ita-laakari", "Lääkäriasema Itä-Helsinki Oy | Läkarstationen Östra Helsingfors Ab | "
             "East Helsinki Medical Centre Ltd", "private", "company", business_id="2480027-5",
             phone="+358 9 555 0506", web="https://www.example.fi/italaakari"),
    provider("apteekki", "Kontulan apteekki | Gårdsbacka apotek | Kontula pharmacy", "private", "company",
             business_id="1760543-3", phone="+358 9 555 0507", web="https://www.example.fi/kontulanapteekki"),
    provider("mielentila", "Terapiakeskus Mielentila Oy | Terapicentret Sinnesro Ab | "
             "Mielentila Therapy Centre Ltd", "private", "company", business_id="2634719-0",
             phone="+358 9 555 0508", web="https://www.example.fi/mielentila", vouchers=True),
    provider("askel-jalka", "Jalkaterapia Askel Oy | Fotterapi Steget Ab | Askel Podiatry Ltd", "private",
             "company", business_id="2907715-6", phone="+358 9 555 0509",
             web="https://www.example.fi/askel", vouchers=True),
    provider("kotiruoka", "Ateriapalvelu Kotiruoka Oy | Måltidstjänst Husmanskost Ab | "
             "Home Cooking Meal Service Ltd", "private", "company", business_id="2219846-8",
             phone="+358 9 555 0510", web="https://www.example.fi/kotiruoka"),
    provider("sanasto", "Puheterapia Sanasto Oy | Talterapi Ordförråd Ab | Sanasto Speech Therapy Ltd",
             "private", "company", business_id="3055172-4", phone="+358 9 555 0511",
             web="https://www.example.fi/sanasto", vouchers=True),
    provider("turva", "Turvapalvelu Valpas Oy | Trygghetstjänst Vaken Ab | Valpas Safety Services Ltd",
             "private", "company", business_id="2573390-2", phone="+358 9 555 0512",
             web="https://www.example.fi/valpas"),
    # -- third sector ---------------------------------------------------------------------------
    provider("tuulispaa", "Itä-Helsingin mielenterveysyhdistys Tuulispää ry | "
             "Föreningen för psykisk hälsa i Östra Helsingfors Tuulispää rf | "
             "Tuulispää East Helsinki Mental Health Association", "third_sector", "association",
             business_id="1589034-1", phone="+358 9 555 0601", web="https://www.example.org/tuulispaa"),
    provider("mellunmaki-parish", "Mellunmäen seurakunta | Mellungsbacka finska församling | "
             "Mellunmäki Lutheran parish", "third_sector", "parish", phone="+358 9 555 0602",
             web="https://www.example.org/mellunmaenseurakunta", address="Kontulantie 8, 00940 Helsinki"),
    provider("matteus-parish", "Matteuksen seurakunta (ruotsinkielinen) | Matteus församling | "
             "Matteus parish (Swedish-speaking)", "third_sector", "parish", phone="+358 9 555 0603",
             web="https://www.example.org/matteus"),
    provider("ruoka-apu", "Itä-Helsingin Ruoka-apu ry | Matbiståndet i Östra Helsingfors rf | "
             "East Helsinki Food Aid Association", "third_sector", "association", business_id="2390017-9",
             phone="+358 9 555 0604", web="https://www.example.org/ruoka-apu"),
    provider("elakkeensaajat", "Kontulan Eläkkeensaajat ry | Pensionstagarna i Gårdsbacka rf | "
             "Kontula Pensioners' Association", "third_sector", "association", phone="+358 9 555 0605",
             web="https://www.example.org/kontulan-elakkeensaajat"),
    provider("naapuriapu", "Naapuriapu Kontula ry | Grannhjälpen Gårdsbacka rf | Kontula Neighbour Help",
             "third_sector", "association", business_id="2871156-3", phone="+358 9 555 0606",
             web="https://www.example.org/naapuriapu"),
    provider("monikko", "Monikielinen neuvontakeskus Monikko ry | Flerspråkiga rådgivningscentret Monikko rf | "
             "Monikko Multilingual Advice Centre", "third_sector", "association", business_id="2654480-6",
             phone="+358 9 555 0607", web="https://www.example.org/monikko"),
    provider("nuorten-polku", "Nuorten Polku -säätiö sr | Stiftelsen Ungas Stig sr | Youth Path Foundation",
             "third_sector", "foundation", business_id="2112985-0", phone="+358 9 555 0608",
             web="https://www.example.org/nuortenpolku"),
    provider("velkatuki", "Talousapu-säätiö sr | Stiftelsen Ekonomihjälp sr | Money Help Foundation",
             "third_sector", "foundation", business_id="1987563-2", phone="+358 9 555 0609",
             web="https://www.example.org/talousapu"),
    provider("omaishoitajat", "Itä-Helsingin Omaishoitajat ry | Närståendevårdarna i Östra Helsingfors rf | "
             "East Helsinki Family Carers' Association", "third_sector", "association", phone="+358 9 555 0610",
             web="https://www.example.org/omaishoitajat"),
    provider("vammaisyhdistys", "Itä-Helsingin Vammaisyhdistys ry | Handikappföreningen i Östra Helsingfors rf | "
             "East Helsinki Disability Association", "third_sector", "association", business_id="1620394-8",
             phone="+358 9 555 0611", web="https://www.example.org/vammaisyhdistys"),
    provider("kuuloyhdistys", "Itä-Helsingin Kuuloyhdistys ry | Hörselföreningen i Östra Helsingfors rf | "
             "East Helsinki Hard of Hearing Association", "third_sector", "association", phone="+358 9 555 0617",
             web="https://www.example.org/kuuloyhdistys"),
    provider("kontulan-pallo", "Urheiluseura Kontulan Pallo ry | Idrottsföreningen Gårdsbacka Boll rf | "
             "Kontula Ball Sports Club", "third_sector", "association", phone="+358 9 555 0612",
             web="https://www.example.org/kontulanpallo"),
    provider("kohtaamo", "Kohtaamo-säätiö sr | Stiftelsen Kohtaamo sr | Kohtaamo Foundation", "third_sector",
             "foundation", business_id="2246671-5", phone="+358 9 555 0613",
             web="https://www.example.org/kohtaamo", address="Kurkimäentie 2, 00940 Helsinki"),
    provider("asukasyhdistys", "Kontulan Asukasyhdistys ry | Invånarföreningen i Gårdsbacka rf | "
             "Kontula Residents' Association", "third_sector", "association", phone="+358 9 555 0614",
             web="https://www.example.org/kontulan-asukkaat"),
    provider("svenska-seniorer", "Itä-Helsingin ruotsinkieliset eläkeläiset ry | "
             "Svenska pensionärer i Östra Helsingfors rf | East Helsinki Swedish-speaking Pensioners",
             "third_sector", "association", phone="+358 9 555 0615", web="https://www.example.org/svenskaseniorer"),
    provider("kontulan-perheet", "Kontulan Perheet ry | Familjerna i Gårdsbacka rf | Kontula Families Association",
             "third_sector", "association", phone="+358 9 555 0616", web="https://www.example.org/kontulanperheet"),
]
