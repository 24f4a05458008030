"""A priority class from the resident's own answers (issue 17). No Qt, no database.

After a check-in or a walk-in number, on a line that allows it (``[queue]
priority_questions``), the kiosk asks one or two plain yes/no questions. The answers give a
priority class of ``kiosk.queue_order`` and nothing else: the answers themselves are never
stored or sent, only the class code on the ticket, which a nurse can still change at the desk.
Skipping, or answering no to everything, leaves the ticket as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from kiosk.queue_order import INFANT, NEEDS_HELP, NORMAL, OrderRule

# The questions in the order they are asked: the translation key's last part and the class a
# yes gives (translation keys ``priority.question.<code>``).
QUESTIONS: tuple[tuple[str, int], ...] = (("moving", NEEDS_HELP), ("infant", INFANT))


@dataclass
class PriorityInterview:
    """One person's way through the questions: ``question`` is the one to ask now (None when
    done), ``answer(yes)`` moves on, ``skip()`` ends with no change; ``result`` is the class."""

    rule: OrderRule = field(default_factory=OrderRule)
    questions: tuple[tuple[str, int], ...] = QUESTIONS
    _answers: dict[str, bool] = field(default_factory=dict)
    skipped: bool = False

    @property
    def question(self) -> str | None:
        if self.skipped:
            return None
        return next((code for code, _cls in self.questions if code not in self._answers), None)

    @property
    def position(self) -> tuple[int, int]:
        """(this question's number from 1, how many): "Question 1 of 2"."""
        return min(len(self._answers) + 1, len(self.questions)), len(self.questions)

    def answer(self, yes: bool) -> None:
        code = self.question
        if code is None:
            raise ValueError("no question is open")
        self._answers[code] = bool(yes)

    def skip(self) -> None:
        self.skipped = True

    @property
    def done(self) -> bool:
        return self.question is None

    @property
    def result(self) -> int:
        """The class the yes answers give: the one that goes furthest ahead (its head start in
        the kiosk's rule), the first asked on a tie; NORMAL when none or skipped."""
        if self.skipped:
            return NORMAL
        yes = [cls for code, cls in self.questions if self._answers.get(code)]
        if not yes:
            return NORMAL
        head: Mapping[int, float] = self.rule.priority_head_start_min
        return max(yes, key=lambda cls: (head.get(cls, 0.0), -yes.index(cls)))


def asks_on(line_id: str | None, lines: frozenset[str] | tuple[str, ...]) -> bool:
    """Whether the kiosk asks the questions for a ticket of ``line_id`` (``[queue]
    priority_questions``: line ids, or "*" for every line)."""
    return line_id is not None and ("*" in lines or line_id in lines)
