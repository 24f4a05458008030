"""Third-sector services: associations, foundations and parishes in Kontula."""

from __future__ import annotations

from .common import hours, phone, rule, service, tr, video, visit, walk_in, web

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

SERVICES += [
    service(
        "clubhouse-tuulispaa", "tuulispaa",
        name="Klubitalo Tuulispää | Klubbhuset Tuulispää | Tuulispää clubhouse",
        short="Arkipäivien yhteisö mielenterveyskuntoutujille: keittiötyötä, toimistotöitä ja tukea opiskeluun "
              "tai työhön. | En vardagsgemenskap för personer som rehabiliteras efter psykisk ohälsa: köksarbete, "
              "kontorsarbete och stöd för studier eller arbete. | A weekday community for people recovering "
              "from mental ill health: kitchen and office work, and support towards study or a job.",
        desc="Klubitalolla jäsenet ja työntekijät pyörittävät taloa yhdessä: laitetaan lounas, tehdään "
             "jäsenlehteä ja hoidetaan kahvilaa. Päivän rytmi auttaa monia jaksamaan, ja siirtymätyöpaikan "
             "kautta voi kokeilla palkkatyötä. Jäsenyys on maksuton. | På klubbhuset driver medlemmarna och "
             "personalen huset tillsammans: man lagar lunch, gör medlemstidningen och sköter caféet. Dagens "
             "rytm hjälper många att orka, och via en övergångsanställning kan man pröva på lönearbete. "
             "Medlemskapet är gratis. | At the clubhouse members and staff run the house together: making lunch, "
             "producing the members' newsletter and running the café. The daily rhythm helps many people keep "
             "going, and a transitional job lets you try paid work. Membership is free.",
        instr="Tule tutustumaan arkipäivänä klo 9–15; esittelyyn ei tarvitse varata aikaa. | Kom och bekanta dig "
              "en vardag kl. 9–15; du behöver inte boka en presentation. | Come and have a look on a weekday "
              "between 9 and 3; no need to book a tour.",
        tg="adults,special_support", le="mental_wellbeing,work_and_unemployment", cls="mental_health_and_substance,employment",
        keywords="klubitalo, mielenterveyskuntoutuja, kuntoutus, päivätoiminta, siirtymätyö | klubbhus, "
                 "rehabilitering, psykisk hälsa | clubhouse, mental health recovery, transitional employment",
        langs="fi,en",
        channels=[visit("house", room="2. kerros | 2 våningen | 1st floor", hours=hours({"mon-fri": "09:00-15:00"}))]),
    service(
        "parish-diaconal-work", "mellunmaki-parish",
        name="Diakoniatyön vastaanotto | Diakoniarbetets mottagning | Parish deacon's drop-in",
        short="Diakoniatyöntekijä kuuntelee ja auttaa, kun elämässä on kriisi, rahat lopussa tai yksinäisyys "
              "painaa. | Diakoniarbetaren lyssnar och hjälper när livet är i kris, pengarna är slut eller "
              "ensamheten tynger. | A parish deacon listens and helps when life is in crisis, money has run out "
              "or you feel lonely.",
        desc="Diakoniatyöntekijän luo voit tulla kuka tahansa, vaikka et kuuluisi kirkkoon. Hän voi auttaa "
             "hakemaan tukia, antaa ruokakassin tai kaupan lahjakortin tiukkaan tilanteeseen ja kulkea "
             "rinnalla surussa. Keskustelut ovat luottamuksellisia. | Vem som helst kan komma till "
             "diakoniarbetaren, också den som inte hör till kyrkan. Hen kan hjälpa dig att söka stöd, ge en "
             "matkasse eller ett presentkort till butiken i ett trångt läge och finnas med i sorgen. Samtalen är "
             "konfidentiella. | Anyone can see the deacon, even if you are not a church member. They can help "
             "you apply for support, give a food bag or a shop voucher in a tight spot and stand by you in "
             "grief. Conversations are confidential.",
        instr="Päivystykseen tullaan jonotusnumerolla; ajan voi myös varata puhelimitse. | Till jouren kommer du "
              "med kölapp; du kan också boka tid per telefon. | Take a queue number at the drop-in, or book a "
              "time by phone.",
        tg="adults,older_people,families_with_children,immigrants", le="money_and_benefits,mental_wellbeing",
        cls="social_services,legal_and_financial_advice",
        keywords="diakonia, diakoniatyöntekijä, seurakunta, ruoka-apu, keskusteluapu, suru | diakoni, "
                 "församling, samtalsstöd, sorg | deacon, parish, church help, grief, someone to talk to",
        langs="fi,en",
        channels=[walk_in("church", "Diakonian päivystys | Diakonins jour | Deacon's drop-in",
                          hours({"tue": "09:00-11:00", "thu": "12:00-14:00"}),
                          room="Kirkon toimistosiipi | Kyrkans kanslidel | The church's office wing"),
                  phone("+358 9 555 0622", "Diakonian ajanvaraus | Diakonins tidsbokning | Deacon bookings",
                        hours({"mon-fri": "09:00-10:00"}))]),
    service(
        "parish-senior-club", "mellunmaki-parish",
        name="Ikäihmisten päiväpiiri | Dagkrets för äldre | Seniors' afternoon circle",
        short="Torstai-iltapäivän piiri yli 65-vuotiaille: kahvia, yhteislaulua, vierailijoita ja hartaus. | "
              "Torsdagseftermiddagens krets för dem som är över 65: kaffe, allsång, gäster och andakt. | A "
              "Thursday-afternoon circle for over-65s: coffee, singing together, visiting speakers and a short "
              "prayer.",
        desc="Päiväpiirissä lauletaan tuttuja lauluja, kuullaan vierailijoita poliisista muistihoitajaan ja "
             "juodaan pullakahvit. Syksyllä ja keväällä tehdään retki. Huonosti liikkuville järjestyy "
             "kimppakyyti. | I dagkretsen sjunger man kända sånger, lyssnar på gäster från polisen till "
             "minnesskötaren och dricker kaffe med bulle. På hösten och våren gör man en utflykt. För den som "
             "har svårt att röra sig ordnas samåkning. | The circle sings familiar songs, hears visitors from "
             "the police to the memory nurse and enjoys coffee and buns. There is an outing every autumn and "
             "spring. Shared rides can be arranged for those who find walking hard.",
        instr="Tule suoraan; kyytiä voi kysyä diakonian puhelimesta. | Kom direkt; skjuts kan du fråga om via "
              "diakonins telefon. | Just come along; ask the deacon's phone line about a ride.",
        tg="older_people", le="ageing_and_care,free_time_and_community", cls="leisure_and_community,elderly_services",
        keywords="päiväpiiri, eläkeläiset, seurakunta, yhteislaulu, yksinäisyys | dagkrets, pensionärer, "
                 "allsång, ensamhet | seniors club, pensioners, singing, parish, loneliness",
        langs="fi",
        channels=[visit("church", room="Seurakuntasali | Församlingssalen | Parish hall",
                        hours=hours({"thu": "13:00-15:00"}))]),
    service(
        "swedish-family-club", "matteus-parish",
        name="Ruotsinkielinen perhekerho | Familjeklubb på svenska | Swedish-language family club",
        short="Ruotsinkielinen kohtaamispaikka pikkulapsille ja vanhemmille Kontulassa: leikkiä, laulua ja "
              "välipala. | Svenskspråkig träff för småbarn och deras föräldrar i Gårdsbacka: lek, sång och fika. | "
              "A Swedish-speaking meeting place for small children and their parents in Kontula: play, songs "
              "and a snack.",
        desc="Matteuksen seurakunta järjestää perhekerhon Kontulan kirkolla, jotta Itä-Helsingin "
             "ruotsinkielisten perheiden ei tarvitse lähteä kauas. Laulamme, leikimme ja juttelemme, ja "
             "kaksikieliset perheet ovat yhtä lailla tervetulleita. | Matteus församling ordnar familjeklubben "
             "i Gårdsbacka kyrka så att svenskspråkiga familjer i östra Helsingfors inte behöver åka långt. Vi "
             "sjunger, leker och pratar, och tvåspråkiga familjer är lika välkomna. | Matteus parish holds the "
             "family club at Kontula church so that Swedish-speaking families in eastern Helsinki do not have "
             "to travel far. We sing, play and chat, and bilingual families are just as welcome.",
        instr="Ei ilmoittautumista, tulkaa sellaisina kuin olette. | Ingen anmälan, kom som ni är. | No need "
              "to sign up, come as you are.",
        tg="swedish_speakers,families_with_children", le="family_with_children,expecting_a_baby,free_time_and_community",
        cls="family_services,leisure_and_community",
        keywords="perhekerho ruotsiksi, ruotsinkielinen | familjeklubb, svenska, småbarn, församling, lek | "
                 "Swedish family club, toddlers, playgroup in Swedish",
        langs="sv",
        channels=[visit("church", room="Lasten kerhohuone | Barnens klubbrum | Children's club room",
                        hours=hours({"fri": "09:30-11:30"}), langs=["sv"])]),
    service(
        "swedish-diaconal-work", "matteus-parish",
        name="Ruotsinkielinen diakonia ja kotikäynnit | Diakoni och hembesök på svenska | Swedish-language "
             "deacon and home visits",
        short="Keskusteluapua, tukea vaikeissa tilanteissa ja kotikäyntejä ruotsiksi itähelsinkiläisille "
              "ikäihmisille. | Samtal, stöd i svåra situationer och hembesök på svenska för äldre i östra "
              "Helsingfors. | Someone to talk to, support in hard times and home visits in Swedish for older "
              "people in eastern Helsinki.",
        desc="Diakoniatyöntekijä tulee mielellään kotiisi, jos et itse jaksa lähteä liikkeelle. Voitte jutella "
             "raskaista asioista, käydä läpi papereita tai miettiä, miten arki sujuisi. Myös omaiset voivat "
             "ottaa yhteyttä. | Diakoniarbetaren kommer gärna hem till dig om du inte själv orkar ta dig ut. Ni "
             "kan prata om det som känns tungt, gå igenom papper eller planera hur vardagen ska fungera. Också "
             "anhöriga kan höra av sig. | The deacon is happy to come to your home if you cannot easily get out. "
             "You can talk about what feels heavy, go through paperwork or plan how daily life can work. "
             "Relatives can get in touch too.",
        instr="Soita ja kerro lyhyesti asiasi, niin sovitaan käynnistä. | Ring och berätta kort vad det gäller, "
              "så kommer vi överens om ett besök. | Call and tell us briefly what it is about, and we will "
              "arrange a visit.",
        tg="swedish_speakers,older_people", le="ageing_and_care,mental_wellbeing",
        cls="social_services,elderly_services",
        keywords="ruotsinkielinen diakonia | diakoni, hembesök, samtal, svenska, äldre | Swedish-speaking "
                 "deacon, home visit",
        langs="sv",
        channels=[phone("+358 9 555 0631", "Diakonian puhelin | Diakonins telefon | Deacon's phone",
                        hours({"mon-thu": "09:00-12:00"}), langs=["sv"])]),
    service(
        "food-aid", "ruoka-apu",
        name="Ruoka-apu ja ruokajako | Matbistånd och matutdelning | Food aid and food bank",
        short="Kauppojen ylijäämäruokaa jaetaan kahdesti viikossa kaikille tarvitseville ilman papereita. | "
              "Överbliven mat från butiker delas ut två gånger i veckan till alla som behöver, utan papper. | "
              "Surplus food from shops is handed out twice a week to anyone who needs it, no papers required.",
        desc="Jakoon tullaan jonoon ulko-ovelle, ja jokainen saa kassillisen leipää, maitotuotteita, hedelmiä ja "
             "kuivamuonaa. Lapsiperheille ja erityisruokavalioille varataan omia kasseja. Ruoka-aputoimintaa "
             "pyörittävät vapaaehtoiset, ja uudet auttajat ovat tervetulleita. | Till utdelningen ställer man "
             "sig i kö vid ytterdörren, och alla får en kasse med bröd, mejeriprodukter, frukt och torrvaror. "
             "För barnfamiljer och specialdieter reserveras egna kassar. Matbiståndet drivs av frivilliga, och "
             "nya hjälpare är välkomna. | You queue at the front door and everyone gets a bag of bread, dairy "
             "products, fruit and dry goods. Separate bags are kept for families with children and special "
             "diets. The food aid is run by volunteers, and new helpers are welcome.",
        instr="Ota oma kassi mukaan. Jono alkaa puoli tuntia ennen jakoa. | Ta med en egen kasse. Kön börjar en "
              "halvtimme före utdelningen. | Bring your own bag. The queue starts half an hour before.",
        tg="adults,families_with_children,older_people,immigrants", le="money_and_benefits,family_with_children",
        cls="social_services,leisure_and_community",
        keywords="ruoka-apu, ruokajako, ruokakassi, leipäjono, ilmainen ruoka | matbistånd, matutdelning, "
                 "matkasse, gratis mat | food aid, food bank, free food, food parcel",
        langs="fi,en,so,ar,ru",
        channels=[walk_in("house", "Ruokajako pihan puolelta | Matutdelning från gården | Food distribution "
                          "from the yard", hours({"tue,fri": "12:00-14:00"}),
                          room="Pihan puoleinen ovi | Dörren mot gården | The yard-side door",
                          langs=["fi", "en", "so", "ar", "ru"])]),
    service(
        "community-meal", "asukasyhdistys", charge="charged",
        name="Yhteinen lounas asukastalolla | Gemensam lunch i invånarhuset | Shared lunch at the residents' house",
        short="Edullinen kotiruokalounas arkipäivisin asukastalolla, seuraa ja sanomalehdet kahvin kanssa. | "
              "Förmånlig husmanslunch vardagar i invånarhuset, sällskap och dagstidningar till kaffet. | "
              "Affordable home-cooked lunch on weekdays at the residents' house, with company and newspapers "
              "over coffee.",
        desc="Vapaaehtoiset kokit tekevät joka arkipäivä keiton tai pääruoan ja jälkiruoan. Lounaalle tulee "
             "eläkeläisiä, opiskelijoita ja lapsiperheitä, ja moni jää pelaamaan korttia. Kerran kuussa "
             "ruoan valmistaa jokin alueen kulttuuriyhdistys. | Frivilliga kockar lagar varje vardag en soppa "
             "eller huvudrätt och efterrätt. Till lunchen kommer pensionärer, studerande och barnfamiljer, och "
             "många stannar kvar och spelar kort. En gång i månaden lagas maten av en kulturförening i området. | "
             "Volunteer cooks make a soup or main course and dessert every weekday. Pensioners, students and "
             "families come, and many stay on to play cards. Once a month the food is cooked by one of the "
             "area's cultural associations.",
        instr="Maksu kortilla tai käteisellä. | Betala med kort eller kontant. | Pay by card or cash.",
        price="Lounas 4 €, lapset alle 12 v. 2 €. | Lunch 4 €, barn under 12 år 2 €. | Lunch €4, children under "
              "12 €2.",
        tg="older_people,adults,families_with_children", le="free_time_and_community,money_and_benefits",
        cls="leisure_and_community",
        keywords="asukastalo, lounas, yhteisöateria, edullinen ruoka | invånarhus, lunch, billig mat | community "
                 "lunch, residents' house, cheap meal",
        langs="fi,en",
        channels=[visit("house", names="Kontulan asukastalo | Gårdsbacka invånarhus | Kontula residents' house",
                        room="Asukastalon sali | Invånarhusets sal | The residents' house hall",
                        hours=hours({"mon-fri": "11:00-13:00"}))]),
    service(
        "residents-house-computer-help", "asukasyhdistys",
        name="Asukastalon tietokonetuki vapaaehtoisilta | Datorhjälp av frivilliga i invånarhuset | "
             "Volunteer computer help at the residents' house",
        short="Vapaaehtoiset neuvovat puhelimen ja tietokoneen kanssa kahvikupin ääressä ilman ajanvarausta. | "
              "Frivilliga hjälper med telefon och dator vid en kopp kaffe utan tidsbokning. | Volunteers help "
              "with phones and computers over a cup of coffee, no booking needed.",
        desc="Nuoret ja eläkkeellä olevat it-ihmiset päivystävät asukastalolla. He auttavat sähköpostin, "
             "videopuhelujen ja kuvien kanssa ja näyttävät, miten huijausviestin tunnistaa. Talolla on myös "
             "kaksi konetta, joita voi käyttää vapaasti. | Unga och pensionerade it-kunniga har jour i "
             "invånarhuset. De hjälper med e-post, videosamtal och bilder och visar hur man känner igen ett "
             "bedrägeriförsök. Huset har också två datorer som alla får använda. | Young people and retired IT "
             "folk are on hand at the residents' house. They help with email, video calls and photos, and "
             "show you how to spot a scam message. The house also has two computers anyone may use.",
        instr="Älä anna kenellekään pankkitunnuksiasi, emme myöskään me. | Ge aldrig någon dina bankkoder, inte "
              "heller oss. | Never give anyone your banking codes, not even us.",
        tg="older_people,immigrants", le="free_time_and_community,ageing_and_care", cls="digital_support",
        keywords="tietokoneapu, digiapu, puhelinapu, huijaus, vapaaehtoinen | datorhjälp, telefonhjälp, "
                 "bedrägeri, frivillig | computer help, phone help, scam, volunteer",
        langs="fi,en,ru",
        channels=[walk_in("house", "Tietokonepäivystys | Datorjour | Computer help drop-in",
                          hours({"mon,thu": "13:00-15:00"}),
                          room="Asukastalon kirjastonurkka | Invånarhusets bibliotekshörna | The residents' "
                               "house reading corner")]),
    service(
        "senior-club-elakkeensaajat", "elakkeensaajat", charge="charged",
        name="Eläkkeensaajien kerho ja retket | Pensionärsklubb och utflykter | Pensioners' club and outings",
        short="Viikoittainen kerho, bingo, tanssit ja teatteriretket Kontulan eläkeläisille. | Klubb varje "
              "vecka, bingo, dans och teaterresor för pensionärer i Gårdsbacka. | A weekly club, bingo, dances "
              "and theatre trips for Kontula's pensioners.",
        desc="Yhdistyksen kerhossa tavataan tuttuja, kuullaan ajankohtaisia asioita ja pelataan bingoa. "
             "Kuukauden viimeisenä perjantaina tanssitaan elävän musiikin tahdissa. Jäsenet saavat alennusta "
             "teatteri- ja kylpyläretkistä. | I föreningens klubb träffar man bekanta, hör om aktuella saker och "
             "spelar bingo. Sista fredagen i månaden dansar man till levande musik. Medlemmarna får rabatt på "
             "teater- och sparesor. | The club is where you meet friends, hear the latest news and play bingo. "
             "On the last Friday of the month there is dancing to live music. Members get discounts on theatre "
             "and spa trips.",
        instr="Liity jäseneksi kerhossa; ensimmäisen kerran voit tulla tutustumaan maksutta. | Bli medlem på "
              "klubben; första gången kan du komma och bekanta dig gratis. | Join at the club; your first visit "
              "is free.",
        price="Jäsenmaksu 15 € vuodessa, retket omakustannushintaan. | Medlemsavgift 15 € per år, utflykter "
              "till självkostnadspris. | Membership €15 a year; trips at cost price.",
        tg="older_people", le="free_time_and_community,ageing_and_care", cls="leisure_and_community",
        keywords="eläkeläiset, eläkeläiskerho, bingo, tanssit, retket | pensionärer, bingo, dans, resor | "
                 "pensioners club, bingo, dancing, outings",
        langs="fi",
        channels=[visit("house", room="Sali | Salen | The hall", hours=hours({"wed": "12:00-15:00"})),
                  phone("+358 9 555 0605", "Kerhon puheenjohtaja | Klubbens ordförande | Club chair",
                        hours({"mon-fri": "10:00-18:00"}))]),
    service(
        "friend-service", "naapuriapu",
        name="Ystäväpalvelu ikäihmisille | Vänverksamhet för äldre | Befriending for older people",
        short="Vapaaehtoinen ystävä käy luonasi kerran viikossa juttelemassa, ulkoilemassa tai asioilla. | "
              "En frivillig vän besöker dig en gång i veckan för att prata, promenera eller uträtta ärenden. | "
              "A volunteer friend visits once a week to chat, go for a walk or run errands with you.",
        desc="Ystävät ovat koulutettuja vapaaehtoisia, jotka on haastateltu ja joilta on tarkistettu "
             "rikostausta. Koordinaattori etsii sinulle ystävän, jolla on samanlaisia kiinnostuksen kohteita. "
             "Ystävä ei tee hoitotyötä, vaan tuo seuraa. | Vännerna är utbildade frivilliga som har intervjuats "
             "och vars brottsregister har kontrollerats. Koordinatorn letar upp en vän med liknande intressen "
             "åt dig. Vännen gör inget vårdarbete utan ger sällskap. | The friends are trained volunteers who "
             "have been interviewed and had a criminal record check. The coordinator finds you a friend with "
             "similar interests. The friend does not provide care, just company.",
        instr="Soita koordinaattorille; myös omainen tai kotihoito voi soittaa puolestasi. | Ring koordinatorn; "
              "också en anhörig eller hemvården kan ringa för dig. | Call the coordinator; a relative or home "
              "care can also call for you.",
        tg="older_people,special_support", le="ageing_and_care,mental_wellbeing,free_time_and_community",
        cls="elderly_services,leisure_and_community",
        keywords="ystäväpalvelu, vapaaehtoinen, yksinäisyys, seura, ulkoiluapu | vänverksamhet, frivillig, "
                 "ensamhet, sällskap | befriending, volunteer, loneliness, company, walking friend",
        langs="fi,sv,en",
        channels=[phone("+358 9 555 0641", "Ystäväkoordinaattori | Vänkoordinatorn | Befriending coordinator",
                        hours({"mon-thu": "10:00-14:00"}))]),
    service(
        "multilingual-advice", "monikko",
        name=tr("Monikielinen neuvonta | Flerspråkig rådgivning | Multilingual advice",
                so="Talo-bixin luqado badan", ar="استشارات بعدة لغات", ru="Консультации на разных языках",
                et="Mitmekeelne nõustamine"),
        short="Apua viranomaisasioihin, kirjeisiin ja hakemuksiin somaliksi, arabiaksi, venäjäksi, viroksi ja "
              "englanniksi. | Hjälp med myndighetsärenden, brev och ansökningar på somaliska, arabiska, ryska, "
              "estniska och engelska. | Help with official matters, letters and applications in Somali, Arabic, "
              "Russian, Estonian and English.",
        desc="Neuvojat selittävät Kelan, verottajan ja kaupungin kirjeet omalla kielelläsi ja auttavat "
             "täyttämään hakemukset. He tuntevat suomalaisen järjestelmän ja tietävät, mistä apua saa. Neuvonta "
             "on maksutonta ja luottamuksellista. | Rådgivarna förklarar brev från FPA, skatteverket och "
             "staden på ditt eget språk och hjälper dig att fylla i ansökningar. De känner det finländska "
             "systemet och vet var man får hjälp. Rådgivningen är gratis och konfidentiell. | The advisers "
             "explain letters from Kela, the tax office and the city in your own language and help you fill "
             "in applications. They know the Finnish system and where to get help. Advice is free and "
             "confidential.",
        instr="Tuo mukaan kirjeet ja paperit, joista haluat kysyä. | Ta med de brev och papper du vill fråga om. | "
              "Bring the letters and papers you want to ask about.",
        tg="immigrants,adults,families_with_children", le="moving_to_finland,money_and_benefits,housing",
        cls="integration,legal_and_financial_advice",
        keywords="maahanmuuttaja, neuvonta, tulkki, somali, arabia, venäjä, viro, kirje, hakemus | invandrare, "
                 "rådgivning, tolk, brev, ansökan | immigrant advice, interpreter, Somali, Arabic, Russian, "
                 "Estonian, letters, forms",
        langs="fi,en,so,ar,ru,et",
        channels=[walk_in("house", "Neuvontapäivystys | Rådgivningsjour | Advice drop-in",
                          hours({"mon,wed": "10:00-15:00", "thu": "14:00-18:00"}),
                          room="Monikon neuvontahuone | Monikkos rådgivningsrum | Monikko advice room",
                          langs=["fi", "en", "so", "ar", "ru", "et"]),
                  phone("+358 9 555 0651", "Monikon neuvontapuhelin | Monikkos rådgivningstelefon | Monikko "
                        "advice line", hours({"mon-thu": "10:00-15:00"}), langs=["so", "ar", "ru", "et", "en"]),
                  video("https://video.example.org/monikko/neuvonta", "Neuvonta videolla | Rådgivning per video | "
                        "Advice by video", hours({"tue": "10:00-14:00"}),
                        rules=[rule("tue", "10:00,11:00,12:00,13:00", 45, weeks=4)],
                        langs=["so", "ar", "ru", "et", "en"])]),
    service(
        "women-finnish-club", "monikko",
        name="Naisten suomikerho ja lastenhoito | Finskaklubb för kvinnor med barnpassning | Finnish club for "
             "women, with childcare",
        short="Maahan muuttaneet naiset harjoittelevat suomea ja arjen taitoja, lapsille hoito viereisessä "
              "huoneessa. | Invandrade kvinnor övar finska och vardagsfärdigheter, barnpassning i rummet "
              "bredvid. | Immigrant women practise Finnish and everyday skills, with childcare next door.",
        desc="Kerho on tarkoitettu erityisesti kotona lapsia hoitaville äideille, joilla ei ole ollut "
             "mahdollisuutta kielikurssille. Harjoitellaan puhumista, käydään yhdessä kirjastossa ja neuvolassa "
             "ja vaihdetaan kuulumisia. Ohjaajat puhuvat suomea, somalia ja arabiaa. | Klubben är särskilt "
             "till för mammor som är hemma med barn och inte haft möjlighet att gå en språkkurs. Vi övar att "
             "prata, besöker biblioteket och rådgivningen tillsammans och pratar om hur vi har det. Ledarna "
             "talar finska, somaliska och arabiska. | The club is especially for mothers at home with children "
             "who have not had the chance to take a language course. We practise speaking, visit the library "
             "and the clinic together and catch up. The leaders speak Finnish, Somali and Arabic.",
        instr="Kerro ilmoittautuessa lasten iät, niin hoitaja varataan. | Berätta barnens åldrar när du anmäler "
              "dig, så ordnas barnpassning. | Tell us your children's ages when you sign up so we can arrange "
              "childcare.",
        tg="immigrants,families_with_children", le="moving_to_finland,family_with_children",
        cls="integration,education_and_culture",
        keywords="naisten kerho, suomen kieli, äidit, lastenhoito, kotoutuminen | kvinnoklubb, finska, mammor, "
                 "barnpassning | women's club, learn Finnish, mothers, childcare, integration",
        langs="fi,so,ar",
        channels=[visit("house", room="Monikon kerhohuone | Monikkos klubbrum | Monikko club room",
                        hours=hours({"tue,thu": "10:00-12:00"}), langs=["fi", "so", "ar"])]),
    service(
        "youth-mentoring", "nuorten-polku",
        name="Nuorten mentorointi ja tyttöjen ilta | Mentorskap för unga och tjejkväll | Youth mentoring and "
             "girls' evening",
        short="Aikuinen mentori 15–25-vuotiaalle sekä tyttöjen ja nuorten naisten oma ilta keskiviikkoisin. | "
              "En vuxen mentor för 15–25-åringar och en egen kväll för flickor och unga kvinnor på onsdagar. | "
              "An adult mentor for 15 to 25-year-olds, and an evening for girls and young women on "
              "Wednesdays.",
        desc="Mentori on koulutettu vapaaehtoinen, joka tapaa nuorta parin viikon välein vuoden ajan. Yhdessä "
             "voi miettiä opiskelua, harrastuksia tai vaikka ensimmäistä omaa asuntoa. Tyttöjen illassa "
             "kokataan, jutellaan ja tehdään retkiä turvallisessa porukassa. | Mentorn är en utbildad frivillig "
             "som träffar den unga varannan vecka under ett år. Tillsammans kan ni fundera på studier, hobbyer "
             "eller den första egna bostaden. På tjejkvällen lagar man mat, pratar och gör utflykter i ett "
             "tryggt gäng. | A mentor is a trained volunteer who meets the young person every couple of weeks "
             "for a year. Together you can think about studies, hobbies or your first flat. At the girls' "
             "evening we cook, talk and go on trips in a safe group.",
        instr="Hae mentoria verkkolomakkeella; tyttöjen iltaan voi tulla suoraan. | Ansök om mentor med "
              "webbformuläret; till tjejkvällen kan du komma direkt. | Apply for a mentor with the online form; "
              "just turn up for the girls' evening.",
        tg="children_and_young_people,immigrants", le="school_and_youth,mental_wellbeing,free_time_and_community",
        cls="leisure_and_community,social_services",
        keywords="mentori, mentorointi, nuoret, tyttöjen ilta, tytöt, nuoret naiset | mentor, unga, tjejkväll, "
                 "flickor | mentor, mentoring, youth, girls' night, young women",
        langs="fi,en,so,ar",
        channels=[visit("youth", room="Pieni sali | Lilla salen | The small hall", hours=hours({"wed": "17:00-20:00"})),
                  web("https://www.example.org/nuortenpolku/mentori", "Hae mentoria | Ansök om mentor | Apply "
                      "for a mentor")]),
    service(
        "debt-helpline", "velkatuki",
        name="Talousapu-neuvonta ja chat | Ekonomihjälpens rådgivning och chatt | Money Help advice line and chat",
        short="Nimetön neuvonta velka- ja rahahuoliin puhelimessa ja chatissa, myös iltaisin. | Anonym "
              "rådgivning om skulder och penningbekymmer per telefon och i chatt, också kvällstid. | Anonymous "
              "advice on debt and money worries by phone and chat, evenings too.",
        desc="Säätiön neuvojat auttavat hahmottamaan, mistä aloittaa, kun laskuja on kertynyt. He neuvovat "
             "maksuaikojen pyytämisessä ja kertovat säätiön takaamasta järjestelylainasta, jolla kalliit velat "
             "voi yhdistää. Myös läheinen voi soittaa. | Stiftelsens rådgivare hjälper dig att se var du ska "
             "börja när räkningarna har hopat sig. De ger råd om hur du ber om betalningstid och berättar om "
             "stiftelsens borgen för saneringslån, med vilket dyra skulder kan slås ihop. Också en närstående "
             "kan ringa. | The foundation's advisers help you see where to start when bills have piled up. They "
             "advise on asking for more time to pay and tell you about the foundation-guaranteed consolidation "
             "loan for combining expensive debts. Someone close to you can call too.",
        instr="Sinun ei tarvitse kertoa nimeäsi. Pidä velkakirjeet lähellä, kun soitat. | Du behöver inte säga "
              "ditt namn. Ha skuldbreven nära till hands när du ringer. | You do not have to give your name. "
              "Keep your debt letters handy when you call.",
        tg="adults,children_and_young_people,immigrants", le="money_and_benefits,mental_wellbeing",
        cls="legal_and_financial_advice",
        keywords="velka, rahahuolet, laskut, järjestelylaina, pikavippi, chat | skuld, penningbekymmer, räkningar, "
                 "saneringslån | debt, money worries, bills, consolidation loan, helpline, chat",
        langs="fi,sv,en",
        channels=[phone("+358 9 555 0609", "Talousapu-puhelin | Ekonomihjälpens telefon | Money Help phone",
                        hours({"mon-thu": "09:00-19:00", "fri": "09:00-15:00"})),
                  web("https://www.example.org/talousapu/chat", "Talousapu-chat | Ekonomihjälpens chatt | Money "
                      "Help chat")]),
    service(
        "carer-peer-group", "omaishoitajat",
        name="Omaishoitajien vertaisryhmä ja virkistys | Kamratgrupp och rekreation för närståendevårdare | "
             "Family carers' peer group and respite activities",
        short="Kuukausittainen ryhmä läheistään hoitaville sekä virkistyspäiviä, joiden ajaksi hoidettavalle "
              "järjestyy seuraa. | En månatlig grupp för dem som vårdar en närstående samt rekreationsdagar då "
              "den vårdade får sällskap. | A monthly group for people caring for someone close, and respite "
              "days with company arranged for the person cared for.",
        desc="Omaishoitajan arki voi olla raskasta ja yksinäistä. Ryhmässä kuulee, miten muut jaksavat, ja saa "
             "vinkkejä tukien hakemiseen. Virkistyspäivinä lähdetään esimerkiksi teatteriin tai kylpylään. "
             "Myös ne, jotka eivät saa omaishoidon tukea, ovat tervetulleita. | Närståendevårdarens vardag "
             "kan vara tung och ensam. I gruppen hör du hur andra orkar och får tips om att söka stöd. På "
             "rekreationsdagarna åker man till exempel på teater eller till ett spa. Också de som inte får "
             "stöd för närståendevård är välkomna. | Caring for someone can be heavy and lonely. In the group "
             "you hear how others cope and get tips on applying for support. Respite days might be a trip to "
             "the theatre or a spa. People who do not receive a carer's allowance are welcome too.",
        instr="Ilmoittaudu virkistyspäiviin kuukautta ennen. Ryhmään voi tulla suoraan. | Anmäl dig till "
              "rekreationsdagarna en månad i förväg. Till gruppen kan du komma direkt. | Sign up for respite "
              "days a month ahead. You can just come to the group.",
        tg="adults,older_people,special_support,swedish_speakers", le="ageing_and_care,disability,mental_wellbeing",
        cls="elderly_services,disability_services,leisure_and_community",
        keywords="omaishoitaja, vertaisryhmä, jaksaminen, virkistys | närståendevårdare, kamratgrupp, ork, "
                 "rekreation | family carer, caregiver, peer group, carer support, respite",
        langs="fi,sv",
        channels=[visit("house", room="Olohuone | Vardagsrummet | The living room",
                        hours=hours({"mon": "17:30-19:00"})),
                  phone("+358 9 555 0610", "Yhdistyksen toimisto | Föreningens kansli | Association office",
                        hours({"tue-thu": "10:00-14:00"}))]),
    service(
        "disability-advice", "vammaisyhdistys",
        name="Vammaisneuvonta ja oikeuksien tuki | Handikapprådgivning och stöd för rättigheter | Disability "
             "advice and rights support",
        short="Kokemusasiantuntija neuvoo vammaispalvelujen hakemisessa ja valittaa kanssasi kielteisestä "
              "päätöksestä. | En erfarenhetsexpert ger råd om att söka handikappservice och överklagar med dig "
              "ett negativt beslut. | An expert by experience advises on applying for disability services and "
              "helps you appeal a refusal.",
        desc="Yhdistyksen neuvojalla on itsellään vamma, ja hän tietää, miltä hakemusten täyttäminen tuntuu. "
             "Hän käy kanssasi läpi, mihin olet oikeutettu, auttaa hakemuksissa ja oikaisuvaatimuksissa sekä "
             "kertoo vertaistoiminnasta. | Föreningens rådgivare har själv en funktionsnedsättning och vet hur "
             "det känns att fylla i ansökningar. Rådgivaren går igenom vad du har rätt till, hjälper med "
             "ansökningar och begäran om omprövning och berättar om kamratverksamheten. | The association's "
             "adviser has a disability and knows what filling in the forms feels like. They go through what "
             "you are entitled to, help with applications and requests for review, and tell you about peer "
             "activities.",
        instr="Varaa aika puhelimitse; neuvoja voi tulla myös kotiisi. | Boka tid per telefon; rådgivaren kan "
              "också komma hem till dig. | Book by phone; the adviser can also come to your home.",
        tg="special_support,adults,families_with_children", le="disability,money_and_benefits",
        cls="disability_services,legal_and_financial_advice",
        keywords="vammaisneuvonta, vammaisyhdistys, valitus, oikaisuvaatimus, vertaistuki | handikapprådgivning, "
                 "överklagan, kamratstöd | disability advice, appeal, rights, peer support",
        langs="fi,sv,en",
        channels=[visit("house", room="Neuvontahuone 3 | Rådgivningsrum 3 | Advice room 3",
                        hours=hours({"tue,thu": "10:00-15:00"}),
                        rules=[rule("tue,thu", "10:00,11:30,13:30", 60, weeks=6)]),
                  phone("+358 9 555 0611", "Vammaisneuvonnan puhelin | Handikapprådgivningens telefon | "
                        "Disability advice line", hours({"mon-thu": "10:00-14:00"}))]),
    service(
        "accessible-activities", "vammaisyhdistys",
        name="Esteetön harrastusilta | Tillgänglig hobbykväll | Accessible hobby evening",
        short="Boccia, kuoro ja käsityöt viikoittain kaikenikäisille vammaisille ja heidän avustajilleen. | "
              "Boccia, kör och handarbete varje vecka för personer med funktionsnedsättning i alla åldrar och "
              "deras assistenter. | Boccia, choir and crafts every week for disabled people of all ages and "
              "their assistants.",
        desc="Harrastusillassa jokainen osallistuu niin kuin pystyy: bocciaa pelataan pyörätuolista, kuorossa "
             "on tulkki viittomakielelle ja käsitöihin on suurennuslasit ja erikoissakset. Ilta päättyy "
             "yhteiseen iltapalaan. | På hobbykvällen deltar var och en så gott man kan: boccia spelas från "
             "rullstol, kören har tolkning till teckenspråk och till handarbetet finns förstoringsglas och "
             "specialsaxar. Kvällen avslutas med en gemensam kvällsbit. | Everyone takes part as they can: "
             "boccia is played from a wheelchair, the choir has sign-language interpreting, and there are "
             "magnifiers and special scissors for crafts. The evening ends with a shared supper.",
        instr="Avustaja tai omainen voi tulla mukaan maksutta. | Assistent eller anhörig får följa med gratis. | "
              "An assistant or family member can come free of charge.",
        tg="special_support,children_and_young_people,adults", le="disability,free_time_and_community",
        cls="leisure_and_community,disability_services",
        keywords="boccia, kuoro, käsityöt, harrastus, viittomakieli, esteetön | boccia, kör, handarbete, "
                 "teckenspråk | boccia, choir, crafts, sign language, accessible hobby",
        langs="fi,sv,fse",
        channels=[visit("house", room="Sali | Salen | The hall", hours=hours({"wed": "17:00-20:00"}))]),
    service(
        "sports-club-kids", "kontulan-pallo", charge="charged",
        name="Lasten jalkapallo- ja futsalkoulu | Fotbolls- och futsalskola för barn | Children's football and "
             "futsal school",
        short="5–12-vuotiaiden palloilukoulu, jossa kaikki pääsevät mukaan ilman kokemusta; varusteita "
              "lainaksi. | Bollskola för 5–12-åringar där alla får vara med utan tidigare erfarenhet; "
              "utrustning att låna. | A football school for 5 to 12-year-olds where everyone can join without "
              "experience; kit to borrow.",
        desc="Kontulan Pallo haluaa, että harrastaminen ei jää rahasta kiinni. Kausimaksun voi maksaa osissa tai "
             "hakea vapautusta, ja nappikset ja säärisuojat saa lainaan. Valmentajat puhuvat suomea, englantia "
             "ja somalia. | Gårdsbacka Boll vill att ingen ska låta bli att idrotta på grund av pengar. "
             "Säsongsavgiften kan betalas i delar eller efterskänkas, och fotbollsskor och benskydd finns att "
             "låna. Tränarna talar finska, engelska och somaliska. | Kontula Ball wants no child to miss out "
             "because of money. The season fee can be paid in instalments or waived, and boots and shin pads "
             "can be borrowed. The coaches speak Finnish, English and Somali.",
        instr="Tule kokeilemaan kahdesti maksutta ennen ilmoittautumista. | Kom och prova två gånger gratis innan "
              "du anmäler dig. | Come and try twice for free before signing up.",
        price="Kausimaksu 120 €, sisaralennus 30 %; vapautusta voi hakea. | Säsongsavgift 120 €, syskonrabatt "
              "30 %; befrielse kan sökas. | Season fee €120, 30% sibling discount; you can apply to have it "
              "waived.",
        tg="children_and_young_people,families_with_children,immigrants", le="school_and_youth,free_time_and_community",
        cls="leisure_and_community",
        keywords="jalkapallo, futis, futsal, urheiluseura, harrastus, lapset | fotboll, futsal, idrottsförening, "
                 "barn | football, soccer, futsal, sports club, kids",
        langs="fi,en,so",
        channels=[visit("sports", room="Palloiluhalli, kenttä 1 | Bollhallen, plan 1 | Ball hall, pitch 1",
                        hours=hours({"mon,wed": "17:00-19:00", "sat": "10:00-12:00"})),
                  web("https://www.example.org/kontulanpallo/ilmoittaudu", "Ilmoittautuminen | Anmälan | Sign-up")]),
    service(
        "walking-football", "kontulan-pallo", charge="charged",
        name="Kävelyfutis senioreille | Gångfotboll för seniorer | Walking football for seniors",
        short="Jalkapalloa ilman juoksemista ja taklauksia yli 60-vuotiaille, hyvää liikuntaa ja naurua. | "
              "Fotboll utan löpning och tacklingar för personer över 60, bra motion och skratt. | Football "
              "without running or tackling for over-60s: good exercise and plenty of laughs.",
        desc="Kävelyfutiksessa pallo pidetään matalalla ja kävellään koko ajan, joten laji sopii myös "
             "polvi- tai sydänvaivaiselle. Pelataan sekajoukkueissa, ja peliä seuraa usein kahvi hallin "
             "kahviossa. | I gångfotboll hålls bollen låg och alla går hela tiden, så grenen passar också den "
             "som har knä- eller hjärtbesvär. Man spelar i blandade lag, och efter matchen blir det ofta kaffe "
             "i hallens kafé. | The ball stays low and everyone walks all the time, so it suits people with "
             "knee or heart problems too. Teams are mixed, and there is often coffee in the hall café "
             "afterwards.",
        instr="Ota sisäkengät ja vesipullo. Ensimmäinen kerta on ilmainen. | Ta med inneskor och vattenflaska. "
              "Första gången är gratis. | Bring indoor shoes and a water bottle. Your first time is free.",
        price="Kertamaksu 3 €, kausikortti 40 €. | Engångsavgift 3 €, säsongskort 40 €. | €3 per session, "
              "season card €40.",
        tg="older_people,adults", le="free_time_and_community,ageing_and_care", cls="leisure_and_community",
        keywords="kävelyfutis, seniorit, jalkapallo, liikunta | gångfotboll, seniorer, motion | walking football, "
                 "seniors, exercise",
        langs="fi,sv",
        channels=[visit("sports", room="Palloiluhalli, kenttä 2 | Bollhallen, plan 2 | Ball hall, pitch 2",
                        hours=hours({"tue,fri": "10:00-11:30"}))]),
    service(
        "low-threshold-day-centre", "kohtaamo",
        name="Päiväkeskus Kohtaamo | Dagcentret Kohtaamo | Kohtaamo day centre",
        short="Matalan kynnyksen olohuone päihteitä käyttäville: aamupala, suihku, pyykinpesu ja juttuseuraa. | "
              "Ett vardagsrum med låg tröskel för personer som använder rusmedel: frukost, dusch, tvätt och "
              "sällskap. | A low-threshold living room for people who use alcohol or drugs: breakfast, a "
              "shower, laundry and someone to talk to.",
        desc="Kohtaamoon saa tulla sellaisena kuin on, kunhan ei käytä päihteitä talon sisällä. Työntekijät "
             "auttavat asunnon, Kela-asioiden ja hoitoon hakeutumisen kanssa, kun on valmis. Kerran viikossa "
             "paikalla on terveysaseman sairaanhoitaja. | Till Kohtaamo får man komma som man är, så länge man "
             "inte använder rusmedel i huset. Personalen hjälper med bostad, FPA-ärenden och att söka vård när "
             "man är redo. En gång i veckan är en sjukskötare från hälsostationen på plats. | You can come to "
             "Kohtaamo as you are, as long as you do not use inside. Staff help with housing, Kela matters and "
             "getting into treatment when you are ready. A health station nurse comes once a week.",
        instr="Ovella ei kysytä nimeä. Aamupala on tarjolla klo 9–10. | Vid dörren frågar ingen efter namn. "
              "Frukost serveras kl. 9–10. | Nobody asks your name at the door. Breakfast is served from 9 to 10.",
        tg="adults,special_support", le="mental_wellbeing,housing,health_and_illness",
        cls="mental_health_and_substance,social_services",
        keywords="päihteet, päiväkeskus, matala kynnys, alkoholi, huumeet, asunnoton, suihku | rusmedel, "
                 "dagcenter, lågtröskel, bostadslös | substance use, drop-in, low threshold, homeless, addiction",
        langs="fi,en,ru,et",
        channels=[walk_in("house", "Päiväkeskus, sisäpihan ovi | Dagcentret, dörren mot innergården | Day centre, "
                          "courtyard door", hours({"mon-fri": "09:00-15:00"}),
                          room="Alakerta | Nedre våningen | Lower floor")]),
    service(
        "families-of-substance-users", "kohtaamo",
        name="Läheisten vertaisryhmä päihdeasioissa | Kamratgrupp för anhöriga till personer med missbruk | "
             "Peer group for families of people who drink or use drugs",
        short="Ryhmä puolisoille, vanhemmille ja aikuisille lapsille, joiden läheinen juo tai käyttää "
              "huumeita. | Grupp för makar, föräldrar och vuxna barn vars närstående dricker eller använder "
              "droger. | A group for partners, parents and adult children whose loved one drinks or uses drugs.",
        desc="Läheisen päihteiden käyttö vie voimia ja herättää häpeää, syyllisyyttä ja pelkoa. Ryhmässä niistä "
             "saa puhua ääneen ihmisten kanssa, jotka ymmärtävät. Ryhmä kokoontuu kahdeksan kertaa, ja sitä "
             "ohjaa päihdetyöntekijä yhdessä vertaisohjaajan kanssa. | Att en närstående använder rusmedel tar "
             "på krafterna och väcker skam, skuld och rädsla. I gruppen får du tala om det högt med människor "
             "som förstår. Gruppen träffas åtta gånger och leds av en missbruksarbetare tillsammans med en "
             "kamratledare. | A loved one's drinking or drug use drains your strength and brings shame, guilt "
             "and fear. In the group you can say it out loud to people who understand. The group meets eight "
             "times and is led by a substance-use worker together with a peer leader.",
        instr="Ilmoittaudu puhelimitse; ryhmään mahtuu kymmenen. | Anmäl dig per telefon; gruppen tar tio "
              "personer. | Sign up by phone; there are ten places.",
        tg="adults,families_with_children", le="mental_wellbeing,family_with_children",
        cls="mental_health_and_substance,family_services",
        keywords="läheinen, omainen, alkoholi, päihteet, vertaisryhmä, juominen | anhörig, alkohol, missbruk, "
                 "kamratgrupp | family member, loved one, alcohol, addiction, peer group",
        langs="fi",
        channels=[visit("house", room="Olohuone | Vardagsrummet | The living room",
                        hours=hours({"thu": "18:00-19:30"})),
                  phone("+358 9 555 0613", "Kohtaamon puhelin | Kohtaamos telefon | Kohtaamo phone",
                        hours({"mon-fri": "09:00-15:00"}))]),
    service(
        "swedish-seniors-club", "svenska-seniorer",
        name="Ruotsinkielisten eläkeläisten kerho | Svenskspråkig seniorklubb | Swedish-speaking seniors' club",
        short="Joka toinen viikko ruotsiksi kokoontuva kerho: esitelmiä, yhteislaulua, retkiä ja kahvia "
              "Kontulassa. | Klubbträff på svenska varannan vecka med föredrag, allsång, utflykter och kaffe i "
              "Gårdsbacka. | A fortnightly club in Swedish with talks, singing, trips and coffee in Kontula.",
        desc="Kerho on itähelsinkiläisten ruotsinkielisten eläkeläisten kohtaamispaikka. Kutsumme "
             "luennoitsijoita, juhlimme luciaa ja juhannusta ja teemme retkiä saaristoon. Uudet jäsenet "
             "pääsevät nopeasti porukkaan. | Klubben är en mötesplats för svenskspråkiga pensionärer i östra "
             "Helsingfors. Vi bjuder in föreläsare, firar lucia och midsommar och åker på utflykter till "
             "skärgården. Nya medlemmar blir snabbt en del av gänget. | The club is a meeting place for "
             "Swedish-speaking pensioners in eastern Helsinki. We invite speakers, celebrate Lucia and "
             "Midsummer and make trips to the archipelago. New members soon feel part of the group.",
        instr="Tule kerran katsomaan, sopiiko kerho sinulle. | Kom med en gång och se om klubben passar dig. | "
              "Come once and see if the club suits you.",
        price="Jäsenmaksu 20 € vuodessa; kahvi 2 €. | Medlemsavgift 20 € per år; kaffe 2 €. | Membership €20 a "
              "year; coffee €2.",
        charge="charged",
        tg="swedish_speakers,older_people", le="free_time_and_community,ageing_and_care",
        cls="leisure_and_community,elderly_services",
        keywords="ruotsinkieliset eläkeläiset | seniorklubb, pensionärer, svenska, allsång, utflykt | Swedish "
                 "seniors, pensioners club",
        langs="sv",
        channels=[visit("library", room="Kokoushuone Kuusi | Mötesrummet Kuusi | Meeting room Kuusi",
                        hours=hours({"mon": "13:00-15:00"}), langs=["sv"])]),
    service(
        "homework-help", "kontulan-perheet",
        name="Läksykerho ja oman äidinkielen kerho | Läxklubb och modersmålsklubb | Homework club and mother-"
             "tongue club",
        short="Vapaaehtoiset auttavat koululaisia läksyissä, ja lauantaisin on somalin- ja arabiankielinen "
              "kerho. | Frivilliga hjälper skolbarn med läxorna, och på lördagar finns klubbar på somaliska och "
              "arabiska. | Volunteers help schoolchildren with homework, and on Saturdays there are Somali and "
              "Arabic clubs.",
        desc="Läksykerhossa saa apua etenkin matematiikkaan ja suomen kieleen, ja välipala kuuluu asiaan. "
             "Lauantain äidinkielen kerhossa lapset lukevat, laulavat ja pelaavat omalla kielellään, mikä tukee "
             "myös suomen oppimista. | I läxklubben får man hjälp särskilt med matematik och finska, och det "
             "bjuds på mellanmål. I lördagens modersmålsklubb läser, sjunger och spelar barnen på sitt eget "
             "språk, vilket också stöder inlärningen av finska. | The homework club helps especially with maths "
             "and Finnish, and there is a snack. At the Saturday mother-tongue club children read, sing and "
             "play in their own language, which also helps them learn Finnish.",
        instr="Läksykerhoon voi tulla suoraan koulun jälkeen. | Till läxklubben kan man komma direkt efter "
              "skolan. | Children can come straight after school.",
        tg="children_and_young_people,immigrants,families_with_children",
        le="school_and_youth,family_with_children,moving_to_finland", cls="education_and_culture,integration",
        keywords="läksyapu, läksykerho, koululainen, äidinkieli, somali, arabia | läxhjälp, läxklubb, skolbarn, "
                 "modersmål | homework help, homework club, mother tongue, Somali, Arabic",
        langs="fi,so,ar,en",
        channels=[visit("library", room="Lasten osasto | Barnavdelningen | Children's section",
                        hours=hours({"mon-thu": "14:00-16:30", "sat": "11:00-13:00"}))]),
    service(
        "hearing-aid-help", "kuuloyhdistys",
        name="Kuulolaitteiden huoltopiste | Servicepunkt för hörapparater | Hearing aid help point",
        short="Paristot, letkujen ja suodattimien vaihto sekä neuvoja kuulolaitteen käyttöön, ilman "
              "ajanvarausta. | Batterier, byte av slangar och filter samt råd om hur hörapparaten används, utan "
              "tidsbokning. | Batteries, new tubes and filters, and advice on using your hearing aid, without "
              "an appointment.",
        desc="Moni kuulolaite jää laatikkoon, koska se vinkuu tai letku on kovettunut. Yhdistyksen "
             "vapaaehtoiset kuulolähettiläät puhdistavat laitteen, vaihtavat pienet osat ja näyttävät, miten "
             "laite asetetaan korvaan. Mukana on myös tietoa induktiosilmukoista ja kuulon apuvälineistä. | "
             "Många hörapparater blir liggande i en låda för att de piper eller slangen har hårdnat. "
             "Föreningens frivilliga hörselombud rengör apparaten, byter små delar och visar hur den sätts i "
             "örat. Du får också veta mer om hörslingor och hjälpmedel för hörseln. | Many hearing aids end up "
             "in a drawer because they whistle or the tube has gone hard. The association's volunteer hearing "
             "helpers clean your aid, change small parts and show you how to fit it in your ear. You can also "
             "learn about induction loops and other hearing equipment.",
        instr="Ota kuulolaite ja sen kotelo mukaan. Paristot myydään ostohintaan. | Ta med hörapparaten och "
              "dess fodral. Batterierna säljs till inköpspris. | Bring your hearing aid and its case. Batteries "
              "are sold at cost.",
        tg="older_people,special_support,swedish_speakers", le="ageing_and_care,disability,health_and_illness",
        cls="disability_services,rehabilitation",
        keywords="kuulolaite, kuulokoje, paristo, huonokuuloisuus, induktiosilmukka | hörapparat, batteri, "
                 "hörsel, hörslinga | hearing aid, battery, hard of hearing, induction loop",
        langs="fi,sv",
        channels=[walk_in("library", "Kuulolähettiläiden päivystys | Hörselombudens jour | Hearing helpers' "
                          "drop-in", hours({"tue": "10:00-13:00"}),
                          room="1. kerros, digipisteen vieressä | 1 våningen, bredvid digipunkten | Ground floor, "
                               "next to the digital help point")]),
]
