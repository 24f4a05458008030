"""Participation on the reference backend: authoring, the one-vote rule, ballots,
ideas, results and the public pages (issue 14).

The rules are kiosk/participation.py's; this module stores. How the one-vote rule holds:
every vote inserts ``(question, pseudonym)`` into ``participation_register``, whose primary
key refuses a second row whatever the kiosk, the moment or the order of arrival. The
pseudonym is an HMAC of the subject with a per-question secret that exists only here;
the ballot that the register row stands for is found (for replace-rule questions only)
through a second, different HMAC, so neither table alone says who chose what. See
docs/participation.md for the threat model.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import json
import secrets
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, JSONResponse
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kiosk import participation as rules
from kiosk.participation import ParticipationError, Question
from sync import protocol
from sync.server.models import (AuditEvent, Ballot, CatalogueEntry, IdeaSupportRegister, OtherChannelBatch,
                                ParticipationIdea, ParticipationQuestion, ParticipationSecret,
                                ParticipationSiteDistrict, Site, VoterRegister, VoteReceipt)

KINDS = rules.KINDS
COUNTED, REPLACED, SUPERSEDED, REJECTED = "counted", "replaced", "superseded", "rejected"
PROPOSED, APPROVED, MERGED = "proposed", "approved", "merged"


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _aware(t: datetime) -> datetime:
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)


def _mac(secret: str, purpose: str, *parts: str) -> str:
    msg = "\0".join((purpose, *parts)).encode()
    return hmac.new(bytes.fromhex(secret), msg, hashlib.sha256).hexdigest()


# -- authoring -------------------------------------------------------------------------
def load_file(path: str) -> dict:
    """A JSON or TOML authoring file (docs/participation.md)."""
    if path.endswith(".toml"):
        import tomllib

        with open(path, "rb") as f:
            return tomllib.load(f)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def author(sessions: sessionmaker[Session], document: Any) -> list[str]:
    """Add or update the questions of an authoring document and publish them to the
    kiosks of their sites. Returns the question ids. Nothing is stored when any part is wrong."""
    if not isinstance(document, dict):
        raise ParticipationError("invalid_question", "expected an object with 'questions'")
    problems: list[str] = []
    site_districts = document.get("site_districts") or {}
    if not isinstance(site_districts, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                       for k, v in site_districts.items()):
        problems.append("site_districts: expected {\"site-id\": \"district\"}")
        site_districts = {}
    district_names = document.get("districts") or {}
    if not isinstance(district_names, dict) or not all(isinstance(v, dict) for v in district_names.values()):
        problems.append("districts: expected {\"district\": {\"fi\": ..., \"sv\": ..., \"en\": ...}}")
        district_names = {}
    raw = document.get("questions") or []
    if not isinstance(raw, list):
        problems.append("questions: expected a list")
        raw = []
    named = []
    for q in raw:
        if isinstance(q, dict):
            q, missing = rules.with_district_names(q, district_names)
            problems += missing
        named.append(q)
    raw = named
    for q in raw:
        problems += rules.question_problems(q)
        for key in ("sites", "districts_targeted"):
            if isinstance(q, dict) and q.get(key) is not None and not (isinstance(q[key], list) and all(isinstance(x, str) for x in q[key])):
                problems.append(f"question {q.get('id')}.{key}: expected a list of names")
    ids = [q.get("id") for q in raw]
    if len(set(ids)) != len(ids):
        problems.append("questions: an id appears twice")
    if problems:
        raise ParticipationError("invalid_question", "; ".join(problems))
    with sessions.begin() as s:
        for site, district in site_districts.items():
            s.merge(ParticipationSiteDistrict(site_id=site, district=district))
        s.flush()
        for q in raw:
            row = s.get(ParticipationQuestion, q["id"], with_for_update=True)
            if row is None:
                s.add(ParticipationQuestion(id=q["id"], data=q, created_at=_now()))
                s.add(ParticipationSecret(question_id=q["id"], secret=secrets.token_hex(32)))
            else:
                _check_change(s, row, q)
                row.data = q
            s.add(AuditEvent(at=_now(), event="participation_author", detail=f"question={q['id']}"))
        s.flush()
        for q in raw:
            _publish(s, q["id"])
    return ids


def _check_change(s: Session, row: ParticipationQuestion, new: dict) -> None:
    """Once someone has voted, what they voted on may not change (only its texts)."""
    if row.finalised_at is not None:
        raise ParticipationError("invalid_question", f"question {row.id} is finalised and cannot change")
    voted = s.scalar(select(func.count()).select_from(VoterRegister).where(VoterRegister.question_id == row.id))
    if voted:
        old = rules.parse_question(row.data)
        q = rules.parse_question(new)
        same = (old.type, old.rule, old.multiple, old.budget, [(o.id, o.cost) for o in old.options], old.eligibility,
                old.opens) == (q.type, q.rule, q.multiple, q.budget, [(o.id, o.cost) for o in q.options],
                               q.eligibility, q.opens)
        if not same:
            raise ParticipationError("invalid_question", f"question {row.id} already has votes: only its texts "
                                                         "and its closing time may change")


def set_site_district(sessions: sessionmaker[Session], site: str, district: str) -> None:
    with sessions.begin() as s:
        s.merge(ParticipationSiteDistrict(site_id=site, district=district))
        s.flush()
        for qid in s.scalars(select(ParticipationQuestion.id)):
            _publish(s, qid)


def _sites_of(s: Session, data: dict) -> set[str]:
    sites = set(data.get("sites") or [])
    districts = set(data.get("districts_targeted") or [])
    all_sites = set(s.scalars(select(Site.id)))
    if not sites and not districts:
        return all_sites
    if districts:
        sites |= set(s.scalars(select(ParticipationSiteDistrict.site_id)
                               .where(ParticipationSiteDistrict.district.in_(districts))))
    return sites & all_sites


def reaches(s: Session, data: dict, site: str) -> bool:
    return site in _sites_of(s, data)


def put_catalogue_entry(s: Session, site: str, kind: str, eid: str, data: dict | None) -> None:
    """Put one entry (a question, idea or announcement) into a site's catalogue stream, or
    delete it with ``data`` None; kiosks get the change at their next pull."""
    site_row = s.get(Site, site, with_for_update=True)
    row = s.get(CatalogueEntry, (site, kind, eid))
    if row is not None and row.data == data and row.deleted == (data is None):
        return
    if row is None and data is None:
        return
    site_row.catalogue_seq += 1
    if row is None:
        s.add(CatalogueEntry(site_id=site, kind=kind, id=eid, seq=site_row.catalogue_seq, deleted=False, data=data))
    else:
        row.seq, row.deleted, row.data = site_row.catalogue_seq, data is None, data


def _publish(s: Session, qid: str) -> None:
    """The question (and its approved ideas) in the catalogue of every site it reaches,
    and withdrawn from the sites it no longer reaches."""
    row = s.get(ParticipationQuestion, qid)
    targets = _sites_of(s, row.data)
    public = {k: v for k, v in row.data.items() if k not in ("sites", "districts_targeted")}
    if row.finalised_at is not None:
        public["results"] = results(s, qid, include_ideas=False)
    ideas = [_idea_entry(i) for i in s.scalars(select(ParticipationIdea).where(
        ParticipationIdea.question_id == qid, ParticipationIdea.status == APPROVED))]
    had = set(s.scalars(select(CatalogueEntry.site_id).where(CatalogueEntry.kind == "question",
                                                             CatalogueEntry.id == qid,
                                                             CatalogueEntry.deleted.is_(False))))
    for site in sorted(targets | had):
        keep = site in targets
        put_catalogue_entry(s, site, "question", qid, public if keep else None)
        for idea in ideas:
            put_catalogue_entry(s, site, "idea", idea["id"], idea if keep else None)


def _idea_entry(i: ParticipationIdea) -> dict:
    return {"id": i.id, "question_id": i.question_id, "title": i.title, "text": i.text, "category": i.category,
            "district": i.district, "language": i.language, "supports": i.supports}


def _publish_idea(s: Session, idea: ParticipationIdea) -> None:
    q = s.get(ParticipationQuestion, idea.question_id)
    data = _idea_entry(idea) if idea.status == APPROVED else None
    for site in sorted(_sites_of(s, q.data)):
        put_catalogue_entry(s, site, "idea", idea.id, data)


# -- the push hooks (sync/server/store.py calls these) ------------------------------------
def _question_of_item(s: Session, item: dict) -> str | None:
    p = item["payload"]
    if item["kind"] == "idea_support":
        return s.scalar(select(ParticipationIdea.question_id).where(ParticipationIdea.id == p["idea_id"]))
    return p.get("question_id")


def keyed_hashes(s: Session, candidates: list[tuple[int, dict, str]]) -> list[tuple[int, dict, str]]:
    """For votes, ideas and supports, "same content" is a keyed hash: a plain hash of
    subject and choice stored next to the device would let a database reader test
    guesses of who chose what. After finalising (secret erased) a stored item is only
    known by its id."""
    out = []
    for i, raw, h in candidates:
        if raw["kind"] in KINDS:
            qid = _question_of_item(s, raw)
            secret = s.scalar(select(ParticipationSecret.secret).where(ParticipationSecret.question_id == qid)) \
                if qid else None
            if secret is not None:
                h = _mac(secret, "item", h)
            else:
                from sync.server.models import Item

                h = s.scalar(select(Item.content_hash).where(Item.id == raw["id"])) or _mac("00", "item", h)
        out.append((i, raw, h))
    return out


def stored_payload(raw: dict) -> dict:
    """What the items table keeps of a participation item: nothing personal (the
    ballot, idea and register hold what is needed, apart)."""
    if raw["kind"] not in KINDS:
        return raw["payload"]
    personal = rules.ITEM_KIND_SPECS[raw["kind"]]["personal"]
    return {k: v for k, v in raw["payload"].items() if k not in personal}


def _reject(s: Session, item: dict, qid: str, code: str, detail: str = "") -> dict:
    _receipt(s, item["id"], qid, item["kind"], REJECTED, code)
    out = {"id": item["id"], "status": protocol.REJECTED, "reason": code}
    out["detail"] = (detail or rules.REASONS.get(code, ""))[:300]
    return out


def _receipt(s: Session, item_id: str, qid: str, kind: str, status: str, reason: str | None = None) -> None:
    row = s.get(VoteReceipt, item_id)
    if row is None:
        s.add(VoteReceipt(item_id=item_id, question_id=qid or "", kind=kind, status=status, reason=reason))
    else:
        row.status, row.reason = status, reason
    s.flush()


def _claims(p: dict) -> dict:
    return {k: p[k] for k in rules.CLAIM_FIELDS if p.get(k)}


def apply_item(s: Session, device: Any, item: dict) -> dict | None:
    """A vote, idea or support's effect; a rejection answer, or None when accepted."""
    kind, p = item["kind"], item["payload"]
    now = _now()
    # The kiosk's clock says when the person acted (an offline vote is on time if it was
    # cast before closing), but it is not believed into the future.
    cast_at = min(_aware(datetime.fromisoformat(item["created_at"])).astimezone(timezone.utc), now)
    qid = _question_of_item(s, item)
    if kind == "idea_support" and qid is None:
        return _reject(s, item, "", "idea_unknown", p["idea_id"])
    # FOR SHARE (PostgreSQL): finalise() takes the row FOR UPDATE, so a vote is either in
    # before the ballots are re-written and the secret erased, or sees the question finalised.
    row = s.get(ParticipationQuestion, qid, with_for_update={"read": True}) if qid else None
    if row is None or not reaches(s, row.data, device.site):
        return _reject(s, item, qid or "", "question_unknown", f"{qid!r} is not asked at this site")
    q = rules.parse_question(row.data)
    problem = rules.schedule_problem(q, cast_at, now) or rules.eligibility_problem(q, _claims(p), cast_at)
    if kind == "vote":
        problem = problem or rules.choice_problem(q, p["choices"])
    elif kind == "idea" and q.type != rules.IDEAS:
        problem = problem or ParticipationError("wrong_question_type", f"{q.id} does not collect ideas")
    elif kind == "idea" and p["category"] not in {c.id for c in q.categories}:
        problem = problem or ParticipationError("option_unknown", p["category"])
    secret = s.scalar(select(ParticipationSecret.secret).where(ParticipationSecret.question_id == q.id))
    if problem is None and secret is None:
        problem = ParticipationError("question_closed", "the question has been finalised")
    if problem is not None:
        return _reject(s, item, q.id, problem.code, problem.detail)
    if kind == "vote":
        return _vote(s, device, item, q, secret, cast_at)
    if kind == "idea":
        s.add(ParticipationIdea(id=item["id"], question_id=q.id, title=p["title"], text=p["text"],
                                category=p["category"], district=p.get("district") or "",
                                language=p.get("language") or "fi", status=PROPOSED, created_at=now))
        _receipt(s, item["id"], q.id, kind, PROPOSED)
        return None
    return _support(s, item, q, secret)


def _vote(s: Session, device: Any, item: dict, q: Question, secret: str, cast_at: datetime) -> dict | None:
    p = item["payload"]
    pseudonym = _mac(secret, "voter", p["subject"])
    key = _mac(secret, "ballot", p["subject"]) if q.rule == rules.REPLACE else None
    channel = "staff" if p.get("authorised_by") else "kiosk"
    try:
        with s.begin_nested():
            s.add(VoterRegister(question_id=q.id, pseudonym=pseudonym, item_id=item["id"], cast_at=cast_at,
                                site_id=device.site, channel=channel))
            s.flush()
    except IntegrityError:
        # This person has voted already (maybe at this very moment, at another kiosk:
        # the insert waited for that transaction and then met its row).
        if q.rule == rules.FIRST:
            return _reject(s, item, q.id, "already_voted")
        previous = s.execute(select(VoterRegister.item_id, VoterRegister.cast_at).where(
            VoterRegister.question_id == q.id, VoterRegister.pseudonym == pseudonym)).first()
        res = s.execute(update(VoterRegister)
                        .where(VoterRegister.question_id == q.id, VoterRegister.pseudonym == pseudonym,
                               VoterRegister.cast_at < cast_at)
                        .values(item_id=item["id"], cast_at=cast_at, site_id=device.site, channel=channel))
        if res.rowcount != 1:
            # A vote cast later (e.g. online while this one waited offline) already counts.
            _receipt(s, item["id"], q.id, "vote", SUPERSEDED)
            return None
        s.execute(update(Ballot).where(Ballot.question_id == q.id, Ballot.ballot_key == key)
                  .values(choices=list(p["choices"]), why=p.get("why")))
        if previous is not None:
            _receipt(s, previous.item_id, q.id, "vote", REPLACED)
        _receipt(s, item["id"], q.id, "vote", COUNTED)
        return None
    s.add(Ballot(id=str(uuid.uuid4()), question_id=q.id, ballot_key=key, choices=list(p["choices"]),
                 why=p.get("why")))
    _receipt(s, item["id"], q.id, "vote", COUNTED)
    return None


def _support(s: Session, item: dict, q: Question, secret: str) -> dict | None:
    p = item["payload"]
    idea = s.get(ParticipationIdea, p["idea_id"])
    if idea is None or idea.status != APPROVED:
        return _reject(s, item, q.id, "idea_unknown", "the idea is not approved")
    try:
        with s.begin_nested():
            s.add(IdeaSupportRegister(idea_id=idea.id, pseudonym=_mac(secret, "support", p["subject"])))
            s.flush()
    except IntegrityError:
        return _reject(s, item, q.id, "already_supported")
    s.execute(update(ParticipationIdea).where(ParticipationIdea.id == idea.id)
              .values(supports=ParticipationIdea.supports + 1))
    s.flush()
    s.refresh(idea)
    _receipt(s, item["id"], q.id, "idea_support", COUNTED)
    _publish_idea(s, idea)
    return None


# -- the city's side: batches, finalising, moderation ----------------------------------------
def add_batch(sessions: sessionmaker[Session], qid: str, channel: str, voters: int, counts: dict[str, int],
              note: str = "") -> int:
    """Votes counted in another channel, added to the totals and shown separately."""
    if channel not in rules.CHANNELS_OTHER:
        raise ParticipationError("invalid_batch", f"channel: expected one of {', '.join(rules.CHANNELS_OTHER)}")
    with sessions.begin() as s:
        row = s.get(ParticipationQuestion, qid)
        if row is None:
            raise ParticipationError("question_unknown", qid)
        q = rules.parse_question(row.data)
        bad = [k for k in counts if q.option(k) is None]
        if bad:
            raise ParticipationError("option_unknown", ", ".join(bad))
        if isinstance(voters, bool) or voters < 0 or any(isinstance(v, bool) or not isinstance(v, int) or v < 0
                                                         for v in counts.values()):
            raise ParticipationError("invalid_batch", "counts and voters are whole numbers, not negative")
        if not q.multiple and q.type == rules.POLL and sum(counts.values()) > voters:
            raise ParticipationError("invalid_batch", "a single-choice poll has at most one vote per voter")
        if row.finalised_at is not None:
            raise ParticipationError("invalid_batch", f"question {qid} is finalised")
        batch = OtherChannelBatch(question_id=qid, channel=channel, voters=voters, counts=counts, note=note[:500],
                                  added_at=_now())
        s.add(batch)
        s.add(AuditEvent(at=_now(), event="participation_batch", detail=f"question={qid} channel={channel} "
                                                                         f"voters={voters}"))
        s.flush()
        return batch.id


def finalise(sessions: sessionmaker[Session], qid: str, *, now: datetime | None = None) -> dict:
    """After the close and the grace time for offline votes: erase the secret and the
    ballot keys (from now on nothing links a ballot to a person, not even for the
    backend), publish the results to the kiosks, and return them."""
    now = now or _now()
    with sessions.begin() as s:
        row = s.get(ParticipationQuestion, qid, with_for_update=True)
        if row is None:
            raise ParticipationError("question_unknown", qid)
        q = rules.parse_question(row.data)
        if now < q.closes + timedelta(hours=q.late_grace_h):
            raise ParticipationError("question_not_closed",
                                     f"offline votes may arrive until {(q.closes + timedelta(hours=q.late_grace_h)).isoformat()}")
        if row.finalised_at is None:
            row.finalised_at = now
            # Written anew in random order, without keys: neither the keys nor the physical
            # order or row versions (PostgreSQL's ctid/xmin) tie a ballot to its register row any more.
            kept = [(b.choices, b.why) for b in s.scalars(select(Ballot).where(Ballot.question_id == qid))]
            s.execute(Ballot.__table__.delete().where(Ballot.question_id == qid))
            secrets.SystemRandom().shuffle(kept)
            if kept:
                s.execute(Ballot.__table__.insert(), [{"id": str(uuid.uuid4()), "question_id": qid, "ballot_key": None,
                                                       "choices": c, "why": w} for c, w in kept])
            secret = s.get(ParticipationSecret, qid)
            if secret is not None:
                s.delete(secret)
            s.add(AuditEvent(at=now, event="participation_finalise", detail=f"question={qid}"))
            s.flush()
            _publish(s, qid)
        return results(s, qid)


def moderate(sessions: sessionmaker[Session], idea_id: str, action: str, *, reason: str = "",
             into: str | None = None) -> ParticipationIdea:
    """approve / reject (with a reason shown on the proposer's receipt page) / merge into another idea."""
    with sessions.begin() as s:
        idea = s.get(ParticipationIdea, idea_id, with_for_update=True)
        if idea is None:
            raise ParticipationError("idea_unknown", idea_id)
        if action == "approve":
            idea.status, idea.reason, idea.merged_into = APPROVED, None, None
        elif action == "reject":
            if not reason.strip():
                raise ParticipationError("invalid_moderation", "a rejection needs a reason the proposer will see")
            idea.status, idea.reason = REJECTED, reason.strip()[:500]
        elif action == "merge":
            target = s.get(ParticipationIdea, into or "", with_for_update=True)
            if target is None or target.id == idea.id or target.question_id != idea.question_id:
                raise ParticipationError("invalid_moderation", "merge into another idea of the same question")
            if target.status != APPROVED:
                raise ParticipationError("invalid_moderation", "merge into an approved idea")
            # Supports move along; a person who supported both counts once (the support
            # pseudonym is per question, so the same person has the same one on both).
            moved = set(s.scalars(select(IdeaSupportRegister.pseudonym).where(IdeaSupportRegister.idea_id == idea.id)))
            have = set(s.scalars(select(IdeaSupportRegister.pseudonym).where(IdeaSupportRegister.idea_id == target.id)))
            for pseudonym in sorted(moved - have):
                s.add(IdeaSupportRegister(idea_id=target.id, pseudonym=pseudonym))
            s.flush()
            target.supports = len(moved | have)
            idea.status, idea.merged_into, idea.reason = MERGED, target.id, reason.strip()[:500] or None
            _publish_idea(s, target)
        else:
            raise ParticipationError("invalid_moderation", f"action: expected approve, reject or merge, not {action!r}")
        s.add(AuditEvent(at=_now(), event=f"idea_{action}", detail=f"idea={idea_id}"))
        s.flush()
        _publish_idea(s, idea)
        _receipt(s, idea.id, idea.question_id, "idea", idea.status, None)
        return idea


def set_window(sessions: sessionmaker[Session], qid: str, *, opens: datetime | None = None,
               closes: datetime | None = None) -> list[str]:
    """Open a question now or close it now (the console's buttons): the stored question
    with a new opening or closing time, checked and published as ``author`` does, so the
    one-vote rule's guard (nothing but texts and the closing time change once someone has
    voted) holds here too."""
    with sessions() as s:
        row = s.get(ParticipationQuestion, qid)
        if row is None:
            raise ParticipationError("question_unknown", qid)
        data = dict(row.data)
    if opens is not None:
        data["opens"] = opens.isoformat()
    if closes is not None:
        data["closes"] = closes.isoformat()
    return author(sessions, {"questions": [data]})


def questions(sessions: sessionmaker[Session]) -> list[tuple[Question, datetime | None, dict[str, int]]]:
    """Every question with when it was finalised and its ideas by state (for the console)."""
    with sessions() as s:
        rows = list(s.scalars(select(ParticipationQuestion).order_by(ParticipationQuestion.created_at.desc(),
                                                                      ParticipationQuestion.id)))
        counts: dict[str, dict[str, int]] = {}
        for qid, status, n in s.execute(select(ParticipationIdea.question_id, ParticipationIdea.status, func.count())
                                        .group_by(ParticipationIdea.question_id, ParticipationIdea.status)):
            counts.setdefault(qid, {})[status] = n
        return [(rules.parse_question(r.data), r.finalised_at, counts.get(r.id, {})) for r in rows]


def ideas(sessions: sessionmaker[Session], qid: str) -> list[ParticipationIdea]:
    with sessions() as s:
        return list(s.scalars(select(ParticipationIdea).where(ParticipationIdea.question_id == qid)
                              .order_by(ParticipationIdea.created_at, ParticipationIdea.id)))


# -- results -------------------------------------------------------------------------------
def results(s: Session, qid: str, *, include_ideas: bool = True) -> dict:
    """Totals counted from the stored ballots (never kept as running counters), the other
    channels' batches apart, and turnout per site and channel."""
    row = s.get(ParticipationQuestion, qid)
    if row is None:
        raise ParticipationError("question_unknown", qid)
    q = rules.parse_question(row.data)
    kiosk = {o.id: 0 for o in q.options}
    ballots = 0
    for choices in s.scalars(select(Ballot.choices).where(Ballot.question_id == qid)):
        ballots += 1
        for c in choices:
            if c in kiosk:
                kiosk[c] += 1
    other = {o.id: 0 for o in q.options}
    other_voters: dict[str, int] = {}
    for b in s.scalars(select(OtherChannelBatch).where(OtherChannelBatch.question_id == qid)):
        other_voters[b.channel] = other_voters.get(b.channel, 0) + b.voters
        for k, v in b.counts.items():
            other[k] = other.get(k, 0) + v
    sites = dict(s.execute(select(VoterRegister.site_id, func.count()).where(VoterRegister.question_id == qid)
                           .group_by(VoterRegister.site_id)).all())
    channels = dict(s.execute(select(VoterRegister.channel, func.count()).where(VoterRegister.question_id == qid)
                              .group_by(VoterRegister.channel)).all())
    out = {"question_id": qid, "type": q.type, "rule": q.rule, "closes": q.closes.isoformat(),
           "finalised": row.finalised_at is not None, "ballots": ballots, "kiosk": kiosk, "other": other,
           "turnout": {"sites": sites, "channels": {**channels, **other_voters}}}
    if q.type == rules.BUDGET:
        out["budget"] = q.budget
    if q.type == rules.IDEAS and include_ideas:
        out["ideas"] = [{"id": i.id, "title": i.title, "supports": i.supports} for i in s.scalars(
            select(ParticipationIdea).where(ParticipationIdea.question_id == qid,
                                            ParticipationIdea.status == APPROVED)
            .order_by(ParticipationIdea.supports.desc(), ParticipationIdea.id))]
    return out


def question_results(sessions: sessionmaker[Session], qid: str) -> dict:
    with sessions() as s:
        return results(s, qid)


# -- public pages ---------------------------------------------------------------------------
_PAGE = {
    "fi": {"results": "Tulokset", "kiosk": "Kioskeilla", "other": "Muut kanavat", "votes": "ääntä",
           "not_public": "Tulokset julkaistaan, kun kysymys on päättynyt.", "unknown": "Tuntematon kysymys.",
           "turnout": "Osallistuneet", "budget": "Budjetti", "receipt": "Kuitti",
           COUNTED: "Äänesi on laskettu mukaan.", REPLACED: "Tämä ääni korvattiin myöhemmällä äänelläsi.",
           SUPERSEDED: "Myöhemmin antamasi ääni on voimassa; tätä ei laskettu.", REJECTED: "Ääntä ei laskettu.",
           "pending": "Ääntä ei ole vielä vastaanotettu. Se lasketaan, kun kioski saa yhteyden.",
           PROPOSED: "Ideasi odottaa käsittelyä.", APPROVED: "Ideasi on hyväksytty ja näkyy muille.",
           MERGED: "Ideasi yhdistettiin samanlaiseen ideaan.", "idea_rejected": "Ideaa ei hyväksytty. Syy:",
           "choice_hidden": "Kuitti ei näytä, mitä valitsit.",
           "channels": {"kiosk": "kioskeilla", "staff": "henkilökunnan tunnistamina", "paper": "paperilla",
                        "web": "verkossa", "mail": "postitse", "other": "muuten"}},
    "sv": {"results": "Resultat", "kiosk": "På kiosker", "other": "Andra kanaler", "votes": "röster",
           "not_public": "Resultaten publiceras när frågan har stängts.", "unknown": "Okänd fråga.",
           "turnout": "Deltagare", "budget": "Budget", "receipt": "Kvitto",
           COUNTED: "Din röst har räknats.", REPLACED: "Den här rösten ersattes av din senare röst.",
           SUPERSEDED: "Din senare röst gäller; den här räknades inte.", REJECTED: "Rösten räknades inte.",
           "pending": "Rösten har inte tagits emot ännu. Den räknas när kiosken får förbindelse.",
           PROPOSED: "Din idé väntar på behandling.", APPROVED: "Din idé har godkänts och syns för andra.",
           MERGED: "Din idé slogs ihop med en liknande idé.", "idea_rejected": "Idén godkändes inte. Orsak:",
           "choice_hidden": "Kvittot visar inte vad du valde.",
           "channels": {"kiosk": "på kiosker", "staff": "identifierade av personalen", "paper": "på papper",
                        "web": "på webben", "mail": "per post", "other": "på annat sätt"}},
    "en": {"results": "Results", "kiosk": "At kiosks", "other": "Other channels", "votes": "votes",
           "not_public": "The results are published when the question has closed.", "unknown": "Unknown question.",
           "turnout": "Took part", "budget": "Budget", "receipt": "Receipt",
           COUNTED: "Your vote has been counted.", REPLACED: "This vote was replaced by your later vote.",
           SUPERSEDED: "Your later vote stands; this one was not counted.", REJECTED: "The vote was not counted.",
           "pending": "The vote has not arrived yet. It will be counted when the kiosk is back online.",
           PROPOSED: "Your idea is waiting to be reviewed.", APPROVED: "Your idea was approved and others can see it.",
           MERGED: "Your idea was merged with a similar idea.", "idea_rejected": "The idea was not approved. Reason:",
           "choice_hidden": "The receipt does not show what you chose.",
           "channels": {"kiosk": "at kiosks", "staff": "identified by staff", "paper": "on paper",
                        "web": "on the web", "mail": "by mail", "other": "otherwise"}},
}
_REASON_TEXT = {
    "fi": {"question_closed": "kysymys oli jo päättynyt", "question_not_open": "kysymys ei ollut vielä auki",
           "question_unknown": "kysymystä ei kysytä tässä", "option_unknown": "valintaa ei ole kysymyksessä",
           "over_budget": "valinnat ylittivät budjetin", "already_voted": "olit jo äänestänyt, ja ensimmäinen ääni jää voimaan",
           "not_eligible": "et voi osallistua tähän kysymykseen", "wrong_number_of_choices": "valintojen määrä ei sopinut",
           "idea_unknown": "ideaa ei löytynyt", "already_supported": "olit jo tukenut ideaa",
           "wrong_question_type": "kysymys on toista tyyppiä"},
    "sv": {"question_closed": "frågan hade redan stängts", "question_not_open": "frågan var inte öppen ännu",
           "question_unknown": "frågan ställs inte här", "option_unknown": "valet finns inte i frågan",
           "over_budget": "valen överskred budgeten", "already_voted": "du hade redan röstat och den första rösten gäller",
           "not_eligible": "du kan inte delta i den här frågan", "wrong_number_of_choices": "antalet val passade inte",
           "idea_unknown": "idén hittades inte", "already_supported": "du hade redan stött idén",
           "wrong_question_type": "frågan är av en annan typ"},
    "en": {k: v for k, v in rules.REASONS.items()},
}


def _lang(lang: str) -> str:
    return lang if lang in _PAGE else "fi"


def _html(title: str, body: str, lang: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(f"<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
                        f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        f"<title>{html.escape(title)}</title><style>body{{font-family:sans-serif;max-width:46rem;"
                        f"margin:2rem auto;padding:0 1rem;color:#1a1a1a}} svg text{{font-size:14px}}</style></head>"
                        f"<body>{body}</body></html>", status_code=status)


def results_svg(q: Question, res: dict, lang: str) -> str:
    """A horizontal bar chart with the numbers written out (readable without colour)."""
    t = _PAGE[lang]
    rows = rules.results_rows(q, res)
    top = max([k + o for _, k, o in rows] + [1])
    width, bar_x, bar_w, row_h = 680, 250, 330, 34
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{row_h * len(rows) + 30}" '
             f'aria-label="{html.escape(t["results"])}: {html.escape(q.title.get(lang, q.id))}">']
    parts.append(f'<rect x="{bar_x}" y="2" width="14" height="14" fill="#0b5fa5"/>'
                 f'<text x="{bar_x + 20}" y="14">{html.escape(t["kiosk"])}</text>'
                 f'<rect x="{bar_x + 150}" y="2" width="14" height="14" fill="#9bc4e8"/>'
                 f'<text x="{bar_x + 170}" y="14">{html.escape(t["other"])}</text>')
    for n, (opt, k, o) in enumerate(rows):
        y = 26 + n * row_h
        wk, wo = bar_w * k / top, bar_w * o / top
        label = opt.label.get(lang, opt.id)
        parts.append(f'<text x="0" y="{y + 18}">{html.escape(label[:34])}</text>'
                     f'<rect x="{bar_x}" y="{y + 4}" width="{wk:.1f}" height="20" fill="#0b5fa5"/>'
                     f'<rect x="{bar_x + wk:.1f}" y="{y + 4}" width="{wo:.1f}" height="20" fill="#9bc4e8"/>'
                     f'<text x="{bar_x + wk + wo + 6:.1f}" y="{y + 18}">{k + o} ({k} + {o})</text>')
    parts.append("</svg>")
    return "".join(parts)


def participation_router(sessions: sessionmaker[Session]) -> APIRouter:
    router = APIRouter(tags=["participation"])

    def _closed_question(s: Session, qid: str) -> tuple[ParticipationQuestion | None, Question | None]:
        row = s.get(ParticipationQuestion, qid)
        return (row, rules.parse_question(row.data)) if row is not None else (None, None)

    @router.get(protocol.API_PREFIX + "/participation/{question_id}/results")
    def results_json(question_id: str) -> JSONResponse:
        """Results of a closed question (public); turnout per site and channel included."""
        with sessions() as s:
            row, q = _closed_question(s, question_id)
            if row is None:
                return JSONResponse({"error": "unknown_question", "message": question_id}, status_code=404)
            if _now() < q.closes:
                return JSONResponse({"error": "results_not_public", "message": "the question is still open"},
                                    status_code=403)
            return JSONResponse(results(s, question_id))

    @router.get("/participation/{question_id}", response_class=HTMLResponse)
    def results_page(question_id: str, lang: str = Query("fi", pattern="^(fi|sv|en)$")) -> HTMLResponse:
        lang = _lang(lang)
        t = _PAGE[lang]
        with sessions() as s:
            row, q = _closed_question(s, question_id)
            if row is None:
                return _html(t["unknown"], f"<p>{t['unknown']}</p>", lang, 404)
            title = html.escape(q.title.get(lang, q.id))
            if _now() < q.closes:
                return _html(title, f"<h1>{title}</h1><p>{t['not_public']}</p>", lang)
            res = results(s, question_id)
        turnout = res["turnout"]["channels"]
        body = [f"<h1>{title}</h1><p>{html.escape(q.asker.get(lang, ''))}</p><h2>{t['results']}</h2>"]
        if q.type == rules.IDEAS:
            body.append("<ol>" + "".join(f"<li>{html.escape(i['title'])}: {i['supports']}</li>"
                                         for i in res.get("ideas", [])) + "</ol>")
        else:
            if q.type == rules.BUDGET:
                body.append(f"<p>{t['budget']}: {q.budget} €</p>")
            body.append(results_svg(q, res, lang))
            body.append("<table><caption>" + t["results"] + "</caption>" + "".join(
                f"<tr><th scope=\"row\">{html.escape(o.label.get(lang, o.id))}</th><td>{k}</td><td>{x}</td></tr>"
                for o, k, x in rules.results_rows(q, res)) + "</table>")
        body.append(f"<h2>{t['turnout']}</h2><ul>" + "".join(
            f"<li>{html.escape(t['channels'].get(str(c), str(c)))}: {n}</li>" for c, n in sorted(turnout.items()))
            + "</ul>")
        return _html(title, "".join(body), lang)

    @router.get("/participation/receipt/{item_id}", response_class=HTMLResponse)
    def receipt_page(item_id: str, lang: str = Query("fi", pattern="^(fi|sv|en)$")) -> HTMLResponse:
        """What happened to a vote, idea or support, without what was chosen."""
        lang = _lang(lang)
        t = _PAGE[lang]
        if not protocol.is_item_id(item_id):
            return _html(t["receipt"], f"<p>{t['pending']}</p>", lang, 404)
        with sessions() as s:
            r = s.get(VoteReceipt, item_id)
            idea = s.get(ParticipationIdea, item_id) if r is not None and r.kind == "idea" else None
            title = ""
            if r is not None and (row := s.get(ParticipationQuestion, r.question_id)) is not None:
                title = rules.parse_question(row.data).title.get(lang, "")
        if r is None:
            text = t["pending"]
        elif idea is not None and idea.status == REJECTED:
            text = f"{t['idea_rejected']} {html.escape(idea.reason or '')}"
        elif idea is not None:
            text = t[idea.status]
        elif r.status == REJECTED:
            text = f"{t[REJECTED]} {html.escape(_REASON_TEXT[lang].get(r.reason or '', ''))}"
        else:
            text = t[r.status]
        hint = "" if idea is not None else f"<p>{t['choice_hidden']}</p>"
        return _html(t["receipt"], f"<h1>{t['receipt']}</h1><p>{html.escape(title)}</p>"
                                   f"<p id=\"status\">{text}</p>{hint}", lang)

    return router


def recount(sessions: sessionmaker[Session], qid: str) -> dict[str, int]:
    """Brute force from the stored ballots, for audits and tests: one by one, no SQL counting."""
    with sessions() as s:
        totals: dict[str, int] = {}
        for b in s.scalars(select(Ballot).where(Ballot.question_id == qid)):
            for c in b.choices:
                totals[c] = totals.get(c, 0) + 1
        return totals


__all__: Iterable[str] = ["author", "apply_item", "keyed_hashes", "stored_payload", "participation_router",
                          "finalise", "moderate", "add_batch", "results", "recount"]


# -- ``welfare-backend participation ...`` (sync/server/cli.py registers it) ------------------
def add_cli(sub) -> None:
    p = sub.add_parser("participation", help="polls, budgeting rounds, ideas: author, moderate, count")
    acts = p.add_subparsers(dest="action", required=True)
    a = acts.add_parser("load", help="add or update questions from a JSON or TOML file (docs/participation.md)")
    a.add_argument("file")
    a = acts.add_parser("site-district", help="the district a site's kiosks are in")
    a.add_argument("--site", required=True)
    a.add_argument("--district", required=True)
    a = acts.add_parser("results", help="the totals as JSON (also while open: for the city only)")
    a.add_argument("question")
    a = acts.add_parser("add-batch", help="votes counted in another channel, e.g. paper ballots")
    a.add_argument("question")
    a.add_argument("--channel", required=True, choices=rules.CHANNELS_OTHER)
    a.add_argument("--voters", type=int, required=True, help="how many people voted in this batch")
    a.add_argument("--count", action="append", default=[], metavar="OPTION=N", help="votes for one option")
    a.add_argument("--note", default="")
    a = acts.add_parser("finalise", help="after closing: publish results, erase the pseudonym key")
    a.add_argument("question")
    a = acts.add_parser("ideas", help="list the ideas of a question with their state")
    a.add_argument("question")
    for name in ("approve", "reject", "merge"):
        a = acts.add_parser(name, help=f"{name} an idea")
        a.add_argument("idea")
        a.add_argument("--reason", default="", required=name == "reject", help="shown on the proposer's receipt")
        if name == "merge":
            a.add_argument("--into", required=True, help="the approved idea it duplicates")


def run_cli(sessions: sessionmaker[Session], args) -> int:
    import sys

    try:
        if args.action == "load":
            try:
                document = load_file(args.file)
            except (OSError, ValueError) as exc:
                print(f"participation load: cannot read {args.file}: {exc}", file=sys.stderr)
                return 1
            for qid in author(sessions, document):
                print(f"question {qid}: stored; kiosks get it at their next sync")
        elif args.action == "site-district":
            set_site_district(sessions, args.site, args.district)
            print(f"site {args.site} is in district {args.district}")
        elif args.action == "results":
            print(json.dumps(question_results(sessions, args.question), indent=2, sort_keys=True, ensure_ascii=False))
        elif args.action == "add-batch":
            counts = {}
            for c in args.count:
                option, sep, n = c.partition("=")
                if not sep or not n.strip().isdigit():
                    print(f"participation add-batch: --count {c!r}: expected OPTION=N", file=sys.stderr)
                    return 1
                counts[option.strip()] = int(n)
            batch = add_batch(sessions, args.question, args.channel, args.voters, counts, args.note)
            print(f"batch {batch} added to {args.question}")
        elif args.action == "finalise":
            print(json.dumps(finalise(sessions, args.question), indent=2, sort_keys=True, ensure_ascii=False))
        elif args.action == "ideas":
            for i in ideas(sessions, args.question):
                extra = f" -> {i.merged_into}" if i.merged_into else f" ({i.reason})" if i.reason else ""
                print(f"{i.id}  {i.status:9}  {i.supports:4}  {i.title}{extra}")
        else:
            idea = moderate(sessions, args.idea, args.action, reason=args.reason, into=getattr(args, "into", None))
            print(f"idea {idea.id}: {idea.status}")
    except ParticipationError as exc:
        print(f"participation {args.action}: {exc.code}: {exc.detail}", file=sys.stderr)
        return 2
    return 0
