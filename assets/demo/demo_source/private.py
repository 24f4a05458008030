"""Private services in Kontula; several producers accept the city's service vouchers."""

from __future__ import annotations

from .common import hours, phone, rule, service, times, video, visit, web

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
        desc="Lähellän hoitajat auttavat aamutoimissa, peseytymisessä, lääkkeissä ja ruokailussa. Sama pieni "
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
            phone("+358 9 555 0523", "Lähellän asiakaspalvelu | Näras kundtjänst | Lähellä customer service",
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
