"""Public services: the City of Helsinki, Kela, the legal aid office and HUS."""

from __future__ import annotations

from .common import ALWAYS_OPEN, hours, phone, rule, service, times, video, visit, walk_in, web

CENTRE_HOURS = hours({"mon-thu": "08:00-16:00", "fri": "08:00-15:00"})
CLINIC_PHONE = hours({"mon-fri": "08:00-10:00,12:00-13:00"})
DOCTOR_TIMES = times("08:00", "11:20", 20) + times("12:20", "15:00", 20)

SERVICES = [
    # -- families -------------------------------------------------------------------------------
    service(
        "maternity-clinic", "hki-sote",
        name="Äitiysneuvola | Mödrarådgivning | Maternity clinic",
        short="Raskauden seuranta ja tuki odottavalle äidille ja koko perheelle. | "
              "Uppföljning av graviditeten och stöd för den blivande mamman och hela familjen. | "
              "Pregnancy check-ups and support for the expectant mother and the whole family.",
        desc="Äitiysneuvolassa tapaat saman terveydenhoitajan tai kätilön koko raskauden ajan. Hän seuraa "
             "sinun ja vauvan vointia, kertoo synnytykseen valmistautumisesta ja kuuntelee, jos mieltä painaa. "
             "Myös puoliso tai tukihenkilö on tervetullut mukaan. | "
             "På mödrarådgivningen träffar du samma hälsovårdare eller barnmorska under hela graviditeten. "
             "Hon följer hur du och barnet mår, berättar hur du kan förbereda dig för förlossningen och lyssnar "
             "om något tynger dig. Din partner eller stödperson är också välkommen med. | "
             "At the maternity clinic you see the same public health nurse or midwife throughout your "
             "pregnancy. They keep an eye on how you and the baby are doing, help you prepare for the birth "
             "and listen if something is worrying you. Your partner or a support person is welcome too.",
        instr="Soita neuvolaan heti, kun raskaustesti on positiivinen. Ota ensimmäiselle käynnille mukaan "
              "Kela-kortti ja lista käyttämistäsi lääkkeistä. | Ring rådgivningen genast när graviditetstestet "
              "är positivt. Ta med FPA-kortet och en lista över dina mediciner till det första besöket. | "
              "Call the clinic as soon as your pregnancy test is positive. Bring your Kela card and a list "
              "of any medicines you take to the first visit.",
        goal="Raskaus etenee turvallisesti ja perhe valmistautuu vauvan tuloon. | Graviditeten framskrider "
             "tryggt och familjen förbereder sig för barnets ankomst. | A safe pregnancy and a family that "
             "feels ready for the baby.",
        content="Terveystarkastukset, verenpaineen ja painon seuranta, laboratoriokokeet, lääkärintarkastukset, "
                "perhevalmennus ja laaja terveystarkastus koko perheelle. | Hälsokontroller, uppföljning av "
                "blodtryck och vikt, laboratorieprov, läkarundersökningar, familjeförberedelse och en "
                "omfattande hälsoundersökning för hela familjen. | Check-ups, blood pressure and weight "
                "monitoring, lab tests, doctor's examinations, antenatal classes and an extended health check "
                "for the whole family.",
        outputs="Noin 9–13 käyntiä raskauden aikana ja kotikäynti synnytyksen jälkeen. Käynnit ja perheet "
                "raportoidaan neljännesvuosittain. | Cirka 9–13 besök under graviditeten och ett hembesök "
                "efter förlossningen. Besöken och familjerna rapporteras kvartalsvis. | About 9–13 visits "
                "during pregnancy and a home visit after the birth. Visits and families are reported quarterly.",
        quality="Ensimmäinen käynti viimeistään raskausviikolla 10. Tulkki maksutta aina kun tarvitset. | "
                "Första besöket senast i graviditetsvecka 10. Tolk utan kostnad alltid när du behöver. | "
                "Your first visit by week 10 of pregnancy. A free interpreter whenever you need one.",
        tg="families_with_children,immigrants", le="expecting_a_baby,family_with_children",
        cls="health_care,family_services",
        keywords="neuvola, äitiysneuvola, raskaus, odotus, kätilö, terveydenhoitaja, vauva | rådgivning, "
                 "mödrarådgivning, graviditet, gravid, barnmorska, hälsovårdare | maternity, clinic, pregnancy, "
                 "pregnant, midwife, antenatal, prenatal",
        langs="fi,sv,en,so,ar,ru",
        channels=[
            visit("centre", room="2. kerros, neuvolan odotustila B | 2 våningen, rådgivningens väntrum B | "
                  "1st floor, clinic waiting area B", hours=CENTRE_HOURS,
                  rules=[rule("mon,tue,thu", times("08:30", "14:30", 60), 45, weeks=6)]),
            phone("+358 9 555 0111", "Neuvolan ajanvaraus | Rådgivningens tidsbokning | Clinic appointments",
                  CLINIC_PHONE),
            video("https://video.example.fi/kontula/neuvola", "Neuvolan videovastaanotto | "
                  "Rådgivningens videomottagning | Clinic video appointment",
                  hours({"wed": "09:00-12:00"}), rules=[rule("wed", "09:00,09:30,10:00,10:30,11:00", 25)]),
        ]),
    service(
        "child-health-clinic", "hki-sote",
        name="Lastenneuvola | Barnrådgivning | Child health clinic",
        short="Alle kouluikäisen lapsen kasvun ja kehityksen seuranta, rokotukset ja vanhempien tuki. | "
              "Uppföljning av barnets växt och utveckling före skolåldern, vaccinationer och stöd till "
              "föräldrarna. | Growth and development check-ups, vaccinations and parenting support for "
              "children under school age.",
        desc="Lastenneuvolassa mitataan ja punnitaan, annetaan rokotukset ja jutellaan arjesta: unesta, "
             "syömisestä, leikistä ja jaksamisesta. Neuvola tuntee lapsen vauvasta kouluun asti, joten pienikin "
             "huoli kannattaa ottaa puheeksi. | På barnrådgivningen mäts och vägs barnet, vaccinationerna ges "
             "och ni pratar om vardagen: sömn, mat, lek och ork. Rådgivningen känner barnet från babytiden "
             "till skolstarten, så ta gärna upp också små bekymmer. | At the child health clinic your child "
             "is measured, weighed and vaccinated, and you talk about everyday life: sleep, food, play and "
             "how the family is coping. The clinic follows your child from baby to school age, so even a "
             "small worry is worth mentioning.",
        instr="Neuvola lähettää kutsun määräaikaistarkastuksiin. Ota mukaan lapsen neuvolakortti tai "
              "terveyskortti. | Rådgivningen skickar kallelse till de regelbundna kontrollerna. Ta med barnets "
              "rådgivningskort. | The clinic invites you to the regular check-ups. Bring your child's clinic "
              "card.",
        goal="Jokainen lapsi kasvaa terveenä ja perhe saa tukea ajoissa. | Varje barn växer upp friskt och "
             "familjen får stöd i tid. | Every child grows up healthy and families get help early.",
        content="Määräaikaistarkastukset, kansallisen rokotusohjelman rokotukset, kasvun seuranta, "
                "vanhemmuuden tuki ja tarvittaessa ohjaus puheterapeutille tai perheneuvolaan. | Regelbundna "
                "kontroller, vaccinationer enligt det nationella programmet, uppföljning av växten, stöd i "
                "föräldraskapet och vid behov remiss till talterapeut eller familjerådgivning. | Scheduled "
                "check-ups, national vaccination programme, growth monitoring, parenting support and referral "
                "to speech therapy or family counselling when needed.",
        outputs="15 määräaikaistarkastusta ennen kouluikää, joista kolme laajaa. Rokotuskattavuus raportoidaan "
                "vuosittain. | 15 regelbundna kontroller före skolåldern, varav tre omfattande. "
                "Vaccinationstäckningen rapporteras årligen. | 15 scheduled check-ups before school age, three "
                "of them extended. Vaccination coverage is reported every year.",
        quality="Sama terveydenhoitaja seuraa perhettä vuodesta toiseen. Huoliin vastataan saman viikon aikana. | "
                "Samma hälsovårdare följer familjen år efter år. Du får svar på en oro inom samma vecka. | "
                "The same nurse follows your family year after year. Concerns are answered within the same week.",
        tg="families_with_children,children_and_young_people", le="family_with_children",
        cls="health_care,family_services",
        keywords="neuvola, lastenneuvola, rokotus, rokotukset, vauva, taapero, lapsi | rådgivning, "
                 "barnrådgivning, vaccination, bebis, barn | child clinic, well-baby, vaccinations, baby, "
                 "toddler, child health",
        langs="fi,sv,en,so,ar",
        channels=[
            visit("centre", room="2. kerros, neuvolan odotustila A | 2 våningen, rådgivningens väntrum A | "
                  "1st floor, clinic waiting area A", hours=CENTRE_HOURS,
                  rules=[rule("mon-fri", times("08:30", "14:30", 45), 40, weeks=6)]),
            phone("+358 9 555 0112", "Lastenneuvolan puhelinaika | Barnrådgivningens telefontid | "
                  "Child clinic phone hours", CLINIC_PHONE),
            video("https://video.example.fi/kontula/lastenneuvola", "Kysy terveydenhoitajalta videolla | "
                  "Fråga hälsovårdaren per video | Ask the nurse by video", hours({"tue,thu": "13:00-15:00"}),
                  rules=[rule("tue,thu", "13:00,13:20,13:40,14:00,14:20,14:40", 15)]),
        ]),
    service(
        "family-coaching", "hki-sote",
        name="Perhevalmennus ensimmäistä lastaan odottaville | Familjeförberedelse för dem som väntar sitt "
             "första barn | Antenatal classes for first-time parents",
        short="Neljän kokoontumisen ryhmä synnytyksestä, imetyksestä ja vauva-arjesta ensimmäistä lastaan "
              "odottaville. | En grupp med fyra träffar om förlossning, amning och vardagen med bebis för "
              "förstagångsföräldrar. | A four-session group on birth, breastfeeding and life with a baby for "
              "first-time parents.",
        desc="Perhevalmennuksessa tapaat muita samassa tilanteessa olevia odottajia. Kätilö käy läpi "
             "synnytyksen vaiheet ja kivunlievityksen, terveydenhoitaja puhuu imetyksestä ja vauvan hoidosta, "
             "ja yhdellä kerralla mukana on perhetyöntekijä, joka kertoo parisuhteesta vauva-arjessa. | "
             "I familjeförberedelsen träffar du andra som väntar barn. Barnmorskan går igenom förlossningens "
             "skeden och smärtlindringen, hälsovårdaren berättar om amning och skötsel av bebisen, och en "
             "gång är en familjearbetare med och pratar om parrelationen när bebisen har kommit. | In the "
             "antenatal group you meet others expecting their first baby. A midwife goes through labour and "
             "pain relief, a public health nurse covers breastfeeding and baby care, and at one session a "
             "family worker talks about your relationship once the baby arrives.",
        instr="Terveydenhoitaja ilmoittaa sinut ryhmään noin raskausviikolla 20. | Hälsovårdaren anmäler dig "
              "till gruppen ungefär i graviditetsvecka 20. | Your nurse signs you up for the group at about "
              "week 20 of pregnancy.",
        goal="Ensimmäistä lastaan odottavat tuntevat olonsa varmemmaksi synnytyksen ja vauva-ajan edessä. | "
             "Förstagångsföräldrar känner sig tryggare inför förlossningen och tiden med bebis. | First-time "
             "parents feel more confident about the birth and the first months.",
        content="Neljä ryhmätapaamista: synnytys, imetys, vauvan hoito ja parisuhde. | Fyra gruppträffar: "
                "förlossning, amning, skötsel av bebisen och parrelationen. | Four group sessions: birth, "
                "breastfeeding, baby care and your relationship.",
        outputs="Kuusi ryhmää vuodessa, osallistujamäärä ja palaute kirjataan. | Sex grupper per år, antalet "
                "deltagare och responsen registreras. | Six groups a year; attendance and feedback are recorded.",
        quality="Ryhmässä enintään kahdeksan perhettä. Suomen- ja englanninkieliset ryhmät. | Högst åtta familjer "
                "per grupp. Grupper på finska och engelska. | At most eight families per group. Groups in "
                "Finnish and English.",
        tg="families_with_children", le="expecting_a_baby", cls="family_services,health_care",
        keywords="perhevalmennus, synnytysvalmennus, synnytys, imetys | familjeförberedelse, förlossning, "
                 "amning | antenatal class, birth, labour, breastfeeding",
        langs="fi,en",
        channels=[
            visit("centre", room="4. kerros, ryhmätila Kuunsilta | 4 våningen, grupprummet Kuunsilta | "
                  "3rd floor, group room Kuunsilta", hours=hours({"tue": "17:00-19:00"})),
        ]),
    service(
        "family-planning", "hki-sote",
        name="Ehkäisyneuvola | Preventivmedelsrådgivning | Contraception clinic",
        short="Ehkäisyn aloitus, ehkäisykapseli tai kierukka ja seksuaaliterveyden kysymykset. | "
              "Start av preventivmedel, p-stav eller spiral och frågor om sexuell hälsa. | Starting "
              "contraception, implants or coils, and questions about sexual health.",
        desc="Ehkäisyneuvolassa terveydenhoitaja auttaa löytämään sinulle sopivan ehkäisyn ja kertoo sen "
             "käytöstä. Voit kysyä myös sukupuolitaudeista, raskaudesta tai kivuliaista kuukautisista. Alle "
             "25-vuotiaat saavat ensimmäisen ehkäisyn maksutta. | På preventivmedelsrådgivningen hjälper "
             "hälsovårdaren dig att hitta ett preventivmedel som passar dig och berättar hur det används. Du "
             "kan också fråga om könssjukdomar, graviditet eller smärtsam mens. Den som är under 25 år får sitt "
             "första preventivmedel gratis. | At the contraception clinic a nurse helps you find the method "
             "that suits you and explains how to use it. You can also ask about sexually transmitted "
             "infections, pregnancy or painful periods. Under-25s get their first contraception free.",
        instr="Varaa aika puhelimitse. Hätäehkäisyä saat apteekista ilman reseptiä. | Boka tid per telefon. "
              "Akut p-piller får du på apoteket utan recept. | Book by phone. Emergency contraception is "
              "sold at pharmacies without a prescription.",
        goal="Jokainen voi päättää itse raskauden ajankohdasta. | Var och en kan själv bestämma när en "
             "graviditet passar. | Everyone can decide for themselves when to have children.",
        content="Ehkäisyneuvonta, ehkäisyvalmisteiden aloitus ja seuranta, kierukan ja kapselin asettaminen. | "
                "Rådgivning, start och uppföljning av preventivmedel, insättning av spiral och p-stav. | "
                "Advice, starting and following up contraception, fitting coils and implants.",
        outputs="Käynnit ja aloitetut menetelmät raportoidaan ikäryhmittäin. | Besöken och påbörjade metoder "
                "rapporteras per åldersgrupp. | Visits and methods started are reported by age group.",
        quality="Aika kahden viikon sisällä; hoitaja ei kerro käynnistä vanhemmille ilman lupaasi. | Tid inom "
                "två veckor; hälsovårdaren berättar inte om besöket för dina föräldrar utan ditt lov. | An "
                "appointment within two weeks; the nurse never tells your parents about the visit without your "
                "permission.",
        tg="adults,children_and_young_people", le="health_and_illness,school_and_youth", cls="health_care",
        keywords="ehkäisy, e-pillerit, kierukka, kapseli, seksuaaliterveys | preventivmedel, p-piller, spiral, "
                 "p-stav, sexuell hälsa | contraception, birth control, pill, coil, IUD, implant, sexual health",
        channels=[
            visit("centre", room="3. kerros, huone 312 | 3 våningen, rum 312 | 2nd floor, room 312",
                  hours=CENTRE_HOURS, rules=[rule("mon,wed", times("09:00", "15:00", 30), 30, weeks=4)]),
            phone("+358 9 555 0113", "Ehkäisyneuvolan ajanvaraus | Preventivmedelsrådgivningens tidsbokning | "
                  "Contraception clinic bookings", hours({"mon-fri": "08:00-10:00"})),
        ]),
    # -- health station ---------------------------------------------------------------------------
    service(
        "nurse-walk-in", "hki-sote",
        name="Hoitajan vastaanotto ilman ajanvarausta | Skötarmottagning utan tidsbokning | "
             "Nurse walk-in clinic",
        short="Tule ilman ajanvarausta: haavat, tikkien poisto, verenpaine, korvahuuhtelu ja äkilliset "
              "vaivat. | Kom utan tidsbokning: sår, borttagning av stygn, blodtryck, öronsköljning och akuta "
              "besvär. | Come without an appointment: wounds, stitches out, blood pressure, ear syringing and "
              "sudden complaints.",
        desc="Sairaanhoitaja arvioi vaivasi, hoitaa sen heti tai ohjaa sinut lääkärille samana päivänä, jos "
             "tarvitset. Ota vuoronumero kioskista tai aulan automaatista, niin hoitaja kutsuu sinut "
             "numerolla. Kiireellisimmät hoidetaan ensin. | Sjukskötaren bedömer dina besvär, sköter dem "
             "genast eller ser till att du får träffa läkare samma dag om det behövs. Ta en kölapp i kiosken "
             "eller automaten i entrén, så ropar skötaren upp ditt nummer. De mest brådskande fallen tas först. | "
             "A registered nurse assesses your problem, treats it straight away or gets you a same-day doctor's "
             "appointment if you need one. Take a queue number from the kiosk or the machine in the lobby and "
             "the nurse will call your number. The most urgent cases go first.",
        instr="Ota vuoronumero ja istu odottamaan. Jos olet hengenvaarassa, soita 112. | Ta en kölapp och "
              "sätt dig och vänta. Ring 112 vid livsfara. | Take a queue number and have a seat. If your life "
              "is in danger, call 112.",
        goal="Äkilliset vaivat hoidetaan samana päivänä lähellä kotia. | Akuta besvär sköts samma dag nära "
             "hemmet. | Sudden health problems are dealt with the same day, close to home.",
        content="Hoidon tarpeen arvio, pienet toimenpiteet, rokotukset, mittaukset ja ohjaus lääkärille. | "
                "Bedömning av vårdbehov, små åtgärder, vaccinationer, mätningar och hänvisning till läkare. | "
                "Assessing care needs, minor procedures, vaccinations, measurements and referral to a doctor.",
        outputs="Käyntimäärät ja odotusajat päivittäin; kioskin hymiöpalaute viikoittain. | Antal besök och "
                "väntetider dagligen; kioskens smileyrespons varje vecka. | Daily visit counts and waiting "
                "times; smiley feedback from the kiosk every week.",
        quality="Odotusaika on tavallisesti alle tunti. Hoitaja kertoo arvion odotusajasta, jos jono on pitkä. | "
                "Väntetiden är oftast under en timme. Skötaren säger ungefär hur länge du får vänta om kön är "
                "lång. | The wait is usually under an hour. If the queue is long, the nurse tells you roughly "
                "how long it will be.",
        tg="adults,older_people,immigrants", le="health_and_illness", cls="health_care",
        keywords="terveysasema, sairaanhoitaja, hoitaja, päivystys, haava, tikit, verenpaine, ilman "
                 "ajanvarausta | hälsostation, sjukskötare, skötare, sår, stygn, blodtryck, utan tidsbokning | "
                 "health centre, nurse, walk-in, wound, stitches, blood pressure, no appointment",
        langs="fi,sv,en,ru,et",
        channels=[
            walk_in("centre", "Hoitajan avovastaanotto, 1. kerros | Skötarens öppna mottagning, 1 våningen | "
                    "Nurse walk-in, ground floor", hours({"mon-fri": "08:00-15:00"}, short_eves="08:00-12:00"),
                    room="1. kerros, ilmoittautuminen 1 | 1 våningen, anmälan 1 | Ground floor, reception 1"),
            walk_in("kiosk", "Hoitaja hyvinvointikioskilla | Skötare i välfärdskiosken | Nurse at the welfare "
                    "kiosk", hours({"tue,thu": "10:00-14:00"}),
                    room="Kioskin vastaanottohuone | Kioskens mottagningsrum | The kiosk's consulting room"),
        ]),
    service(
        "health-station-doctor", "hki-sote",
        name="Terveysaseman lääkärin vastaanotto | Läkarmottagning på hälsostationen | Health station doctor",
        short="Lääkärin vastaanotto pitkäaikaisille ja äkillisille sairauksille, kun hoitaja on arvioinut "
              "tarpeen. | Läkarmottagning för långvariga och akuta sjukdomar, efter att en skötare bedömt "
              "behovet. | A doctor's appointment for long-term and sudden illnesses, once a nurse has assessed "
              "your need.",
        desc="Terveysaseman lääkäri hoitaa esimerkiksi diabetesta, verenpainetautia, astmaa ja infektioita, "
             "kirjoittaa reseptit ja todistukset sekä lähettää tarvittaessa erikoislääkärille. Aikaa ei voi "
             "varata suoraan, vaan hoitaja arvioi ensin puhelimessa tai avovastaanotolla, kuka sinua parhaiten "
             "auttaa. | Läkaren på hälsostationen sköter till exempel diabetes, högt blodtryck, astma och "
             "infektioner, skriver recept och intyg och remitterar vid behov till specialist. Du kan inte boka "
             "direkt, utan en skötare bedömer först per telefon eller på den öppna mottagningen vem som bäst "
             "kan hjälpa dig. | The health station doctor treats conditions such as diabetes, high blood "
             "pressure, asthma and infections, writes prescriptions and certificates, and refers you to a "
             "specialist when needed. You cannot book directly: a nurse first assesses by phone or at the "
             "walk-in clinic who can best help you.",
        instr="Soita terveysaseman takaisinsoittonumeroon tai tule hoitajan avovastaanotolle. Peruuta "
              "varaamasi aika viimeistään edellisenä päivänä, muuten peritään käyttämättä jätetyn ajan maksu. | "
              "Ring hälsostationens återuppringningsnummer eller kom till skötarens öppna mottagning. Avboka "
              "senast dagen innan, annars tas en avgift för outnyttjad tid ut. | Call the health station's "
              "call-back number or come to the nurse walk-in. Cancel at least a day before, or a no-show fee "
              "is charged.",
        goal="Asukas saa oikea-aikaista lääkärinhoitoa ilman turhaa odottamista. | Invånarna får läkarvård i "
             "rätt tid utan onödig väntan. | Residents get a doctor's care at the right time without needless "
             "waiting.",
        content="Vastaanotot, etävastaanotot, reseptien uusiminen, todistukset ja lähetteet. | Mottagningar, "
                "distansmottagningar, förnyelse av recept, intyg och remisser. | Appointments, remote "
                "appointments, prescription renewals, certificates and referrals.",
        outputs="Hoitoonpääsy seitsemän päivän sisällä mitataan kuukausittain. | Andelen som får vård inom sju "
                "dagar mäts varje månad. | Access to care within seven days is measured every month.",
        quality="Kiireetön lääkäriaika viimeistään 14 vuorokauden kuluessa hoidon tarpeen arviosta. | Icke "
                "brådskande läkartid senast 14 dygn efter bedömningen av vårdbehovet. | A non-urgent doctor's "
                "appointment within 14 days of the care-need assessment.",
        tg="adults,older_people", le="health_and_illness", cls="health_care",
        keywords="lääkäri, terveysasema, terkkari, resepti, sairausloma, todistus | läkare, hälsostation, "
                 "recept, sjukintyg, intyg | doctor, GP, health centre, prescription, sick note, certificate",
        langs="fi,sv,en",
        channels=[
            visit("centre", room="1. kerros, lääkärien vastaanotot, huoneet 120–136 | 1 våningen, "
                  "läkarmottagningarna, rum 120–136 | Ground floor, doctors' rooms 120–136", hours=CENTRE_HOURS,
                  rules=[rule("mon-fri", DOCTOR_TIMES, 20, weeks=3)]),
            phone("+358 9 555 0114", "Terveysaseman takaisinsoitto | Hälsostationens återuppringning | "
                  "Health station call-back", hours({"mon-fri": "08:00-15:00"})),
        ]),
    service(
        "remote-doctor", "hki-sote",
        name="Lääkärin etävastaanotto videolla | Distansmottagning hos läkare per video | "
             "Doctor's video appointment",
        short="Tapaa terveysaseman lääkäri videon välityksellä kotoa tai hyvinvointikioskin etäkopista. | "
              "Träffa hälsostationens läkare per video hemifrån eller i välfärdskioskens distansbås. | Meet a "
              "health station doctor by video from home or from the remote-care booth at the welfare kiosk.",
        desc="Moni asia hoituu ilman matkaa: laboratoriotulosten läpikäynti, lääkityksen muutokset, "
             "todistukset ja seurantakäynnit. Hyvinvointikioskin etäkopissa on kamera, kuulokkeet ja "
             "verenpainemittari, ja hoitaja auttaa yhteyden avaamisessa. | Mycket kan skötas utan att resa: "
             "genomgång av laboratoriesvar, ändringar i medicineringen, intyg och uppföljningsbesök. "
             "Välfärdskioskens distansbås har kamera, hörlurar och blodtrycksmätare, och en skötare hjälper dig "
             "att koppla upp. | Many things can be handled without travelling: going through lab results, "
             "changes to medication, certificates and follow-ups. The remote-care booth at the welfare kiosk "
             "has a camera, headphones and a blood-pressure monitor, and a nurse helps you connect.",
        instr="Kirjaudu kioskilla tai kotona pankkitunnuksilla tai mobiilivarmenteella viisi minuuttia ennen "
              "aikaa. | Logga in i kiosken eller hemma med bankkoder eller mobilcertifikat fem minuter före din "
              "tid. | Sign in at the kiosk or at home with online banking codes or a mobile certificate five "
              "minutes before your appointment.",
        goal="Lääkäriin pääsee nopeasti silloinkin, kun liikkuminen on hankalaa. | Man kommer snabbt till "
             "läkare också när det är svårt att ta sig någonstans. | You can see a doctor quickly even when "
             "getting about is hard.",
        content="Videovastaanotot, mittaukset etäkopissa, reseptit ja jatkoajat. | Videomottagningar, mätningar "
                "i distansbåset, recept och fortsatta tider. | Video appointments, measurements in the booth, "
                "prescriptions and follow-up bookings.",
        outputs="Etävastaanottojen määrä ja keskeytyneet yhteydet seurataan viikoittain. | Antalet "
                "distansmottagningar och avbrutna samtal följs upp varje vecka. | The number of video "
                "appointments and dropped calls is followed weekly.",
        quality="Jos yhteys katkeaa, lääkäri soittaa sinulle viiden minuutin kuluessa. | Om förbindelsen "
                "bryts ringer läkaren upp dig inom fem minuter. | If the connection drops, the doctor calls "
                "you back within five minutes.",
        tg="adults,older_people,special_support", le="health_and_illness,disability", cls="health_care",
        keywords="etävastaanotto, videovastaanotto, etälääkäri, video | distansmottagning, videomottagning, "
                 "video | video appointment, remote doctor, telehealth, online doctor",
        channels=[
            video("https://video.example.fi/kontula/laakari", "Etävastaanotto, kotoa tai kioskilta | "
                  "Distansmottagning hemifrån eller från kiosken | Video appointment from home or the kiosk",
                  hours({"mon-fri": "08:00-16:00"}),
                  rules=[rule("mon-fri", times("08:15", "15:15", 30), 20, weeks=3)],
                  access="Kioskin etäkopissa on induktiosilmukka ja tilaa pyörätuolille. | Kioskens distansbås "
                         "har hörslinga och plats för rullstol. | The kiosk's booth has an induction loop and "
                         "room for a wheelchair."),
        ]),
    service(
        "laboratory", "hki-sote", producers="hus",
        name="Laboratorio Kontulassa | Laboratoriet i Gårdsbacka | Kontula laboratory",
        short="Verikokeet, virtsanäytteet ja sydänfilmi lääkärin tai hoitajan lähetteellä. | Blodprov, "
              "urinprov och EKG på remiss från läkare eller skötare. | Blood tests, urine samples and ECGs "
              "with a referral from a doctor or nurse.",
        desc="HUSin laboratorio ottaa näytteet terveysaseman tiloissa. Monet kokeet vaativat paaston, joten "
             "tarkista ohje ajanvarauksesta. Vastaukset näet OmaKannasta, ja hoitaja tai lääkäri kertoo, jos "
             "ne vaativat toimia. | HUS laboratorium tar proverna i hälsostationens lokaler. Många prov kräver "
             "fasta, så kontrollera anvisningen i bokningen. Svaren ser du på Mina Kanta-sidor, och skötaren "
             "eller läkaren hör av sig om de kräver åtgärder. | The HUS laboratory takes samples in the health "
             "station building. Many tests need fasting, so check the instructions in your booking. You can see "
             "the results in My Kanta, and the nurse or doctor contacts you if anything needs doing.",
        instr="Varaa aika etukäteen; ilman ajanvarausta palvelemme klo 7–9 jonotusnumerolla. Ota mukaan "
              "henkilöllisyystodistus. | Boka tid i förväg; utan bokning betjänar vi kl. 7–9 med kölapp. Ta "
              "med legitimation. | Book in advance; without a booking we serve from 7 to 9 a.m. by queue "
              "number. Bring photo ID.",
        goal="Näytteet otetaan lähellä kotia ja tulokset ovat nopeasti hoitavan tahon käytössä. | Proverna tas "
             "nära hemmet och svaren når snabbt den som vårdar dig. | Samples are taken close to home and "
             "results reach your care team quickly.",
        content="Näytteenotto, sydänfilmit ja ohjeet valmistautumiseen. | Provtagning, EKG och anvisningar för "
                "hur du förbereder dig. | Sampling, ECGs and instructions on how to prepare.",
        outputs="Näytteenottokäynnit ja jonotusajat raportoidaan kuukausittain. | Provtagningsbesök och "
                "köernas längd rapporteras månatligen. | Sampling visits and queue times are reported monthly.",
        quality="Ajanvaraus alkaa ajallaan; tavallisimmat tulokset valmiina seuraavana arkipäivänä. | "
                "Bokade tider börjar i tid; de vanligaste svaren är klara nästa vardag. | Booked visits start "
                "on time; the most common results are ready the next working day.",
        tg="adults,older_people,families_with_children", le="health_and_illness", cls="health_care",
        keywords="laboratorio, labra, verikoe, näyte, verikokeet, sydänfilmi, EKG | laboratorium, blodprov, "
                 "prov, EKG | lab, laboratory, blood test, sample, ECG",
        channels=[
            visit("centre", room="1. kerros, laboratorio | 1 våningen, laboratoriet | Ground floor, laboratory",
                  hours=hours({"mon-fri": "07:00-14:00"}),
                  rules=[rule("mon-fri", times("07:00", "13:40", 10), 10, weeks=2, capacity=2)]),
            walk_in("centre", "Laboratorio ilman ajanvarausta | Laboratoriet utan tidsbokning | "
                    "Laboratory without a booking", hours({"mon-fri": "07:00-09:00"}),
                    room="1. kerros, laboratorio | 1 våningen, laboratoriet | Ground floor, laboratory"),
        ]),
    service(
        "vaccinations", "hki-sote",
        name="Influenssa- ja koronarokotukset | Influensa- och coronavaccinationer | Flu and COVID vaccinations",
        short="Kausirokotukset yli 65-vuotiaille, riskiryhmille ja heidän läheisilleen ilman ajanvarausta. | "
              "Säsongsvaccinationer för personer över 65, riskgrupper och deras närstående utan tidsbokning. | "
              "Seasonal vaccinations for over-65s, risk groups and their close ones, no appointment needed.",
        desc="Syys- ja talvikaudella saat maksuttoman influenssarokotuksen, jos olet yli 65-vuotias, "
             "raskaana, kuulut riskiryhmään tai asut riskiryhmään kuuluvan kanssa. Koronarokotetta tarjotaan "
             "yli 75-vuotiaille ja vakavasti sairaille. | Under hösten och vintern får du en avgiftsfri "
             "influensavaccination om du är över 65, gravid, hör till en riskgrupp eller bor med någon som gör "
             "det. Coronavaccin erbjuds personer över 75 och svårt sjuka. | In autumn and winter you can get a "
             "free flu jab if you are over 65, pregnant, in a risk group or live with someone who is. COVID "
             "vaccines are offered to over-75s and people who are seriously ill.",
        instr="Pukeudu niin, että olkavarsi on helppo paljastaa. Jää aulaan 15 minuutiksi rokotuksen jälkeen. | "
              "Klä dig så att överarmen är lätt att blotta. Stanna i entréhallen i 15 minuter efter "
              "vaccinationen. | Wear something that lets you bare your upper arm easily. Stay in the lobby for "
              "15 minutes after the jab.",
        goal="Vakavat tautimuodot ja sairaalahoidot vähenevät talvikaudella. | Färre svåra sjukdomsfall och "
             "sjukhusvistelser under vintern. | Fewer severe cases and hospital stays in winter.",
        content="Rokotukset ilman ajanvarausta ja rokotusneuvonta. | Vaccinationer utan tidsbokning och "
                "vaccinationsrådgivning. | Vaccinations without booking and advice on vaccines.",
        outputs="Annetut rokotukset ikäryhmittäin viikoittain. | Givna vaccinationer per åldersgrupp varje "
                "vecka. | Doses given by age group each week.",
        quality="Rokottajana aina koulutettu hoitaja; ensiapuvalmius paikalla. | Alltid en utbildad skötare som "
                "vaccinerar; beredskap för första hjälpen på plats. | Always given by a trained nurse, with "
                "first-aid readiness on site.",
        tg="older_people,adults,special_support", le="health_and_illness,ageing_and_care", cls="health_care",
        keywords="rokotus, influenssarokote, flunssa, korona, rokote | vaccination, influensa, vaccin, "
                 "corona | vaccination, flu jab, flu shot, influenza, covid, vaccine",
        langs="fi,sv,en,ru,ar",
        channels=[
            walk_in("centre", "Rokotuspiste aulassa | Vaccinationspunkten i entréhallen | Vaccination point in "
                    "the lobby", hours({"mon,wed": "12:00-18:00", "fri": "08:00-12:00"}),
                    room="Pääaula | Huvudentrén | Main lobby"),
        ]),
    # -- dental care -----------------------------------------------------------------------------
    service(
        "dental-care", "hki-sote",
        name="Hammashoitola (suun terveydenhuolto) | Tandklinik (munhälsovård) | Public dental clinic",
        short="Hammaslääkärin ja suuhygienistin tarkastukset ja hoidot aikuisille sekä särkypäivystys. | "
              "Undersökningar och vård hos tandläkare och munhygienist för vuxna samt jour vid tandvärk. | "
              "Check-ups and treatment by a dentist or dental hygienist for adults, and help with toothache.",
        desc="Kaupungin hammashoitolassa hoidetaan reikiintyneet hampaat, ientulehdukset ja proteesien "
             "ongelmat. Kiireellinen särky hoidetaan samana päivänä. Jos jonossa on pitkä odotus, voit saada "
             "palvelusetelin yksityiselle hammaslääkärille. | På stadens tandklinik vårdas hål i tänderna, "
             "tandköttsinflammationer och problem med proteser. Akut tandvärk tas om hand samma dag. Om "
             "väntetiden är lång kan du få en servicesedel till en privat tandläkare. | The city dental clinic "
             "treats tooth decay, gum disease and problems with dentures. Acute toothache is treated the same "
             "day. If the waiting list is long, you may be offered a service voucher for a private dentist.",
        instr="Soita ajanvaraukseen aamulla, jos hammasta särkee. Kerro, jos pelkäät hammashoitoa: hoitoon "
              "varataan silloin enemmän aikaa. | Ring tidsbokningen på morgonen om du har tandvärk. Berätta om "
              "du är rädd för tandvård, så bokas mer tid. | Call the booking line in the morning if you have "
              "toothache. Tell us if you are afraid of the dentist and we will book more time.",
        goal="Suu pysyy terveenä ja kipu hoidetaan nopeasti. | Munnen hålls frisk och smärta behandlas snabbt. | "
             "Healthy mouths, and pain treated quickly.",
        content="Tarkastukset, paikkaukset, juurihoidot, hampaiden poistot, suuhygienistin hoidot ja "
                "proteesien korjaus. | Undersökningar, lagningar, rotfyllningar, tandutdragningar, "
                "munhygienistens vård och reparation av proteser. | Check-ups, fillings, root canals, "
                "extractions, hygienist care and denture repairs.",
        outputs="Käynnit, hoitojonon pituus ja annetut palvelusetelit raportoidaan kuukausittain. | Besök, "
                "vårdköns längd och utdelade servicesedlar rapporteras månatligen. | Visits, queue length and "
                "vouchers issued are reported monthly.",
        quality="Särkypotilas hoidetaan samana päivänä, kiireetön hoito alkaa kolmen kuukauden sisällä. | "
                "Patienter med värk vårdas samma dag, icke brådskande vård börjar inom tre månader. | People in "
                "pain are seen the same day; non-urgent treatment starts within three months.",
        charge="charged",
        price="Hammaslääkärin käyntimaksu 13,80 €, suuhygienistin 11,50 € sekä toimenpidemaksut hinnaston "
              "mukaan. Alle 18-vuotiaille maksuton. | Besöksavgift hos tandläkare 13,80 €, hos munhygienist "
              "11,50 €, samt åtgärdsavgifter enligt prislistan. Gratis för under 18-åringar. | Dentist visit "
              "fee €13.80, hygienist €11.50, plus treatment fees according to the price list. Free for "
              "under-18s.",
        tg="adults,older_people,immigrants", le="health_and_illness", cls="oral_health",
        keywords="hammaslääkäri, hammashoito, hammashoitola, hammassärky, suuhygienisti, proteesi | tandläkare, "
                 "tandvård, tandvärk, munhygienist, protes | dentist, dental care, toothache, teeth, hygienist, "
                 "dentures",
        langs="fi,sv,en,ar",
        channels=[
            visit("centre", room="5. kerros, hammashoitola | 5 våningen, tandkliniken | 4th floor, dental clinic",
                  hours=hours({"mon-thu": "07:30-16:00", "fri": "07:30-14:00"}),
                  rules=[rule("mon-fri", times("08:00", "14:00", 60), 50, weeks=6)]),
            phone("+358 9 555 0115", "Suun terveydenhuollon ajanvaraus | Munhälsovårdens tidsbokning | "
                  "Dental appointments", hours({"mon-thu": "07:30-15:00", "fri": "07:30-14:00"})),
        ]),
    service(
        "child-dental-care", "hki-sote",
        name="Lasten ja nuorten hammashoito | Tandvård för barn och unga | Dental care for children and teens",
        short="Maksuttomat hammastarkastukset ja hoidot alle 18-vuotiaille, kutsu tulee kotiin. | "
              "Avgiftsfria tandkontroller och tandvård för under 18-åringar, kallelsen kommer hem. | Free "
              "check-ups and treatment for under-18s; the invitation comes to your home.",
        desc="Lapset ja nuoret kutsutaan suun terveystarkastukseen ikävuosien mukaan, ensimmäisen kerran jo "
             "vauvana. Hammashoitaja näyttää, miten pienen lapsen hampaat harjataan, ja fluorilakkaus tehdään "
             "tarvittaessa samalla käynnillä. | Barn och unga kallas till munhälsokontroll enligt ålder, första "
             "gången redan som bebis. Tandskötaren visar hur man borstar ett litet barns tänder, och "
             "fluorlackning görs vid behov under samma besök. | Children and teenagers are invited for check-ups "
             "at set ages, the first time as babies. The dental nurse shows you how to brush a small child's "
             "teeth, and fluoride varnish is applied at the same visit if needed.",
        instr="Lapsi tarvitsee alle 18-vuotiaana huoltajan suostumuksen isompiin hoitoihin. | Barn under 18 "
              "behöver vårdnadshavarens samtycke till större behandlingar. | Under-18s need a guardian's consent "
              "for larger treatments.",
        goal="Lapset ja nuoret kasvavat ilman reikiintyneitä hampaita. | Barn och unga växer upp utan hål i "
             "tänderna. | Children grow up without tooth decay.",
        content="Ikäkausitarkastukset, ennaltaehkäisy, paikkaukset ja oikomishoidon arvio. | Kontroller enligt "
                "ålder, förebyggande vård, lagningar och bedömning av tandreglering. | Age-based check-ups, "
                "prevention, fillings and orthodontic assessment.",
        outputs="Tarkastetut ikäluokat ja reiättömien osuus raportoidaan vuosittain. | Undersökta "
                "årskullar och andelen utan hål rapporteras årligen. | Age groups seen and the share without "
                "decay are reported yearly.",
        quality="Jokainen ikäluokka tarkastetaan ajallaan; lasten pelkoon varataan aikaa. | Varje årskull "
                "undersöks i tid; det finns tid för barn som är rädda. | Every age group is seen on time, with "
                "extra time for children who are scared.",
        tg="children_and_young_people,families_with_children", le="family_with_children,school_and_youth",
        cls="oral_health",
        keywords="hammaslääkäri, lasten hammashoito, hammastarkastus, oikomishoito, raudat | tandläkare, "
                 "barntandvård, tandreglering | children's dentist, kids dental, braces, orthodontics",
        channels=[
            visit("centre", room="5. kerros, lasten hammashoito | 5 våningen, barntandvården | 4th floor, "
                  "children's dental care", hours=hours({"mon-fri": "08:00-15:30"}),
                  rules=[rule("mon-thu", "08:00,09:00,10:00,12:30,13:30,14:30", 45, weeks=6)]),
            phone("+358 9 555 0116", "Lasten hammashoidon ajanvaraus | Barntandvårdens tidsbokning | "
                  "Children's dental bookings", hours({"mon-fri": "08:00-11:00,12:00-14:00"})),
        ]),
    service(
        "dental-voucher", "hki-sote", producers="hymy-dental", charge="voucher",
        name="Suun terveydenhuollon palveluseteli | Servicesedel för munhälsovård | Dental care service voucher",
        short="Kaupungin palvelusetelillä hammashoitoon yksityiselle hammaslääkärille, kun jonossa on odotusta. | "
              "Med stadens servicesedel till en privat tandläkare när kön till stadens tandvård är lång. | "
              "With a city voucher you can go to a private dentist when the public queue is long.",
        desc="Palveluseteli kattaa hoidon, jonka kaupungin hammaslääkäri on arvioinut tarpeelliseksi. Maksat "
             "itse omavastuuosuuden eli hoidon hinnan ja setelin arvon erotuksen. Voit valita hoitopaikan "
             "kaupungin hyväksymistä yrityksistä, Kontulassa esimerkiksi Hammaslääkäriasema Hymystä. | "
             "Servicesedeln täcker den vård som stadens tandläkare bedömt nödvändig. Du betalar själv "
             "självriskandelen, alltså skillnaden mellan vårdens pris och sedelns värde. Du väljer vårdplats "
             "bland de företag som staden godkänt, i Gårdsbacka till exempel Tandläkarstationen Hymy. | "
             "The voucher covers treatment that a city dentist has judged necessary. You pay your own share, "
             "the difference between the price and the value of the voucher. You choose the clinic from "
             "companies approved by the city, in Kontula for example Hymy Dental Clinic.",
        instr="Kysy seteliä hammashoitolan ajanvarauksesta. Seteli on voimassa neljä kuukautta. | Fråga efter "
              "sedeln hos tandklinikens tidsbokning. Sedeln gäller i fyra månader. | Ask for a voucher at the "
              "dental booking line. It is valid for four months.",
        goal="Hoitoon pääsee nopeammin ja asukas voi valita hoitopaikkansa. | Man kommer snabbare till vård och "
             "kan själv välja vårdplats. | Faster treatment, and you choose where you are treated.",
        content="Setelin myöntäminen, palveluntuottajien listaus ja hintavertailu. | Beviljande av sedel, lista "
                "över serviceproducenter och prisjämförelse. | Issuing the voucher, a list of providers and a "
                "price comparison.",
        outputs="Myönnetyt ja käytetyt setelit sekä omavastuut raportoidaan neljännesvuosittain. | Beviljade "
                "och använda sedlar samt självrisker rapporteras kvartalsvis. | Vouchers issued and used, and "
                "clients' own shares, are reported quarterly.",
        quality="Hyväksytyt tuottajat täyttävät kaupungin laatuvaatimukset ja niitä arvioidaan vuosittain. | "
                "Godkända producenter uppfyller stadens kvalitetskrav och utvärderas årligen. | Approved "
                "providers meet the city's quality requirements and are reviewed every year.",
        tg="adults,older_people", le="health_and_illness,money_and_benefits", cls="oral_health",
        keywords="palveluseteli, seteli, hammaslääkäri, hammashoito | servicesedel, sedel, tandläkare, tandvård | "
                 "service voucher, voucher, dentist, dental",
        channels=[
            phone("+358 9 555 0117", "Palvelusetelineuvonta | Rådgivning om servicesedlar | Voucher advice",
                  hours({"mon-fri": "09:00-11:30,12:30-15:00"})),
            web("https://www.example.fi/helsinki/palveluseteli/hammashoito", "Palvelusetelituottajien hinnat | "
                "Servicesedelproducenternas priser | Voucher providers' prices"),
        ]),
]
