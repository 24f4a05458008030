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
             "Hen följer hur du och barnet mår, berättar hur du kan förbereda dig för förlossningen och lyssnar "
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

SOCIAL_PHONE = hours({"mon-fri": "09:00-11:30,12:30-15:00"})

SERVICES += [
    # -- physiotherapy ---------------------------------------------------------------------------
    service(
        "physiotherapy-public", "hki-sote",
        name="Terveysaseman fysioterapia | Fysioterapi på hälsostationen | Health station physiotherapy",
        short="Fysioterapeutin arvio ja ohjaus tuki- ja liikuntaelinten vaivoihin sekä kaatumisten ehkäisy. | "
              "Fysioterapeutens bedömning och handledning vid besvär i rörelseorganen samt förebyggande av "
              "fall. | A physiotherapist's assessment and guidance for muscle and joint problems, and help to "
              "prevent falls.",
        desc="Äkillisessä selkä- tai niskakivussa voit mennä suoraan fysioterapeutille ilman lääkäriä. Hän "
             "tutkii, neuvoo kivun kanssa liikkumisessa ja antaa omahoito-ohjelman. Iäkkäille on "
             "tasapainoryhmiä, joissa harjoitellaan kaatumisten ehkäisyä. | Vid plötslig rygg- eller "
             "nacksmärta kan du gå direkt till fysioterapeuten utan att först träffa läkare. Fysioterapeuten "
             "undersöker dig, ger råd om hur du kan röra dig trots smärtan och ett program för egenvård. För "
             "äldre finns balansgrupper där man övar att undvika fall. | With sudden back or neck pain you "
             "can go straight to the physiotherapist without seeing a doctor first. They examine you, advise "
             "you on moving despite the pain and give you a self-care programme. Older people can join balance "
             "groups that practise preventing falls.",
        instr="Varaa aika terveysaseman takaisinsoiton kautta. Ota mukaan väljät vaatteet. | Boka via "
              "hälsostationens återuppringning. Ta med bekväma kläder. | Book through the health station "
              "call-back line. Wear loose clothes.",
        goal="Asukas pystyy liikkumaan ja tekemään arjen askareita kivusta huolimatta. | Invånaren kan röra "
             "sig och klara vardagens sysslor trots smärta. | People stay able to move and manage daily tasks "
             "despite pain.",
        content="Suoravastaanotto, kotiharjoitteet, tasapainoryhmät ja tarvittaessa palveluseteli. | "
                "Direktmottagning, hemövningar, balansgrupper och vid behov servicesedel. | Direct access "
                "appointments, home exercises, balance groups and a voucher when needed.",
        outputs="Käynnit, ryhmäosallistujat ja myönnetyt setelit raportoidaan kuukausittain. | Besök, "
                "gruppdeltagare och beviljade sedlar rapporteras månatligen. | Visits, group participants and "
                "vouchers issued are reported monthly.",
        quality="Äkilliseen kipuun aika viikon sisällä; liikkumiskykyä mitataan alussa ja lopussa. | Vid "
                "akut smärta tid inom en vecka; rörelseförmågan mäts i början och i slutet. | For acute pain "
                "an appointment within a week; mobility is measured at the start and end.",
        tg="adults,older_people", le="health_and_illness,ageing_and_care", cls="rehabilitation,health_care",
        keywords="fysioterapia, fysioterapeutti, fysio, selkäkipu, niska, kaatuminen, tasapaino | fysioterapi, "
                 "ryggont, nacke, fall, balans | physiotherapy, physio, back pain, neck pain, balance, falls",
        channels=[
            visit("centre", room="3. kerros, fysioterapia | 3 våningen, fysioterapin | 2nd floor, physiotherapy",
                  hours=CENTRE_HOURS, rules=[rule("mon-fri", "08:00,09:00,10:00,12:30,13:30,14:30", 45,
                                                  weeks=4)]),
        ]),
    service(
        "physiotherapy-voucher", "hki-sote", producers="fysio-kontula", charge="voucher",
        name="Fysioterapian palveluseteli | Servicesedel för fysioterapi | Physiotherapy service voucher",
        short="Kun terveysaseman fysioterapeutti arvioi tarpeen, saat setelin yksityiseen fysioterapiaan "
              "lähelle kotia. | När hälsostationens fysioterapeut bedömt behovet får du en sedel till privat "
              "fysioterapi nära hemmet. | When the health station physiotherapist sees the need, you get a "
              "voucher for private physiotherapy near home.",
        desc="Palvelusetelillä saat tavallisesti 5–10 fysioterapiakäyntiä yksityisellä fysioterapeutilla, "
             "jonka valitset itse kaupungin hyväksymistä yrityksistä. Setelin arvo riippuu hoidon pituudesta, "
             "ja maksat itse yrityksen hinnan ja setelin erotuksen. | Med servicesedeln får du oftast 5–10 "
             "besök hos en privat fysioterapeut som du själv väljer bland de företag staden godkänt. Sedelns "
             "värde beror på behandlingens längd, och du betalar själv skillnaden mellan företagets pris och "
             "sedeln. | The voucher usually covers 5–10 visits to a private physiotherapist you choose from "
             "the companies the city has approved. Its value depends on the length of the sessions, and you pay "
             "the difference between the company's price and the voucher.",
        instr="Seteli myönnetään terveysaseman fysioterapeutin arvion jälkeen. Vertaa yritysten omavastuita "
              "verkossa ennen kuin valitset. | Sedeln beviljas efter fysioterapeutens bedömning på "
              "hälsostationen. Jämför företagens självrisker på nätet innan du väljer. | The voucher is granted "
              "after the health station physiotherapist's assessment. Compare the companies' own-share prices "
              "online before you choose.",
        goal="Kuntoutus alkaa ajoissa ja asukas voi valita fysioterapeuttinsa. | Rehabiliteringen börjar i tid "
             "och invånaren kan välja sin fysioterapeut. | Rehabilitation starts on time and residents choose "
             "their physiotherapist.",
        content="Tarpeen arvio, setelin myöntäminen ja tuottajien omavastuuvertailu. | Bedömning av behovet, "
                "beviljande av sedel och jämförelse av producenternas självrisker. | Needs assessment, "
                "issuing the voucher and comparing providers' own shares.",
        outputs="Setelien määrä, käyntimäärät ja asiakkaiden arviot tuottajista neljännesvuosittain. | Antalet "
                "sedlar, besök och kundernas omdömen om producenterna kvartalsvis. | Number of vouchers, visits "
                "and clients' ratings of providers every quarter.",
        quality="Tuottajilla on laillistetut fysioterapeutit ja ensimmäinen käynti kahden viikon sisällä. | "
                "Producenterna har legitimerade fysioterapeuter och det första besöket sker inom två veckor. | "
                "Providers employ licensed physiotherapists and offer a first visit within two weeks.",
        tg="adults,older_people", le="health_and_illness,money_and_benefits", cls="rehabilitation",
        keywords="palveluseteli, fysioterapia, fysio, seteli | servicesedel, fysioterapi, sedel | voucher, "
                 "physiotherapy, physio",
        channels=[
            web("https://www.example.fi/helsinki/palveluseteli/fysioterapia", "Setelituottajat ja omavastuut | "
                "Sedelproducenter och självrisker | Voucher providers and own shares"),
            phone("+358 9 555 0118", "Palvelusetelien neuvonta | Rådgivning om servicesedlar | "
                  "Service voucher helpline", SOCIAL_PHONE),
        ]),
    # -- social services -------------------------------------------------------------------------
    service(
        "social-worker", "hki-sote",
        name="Sosiaaliohjaus ja sosiaalityö aikuisille | Socialhandledning och socialt arbete för vuxna | "
             "Social counselling and social work for adults",
        short="Sosiaaliohjaaja tai sosiaalityöntekijä auttaa, kun raha, asunto, päihteet tai yksinäisyys "
              "painavat. | En socialhandledare eller socialarbetare hjälper när pengar, boende, rusmedel eller "
              "ensamhet tynger. | A social counsellor or social worker helps when money, housing, substances or "
              "loneliness weigh on you.",
        desc="Sosiaaliohjaaja selvittää kanssasi, mistä saat apua ja mihin etuuksiin sinulla on oikeus, ja "
             "auttaa hakemusten kanssa. Jos tilanne on monimutkainen, saat oman sosiaalityöntekijän, joka "
             "kulkee rinnallasi pidempään. Keskustelut ovat luottamuksellisia. | Socialhandledaren reder ut "
             "tillsammans med dig var du kan få hjälp och vilka förmåner du har rätt till, och hjälper dig med "
             "ansökningarna. Om situationen är invecklad får du en egen socialarbetare som följer dig en längre "
             "tid. Samtalen är konfidentiella. | A social counsellor works out with you where to get help and "
             "which benefits you are entitled to, and helps with the applications. If things are complicated, "
             "you get your own social worker who stays alongside you for longer. Conversations are "
             "confidential.",
        instr="Soita neuvontaan tai varaa aika kioskilta. Ota mukaan viimeisimmät tiliotteet ja vuokrasopimus, "
              "jos asia koskee rahaa tai asumista. | Ring rådgivningen eller boka tid i kiosken. Ta med de "
              "senaste kontoutdragen och hyresavtalet om det gäller pengar eller boende. | Call the advice line "
              "or book at the kiosk. Bring your latest bank statements and tenancy agreement if it is about "
              "money or housing.",
        goal="Asukkaan arki pysyy hallinnassa ja vaikea tilanne ei kasva kriisiksi. | Invånarens vardag hålls "
             "under kontroll och en svår situation växer inte till en kris. | Residents keep control of daily "
             "life and difficulties do not grow into crises.",
        content="Palvelutarpeen arvio, ohjaus etuuksiin, asiakassuunnitelma ja yhteistyö muiden palvelujen "
                "kanssa. | Bedömning av servicebehovet, vägledning till förmåner, klientplan och samarbete med "
                "andra tjänster. | Service-need assessment, guidance to benefits, a client plan and work with "
                "other services.",
        outputs="Asiakasmäärät, arvioiden määräajassa pysyminen ja asiakaspalaute kuukausittain. | Antalet "
                "klienter, bedömningar inom lagstadgad tid och klientrespons varje månad. | Client numbers, "
                "assessments made on time and client feedback every month.",
        quality="Palvelutarpeen arvio alkaa seitsemän arkipäivän kuluessa yhteydenotosta. | Bedömningen av "
                "servicebehovet inleds inom sju vardagar från kontakten. | The service-need assessment starts "
                "within seven working days of contact.",
        tg="adults,special_support,immigrants", le="money_and_benefits,housing,mental_wellbeing",
        cls="social_services",
        keywords="sosiaalityöntekijä, sosiaaliohjaaja, sossu, toimeentulo, sosiaalitoimi | socialarbetare, "
                 "socialhandledare, socialbyrå, utkomst | social worker, social services, counselling, benefits",
        langs="fi,sv,en,so,ar",
        channels=[
            visit("centre", room="4. kerros, sosiaalipalvelut, huoneet 401–418 | 4 våningen, socialtjänsten, "
                  "rum 401–418 | 3rd floor, social services, rooms 401–418", hours=CENTRE_HOURS,
                  rules=[rule("mon-thu", "09:00,10:00,11:00,13:00,14:00", 50, weeks=4)]),
            phone("+358 9 555 0120", "Sosiaalineuvonta | Social rådgivning | Social services advice line",
                  SOCIAL_PHONE),
            video("https://video.example.fi/kontula/sosiaaliohjaus", "Sosiaaliohjaus videolla | "
                  "Socialhandledning per video | Social counselling by video", hours({"tue,thu": "09:00-15:00"}),
                  rules=[rule("tue,thu", "09:00,10:00,11:00,13:00,14:00", 45, weeks=4)]),
        ]),
    service(
        "family-counselling", "hki-sote",
        name="Perheneuvola | Familjerådgivning | Family counselling clinic",
        short="Keskusteluapua perheille, kun lapsen käytös, tunteet tai vanhempien ero huolestuttavat. | "
              "Samtalsstöd för familjer när barnets beteende, känslor eller föräldrarnas skilsmässa oroar. | "
              "Counselling for families worried about a child's behaviour or feelings, or about a separation.",
        desc="Perheneuvolassa psykologi ja sosiaalityöntekijä tapaavat lasta ja vanhempia yhdessä tai erikseen. "
             "Apua saa esimerkiksi lapsen pelkoihin, kiukkuun ja koulun aloitukseen sekä eron jälkeiseen "
             "arkeen. Lähetettä ei tarvita. | På familjerådgivningen träffar en psykolog och en socialarbetare "
             "barnet och föräldrarna tillsammans eller var för sig. Du kan få hjälp med till exempel barnets "
             "rädslor, ilska och skolstart samt vardagen efter en skilsmässa. Ingen remiss behövs. | At the "
             "family counselling clinic a psychologist and a social worker meet the child and parents together "
             "or separately. You can get help with a child's fears, anger or starting school, or with everyday "
             "life after a separation. No referral is needed.",
        instr="Vanhempi soittaa ja sopii ensimmäisen tapaamisen. Lapsi ei tule mukaan ensimmäiselle kerralle. | "
              "En förälder ringer och bokar det första mötet. Barnet kommer inte med första gången. | A parent "
              "calls to arrange the first meeting. The child does not come the first time.",
        goal="Perhe löytää keinot arjen vaikeuksiin ennen kuin ne kasvavat. | Familjen hittar sätt att klara "
             "vardagens svårigheter innan de växer. | Families find ways through difficulties before they grow.",
        content="Keskustelut, psykologiset tutkimukset, eroauttaminen ja vanhempainryhmät. | Samtal, psykologiska "
                "undersökningar, stöd vid skilsmässa och föräldragrupper. | Counselling, psychological "
                "assessments, separation support and parent groups.",
        outputs="Asiakasperheet, käynnit ja jonotusaika raportoidaan neljännesvuosittain. | Klientfamiljer, "
                "besök och väntetid rapporteras kvartalsvis. | Client families, visits and waiting times are "
                "reported quarterly.",
        quality="Ensimmäinen tapaaminen kolmen viikon sisällä; kiireellinen huoli samalla viikolla. | Första "
                "mötet inom tre veckor; brådskande oro samma vecka. | A first meeting within three weeks; "
                "urgent worries the same week.",
        tg="families_with_children,children_and_young_people", le="family_with_children,mental_wellbeing",
        cls="family_services,mental_health_and_substance",
        keywords="perheneuvola, perheneuvonta, psykologi, ero, lapsen käytös | familjerådgivning, psykolog, "
                 "skilsmässa | family counselling, psychologist, divorce, separation, child behaviour",
        langs="fi,sv,en",
        channels=[
            phone("+358 9 555 0121", "Perheneuvolan ajanvaraus | Familjerådgivningens tidsbokning | "
                  "Family counselling bookings", hours({"mon-fri": "09:00-11:00"})),
            video("https://video.example.fi/kontula/perheneuvola", "Perheneuvolan videotapaaminen | "
                  "Videomöte med familjerådgivningen | Family counselling by video", hours({"wed": "12:00-16:00"}),
                  rules=[rule("wed", "12:00,13:00,14:00,15:00", 50, weeks=4)]),
            visit("centre", room="4. kerros, perheneuvola | 4 våningen, familjerådgivningen | 3rd floor, family "
                  "counselling", hours=CENTRE_HOURS),
        ]),
    service(
        "family-home-help", "hki-sote", charge="charged",
        name="Lapsiperheiden kotipalvelu | Hemservice för barnfamiljer | Home help for families with children",
        short="Kotipalvelun työntekijä tulee avuksi lastenhoitoon ja kodin arkeen, kun vanhemmat eivät jaksa. | "
              "En hemvårdare kommer och hjälper med barnen och vardagen när föräldrarna inte orkar. | A home "
              "help worker comes to help with the children and the household when parents are exhausted.",
        desc="Kotipalvelua voi saada esimerkiksi synnytyksen jälkeen, vanhemman sairastuessa, kaksosten kanssa "
             "tai muussa tilanteessa, jossa arki ei pyöri. Työntekijä hoitaa lapsia, laittaa ruokaa ja auttaa "
             "kodin töissä yhdessä vanhemman kanssa. | Hemservice kan beviljas till exempel efter en förlossning, "
             "när en förälder insjuknar, med tvillingar eller i andra situationer där vardagen inte går ihop. "
             "Hemvårdaren sköter barnen, lagar mat och hjälper med hemarbetet tillsammans med föräldern. | Home "
             "help is available after a birth, when a parent falls ill, with twins, or in other situations "
             "where everyday life is not working. The worker looks after the children, cooks and helps with "
             "housework together with the parent.",
        instr="Hae apua soittamalla perheiden sosiaalineuvontaan tai pyydä neuvolaa tekemään yhteydenotto. | "
              "Ansök genom att ringa familjernas sociala rådgivning eller be rådgivningen kontakta oss. | Apply "
              "by calling the family social services line or ask the child health clinic to contact us.",
        goal="Vanhemmat jaksavat ja lapset saavat hyvää hoitoa vaikeassa elämänvaiheessa. | Föräldrarna orkar "
             "och barnen får god omsorg i ett svårt skede. | Parents cope and children are well cared for "
             "through a hard time.",
        content="Tilapäinen apu kotiin: lastenhoito, ruoanlaitto, kodinhoito ja vanhemmuuden tuki. | Tillfällig "
                "hjälp i hemmet: barnomsorg, matlagning, hemskötsel och stöd i föräldraskapet. | Temporary help "
                "at home: childcare, cooking, housework and parenting support.",
        outputs="Perheet, käyntitunnit ja jonotusaika raportoidaan kuukausittain. | Familjer, besökstimmar och "
                "väntetid rapporteras månatligen. | Families, hours of help and waiting times are reported "
                "monthly.",
        quality="Tarve arvioidaan viikon sisällä, kiireellisessä tilanteessa samana päivänä. | Behovet bedöms "
                "inom en vecka, i brådskande fall samma dag. | Needs are assessed within a week, or the same "
                "day if urgent.",
        price="Maksu perheen tulojen ja koon mukaan, enintään 12,40 € tunnilta. Pienituloisille maksuton. | "
              "Avgiften beror på familjens inkomster och storlek, högst 12,40 € i timmen. Avgiftsfri för "
              "låginkomsttagare. | The fee depends on the family's income and size, at most €12.40 an hour. "
              "Free for low-income families.",
        tg="families_with_children", le="family_with_children,expecting_a_baby", cls="family_services,social_services",
        keywords="kotipalvelu, lastenhoitoapu, perhetyö, väsymys, kaksoset | hemservice, barnvård, familjearbete | "
                 "home help, childcare help, family work, twins",
        langs="fi,sv,en,so",
        channels=[
            phone("+358 9 555 0122", "Perheiden sosiaalineuvonta | Familjernas sociala rådgivning | "
                  "Family social services line", SOCIAL_PHONE),
        ]),
    service(
        "social-assistance", "hki-sote",
        name="Täydentävä ja ehkäisevä toimeentulotuki | Kompletterande och förebyggande utkomststöd | "
             "Supplementary and preventive social assistance",
        short="Kaupungin tuki erityisiin menoihin, joihin Kelan perustoimeentulotuki ei riitä, kuten "
              "vuokrarästeihin. | Stadens stöd för särskilda utgifter som FPA:s grundläggande utkomststöd "
              "inte räcker till, till exempel hyresskulder. | City support for special expenses that Kela's "
              "basic social assistance does not cover, such as rent arrears.",
        desc="Ensin haetaan perustoimeentulotukea Kelasta. Jos sen jälkeen jää menoja, joista et selviä, "
             "kaupungin sosiaalityö voi myöntää täydentävää tukea. Ehkäisevällä tuella voidaan estää esimerkiksi "
             "häätö tai sähköjen katkaisu. | Först söker man grundläggande utkomststöd hos FPA. Om det "
             "därefter finns utgifter som du inte klarar, kan stadens socialarbete bevilja kompletterande stöd. "
             "Med förebyggande stöd kan till exempel en vräkning eller ett elavbrott förhindras. | You first "
             "apply for basic social assistance from Kela. If expenses remain that you cannot manage, the "
             "city's social work can grant supplementary support. Preventive support can stop an eviction or "
             "your electricity being cut off.",
        instr="Kerro Kelan hakemuksessa, että haluat asian siirtyvän kaupungille, tai soita sosiaalineuvontaan. | "
              "Ange i ansökan till FPA att du vill att ärendet skickas till staden, eller ring den sociala "
              "rådgivningen. | Say in your Kela application that you want it passed to the city, or call the "
              "social services line.",
        goal="Kukaan ei menetä kotiaan tai välttämättömiä palveluja rahapulan vuoksi. | Ingen ska förlora sitt "
             "hem eller nödvändiga tjänster på grund av penningbrist. | Nobody loses their home or essential "
             "services for lack of money.",
        content="Hakemusten käsittely, sosiaalityöntekijän tapaaminen ja ohjaus talousneuvontaan. | Behandling "
                "av ansökningar, möte med socialarbetare och vägledning till ekonomisk rådgivning. | Handling "
                "applications, meeting a social worker and referral to money advice.",
        outputs="Päätösten määrä ja käsittelyaika raportoidaan kuukausittain. | Antalet beslut och "
                "handläggningstiden rapporteras månatligen. | Decisions and processing times are reported "
                "monthly.",
        quality="Kiireellinen hakemus ratkaistaan samana tai seuraavana arkipäivänä. | En brådskande ansökan "
                "avgörs samma eller följande vardag. | Urgent applications are decided the same or the next "
                "working day.",
        tg="adults,families_with_children,immigrants", le="money_and_benefits,housing", cls="social_services",
        keywords="toimeentulotuki, rahahuolet, vuokrarästi, häätö, sosiaalituki | utkomststöd, penningbekymmer, "
                 "hyresskuld, vräkning | social assistance, money problems, rent arrears, eviction, welfare",
        langs="fi,sv,en,so,ar,ru",
        channels=[
            phone("+358 9 555 0123", "Toimeentulotuen neuvonta | Rådgivning om utkomststöd | "
                  "Social assistance helpline", SOCIAL_PHONE),
            web("https://www.example.fi/helsinki/toimeentulotuki", "Hae verkossa | Ansök på nätet | Apply online"),
        ]),
    service(
        "housing-advice", "hki-sote",
        name="Asumisneuvonta | Boenderådgivning | Housing advice",
        short="Apua vuokrarästeihin, häätöuhkaan, asunnon hakemiseen ja naapuririitoihin. | Hjälp med "
              "hyresskulder, hot om vräkning, bostadssökande och grannkonflikter. | Help with rent arrears, "
              "threatened eviction, finding a flat and disputes with neighbours.",
        desc="Asumisneuvoja neuvottelee tarvittaessa vuokranantajan kanssa maksusuunnitelmasta, auttaa "
             "asuntohakemuksen täyttämisessä ja kertoo, mistä saa tukea muuttoon. Mitä aikaisemmin otat "
             "yhteyttä, sitä helpommin asia ratkeaa. | Boenderådgivaren förhandlar vid behov med hyresvärden om "
             "en betalningsplan, hjälper dig att fylla i bostadsansökan och berättar var du kan få stöd vid "
             "flytt. Ju tidigare du hör av dig, desto lättare löser det sig. | The housing adviser can "
             "negotiate a payment plan with your landlord, help you fill in a housing application and tell you "
             "where to get help with moving. The sooner you get in touch, the easier it is to sort out.",
        instr="Ota mukaan vuokrasopimus ja vuokranantajan kirjeet. | Ta med hyresavtalet och hyresvärdens "
              "brev. | Bring your tenancy agreement and any letters from your landlord.",
        goal="Asukkaat pysyvät kodeissaan ja häätöjä on vähemmän. | Invånarna bor kvar i sina hem och "
             "vräkningarna blir färre. | People keep their homes and there are fewer evictions.",
        content="Neuvonta, neuvottelut vuokranantajan kanssa ja ohjaus muihin palveluihin. | Rådgivning, "
                "förhandlingar med hyresvärden och vägledning till andra tjänster. | Advice, negotiations with "
                "landlords and referral to other services.",
        outputs="Asiakkaat ja estetyt häädöt raportoidaan puolivuosittain. | Klienter och förhindrade "
                "vräkningar rapporteras halvårsvis. | Clients and evictions prevented are reported twice a year.",
        quality="Häätöuhkaan vastataan kahden arkipäivän sisällä. | Vid hot om vräkning får du svar inom två "
                "vardagar. | A threatened eviction gets a response within two working days.",
        tg="adults,older_people,immigrants", le="housing,money_and_benefits", cls="housing,social_services",
        keywords="asumisneuvoja, asumisneuvonta, vuokra, häätö, asunto, vuokranantaja | boenderådgivare, hyra, "
                 "vräkning, bostad, hyresvärd | housing adviser, rent, eviction, flat, landlord, tenancy",
        langs="fi,sv,en,ru",
        channels=[
            walk_in("kiosk", "Asumisneuvojan päivystys kioskilla | Boenderådgivarens jour i kiosken | "
                    "Housing adviser drop-in at the kiosk", hours({"wed": "10:00-13:00"}),
                    room="Kioskin neuvontapöytä | Kioskens rådgivningsbord | The kiosk's advice desk"),
            phone("+358 9 555 0124", "Asumisneuvonta | Boenderådgivning | Housing advice line",
                  hours({"mon-fri": "09:00-12:00"})),
        ]),
    service(
        "crisis-line", "hki-sote",
        name="Sosiaali- ja kriisipäivystys | Social- och krisjouren | Social services and crisis emergency line",
        short="Ympäri vuorokauden auki oleva puhelin äkillisissä kriiseissä, väkivallassa ja sosiaalisissa "
              "hätätilanteissa. | Telefon som är öppen dygnet runt vid akuta kriser, våld och sociala "
              "nödsituationer. | A 24-hour line for sudden crises, violence and social emergencies.",
        desc="Kriisipäivystys auttaa esimerkiksi läheisen äkillisen kuoleman, onnettomuuden, lähisuhdeväkivallan "
             "tai asunnottomuuden uhatessa. Päivystäjä voi tulla paikalle ja järjestää turvallisen yöpaikan. "
             "Hengenvaarassa soita aina 112. | Krisjouren hjälper till exempel när en närstående plötsligt dött, "
             "vid olyckor, våld i nära relationer eller när man hotas av bostadslöshet. Jouren kan komma på "
             "plats och ordna en trygg plats att sova. Vid livsfara ring alltid 112. | The crisis line helps "
             "after a sudden death of someone close, an accident, violence at home or when you are about to "
             "lose your home. The duty worker can come to you and arrange a safe place to sleep. If life is "
             "in danger, always call 112.",
        instr="Soita, vaikka et tietäisi, onko tilanteesi tarpeeksi vakava; päivystäjä auttaa arvioimaan sen. | "
              "Ring även om du inte vet om din situation är tillräckligt allvarlig; jouren hjälper dig att bedöma "
              "det. | Call even if you are unsure whether things are serious enough; the duty worker will help "
              "you judge.",
        goal="Kukaan ei jää yksin akuutissa kriisissä. | Ingen lämnas ensam i en akut kris. | Nobody is left "
             "alone in an acute crisis.",
        content="Puhelinneuvonta, kriisikäynnit ja kiireellinen sijoitus tai majoitus. | Telefonrådgivning, "
                "krisbesök och brådskande placering eller inkvartering. | Telephone support, crisis visits and "
                "urgent placement or accommodation.",
        outputs="Puhelut ja päivystyskäynnit raportoidaan kuukausittain. | Samtal och jourbesök rapporteras "
                "månatligen. | Calls and emergency visits are reported monthly.",
        quality="Puheluun vastataan keskimäärin kahdessa minuutissa kellon ympäri. | Samtal besvaras i "
                "genomsnitt inom två minuter dygnet runt. | Calls are answered within two minutes on average, "
                "day and night.",
        tg="adults,families_with_children,children_and_young_people,special_support",
        le="mental_wellbeing,housing,family_with_children", cls="social_services,mental_health_and_substance",
        keywords="kriisi, kriisipuhelin, päivystys, väkivalta, lähisuhdeväkivalta, hätä | kris, krisjour, våld, "
                 "nödläge | crisis, emergency, helpline, domestic violence, abuse",
        channels=[phone("+358 9 555 0125", "Päivystys 24/7 | Jour dygnet runt | 24/7 emergency line",
                        ALWAYS_OPEN)]),
    # -- older people ---------------------------------------------------------------------------
    service(
        "senior-info", "hki-sote",
        name="Seniori-info | Seniorinfo | Senior Info",
        short="Neuvontaa ikääntyneille ja heidän läheisilleen kotona asumisen tuesta, palveluista ja "
              "etuuksista. | Rådgivning för äldre och deras närstående om stöd för att bo hemma, tjänster och "
              "förmåner. | Advice for older people and their families on support for living at home, services "
              "and benefits.",
        desc="Seniori-infosta kysyt kaiken, mikä liittyy ikääntymiseen: kotihoidon hakemisen, turvapuhelimen, "
             "omaishoidon tuen, ateriapalvelun tai päivätoiminnan. Ohjaaja voi myös sopia kotikäynnin, jossa "
             "arvioidaan avun tarve. | Av Seniorinfo kan du fråga allt som gäller åldrandet: hur man söker "
             "hemvård, trygghetstelefon, stöd för närståendevård, måltidsservice eller dagverksamhet. "
             "Handledaren kan också boka ett hembesök där hjälpbehovet bedöms. | Senior Info answers anything "
             "to do with getting older: applying for home care, a safety alarm, carer's allowance, meals on "
             "wheels or day activities. The adviser can also arrange a home visit to assess what help you need.",
        instr="Soita itse tai pyydä läheistä soittamaan puolestasi. Kioskilla voit tavata ohjaajan "
              "torstaisin. | Ring själv eller be en närstående ringa för dig. I kiosken kan du träffa "
              "handledaren på torsdagar. | Call yourself or ask someone close to call for you. You can meet the "
              "adviser at the kiosk on Thursdays.",
        goal="Ikääntyneet löytävät oikeat palvelut yhdellä yhteydenotolla. | Äldre hittar rätt tjänster med en "
             "enda kontakt. | Older people find the right services with a single contact.",
        content="Puhelin- ja kasvokkaisneuvonta, palvelutarpeen arvion käynnistys ja ohjaus järjestöjen "
                "toimintaan. | Rådgivning per telefon och ansikte mot ansikte, start av bedömningen av "
                "servicebehovet och vägledning till föreningarnas verksamhet. | Advice by phone and in person, "
                "starting the service-need assessment and guidance to associations' activities.",
        outputs="Yhteydenotot aiheittain ja aloitetut palvelutarpeen arviot kuukausittain. | Kontakter per ämne "
                "och påbörjade bedömningar varje månad. | Contacts by topic and assessments started each month.",
        quality="Puheluun vastataan tai soitetaan takaisin saman päivän aikana. | Samtal besvaras eller "
                "återuppringning sker samma dag. | Calls are answered or returned the same day.",
        tg="older_people,swedish_speakers", le="ageing_and_care,money_and_benefits", cls="elderly_services",
        keywords="seniori-info, seniorineuvonta, vanhuspalvelut, ikäihmiset, kotihoito, omainen | seniorinfo, "
                 "äldreomsorg, äldre, hemvård, anhörig | senior info, older people, elderly services, ageing, "
                 "home care",
        langs="fi,sv,en",
        channels=[
            phone("+358 9 555 0130", "Seniori-infon puhelin | Seniorinfos telefon | Senior Info phone",
                  hours({"mon-fri": "09:00-15:00"})),
            walk_in("kiosk", "Seniori-info kioskilla | Seniorinfo i kiosken | Senior Info at the kiosk",
                    hours({"thu": "10:00-14:00"}),
                    room="Kioskin neuvontapöytä | Kioskens rådgivningsbord | The kiosk's advice desk"),
        ]),
    service(
        "home-care-public", "hki-sote", producers="hki-sote,lahella-care", charge="charged",
        name="Kotihoito | Hemvård | Home care",
        short="Hoitaja käy kotona auttamassa lääkkeissä, peseytymisessä ja arjessa, kun omat voimat eivät "
              "riitä. | En vårdare besöker dig hemma och hjälper med mediciner, tvätt och vardagen när krafterna "
              "inte räcker. | A care worker visits your home to help with medicines, washing and daily life when "
              "you cannot manage alone.",
        desc="Kotihoito tukee kotona asumista silloin, kun selviät arjesta vain toisen avulla. Käyntien määrä "
             "sovitaan palvelusuunnitelmassa, ja ne voivat olla kerran viikossa tai useita kertoja päivässä. "
             "Osa käynneistä voidaan tehdä videolla, esimerkiksi lääkkeiden ottamisen muistuttamiseksi. | "
             "Hemvården hjälper dig att bo kvar hemma när du klarar vardagen bara med någon annans hjälp. Hur ofta "
             "vårdaren kommer bestäms i serviceplanen, från en gång i veckan till flera gånger om dagen. En "
             "del besök kan göras per video, till exempel för att påminna om medicinerna. | Home care helps you "
             "keep living at home when you can only manage daily life with someone's help. The number of visits "
             "is agreed in your care plan, from once a week to several times a day. Some visits can be made by "
             "video, for example to remind you to take your medicines.",
        instr="Hae kotihoitoa Seniori-infon kautta. Voit valita myös palvelusetelin ja yksityisen tuottajan. | "
              "Ansök om hemvård via Seniorinfo. Du kan också välja servicesedel och en privat producent. | "
              "Apply for home care through Senior Info. You can also choose a voucher and a private provider.",
        goal="Ikääntynyt voi asua omassa kodissaan turvallisesti niin pitkään kuin mahdollista. | Den äldre kan "
             "bo tryggt i sitt eget hem så länge som möjligt. | Older people live safely in their own homes for "
             "as long as possible.",
        content="Kotikäynnit, lääkehoito, hygienia, ravitsemus ja etäkäynnit videolla. | Hembesök, läkemedelsvård, "
                "hygien, näring och distansbesök per video. | Home visits, medication, hygiene, nutrition and "
                "video visits.",
        outputs="Asiakkaat, käynnit ja toteutuneet käyntiajat raportoidaan viikoittain. | Klienter, besök och "
                "förverkligade besökstider rapporteras varje vecka. | Clients, visits and visits made on time "
                "are reported weekly.",
        quality="Käynti toteutuu sovitun puolen tunnin ikkunan sisällä; sama tiimi hoitaa asiakasta. | Besöket "
                "sker inom den överenskomna halvtimmen; samma team sköter klienten. | Visits happen within the "
                "agreed half-hour window, by the same team.",
        price="Kuukausimaksu tulojen ja käyntimäärän mukaan; tilapäinen käynti 15,50 €. | Månadsavgift enligt "
              "inkomster och antal besök; tillfälligt besök 15,50 €. | A monthly fee based on income and the "
              "number of visits; a one-off visit €15.50.",
        tg="older_people,special_support,swedish_speakers", le="ageing_and_care,disability",
        cls="elderly_services,health_care",
        keywords="kotihoito, kotisairaanhoito, vanhus, hoitaja kotiin, lääkkeet | hemvård, hemsjukvård, äldre, "
                 "mediciner | home care, home nursing, elderly care, carer",
        langs="fi,sv,en,ru",
        channels=[
            phone("+358 9 555 0131", "Kotihoidon toimisto Kontula | Hemvårdens kansli Gårdsbacka | Kontula home "
                  "care office", hours({"mon-fri": "08:00-15:00"})),
            video("https://video.example.fi/kontula/kotihoito", "Kotihoidon videokäynnit | Hemvårdens "
                  "videobesök | Home care video visits", hours({"mon-sun": "07:00-21:00"}),
                  access="Asiakas saa kosketusnäytöllisen laitteen, joka avaa yhteyden itse. | Klienten får en "
                         "pekskärmsenhet som kopplar upp av sig själv. | Clients receive a touch-screen device "
                         "that connects by itself."),
        ]),
    service(
        "home-care-voucher", "hki-sote", producers="lahella-care,siisti-koti", charge="voucher",
        name="Kotihoidon ja tukipalvelujen palveluseteli | Servicesedel för hemvård och stödtjänster | "
             "Home care and support services voucher",
        short="Palvelusetelillä voit ostaa kotihoidon, siivouksen tai asiointiavun itse valitsemaltasi "
              "yritykseltä. | Med servicesedeln kan du köpa hemvård, städning eller ärendehjälp från ett "
              "företag som du själv väljer. | With the voucher you buy home care, cleaning or errand help "
              "from a company you choose.",
        desc="Kun palvelutarve on arvioitu, voit ottaa kaupungin kotihoidon sijasta palvelusetelin. Setelin "
             "arvo lasketaan tulojesi mukaan. Valitse yritys kaupungin listalta, ja sovi sen kanssa, milloin "
             "apu tulee. | När ditt servicebehov har bedömts kan du välja en servicesedel i stället för stadens "
             "hemvård. Sedelns värde räknas enligt dina inkomster. Välj ett företag på stadens lista och kom "
             "överens med det om när hjälpen kommer. | Once your needs are assessed, you can take a voucher "
             "instead of the city's home care. Its value depends on your income. Choose a company from the "
             "city's list and agree with it when the help comes.",
        instr="Pyydä seteliä Seniori-infosta. Kysy tuottajalta kirjallinen palvelusopimus. | Be om sedeln hos "
              "Seniorinfo. Be producenten om ett skriftligt serviceavtal. | Ask Senior Info for the voucher. "
              "Ask the provider for a written service agreement.",
        goal="Ikääntynyt voi itse valita, kuka kotona auttaa. | Den äldre kan själv välja vem som hjälper "
             "hemma. | Older people choose for themselves who helps them at home.",
        content="Tulosidonnainen seteli, tuottajalista ja neuvonta valintaan. | Inkomstrelaterad sedel, lista "
                "över producenter och råd inför valet. | An income-related voucher, a provider list and advice "
                "on choosing.",
        outputs="Setelit palveluittain ja asiakkaiden arviot tuottajista puolivuosittain. | Sedlar per tjänst "
                "och klienternas omdömen om producenterna halvårsvis. | Vouchers per service and clients' "
                "ratings of providers twice a year.",
        quality="Tuottajat on auditoitu ja sitoutuneet kaupungin laatukriteereihin. | Producenterna är "
                "granskade och förbundna till stadens kvalitetskriterier. | Providers are audited and bound by "
                "the city's quality criteria.",
        tg="older_people,special_support", le="ageing_and_care,money_and_benefits", cls="elderly_services",
        keywords="palveluseteli, kotihoito, siivous, tukipalvelu | servicesedel, hemvård, städning, stödtjänst | "
                 "voucher, home care, cleaning, support services",
        channels=[
            web("https://www.example.fi/helsinki/palveluseteli/kotihoito", "Tuottajat ja setelin arvo | "
                "Producenter och sedelns värde | Providers and voucher value"),
            phone("+358 9 555 0132", "Setelineuvonta ikäihmisille | Sedelrådgivning för äldre | "
                  "Voucher advice for older people", SOCIAL_PHONE),
        ]),
    service(
        "preventive-home-visits", "hki-sote",
        name="Hyvinvointia tukevat kotikäynnit 80-vuotiaille | Välfärdsfrämjande hembesök för 80-åringar | "
             "Wellbeing home visits for 80-year-olds",
        short="Terveydenhoitaja tulee tutustumiskäynnille kotiin 80 vuotta täyttävien luo ja kertoo "
              "alueen palveluista. | En hälsovårdare gör ett besök hos dem som fyller 80 och berättar om "
              "tjänsterna i området. | A nurse visits people turning 80 at home and tells them about local "
              "services.",
        desc="Käynnillä jutellaan voinnista, liikkumisesta, muistista ja kodin turvallisuudesta: onko "
             "matoissa liukuesteet, ylettyykö kaappeihin, toimiiko palovaroitin. Käynti on vapaaehtoinen, ja "
             "sen voi siirtää sopivampaan aikaan. | Under besöket pratar ni om hur du mår, rör dig och minns, "
             "och om säkerheten hemma: har mattorna halkskydd, når du skåpen, fungerar brandvarnaren. Besöket "
             "är frivilligt och kan flyttas till en bättre tidpunkt. | During the visit you talk about how "
             "you are, moving about, memory and home safety: do the rugs have non-slip backing, can you reach "
             "the cupboards, does the smoke alarm work. The visit is voluntary and can be moved to a better "
             "time.",
        instr="Saat kirjeen, jossa on ehdotettu aika. Jos se ei sovi, soita numeroon kirjeessä. | Du får ett "
              "brev med en föreslagen tid. Om den inte passar, ring numret i brevet. | You get a letter with a "
              "suggested time. If it does not suit you, call the number in the letter.",
        goal="Avun tarve huomataan ennen kuin sattuu kaatuminen tai muu vahinko. | Hjälpbehov upptäcks innan "
             "ett fall eller annan skada sker. | Needs are spotted before a fall or other accident.",
        content="Kotikäynti, toimintakyvyn kartoitus, kodin turvallisuustarkistus ja palveluohjaus. | Hembesök, "
                "kartläggning av funktionsförmågan, säkerhetskontroll av hemmet och servicehandledning. | A home "
                "visit, functional assessment, home safety check and service guidance.",
        outputs="Tehdyt käynnit ja jatko-ohjaukset raportoidaan vuosittain. | Gjorda besök och hänvisningar "
                "vidare rapporteras årligen. | Visits made and onward referrals are reported yearly.",
        quality="Jokaiselle 80 vuotta täyttävälle tarjotaan käyntiä saman vuoden aikana. | Alla som fyller 80 "
                "erbjuds ett besök samma år. | Everyone turning 80 is offered a visit within the year.",
        tg="older_people,swedish_speakers", le="ageing_and_care", cls="elderly_services,health_care",
        keywords="kotikäynti, 80-vuotiaat, ikäihmiset, kaatuminen, turvallisuus | hembesök, 80-åringar, äldre, "
                 "fall, säkerhet | home visit, 80-year-olds, elderly, falls, home safety",
        channels=[phone("+358 9 555 0133", "Kotikäyntien ajansiirrot | Flytt av hembesök | Moving a home visit",
                        hours({"mon-fri": "09:00-12:00"}))]),
    service(
        "day-activities", "hki-sote", charge="charged",
        name="Ikäihmisten päivätoiminta | Dagverksamhet för äldre | Day activities for older people",
        short="Päivä seurassa kerran tai kahdesti viikossa: lounas, jumppa, saunavuoro ja kuljetus kotoa. | "
              "En dag i sällskap en eller två gånger i veckan: lunch, gymnastik, bastu och transport hemifrån. | "
              "A day in company once or twice a week: lunch, exercise, a sauna turn and transport from home.",
        desc="Päivätoiminta on tarkoitettu kotona asuville, joille yksinäisyys tai muistin heikkeneminen "
             "tekee arjesta raskasta. Päivään kuuluu ohjattua liikuntaa, muistia virkistäviä tehtäviä ja "
             "yhteinen lounas. Samalla omaishoitaja saa vapaapäivän. | Dagverksamheten är till för dem som bor "
             "hemma och tycker att vardagen är tung på grund av ensamhet eller försämrat minne. I dagen ingår "
             "ledd motion, minnesövningar och gemensam lunch. Samtidigt får en närståendevårdare en ledig dag. | "
             "Day activities are for people living at home whose days feel heavy because of loneliness or "
             "failing memory. The day includes guided exercise, memory activities and lunch together. It also "
             "gives a family carer a day off.",
        instr="Paikka haetaan Seniori-infon kautta palvelutarpeen arvion jälkeen. | Platsen söks via Seniorinfo "
              "efter bedömningen av servicebehovet. | A place is applied for through Senior Info after a "
              "needs assessment.",
        goal="Toimintakyky säilyy ja yksinäisyys vähenee. | Funktionsförmågan bevaras och ensamheten minskar. | "
             "People stay active and less lonely.",
        content="Kuljetus, lounas ja päiväkahvi, liikunta, sauna ja virkistys. | Transport, lunch och "
                "eftermiddagskaffe, motion, bastu och rekreation. | Transport, lunch and afternoon coffee, "
                "exercise, sauna and recreation.",
        outputs="Asiakaspäivät ja toimintakykymittarit kirjataan puolivuosittain. | Klientdagar och mätningar "
                "av funktionsförmågan registreras halvårsvis. | Client days and functional measures are "
                "recorded twice a year.",
        quality="Ryhmässä enintään 12 asiakasta ja kaksi ohjaajaa. | Högst 12 klienter och två handledare per "
                "grupp. | At most 12 clients and two staff per group.",
        price="19,70 € päivältä, sisältää kuljetuksen ja ateriat. | 19,70 € per dag, inklusive transport och "
              "måltider. | €19.70 a day, including transport and meals.",
        tg="older_people", le="ageing_and_care,free_time_and_community", cls="elderly_services",
        keywords="päivätoiminta, päiväkeskus, muisti, yksinäisyys, sauna | dagverksamhet, dagcenter, minne, "
                 "ensamhet | day centre, day activities, memory, loneliness",
        langs="fi,sv",
        channels=[visit("centre", room="Katutaso, päivätoiminnan tilat | Gatuplanet, dagverksamhetens "
                        "lokaler | Street level, day activity rooms", hours=hours({"mon-fri": "09:00-15:00"}))]),
    service(
        "memory-nurse", "hki-sote",
        name="Muistihoitajan vastaanotto | Minnesskötarens mottagning | Memory nurse",
        short="Muistitesti, muistisairauden hoidon seuranta ja tukea muistisairaan läheisille. | Minnestest, "
              "uppföljning av minnessjukdom och stöd för närstående till personer med minnessjukdom. | Memory "
              "tests, follow-up of memory disorders and support for the families of people who have one.",
        desc="Jos nimet ja tapaamiset unohtuvat tavallista useammin, muistihoitaja tekee muistitestin ja "
             "kertoo, tarvitaanko lisätutkimuksia. Muistisairauden toteamisen jälkeen hän seuraa hoitoa ja "
             "neuvoo arjen järjestelyissä. | Om du glömmer namn och möten oftare än vanligt gör minnesskötaren "
             "ett minnestest och berättar om det behövs fler undersökningar. Efter en diagnos följer skötaren "
             "vården och ger råd om hur vardagen kan ordnas. | If you forget names and appointments more than "
             "usual, the memory nurse tests your memory and tells you whether more tests are needed. After a "
             "diagnosis, the nurse follows your treatment and advises on arranging everyday life.",
        instr="Läheinen voi tulla mukaan. Ota mukaan silmälasit ja kuulokoje, jos käytät niitä. | En närstående "
              "får gärna komma med. Ta med glasögon och hörapparat om du använder dem. | A family member is "
              "welcome to come with you. Bring your glasses and hearing aid if you use them.",
        goal="Muistisairaus todetaan ajoissa ja kotona asuminen tukee toimintakykyä. | Minnessjukdom upptäcks "
             "i tid och boendet hemma stöder funktionsförmågan. | Memory disorders are found early and living "
             "at home keeps people active.",
        content="Muistitestit, hoidon seuranta, läheisten ohjaus ja yhteistyö lääkärin kanssa. | Minnestest, "
                "uppföljning, handledning av närstående och samarbete med läkaren. | Memory tests, follow-up, "
                "guidance for families and work with the doctor.",
        outputs="Testit ja seuranta-asiakkaat raportoidaan neljännesvuosittain. | Test och uppföljningsklienter "
                "rapporteras kvartalsvis. | Tests and follow-up clients are reported quarterly.",
        quality="Muistitestiin pääsee kuukauden sisällä yhteydenotosta. | Minnestest inom en månad från "
                "kontakten. | A memory test within a month of contact.",
        tg="older_people", le="ageing_and_care,health_and_illness", cls="health_care,elderly_services",
        keywords="muisti, muistihoitaja, muistitesti, dementia, alzheimer | minne, minnesskötare, minnestest, "
                 "demens | memory, memory nurse, dementia, alzheimer's, forgetfulness",
        langs="fi,sv",
        channels=[visit("centre", room="2. kerros, huone 240 | 2 våningen, rum 240 | 1st floor, room 240",
                        hours=CENTRE_HOURS, rules=[rule("tue,thu", "09:00,10:30,13:00", 75, weeks=6)])]),
    service(
        "carer-support", "hki-sote",
        name="Omaishoidon tuki | Stöd för närståendevård | Support for family carers",
        short="Hoitopalkkio, vapaapäivät ja valmennus sille, joka hoitaa läheistään kotona. | Vårdarvode, "
              "lediga dagar och träning för den som vårdar en närstående hemma. | A carer's allowance, days off "
              "and training for people caring for someone close at home.",
        desc="Omaishoidon tukea voi saada, kun hoidat sairasta, vammaista tai ikääntynyttä läheistäsi, joka ei "
             "pärjäisi ilman apuasi. Tukeen kuuluu verotettava hoitopalkkio, vähintään kaksi vapaapäivää "
             "kuukaudessa sekä omaishoitajan oma terveystarkastus. | Stöd för närståendevård kan beviljas när "
             "du vårdar en sjuk, funktionsnedsatt eller äldre närstående som inte skulle klara sig utan din "
             "hjälp. I stödet ingår ett skattepliktigt vårdarvode, minst två lediga dagar i månaden och en egen "
             "hälsoundersökning för vårdaren. | You may get carer support when you look after a sick, disabled "
             "or older family member who could not manage without you. It includes a taxable carer's "
             "allowance, at least two days off a month and a health check for you.",
        instr="Hae tukea lomakkeella tai Seniori-infon kautta; alle 65-vuotiaan hoidettavan osalta "
              "vammaispalveluista. | Ansök med blankett eller via Seniorinfo; för den som är under 65 via "
              "handikappservicen. | Apply on the form or through Senior Info; for someone under 65, through "
              "disability services.",
        goal="Omaishoitaja jaksaa ja hoidettava voi asua kotona. | Närståendevårdaren orkar och den vårdade kan "
             "bo hemma. | Carers cope and the person cared for can stay at home.",
        content="Hoitopalkkio, vapaat, sijaishoito, valmennus ja terveystarkastus. | Vårdarvode, ledighet, "
                "avlösning, träning och hälsoundersökning. | Allowance, days off, respite care, training and a "
                "health check.",
        outputs="Omaishoitajat, pidetyt vapaat ja valmennukset raportoidaan vuosittain. | Närståendevårdare, "
                "uttagna ledigheter och träningar rapporteras årligen. | Carers, days off taken and training "
                "sessions are reported yearly.",
        quality="Päätös kolmen kuukauden kuluessa hakemuksesta; vapaiden sijaishoito järjestyy. | Beslut inom "
                "tre månader från ansökan; avlösning ordnas för lediga dagar. | A decision within three months; "
                "respite care is arranged for days off.",
        tg="older_people,special_support,adults", le="ageing_and_care,disability,money_and_benefits",
        cls="elderly_services,disability_services,social_services",
        keywords="omaishoito, omaishoitaja, omaishoidon tuki, hoitopalkkio, vapaapäivä | närståendevård, "
                 "närståendevårdare, vårdarvode | family carer, caregiver, carer's allowance, respite",
        langs="fi,sv,en",
        channels=[phone("+358 9 555 0134", "Omaishoidon neuvonta | Rådgivning om närståendevård | "
                        "Carer support advice", hours({"mon-thu": "09:00-11:30,12:30-14:00"})),
                  web("https://www.example.fi/helsinki/omaishoito", "Hakemus ja ohjeet | Ansökan och anvisningar | "
                      "Application and guidance")]),
    # -- disability -------------------------------------------------------------------------------
    service(
        "disability-services", "hki-sote",
        name="Vammaispalvelut | Handikappservice | Disability services",
        short="Kuljetuspalvelu, henkilökohtainen apu, asunnon muutostyöt ja muu tuki vammaisille henkilöille. | "
              "Färdtjänst, personlig assistans, ändringsarbeten i bostaden och annat stöd för personer med "
              "funktionsnedsättning. | Transport services, personal assistance, home adaptations and other "
              "support for disabled people.",
        desc="Vammaispalvelujen sosiaalityöntekijä selvittää kanssasi, mikä auttaisi sinua elämään "
             "omannäköistä elämää: taksimatkat harrastuksiin, avustaja arkeen tai kynnysten poisto kotoa. "
             "Palvelut eivät riipu tuloista. | Socialarbetaren inom handikappservicen reder ut tillsammans med "
             "dig vad som skulle hjälpa dig att leva det liv du vill: taxiresor till fritidsaktiviteter, en "
             "assistent i vardagen eller att trösklarna tas bort hemma. Tjänsterna beror inte på inkomsterna. | "
             "The disability social worker works out with you what would help you live the life you want: "
             "taxi trips to hobbies, an assistant for daily life or removing thresholds at home. The services "
             "do not depend on your income.",
        instr="Ota mukaan lääkärinlausunto, jos sinulla on sellainen. | Ta med ett läkarutlåtande om du har "
              "ett. | Bring a doctor's statement if you have one.",
        goal="Vammainen ihminen voi osallistua ja elää itsenäisesti. | Personer med funktionsnedsättning kan "
             "delta och leva självständigt. | Disabled people can take part and live independently.",
        content="Palvelutarpeen arvio, päätökset palveluista ja niiden seuranta. | Bedömning av servicebehovet, "
                "beslut om tjänster och uppföljning. | Needs assessment, decisions on services and follow-up.",
        outputs="Päätökset ja käsittelyajat palveluittain kuukausittain. | Beslut och handläggningstider per "
                "tjänst varje månad. | Decisions and processing times per service every month.",
        quality="Hakemus ratkaistaan kolmen kuukauden kuluessa; päätös selkokielellä pyydettäessä. | Ansökan "
                "avgörs inom tre månader; beslutet på lättläst språk om du vill. | Applications are decided "
                "within three months; decisions in plain language on request.",
        tg="special_support,adults,children_and_young_people", le="disability", cls="disability_services",
        keywords="vammaispalvelu, kuljetuspalvelu, taksi, henkilökohtainen apu, avustaja, muutostyöt | "
                 "handikappservice, färdtjänst, personlig assistans, ändringsarbeten | disability services, "
                 "transport service, taxi, personal assistant, home adaptation",
        langs="fi,sv,en",
        channels=[phone("+358 9 555 0135", "Vammaispalvelujen neuvonta | Handikappservicens rådgivning | "
                        "Disability services advice", SOCIAL_PHONE),
                  visit("centre", room="4. kerros, huone 430 | 4 våningen, rum 430 | 3rd floor, room 430",
                        hours=CENTRE_HOURS, rules=[rule("wed", "09:00,10:30,13:00,14:30", 60, weeks=6)])]),
    service(
        "assistive-devices", "hki-sote",
        name="Apuvälinelainaamo | Hjälpmedelsutlåning | Mobility aid loans",
        short="Rollaattorit, suihkutuolit, tukikahvat ja muut apuvälineet lainaksi fysio- tai "
              "toimintaterapeutin arvion jälkeen. | Rollatorer, duschstolar, stödhandtag och andra hjälpmedel "
              "att låna efter bedömning av fysio- eller arbetsterapeut. | Walkers, shower chairs, grab rails "
              "and other aids on loan after a physiotherapist or occupational therapist has assessed you.",
        desc="Lainaamosta saat apuvälineen maksutta niin pitkäksi aikaa kuin tarvitset. Terapeutti opettaa "
             "käytön ja säätää välineen sinulle sopivaksi. Lyhytaikaisen lainan, esimerkiksi kyynärsauvat "
             "leikkauksen jälkeen, voi hakea ilman ajanvarausta. | I utlåningen får du ett hjälpmedel avgiftsfritt "
             "så länge du behöver det. Terapeuten lär dig använda det och ställer in det för dig. Ett kort lån, "
             "till exempel kryckor efter en operation, kan du hämta utan tidsbokning. | You can borrow an aid "
             "free of charge for as long as you need it. A therapist shows you how to use it and adjusts it to "
             "fit you. For a short loan, such as crutches after an operation, you can come without booking.",
        instr="Palauta väline puhdistettuna, kun et enää tarvitse sitä. | Lämna tillbaka hjälpmedlet rengjort "
              "när du inte längre behöver det. | Return the aid clean when you no longer need it.",
        goal="Arjessa liikkuminen on turvallista ja kaatumiset vähenevät. | Att röra sig i vardagen är tryggt "
             "och fallen blir färre. | Getting about is safe and falls decrease.",
        content="Apuvälineiden arviointi, luovutus, käytön opetus, huolto ja palautus. | Bedömning, "
                "utlämning, handledning, service och återlämning av hjälpmedel. | Assessing, lending, "
                "teaching, servicing and taking back aids.",
        outputs="Lainat välinetyypeittäin ja huoltokäynnit vuosittain. | Lån per typ av hjälpmedel och "
                "servicebesök årligen. | Loans by type of aid and maintenance visits yearly.",
        quality="Kiireellinen väline saman päivän aikana; rikkoutunut vaihdetaan viikossa. | Brådskande "
                "hjälpmedel samma dag; trasiga byts ut inom en vecka. | Urgent aids the same day; broken ones "
                "replaced within a week.",
        tg="older_people,special_support", le="disability,ageing_and_care,health_and_illness",
        cls="rehabilitation,disability_services",
        keywords="apuväline, rollaattori, kävelykeppi, kyynärsauvat, pyörätuoli, suihkutuoli | hjälpmedel, "
                 "rollator, kryckor, rullstol, duschstol | mobility aid, walker, rollator, crutches, wheelchair",
        langs="fi,sv",
        channels=[walk_in("centre", "Apuvälinelainaamo, pohjakerros | Hjälpmedelsutlåningen, bottenvåningen | "
                          "Aid loans, basement level", hours({"mon-fri": "08:30-11:30,12:30-15:00"}),
                          room="Pohjakerros, lastauslaiturin puoleinen ovi | Bottenvåningen, dörren vid "
                               "lastkajen | Basement, the door by the loading bay")]),
]

KELA_HOURS = hours({"mon-fri": "09:00-16:00"})
LIBRARY_HOURS = hours({"mon-thu": "09:00-20:00", "fri": "09:00-18:00", "sat-sun": "10:00-16:00"},
                      open_on={"2026-12-24": "09:00-12:00", "2026-12-31": "09:00-15:00"})

SERVICES += [
    # -- mental health and substance use ---------------------------------------------------------
    service(
        "mental-health-nurse", "hki-sote",
        name="Mielenterveys- ja päihdehoitajan vastaanotto | Mottagning för psykisk hälsa och missbruk | "
             "Mental health and substance use nurse",
        short="Keskusteluapua masennukseen, ahdistukseen, unettomuuteen tai alkoholin käyttöön terveysasemalla "
              "ilman lähetettä. | Samtalsstöd vid depression, ångest, sömnlöshet eller alkoholbruk på "
              "hälsostationen utan remiss. | Talking help for depression, anxiety, sleeplessness or drinking at "
              "the health station, no referral needed.",
        desc="Psykiatrinen sairaanhoitaja tapaa sinut muutaman kerran ja käy läpi, mikä helpottaisi oloa. "
             "Hoitona voi olla lyhyt terapia, nettiterapia, lääkärin arvio lääkityksestä tai ohjaus "
             "vertaisryhmään. Voit tulla myös, jos olet huolissasi läheisesi juomisesta. | En psykiatrisk "
             "sjukskötare träffar dig några gånger och går igenom vad som kunde lätta ditt mående. Vården kan "
             "vara en kort terapi, nätterapi, läkarens bedömning av medicinering eller vägledning till en "
             "kamratgrupp. Du kan också komma om du oroar dig för en närståendes drickande. | A psychiatric "
             "nurse meets you a few times and works out what would make you feel better. That might be short "
             "therapy, online therapy, a doctor's view on medication or a peer group. You can also come if you "
             "are worried about someone else's drinking.",
        instr="Soita terveysaseman takaisinsoittoon ja pyydä aikaa mielenterveyshoitajalle. Kriisissä soita "
              "kriisipäivystykseen. | Ring hälsostationens återuppringning och be om tid hos skötaren för psykisk "
              "hälsa. Vid kris, ring krisjouren. | Call the health station call-back and ask for the mental "
              "health nurse. In a crisis, call the crisis line.",
        goal="Mielen ongelmat hoidetaan varhain lähellä kotia. | Psykiska problem behandlas tidigt nära hemmet. | "
             "Mental health problems are treated early and close to home.",
        content="Hoidon tarpeen arvio, lyhytterapia, päihdeneuvonta ja ohjaus jatkohoitoon. | Bedömning av "
                "vårdbehovet, korttidsterapi, missbruksrådgivning och hänvisning till fortsatt vård. | "
                "Assessment, brief therapy, substance-use advice and referral onwards.",
        outputs="Käynnit, hoitoon pääsyn aika ja mielialamittarien muutos neljännesvuosittain. | Besök, tid till "
                "vård och förändring i stämningsmätningar kvartalsvis. | Visits, time to treatment and change in "
                "mood scores each quarter.",
        quality="Ensimmäinen käynti kahden viikon sisällä, nuorille viikon sisällä. | Första besöket inom två "
                "veckor, för unga inom en vecka. | A first visit within two weeks, within a week for young "
                "people.",
        tg="adults,children_and_young_people,special_support", le="mental_wellbeing,health_and_illness",
        cls="mental_health_and_substance,health_care",
        keywords="mielenterveys, masennus, ahdistus, unettomuus, alkoholi, päihteet, psykiatrinen sairaanhoitaja | "
                 "psykisk hälsa, depression, ångest, sömnlöshet, alkohol, missbruk | mental health, depression, "
                 "anxiety, insomnia, alcohol, drinking, substance use",
        langs="fi,sv,en",
        channels=[
            visit("centre", room="3. kerros, huone 330 | 3 våningen, rum 330 | 2nd floor, room 330",
                  hours=CENTRE_HOURS, rules=[rule("mon-fri", "08:30,10:00,12:30,14:00", 60, weeks=4)]),
            video("https://video.example.fi/kontula/mielenterveys", "Mielenterveyshoitaja videolla | Skötare "
                  "för psykisk hälsa per video | Mental health nurse by video", hours({"mon,thu": "15:00-18:00"}),
                  rules=[rule("mon,thu", "15:00,16:00,17:00", 50, weeks=4)]),
        ]),
    service(
        "health-advice-point", "hki-sote",
        name="Terveysneuvontapiste | Hälsorådgivningspunkten | Harm reduction health advice point",
        short="Nimetön ja maksuton piste: puhtaat välineet, neulojen vaihto, testit ja naloksoni huumeita "
              "käyttäville. | Anonym och avgiftsfri punkt: rena verktyg, sprutbyte, tester och naloxon för "
              "personer som använder droger. | Anonymous and free: clean equipment, needle exchange, tests and "
              "naloxone for people who use drugs.",
        desc="Terveysneuvontapisteessä ei kysytä nimeä eikä moralisoida. Saat puhtaat käyttövälineet, voit "
             "palauttaa käytetyt, testauttaa hepatiitit ja HIV:n ja saada rokotuksen. Hoitaja auttaa myös "
             "haavojen kanssa ja kertoo, miten hoitoon pääsee, kun tuntuu siltä. | På hälsorådgivningspunkten "
             "frågar ingen efter ditt namn och ingen moraliserar. Du får rena verktyg, kan lämna tillbaka "
             "använda, testa dig för hepatit och hiv och få vaccin. Skötaren hjälper också med sår och berättar "
             "hur du kommer till vård när du känner att det är dags. | Nobody asks your name or lectures you "
             "here. You get clean equipment, can return used kit, get tested for hepatitis and HIV and be "
             "vaccinated. The nurse also helps with wounds and tells you how to get into treatment when you "
             "feel ready.",
        instr="Tule ilman ajanvarausta sivuovesta. Palauta käytetyt neulat särmäisastiassa. | Kom utan "
              "tidsbokning via sidodörren. Lämna använda nålar i en riskavfallsburk. | Come in by the side "
              "door without booking. Bring used needles back in a sharps box.",
        goal="Tartuntataudit ja yliannostuskuolemat vähenevät. | Färre infektionssjukdomar och "
             "överdosdödsfall. | Fewer infections and overdose deaths.",
        content="Välineiden vaihto, testaus, rokotukset, haavahoito ja naloksonikoulutus. | Byte av verktyg, "
                "testning, vaccinationer, sårvård och naloxonutbildning. | Equipment exchange, testing, "
                "vaccination, wound care and naloxone training.",
        outputs="Käyntikerrat, vaihdetut välineet ja testit kuukausittain, ilman henkilötietoja. | Besök, bytta "
                "verktyg och tester månatligen, utan personuppgifter. | Visits, equipment exchanged and tests "
                "monthly, without personal data.",
        quality="Täysi nimettömyys; henkilökunta koulutettu haittojen vähentämiseen. | Full anonymitet; "
                "personalen är utbildad i skademinimering. | Fully anonymous; staff trained in harm reduction.",
        tg="adults,special_support", le="health_and_illness,mental_wellbeing",
        cls="mental_health_and_substance,health_care",
        keywords="terveysneuvonta, neulanvaihto, huumeet, päihteet, naloksoni, matala kynnys | sprutbyte, "
                 "droger, naloxon, lågtröskel | needle exchange, harm reduction, drugs, naloxone, low threshold",
        langs="fi,sv,en,ru,et",
        channels=[walk_in("centre", "Terveysneuvontapiste, sivuovi | Hälsorådgivningspunkten, sidodörren | "
                          "Health advice point, side door", hours({"mon,wed,fri": "12:00-17:00"}),
                          room="Sivuovi B, katutaso | Sidodörr B, gatuplanet | Side door B, street level")]),
    service(
        "youth-mental-health", "hus",
        name="Nuorten mielenterveyden nettiterapiat | Nätterapier för ungas psykiska hälsa | "
             "Online therapy programmes for young people",
        short="13–22-vuotiaille ohjattu nettiterapia ahdistukseen, masennukseen ja unettomuuteen "
              "terapeutin tuella. | Handledd nätterapi för 13–22-åringar vid ångest, depression och sömnlöshet "
              "med stöd av en terapeut. | Guided online therapy for 13 to 22-year-olds with anxiety, low mood "
              "or sleep problems, supported by a therapist.",
        desc="Nettiterapia tehdään omassa tahdissa puhelimella tai tietokoneella, ja oma terapeutti kommentoi "
             "tehtäviä viikoittain. Ohjelmaan pääsee koulu- tai opiskeluterveydenhoitajan, "
             "mielenterveyshoitajan tai lääkärin lähetteellä. | Nätterapin görs i egen takt på telefonen eller "
             "datorn, och en egen terapeut kommenterar uppgifterna varje vecka. Man kommer med på remiss från "
             "skol- eller studerandehälsovårdaren, skötaren för psykisk hälsa eller läkaren. | Online therapy "
             "is done at your own pace on your phone or computer, and your own therapist comments on your "
             "exercises every week. You join with a referral from a school or student nurse, a mental health "
             "nurse or a doctor.",
        instr="Pyydä lähetettä kouluterveydenhoitajalta tai terveysasemalta. Kirjautuminen pankkitunnuksilla "
              "tai mobiilivarmenteella. | Be om remiss av skolhälsovårdaren eller hälsostationen. Logga in med "
              "bankkoder eller mobilcertifikat. | Ask your school nurse or the health station for a referral. "
              "Sign in with online banking codes or a mobile certificate.",
        goal="Nuoren oireet lievittyvät ja arki sujuu ilman pitkää jonottamista. | Den ungas symtom lindras "
             "och vardagen fungerar utan lång väntan. | Young people's symptoms ease and daily life works "
             "without a long wait.",
        content="8–12 viikon ohjelmat, viikoittainen terapeutin palaute ja videotapaamiset tarvittaessa. | "
                "Program på 8–12 veckor, veckovis respons från terapeuten och videomöten vid behov. | 8 to "
                "12-week programmes, weekly therapist feedback and video meetings when needed.",
        outputs="Aloitetut ja läpikäydyt ohjelmat ja oiremittarien muutos. | Påbörjade och slutförda program "
                "och förändring i symtommätningar. | Programmes started and finished, and change in symptom "
                "scores.",
        quality="Ohjelma alkaa viikon kuluessa lähetteestä. | Programmet börjar inom en vecka från remissen. | "
                "The programme starts within a week of the referral.",
        tg="children_and_young_people,swedish_speakers", le="mental_wellbeing,school_and_youth",
        cls="mental_health_and_substance",
        keywords="nettiterapia, nuoret, ahdistus, masennus, unettomuus, mielenterveys | nätterapi, unga, ångest, "
                 "depression, sömn | online therapy, young people, teens, anxiety, depression, sleep",
        channels=[web("https://www.example.fi/hus/nettiterapiat", "Nettiterapiat | Nätterapier | Online therapies"),
                  video("https://video.example.fi/hus/nuoret", "Terapeutin videotapaaminen | Videomöte med "
                        "terapeuten | Video meeting with your therapist", hours({"mon-fri": "12:00-18:00"}),
                        rules=[rule("mon-fri", "14:00,15:00,16:00,17:00", 45, weeks=3)])]),
    service(
        "swedish-health-advice", "hki-sote",
        name="Ruotsinkielinen terveysneuvonta videolla | Hälsorådgivning på svenska per video | "
             "Health advice in Swedish by video",
        short="Puhu terveydenhoitajan kanssa ruotsiksi videoyhteydellä kioskilta tai kotoa. | Tala med en "
              "hälsovårdare på svenska via video från kiosken eller hemifrån. | Talk to a public health nurse "
              "in Swedish over video from the kiosk or from home.",
        desc="Kaikilla Itä-Helsingin terveysasemilla ei ole ruotsia puhuvaa hoitajaa paikalla joka päivä. "
             "Videoneuvonnassa ruotsinkielinen terveydenhoitaja neuvoo sairauksissa, rokotuksissa ja "
             "lääkityksessä ja varaa tarvittaessa ajan ruotsinkieliselle lääkärille. | Alla hälsostationer i "
             "Östra Helsingfors har inte en svensktalande skötare på plats varje dag. I videorådgivningen ger "
             "en svenskspråkig hälsovårdare råd om sjukdomar, vaccinationer och mediciner och bokar vid behov "
             "tid hos en svenskspråkig läkare. | Not every health station in eastern Helsinki has a "
             "Swedish-speaking nurse on site every day. In the video service a Swedish-speaking public health "
             "nurse advises on illness, vaccinations and medicines, and books a Swedish-speaking doctor for "
             "you if needed.",
        instr="Valitse kioskilla kieleksi ruotsi ja paina Puhu hoitajan kanssa. Voit myös varata ajan etukäteen. | "
              "Välj svenska i kiosken och tryck på Prata med en skötare. Du kan också boka tid i förväg. | "
              "Choose Swedish at the kiosk and tap Talk to a nurse, or book a time in advance.",
        goal="Ruotsinkielinen asukas saa terveyspalvelut omalla äidinkielellään. | Svenskspråkiga invånare får "
             "hälsotjänster på sitt modersmål. | Swedish speakers get health services in their own language.",
        content="Videoneuvonta, hoidon tarpeen arvio ja ajanvaraus ruotsiksi. | Videorådgivning, bedömning av "
                "vårdbehov och tidsbokning på svenska. | Video advice, care-need assessment and booking in "
                "Swedish.",
        outputs="Videokäynnit ja varatut jatkoajat kuukausittain. | Videobesök och bokade fortsatta tider "
                "månatligen. | Video visits and follow-up bookings each month.",
        quality="Palvelu aina ruotsiksi; ei tulkkia välissä. | Tjänsten alltid på svenska; ingen tolk "
                "emellan. | Always in Swedish, with no interpreter in between.",
        tg="swedish_speakers,older_people,families_with_children", le="health_and_illness",
        cls="health_care",
        keywords="ruotsi, ruotsinkielinen, terveysneuvonta | på svenska, hälsorådgivning, hälsovårdare, "
                 "svenskspråkig | Swedish, Swedish-speaking, health advice",
        langs="sv",
        channels=[video("https://video.example.fi/kontula/svenska", "Terveysneuvonta ruotsiksi | "
                        "Hälsorådgivning på svenska per video | Health advice in Swedish",
                        hours({"mon,wed,fri": "09:00-12:00"}),
                        rules=[rule("mon,wed,fri", "09:00,09:30,10:00,10:30,11:00,11:30", 20, weeks=4)],
                        langs=["sv"])]),
]

SERVICES += [
    # -- work and integration ---------------------------------------------------------------------
    service(
        "employment-services", "hki-employment",
        name="Työllisyyspalvelut työnhakijalle | Sysselsättningstjänster för arbetssökande | "
             "Employment services for job seekers",
        short="Ilmoittaudu työnhakijaksi, tee työllistymissuunnitelma ja löydä työtä, koulutusta tai "
              "palkkatukea. | Anmäl dig som arbetssökande, gör upp en sysselsättningsplan och hitta arbete, "
              "utbildning eller lönesubvention. | Register as a job seeker, make an employment plan and find "
              "work, training or a pay subsidy.",
        desc="Työttömäksi jäädessä ilmoittaudu työnhakijaksi viimeistään ensimmäisenä työttömyyspäivänä, "
             "jotta saat työttömyysetuutta. Asiantuntija tapaa sinut alkuhaastattelussa, ja yhdessä sovitte, "
             "mitä seuraavaksi tehdään: työnhakua, kurssi, työkokeilu tai palkkatuettu työ. | När du blir "
             "arbetslös ska du anmäla dig som arbetssökande senast den första arbetslösa dagen för att få "
             "arbetslöshetsförmån. En sakkunnig träffar dig i en inledande intervju, och tillsammans kommer ni "
             "överens om nästa steg: jobbsökning, en kurs, arbetsprövning eller arbete med lönesubvention. | "
             "When you lose your job, register as a job seeker on your first day out of work at the latest so "
             "that you can get unemployment benefit. An adviser meets you for an initial interview, and you "
             "agree together what comes next: job hunting, a course, a work trial or subsidised work.",
        instr="Ilmoittaudu verkossa pankkitunnuksilla. Jos et pysty asioimaan verkossa, tule palvelupisteeseen. | "
              "Anmäl dig på nätet med bankkoder. Om du inte kan sköta ärenden på nätet, kom till servicepunkten. | "
              "Register online with your banking codes. If you cannot use online services, come to the service "
              "point.",
        goal="Työnhakija löytää työtä tai koulutusta mahdollisimman nopeasti. | Den arbetssökande hittar "
             "arbete eller utbildning så snabbt som möjligt. | Job seekers find work or training as quickly as "
             "possible.",
        content="Alkuhaastattelu, työnhakukeskustelut, työllistymissuunnitelma, koulutukset ja palkkatuki. | "
                "Inledande intervju, jobbsökarsamtal, sysselsättningsplan, utbildningar och lönesubvention. | "
                "Initial interview, job-search meetings, an employment plan, training and pay subsidies.",
        outputs="Asiakkaat, työllistyneet ja koulutukseen siirtyneet kuukausittain. | Kunder, sysselsatta och "
                "de som gått vidare till utbildning månatligen. | Clients, people employed and people starting "
                "training each month.",
        quality="Alkuhaastattelu viiden arkipäivän kuluessa ilmoittautumisesta. | Inledande intervju inom fem "
                "vardagar från anmälan. | An initial interview within five working days of registering.",
        tg="adults,immigrants,special_support", le="work_and_unemployment,money_and_benefits",
        cls="employment",
        keywords="työtön, työnhaku, työkkäri, te-toimisto, työllisyyspalvelut, palkkatuki, työpaikka | "
                 "arbetslös, arbetssökande, TE-byrå, jobb, lönesubvention | unemployed, job seeker, jobcentre, "
                 "employment office, jobs, work",
        langs="fi,sv,en,so,ar,ru",
        channels=[
            web("https://www.example.fi/helsinki/tyollisyys/ilmoittaudu", "Ilmoittaudu työnhakijaksi | Anmäl "
                "dig som arbetssökande | Register as a job seeker"),
            visit("kiosk", names="Työllisyyspalvelujen palvelupiste Kontula | Sysselsättningstjänsternas "
                  "servicepunkt Gårdsbacka | Employment services point, Kontula",
                  room="Ostoskeskuksen 2. kerros | Köpcentrets 2 våning | Shopping centre, 1st floor",
                  hours=hours({"mon-thu": "09:00-16:00", "fri": "09:00-14:00"}),
                  rules=[rule("mon-thu", "09:00,10:00,11:00,13:00,14:00,15:00", 45, weeks=3)]),
            video("https://video.example.fi/tyollisyys/asiantuntija", "Asiantuntijan videotapaaminen | "
                  "Videomöte med en sakkunnig | Video meeting with an adviser", hours({"mon-fri": "09:00-15:00"}),
                  rules=[rule("mon-fri", "09:00,10:00,13:00,14:00", 30, weeks=3)]),
            phone("+358 9 555 0210", "Työllisyyspalvelujen neuvonta | Sysselsättningstjänsternas rådgivning | "
                  "Employment services helpline", hours({"mon-fri": "09:00-16:00"}), langs=["fi", "sv", "en"]),
        ]),
    service(
        "ohjaamo", "hki-employment", producers="hki-employment,hki-youth",
        name="Ohjaamo – alle 30-vuotiaiden neuvonta | Navigatorn – rådgivning för unga under 30 | "
             "Ohjaamo – guidance for under-30s",
        short="Yksi paikka nuorelle, joka miettii opiskelua, työtä, rahaa tai asumista; tule ilman "
              "ajanvarausta. | En plats för unga som funderar på studier, jobb, pengar eller boende; kom utan "
              "tidsbokning. | One place for young people wondering about study, work, money or housing; just "
              "drop in.",
        desc="Ohjaamossa samassa pöydässä istuvat opinto-ohjaaja, työllisyysasiantuntija, sosiaaliohjaaja ja "
             "tarvittaessa psykiatrinen sairaanhoitaja. Voit tulla ihan vain kysymään, mitä tehdä seuraavaksi, "
             "vaikka ansioluettelon teossa. | På Navigatorn sitter en studiehandledare, en sakkunnig inom "
             "sysselsättning, en socialhandledare och vid behov en psykiatrisk sjukskötare vid samma bord. Du "
             "kan komma bara för att fråga vad du ska göra härnäst, till exempel få hjälp med cv:t. | At "
             "Ohjaamo a study counsellor, an employment adviser, a social counsellor and, if needed, a "
             "psychiatric nurse sit at the same table. You can come just to ask what to do next, for example "
             "to get help with your CV.",
        instr="Tule paikalle ilman ajanvarausta tai laita viesti chatissa. | Kom utan tidsbokning eller skicka "
              "ett meddelande i chatten. | Drop in without booking or send a message in the chat.",
        goal="Jokainen nuori löytää paikkansa opiskelussa tai työelämässä. | Varje ung hittar sin plats i "
             "studier eller arbetsliv. | Every young person finds a place in study or work.",
        content="Ohjaus, työnhaun apu, sosiaaliohjaus ja matalan kynnyksen mielenterveystuki. | Vägledning, "
                "hjälp att söka jobb, socialhandledning och lågtröskelstöd för psykisk hälsa. | Guidance, job "
                "search help, social counselling and low-threshold mental health support.",
        outputs="Käynnit ja nuorten jatkopolut raportoidaan kuukausittain. | Besök och de ungas fortsatta vägar "
                "rapporteras månatligen. | Visits and young people's next steps are reported monthly.",
        quality="Ei jonoa, ei lähetettä; jokainen nuori saa vastauksen samana päivänä. | Ingen kö, ingen "
                "remiss; varje ung får svar samma dag. | No queue, no referral; every young person gets an "
                "answer the same day.",
        tg="children_and_young_people,immigrants", le="school_and_youth,work_and_unemployment",
        cls="employment,social_services,education_and_culture",
        keywords="ohjaamo, nuoret, opiskelu, työ, cv, ansioluettelo, kesätyö | navigatorn, unga, studier, jobb, "
                 "cv, sommarjobb | ohjaamo, young people, study, job, CV, summer job",
        langs="fi,sv,en,so,ar",
        channels=[walk_in("kiosk", "Ohjaamo kioskilla | Navigatorn i kiosken | Ohjaamo at the kiosk",
                          hours({"mon,wed": "12:00-17:00", "fri": "10:00-14:00"}),
                          room="Kioskin nuorten nurkka | Kioskens ungdomshörna | The kiosk's youth corner"),
                  web("https://www.example.fi/helsinki/ohjaamo/chat", "Ohjaamon chat | Navigatorns chatt | "
                      "Ohjaamo chat")]),
    service(
        "career-guidance", "hki-employment",
        name="Ura- ja koulutusneuvonta aikuisille | Karriär- och utbildningsrådgivning för vuxna | "
             "Career and study guidance for adults",
        short="Urapsykologi tai ohjaaja auttaa, kun mietit alanvaihtoa, uudelleenkoulutusta tai "
              "ulkomailla saadun tutkinnon hyödyntämistä. | En karriärpsykolog eller handledare hjälper när du "
              "funderar på att byta bransch, omskola dig eller använda en examen från utlandet. | A career "
              "psychologist or adviser helps when you are thinking of changing field, retraining or using a "
              "qualification gained abroad.",
        desc="Neuvonta sopii sinulle, joka olet töissä mutta haluat muutosta, jäit pois työelämästä "
             "sairauden vuoksi tai sait tutkintosi toisessa maassa. Tapaamisissa selvitetään vahvuudet, "
             "koulutusvaihtoehdot ja rahoitus. | Rådgivningen passar dig som arbetar men vill ha en förändring, "
             "har lämnat arbetslivet på grund av sjukdom eller har tagit din examen i ett annat land. Under "
             "mötena reder ni ut dina styrkor, utbildningsalternativ och finansiering. | The guidance suits "
             "you if you are working but want a change, have left work because of illness or got your "
             "qualification in another country. Together you look at your strengths, study options and "
             "funding.",
        instr="Varaa aika verkossa; tapaaminen voi olla videolla. | Boka tid på nätet; mötet kan ske per "
              "video. | Book online; the meeting can be by video.",
        goal="Aikuinen löytää suunnan, joka vie työhön tai koulutukseen. | Den vuxna hittar en riktning som "
             "leder till arbete eller utbildning. | Adults find a direction that leads to work or study.",
        content="1–5 tapaamista, soveltuvuusarviot, tutkintojen tunnustamisen neuvonta. | 1–5 möten, "
                "lämplighetsbedömningar och rådgivning om erkännande av examina. | 1 to 5 meetings, aptitude "
                "assessments and advice on recognition of qualifications.",
        outputs="Asiakkaat ja puolen vuoden seurannan tilanne raportoidaan. | Antalet kunder och läget efter "
                "halvårsuppföljningen rapporteras. | Clients and their situation at six-month follow-up are "
                "reported.",
        quality="Asiakastyytyväisyys mitataan jokaisen tapaamisen jälkeen. | Kundnöjdheten mäts efter varje "
                "möte. | Satisfaction is measured after every meeting.",
        tg="adults,immigrants", le="work_and_unemployment,moving_to_finland", cls="employment,education_and_culture",
        keywords="uraneuvonta, urapsykologi, alanvaihto, koulutus, tutkinnon tunnustaminen | karriärrådgivning, "
                 "omskolning, utbildning, examen | career guidance, career change, retraining, qualification",
        langs="fi,sv,en",
        channels=[video("https://video.example.fi/tyollisyys/uraneuvonta", "Uraneuvonta videolla | "
                        "Karriärrådgivning per video | Career guidance by video", hours({"tue-thu": "09:00-16:00"}),
                        rules=[rule("tue-thu", "09:00,10:30,13:00,14:30", 75, weeks=5)]),
                  web("https://www.example.fi/helsinki/tyollisyys/uraneuvonta", "Ajanvaraus | Tidsbokning | "
                      "Book a meeting")]),
    service(
        "integration-services", "hki-integration",
        name="Kotoutumisen alkukartoitus ja kotoutumisohjelma | Inledande kartläggning och integrationsprogram | "
             "Initial assessment and integration programme",
        short="Uutena Helsinkiin muuttanut saa suunnitelman suomen opiskeluun, työhön ja arkeen omalla "
              "kielellään. | Den som nyss flyttat till Helsingfors får en plan för finskstudier, arbete och "
              "vardag på sitt eget språk. | If you have just moved to Helsinki, you get a plan for learning "
              "Finnish, work and daily life in your own language.",
        desc="Alkukartoituksessa selvitetään koulutuksesi, kielitaitosi ja tavoitteesi, ja niiden pohjalta "
             "tehdään kotoutumissuunnitelma. Siihen voi kuulua kotoutumiskoulutus, lukutaitokurssi tai "
             "yhteiskuntaorientaatio. Tulkki on mukana maksutta. | I den inledande kartläggningen reds din "
             "utbildning, dina språkkunskaper och dina mål ut, och utifrån dem görs en integrationsplan. I den "
             "kan ingå integrationsutbildning, en läs- och skrivkurs eller samhällsorientering. Tolk ingår "
             "utan kostnad. | The initial assessment looks at your education, languages and goals, and an "
             "integration plan is built on them. It can include integration training, a literacy course or "
             "an introduction to Finnish society. An interpreter is provided free of charge.",
        instr="Ota mukaan oleskelulupa ja mahdolliset todistukset koulutuksesta. | Ta med uppehållstillstånd "
              "och eventuella intyg över utbildning. | Bring your residence permit and any certificates of your "
              "education.",
        goal="Maahan muuttanut pääsee nopeasti kiinni kieleen, työhön ja yhteiskuntaan. | Den som flyttat hit "
             "kommer snabbt in i språket, arbetslivet och samhället. | Newcomers quickly find their way into "
             "the language, work and society.",
        content="Alkukartoitus, kotoutumissuunnitelma, ohjaus kursseille ja seurantatapaamiset. | Kartläggning, "
                "integrationsplan, vägledning till kurser och uppföljningsmöten. | Assessment, integration "
                "plan, guidance to courses and follow-up meetings.",
        outputs="Kartoitukset, suunnitelmat ja koulutukseen siirtyneet kuukausittain. | Kartläggningar, planer "
                "och de som börjat en utbildning månatligen. | Assessments, plans and people starting courses "
                "each month.",
        quality="Alkukartoitus kuukauden kuluessa; palvelu äidinkielellä tai tulkin välityksellä. | "
                "Kartläggning inom en månad; tjänsten på modersmålet eller via tolk. | Assessment within a "
                "month, in your mother tongue or through an interpreter.",
        tg="immigrants,adults", le="moving_to_finland,work_and_unemployment", cls="integration,employment",
        keywords="kotoutuminen, maahanmuuttaja, alkukartoitus, suomen kieli, oleskelulupa | integration, "
                 "invandrare, kartläggning, finska | integration, immigrant, newcomer, residence permit, "
                 "learn Finnish",
        langs="fi,sv,en,so,ar,ru,et,fa,uk",
        channels=[visit("centre", room="4. kerros, kotoutumispalvelut | 4 våningen, integrationstjänsterna | "
                        "3rd floor, integration services", hours=CENTRE_HOURS,
                        rules=[rule("tue,thu", "09:00,11:00,13:00", 90, weeks=5)],
                        langs=["fi", "en", "so", "ar", "ru", "uk"]),
                  phone("+358 9 555 0341", "Kotoutumispalvelujen neuvonta | Integrationstjänsternas rådgivning | "
                        "Integration services advice", hours({"mon-thu": "09:00-12:00"}),
                        langs=["fi", "en", "ru", "ar"])]),
    service(
        "finnish-courses", "hki-adulted", charge="charged",
        name="Suomen kielen kurssit aikuisille | Kurser i finska för vuxna | Finnish courses for adults",
        short="Työväenopiston suomen kielen kurssit alkeista jatkotasolle, päivällä ja illalla. | "
              "Arbetarinstitutets kurser i finska från nybörjarnivå till fortsättningsnivå, dag och kväll. | "
              "The adult education centre's Finnish courses from beginner to advanced, day and evening.",
        desc="Kursseilla harjoitellaan arjen suomea: kaupassa asiointia, lääkärissä käyntiä ja työhaastattelua. "
             "Lähtötaso testataan ennen kurssia, ja ryhmät ovat pieniä. Lukutaitoryhmä sopii niille, jotka "
             "opettelevat lukemaan ja kirjoittamaan. | På kurserna övar man vardagsfinska: att handla, gå till "
             "läkaren och klara en arbetsintervju. Nivån testas före kursen och grupperna är små. Läs- och "
             "skrivgruppen passar dem som lär sig läsa och skriva. | The courses practise everyday Finnish: "
             "shopping, going to the doctor and job interviews. Your level is tested before the course and "
             "groups are small. The literacy group is for people learning to read and write.",
        instr="Ilmoittaudu verkossa tai kirjaston neuvonnassa. Tasotesti tehdään ennen kurssia. | Anmäl dig "
              "på nätet eller i bibliotekets rådgivning. Nivåtestet görs före kursen. | Sign up online or at "
              "the library desk. A level test is done before the course.",
        goal="Asukas pärjää arjessa ja työelämässä suomeksi. | Invånaren klarar vardagen och arbetslivet på "
             "finska. | Residents manage daily life and work in Finnish.",
        content="Kurssit tasoilla A1–B1, lukutaitoryhmä ja keskusteluryhmät. | Kurser på nivåerna A1–B1, läs- "
                "och skrivgrupp och samtalsgrupper. | Courses at levels A1–B1, a literacy group and "
                "conversation groups.",
        outputs="Kurssit, opiskelijat ja suoritetut tasot lukukausittain. | Kurser, studerande och avklarade "
                "nivåer per termin. | Courses, students and levels passed each term.",
        quality="Enintään 16 opiskelijaa ryhmässä, pätevät suomi toisena kielenä -opettajat. | Högst 16 "
                "studerande per grupp, behöriga lärare i finska som andraspråk. | At most 16 students per "
                "group, qualified teachers of Finnish as a second language.",
        price="Kurssimaksu 45–90 € lukukaudelta; kotoutumissuunnitelman mukaisena maksuton. | Kursavgift "
              "45–90 € per termin; avgiftsfritt enligt integrationsplanen. | Course fee €45–90 a term; free "
              "when it is part of your integration plan.",
        tg="immigrants,adults", le="moving_to_finland,free_time_and_community", cls="education_and_culture,integration",
        keywords="suomen kieli, suomen kurssi, kielikurssi, lukutaito, työväenopisto | finska, finskakurs, "
                 "språkkurs, arbetarinstitut | Finnish course, learn Finnish, language course, literacy",
        langs="fi,en",
        channels=[visit("library", room="3. kerros, opetustila Lumme | 3 våningen, undervisningsrummet Lumme | "
                        "2nd floor, classroom Lumme", hours=hours({"mon-thu": "09:00-12:00,17:00-20:00"})),
                  web("https://www.example.fi/helsinki/tyovaenopisto/suomi", "Kurssit ja ilmoittautuminen | "
                      "Kurser och anmälan | Courses and registration")]),
    # -- library, youth, sport --------------------------------------------------------------------
    service(
        "library-digital-help", "hki-library",
        name="Kirjaston digituki | Bibliotekets digistöd | Library digital help",
        short="Henkilökohtaista apua puhelimen, tietokoneen, pankkitunnusten ja verkkoasioinnin kanssa. | "
              "Personlig hjälp med telefon, dator, bankkoder och e-tjänster. | One-to-one help with your phone, "
              "computer, banking codes and online services.",
        desc="Digituessa opastaja istuu viereesi ja neuvoo omalla laitteellasi: miten ajan voi varata "
             "terveysasemalle, miten Kela-hakemus tehdään verkossa tai miten lastenlasten kuvat saa puhelimeen. "
             "Kiirettä ei ole, ja saman asian voi kysyä monta kertaa. | I digistödet sätter sig en handledare "
             "bredvid dig och hjälper dig med din egen apparat: hur du bokar tid på hälsostationen, hur du gör "
             "en ansökan till FPA på nätet eller hur du får barnbarnens bilder till telefonen. Ingen brådska, "
             "och du får fråga samma sak många gånger. | A helper sits next to you and shows you on your own "
             "device how to book a health station appointment, apply to Kela online or get your grandchildren's "
             "photos onto your phone. There is no hurry, and you can ask the same thing as many times as you "
             "like.",
        instr="Ota mukaan oma laite, laturi ja salasanat. Opastaja ei koskaan kysy pankkitunnuksiasi. | Ta med "
              "din apparat, laddaren och lösenorden. Handledaren frågar aldrig efter dina bankkoder. | Bring "
              "your device, charger and passwords. The helper will never ask for your banking codes.",
        goal="Jokainen pystyy käyttämään välttämättömiä verkkopalveluja. | Alla kan använda nödvändiga "
             "e-tjänster. | Everyone can use the online services they need.",
        content="30 minuutin henkilökohtaiset opastukset ja avoimet digiklinikat. | Personlig handledning i 30 "
                "minuter och öppna digikliniker. | 30-minute one-to-one sessions and open digital clinics.",
        outputs="Opastuskerrat ja aiheet kuukausittain. | Antal handledningar och ämnen månatligen. | Sessions "
                "and topics each month.",
        quality="Opastajat on koulutettu tietoturvaan; aika yleensä viikon sisällä. | Handledarna är utbildade "
                "i datasäkerhet; tid oftast inom en vecka. | Helpers are trained in data security; an "
                "appointment usually within a week.",
        tg="older_people,immigrants,adults", le="ageing_and_care,free_time_and_community,moving_to_finland",
        cls="digital_support,education_and_culture",
        keywords="digituki, digiapu, tietokone, älypuhelin, pankkitunnukset, verkkoasiointi, kirjasto | "
                 "digistöd, dator, smarttelefon, bankkoder, e-tjänster, bibliotek | digital help, computer "
                 "help, smartphone, online banking, e-services, library",
        langs="fi,sv,en,ru",
        channels=[visit("library", room="1. kerros, digipiste | 1 våningen, digipunkten | Ground floor, digital "
                        "help point", hours=LIBRARY_HOURS,
                        rules=[rule("tue,thu", "10:00,10:30,11:00,11:30,13:00,13:30,14:00", 30, weeks=4)]),
                  walk_in("library", "Avoin digiklinikka | Öppen digiklinik | Open digital clinic",
                          hours({"wed": "13:00-16:00"}),
                          room="1. kerros, digipiste | 1 våningen, digipunkten | Ground floor, digital help point")]),
    service(
        "library", "hki-library",
        name="Kontulan kirjasto | Gårdsbacka bibliotek | Kontula library",
        short="Kirjat, lehdet, äänikirjat ja pelit lainaksi sekä maksuttomat tilat opiskeluun ja "
              "tapaamisiin. | Böcker, tidningar, ljudböcker och spel att låna samt gratis utrymmen för studier "
              "och möten. | Books, magazines, audiobooks and games to borrow, and free spaces to study and meet.",
        desc="Kirjastosta lainaat kirjoja kymmenellä kielellä, luet päivän lehdet ja tulostat tai skannaat "
             "papereita. Lapsille on satutunteja ja nuorille pelihuone. Kokoushuoneen voi varata maksutta "
             "yhdistyksen tai opintoryhmän käyttöön. | På biblioteket lånar du böcker på tio språk, läser "
             "dagens tidningar och skriver ut eller skannar papper. Barnen har sagostunder och unga ett "
             "spelrum. Mötesrummet kan bokas gratis för en förening eller studiegrupp. | You can borrow books in "
             "ten languages, read today's papers and print or scan documents. There are story times for "
             "children and a games room for teens. The meeting room can be booked free of charge for an "
             "association or study group.",
        instr="Kirjastokortin saat henkilöllisyystodistusta näyttämällä. | Du får ett bibliotekskort när du "
              "visar legitimation. | Show photo ID to get a library card.",
        goal="Jokaisella on pääsy tietoon, kulttuuriin ja yhteiseen tilaan. | Alla har tillgång till "
             "information, kultur och gemensamma utrymmen. | Everyone has access to information, culture and "
             "shared space.",
        content="Lainaus, tulostus, tilavaraukset, satutunnit ja tapahtumat. | Utlåning, utskrifter, "
                "lokalbokning, sagostunder och evenemang. | Lending, printing, room bookings, story times and "
                "events.",
        outputs="Käynnit, lainat ja tapahtumien osallistujat kuukausittain. | Besök, lån och deltagare i "
                "evenemang månatligen. | Visits, loans and event attendance each month.",
        quality="Auki myös viikonloppuisin; asiakaspalautteeseen vastataan viikossa. | Öppet också på "
                "veckoslut; respons besvaras inom en vecka. | Open at weekends too; feedback answered within a "
                "week.",
        tg="families_with_children,children_and_young_people,adults,older_people,swedish_speakers",
        le="free_time_and_community,family_with_children", cls="education_and_culture,leisure_and_community",
        keywords="kirjasto, lainaus, kirjat, äänikirja, tulostus, satutunti | bibliotek, lån, böcker, ljudbok, "
                 "utskrift, sagostund | library, books, borrow, audiobook, printing, story time",
        langs="fi,sv,en,so,ar,ru,et",
        channels=[visit("library", hours=LIBRARY_HOURS),
                  web("https://www.example.fi/helsinki/kirjasto/kontula", "Kirjaston verkkosivu | Bibliotekets "
                      "webbsida | Library web page")]),
    service(
        "language-cafe", "hki-library",
        name="Kielikahvila | Språkcafé | Language café",
        short="Harjoittele suomea tai ruotsia rennossa keskustelussa vapaaehtoisten kanssa, kahvi tarjolla. | "
              "Öva finska eller svenska i avslappnade samtal med frivilliga, kaffe bjuds. | Practise Finnish "
              "or Swedish in relaxed conversation with volunteers, coffee included.",
        desc="Kielikahvilassa istutaan pienissä pöytäryhmissä, ja jokaisessa on suomea tai ruotsia äidinkielenään "
             "puhuva vapaaehtoinen. Aiheet ovat arkisia, kuten sää, ruoka ja harrastukset. Virheitä ei "
             "korjailla, vaan tärkeintä on uskaltaa puhua. | På språkcaféet sitter man i små grupper, och vid "
             "varje bord finns en frivillig som har finska eller svenska som modersmål. Ämnena är vardagliga, "
             "som väder, mat och hobbyer. Ingen rättar fel, det viktigaste är att våga prata. | People sit in "
             "small groups, each with a volunteer whose mother tongue is Finnish or Swedish. The topics are "
             "everyday ones like the weather, food and hobbies. Nobody corrects your mistakes; what matters is "
             "daring to speak.",
        instr="Tule mukaan milloin haluat, ilmoittautumista ei tarvita. | Kom när du vill, ingen anmälan "
              "behövs. | Come whenever you like, no need to sign up.",
        goal="Maahan muuttaneet saavat rohkeutta puhua ja tutustuvat naapureihin. | Inflyttade får mod att "
             "prata och lär känna sina grannar. | Newcomers gain courage to speak and get to know neighbours.",
        content="Viikoittaiset keskusteluryhmät suomeksi ja kerran kuussa ruotsiksi. | Samtalsgrupper varje "
                "vecka på finska och en gång i månaden på svenska. | Weekly conversation groups in Finnish, and "
                "in Swedish once a month.",
        outputs="Osallistujat ja vapaaehtoiset kerroittain. | Deltagare och frivilliga per gång. | "
                "Participants and volunteers each time.",
        quality="Jokaisessa pöydässä vähintään yksi vapaaehtoinen. | Minst en frivillig vid varje bord. | At "
                "least one volunteer at every table.",
        tg="immigrants,adults", le="moving_to_finland,free_time_and_community",
        cls="integration,leisure_and_community",
        keywords="kielikahvila, suomen kieli, keskustelu, puhuminen | språkcafé, finska, svenska, samtal | "
                 "language café, speak Finnish, conversation practice",
        langs="fi,sv",
        channels=[visit("library", room="2. kerros, lukusali | 2 våningen, läsesalen | 1st floor, reading room",
                        hours=hours({"thu": "17:00-18:30"}))]),
    service(
        "youth-centre", "hki-youth",
        name="Kontulan nuorisotalo | Gårdsbacka ungdomsgård | Kontula youth centre",
        short="Avoimet illat 13–17-vuotiaille: pelit, bänditila, kokkailu ja turvallinen aikuinen "
              "juttukaverina. | Öppna kvällar för 13–17-åringar: spel, bandrum, matlagning och en trygg "
              "vuxen att prata med. | Open evenings for 13 to 17-year-olds: games, a band room, cooking and a "
              "safe adult to talk to.",
        desc="Nuorisotalolla voi vain olla kavereiden kanssa tai kokeilla jotain uutta: soittaa bändissä, "
             "pelata biljardia tai osallistua kokkikerhoon. Nuoriso-ohjaajat ovat paikalla aina, ja heille voi "
             "puhua myös koulusta, kotiasioista tai kiusaamisesta. | På ungdomsgården kan man bara hänga med "
             "kompisar eller testa något nytt: spela i ett band, spela biljard eller vara med i matklubben. "
             "Ungdomsledarna finns alltid på plats och man kan prata med dem om skolan, hemmet eller mobbning. | "
             "At the youth centre you can just hang out with friends or try something new: play in a band, "
             "shoot pool or join the cooking club. Youth workers are always there, and you can talk to them "
             "about school, home or bullying.",
        instr="Avoimiin iltoihin ei tarvitse ilmoittautua. Kerhoihin ilmoittaudutaan verkossa. | Till de öppna "
              "kvällarna behövs ingen anmälan. Till klubbarna anmäler man sig på nätet. | No need to sign up for "
              "open evenings. Clubs are booked online.",
        goal="Nuorilla on turvallinen paikka ja aikuinen, johon luottaa. | De unga har en trygg plats och en "
             "vuxen att lita på. | Young people have a safe place and an adult they trust.",
        content="Avoin toiminta, kerhot, leirit ja yksilöllinen tuki. | Öppen verksamhet, klubbar, läger och "
                "individuellt stöd. | Open activities, clubs, camps and one-to-one support.",
        outputs="Käyntikerrat, kerholaiset ja nuorten palaute lukukausittain. | Besök, klubbdeltagare och de "
                "ungas respons per termin. | Visits, club members and young people's feedback each term.",
        quality="Päihteetön ja kiusaamisesta vapaa tila; aina vähintään kaksi ohjaajaa. | Drogfritt och fritt "
                "från mobbning; alltid minst två ledare. | Substance-free and bullying-free, always at least two "
                "youth workers.",
        tg="children_and_young_people", le="school_and_youth,free_time_and_community",
        cls="leisure_and_community",
        keywords="nuorisotalo, nuoret, nuokkari, bändi, harrastus, kerho | ungdomsgård, unga, band, hobby, klubb | "
                 "youth centre, youth club, teens, band, hobbies",
        langs="fi,sv,en,so,ar",
        channels=[visit("youth", hours=hours({"mon-thu": "15:00-21:00", "fri": "16:00-22:00"})),
                  web("https://www.example.fi/helsinki/nuoret/kontula", "Kerhot ja ilmoittautuminen | Klubbar "
                      "och anmälan | Clubs and sign-up")]),
    service(
        "detached-youth-work", "hki-youth",
        name="Etsivä nuorisotyö | Uppsökande ungdomsarbete | Outreach youth work",
        short="Nuorisotyöntekijä auttaa alle 29-vuotiasta, joka on jäänyt ilman koulua, työtä tai "
              "sopivaa apua. | En ungdomsarbetare hjälper den som är under 29 och har blivit utan skola, arbete "
              "eller lämplig hjälp. | A youth worker helps under-29s who have ended up without school, work or "
              "the right kind of help.",
        desc="Etsivä nuorisotyöntekijä tapaa nuoren siellä, missä nuori haluaa: kahvilassa, kävelyllä tai "
             "videolla. Yhdessä selvitetään Kelan paperit, haetaan kouluun tai mennään ensimmäiselle käynnille "
             "terveysasemalle. Kaikki perustuu vapaaehtoisuuteen. | Den uppsökande ungdomsarbetaren träffar den "
             "unga där den unga vill: på ett kafé, under en promenad eller per video. Tillsammans reder de ut "
             "pappren till FPA, söker till skolan eller går till det första besöket på hälsostationen. Allt "
             "bygger på frivillighet. | An outreach youth worker meets young people wherever they like: in a "
             "café, on a walk or by video. Together they sort out Kela forms, apply to school or go to a first "
             "health station appointment. Everything is voluntary.",
        instr="Laita viesti tai soita; myös vanhempi tai opettaja voi ottaa yhteyttä nuoren luvalla. | Skicka "
              "ett meddelande eller ring; också en förälder eller lärare kan ta kontakt med den ungas lov. | "
              "Send a message or call; a parent or teacher can also get in touch with the young person's "
              "permission.",
        goal="Syrjään jäänyt nuori löytää reitin palveluihin, kouluun tai työhön. | Den unga som hamnat "
             "utanför hittar vägen till tjänster, skola eller arbete. | Young people who have dropped out find "
             "a route back to services, school or work.",
        content="Tapaamiset, saattaen vaihtaminen palveluihin ja asiointiapu. | Möten, följeslagning till "
                "tjänster och hjälp med ärenden. | Meetings, accompanying young people to services and help "
                "with paperwork.",
        outputs="Tavoitetut nuoret ja heidän tilanteensa puolen vuoden päästä. | Nådda unga och deras läge efter "
                "ett halvår. | Young people reached and their situation six months later.",
        quality="Yhteydenottoon vastataan kahden arkipäivän sisällä. | Kontakter besvaras inom två vardagar. | "
                "Contacts are answered within two working days.",
        tg="children_and_young_people,special_support", le="school_and_youth,work_and_unemployment,mental_wellbeing",
        cls="social_services,leisure_and_community",
        keywords="etsivä nuorisotyö, nuori, koulu kesken, syrjäytyminen, apu | uppsökande ungdomsarbete, ung, "
                 "avbruten skola | outreach youth work, young person, dropout, NEET, support",
        langs="fi,sv,en,so",
        channels=[phone("+358 9 555 0311", "Etsivien puhelin ja viestit | Telefon och meddelanden | Phone and "
                        "text messages", hours({"mon-fri": "10:00-17:00"})),
                  video("https://video.example.fi/nuoret/etsiva", "Juttele videolla | Prata per video | "
                        "Chat by video", hours({"mon-fri": "12:00-17:00"}))]),
    service(
        "senior-exercise", "hki-sports", charge="charged",
        name="Seniorien liikuntaryhmät | Motionsgrupper för seniorer | Exercise groups for seniors",
        short="Ohjattua tuolijumppaa, kuntosalia ja vesijumppaa yli 63-vuotiaille edulliseen hintaan. | "
              "Ledd stolgymnastik, gym och vattengymnastik för personer över 63 till ett förmånligt pris. | "
              "Guided chair exercise, gym and water aerobics for over-63s at a low price.",
        desc="Ryhmiä on monen kuntoisille: tuolijumppaa voi tehdä vaikka kävelykepin kanssa, ja kuntosalilla "
             "ohjaaja tekee sinulle oman ohjelman. Säännöllinen liikunta pitää lihakset ja tasapainon kunnossa ja "
             "tuo mukavaa seuraa. | Det finns grupper för olika konditionsnivåer: stolgymnastik går bra även "
             "med käpp, och på gymmet gör ledaren upp ett eget program för dig. Regelbunden motion håller "
             "musklerna och balansen i skick och ger trevligt sällskap. | There are groups for every fitness "
             "level: chair exercise works even if you use a walking stick, and in the gym the instructor makes "
             "a programme just for you. Regular exercise keeps your muscles and balance in shape and brings "
             "good company.",
        instr="Ilmoittaudu kauden alussa verkossa tai puhelimitse; vapaita paikkoja voi kysyä koko kauden. | "
              "Anmäl dig i början av säsongen på nätet eller per telefon; lediga platser kan du fråga om hela "
              "säsongen. | Sign up at the start of the season online or by phone; ask about free places at any "
              "time.",
        goal="Ikääntyneet pysyvät liikkeellä ja kaatumiset vähenevät. | Äldre håller sig i rörelse och fallen "
             "blir färre. | Older people keep moving and fall less.",
        content="Tuolijumppa, kuntosaliryhmät, vesijumppa ja tasapainoharjoittelu. | Stolgymnastik, "
                "gymgrupper, vattengymnastik och balansträning. | Chair exercise, gym groups, water aerobics "
                "and balance training.",
        outputs="Ryhmät, osallistujat ja käyntikerrat kausittain. | Grupper, deltagare och besök per säsong. | "
                "Groups, participants and attendance each season.",
        quality="Ohjaajina liikunnanohjaajat; ryhmäkoko enintään 20. | Ledarna är idrottsinstruktörer; högst 20 "
                "per grupp. | Led by qualified instructors; at most 20 per group.",
        price="Kausimaksu 30 € syksy tai kevät; vesijumppaan lisäksi uimahallin seniorilippu. | Säsongsavgift "
              "30 € för hösten eller våren; till vattengymnastiken därtill simhallens seniorbiljett. | €30 per "
              "autumn or spring season; water aerobics also needs a senior swimming ticket.",
        tg="older_people,swedish_speakers", le="ageing_and_care,free_time_and_community",
        cls="leisure_and_community,elderly_services",
        keywords="seniorijumppa, tuolijumppa, kuntosali, vesijumppa, liikunta | seniorgympa, stolgymnastik, gym, "
                 "vattengympa, motion | senior exercise, chair exercise, gym, water aerobics, fitness",
        langs="fi,sv",
        channels=[visit("sports", hours=hours({"mon-fri": "09:00-15:00"})),
                  phone("+358 9 555 0321", "Liikuntapalvelujen ilmoittautuminen | Idrottstjänsternas anmälan | "
                        "Sports services sign-up", hours({"mon-fri": "09:00-12:00"}))]),
    service(
        "adapted-exercise", "hki-sports", charge="charged",
        name="Soveltava liikunta | Anpassad motion | Adapted exercise",
        short="Liikuntaryhmät ihmisille, joilla on vamma, pitkäaikaissairaus tai muu syy tarvita "
              "erityistä tukea. | Motionsgrupper för personer med funktionsnedsättning, långvarig sjukdom eller "
              "annat behov av särskilt stöd. | Exercise groups for people with a disability, long-term illness "
              "or other need for extra support.",
        desc="Soveltavassa liikunnassa harjoitukset sovitetaan jokaisen omiin kykyihin: pyörätuolikoripalloa, "
             "allasjumppaa niveltautisille ja kuntosaliryhmä aivohalvauksen jälkeen. Avustaja voi tulla mukaan "
             "maksutta. | I den anpassade motionen anpassas övningarna efter var och ens förmåga: "
             "rullstolsbasket, bassänggympa för personer med ledsjukdomar och en gymgrupp efter stroke. En "
             "assistent kan följa med gratis. | In adapted exercise the activities fit each person's abilities: "
             "wheelchair basketball, pool exercise for people with joint conditions and a gym group after a "
             "stroke. An assistant can come along free of charge.",
        instr="Kysy sopivaa ryhmää liikuntaneuvojalta puhelimitse. | Fråga idrottsrådgivaren per telefon om en "
              "lämplig grupp. | Phone the exercise adviser to find a suitable group.",
        goal="Jokainen voi liikkua omalla tavallaan. | Alla kan röra på sig på sitt eget sätt. | Everyone can "
             "exercise in their own way.",
        content="Ryhmät, henkilökohtainen liikuntaneuvonta ja avustajan maksuton sisäänpääsy. | Grupper, "
                "personlig motionsrådgivning och gratis inträde för assistenten. | Groups, personal exercise "
                "advice and free entry for assistants.",
        outputs="Osallistujat ja ryhmät kausittain. | Deltagare och grupper per säsong. | Participants and "
                "groups each season.",
        quality="Ohjaajat on koulutettu soveltavaan liikuntaan; tilat esteettömiä. | Ledarna är utbildade i "
                "anpassad motion; lokalerna tillgängliga. | Instructors trained in adapted exercise; "
                "accessible venues.",
        price="Kausimaksu 25 €; avustaja maksutta. | Säsongsavgift 25 €; assistenten gratis. | €25 per season; "
              "assistants free.",
        tg="special_support,children_and_young_people,adults", le="disability,free_time_and_community",
        cls="leisure_and_community,disability_services",
        keywords="soveltava liikunta, erityisliikunta, vammaisliikunta, pyörätuoli, allasjumppa | anpassad "
                 "motion, rullstol, bassänggympa | adapted exercise, disability sport, wheelchair, pool exercise",
        langs="fi,sv,en",
        channels=[visit("sports", room="Palloiluhalli, sali 2 | Bollhallen, sal 2 | Ball hall, hall 2",
                        hours=hours({"tue,thu": "16:00-20:00"})),
                  phone("+358 9 555 0322", "Liikuntaneuvonta | Motionsrådgivning | Exercise advice",
                        hours({"mon-thu": "09:00-12:00"}))]),
    # -- state ----------------------------------------------------------------------------------
    service(
        "kela-service-point", "kela",
        name="Kelan palvelupiste Kontulassa | FPA:s servicepunkt i Gårdsbacka | Kela service point in Kontula",
        short="Neuvontaa Kelan etuuksista, hakemusten jättäminen ja apua Kelan verkkoasiointiin. | Rådgivning "
              "om FPA:s förmåner, inlämning av ansökningar och hjälp med FPA:s e-tjänst. | Advice on Kela "
              "benefits, handing in applications and help with Kela's online service.",
        desc="Palvelupisteessä Kelan asiantuntija vastaa kysymyksiin esimerkiksi sairauspäivärahasta, "
             "työttömyysturvasta, opintotuesta ja eläkkeistä, ottaa vastaan liitteitä ja neuvoo "
             "verkkoasioinnissa. Ajan voi varata myös puhelin- tai videotapaamiseen. | På servicepunkten svarar "
             "en sakkunnig från FPA på frågor om till exempel sjukdagpenning, utkomstskydd för arbetslösa, "
             "studiestöd och pensioner, tar emot bilagor och hjälper med e-tjänsten. Du kan också boka tid "
             "för ett telefon- eller videomöte. | A Kela adviser answers questions on sickness allowance, "
             "unemployment benefits, student financial aid and pensions, accepts attachments and helps with "
             "the online service. You can also book a phone or video appointment.",
        instr="Ota mukaan henkilöllisyystodistus. Tulkin saat varattuun aikaan maksutta. | Ta med legitimation. "
              "Tolk får du gratis till en bokad tid. | Bring photo ID. A free interpreter is available for "
              "booked appointments.",
        goal="Asiakas saa etuutensa oikein ja ajallaan. | Kunden får sina förmåner rätt och i tid. | Clients "
             "get the right benefits on time.",
        content="Neuvonta, hakemusten vastaanotto, ajanvaraus- ja videopalvelu. | Rådgivning, mottagning av "
                "ansökningar, tidsbokning och videotjänst. | Advice, receiving applications, booked and video "
                "appointments.",
        outputs="Asiointikerrat ja jonotusajat kuukausittain. | Besök och köernas längd månatligen. | Visits and "
                "queue times each month.",
        quality="Varattu aika alkaa ajallaan; palvelu suomeksi ja ruotsiksi, tulkki muille kielille. | Bokad "
                "tid börjar i tid; service på finska och svenska, tolk för andra språk. | Booked appointments "
                "start on time; service in Finnish and Swedish, an interpreter for other languages.",
        tg="adults,older_people,families_with_children,immigrants,swedish_speakers",
        le="money_and_benefits,work_and_unemployment,moving_to_finland", cls="social_services,digital_support",
        keywords="kela, kelan toimisto, etuus, hakemus, sairauspäiväraha, eläke, opintotuki | fpa, förmån, "
                 "ansökan, sjukdagpenning, pension | kela, benefits, social insurance, application, pension",
        langs="fi,sv,en",
        channels=[
            walk_in("kela", "Kelan palvelupiste, vuoronumerolla | FPA:s servicepunkt, med kölapp | Kela service "
                    "point, take a number", KELA_HOURS, room="Ostoskeskuksen 2. kerros | Köpcentrets 2 våning | "
                    "Shopping centre, 1st floor"),
            visit("kela", room="Ostoskeskuksen 2. kerros, ajanvarausasiakkaat | Köpcentrets 2 våning, kunder med "
                  "bokad tid | Shopping centre, 1st floor, booked clients", hours=KELA_HOURS,
                  rules=[rule("mon-fri", "09:00,09:30,10:00,10:30,13:00,13:30,14:00,14:30", 30, weeks=3)]),
            video("https://video.example.fi/kela/ajanvaraus", "Kelan videotapaaminen | FPA:s videomöte | Kela "
                  "video appointment", hours({"mon-fri": "09:00-16:00"}),
                  rules=[rule("mon,wed,fri", "09:00,10:00,11:00,13:00,14:00,15:00", 30, weeks=3)]),
            phone("+358 20 555 0401", "Kelan neuvonta | FPA:s rådgivning | Kela helpline",
                  hours({"mon-fri": "09:00-16:00"})),
            web("https://www.example.fi/kela/asiointi", "Kelan verkkoasiointi | FPA:s e-tjänst | Kela online "
                "service"),
        ]),
    service(
        "kela-family-benefits", "kela",
        name="Kelan perhe-etuudet | FPA:s familjeförmåner | Kela family benefits",
        short="Äitiysavustus, vanhempainraha, lapsilisä ja kotihoidon tuki lasta odottaville ja "
              "lapsiperheille. | Moderskapsunderstöd, föräldradagpenning, barnbidrag och stöd för hemvård för "
              "familjer som väntar barn och barnfamiljer. | Maternity grant, parental allowance, child benefit "
              "and child home care allowance for expecting families and families with children.",
        desc="Äitiysavustuksen, eli äitiyspakkauksen tai rahan, voi hakea, kun raskaus on kestänyt 154 "
             "päivää. Vanhempainrahaa haetaan noin kuukautta ennen kuin vapaa alkaa, ja lapsilisä alkaa "
             "syntymää seuraavasta kuukaudesta. Kela neuvoo, miten vapaat kannattaa jakaa. | "
             "Moderskapsunderstödet, alltså förpackningen eller pengar, kan sökas när graviditeten varat 154 "
             "dagar. Föräldradagpenning söks ungefär en månad innan ledigheten börjar, och barnbidraget börjar "
             "månaden efter födseln. FPA ger råd om hur ledigheterna kan delas. | The maternity grant, the baby "
             "box or money, can be claimed once the pregnancy has lasted 154 days. Parental allowance is "
             "claimed about a month before leave starts, and child benefit starts from the month after the "
             "birth. Kela can advise on how to share the leave.",
        instr="Hae verkossa. Tarvitset neuvolan raskaustodistuksen äitiysavustusta varten. | Ansök på nätet. "
              "Du behöver ett graviditetsintyg från rådgivningen för moderskapsunderstödet. | Apply online. You "
              "need a pregnancy certificate from the maternity clinic for the maternity grant.",
        goal="Perheellä on toimeentulo vauvan ensimmäisinä vuosina. | Familjen har en utkomst under barnets "
             "första år. | Families have an income during a baby's first years.",
        content="Etuuksien neuvonta, käsittely ja maksu. | Rådgivning, handläggning och utbetalning av "
                "förmåner. | Advice on, handling and payment of benefits.",
        outputs="Hakemukset ja käsittelyajat etuuksittain. | Ansökningar och handläggningstider per förmån. | "
                "Applications and processing times per benefit.",
        quality="Hakemus käsitellään keskimäärin kahdessa viikossa. | Ansökan handläggs i genomsnitt på två "
                "veckor. | Applications are processed in two weeks on average.",
        tg="families_with_children,immigrants", le="expecting_a_baby,family_with_children,money_and_benefits",
        cls="family_services,social_services",
        keywords="kela, äitiyspakkaus, äitiysavustus, vanhempainraha, lapsilisä, kotihoidon tuki | fpa, "
                 "moderskapsförpackning, föräldradagpenning, barnbidrag | kela, baby box, maternity grant, "
                 "parental allowance, child benefit",
        langs="fi,sv,en",
        channels=[web("https://www.example.fi/kela/perheet", "Perhe-etuudet verkossa | Familjeförmåner på nätet | "
                      "Family benefits online"),
                  phone("+358 20 555 0402", "Kelan lapsiperheiden palvelunumero | FPA:s servicenummer för "
                        "barnfamiljer | Kela families helpline", hours({"mon-fri": "09:00-16:00"}))]),
    service(
        "kela-housing-allowance", "kela",
        name="Kelan yleinen asumistuki | FPA:s allmänna bostadsbidrag | Kela general housing allowance",
        short="Pienituloiselle ruokakunnalle tukea vuokraan tai asumismenoihin. | Stöd för hyran eller "
              "boendeutgifterna till hushåll med låga inkomster. | Help with rent or housing costs for "
              "low-income households.",
        desc="Asumistuen määrä riippuu ruokakunnan tuloista, koosta ja asumismenoista. Tuki maksetaan yleensä "
             "suoraan sinun tilillesi, mutta voit pyytää maksamaan sen vuokranantajalle. Muista ilmoittaa "
             "tulomuutoksista. | Bostadsbidragets belopp beror på hushållets inkomster, storlek och "
             "boendeutgifter. Bidraget betalas oftast till ditt konto, men du kan be att det betalas till "
             "hyresvärden. Kom ihåg att meddela ändringar i inkomsterna. | The amount depends on your "
             "household's income, size and housing costs. It is usually paid into your account, but you can "
             "ask for it to go to your landlord. Remember to report changes in income.",
        instr="Liitä hakemukseen vuokrasopimus ja tiedot tuloista. | Bifoga hyresavtalet och uppgifter om "
              "inkomsterna till ansökan. | Attach your tenancy agreement and income details to the application.",
        goal="Pienituloisilla on varaa kohtuulliseen asuntoon. | Låginkomsttagare har råd med en skälig "
             "bostad. | People on low incomes can afford a reasonable home.",
        content="Neuvonta, hakemusten käsittely ja tarkistukset. | Rådgivning, handläggning och justeringar. | "
                "Advice, processing and reviews.",
        outputs="Tuensaajat ja käsittelyajat kuukausittain. | Bidragstagare och handläggningstider månatligen. | "
                "Recipients and processing times monthly.",
        quality="Käsittelyaika enintään 30 päivää. | Handläggningstid högst 30 dagar. | Processed within 30 days.",
        tg="adults,older_people,families_with_children", le="housing,money_and_benefits", cls="housing,social_services",
        keywords="kela, asumistuki, vuokra, tuki, asuminen | fpa, bostadsbidrag, hyra | kela, housing allowance, "
                 "rent, housing benefit",
        channels=[web("https://www.example.fi/kela/asumistuki", "Hae asumistukea | Ansök om bostadsbidrag | "
                      "Apply for housing allowance"),
                  phone("+358 20 555 0403", "Asumistuen palvelunumero | Servicenummer för bostadsbidrag | "
                        "Housing allowance helpline", hours({"mon-fri": "09:00-16:00"}))]),
    service(
        "kela-basic-social-assistance", "kela",
        name="Kelan perustoimeentulotuki | FPA:s grundläggande utkomststöd | Kela basic social assistance",
        short="Viimesijainen tuki ruokaan, vaatteisiin, lääkkeisiin ja asumiseen, kun tulot eivät riitä. | "
              "Stöd i sista hand för mat, kläder, mediciner och boende när inkomsterna inte räcker. | "
              "Last-resort support for food, clothes, medicines and housing when your income is not enough.",
        desc="Perustoimeentulotukea haetaan kuukaudeksi kerrallaan. Kela vertaa menojasi tuloihisi ja "
             "varoihisi. Jos tarvitset rahaa heti ruokaan, kerro siitä hakemuksessa tai soita, niin asia "
             "käsitellään kiireellisenä. | Grundläggande utkomststöd söks för en månad i taget. FPA jämför "
             "dina utgifter med dina inkomster och tillgångar. Om du genast behöver pengar till mat, skriv det "
             "i ansökan eller ring, så behandlas ärendet som brådskande. | Basic social assistance is claimed "
             "one month at a time. Kela compares your expenses with your income and assets. If you need money "
             "for food right away, say so in the application or call, and it will be treated as urgent.",
        instr="Liitä tiliotteet kahdelta kuukaudelta ja vuokrasopimus. | Bifoga kontoutdrag för två månader "
              "och hyresavtalet. | Attach two months of bank statements and your tenancy agreement.",
        goal="Jokaisella on välttämätön toimeentulo. | Alla har en nödvändig utkomst. | Everyone has the "
             "essentials to live on.",
        content="Hakemusten käsittely, maksusitoumukset ja ohjaus kaupungin sosiaalityöhön. | Handläggning, "
                "betalningsförbindelser och hänvisning till stadens socialarbete. | Processing, payment "
                "commitments and referral to city social work.",
        outputs="Ratkaisut ja käsittelyajat kuukausittain. | Beslut och handläggningstider månatligen. | "
                "Decisions and processing times monthly.",
        quality="Päätös seitsemässä arkipäivässä, kiireellinen viimeistään seuraavana arkipäivänä. | Beslut inom "
                "sju vardagar, brådskande senast följande vardag. | A decision within seven working days, "
                "urgent cases by the next working day.",
        tg="adults,families_with_children,immigrants,special_support", le="money_and_benefits",
        cls="social_services",
        keywords="kela, toimeentulotuki, rahaa ruokaan, maksusitoumus | fpa, utkomststöd, betalningsförbindelse | "
                 "kela, social assistance, welfare, money for food",
        langs="fi,sv,en",
        channels=[web("https://www.example.fi/kela/toimeentulotuki", "Hae toimeentulotukea | Ansök om "
                      "utkomststöd | Apply for social assistance"),
                  phone("+358 20 555 0404", "Toimeentulotuen palvelunumero | Servicenummer för utkomststöd | "
                        "Social assistance helpline", hours({"mon-fri": "09:00-16:00"}))]),
    service(
        "kela-rehabilitation", "kela",
        name="Kelan kuntoutus ja kuntoutuspsykoterapia | FPA:s rehabilitering och rehabiliterande psykoterapi | "
             "Kela rehabilitation and rehabilitative psychotherapy",
        short="Kela korvaa kuntoutuskursseja, ammatillista kuntoutusta ja psykoterapiaa työ- tai "
              "opiskelukyvyn tueksi. | FPA ersätter rehabiliteringskurser, yrkesinriktad rehabilitering och "
              "psykoterapi som stöd för arbets- eller studieförmågan. | Kela funds rehabilitation courses, "
              "vocational rehabilitation and psychotherapy to support your ability to work or study.",
        desc="Kuntoutuspsykoterapiaan tarvitset psykiatrin lausunnon ja vähintään kolmen kuukauden hoitosuhteen. "
             "Ammatillinen kuntoutus auttaa, jos sairaus uhkaa työkykyä. Kela maksaa osan terapian hinnasta "
             "suoraan terapeutille. | För rehabiliterande psykoterapi behöver du ett utlåtande av en psykiater "
             "och minst tre månaders vårdrelation. Yrkesinriktad rehabilitering hjälper om en sjukdom hotar "
             "arbetsförmågan. FPA betalar en del av terapins pris direkt till terapeuten. | For rehabilitative "
             "psychotherapy you need a psychiatrist's statement and at least three months of treatment first. "
             "Vocational rehabilitation helps if illness threatens your ability to work. Kela pays part of the "
             "therapy fee directly to the therapist.",
        instr="Hae verkossa tai lomakkeella ja liitä lääkärinlausunto B. | Ansök på nätet eller med blankett och "
              "bifoga läkarutlåtande B. | Apply online or on paper and attach medical statement B.",
        goal="Työ- ja opiskelukyky säilyy tai palaa. | Arbets- och studieförmågan bevaras eller återvänder. | "
             "People keep or regain their ability to work or study.",
        content="Päätökset kuntoutuksesta, korvaukset ja kuntoutusneuvonta. | Beslut om rehabilitering, "
                "ersättningar och rehabiliteringsrådgivning. | Rehabilitation decisions, reimbursements and "
                "advice.",
        outputs="Kuntoutujat ja myönteiset päätökset vuosittain. | Rehabiliteringsklienter och positiva beslut "
                "årligen. | Rehabilitation clients and positive decisions yearly.",
        quality="Päätös noin kuukaudessa liitteiden saapumisesta. | Beslut inom ungefär en månad efter att "
                "bilagorna kommit in. | A decision about a month after the attachments arrive.",
        tg="adults,children_and_young_people,special_support", le="mental_wellbeing,disability,work_and_unemployment",
        cls="rehabilitation,mental_health_and_substance",
        keywords="kela, kuntoutus, psykoterapia, terapia, kuntoutuspsykoterapia | fpa, rehabilitering, "
                 "psykoterapi | kela, rehabilitation, psychotherapy, therapy",
        langs="fi,sv,en",
        channels=[web("https://www.example.fi/kela/kuntoutus", "Kuntoutus Kelassa | Rehabilitering hos FPA | "
                      "Rehabilitation at Kela"),
                  phone("+358 20 555 0405", "Kuntoutuksen palvelunumero | Servicenummer för rehabilitering | "
                        "Rehabilitation helpline", hours({"mon-fri": "09:00-16:00"}))]),
    service(
        "debt-advice-public", "legal-aid",
        name="Talous- ja velkaneuvonta | Ekonomi- och skuldrådgivning | Money and debt advice",
        short="Maksutonta apua velkojen järjestelyyn, maksusuunnitelmiin ja velkajärjestelyn hakemiseen. | "
              "Avgiftsfri hjälp med att ordna skulder, betalningsplaner och ansökan om skuldsanering. | Free "
              "help with sorting out debts, payment plans and applying for debt restructuring.",
        desc="Velkaneuvoja käy kanssasi läpi tulot, menot ja velat ja neuvottelee tarvittaessa velkojien "
             "kanssa. Hän auttaa hakemaan velkajärjestelyä tai sosiaalista luottoa. Perintäkirjeitä ei kannata "
             "jättää avaamatta: mitä aikaisemmin, sitä enemmän vaihtoehtoja. | Skuldrådgivaren går tillsammans "
             "med dig igenom inkomster, utgifter och skulder och förhandlar vid behov med borgenärerna. "
             "Rådgivaren hjälper dig att ansöka om skuldsanering eller socialkredit. Lämna inte "
             "indrivningsbrev oöppnade: ju tidigare, desto fler alternativ. | A debt adviser goes through your "
             "income, expenses and debts with you and negotiates with creditors if needed. They help you "
             "apply for debt restructuring or a social loan. Do not leave collection letters unopened: the "
             "earlier you act, the more options you have.",
        instr="Kokoa valmiiksi velkakirjeet, ulosottopäätökset ja viimeisin palkka- tai etuuslaskelma. | Samla "
              "ihop skuldbrev, utsökningsbeslut och senaste löne- eller förmånsbesked. | Gather your debt "
              "letters, enforcement decisions and latest pay or benefit slip.",
        goal="Velallinen saa talouden hallintaan ja välttää ulosoton kierteen. | Den skuldsatta får kontroll "
             "över ekonomin och undviker utsökningsspiralen. | People regain control of their finances and "
             "avoid the enforcement spiral.",
        content="Neuvonta, neuvottelut velkojien kanssa ja velkajärjestelyhakemukset. | Rådgivning, förhandlingar "
                "med borgenärer och ansökningar om skuldsanering. | Advice, negotiation with creditors and debt "
                "restructuring applications.",
        outputs="Asiakkaat, sovitut maksuohjelmat ja hakemukset vuosittain. | Klienter, avtalade "
                "betalningsprogram och ansökningar årligen. | Clients, agreed payment plans and applications "
                "yearly.",
        quality="Ensimmäinen tapaaminen neljän viikon sisällä. | Första mötet inom fyra veckor. | A first "
                "meeting within four weeks.",
        tg="adults,older_people,immigrants", le="money_and_benefits", cls="legal_and_financial_advice",
        keywords="velka, velkaneuvonta, ulosotto, perintä, velkajärjestely, pikavippi, maksuhäiriö | skuld, "
                 "skuldrådgivning, utsökning, indrivning, skuldsanering | debt, debt advice, enforcement, "
                 "collection, payday loan, bad credit",
        langs="fi,sv,en",
        channels=[phone("+358 29 555 0411", "Velkaneuvonnan ajanvaraus | Skuldrådgivningens tidsbokning | Debt "
                        "advice bookings", hours({"mon-fri": "09:00-11:30,12:30-15:00"})),
                  video("https://video.example.fi/oikeusapu/velkaneuvonta", "Velkaneuvonta videolla | "
                        "Skuldrådgivning per video | Debt advice by video", hours({"tue,thu": "09:00-15:00"}),
                        rules=[rule("tue,thu", "09:00,10:30,13:00", 75, weeks=5)])]),
    service(
        "legal-aid", "legal-aid", charge="charged",
        name="Julkinen oikeusapu | Allmän rättshjälp | Public legal aid",
        short="Lakimies auttaa perintö-, ero-, vuokra- ja rikosasioissa; pienituloiselle maksuton tai edullinen. | "
              "En jurist hjälper i arvs-, skilsmässo-, hyres- och brottmål; gratis eller förmånligt för "
              "låginkomsttagare. | A lawyer helps with inheritance, divorce, tenancy and criminal matters; free "
              "or cheap if your income is low.",
        desc="Oikeusaputoimiston julkinen oikeusavustaja neuvoo, laatii asiakirjoja, kuten perunkirjoituksen "
             "tai testamentin, ja edustaa oikeudessa. Maksu määräytyy tulojen ja varallisuuden mukaan. | "
             "Rättshjälpsbyråns allmänna rättsbiträde ger råd, upprättar handlingar som bouppteckning eller "
             "testamente och företräder dig i domstol. Avgiften beror på inkomster och förmögenhet. | A public "
             "legal aid attorney advises you, drafts documents such as an estate inventory or will, and "
             "represents you in court. The fee depends on your income and assets.",
        instr="Täytä oikeusapuhakemus verkossa ja liitä selvitys tuloista. | Fyll i ansökan om rättshjälp på "
              "nätet och bifoga en utredning om inkomsterna. | Fill in the legal aid application online and "
              "attach proof of income.",
        goal="Oikeus ei riipu varallisuudesta. | Rätten ska inte bero på förmögenhet. | Justice should not depend "
             "on wealth.",
        content="Oikeudellinen neuvonta, asiakirjat ja oikeudenkäyntiavustaminen. | Juridisk rådgivning, "
                "handlingar och biträde i rättegång. | Legal advice, documents and court representation.",
        outputs="Asiat asiaryhmittäin ja käsittelyajat vuosittain. | Ärenden per ärendegrupp och "
                "handläggningstider årligen. | Cases by type and processing times yearly.",
        quality="Päätös oikeusavusta kahdessa viikossa. | Beslut om rättshjälp inom två veckor. | A decision "
                "on legal aid within two weeks.",
        price="Maksuton, jos käytettävissä olevat tulot ovat alle 1 300 €/kk (yksin asuva). Muuten omavastuu "
              "tulojen mukaan. | Avgiftsfri om dina disponibla inkomster är under 1 300 €/mån (ensamboende). "
              "Annars självrisk enligt inkomst. | Free if your disposable income is under €1,300 a month "
              "(single person). Otherwise you pay a share based on income.",
        tg="adults,older_people,immigrants", le="money_and_benefits,housing,family_with_children",
        cls="legal_and_financial_advice",
        keywords="oikeusapu, lakimies, juristi, perukirja, testamentti, avioero | rättshjälp, jurist, "
                 "bouppteckning, testamente, skilsmässa | legal aid, lawyer, will, estate inventory, divorce",
        langs="fi,sv,en",
        channels=[phone("+358 29 555 0412", "Oikeusaputoimiston neuvonta | Rättshjälpsbyråns rådgivning | Legal "
                        "aid advice", hours({"mon-fri": "09:00-15:00"})),
                  web("https://www.example.fi/oikeusapu/hakemus", "Hae oikeusapua | Ansök om rättshjälp | Apply "
                      "for legal aid")]),
]
