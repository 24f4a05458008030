"""Private services in Kontula; several producers accept the city's service vouchers."""

from __future__ import annotations

from .common import ALWAYS_OPEN, hours, phone, rule, service, times, video, visit, web

SERVICES = [
    service(
        "physio-kontulan-liike", "fysio-kontula", charge="charged",
        name="Fysioterapia Kontulan Liike | Fysioterapi Gårdsbacka Rörelse | Kontula Movement physiotherapy",
        short="Yksityinen fysioterapia selkä- ja nivelvaivoihin ja leikkauksen jälkeen; käy kaupungin "
              "palvelusetelillä. | Privat fysioterapi för rygg- och ledbesvär och efter operationer; "
              "stadens servicesedel gäller. | Private physiotherapy for back and joint pain and after surgery; "
              "the city's service voucher is accepted.",
        desc="Kontulan Liikkeen fysioterapeutit hoitavat niska-, selkä- ja polvivaivoja, kuntouttavat "
             "tekonivelleikkauksen jälkeen ja ohjaavat kotiharjoitteet, joita jaksaa oikeasti tehdä. Vastaanotolle "
             "pääsee ilman lähetettä, ja lääkärin lähetteellä saat Kela-korvauksen. | Fysioterapeuterna på "
             "Gårdsbacka Rörelse behandlar nack-, rygg- och knäbesvär, rehabiliterar efter ledprotesoperationer "
             "och lär dig hemövningar som du faktiskt orkar göra. Du kan komma utan remiss, och med läkarremiss "
             "får du FPA-ersättning. | The physiotherapists at Kontula Movement treat neck, back and knee "
             "problems, rehabilitate you after joint replacement surgery and give you home exercises you will "
             "actually keep doing. No referral needed; with a doctor's referral Kela pays part of the cost.",
        instr="Varaa aika verkossa tai puhelimella. Palvelusetelin kanssa tuo seteli tai sen numero ensimmäiselle "
              "käynnille. | Boka tid på nätet eller per telefon. Har du servicesedel, ta med den eller dess "
              "nummer till första besöket. | Book online or by phone. If you have a voucher, bring it or its "
              "number to your first visit.",
        price="Käynti 45 min 72 €, 60 min 89 €. Palvelusetelillä maksat vain omavastuuosuuden. | Besök 45 min "
              "72 €, 60 min 89 €. Med servicesedel betalar du bara självriskandelen. | A 45-minute visit €72, "
              "60 minutes €89. With a voucher you only pay your own share.",
        tg="adults,older_people", le="health_and_illness,ageing_and_care", cls="rehabilitation,health_care",
        keywords="fysioterapia, fysioterapeutti, fysio, selkäkipu, polvi, kuntoutus, palveluseteli | "
                 "fysioterapi, fysioterapeut, ryggont, knä, rehabilitering, servicesedel | physiotherapy, "
                 "physio, physiotherapist, back pain, knee, rehabilitation, voucher",
        langs="fi,sv,en,et",
        channels=[
            visit("medical", room="2. kerros, Kontulan Liike | 2 våningen, Gårdsbacka Rörelse | 1st floor, "
                  "Kontula Movement", hours=hours({"mon-thu": "07:30-19:00", "fri": "07:30-16:00",
                                                   "sat": "09:00-13:00"}),
                  rules=[rule("mon-fri", times("08:00", "17:00", 60), 45, weeks=5),
                         rule("sat", "09:00,10:00,11:00", 45, weeks=5)]),
            phone("+358 9 555 0521", "Kontulan Liikkeen ajanvaraus | Gårdsbacka Rörelses tidsbokning | "
                  "Kontula Movement bookings", hours({"mon-fri": "08:00-16:00"})),
            web("https://www.example.fi/kontulanliike/ajanvaraus", "Ajanvaraus verkossa | Tidsbokning på "
                "nätet | Book online"),
        ]),
    service(
        "private-dentist-hymy", "hymy-dental", charge="charged",
        name="Hammaslääkäriasema Hymy | Tandläkarstationen Hymy | Hymy dental clinic",
        short="Yksityinen hammaslääkäri ja suuhygienisti Kontulan ostoskeskuksen vieressä, myös iltaisin; "
              "palveluseteli käy. | Privat tandläkare och munhygienist bredvid köpcentret, också kvällstid; "
              "servicesedeln gäller. | A private dentist and hygienist beside Kontula shopping centre, also in "
              "the evenings; vouchers accepted.",
        desc="Hymyssä hoidetaan niin tarkastukset, paikkaukset kuin proteesitkin. Hammaspelkoisille on "
             "tarjolla rauhallisia pitkiä aikoja ja tarvittaessa rauhoittava lääkitys. Kaupungin "
             "palvelusetelillä maksat vain omavastuun. | På Hymy sköts allt från undersökningar och lagningar "
             "till proteser. För den som är rädd för tandvård finns lugna, långa tider och vid behov lugnande "
             "medicin. Med stadens servicesedel betalar du bara självrisken. | Hymy handles everything from "
             "check-ups and fillings to dentures. If you are afraid of the dentist, you can have calm, longer "
             "appointments and sedation if needed. With the city's voucher you only pay your own share.",
        instr="Kela korvaa osan hammaslääkärin tutkimuksesta; maksa vastaanotolla, korvaus vähennetään heti. | "
              "FPA ersätter en del av undersökningen; betala på mottagningen, ersättningen dras av direkt. | "
              "Kela reimburses part of the examination; pay at the clinic and the refund is deducted at once.",
        price="Tarkastus 65–95 €, paikkaus alkaen 110 €. Kela-korvaus vähennetään kassalla. | Undersökning "
              "65–95 €, lagning från 110 €. FPA-ersättningen dras av i kassan. | Check-up €65–95, fillings "
              "from €110. The Kela refund is deducted at the till.",
        tg="adults,older_people,families_with_children", le="health_and_illness", cls="oral_health",
        keywords="hammaslääkäri, yksityinen hammaslääkäri, hammashoito, hammaspelko, palveluseteli | "
                 "tandläkare, privat tandvård, tandskräck, servicesedel | dentist, private dentist, dental "
                 "anxiety, voucher",
        langs="fi,en,ru,ar",
        channels=[
            visit("medical", room="3. kerros, Hymy | 3 våningen, Hymy | 2nd floor, Hymy",
                  hours=hours({"mon-thu": "08:00-20:00", "fri": "08:00-16:00"}),
                  rules=[rule("mon-thu", "08:00,09:00,10:00,13:00,14:00,17:00,18:00,19:00", 50, weeks=6),
                         rule("fri", "08:00,09:00,10:00,13:00,14:00", 50, weeks=6)]),
            phone("+358 9 555 0522", "Hymyn ajanvaraus | Hymys tidsbokning | Hymy bookings",
                  hours({"mon-fri": "08:00-17:00"})),
        ]),
    service(
        "home-care-lahella", "lahella-care", charge="charged",
        name="Kotihoito Lähellä | Hemvård Nära | Lähellä home care",
        short="Yksityinen kotihoito ja kotisairaanhoito Kontulan alueella; kotihoidon palveluseteli käy. | "
              "Privat hemvård och hemsjukvård i Gårdsbacka med omnejd; hemvårdens servicesedel gäller. | "
              "Private home care and home nursing in the Kontula area; the home care voucher is accepted.",
        desc="Kotihoito Lähellä -yrityksen hoitajat auttavat aamutoimissa, peseytymisessä, lääkkeissä ja ruokailussa. Sama pieni "
             "tiimi käy luonasi, joten kasvot tulevat tutuiksi. Palvelun voi ostaa itse tai maksaa kaupungin "
             "myöntämällä kotihoidon palvelusetelillä. | Hemvårdarna på Nära hjälper till med morgonbestyr, "
             "tvätt, mediciner och måltider. Samma lilla team besöker dig, så ansiktena blir bekanta. Du kan "
             "köpa tjänsten själv eller betala med den servicesedel för hemvård som staden beviljar. | "
             "Lähellä's carers help with getting up, washing, medicines and meals. The same small team visits "
             "you, so you get to know the faces. You can buy the service yourself or pay with a home care "
             "voucher from the city.",
        instr="Soita, niin sovimme maksuttoman tutustumiskäynnin kotiisi. | Ring så kommer vi överens om ett "
              "avgiftsfritt hembesök. | Call us to arrange a free introductory visit to your home.",
        price="Tunti arkisin 52 €, iltaisin ja viikonloppuisin 62 €. Kotitalousvähennys koskee osaa "
              "hinnasta. | 52 € i timmen vardagar, 62 € kvällar och helger. Hushållsavdrag för en del av "
              "priset. | €52 an hour on weekdays, €62 in the evenings and at weekends. Part of the cost "
              "qualifies for the household tax credit.",
        tg="older_people,special_support", le="ageing_and_care,disability", cls="elderly_services",
        keywords="kotihoito, kotisairaanhoito, hoitaja kotiin, palveluseteli, vanhus | hemvård, "
                 "hemsjukvård, servicesedel, äldre | home care, home nursing, carer, voucher, elderly",
        langs="fi,sv,et,ru",
        channels=[
            phone("+358 9 555 0523", "Kotihoito Lähellä, asiakaspalvelu | Hemvård Nära, kundtjänst | Lähellä customer service",
                  hours({"mon-fri": "08:00-16:00"})),
            web("https://www.example.fi/lahella/kotihoito", "Palvelukuvaus ja hinnasto | Tjänstebeskrivning "
                "och prislista | Service description and prices"),
        ]),
    service(
        "occupational-therapy-arjen-taito", "arjen-taito", charge="charged",
        name="Toimintaterapia Arjen Taito | Arbetsterapi Vardagsfärdighet | Everyday Skills occupational therapy",
        short="Toimintaterapeutti auttaa arjen taidoissa kotona, koulussa tai vastaanotolla; palveluseteli "
              "ja Kelan maksusitoumus käyvät. | Arbetsterapeuten hjälper med vardagens färdigheter hemma, i "
              "skolan eller på mottagningen; servicesedel och FPA:s betalningsförbindelse gäller. | An "
              "occupational therapist helps with everyday skills at home, at school or at the clinic; vouchers "
              "and Kela commitments accepted.",
        desc="Toimintaterapiassa harjoitellaan sitä, mikä arjessa tökkii: pukeutumista aivoinfarktin jälkeen, "
             "keskittymistä koulussa tai kodin apuvälineiden käyttöä. Terapeutti tulee tarvittaessa kotiisi "
             "katsomaan, mitä voisi tehdä helpommin. | I arbetsterapin övar man det som är svårt i vardagen: "
             "att klä på sig efter en stroke, att koncentrera sig i skolan eller att använda hjälpmedel "
             "hemma. Terapeuten kommer vid behov hem till dig och ser vad som kunde göras lättare. | "
             "Occupational therapy works on whatever is hard in daily life: dressing after a stroke, "
             "concentrating at school or using aids at home. The therapist can visit your home to see what "
             "could be made easier.",
        instr="Tarvitset maksusitoumuksen tai palvelusetelin kaupungilta tai Kelalta, tai voit maksaa itse. | "
              "Du behöver betalningsförbindelse eller servicesedel från staden eller FPA, eller så betalar du "
              "själv. | You need a payment commitment or voucher from the city or Kela, or you pay yourself.",
        price="Terapiakäynti 60 min 98 €, kotikäynti 120 €. | Terapibesök 60 min 98 €, hembesök 120 €. | "
              "A 60-minute session €98, a home visit €120.",
        tg="special_support,children_and_young_people,older_people", le="disability,school_and_youth,ageing_and_care",
        cls="rehabilitation,disability_services",
        keywords="toimintaterapia, toimintaterapeutti, apuväline, kuntoutus | arbetsterapi, arbetsterapeut, "
                 "hjälpmedel | occupational therapy, OT, daily living, aids",
        langs="fi,sv,en",
        channels=[
            visit("medical", room="4. kerros, huone 402 | 4 våningen, rum 402 | 3rd floor, room 402",
                  hours=hours({"mon-fri": "08:00-16:00"}),
                  rules=[rule("mon,wed,fri", "08:30,10:00,13:00,14:30", 60, weeks=5)]),
            phone("+358 9 555 0524", "Arjen Taidon puhelin | Vardagsfärdighets telefon | Everyday Skills phone",
                  hours({"mon-thu": "09:00-15:00"})),
        ]),
    service(
        "cleaning-siisti-koti", "siisti-koti", charge="charged",
        name="Siivous- ja asiointiapu kotiin | Städ- och ärendehjälp i hemmet | Cleaning and errand help at home",
        short="Kotisiivous, kauppa- ja apteekkiasiointi ja saattaja lääkäriin; tukipalvelujen palveluseteli "
              "käy. | Hemstädning, ärenden till butik och apotek och följeslagare till läkaren; servicesedel "
              "för stödtjänster gäller. | Home cleaning, shopping and pharmacy errands, and an escort to the "
              "doctor; the support-services voucher is accepted.",
        desc="Siisti Koti hoitaa viikko- tai kuukausisiivouksen, ikkunanpesun ja vaatehuollon. Asiointiapu "
             "käy kaupassa puolestasi tai kanssasi ja saattaa lääkäriin. Kaupungin tukipalvelujen "
             "palveluseteliä voivat saada kotona asuvat ikäihmiset, joilla on siihen arvioitu tarve. | Städat "
             "Hem sköter städning varje vecka eller månad, fönstertvätt och klädvård. Ärendehjälpen handlar åt "
             "dig eller med dig och följer med till läkaren. Stadens servicesedel för stödtjänster kan beviljas "
             "äldre som bor hemma och har ett bedömt behov. | Tidy Home does weekly or monthly cleaning, window "
             "washing and laundry. The errand helper goes shopping for you or with you and takes you to the "
             "doctor. Older people living at home with an assessed need can get the city's support-services "
             "voucher.",
        instr="Tilaa puhelimitse. Kerro, jos kotonasi on lemmikki tai jos tarvitset apua aina samana "
              "viikonpäivänä. | Beställ per telefon. Berätta om du har husdjur eller behöver hjälp samma veckodag "
              "varje gång. | Order by phone. Tell us if you have a pet or need help on the same weekday each time.",
        price="Siivous 44 €/h, asiointiapu 39 €/h. Kotitalousvähennys tai palveluseteli alentaa hintaa. | "
              "Städning 44 €/h, ärendehjälp 39 €/h. Hushållsavdrag eller servicesedel sänker priset. | Cleaning "
              "€44 an hour, errands €39 an hour. The household tax credit or a voucher lowers the price.",
        tg="older_people,special_support", le="ageing_and_care,housing", cls="elderly_services,housing",
        keywords="siivous, kotisiivous, asiointiapu, kauppa-apu, palveluseteli | städning, hemstädning, "
                 "ärendehjälp, servicesedel | cleaning, cleaner, errands, shopping help, voucher",
        langs="fi,sv,et",
        channels=[
            phone("+358 9 555 0525", "Siisti Kodin tilaukset | Beställningar till Städat Hem | Tidy Home orders",
                  hours({"mon-fri": "08:00-16:00"})),
            web("https://www.example.fi/siistikoti/tilaa", "Tilaa siivous verkossa | Beställ städning på nätet | "
                "Order cleaning online"),
        ]),
]

SERVICES += [
    service(
        "private-doctor", "ita-laakari", charge="charged",
        name="Lääkäriasema Itä-Helsinki | Läkarstationen Östra Helsingfors | East Helsinki Medical Centre",
        short="Yleis- ja erikoislääkärit ilman lähetettä, usein samana päivänä, myös videovastaanotolla. | "
              "Allmän- och specialistläkare utan remiss, ofta samma dag, också per video. | General "
              "practitioners and specialists without a referral, often the same day, also by video.",
        desc="Lääkäriasemalla on yleislääkäreitä sekä gynekologi, ihotautilääkäri ja korvalääkäri. Kela-korvaus "
             "ja mahdollinen vakuutus vähennetään laskusta. Työterveyshuollon asiakkaat asioivat työnantajan "
             "sopimuksen mukaan. | På läkarstationen finns allmänläkare samt gynekolog, hudläkare och "
             "öronläkare. FPA-ersättning och eventuell försäkring dras av från räkningen. Kunder inom "
             "företagshälsovården följer arbetsgivarens avtal. | The centre has general practitioners plus a "
             "gynaecologist, dermatologist and ear specialist. Kela reimbursement and any insurance are "
             "deducted from the bill. Occupational health clients are served under their employer's contract.",
        instr="Varaa aika verkossa tai soita. Peruuta viimeistään 24 tuntia ennen, muuten laskutamme käynnin. | "
              "Boka på nätet eller ring. Avboka senast 24 timmar innan, annars faktureras besöket. | Book online "
              "or call. Cancel at least 24 hours before or the visit will be charged.",
        price="Yleislääkäri 20 min 89 €, erikoislääkäri 30 min alkaen 140 €, videokäynti 59 €. | Allmänläkare "
              "20 min 89 €, specialist 30 min från 140 €, videobesök 59 €. | GP 20 minutes €89, specialist 30 "
              "minutes from €140, video visit €59.",
        tg="adults,older_people,families_with_children", le="health_and_illness", cls="health_care",
        keywords="yksityinen lääkäri, lääkäriasema, gynekologi, ihotautilääkäri, työterveys | privatläkare, "
                 "läkarstation, gynekolog, hudläkare | private doctor, medical centre, gynaecologist, "
                 "dermatologist, GP",
        langs="fi,sv,en,ru",
        channels=[
            visit("kiosk", names="Lääkäriasema Itä-Helsinki, Kontula | Läkarstationen Östra Helsingfors, "
                  "Gårdsbacka | East Helsinki Medical Centre, Kontula", room="Ostoskeskuksen 3. kerros | "
                  "Köpcentrets 3 våning | Shopping centre, 2nd floor",
                  hours=hours({"mon-fri": "07:30-20:00", "sat": "09:00-15:00"}),
                  rules=[rule("mon-fri", times("08:00", "19:00", 30), 20, weeks=3),
                         rule("sat", times("09:00", "14:00", 30), 20, weeks=3)]),
            video("https://video.example.fi/italaakari/etavastaanotto", "Lääkäri videolla | Läkare per video | "
                  "Doctor by video", hours({"mon-sun": "07:00-22:00"}),
                  rules=[rule("mon-sun", "07:00,09:00,12:00,15:00,18:00,21:00", 15, weeks=2)]),
            phone("+358 9 555 0526", "Ajanvaraus | Tidsbokning | Bookings", hours({"mon-fri": "07:00-20:00",
                                                                                   "sat-sun": "09:00-15:00"})),
        ]),
    service(
        "pharmacy-medication-review", "apteekki", charge="charged",
        name="Apteekin lääkityksen tarkistus | Apotekets läkemedelsgenomgång | Pharmacy medication review",
        short="Farmaseutti käy läpi kaikki lääkkeesi ja kertoo, sopivatko ne yhteen; myös annosjakelu. | "
              "En farmaceut går igenom alla dina mediciner och berättar om de passar ihop; också dosdispensering. | "
              "A pharmacist goes through all your medicines and checks they work together; pill dispensing too.",
        desc="Kun lääkkeitä on monta, niiden yhteisvaikutukset voivat aiheuttaa huimausta tai väsymystä. "
             "Lääkityksen tarkistuksessa farmaseutti kokoaa listan kaikista lääkkeistä ja luontaistuotteista "
             "ja lähettää huomiot lääkärillesi. Annosjakelussa apteekki pakkaa lääkkeet valmiiksi pusseihin "
             "kahdeksi viikoksi. | När man har många mediciner kan deras samverkan ge yrsel eller trötthet. Vid "
             "läkemedelsgenomgången sammanställer farmaceuten en lista över alla mediciner och naturprodukter och "
             "skickar sina iakttagelser till din läkare. Vid dosdispensering packar apoteket medicinerna i "
             "påsar för två veckor i taget. | When you take many medicines, interactions can cause dizziness or "
             "tiredness. In the review, the pharmacist lists all your medicines and supplements and sends notes "
             "to your doctor. With dose dispensing, the pharmacy packs your medicines into sachets two weeks at "
             "a time.",
        instr="Tuo kaikki lääkepakkauksesi muovikassissa, myös käsikauppalääkkeet. | Ta med alla dina "
              "medicinförpackningar i en plastpåse, också receptfria. | Bring all your medicine packs in a "
              "carrier bag, including over-the-counter ones.",
        price="Lääkityksen tarkistus 45 €, annosjakelu 19 € kahdelta viikolta. | Läkemedelsgenomgång 45 €, "
              "dosdispensering 19 € per två veckor. | Medication review €45, dose dispensing €19 for two weeks.",
        tg="older_people,adults", le="health_and_illness,ageing_and_care", cls="health_care,elderly_services",
        keywords="apteekki, lääkkeet, lääkityksen tarkistus, annosjakelu, farmaseutti | apotek, mediciner, "
                 "läkemedelsgenomgång, dosdispensering | pharmacy, chemist, medicines, medication review, "
                 "pill packs",
        langs="fi,sv,en",
        channels=[visit("kiosk", names="Kontulan apteekki | Gårdsbacka apotek | Kontula pharmacy",
                        room="Ostoskeskuksen katutaso | Köpcentrets gatuplan | Shopping centre, street level",
                        hours=hours({"mon-fri": "08:00-20:00", "sat": "09:00-18:00", "sun": "12:00-18:00"},
                                    short_eves="09:00-13:00"),
                        rules=[rule("tue,thu", "10:00,11:00,14:00", 45, weeks=4)])]),
    service(
        "psychotherapy-mielentila", "mielentila", charge="charged",
        name="Psykoterapia Mielentila | Psykoterapi Sinnesro | Mielentila psychotherapy",
        short="Kelan kuntoutuspsykoterapiaa ja lyhytterapiaa aikuisille ja nuorille, vastaanotolla tai videolla. | "
              "FPA:s rehabiliterande psykoterapi och korttidsterapi för vuxna och unga, på mottagningen eller "
              "per video. | Kela-funded and short-term psychotherapy for adults and young people, in person or "
              "by video.",
        desc="Mielentilan psykoterapeuteilla on kognitiivisen, psykodynaamisen ja perheterapian koulutus. "
             "Ensimmäisillä kerroilla mietitään yhdessä, sopiiko terapeutti sinulle; vaihtaminen on täysin "
             "sallittua. Kela-asiakkaalle korvaus vähennetään suoraan laskusta. | Psykoterapeuterna på Sinnesro "
             "har utbildning i kognitiv, psykodynamisk och familjeterapi. De första gångerna funderar ni "
             "tillsammans på om terapeuten passar dig; det är helt okej att byta. För FPA-klienter dras "
             "ersättningen av direkt på räkningen. | Mielentila's psychotherapists are trained in cognitive, "
             "psychodynamic and family therapy. In the first sessions you decide together whether the "
             "therapist suits you, and changing is perfectly fine. Kela clients have the reimbursement "
             "deducted straight from the bill.",
        instr="Varaa ensikäynti verkossa. Kela-terapiaan tarvitset Kelan päätöksen. | Boka första besöket på "
              "nätet. För FPA-terapi behöver du FPA:s beslut. | Book a first visit online. For Kela-funded "
              "therapy you need Kela's decision.",
        price="45 min 110 €; Kela-korvauksen jälkeen tavallisesti 35–45 €. | 45 min 110 €; efter "
              "FPA-ersättning oftast 35–45 €. | 45 minutes €110; usually €35–45 after the Kela reimbursement.",
        tg="adults,children_and_young_people", le="mental_wellbeing", cls="mental_health_and_substance",
        keywords="psykoterapia, terapeutti, terapia, kela-terapia, masennus, ahdistus | psykoterapi, terapeut, "
                 "terapi | psychotherapy, therapist, therapy, counselling",
        langs="fi,sv,en",
        channels=[visit("medical", room="5. kerros, Mielentila | 5 våningen, Sinnesro | 4th floor, Mielentila",
                        hours=hours({"mon-thu": "08:00-20:00", "fri": "08:00-16:00"}),
                        rules=[rule("mon-thu", "08:00,09:00,10:00,14:00,16:00,17:00,18:00", 45, weeks=6)]),
                  video("https://video.example.fi/mielentila/terapia", "Terapia videolla | Terapi per video | "
                        "Therapy by video", hours({"mon-fri": "08:00-20:00"}),
                        rules=[rule("mon-fri", "12:00,13:00,19:00", 45, weeks=6)])]),
    service(
        "podiatry-askel", "askel-jalka", charge="charged",
        name="Jalkaterapia Askel | Fotterapi Steget | Askel podiatry",
        short="Jalkaterapeutti hoitaa kovettumat, sisäänkasvaneet kynnet ja diabeetikon jalat; palveluseteli "
              "käy. | Fotterapeuten behandlar förhårdnader, nageltrång och diabetikers fötter; servicesedeln "
              "gäller. | A podiatrist treats calluses, ingrown nails and diabetic feet; vouchers accepted.",
        desc="Jalkojen hyvä kunto pitää liikkeellä. Askeleessa jalkaterapeutti hoitaa kivuliaat kovettumat ja "
             "kynnet, tekee pohjalliset ja neuvoo sopivien kenkien valinnassa. Diabeetikot saavat "
             "terveysasemalta maksusitoumuksen tai palvelusetelin. | Friska fötter håller en i rörelse. På "
             "Steget behandlar fotterapeuten smärtsamma förhårdnader och naglar, gör inlägg och ger råd om "
             "lämpliga skor. Diabetiker får betalningsförbindelse eller servicesedel från hälsostationen. | "
             "Healthy feet keep you moving. At Askel the podiatrist treats painful calluses and nails, makes "
             "insoles and helps you choose suitable shoes. People with diabetes can get a payment commitment "
             "or voucher from the health station.",
        instr="Tule ilman kynsilakkaa ja tuo mukaan kengät, joilla kävelet eniten. | Kom utan nagellack och ta "
              "med de skor du går mest i. | Come without nail varnish and bring the shoes you walk in most.",
        price="Jalkaterapia 60 min 79 €, pohjalliset alkaen 120 €. | Fotterapi 60 min 79 €, inlägg från 120 €. | "
              "Podiatry 60 minutes €79, insoles from €120.",
        tg="older_people,adults,special_support", le="health_and_illness,ageing_and_care", cls="health_care",
        keywords="jalkaterapia, jalkahoito, kynnet, kovettuma, diabetes, pohjalliset | fotterapi, fotvård, "
                 "naglar, förhårdnad, inlägg | podiatry, foot care, chiropody, nails, calluses, diabetes",
        langs="fi,sv",
        channels=[visit("medical", room="2. kerros, Askel | 2 våningen, Steget | 1st floor, Askel",
                        hours=hours({"mon-thu": "08:00-17:00", "fri": "08:00-14:00"}),
                        rules=[rule("mon-fri", "08:00,09:15,10:30,12:30,13:45", 60, weeks=5)])]),
    service(
        "meals-kotiruoka", "kotiruoka", charge="charged",
        name="Kotiin kuljetettavat ateriat | Måltider som körs hem | Meals delivered to your home",
        short="Lämmitettävät kotiruoka-ateriat kotiovelle kahdesti viikossa, myös erityisruokavaliot. | "
              "Husmanskost att värma levereras till dörren två gånger i veckan, också specialdieter. | "
              "Home-style ready meals delivered to your door twice a week, special diets included.",
        desc="Ateriat valmistetaan Kontulassa ja tuodaan jäähdytettyinä tiistaisin ja perjantaisin. Valikossa "
             "on joka päivälle kaksi vaihtoehtoa, ja pehmeä tai sosemainen ruoka onnistuu. Kuljettaja kantaa "
             "ateriat jääkaappiin asti, jos toivot. | Måltiderna tillagas i Gårdsbacka och levereras kylda på "
             "tisdagar och fredagar. Menyn har två alternativ för varje dag, och mjuk eller passerad kost går "
             "bra. Chauffören bär in måltiderna ända till kylskåpet om du vill. | Meals are cooked in Kontula "
             "and delivered chilled on Tuesdays and Fridays. There are two choices each day, and soft or puréed "
             "food is possible. The driver will carry the meals right to your fridge if you like.",
        instr="Tilaa puhelimitse viimeistään edellisenä arkipäivänä. | Beställ per telefon senast föregående "
              "vardag. | Order by phone by the previous working day.",
        price="Ateria 9,40 €, kuljetus 4 € kerralta. | Måltid 9,40 €, leverans 4 € per gång. | €9.40 per meal, "
              "delivery €4 each time.",
        tg="older_people,special_support,swedish_speakers", le="ageing_and_care,disability", cls="elderly_services",
        keywords="ateriapalvelu, kotiateria, ruoka kotiin, ruokakuljetus, erityisruokavalio | måltidsservice, "
                 "mat hem, specialkost | meals on wheels, meal delivery, home meals, special diet",
        langs="fi,sv",
        channels=[phone("+358 9 555 0527", "Ateriatilaukset | Måltidsbeställningar | Meal orders",
                        hours({"mon-fri": "08:00-14:00"})),
                  web("https://www.example.fi/kotiruoka/ruokalista", "Viikon ruokalista | Veckans meny | "
                      "This week's menu")]),
    service(
        "speech-therapy-sanasto", "sanasto", charge="charged",
        name="Puheterapia Sanasto | Talterapi Ordförråd | Sanasto speech therapy",
        short="Puheterapiaa lapsille, joiden puhe viivästyy, ja aikuisille aivoinfarktin jälkeen; "
              "palveluseteli käy. | Talterapi för barn med försenat tal och vuxna efter stroke; servicesedeln "
              "gäller. | Speech therapy for children with delayed speech and adults after a stroke; vouchers "
              "accepted.",
        desc="Puheterapeutti arvioi puheen, kielen ja nielemisen vaikeudet ja tekee harjoitusohjelman, jota "
             "jatketaan kotona ja päiväkodissa. Terapiaa annetaan myös kaksikielisille lapsille, ja vanhemmat "
             "saavat ohjeet omalla kielellään. | Talterapeuten bedömer svårigheter med tal, språk och "
             "sväljning och gör upp ett övningsprogram som fortsätter hemma och på daghemmet. Terapi ges också "
             "åt tvåspråkiga barn, och föräldrarna får anvisningar på sitt eget språk. | The speech therapist "
             "assesses difficulties with speech, language and swallowing and makes an exercise plan to continue "
             "at home and in daycare. Bilingual children are welcome, and parents get instructions in their "
             "own language.",
        instr="Lapselle tarvitaan lähete neuvolasta tai palveluseteli. Ota mukaan aiemmat lausunnot. | Barnet "
              "behöver remiss från rådgivningen eller servicesedel. Ta med tidigare utlåtanden. | Children need "
              "a referral from the clinic or a voucher. Bring any earlier reports.",
        price="Arviointi 140 €, terapiakäynti 45 min 85 €. | Bedömning 140 €, terapibesök 45 min 85 €. | "
              "Assessment €140, a 45-minute session €85.",
        tg="children_and_young_people,families_with_children,special_support",
        le="family_with_children,disability,school_and_youth", cls="rehabilitation,disability_services",
        keywords="puheterapia, puheterapeutti, puheen viivästymä, änkytys, nieleminen | talterapi, talterapeut, "
                 "försenat tal, stamning | speech therapy, speech therapist, speech delay, stutter, swallowing",
        langs="fi,sv,en,ar",
        channels=[visit("medical", room="4. kerros, huone 410 | 4 våningen, rum 410 | 3rd floor, room 410",
                        hours=hours({"mon-fri": "08:00-16:00"}),
                        rules=[rule("mon-thu", "08:30,09:30,10:30,13:00,14:00", 45, weeks=6)])]),
    service(
        "safety-alarm-valpas", "turva", charge="charged",
        name="Turvapuhelin ja turvaranneke | Trygghetstelefon och trygghetsarmband | Safety phone and alarm "
             "bracelet",
        short="Ranneke, jonka napista saat avun kotiin ympäri vuorokauden, esimerkiksi kaatumisen jälkeen. | "
              "Ett armband med en knapp som ger dig hjälp hem dygnet runt, till exempel efter ett fall. | "
              "A bracelet with a button that brings help to your home day and night, for example after a fall.",
        desc="Kun painat rannekkeen nappia, sinulle vastataan kaiutinpuhelimen kautta ja tarvittaessa "
             "auttaja tulee kotiisi yleensä alle 45 minuutissa. Rannekkeeseen voi lisätä kaatumisanturin ja "
             "kotiin liesivahdin. Palvelun voi maksaa myös kaupungin palvelusetelillä. | När du trycker på "
             "armbandets knapp svarar någon via högtalartelefonen och vid behov kommer en hjälpare hem till dig, "
             "oftast inom 45 minuter. Till armbandet kan man lägga till en fallsensor och hemma en spisvakt. "
             "Tjänsten kan också betalas med stadens servicesedel. | When you press the button, someone "
             "answers over the speaker phone and if needed a helper comes to your home, usually within 45 "
             "minutes. A fall sensor can be added to the bracelet and a stove guard in the kitchen. The "
             "service can also be paid with the city's voucher.",
        instr="Asennus kotiin viikon sisällä tilauksesta; anna avainkopio turvapalvelulle. | Installation inom en "
              "vecka från beställningen; lämna en nyckelkopia till trygghetstjänsten. | Installed within a week "
              "of ordering; give a spare key to the safety service.",
        price="Kuukausimaksu 39 €, auttajakäynti 35 €. | Månadsavgift 39 €, hjälparbesök 35 €. | €39 a month, "
              "€35 per helper visit.",
        tg="older_people,special_support", le="ageing_and_care,disability,housing", cls="elderly_services",
        keywords="turvapuhelin, turvaranneke, hälytys, kaatuminen, liesivahti | trygghetstelefon, "
                 "trygghetsarmband, larm, fall | safety alarm, personal alarm, alarm bracelet, fall detector",
        langs="fi,sv,en",
        channels=[phone("+358 9 555 0528", "Tilaukset ja neuvonta | Beställningar och rådgivning | Orders and "
                        "advice", hours({"mon-fri": "08:00-16:00"})),
                  phone("+358 9 555 0529", "Hälytyskeskus 24/7 | Larmcentralen dygnet runt | 24/7 alarm centre",
                        ALWAYS_OPEN)]),
]
