"""The city's web console at ``/console/`` (docs/console.md): server-rendered Jinja2
pages, fi/sv/en, signed in through the city's OpenID provider. Mounted by
sync/server/app.py; its routes are not part of the kiosk protocol's OpenAPI document.

Who may see what: ``PAGES`` (a role per page; admin sees every page). A request that
carries an ``Authorization`` header (a kiosk's device token) is refused outright: only a
console session cookie opens the console, and that cookie opens nothing of the kiosk API.
"""

# No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
import csv
import io
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Annotated, Any, Literal

import requests
from fastapi import FastAPI, File, Form, Path as PathParam, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

from kiosk.catalogue.hours import LOCAL_TZ
from kiosk.announcements import PRIORITIES, TEXT_LANGUAGES, TEXT_MAX, AnnouncementError
from kiosk.participation import ParticipationError
from sync.server import announcements, catalogue_edits, participation, reports, store
from sync.server.console import auth, fleet, notices
from sync.server.console.charts import bar_chart, trend_chart
from sync.server.console.i18n import LANGUAGES, pick_language, text
from sync.server.models import CatalogueEntry, Site

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "welfare_console"
LOGIN_COOKIE = "welfare_console_login"
LANG_COOKIE = "welfare_console_lang"
COOKIE_PATH = "/console"
# Page -> the role it needs (admin has them all). The moderator looks after what the
# city says to residents on the kiosks: announcements, and participation.
PAGES = {"reports": "analyst", "fleet": "it", "catalogue": "catalogue_editor", "announcements": "moderator",
         "participation": "moderator", "audit": "admin"}
# The upload of PTV pages: Helsinki's services of one municipality are a few MB of pages.
_UPLOAD_MAX_FILES = 200
_UPLOAD_MAX_BYTES = 50_000_000
_SAFE_NEXT = re.compile(r"^/console/[A-Za-z0-9/_.-]*$")
_SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}


class Refused(Exception):
    """A request the console answers with a page that says why (translation key)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status, self.reason = status, reason


def console_app(sessions: sessionmaker[Session], *, http: requests.Session | None = None) -> FastAPI:
    http = http or requests.Session()
    app = FastAPI(title="Welfare kiosk city console", docs_url=None, redoc_url=None, openapi_url=None)
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    css = (HERE / "static" / "console.css").read_bytes()

    # -- helpers ------------------------------------------------------------------------
    def language(request: Request) -> str:
        return pick_language(request.query_params.get("lang"), request.cookies.get(LANG_COOKIE),
                             request.headers.get("accept-language"))

    def current(request: Request) -> auth.StaffSession | None:
        return auth.session_for(sessions, request.cookies.get(SESSION_COOKIE))

    def render(request: Request, template: str, who: auth.StaffSession | None, status: int = 200,
               **values: Any) -> HTMLResponse:
        lang = language(request)

        def t(key: str, **kw: Any) -> str:
            return text(lang, key, **kw)

        nav = [(page, t(f"page_{page}")) for page, role in PAGES.items() if who is not None and who.may(role)]
        page = env.get_template(template).render(
            t=t, lang=lang, languages=LANGUAGES, who=who, nav=nav, path=request.url.path,
            csrf=who.csrf if who else "", roles=auth.ROLES, **values)
        resp = HTMLResponse(page, status_code=status, headers=_SECURITY_HEADERS)
        if request.query_params.get("lang") in LANGUAGES:
            resp.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, path=COOKIE_PATH, secure=True,
                            httponly=True, samesite="lax")
        return resp

    def staff(request: Request, page: str) -> auth.StaffSession:
        """The signed-in member of staff who may open ``page``; Refused otherwise."""
        if "authorization" in request.headers:
            auth.audit(sessions, None, "access_refused", target=request.url.path, outcome="refused",
                       detail="an Authorization header (device token) was sent")
            raise Refused(403, "device_token_refused")
        who = current(request)
        if who is None:
            raise Refused(401, "signed_out")
        if not who.may(PAGES[page]):
            auth.audit(sessions, who, "access_refused", target=request.url.path, outcome="refused",
                       detail=f"needs role {PAGES[page]}")
            raise Refused(403, "role_missing")
        return who

    def checked(request: Request, page: str, csrf: str | None) -> auth.StaffSession:
        who = staff(request, page)
        if not auth.csrf_ok(who, csrf):
            auth.audit(sessions, who, "csrf_refused", target=request.url.path, outcome="refused")
            raise Refused(403, "csrf_refused")
        return who

    def callback_uri(request: Request) -> str:
        return str(request.url_for("callback"))

    @app.exception_handler(Refused)
    async def _refused(request: Request, exc: Refused) -> HTMLResponse:
        template = "sign_in.html" if exc.status == 401 else "refused.html"
        return render(request, template, None if exc.status == 401 else current(request), exc.status,
                      reason=exc.reason)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> HTMLResponse:
        return render(request, "refused.html", current(request), 422, reason="bad_request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> HTMLResponse:
        reason = "not_found" if exc.status_code == 404 else "bad_request"
        return render(request, "refused.html", current(request), exc.status_code, reason=reason)

    # -- pages without sign-in ----------------------------------------------------------------
    @app.get("/static/console.css", include_in_schema=False)
    def stylesheet() -> Response:
        return Response(css, media_type="text/css", headers={"Cache-Control": "max-age=3600"})

    @app.get("/", response_class=HTMLResponse)
    def home(request: Request) -> HTMLResponse:
        if "authorization" in request.headers:
            raise Refused(403, "device_token_refused")
        who = current(request)
        if who is None:
            raise Refused(401, "signed_out")
        return render(request, "home.html", who)

    @app.get("/sign-in", response_class=HTMLResponse)
    def sign_in_page(request: Request) -> HTMLResponse:
        return render(request, "sign_in.html", None, reason="")

    @app.get("/sign-in/start")
    def sign_in_start(request: Request) -> Response:
        try:
            url, state = auth.start_sign_in(sessions, callback_uri(request), http)
        except auth.SignInError as exc:
            auth.audit(sessions, None, "sign_in", outcome="failed", detail=exc.detail or exc.reason)
            return render(request, "sign_in.html", None, 503, reason=exc.reason)
        resp = RedirectResponse(url, status_code=303, headers=_SECURITY_HEADERS)
        resp.set_cookie(LOGIN_COOKIE, state, max_age=int(auth.LOGIN_TIMEOUT.total_seconds()), path=COOKIE_PATH,
                        secure=True, httponly=True, samesite="lax")
        return resp

    @app.get("/callback", name="callback", response_class=HTMLResponse)
    def callback(request: Request, code: str = "", state: str = "", error: str = "") -> Response:
        if error or not code or not state:
            auth.audit(sessions, None, "sign_in", outcome="refused", detail=f"provider error: {error[:100]}")
            return render(request, "sign_in.html", None, 401, reason="sign_in_refused")
        try:
            claims, roles = auth.finish_sign_in(sessions, code=code[:2000], state=state[:200],
                                                browser_state=request.cookies.get(LOGIN_COOKIE),
                                                redirect_uri=callback_uri(request), http=http)
        except auth.SignInError as exc:
            auth.audit(sessions, None, "sign_in", outcome="refused", detail=exc.detail or exc.reason)
            return render(request, "sign_in.html", None, 401, reason=exc.reason)
        if not roles:
            auth.audit(sessions, None, "sign_in", outcome="refused", actor=claims["sub"],
                       detail="no console role in the ID token")
            return render(request, "sign_in.html", None, 403, reason="no_role")
        token = auth.open_session(sessions, claims, roles)
        who = auth.session_for(sessions, token)
        auth.audit(sessions, who, "sign_in", detail="roles: " + " ".join(sorted(roles)))
        resp = RedirectResponse(str(request.url_for("home")), status_code=303, headers=_SECURITY_HEADERS)
        resp.set_cookie(SESSION_COOKIE, token, max_age=int(auth.MAX_SESSION.total_seconds()), path=COOKIE_PATH,
                        secure=True, httponly=True, samesite="lax")
        resp.delete_cookie(LOGIN_COOKIE, path=COOKIE_PATH, secure=True, httponly=True, samesite="lax")
        return resp

    @app.post("/sign-out")
    def sign_out(request: Request, csrf: Annotated[str, Form(max_length=200)] = "") -> Response:
        who = current(request)
        if who is not None:
            if not auth.csrf_ok(who, csrf):
                auth.audit(sessions, who, "csrf_refused", target="/console/sign-out", outcome="refused")
                raise Refused(403, "csrf_refused")
            auth.close_session(sessions, who)
            auth.audit(sessions, who, "sign_out")
        resp = RedirectResponse(str(request.url_for("sign_in_page")) + "?signed_out=1", status_code=303,
                                headers=_SECURITY_HEADERS)
        resp.delete_cookie(SESSION_COOKIE, path=COOKIE_PATH, secure=True, httponly=True, samesite="lax")
        return resp

    # -- reports ------------------------------------------------------------------------------
    def report_filter(request: Request) -> tuple[reports.ReportFilter, list[str]]:
        params = {k: v[:100] for k, v in request.query_params.items()}
        return reports.parse_filter(params, datetime.now(LOCAL_TZ).date())

    def choices() -> dict[str, list[tuple[str, str]]]:
        with sessions() as s:
            sites = [r for r in s.scalars(select(Site.id).order_by(Site.id))]
            entries = s.execute(select(CatalogueEntry.kind, CatalogueEntry.id, CatalogueEntry.data).where(
                CatalogueEntry.kind.in_(("service", "provider")), CatalogueEntry.deleted.is_(False))).all()
        return {"sites": [(x, x) for x in sites], "entries": entries}

    @app.get("/reports", response_class=HTMLResponse)
    def reports_page(request: Request) -> HTMLResponse:
        who = staff(request, "reports")
        f, set_aside = report_filter(request)
        lang = language(request)
        report = reports.service_report(sessions, f, lang)
        auth.audit(sessions, who, "view_reports", target=json.dumps(f.query(), sort_keys=True))
        tables = report["tables"]
        smiley_svg = bar_chart([(r["label"], r["answers"]) for r in tables["smileys"]],
                               title=text(lang, "chart_smileys"))
        trend_svg = trend_chart(tables["weekly"], title=text(lang, "chart_weekly"),
                                answers_label=text(lang, "answers"), nps_label="NPS")
        opts = _filter_options(choices(), lang)
        return render(request, "reports.html", who, f=f, set_aside=set_aside, tables=tables, opts=opts,
                      smiley_svg=smiley_svg, trend_svg=trend_svg, query=f.query(), report_tables=reports.REPORT_TABLES)

    @app.get("/reports/export/{table}.{fmt}")
    def reports_export(request: Request, table: Literal[reports.REPORT_TABLES],  # type: ignore[valid-type]
                       fmt: Literal["csv", "json"]) -> Response:
        who = staff(request, "reports")
        f, _ = report_filter(request)
        rows = reports.service_report(sessions, f, language(request))["tables"][table]
        auth.audit(sessions, who, "export", target=f"reports/{table}.{fmt}", detail=json.dumps(f.query()))
        return _export(rows, f"report-{table}-{f.start}-{f.end}", fmt, {"filter": f.query(), "table": table})

    # -- fleet --------------------------------------------------------------------------------
    def fleet_page(request: Request, who: auth.StaffSession, *, new_code: tuple[str, str] | None = None,
                   notice: str = "") -> HTMLResponse:
        now = datetime.now(timezone.utc)
        rows = fleet.devices(sessions, now)
        with sessions() as s:
            sites = list(s.scalars(select(Site.id).order_by(Site.id)))
        return render(request, "fleet.html", who, rows=rows, rollout=fleet.rollout(rows), sites=sites,
                      new_code=new_code, notice=notice, now=now, ago=_ago)

    @app.get("/fleet", response_class=HTMLResponse)
    def fleet_view(request: Request) -> HTMLResponse:
        who = staff(request, "fleet")
        auth.audit(sessions, who, "view_fleet")
        return fleet_page(request, who)

    @app.get("/fleet/export/devices.{fmt}")
    def fleet_export(request: Request, fmt: Literal["csv", "json"]) -> Response:
        who = staff(request, "fleet")
        auth.audit(sessions, who, "export", target=f"fleet/devices.{fmt}")
        return _export([_device_json(r) for r in fleet.devices(sessions)], "fleet-devices", fmt, {})

    @app.get("/fleet/export/rollout.{fmt}")
    def rollout_export(request: Request, fmt: Literal["csv", "json"]) -> Response:
        who = staff(request, "fleet")
        auth.audit(sessions, who, "export", target=f"fleet/rollout.{fmt}")
        return _export(fleet.rollout(fleet.devices(sessions)), "fleet-rollout", fmt, {})

    @app.post("/fleet/enrolment-codes", response_class=HTMLResponse)
    def new_enrolment_code(request: Request, csrf: Annotated[str, Form(max_length=200)] = "",
                           site: Annotated[str, Form(max_length=200)] = "") -> HTMLResponse:
        who = checked(request, "fleet", csrf)
        site = site.strip()
        if not re.fullmatch(r"[A-Za-z0-9_.-]{1,64}", site):
            auth.audit(sessions, who, "create_enrolment_code", target=site[:64], outcome="refused",
                       detail="not a site id")
            return fleet_page(request, who, notice="site_invalid")
        code = store.create_enrolment_code(sessions, site)
        auth.audit(sessions, who, "create_enrolment_code", target=site)
        return fleet_page(request, who, new_code=(site, code))

    @app.post("/fleet/devices/{device_id}/revoke", response_class=HTMLResponse)
    def revoke(request: Request, device_id: Annotated[str, PathParam(max_length=64)],
               csrf: Annotated[str, Form(max_length=200)] = "") -> HTMLResponse:
        who = checked(request, "fleet", csrf)
        done = store.revoke_device(sessions, device_id)
        auth.audit(sessions, who, "revoke_device", target=device_id, outcome="ok" if done else "failed")
        return fleet_page(request, who, notice="revoked" if done else "no_device")

    # -- catalogue ------------------------------------------------------------------------------
    def catalogue_render(request: Request, who: auth.StaffSession, site: str, *, status: int = 200,
                         imported: dict | None = None) -> HTMLResponse:
        lang = language(request)
        with sessions() as s:
            sites = list(s.scalars(select(Site.id).order_by(Site.id)))
            chosen = site if site in sites else (sites[0] if sites else "")
            rows = s.execute(select(CatalogueEntry).where(CatalogueEntry.site_id == chosen,
                                                          CatalogueEntry.kind.in_(("provider", "service")))
                             .order_by(CatalogueEntry.seq.desc())).scalars().all()
        providers = {r.id: ((r.data or {}).get("names") or {}).get(lang) or r.id for r in rows if r.kind == "provider"}
        entries = [_catalogue_row(r, lang, providers) for r in rows]
        return render(request, "catalogue.html", who, status, sites=sites, site=chosen, entries=entries,
                      imported=imported or {}, upload_max_files=_UPLOAD_MAX_FILES,
                      upload_max_mb=_UPLOAD_MAX_BYTES // 1_000_000)

    @app.get("/catalogue", response_class=HTMLResponse)
    def catalogue_page(request: Request, site: str = "") -> HTMLResponse:
        who = staff(request, "catalogue")
        auth.audit(sessions, who, "view_catalogue", target=site[:64])
        return catalogue_render(request, who, site)

    @app.post("/catalogue/import-ptv", response_class=HTMLResponse)
    async def catalogue_import_ptv(request: Request, csrf: Annotated[str, Form(max_length=200)] = "",
                                   site: Annotated[str, Form(max_length=200)] = "",
                                   municipality: Annotated[str, Form(max_length=10)] = "",
                                   pages: Annotated[list[UploadFile], File()] = []  # noqa: B006
                                   ) -> HTMLResponse:
        """PTV Open API v11 pages uploaded from the browser, imported as the command-line
        import does (all or nothing, the site's local additions kept). A refusal names the
        file and the item; the site's catalogue stays as it was."""
        who = checked(request, "catalogue", csrf)
        site = site.strip()
        problems: list[str] = []
        if not re.fullmatch(r"[A-Za-z0-9_.-]{1,64}", site):
            return catalogue_render(request, who, site, status=422, imported={"error": "cat_import_site", "site": site})
        if municipality and not re.fullmatch(r"\d{3}", municipality.strip()):
            return catalogue_render(request, who, site, status=422,
                                    imported={"error": "cat_import_municipality", "site": site})
        pages = [p for p in pages if p.filename]
        if not pages or len(pages) > _UPLOAD_MAX_FILES:
            return catalogue_render(request, who, site, status=422, imported={"error": "cat_import_files", "site": site})
        import tempfile

        from kiosk.catalogue import ptv
        from kiosk.catalogue.importer import CatalogueError

        total = 0
        with tempfile.TemporaryDirectory(prefix="ptv-upload-") as folder:
            for upload in pages:
                name = Path(upload.filename or "").name
                body = await upload.read(_UPLOAD_MAX_BYTES + 1)
                total += len(body)
                if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.json", name):
                    problems.append(f"{name[:120]}: not a .json page (a PTV page or {ptv.LOCAL_FILE})")
                elif (Path(folder) / name).exists():
                    problems.append(f"{name}: given twice")
                elif total > _UPLOAD_MAX_BYTES:
                    problems.append(f"{name}: the pages together are larger than {_UPLOAD_MAX_BYTES // 1_000_000} MB")
                    break
                else:
                    (Path(folder) / name).write_bytes(body)
            if not problems:
                try:
                    # The database and files are this request's own; a worker thread keeps the loop free.
                    from starlette.concurrency import run_in_threadpool

                    def run() -> tuple[list[str], store.CatalogueImport]:
                        data, summary = ptv.import_directory(folder, municipality=municipality.strip() or None)
                        return summary.lines(), store.import_catalogue(sessions, data, site, actor=who.subject,
                                                                       actor_name=who.name)
                    lines, result = await run_in_threadpool(run)
                except CatalogueError as exc:
                    problems = [str(p) for p in exc.errors]
        if problems:
            auth.audit(sessions, who, "catalogue_import_ptv", target=site, outcome="refused",
                       detail="; ".join(problems)[:2000])
            return catalogue_render(request, who, site, status=422,
                                    imported={"error": "cat_import_refused", "problems": problems[:50], "site": site})
        auth.audit(sessions, who, "catalogue_import_ptv", target=site,
                   detail=f"changed={result.changed} retired={result.deleted}; " + " | ".join(lines)[:1500])
        return catalogue_render(request, who, site, imported={"changed": result.changed, "retired": result.deleted,
                                                              "lines": lines, "site": site})

    def known_site(site: str) -> str:
        with sessions() as s:
            if s.get(Site, site) is None:
                raise StarletteHTTPException(404)
        return site

    def entry_page(request: Request, who: auth.StaffSession, site: str, kind: str, eid: str, *,
                   errors: dict[str, str] | None = None, typed: dict[str, str] | None = None, channel: str = "",
                   notice: str = "", status: int = 200) -> HTMLResponse:
        lang = language(request)
        with sessions() as s:
            row = s.get(CatalogueEntry, (site, kind, eid))
            if row is None or row.deleted or kind not in ("provider", "service"):
                raise StarletteHTTPException(404)
            data = row.data or {}
        added = catalogue_edits.console_slots(sessions, site)
        with sessions() as s:
            slot_rows = [r for r in s.scalars(select(CatalogueEntry).where(
                CatalogueEntry.site_id == site, CatalogueEntry.kind == "slot", CatalogueEntry.deleted.is_(False)))]
        channels = []
        for ch in data.get("channels") or [] if kind == "service" else []:
            mine = {x["id"]: x for x in added.get(ch.get("id"), [])}
            slots = sorted(({"id": r.id, "start": notices.local_text(datetime.fromisoformat(r.data["start"])),
                             "end": notices.local_text(datetime.fromisoformat(r.data["end"])),
                             "capacity": r.data.get("capacity", 1), "mine": r.id in mine,
                             "booked": mine.get(r.id, {}).get("booked", 0), "sort": r.data["start"]}
                            for r in slot_rows if (r.data or {}).get("channel_id") == ch.get("id")),
                           key=lambda x: x["sort"])
            note = ch.get("accessibility") or {}
            mine_typed = typed if channel == ch.get("id") else None
            channels.append({"id": ch.get("id"), "kind": ch.get("kind"), "slots": slots,
                             "note": mine_typed or {f"note_{k}": note.get(k, "") for k in ("fi", "sv", "en")},
                             "errors": (errors or {}) if channel == ch.get("id") else {},
                             "slot_typed": mine_typed or {}})
        names = data.get("names") or {}
        return render(request, "catalogue_entry.html", who, status, site=site, kind=kind, eid=eid,
                      name=names.get(lang) or names.get("fi") or eid, data=data, channels=channels,
                      ptv=bool(_PTV_ID.match(eid)), notice=notice, channel=channel, errors=errors or {})

    def who_names(who: auth.StaffSession) -> dict[str, str]:
        return {"actor": who.subject, "actor_name": who.name}

    @app.get("/catalogue/history", response_class=HTMLResponse)
    def catalogue_history(request: Request, site: str = "") -> HTMLResponse:
        who = staff(request, "catalogue")
        with sessions() as s:
            sites = list(s.scalars(select(Site.id).order_by(Site.id)))
        chosen = site if site in sites else (sites[0] if sites else "")
        auth.audit(sessions, who, "view_catalogue_history", target=chosen)
        rows = [{**r, "at": notices.local_text(r["at"])} for r in catalogue_edits.history_rows(sessions, chosen)]
        return render(request, "catalogue_history.html", who, sites=sites, site=chosen, rows=rows)

    @app.get("/catalogue/history/export.{fmt}")
    def catalogue_history_export(request: Request, fmt: Literal["csv", "json"], site: str = "") -> Response:
        who = staff(request, "catalogue")
        auth.audit(sessions, who, "export", target=f"catalogue/history.{fmt}", detail=site[:64])
        rows = [{**r, "at": r["at"].isoformat(timespec="seconds")}
                for r in catalogue_edits.history_rows(sessions, site[:64], limit=100_000)]
        return _export(rows, "catalogue-history", fmt, {"site": site[:64]})

    @app.get("/catalogue/{site}/{kind}/{entry_id}", response_class=HTMLResponse)
    def catalogue_entry(request: Request, site: Annotated[str, PathParam(max_length=64)],
                        kind: Literal["provider", "service"],
                        entry_id: Annotated[str, PathParam(max_length=64)]) -> HTMLResponse:
        who = staff(request, "catalogue")
        known_site(site)
        auth.audit(sessions, who, "view_catalogue_entry", target=f"{site}/{kind}/{entry_id}")
        return entry_page(request, who, site, kind, entry_id)

    @app.post("/catalogue/{site}/provider/{provider_id}/vouchers", response_class=HTMLResponse)
    def catalogue_vouchers(request: Request, site: Annotated[str, PathParam(max_length=64)],
                           provider_id: Annotated[str, PathParam(max_length=64)],
                           csrf: Annotated[str, Form(max_length=200)] = "",
                           accepts: Annotated[str, Form(max_length=10)] = "") -> HTMLResponse:
        who = checked(request, "catalogue", csrf)
        known_site(site)
        if not catalogue_edits.set_vouchers(sessions, site, provider_id, accepts == "yes", **who_names(who)):
            raise StarletteHTTPException(404)
        auth.audit(sessions, who, "catalogue_vouchers", target=f"{site}/{provider_id}", detail=f"accepts={accepts == 'yes'}")
        return entry_page(request, who, site, "provider", provider_id, notice="saved")

    def service_of(site: str, channel_id: str) -> str:
        with sessions() as s:
            found = catalogue_edits._service_of_channel(s, site, channel_id)
        if found is None:
            raise StarletteHTTPException(404)
        return found.id

    @app.post("/catalogue/{site}/channel/{channel_id}/note", response_class=HTMLResponse)
    def catalogue_note(request: Request, site: Annotated[str, PathParam(max_length=64)],
                       channel_id: Annotated[str, PathParam(max_length=64)],
                       csrf: Annotated[str, Form(max_length=200)] = "",
                       note_fi: Annotated[str, Form(max_length=2000)] = "",
                       note_sv: Annotated[str, Form(max_length=2000)] = "",
                       note_en: Annotated[str, Form(max_length=2000)] = "") -> HTMLResponse:
        who = checked(request, "catalogue", csrf)
        known_site(site)
        service = service_of(site, channel_id)
        typed = {"note_fi": note_fi, "note_sv": note_sv, "note_en": note_en}
        try:
            catalogue_edits.set_note(sessions, site, channel_id, {"fi": note_fi, "sv": note_sv, "en": note_en},
                                     **who_names(who))
        except catalogue_edits.EditError as exc:
            auth.audit(sessions, who, "catalogue_note", target=f"{site}/{channel_id}", outcome="refused", detail=str(exc))
            return entry_page(request, who, site, "service", service, errors=exc.errors, typed=typed,
                              channel=channel_id, status=422)
        auth.audit(sessions, who, "catalogue_note", target=f"{site}/{channel_id}", detail=note_fi[:200])
        return entry_page(request, who, site, "service", service, notice="saved", channel=channel_id)

    @app.post("/catalogue/{site}/channel/{channel_id}/slots", response_class=HTMLResponse)
    def catalogue_add_slot(request: Request, site: Annotated[str, PathParam(max_length=64)],
                           channel_id: Annotated[str, PathParam(max_length=64)],
                           csrf: Annotated[str, Form(max_length=200)] = "",
                           slot_starts: Annotated[str, Form(max_length=40)] = "",
                           slot_ends: Annotated[str, Form(max_length=40)] = "",
                           slot_capacity: Annotated[str, Form(max_length=10)] = "1") -> HTMLResponse:
        who = checked(request, "catalogue", csrf)
        known_site(site)
        service = service_of(site, channel_id)
        typed = {"slot_starts": slot_starts, "slot_ends": slot_ends, "slot_capacity": slot_capacity}
        try:
            slot_id = catalogue_edits.add_slot(sessions, site, channel_id, notices.parse_local(slot_starts),
                                               notices.parse_local(slot_ends), slot_capacity, **who_names(who))
        except catalogue_edits.EditError as exc:
            auth.audit(sessions, who, "catalogue_add_slot", target=f"{site}/{channel_id}", outcome="refused",
                       detail=str(exc))
            return entry_page(request, who, site, "service", service, errors=exc.errors, typed=typed,
                              channel=channel_id, status=422)
        auth.audit(sessions, who, "catalogue_add_slot", target=f"{site}/{slot_id}", detail=f"{slot_starts} – {slot_ends}")
        return entry_page(request, who, site, "service", service, notice="slot_added", channel=channel_id)

    @app.post("/catalogue/{site}/channel/{channel_id}/slots/{slot_id}/remove", response_class=HTMLResponse)
    def catalogue_remove_slot(request: Request, site: Annotated[str, PathParam(max_length=64)],
                              channel_id: Annotated[str, PathParam(max_length=64)],
                              slot_id: Annotated[str, PathParam(max_length=64)],
                              csrf: Annotated[str, Form(max_length=200)] = "") -> HTMLResponse:
        who = checked(request, "catalogue", csrf)
        known_site(site)
        service = service_of(site, channel_id)
        outcome = catalogue_edits.remove_slot(sessions, site, channel_id, slot_id, **who_names(who))
        auth.audit(sessions, who, "catalogue_remove_slot", target=f"{site}/{slot_id}",
                   outcome="ok" if outcome == "removed" else "refused", detail=outcome)
        return entry_page(request, who, site, "service", service, notice=f"slot_{outcome}", channel=channel_id,
                          status=200 if outcome == "removed" else 409)

    # -- announcements ------------------------------------------------------------------------
    def notice_choices() -> tuple[list[str], list[tuple[str, str]]]:
        """Every site, and every service in use at any site (id, name in the page's language)."""
        lang_services: dict[str, dict] = {}
        with sessions() as s:
            sites = list(s.scalars(select(Site.id).order_by(Site.id)))
            for eid, data in s.execute(select(CatalogueEntry.id, CatalogueEntry.data).where(
                    CatalogueEntry.kind == "service", CatalogueEntry.deleted.is_(False))):
                lang_services.setdefault(eid, (data or {}).get("names") or {})
        return sites, [(eid, names) for eid, names in sorted(lang_services.items())]

    def notice_page(request: Request, who: auth.StaffSession, *, notice: str = "") -> HTMLResponse:
        now = datetime.now(timezone.utc)
        rows = [{"id": a.id, "text": a.text(language(request)), "sites": sites, "priority": a.priority,
                 "starts": notices.local_text(a.starts), "ends": notices.local_text(a.ends),
                 "state": notices.state(a, withdrawn, now), "services": list(a.service_ids)}
                for a, sites, withdrawn in announcements.all_announcements(sessions)]
        order = {"showing": 0, "upcoming": 1, "ended": 2, "withdrawn": 3}
        rows.sort(key=lambda r: (order[r["state"]], r["priority"] != "urgent"))
        return render(request, "announcements.html", who, rows=rows, notice=notice)

    def notice_form(request: Request, who: auth.StaffSession, form: notices.NoticeForm, *, editing: str = "",
                    errors: dict[str, str] | None = None, status: int = 200, notice: str = "") -> HTMLResponse:
        sites, services = notice_choices()
        lang = language(request)
        return render(request, "announcement_form.html", who, status, form=form, editing=editing,
                      errors=errors or {}, notice=notice, sites=sites,
                      services=[(eid, names.get(lang) or names.get("fi") or eid) for eid, names in services],
                      text_languages=TEXT_LANGUAGES, text_max=TEXT_MAX, priorities=PRIORITIES)

    def submitted(text_fi: str, text_sv: str, text_en: str, text_ar: str, text_so: str, text_ru: str,
                  text_uk: str, text_et: str, site: list[str], service: list[str], starts: str, ends: str,
                  priority: str) -> notices.NoticeForm:
        return notices.NoticeForm(
            texts={"fi": text_fi, "sv": text_sv, "en": text_en, "ar": text_ar, "so": text_so, "ru": text_ru,
                   "uk": text_uk, "et": text_et},
            sites=[x for x in site if x], services=[x for x in service if x], starts=starts, ends=ends,
            priority=priority)

    def store_notice(request: Request, csrf: str, form: notices.NoticeForm, editing: str) -> HTMLResponse:
        """Create (``editing`` empty) or update; a refused form comes back as typed."""
        action = "announcement_update" if editing else "announcement_create"
        who = staff(request, "announcements")
        if not auth.csrf_ok(who, csrf):
            # Still signed in: give the typed words back, store nothing.
            auth.audit(sessions, who, "csrf_refused", target=request.url.path, outcome="refused")
            return notice_form(request, who, form, editing=editing, status=403, notice="csrf")
        sites, services = notice_choices()
        errors = notices.check(form, known_sites=set(sites), known_services={eid for eid, _ in services})
        if not errors:
            try:
                if editing:
                    announcements.update_announcement(sessions, editing, **notices.arguments(form))
                else:
                    created = announcements.create_announcement(sessions, **notices.arguments(form))
                    editing = created.id
            except AnnouncementError as exc:  # withdrawn meanwhile, or a rule the form does not know
                auth.audit(sessions, who, action, target=editing, outcome="refused", detail="; ".join(exc.problems))
                return notice_form(request, who, form, editing=editing, status=409, notice="not_stored")
        if errors:
            auth.audit(sessions, who, action, target=editing, outcome="refused",
                       detail=", ".join(f"{k}: {v}" for k, v in sorted(errors.items())))
            return notice_form(request, who, form, editing=editing, errors=errors, status=422)
        auth.audit(sessions, who, action, target=editing,
                   detail=json.dumps({**notices.arguments(form), "starts": form.starts, "ends": form.ends},
                                     ensure_ascii=False, sort_keys=True))
        return notice_page(request, who, notice="updated" if action == "announcement_update" else "created")

    def known_notice(announcement_id: str):
        for a, sites, withdrawn in announcements.all_announcements(sessions):
            if a.id == announcement_id:
                return a, sites, withdrawn
        raise StarletteHTTPException(404)

    @app.get("/announcements", response_class=HTMLResponse)
    def announcements_view(request: Request) -> HTMLResponse:
        who = staff(request, "announcements")
        auth.audit(sessions, who, "view_announcements")
        return notice_page(request, who)

    @app.get("/announcements/new", response_class=HTMLResponse)
    def announcement_new(request: Request) -> HTMLResponse:
        who = staff(request, "announcements")
        now = datetime.now(timezone.utc)
        start = now.astimezone(LOCAL_TZ).replace(second=0, microsecond=0)
        form = notices.NoticeForm(starts=start.strftime("%Y-%m-%dT%H:%M"),
                                  ends=start.replace(hour=23, minute=59).strftime("%Y-%m-%dT%H:%M"))
        if form.ends <= form.starts:  # written in the day's last minute
            form.ends = notices.local_input(now + timedelta(hours=1))
        return notice_form(request, who, form)

    @app.post("/announcements/new", response_class=HTMLResponse)
    def announcement_create(
            request: Request, csrf: Annotated[str, Form(max_length=200)] = "",
            text_fi: Annotated[str, Form(max_length=2000)] = "", text_sv: Annotated[str, Form(max_length=2000)] = "",
            text_en: Annotated[str, Form(max_length=2000)] = "", text_ar: Annotated[str, Form(max_length=2000)] = "",
            text_so: Annotated[str, Form(max_length=2000)] = "", text_ru: Annotated[str, Form(max_length=2000)] = "",
            text_uk: Annotated[str, Form(max_length=2000)] = "", text_et: Annotated[str, Form(max_length=2000)] = "",
            site: Annotated[list[str], Form(max_length=200)] = [],  # noqa: B006 (FastAPI copies it)
            service: Annotated[list[str], Form(max_length=200)] = [],  # noqa: B006
            starts: Annotated[str, Form(max_length=40)] = "", ends: Annotated[str, Form(max_length=40)] = "",
            priority: Annotated[str, Form(max_length=20)] = "info") -> HTMLResponse:
        form = submitted(text_fi, text_sv, text_en, text_ar, text_so, text_ru, text_uk, text_et, site, service,
                         starts, ends, priority)
        return store_notice(request, csrf, form, "")

    @app.get("/announcements/{announcement_id}", response_class=HTMLResponse)
    def announcement_edit(request: Request, announcement_id: Annotated[str, PathParam(max_length=64)]) -> HTMLResponse:
        who = staff(request, "announcements")
        a, sites, withdrawn = known_notice(announcement_id)
        return notice_form(request, who, notices.NoticeForm.of(a, sites), editing=a.id,
                           notice="withdrawn" if withdrawn else "")

    @app.post("/announcements/{announcement_id}", response_class=HTMLResponse)
    def announcement_update(
            request: Request, announcement_id: Annotated[str, PathParam(max_length=64)],
            csrf: Annotated[str, Form(max_length=200)] = "",
            text_fi: Annotated[str, Form(max_length=2000)] = "", text_sv: Annotated[str, Form(max_length=2000)] = "",
            text_en: Annotated[str, Form(max_length=2000)] = "", text_ar: Annotated[str, Form(max_length=2000)] = "",
            text_so: Annotated[str, Form(max_length=2000)] = "", text_ru: Annotated[str, Form(max_length=2000)] = "",
            text_uk: Annotated[str, Form(max_length=2000)] = "", text_et: Annotated[str, Form(max_length=2000)] = "",
            site: Annotated[list[str], Form(max_length=200)] = [],  # noqa: B006
            service: Annotated[list[str], Form(max_length=200)] = [],  # noqa: B006
            starts: Annotated[str, Form(max_length=40)] = "", ends: Annotated[str, Form(max_length=40)] = "",
            priority: Annotated[str, Form(max_length=20)] = "info") -> HTMLResponse:
        staff(request, "announcements")
        known_notice(announcement_id)
        form = submitted(text_fi, text_sv, text_en, text_ar, text_so, text_ru, text_uk, text_et, site, service,
                         starts, ends, priority)
        return store_notice(request, csrf, form, announcement_id)

    @app.post("/announcements/{announcement_id}/withdraw", response_class=HTMLResponse)
    def announcement_withdraw(request: Request, announcement_id: Annotated[str, PathParam(max_length=64)],
                              csrf: Annotated[str, Form(max_length=200)] = "") -> HTMLResponse:
        who = checked(request, "announcements", csrf)
        known_notice(announcement_id)
        announcements.withdraw_announcement(sessions, announcement_id)
        auth.audit(sessions, who, "announcement_withdraw", target=announcement_id)
        return notice_page(request, who, notice="withdrawn")

    # -- participation ------------------------------------------------------------------------
    def participation_page(request: Request, who: auth.StaffSession, *, notice: str = "", problem: str = "",
                           status: int = 200) -> HTMLResponse:
        now = datetime.now(timezone.utc)
        lang = language(request)
        rows = []
        for q, finalised_at, counts in participation.questions(sessions):
            grace_over = now >= q.closes + timedelta(hours=q.late_grace_h)
            state = "finalised" if finalised_at else q.state(now)
            rows.append({"id": q.id, "type": q.type, "title": q.title.get(lang) or q.title.get("fi") or q.id,
                         "opens": notices.local_text(q.opens), "closes": notices.local_text(q.closes),
                         "state": state, "may_finalise": state == "closed" and grace_over,
                         "grace_ends": notices.local_text(q.closes + timedelta(hours=q.late_grace_h)),
                         "proposed": counts.get(participation.PROPOSED, 0), "ideas": sum(counts.values())})
        return render(request, "participation.html", who, status, rows=rows, notice=notice, problem=problem)

    def ideas_page(request: Request, who: auth.StaffSession, qid: str, *, notice: str = "",
                   errors: dict[str, str] | None = None, typed: dict[str, str] | None = None,
                   status: int = 200) -> HTMLResponse:
        found = [q for q, _, _ in participation.questions(sessions) if q.id == qid]
        if not found:
            raise StarletteHTTPException(404)
        q, lang = found[0], language(request)
        order = {participation.PROPOSED: 0, participation.APPROVED: 1, participation.MERGED: 2,
                 participation.REJECTED: 3}
        rows = sorted(participation.ideas(sessions, qid), key=lambda i: (order.get(i.status, 9), i.created_at))
        categories = {c.id: c.label.get(lang) or c.label.get("fi") or c.id for c in q.categories}
        return render(request, "participation_ideas.html", who, status, q=q,
                      title=q.title.get(lang) or q.title.get("fi") or q.id, ideas=rows, categories=categories,
                      district=lambda d: q.district_name(d, lang) or d, notice=notice, errors=errors or {},
                      typed=typed or {})

    @app.get("/participation", response_class=HTMLResponse)
    def participation_view(request: Request) -> HTMLResponse:
        who = staff(request, "participation")
        auth.audit(sessions, who, "view_participation")
        return participation_page(request, who)

    @app.post("/participation/{question_id}/{action}", response_class=HTMLResponse)
    def participation_window(request: Request, question_id: Annotated[str, PathParam(max_length=64)],
                             action: Literal["open", "close", "finalise"],
                             csrf: Annotated[str, Form(max_length=200)] = "") -> HTMLResponse:
        who = checked(request, "participation", csrf)
        now = datetime.now(timezone.utc)
        try:
            if action == "open":
                participation.set_window(sessions, question_id, opens=now)
            elif action == "close":
                participation.set_window(sessions, question_id, closes=now)
            else:
                participation.finalise(sessions, question_id)
        except ParticipationError as exc:
            auth.audit(sessions, who, f"question_{action}", target=question_id, outcome="refused",
                       detail=f"{exc.code}: {exc.detail}")
            code = exc.code if exc.code in ("question_unknown", "question_not_closed") else "invalid_question"
            return participation_page(request, who, problem=code, status=409)
        auth.audit(sessions, who, f"question_{action}", target=question_id)
        return participation_page(request, who, notice=action)

    @app.get("/participation/{question_id}", response_class=HTMLResponse)
    def participation_ideas(request: Request, question_id: Annotated[str, PathParam(max_length=64)]) -> HTMLResponse:
        who = staff(request, "participation")
        auth.audit(sessions, who, "view_ideas", target=question_id)
        return ideas_page(request, who, question_id)

    @app.post("/participation/ideas/{idea_id}/{action}", response_class=HTMLResponse)
    def moderate_idea(request: Request, idea_id: Annotated[str, PathParam(max_length=36)],
                      action: Literal["approve", "reject"], csrf: Annotated[str, Form(max_length=200)] = "",
                      reason: Annotated[str, Form(max_length=2000)] = "") -> HTMLResponse:
        who = checked(request, "participation", csrf)
        with sessions() as s:
            idea = s.get(participation.ParticipationIdea, idea_id)
            qid = idea.question_id if idea is not None else None
        if qid is None:
            raise StarletteHTTPException(404)
        if action == "reject" and not reason.strip():
            auth.audit(sessions, who, "idea_reject", target=idea_id, outcome="refused", detail="no reason")
            return ideas_page(request, who, qid, errors={idea_id: "idea_err_reason"}, status=422)
        if len(reason.strip()) > 500:
            auth.audit(sessions, who, f"idea_{action}", target=idea_id, outcome="refused", detail="reason too long")
            return ideas_page(request, who, qid, errors={idea_id: "idea_err_reason_long"},
                              typed={idea_id: reason}, status=422)
        participation.moderate(sessions, idea_id, action, reason=reason)
        auth.audit(sessions, who, f"idea_{action}", target=idea_id, detail=reason.strip()[:500])
        return ideas_page(request, who, qid, notice=action)

    # -- audit ----------------------------------------------------------------------------------
    @app.get("/audit", response_class=HTMLResponse)
    def audit_page(request: Request) -> HTMLResponse:
        who = staff(request, "audit")
        auth.audit(sessions, who, "view_audit")
        return render(request, "audit.html", who, events=auth.audit_events(sessions))

    @app.get("/audit/export.{fmt}")
    def audit_export(request: Request, fmt: Literal["csv", "json"]) -> Response:
        who = staff(request, "audit")
        auth.audit(sessions, who, "export", target=f"audit.{fmt}")
        return _export(auth.audit_events(sessions, limit=100_000), "console-audit", fmt, {})

    # -- the language switch ------------------------------------------------------------------
    @app.get("/language")
    def switch_language(request: Request, lang: Literal["fi", "sv", "en"] = "fi", next: str = "/console/") -> Response:
        target = next if _SAFE_NEXT.match(next) and ".." not in next else "/console/"
        resp = RedirectResponse(target, status_code=303, headers=_SECURITY_HEADERS)
        resp.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, path=COOKIE_PATH, secure=True, httponly=True,
                        samesite="lax")
        return resp

    return app


def _ago(then: datetime | None, now: datetime) -> int | None:
    """Whole minutes since ``then``."""
    return None if then is None else max(0, int((now - then).total_seconds() // 60))


def _device_json(r: fleet.DeviceRow) -> dict:
    return {"device_id": r.id, "site": r.site, "name": r.name, "revoked": r.revoked,
            "last_heartbeat": r.last_seen_at.isoformat(timespec="seconds") if r.last_seen_at else None,
            "app_version": r.app_version, "outbox_depth": r.outbox_depth, "quarantined": r.quarantined,
            "oldest_pending_age_s": r.oldest_pending_age_s, "last_error": r.last_error,
            "update_state": r.update_state, "group": r.group, "stale": r.stale, "stuck": r.stuck}


_PTV_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _catalogue_row(r: CatalogueEntry, lang: str, providers: dict[str, str]) -> dict:
    """One provider or service as the catalogue page lists it. PTV items keep PTV's ids
    (UUIDs, docs/ptv-import.md); the local additions shown are the ones the backend keeps
    in the entry (voucher acceptance, queue lines, accessibility notes)."""
    data = r.data or {}
    names = data.get("names") or {}
    channels = [c for c in data.get("channels") or [] if isinstance(c, dict)]
    local = []
    if data.get("accepts_vouchers"):
        local.append(text(lang, "local_vouchers"))
    walk_ins = sum(1 for c in channels if c.get("kind") == "walk_in")
    if walk_ins:
        local.append(text(lang, "local_queue_lines", n=walk_ins))
    if any(c.get("accessibility") for c in channels):
        local.append(text(lang, "local_accessibility"))
    if r.kind == "service":
        who = providers.get(data.get("responsible_provider", ""), data.get("responsible_provider", ""))
    else:
        sector = data.get("sector", "")
        who = text(lang, f"sector_{sector}") if sector in ("public", "private", "third_sector") else sector
    return {"kind": r.kind, "id": r.id, "name": names.get(lang) or names.get("fi") or r.id, "seq": r.seq,
            "deleted": r.deleted, "ptv": bool(_PTV_ID.match(r.id)), "local": local, "provider": who,
            "channels": len(channels)}


def _filter_options(found: dict, lang: str) -> dict[str, list[tuple[str, str]]]:
    services, providers, channels = {}, {}, {}
    for kind, eid, data in found["entries"]:
        data = data or {}
        names = data.get("names") or {}
        label = names.get(lang) or names.get("fi") or eid
        if kind == "service":
            services[eid] = label
            for ch in data.get("channels") or []:
                if isinstance(ch, dict) and isinstance(ch.get("id"), str):
                    channels[ch["id"]] = f"{label}: {ch['id']}"
        else:
            providers[eid] = label
    srt = lambda d: sorted(d.items(), key=lambda kv: kv[1].casefold())  # noqa: E731
    return {"site": found["sites"], "service": srt(services), "provider": srt(providers), "channel": srt(channels),
            "sector": [("public", text(lang, "sector_public")), ("private", text(lang, "sector_private")),
                       ("third_sector", text(lang, "sector_third_sector"))]}


def _export(rows: list[dict], stem: str, fmt: str, meta: dict) -> Response:
    disposition = {"Content-Disposition": f'attachment; filename="{stem}.{fmt}"', "Cache-Control": "no-store",
                   "X-Content-Type-Options": "nosniff"}
    if fmt == "json":
        return JSONResponse({**meta, "rows": rows}, headers=disposition)
    out = io.StringIO()
    columns = list(dict.fromkeys(k for r in rows for k in r))
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        # A cell that a spreadsheet would run as a formula starts with a quote instead.
        writer.writerow({k: ("'" + v if isinstance(v, str) and v[:1] in "=+-@\t\r" else v) for k, v in r.items()})
    return Response(out.getvalue().encode("utf-8-sig"), media_type="text/csv; charset=utf-8", headers=disposition)
