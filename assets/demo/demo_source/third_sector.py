"""Third-sector services: associations, foundations and parishes in Kontula."""

from __future__ import annotations

from .common import ALWAYS_OPEN, hours, phone, rule, service, times, video, visit, walk_in, web

SERVICES = [
    service(
        "peer-group-tuulispaa", "tuulispaa",
        name="Mielenterveyden vertaisryhmä Tuulispää | Kamratstödsgrupp för psykisk hälsa Tuulispää | "
             "Tuulispää mental health peer group",
        short="Keskiviikkoillan vertaisryhmä masennuksen, ahdistuksen tai uupumuksen kanssa eläville. | "
              "Kamratgrupp på onsdagskvällar för dig som lever med depression, ångest eller utmattning. | A "
              "Wednesday-evening peer group for people living with depression, anxiety or burnout.",
        desc="Ryhmässä ei tarvitse esittää mitään: kahvin äärellä jaetaan kokemuksia siitä, mikä auttaa "
             "jaksamaan. Ryhmää vetää koulutettu kokemusasiantuntija yhdessä yhdistyksen työntekijän kanssa. "
             "Diagnoosia tai lähetettä ei kysytä, ja voit tulla kuuntelemaan ilman, että puhut itse. | I "
             "gruppen behöver du inte spela någon roll: över en kopp kaffe delar ni erfarenheter av vad som "
             "hjälper en att orka. Gruppen leds av en utbildad erfarenhetsexpert tillsammans med en anställd på "
             "föreningen. Ingen diagnos eller remiss behövs, och du får gärna bara lyssna. | Nobody has to "
             "pretend here: over coffee, people share what helps them keep going. The group is led by a "
             "trained expert by experience together with a member of the association's staff. No diagnosis or "
             "referral is asked for, and you are welcome just to listen.",
        instr="Tule paikalle vähän ennen kuutta. Ensimmäisellä kerralla riittää, että kerrot etunimesi. | Kom "
              "lite före sex. Första gången räcker det att du säger ditt förnamn. | Come a little before six. "
              "The first time, your first name is all you need to say.",
        tg="adults,special_support", le="mental_wellbeing,free_time_and_community",
        cls="mental_health_and_substance,leisure_and_community",
        keywords="vertaistuki, vertaisryhmä, masennus, ahdistus, mielenterveys, uupumus, jaksaminen | "
                 "kamratstöd, depression, ångest, psykisk hälsa, utmattning | peer support, peer group, "
                 "depression, anxiety, mental health, burnout",
        langs="fi,en",
        channels=[
            visit("house", room="Olohuone, 1. kerros | Vardagsrummet, 1 våningen | The living room, ground floor",
                  hours=hours({"wed": "18:00-19:30"})),
            phone("+358 9 555 0621", "Tuulispään toimisto | Tuulispääs kansli | Tuulispää office",
                  hours({"mon-thu": "10:00-14:00"})),
        ]),
    service(
        "parish-family-cafe", "mellunmaki-parish",
        name="Seurakunnan perhekahvila | Församlingens familjecafé | Parish family café",
        short="Avoin aamupäivän kohtaamispaikka vauvoille, leikki-ikäisille ja heidän aikuisilleen, kahvi ja "
              "välipala maksutta. | Öppen förmiddagsträff för bebisar, lekåldern och deras vuxna, kaffe och "
              "mellanmål utan kostnad. | An open morning meeting place for babies, toddlers and their grown-ups, "
              "with free coffee and a snack.",
        desc="Perhekahvilassa lapset leikkivät ja aikuiset saavat juttuseuraa. Mukana on seurakunnan "
             "lastenohjaaja ja usein diakoniatyöntekijä, jolle voi puhua myös raskaammista asioista. Kaikki "
             "ovat tervetulleita vakaumuksesta ja kotikielestä riippumatta. | På familjecaféet leker barnen "
             "medan de vuxna får sällskap. Församlingens barnledare är med och ofta också en diakoniarbetare som "
             "du kan prata med om tyngre saker. Alla är välkomna oberoende av övertygelse och hemspråk. | At "
             "the family café the children play and the grown-ups get company. The parish's children's worker "
             "is there, and often a deacon you can talk to about heavier things too. Everyone is welcome, "
             "whatever their beliefs or home language.",
        instr="Ei ilmoittautumista. Vaunuille on paikka sisäänkäynnin vieressä. | Ingen anmälan. Det finns plats "
              "för barnvagnar vid ingången. | No need to sign up. There is room for prams by the entrance.",
        tg="families_with_children,immigrants", le="family_with_children,expecting_a_baby,free_time_and_community",
        cls="family_services,leisure_and_community",
        keywords="perhekahvila, perhekerho, vauvakerho, leikki, seurakunta | familjecafé, familjeklubb, "
                 "babyträff, församling | family café, playgroup, baby group, toddlers, parish",
        langs="fi,en",
        channels=[
            visit("church", room="Seurakuntasali, alakerta | Församlingssalen, nedre våningen | Parish hall, "
                  "lower floor", hours=hours({"tue,thu": "09:30-12:00"})),
        ]),
]
