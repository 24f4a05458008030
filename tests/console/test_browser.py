"""The console in a real browser: Debian's Chromium driven through chromedriver (Selenium).
A member of staff signs in through the real OpenID provider's login form, every page
renders (screenshots at laptop and tablet width, kept in $CONSOLE_SCREENSHOTS if set), a
report filters and exports, a fleet row shows a silent kiosk, an announcement written in
the console reaches a real kiosk at its next sync."""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests

from kiosk.catalogue.hours import LOCAL_TZ

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        message = "Debian's chromium and chromium-driver are needed (packaging/system-deps.sh)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1366,900", "--lang=fi", "--no-first-run", "--disable-extensions"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": "fi,sv"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def shots(tmp_path):
    keep = os.environ.get("CONSOLE_SCREENSHOTS")
    folder = Path(keep) if keep else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _wait(driver, condition, timeout=20):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _sign_in(driver, base, account):
    from selenium.webdriver.common.by import By

    driver.delete_all_cookies()
    driver.get(base + "/console/")
    assert "Kirjaudu" in driver.find_element(By.TAG_NAME, "h1").text
    driver.find_element(By.CSS_SELECTOR, "a.button[href='/console/sign-in/start']").click()
    _wait(driver, lambda d: d.find_elements(By.NAME, "login"))
    driver.find_element(By.NAME, "login").send_keys(account)
    driver.find_element(By.NAME, "password").send_keys("any password")
    driver.find_element(By.CSS_SELECTOR, "button[type=submit], input[type=submit]").click()
    _wait(driver, lambda d: d.current_url.rstrip("/").endswith("/console") and d.find_elements(By.TAG_NAME, "main"))


def _check_accessible(driver, page: str) -> None:
    """What WCAG 2.2 AA asks that a script can check: one h1, a label for every field, a
    name for every button and link, a title for every chart, the page's language."""
    problems = driver.execute_script("""
        const out = [];
        if (document.querySelectorAll('h1').length !== 1) out.push('h1 count');
        if (!document.documentElement.lang) out.push('no lang');
        for (const e of document.querySelectorAll('input:not([type=hidden]), select'))
            if (!e.labels || !e.labels.length) out.push('unlabelled ' + (e.name || e.id));
        for (const e of document.querySelectorAll('button, a'))
            if (!(e.getAttribute('aria-label') || e.textContent).trim()) out.push('nameless ' + e.outerHTML.slice(0, 60));
        for (const e of document.querySelectorAll('svg'))
            if (!e.querySelector('title') || e.getAttribute('role') !== 'img') out.push('chart without title');
        const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
        if (new Set(ids).size !== ids.length) out.push('duplicate ids');
        return out;""")
    assert problems == [], (page, problems)


def _shoot(driver, folder: Path, name: str, width: int) -> Path:
    driver.set_window_size(width, 900)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(max(900, height), 6000))
    path = folder / f"console-{name}-{width}.png"
    driver.save_screenshot(str(path))
    return path


def test_sign_in_and_every_page_renders(browser, console_backend, shots):
    from selenium.webdriver.common.by import By

    from tests.console.test_fleet import BEAT, _kiosk

    site = console_backend.new_site()
    _kiosk(console_backend, site, "kontula-lobby-1", BEAT)
    _kiosk(console_backend, site, "kontula-lobby-2", BEAT, seen_ago=timedelta(hours=3))
    base = console_backend.url
    _sign_in(browser, base, "admin")
    assert "Aila Ylläpitäjä" in browser.find_element(By.TAG_NAME, "header").text
    from selenium.webdriver.common.keys import Keys

    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)  # the first stop: the skip link, visible
    focused = browser.execute_script("const e = document.activeElement, s = getComputedStyle(e);"
                                     "return [e.className, s.outlineStyle, s.outlineWidth, e.getBoundingClientRect().left]")
    assert focused[0] == "skip" and focused[1] == "solid" and focused[2] == "3px" and focused[3] >= 0, focused
    cookie = browser.get_cookie("welfare_console")
    assert cookie and cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Lax"
    for page in ("", "reports", "fleet", "catalogue", "audit"):
        browser.get(f"{base}/console/{page}")
        h1 = browser.find_element(By.TAG_NAME, "h1").text
        assert h1 and "reason_" not in browser.page_source and "Traceback" not in browser.page_source, page
        assert browser.find_elements(By.CSS_SELECTOR, "main#main") and browser.find_elements(By.CSS_SELECTOR, "nav")
        _check_accessible(browser, page)
        for width in (1366, 820):
            _shoot(browser, shots, page or "home", width)
    browser.get(f"{base}/console/language?lang=sv&next=/console/fleet")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Enheter"
    _shoot(browser, shots, "fleet-sv", 1366)
    browser.get(f"{base}/console/language?lang=fi&next=/console/")
    browser.delete_all_cookies()
    browser.get(f"{base}/console/sign-in")
    _shoot(browser, shots, "sign-in", 1366)


def test_a_report_filters_and_exports(browser, console_backend, shots):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from tests.console.test_reports import _item, _push
    from sync.server.store import create_enrolment_code, enrol

    site = console_backend.new_site()
    dev = enrol(console_backend.sessions, create_enrolment_code(console_backend.sessions, site), "k")
    now = datetime.now(timezone.utc)
    _push(console_backend, (dev["device_id"], site), [
        _item("feedback", {"service_id": "health-station", "smiley": 4, "nps": 10}, now - timedelta(days=d))
        for d in range(0, 28, 3)] + [_item("feedback", {"service_id": "family-cafe", "smiley": 1, "nps": 3,
                                                        "comment": "Jono oli pitkä, soita 0401234567"})])
    base = console_backend.url
    _sign_in(browser, base, "analyst")
    browser.get(f"{base}/console/reports")
    Select(browser.find_element(By.ID, "f-site")).select_by_value(site)
    Select(browser.find_element(By.ID, "f-service")).select_by_value("health-station")
    browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    _wait(browser, lambda d: "service=health-station" in d.current_url)
    key = browser.find_element(By.CSS_SELECTOR, ".cards dl").text
    assert "+100.0" in key and "10" in key
    _shoot(browser, shots, "reports-filtered", 1366)
    link = browser.find_element(By.PARTIAL_LINK_TEXT, "Yhteenveto (CSV)").get_attribute("href")
    assert "service=health-station" in link and f"site={site}" in link
    cookie = browser.get_cookie("welfare_console")["value"]
    csv_text = requests.get(link, headers={"Cookie": f"welfare_console={cookie}"}, timeout=10).content.decode("utf-8-sig")
    header, row = csv_text.splitlines()[:2]
    assert header.split(",")[0] == "answers" and row.split(",")[0] == "10"
    browser.get(f"{base}/console/reports?site={site}")
    assert "0401234567" not in browser.page_source and "[phone]" in browser.page_source


def test_a_fleet_row_shows_a_silent_kiosk(browser, console_backend):
    from selenium.webdriver.common.by import By

    from tests.console.test_fleet import BEAT, _kiosk

    site = console_backend.new_site()
    silent = _kiosk(console_backend, site, "itakeskus-silent", BEAT, seen_ago=timedelta(hours=5))
    _sign_in(browser, console_backend.url, "it")
    browser.get(console_backend.url + "/console/fleet?lang=fi")
    row = browser.find_element(By.ID, f"device-{silent['device_id']}")
    assert "problem" in row.get_attribute("class").split()
    assert "hiljaa liian kauan" in row.text
    assert "5 h sitten" in row.text
    # The analyst has no fleet page: refused in the browser as well.
    _sign_in(browser, console_backend.url, "analyst")
    browser.get(console_backend.url + "/console/fleet")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Ei pääsyä"


def test_an_announcement_written_in_the_console_appears_on_a_kiosk_after_its_next_sync(
        browser, console_backend, make_kiosk, shots):
    from selenium.webdriver.common.by import By

    from kiosk.announcements import AnnouncementBoard

    site = console_backend.new_site()
    kiosk = make_kiosk(console_backend, site)
    kiosk.sync()
    assert AnnouncementBoard(kiosk.db).current() == []
    _sign_in(browser, console_backend.url, "moderator")
    browser.get(console_backend.url + "/console/announcements?lang=fi")
    browser.find_element(By.LINK_TEXT, "Uusi tiedote").click()
    _wait(browser, lambda d: d.current_url.endswith("/console/announcements/new"))
    for width in (1366, 820):
        _shoot(browser, shots, "announcement-new", width)
    fi, sv = f"Terveysasema on suljettu tänään ({site}).", "Hälsostationen är stängd i dag."
    # First a slip: an end before the start. The page says so beside the field and keeps the words.
    ends = browser.find_element(By.ID, "f-ends")
    browser.execute_script("arguments[0].value = '2020-01-01T08:00'", ends)
    browser.find_element(By.ID, "f-text_fi").send_keys(fi)
    browser.find_element(By.ID, "f-text_sv").send_keys(sv)
    browser.find_element(By.CSS_SELECTOR, f"input[name=site][value='{site}']").click()
    browser.find_element(By.ID, "f-priority-urgent").click()
    browser.find_element(By.CSS_SELECTOR, "input[name=service][value='health-station']").click()
    browser.find_element(By.CSS_SELECTOR, "form.notice-form button[type=submit]").click()
    _wait(browser, lambda d: d.find_elements(By.ID, "e-ends"))
    assert "Päättymisen pitää olla alkamisen jälkeen." in browser.find_element(By.ID, "e-ends").text
    assert browser.find_element(By.ID, "f-text_fi").get_attribute("value") == fi
    assert browser.find_element(By.CSS_SELECTOR, f"input[name=site][value='{site}']").is_selected()
    _check_accessible(browser, "announcement-refused")
    for width in (1366, 820):
        _shoot(browser, shots, "announcement-refused", width)
    later = (datetime.now(timezone.utc) + timedelta(hours=8)).astimezone(LOCAL_TZ).strftime("%Y-%m-%dT%H:%M")
    browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, "f-ends"), later)
    browser.find_element(By.CSS_SELECTOR, "form.notice-form button[type=submit]").click()
    _wait(browser, lambda d: d.current_url.endswith("/console/announcements/new") and
          "Tiedote on tallennettu" in d.page_source)
    _check_accessible(browser, "announcements")
    for width in (1366, 820):
        _shoot(browser, shots, "announcements", width)
    assert fi in browser.find_element(By.CSS_SELECTOR, "table").text

    kiosk.sync()
    [shown] = AnnouncementBoard(kiosk.db).current()
    assert shown.text("fi") == fi and shown.text("sv") == sv and shown.urgent
    assert AnnouncementBoard(kiosk.db).urgent_for_service("health-station") == [shown]

    browser.get(console_backend.url + "/console/language?lang=sv&next=/console/announcements")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Meddelanden"
    _shoot(browser, shots, "announcements-sv", 1366)
    _shoot(browser, shots, "announcements-sv", 820)
    browser.find_element(By.CSS_SELECTOR, f"#notice-{shown.id} a").click()
    _wait(browser, lambda d: d.current_url.endswith(f"/console/announcements/{shown.id}"))
    _shoot(browser, shots, "announcement-edit-sv", 1366)
    _shoot(browser, shots, "announcement-edit-sv", 820)
    browser.get(console_backend.url + "/console/language?lang=fi&next=/console/announcements")
    browser.find_element(By.CSS_SELECTOR, f"#notice-{shown.id} button.danger").click()
    _wait(browser, lambda d: "Tiedote on poistettu" in d.page_source)
    kiosk.sync()
    assert AnnouncementBoard(kiosk.db).current() == []


def test_the_editing_pages_render_in_finnish_and_swedish(browser, console_backend, shots):
    """Participation, the catalogue (with the PTV upload), its local additions and history: every page at laptop
    and tablet width in fi and sv, checked for what WCAG asks that a script can see."""
    from selenium.webdriver.common.by import By

    from sync.server import catalogue_edits, participation
    from sync.server.models import ParticipationIdea
    from tests.backend import question

    site = console_backend.new_site()
    now = datetime.now(timezone.utc)
    q = question("ideas", sites=[site])
    participation.author(console_backend.sessions, {"questions": [q]})
    later = question("poll", sites=[site], opens=now + timedelta(days=3), closes=now + timedelta(days=10))
    participation.author(console_backend.sessions, {"questions": [later]})
    with console_backend.sessions.begin() as s:
        for n, (title, text) in enumerate((("Uimaranta Kontulaan", "Kontulan rantaan uimalaituri ja pukukopit."),
                                           ("Penkkejä puistoon", "Ostoskeskuksen puistoon lisää penkkejä."))):
            s.add(ParticipationIdea(id=f"0a1b2c3d-0000-4000-8000-0000000000b{n}", question_id=q["id"], title=title,
                                    text=text, category="parks", district="kontula", status="proposed",
                                    supports=n * 3, created_at=now))
    catalogue_edits.set_vouchers(console_backend.sessions, site, "city-health", True, actor="catalogue-editor",
                                 actor_name="Kaisa Katalogi")
    catalogue_edits.set_note(console_backend.sessions, site, "health-walkin",
                             {"fi": "Sisäänkäynti pihan puolelta, ei portaita.", "sv": "Ingång från gården, inga trappor.",
                              "en": "Entrance from the yard, step-free."}, actor="catalogue-editor",
                             actor_name="Kaisa Katalogi")
    base = console_backend.url
    _sign_in(browser, base, "admin")
    pages = {"participation": "/console/participation", "participation-ideas": f"/console/participation/{q['id']}",
             "catalogue-service": f"/console/catalogue/{site}/service/health-station",
             "catalogue-provider": f"/console/catalogue/{site}/provider/city-health",
             "catalogue-history": f"/console/catalogue/history?site={site}",
             "catalogue-import": f"/console/catalogue?site={site}"}
    for lang in ("fi", "sv"):
        for name, path in pages.items():
            browser.get(f"{base}/console/language?lang={lang}&next=" + path.split("?")[0])
            if "?" in path:
                browser.get(base + path)
            assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
            assert "reason_" not in browser.page_source and "Traceback" not in browser.page_source, name
            _check_accessible(browser, name)
            for width in (1366, 820):
                _shoot(browser, shots, f"{name}-{lang}", width)
    browser.get(f"{base}/console/language?lang=fi&next=/console/")
    # A rejection without a reason, in the browser: the words stand beside the field.
    browser.get(f"{base}/console/participation/{q['id']}")
    browser.find_element(By.CSS_SELECTOR, "#idea-0a1b2c3d-0000-4000-8000-0000000000b0 form.reject button").click()
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".field-error"))
    assert "Kirjoita syy" in browser.find_element(By.CSS_SELECTOR, ".field-error").text
    _shoot(browser, shots, "participation-ideas-refused-fi", 1366)
