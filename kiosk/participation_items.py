"""The outbox item kinds of participation (votes, ideas, supports): their fields, what is
personal and which refusals are final. Declared here, below both kiosk/participation.py
(which records them) and kiosk/outbox.py (which registers every kind), so that neither
imports the other (issue 13); the backend reads the same declarations."""

from __future__ import annotations

import re
from typing import Callable

TITLE_MAX, TEXT_MAX, WHY_MAX = 120, 1_500, 500
ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")  # a question's, option's or project's id


def _str_list(key: str) -> Callable[[dict], str | None]:
    def check(p: dict) -> str | None:
        v = p.get(key)
        if v is None:
            return None
        if not v or len(v) > 100 or not all(isinstance(x, str) and ID_RE.match(x) for x in v):
            return f"{key}: expected a list of 1 to 100 option ids"
        return None
    return check


def _max_len(key: str, limit: int) -> Callable[[dict], str | None]:
    def check(p: dict) -> str | None:
        v = p.get(key)
        return f"{key}: longer than {limit} characters" if isinstance(v, str) and len(v) > limit else None
    return check


# Refusals no later try can change: the vote, idea or support will never count, so its
# personal fields leave the kiosk at once. Any other refusal (an unknown question while the
# city sets up the site, an older backend that does not know the kind, ...) keeps the item
# whole for staff to send again.
FINAL_REASONS = frozenset({"question_not_open", "question_closed", "option_unknown", "wrong_number_of_choices",
                           "over_budget", "already_voted", "not_eligible", "already_supported",
                           "wrong_question_type"})

# The outbox item kinds (registered in kiosk/outbox.py's ITEM_KINDS). Everything that
# could tie a person to a choice is personal: purged on the kiosk after delivery.
_CLAIMS = {"birthdate": str, "municipality": str, "resident_district": str}
ITEM_KIND_SPECS = {
    "vote": dict(required={"question_id": str, "choices": list, "subject": str},
                 optional={"why": str, "authorised_by": str, **_CLAIMS},
                 personal=frozenset({"subject", "choices", "why", "authorised_by", *_CLAIMS}),
                 checks=(_str_list("choices"), _max_len("why", WHY_MAX)), purge_when_rejected=FINAL_REASONS),
    "idea": dict(required={"question_id": str, "title": str, "text": str, "category": str},
                 optional={"district": str, "language": str, **_CLAIMS},
                 personal=frozenset({"title", "text", *_CLAIMS}),
                 checks=(_max_len("title", TITLE_MAX), _max_len("text", TEXT_MAX)), purge_when_rejected=FINAL_REASONS),
    "idea_support": dict(required={"idea_id": str, "subject": str}, optional=dict(_CLAIMS),
                         personal=frozenset({"subject", *_CLAIMS}), purge_when_rejected=FINAL_REASONS),
}
KINDS = tuple(ITEM_KIND_SPECS)
