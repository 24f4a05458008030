"""Participation: polls, participatory budgeting and idea collection (issue 14).

The rules that the kiosk and the city backend both apply live here, once: what a
question looks like, when it is open, who may take part, which choices are valid, and
the reason codes for a vote that does not count. ``sync/server/participation.py``
applies the same functions before it stores a ballot; the kiosk applies them first so
the resident is told *before* choosing, in plain words, and not by a rejection later.

The kiosk's side (``ParticipationDesk``) reads the questions that came with the
catalogue pull (kinds ``question`` and ``idea`` in the catalogue mirror) and records
votes, ideas and supports into the outbox. Votes carry the person's subject only until
the backend acknowledges them: the subject, the choices and the claims are all personal
fields, purged after delivery (kiosk/outbox.py), so a stolen kiosk holds no record of
who chose what once it has synced. See docs/participation.md for the threat model.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any, Callable, Iterable, Mapping

from kiosk.catalogue.hours import LOCAL_TZ
# The outbox item kinds live below both this module and kiosk/outbox.py (no import circle).
from kiosk.participation_items import (FINAL_REASONS, ITEM_KIND_SPECS, KINDS, TEXT_MAX, TITLE_MAX,  # noqa: F401
                                       WHY_MAX)
from kiosk.participation_items import ID_RE as _ID

POLL, BUDGET, IDEAS = "poll", "budget", "ideas"
QUESTION_TYPES = (POLL, BUDGET, IDEAS)
REPLACE, FIRST = "replace", "first"  # a later vote replaces the earlier one / the first one stands
RULES = (REPLACE, FIRST)
NOT_OPEN, OPEN, CLOSED = "not_open", "open", "closed"
LANGUAGES = ("fi", "sv", "en")
CHANNELS_OTHER = ("paper", "web", "mail", "other")  # counted batches the city adds by hand
# How long after closing a vote cast offline before the close may still arrive and count.
DEFAULT_LATE_GRACE_H = 72

# Why a vote, idea or support did not count. Machine codes for the outbox answer; the
# kiosk shows the resident a translation ("participation.reason.<code>").
REASONS = {
    "question_unknown": "the question is not known for this site",
    "question_not_open": "the question is not open yet",
    "question_closed": "the question has closed",
    "option_unknown": "a choice is not an option or project of the question",
    "wrong_number_of_choices": "a single-choice poll takes exactly one choice; every vote takes at least one",
    "over_budget": "the projects picked cost more than the budget",
    "already_voted": "this person has already voted and the first vote stands",
    "not_eligible": "this person may not take part in the question",
    "idea_unknown": "the idea is not known or not approved",
    "already_supported": "this person already supports the idea",
    "wrong_question_type": "the item does not fit the type of the question",
}

_MUNICIPALITY = re.compile(r"^[0-9]{3}$")  # Statistics Finland municipality code, e.g. 091 Helsinki
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


class ParticipationError(ValueError):
    """A vote, idea or support that cannot count; ``code`` is one of REASONS."""

    def __init__(self, code: str, detail: str = ""):
        self.code, self.detail = code, detail
        super().__init__(f"{code}: {detail}" if detail else code)


# -- the question --------------------------------------------------------------------
@dataclass(frozen=True)
class Option:
    id: str
    label: dict[str, str]
    description: dict[str, str] = field(default_factory=dict)
    cost: int = 0                 # budgeting projects only, in whole euros
    pictogram: str = ""           # a pictogram id the kiosk draws (ui/screens/participation_widgets.py)
    district: str = ""


@dataclass(frozen=True)
class Eligibility:
    min_age: int | None = None
    municipality: str | None = None          # the resident's home municipality code
    districts: tuple[str, ...] = ()          # the resident's district, one of these

    @property
    def anyone(self) -> bool:
        return self.min_age is None and self.municipality is None and not self.districts


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    title: dict[str, str]
    asker: dict[str, str]            # who asks
    why: dict[str, str]              # why they ask
    result_use: dict[str, str]       # what happens with the result
    opens: datetime
    closes: datetime
    rule: str = REPLACE
    multiple: bool = False           # polls: tick every option you accept (approval)
    why_text: bool = False           # polls: an optional "why" text with the vote
    options: tuple[Option, ...] = ()  # poll options, or budgeting projects
    budget: int = 0                  # budgeting: the total
    categories: tuple[Option, ...] = ()  # ideas
    districts: tuple[str, ...] = ()  # ideas: districts an idea may name
    eligibility: Eligibility = Eligibility()
    late_grace_h: int = DEFAULT_LATE_GRACE_H
    results: dict | None = None      # published once the city finalises a closed question
    # What each district is called in each language ("kontula" -> Kontula / Gårdsbacka):
    # the screens show names, never the ids.
    district_names: dict[str, dict[str, str]] = field(default_factory=dict)

    def districts_used(self) -> set[str]:
        return ({o.district for o in self.options if o.district} | set(self.districts)
                | set(self.eligibility.districts))

    def district_name(self, district: str, lang: str) -> str:
        """The district's name in ``lang`` (then fi); empty when the city gave none, so a
        screen leaves it out rather than show an id."""
        names = self.district_names.get(district) or {}
        return names.get(lang) or names.get("fi") or ""

    def state(self, at: datetime) -> str:
        if at < self.opens:
            return NOT_OPEN
        return OPEN if at < self.closes else CLOSED

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


def _texts(d: Any, where: str, problems: list[str], *, required: bool = True) -> dict[str, str]:
    if d is None and not required:
        return {}
    if not isinstance(d, dict):
        problems.append(f"{where}: expected texts in fi, sv and en")
        return {}
    for lang in LANGUAGES:
        if not isinstance(d.get(lang), str) or not d[lang].strip():
            problems.append(f"{where}.{lang}: missing")
    return {k: v for k, v in d.items() if isinstance(k, str) and isinstance(v, str)}


def _time(v: Any, where: str, problems: list[str]) -> datetime | None:
    try:
        t = datetime.fromisoformat(v) if isinstance(v, str) else None
    except ValueError:
        t = None
    if t is None or t.tzinfo is None:
        problems.append(f"{where}: expected a time with a UTC offset, like 2026-12-01T08:00:00+02:00")
        return None
    return t.astimezone(timezone.utc)


def _options(raw: Any, where: str, problems: list[str], *, projects: bool = False) -> tuple[Option, ...]:
    if not isinstance(raw, list) or not raw:
        problems.append(f"{where}: expected a list with at least one entry")
        return ()
    out, seen = [], set()
    for i, o in enumerate(raw):
        w = f"{where}[{i}]"
        if not isinstance(o, dict):
            problems.append(f"{w}: expected an object")
            continue
        oid = o.get("id")
        if not isinstance(oid, str) or not _ID.match(oid):
            problems.append(f"{w}.id: expected a short lowercase id like 'park-benches'")
            continue
        if oid in seen:
            problems.append(f"{w}.id: {oid!r} appears twice")
        seen.add(oid)
        cost = o.get("cost", 0)
        if projects and (isinstance(cost, bool) or not isinstance(cost, int) or cost <= 0):
            problems.append(f"{w}.cost: expected whole euros above 0")
            cost = 0
        out.append(Option(oid, _texts(o.get("label"), f"{w}.label", problems),
                          _texts(o.get("description"), f"{w}.description", problems, required=projects),
                          cost if projects else 0, str(o.get("pictogram") or ""), str(o.get("district") or "")))
    return tuple(out)


def parse_question(d: Any) -> Question:
    """A question from its authoring form (docs/participation.md); ParticipationError
    with every problem named otherwise."""
    problems = question_problems(d)
    if problems:
        raise ParticipationError("invalid_question", "; ".join(problems))
    return _parse(d, [])


def question_problems(d: Any) -> list[str]:
    problems: list[str] = []
    if not isinstance(d, dict):
        return ["question: expected an object"]
    _parse(d, problems)
    return problems


def _parse(d: dict, problems: list[str]) -> Question:
    qid = d.get("id")
    if not isinstance(qid, str) or not _ID.match(qid):
        problems.append("id: expected a short lowercase id like 'kontula-park-2027'")
        qid = str(qid)
    where = f"question {qid}"
    qtype = d.get("type")
    if qtype not in QUESTION_TYPES:
        problems.append(f"{where}.type: expected one of {', '.join(QUESTION_TYPES)}")
    rule = d.get("rule", REPLACE)
    if rule not in RULES:
        problems.append(f"{where}.rule: expected one of {', '.join(RULES)}")
    opens, closes = _time(d.get("opens"), f"{where}.opens", problems), _time(d.get("closes"), f"{where}.closes", problems)
    if opens and closes and closes <= opens:
        problems.append(f"{where}.closes: must be after opens")
    options: tuple[Option, ...] = ()
    categories: tuple[Option, ...] = ()
    budget = d.get("budget", 0)
    if qtype == POLL:
        options = _options(d.get("options"), f"{where}.options", problems)
    elif qtype == BUDGET:
        options = _options(d.get("projects"), f"{where}.projects", problems, projects=True)
        if isinstance(budget, bool) or not isinstance(budget, int) or budget <= 0:
            problems.append(f"{where}.budget: expected whole euros above 0")
            budget = 0
        elif options and min(o.cost for o in options) > budget:
            problems.append(f"{where}.projects: every project costs more than the budget")
    elif qtype == IDEAS:
        categories = _options(d.get("categories"), f"{where}.categories", problems)
    el = d.get("eligibility") or {}
    if not isinstance(el, dict):
        problems.append(f"{where}.eligibility: expected an object")
        el = {}
    min_age = el.get("min_age")
    if min_age is not None and (isinstance(min_age, bool) or not isinstance(min_age, int) or not 0 <= min_age <= 120):
        problems.append(f"{where}.eligibility.min_age: expected whole years from 0 to 120")
        min_age = None
    municipality = el.get("municipality")
    if municipality is not None and not (isinstance(municipality, str) and _MUNICIPALITY.match(municipality)):
        problems.append(f"{where}.eligibility.municipality: expected a three-digit code like '091'")
        municipality = None
    el_districts = el.get("districts") or []
    if not isinstance(el_districts, list) or not all(isinstance(x, str) and x for x in el_districts):
        problems.append(f"{where}.eligibility.districts: expected a list of district names")
        el_districts = []
    grace = d.get("late_grace_h", DEFAULT_LATE_GRACE_H)
    if isinstance(grace, bool) or not isinstance(grace, int) or not 0 <= grace <= 24 * 30:
        problems.append(f"{where}.late_grace_h: expected whole hours from 0 to 720")
        grace = DEFAULT_LATE_GRACE_H
    districts = d.get("districts") or []
    if not isinstance(districts, list) or not all(isinstance(x, str) for x in districts):
        problems.append(f"{where}.districts: expected a list of district names")
        districts = []
    for key in ("multiple", "why_text"):
        if not isinstance(d.get(key, False), bool):
            problems.append(f"{where}.{key}: expected true or false")
    raw_names = d.get("district_names") or {}
    district_names: dict[str, dict[str, str]] = {}
    if not isinstance(raw_names, dict):
        problems.append(f"{where}.district_names: expected {{district: {{fi, sv, en}}}}")
    else:
        for did, names in raw_names.items():
            district_names[str(did)] = _texts(names, f"{where}.district_names.{did}", problems)
    return Question(
        id=qid, type=qtype, title=_texts(d.get("title"), f"{where}.title", problems),
        asker=_texts(d.get("asker"), f"{where}.asker", problems), why=_texts(d.get("why"), f"{where}.why", problems),
        result_use=_texts(d.get("result_use"), f"{where}.result_use", problems),
        opens=opens or datetime.min.replace(tzinfo=timezone.utc), closes=closes or datetime.max.replace(tzinfo=timezone.utc),
        rule=rule, multiple=bool(d.get("multiple", False)), why_text=bool(d.get("why_text", False)),
        options=options, budget=budget if qtype == BUDGET else 0, categories=categories,
        districts=tuple(districts), eligibility=Eligibility(min_age, municipality, tuple(el_districts)),
        late_grace_h=grace, results=d.get("results") if isinstance(d.get("results"), dict) else None,
        district_names=district_names)


def with_district_names(d: dict, names: Mapping[str, Any]) -> tuple[dict, list[str]]:
    """The question with the names of the districts it uses (from the authoring file's
    ``districts`` table), and a problem for each district that has no name."""
    q = _parse(d, [])
    own = d.get("district_names") if isinstance(d.get("district_names"), dict) else {}
    used = sorted(q.districts_used())
    merged = {k: (own.get(k) or names.get(k)) for k in used if own.get(k) or names.get(k)}
    problems = [f"question {q.id}: district {k!r} has no name: add it under [districts.{k}] with fi, sv and en"
                for k in used if k not in merged]
    out = dict(d)
    if merged:
        out["district_names"] = merged
    return out, problems


# -- rules both ends apply ------------------------------------------------------------
def age_on(birthdate: str, day: date) -> int | None:
    try:
        born = date.fromisoformat(birthdate)
    except (TypeError, ValueError):
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def eligibility_problem(q: Question, claims: Mapping[str, Any], at: datetime) -> ParticipationError | None:
    """Why this person may not take part, from what their key told about them; None if they may.

    A rule the key cannot answer (a card that tells no age) is not guessed in the
    person's favour: they are told which kind of key can answer it.
    """
    el = q.eligibility
    if el.min_age is not None:
        age = age_on(claims.get("birthdate") or "", at.astimezone(LOCAL_TZ).date())
        if age is None:
            return ParticipationError("not_eligible", "age_unknown")
        if age < el.min_age:
            return ParticipationError("not_eligible", "too_young")
    if el.municipality is not None:
        if not claims.get("municipality"):
            return ParticipationError("not_eligible", "municipality_unknown")
        if claims["municipality"] != el.municipality:
            return ParticipationError("not_eligible", "other_municipality")
    if el.districts:
        if not claims.get("resident_district"):
            return ParticipationError("not_eligible", "district_unknown")
        if claims["resident_district"] not in el.districts:
            return ParticipationError("not_eligible", "other_district")
    return None


def schedule_problem(q: Question, cast_at: datetime, received_at: datetime | None = None) -> ParticipationError | None:
    """A vote counts if it was cast while the question was open and, when it was cast
    offline, arrives within the question's grace time after closing."""
    state = q.state(cast_at)
    if state == NOT_OPEN:
        return ParticipationError("question_not_open", f"opens {q.opens.isoformat()}")
    if state == CLOSED:
        return ParticipationError("question_closed", f"closed {q.closes.isoformat()}")
    if received_at is not None and received_at >= q.closes + timedelta(hours=q.late_grace_h):
        return ParticipationError("question_closed", "arrived after the time allowed for offline votes")
    return None


def choice_problem(q: Question, choices: list[str]) -> ParticipationError | None:
    if q.type not in (POLL, BUDGET):
        return ParticipationError("wrong_question_type", f"{q.id} collects ideas, not votes")
    if not choices or len(set(choices)) != len(choices):
        return ParticipationError("wrong_number_of_choices", "at least one choice, each once")
    if q.type == POLL and not q.multiple and len(choices) != 1:
        return ParticipationError("wrong_number_of_choices", "this poll takes exactly one choice")
    unknown = [c for c in choices if q.option(c) is None]
    if unknown:
        return ParticipationError("option_unknown", ", ".join(unknown)[:200])
    if q.type == BUDGET and (total := sum(q.option(c).cost for c in choices)) > q.budget:
        return ParticipationError("over_budget", f"{total} > {q.budget}")
    return None


def budget_left(q: Question, picks: Iterable[str]) -> int:
    return q.budget - sum(o.cost for c in picks if (o := q.option(c)) is not None)


def clean_text(text: str | None, limit: int) -> str | None:
    """Plain text only, as kiosk.feedback.clean_comment: control and bidi characters
    removed, white space folded, length capped."""
    if text is None:
        return None
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\t", " "))
    text = "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
    return text[:limit] or None


CLAIM_FIELDS = ("birthdate", "municipality", "resident_district")


def claim_problems(claims: Mapping[str, Any]) -> list[str]:
    """What staff set on a resident card at issue (or a provider said) must be of the
    form the eligibility rules read; a wrong one is refused, not guessed around."""
    problems = []
    for k, v in claims.items():
        if k not in CLAIM_FIELDS:
            problems.append(f"{k}: not a claim the rules use ({', '.join(CLAIM_FIELDS)})")
        elif not isinstance(v, str) or not v:
            problems.append(f"{k}: expected text")
        elif k == "birthdate":
            try:
                born = date.fromisoformat(v)
            except ValueError:
                problems.append("birthdate: expected a date like 1990-04-01")
                continue
            if born > date.today() or born.year < 1890:
                problems.append("birthdate: not a plausible birth date")
        elif k == "municipality" and not _MUNICIPALITY.match(v):
            problems.append("municipality: expected a three-digit code like '091'")
        elif k == "resident_district" and not _ID.match(v):
            problems.append("resident_district: expected a district id like 'kontula'")
    return problems


def claims_of(identity: Any) -> dict[str, str]:
    """What the key said about the person that eligibility rules may use."""
    claims = getattr(identity, "claims", None) or {}
    return {k: str(claims[k]) for k in CLAIM_FIELDS if claims.get(k)}


VOTE_AUTHORISED = "vote_authorised_in_person"  # the staff audit event


# -- in-person authorisation -----------------------------------------------------------
# A person without an electronic key votes with a nurse or admin who checked their
# identity from an identity document. The one-vote rule needs the same subject however a
# person identifies, and such a person has no provider ``sub``: the subject is made from
# the Finnish personal identity code the staff member read, "fi-pic:<code>". The kiosk
# sends it only over the authenticated channel and purges it after acknowledgement, like
# every subject; the backend keeps only its HMAC with the question's secret. The staff
# audit records who authorised a vote for which question, never the code or the name.
# Where the city's provider releases the personal identity code for the phone key
# (``personal_identity_code`` claim), the phone key votes under the same subject, so the
# person cannot vote once in person and again by phone (docs/participation.md).
_PIC = re.compile(r"^(\d{2})(\d{2})(\d{2})([-+ABCDEFYXWVU])(\d{3})([0-9A-Y])$")
_PIC_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_CENTURY = {"+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900,
            "A": 2000, "B": 2000, "C": 2000, "D": 2000, "E": 2000, "F": 2000}
IN_PERSON_PREFIX = "fi-pic:"


def personal_identity_code(text: str) -> tuple[str, date] | None:
    """The code in its one spelling and the birth date it holds, or None if it is not a
    valid Finnish personal identity code (format and check character)."""
    code = (text or "").strip().upper()
    m = _PIC.match(code)
    if not m:
        return None
    dd, mm, yy, sign, serial, check = m.groups()
    if _PIC_CHECK[int(dd + mm + yy + serial) % 31] != check:
        return None
    try:
        born = date(_CENTURY[sign] + int(yy), int(mm), int(dd))
    except ValueError:
        return None
    return code, born


@dataclass(frozen=True)
class InPersonVoter:
    """The person a staff member authorised: a subject for the one-vote rule and the one
    claim the identity code gives (the birth date); municipality and district are not
    known this way, so a question that asks for them refuses rather than guesses."""

    subject: str
    claims: Mapping[str, str]
    authorised_by: str

    def __repr__(self) -> str:  # logs must not carry the code
        return "InPersonVoter(...)"


def authorise_in_person(staff: Any, code_text: str) -> InPersonVoter:
    """A nurse or admin (a staff session) vouches for a person whose identity they checked."""
    if staff is None or not getattr(staff, "is_staff", False):
        raise ParticipationError("not_staff", "only a nurse or admin signed in at the kiosk can authorise")
    parsed = personal_identity_code(code_text)
    if parsed is None:
        raise ParticipationError("bad_identity_code", "not a valid personal identity code")
    code, born = parsed
    return InPersonVoter(IN_PERSON_PREFIX + code, {"birthdate": born.isoformat()}, staff.subject)


def voter_subject(identity: Any) -> str:
    """The subject the one-vote rule counts: the personal identity code's where the key
    gives it (in person, or a provider that releases it), the key's subject otherwise."""
    claims = getattr(identity, "claims", None) or {}
    parsed = personal_identity_code(str(claims.get("personal_identity_code") or ""))
    if parsed is not None:
        return IN_PERSON_PREFIX + parsed[0]
    return identity.subject


# -- the kiosk's side ------------------------------------------------------------------
@dataclass(frozen=True)
class Idea:
    id: str
    question_id: str
    title: str
    text: str
    category: str
    district: str
    supports: int


@dataclass(frozen=True)
class Receipt:
    item_id: str
    question_id: str
    kind: str         # vote / idea / idea_support
    rule: str         # the question's rule, told again on the receipt


class ParticipationDesk:
    """Questions for this kiosk and the residents' votes, ideas and supports.

    Questions and approved ideas come with the catalogue pull; what residents do goes
    into the outbox in one transaction each. Every check the backend will make is made
    here first, so a refusal is explained before anything is recorded.
    """

    def __init__(self, db, *, now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self._db = db
        self._now = now
        self._lock = threading.Lock()

    def now(self) -> datetime:
        return self._now()

    # reading
    def questions(self) -> list[Question]:
        from sqlalchemy import select

        from kiosk.storage.models import CatalogueEntryRecord

        with self._db.sessions() as s:
            rows = list(s.scalars(select(CatalogueEntryRecord.data).where(CatalogueEntryRecord.kind == "question")))
        out = []
        for d in rows:
            if not question_problems(d):  # the pull checked them; an old row of another shape is skipped
                out.append(_parse(d, []))
        return sorted(out, key=lambda q: (q.closes, q.id))

    def open_questions(self) -> list[Question]:
        now = self._now()
        return [q for q in self.questions() if q.state(now) == OPEN]

    def closed_questions(self) -> list[Question]:
        now = self._now()
        return [q for q in self.questions() if q.state(now) == CLOSED]

    def question(self, question_id: str) -> Question:
        q = next((q for q in self.questions() if q.id == question_id), None)
        if q is None:
            raise ParticipationError("question_unknown", question_id)
        return q

    def ideas(self, question_id: str) -> list[Idea]:
        from sqlalchemy import select

        from kiosk.storage.models import CatalogueEntryRecord

        with self._db.sessions() as s:
            rows = list(s.scalars(select(CatalogueEntryRecord.data).where(CatalogueEntryRecord.kind == "idea")))
        return sorted((Idea(d["id"], d["question_id"], d["title"], d["text"], d.get("category", ""),
                            d.get("district", ""), int(d.get("supports", 0)))
                       for d in rows if d.get("question_id") == question_id), key=lambda i: (-i.supports, i.title))

    def may_take_part(self, question: Question, identity: Any) -> ParticipationError | None:
        problem = schedule_problem(question, self._now())
        return problem or eligibility_problem(question, claims_of(identity), self._now())

    # acting
    def cast_vote(self, identity: Any, question_id: str, choices: list[str], why: str | None = None, *,
                  authorised_by: str | None = None) -> Receipt:
        q = self.question(question_id)
        problem = self.may_take_part(q, identity) or choice_problem(q, list(choices))
        if problem:
            raise problem
        payload: dict[str, Any] = {"question_id": q.id, "choices": list(choices),
                                   "subject": voter_subject(identity), **claims_of(identity)}
        why = clean_text(why, WHY_MAX) if q.why_text else None
        if why:
            payload["why"] = why
        authorised_by = authorised_by or getattr(identity, "authorised_by", None)
        if authorised_by:
            payload["authorised_by"] = authorised_by
        return self._record("vote", payload, q, staff_event=authorised_by)

    def propose_idea(self, identity: Any, question_id: str, *, title: str, text: str, category: str,
                     district: str | None = None, language: str = "fi") -> Receipt:
        q = self.question(question_id)
        if q.type != IDEAS:
            raise ParticipationError("wrong_question_type", f"{q.id} does not collect ideas")
        problem = self.may_take_part(q, identity)
        if problem:
            raise problem
        title_c, text_c = clean_text(title, TITLE_MAX), clean_text(text, TEXT_MAX)
        if not title_c or not text_c:
            raise ParticipationError("idea_incomplete", "an idea needs a title and a text")
        if category not in {c.id for c in q.categories}:
            raise ParticipationError("option_unknown", category)
        if district and q.districts and district not in q.districts:
            raise ParticipationError("option_unknown", district)
        payload = {"question_id": q.id, "title": title_c, "text": text_c, "category": category,
                   "language": language, **claims_of(identity)}
        if district:
            payload["district"] = district
        return self._record("idea", payload, q)

    def support_idea(self, identity: Any, idea_id: str) -> Receipt:
        from sqlalchemy import select

        from kiosk.storage.models import CatalogueEntryRecord

        with self._db.sessions() as s:
            d = s.scalar(select(CatalogueEntryRecord.data).where(CatalogueEntryRecord.kind == "idea",
                                                                   CatalogueEntryRecord.id == idea_id))
        if d is None:
            raise ParticipationError("idea_unknown", idea_id)
        q = self.question(d["question_id"])
        problem = self.may_take_part(q, identity)
        if problem:
            raise problem
        return self._record("idea_support", {"idea_id": idea_id, "subject": voter_subject(identity),
                                             **claims_of(identity)}, q)

    def _record(self, kind: str, payload: dict, q: Question, *, staff_event: str | None = None) -> Receipt:
        from kiosk import outbox
        from kiosk.storage.writes import on_db_thread

        def store() -> str:
            with self._db.sessions.begin() as s:
                item = outbox.record(s, kind, payload, now=self._now())
                if staff_event:
                    # In the same transaction: who vouched, for which question; not for whom.
                    from kiosk.identity.audit import record_staff_event

                    record_staff_event(s, VOTE_AUTHORISED, staff_event, detail=f"question={q.id}", now=self._now())
                return item.id
        # By the one database thread wherever the desk is asked (kiosk/storage/writes.py).
        return Receipt(on_db_thread(store), q.id, kind, q.rule)


def results_rows(q: Question, results: Mapping[str, Any] | None) -> list[tuple[Option, int, int]]:
    """(option, kiosk votes, other channels' votes) per option, most votes first."""
    results = results or {}
    kiosk = results.get("kiosk") or {}
    other = results.get("other") or {}
    rows = [(o, int(kiosk.get(o.id, 0)), int(other.get(o.id, 0))) for o in q.options]
    return sorted(rows, key=lambda r: (-(r[1] + r[2]), r[0].id))
