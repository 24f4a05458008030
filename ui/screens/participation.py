"""Take part: open questions, polls, budgeting, ideas, review, receipt and results.

Opened as ``flow.go("participation")`` from the home tile. Anyone may read the
questions and the results; taking part asks for a key (``session.require``, the same
login the booking uses) before the choices are shown, so a person who may not take
part is told why before choosing. A vote is confirmed on a review page, recorded into
the outbox off the GUI thread, and answered with a receipt whose QR code leads to a
page that shows the vote was counted, without the choice.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QLayout, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from kiosk.catalogue.domain import tr as text_in
from kiosk.catalogue.hours import LOCAL_TZ
from kiosk.flow import KioskFlow, Place
from kiosk.participation import (BUDGET, FIRST, IDEAS, POLL, Idea, ParticipationDesk, ParticipationError, Question,
                                 Receipt, authorise_in_person, budget_left, choice_problem, results_rows)
from ui.widgets.pages import Pages
from ui.background import BackgroundCalls
from ui.bidi import mark_catalogue_text
from ui.i18n import Translator
from ui.screens.base import Screen
from ui.screens.booking import plain
from ui.screens.participation_widgets import BudgetBar, Pictogram, ResultBar
from ui.theme import Metrics
from ui.widgets.column_area import ColumnArea
from ui.widgets.reflow import FlowLayout
from ui.widgets.keyboard import OnScreenKeyboard
from ui.widgets.qr import QrCodeWidget
from ui.widgets.removal import clear_layout
from ui.widgets.touch import RichButton, button, kinetic_scroll_area

(LIST_PAGE, QUESTION_PAGE, CHOOSE_PAGE, IDEAS_PAGE, PROPOSE_PAGE, REVIEW_PAGE, RECEIPT_PAGE, RESULTS_PAGE,
 IN_PERSON_PAGE) = range(9)


def euros(t: Translator, amount: int) -> str:
    """100 000 € in Finnish and Swedish (a no-break space groups thousands), €100,000 in English."""
    if t.language == "en":
        return f"€{amount:,}"
    return f"{amount:,}".replace(",", "\u00a0") + "\u00a0€"


class ParticipationScreen(Screen):
    """Every page of taking part; each page is built in its own method."""

    cast = Signal(object)  # a Receipt, once recorded

    def __init__(self, *, flow: KioskFlow, tr: Translator, metrics: Metrics, desk: ParticipationDesk, session,
                 receipt_link: Callable[[str, str], str], is_online: Callable[[], bool] = lambda: True,
                 runner: BackgroundCalls | None = None, palette=None) -> None:
        super().__init__()
        self.on_selected = palette.on_selected if palette is not None else ""
        if palette is not None:
            # A picked row must look picked (the shared row style has no checked state);
            # the words "picked" on the row say it without colour too.
            self.setStyleSheet(
                f'QPushButton[role="row"]:checked {{ background: {palette.selected}; '
                f'border: 4px solid {palette.selected}; }}')
        self.flow, self.tr_, self.m, self.desk, self.session = flow, tr, metrics, desk, session
        self.receipt_link, self.is_online = receipt_link, is_online
        self.runner = runner or BackgroundCalls(self)
        self.questions: list[Question] = []
        self.closed: list[Question] = []
        self.current: Question | None = None
        self.identity = None
        self.picks: list[str] = []
        self.why_text = ""
        self.ideas: list[Idea] = []
        self.receipt: Receipt | None = None
        self.problem_text = ""
        self._gen = 0
        self._row_areas: list[ColumnArea] = []
        outer = QVBoxLayout(self)
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.setContentsMargins(metrics.margin_px, metrics.margin_px // 2, metrics.margin_px, metrics.margin_px // 2)
        self.pages = Pages()
        outer.addWidget(self.pages)
        for build in (self._build_list, self._build_question, self._build_choose, self._build_ideas,
                      self._build_propose, self._build_review, self._build_receipt, self._build_results,
                      self._build_in_person):
            self.pages.addWidget(build())
        self.pages.currentChanged.connect(
            lambda _i: [self.pages.widget(i).updateGeometry() for i in range(self.pages.count())])
        self.retranslate()
        self._follow_text_size()

    # -- building ----------------------------------------------------------------------
    def _page(self) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        col = QVBoxLayout(page)
        col.setSpacing(self.m.gap_px)
        col.setContentsMargins(0, 0, 0, 0)
        return page, col

    def _rows_area(self, col: QVBoxLayout) -> QVBoxLayout:
        inner = QWidget()
        rows = QVBoxLayout(inner)
        rows.setSpacing(self.m.gap_px // 2)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addStretch(1)
        area = kinetic_scroll_area(inner, ColumnArea())
        self._row_areas.append(area)
        col.addWidget(area, 1)
        return rows

    def changeEvent(self, event) -> None:   # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._follow_text_size()

    def _follow_text_size(self) -> None:
        """At the site's text a page fits the screen and its list scrolls between the heading
        and the buttons; with larger text ("Aa") the page scrolls, and the list stands whole
        in it rather than in the sliver of height left over."""
        enlarged = self.font().pointSizeF() > self.m.body_pt * 1.2
        for area in self._row_areas:
            area.set_whole(enlarged)

    @staticmethod
    def _say(notice: QLabel, text: str) -> None:
        notice.setText(text)
        notice.setVisible(bool(text))

    @staticmethod
    def _clear_rows(rows: QVBoxLayout) -> None:
        clear_layout(rows, leave=1)  # the closing stretch stays

    def _build_list(self) -> QWidget:
        page, col = self._page()
        self.list_heading = plain(role="title")
        self.list_intro = plain(role="muted")
        col.addWidget(self.list_heading)
        col.addWidget(self.list_intro)
        self.list_rows = self._rows_area(col)
        return page

    def _build_question(self) -> QWidget:
        page, col = self._page()
        self.q_title = plain(role="title")
        self.q_title.setObjectName("question-title")
        self.q_facts = plain()
        self.q_rule = plain(role="muted")
        self.q_problem = plain(role="notice")
        self.q_problem.setObjectName("question-problem")
        for w in (self.q_title, self.q_facts, self.q_rule, self.q_problem):
            col.addWidget(w)
        col.addStretch(1)
        row = QHBoxLayout()
        self.q_back = button("", "", min_height=self.m.touch_px)
        self.q_back.setObjectName("question-back")
        self.q_back.clicked.connect(lambda: self._show(LIST_PAGE))
        self.q_take_part = button("", "", role="primary", min_height=self.m.touch_px)
        self.q_take_part.setObjectName("take-part")
        self.q_take_part.clicked.connect(self._take_part)
        # A nurse or admin signed in here may vouch for a person without an electronic key.
        self.q_in_person = button("", "", min_height=self.m.touch_px)
        self.q_in_person.setObjectName("authorise-in-person")
        self.q_in_person.clicked.connect(lambda: self._show(IN_PERSON_PAGE))
        row.addStretch(1)  # the session bar covers the bottom left
        row.addWidget(self.q_in_person)
        row.addWidget(self.q_back)
        row.addWidget(self.q_take_part)
        col.addLayout(row)
        return page

    def _build_choose(self) -> QWidget:
        page, col = self._page()
        self.c_heading = plain(role="title")
        self.c_hint = plain(role="muted")
        col.addWidget(self.c_heading)
        col.addWidget(self.c_hint)
        self.budget_bar = BudgetBar(max(36, self.m.touch_px // 2))
        self.budget_caption = plain()
        self.budget_caption.setObjectName("budget-left")
        col.addWidget(self.budget_bar)
        col.addWidget(self.budget_caption)
        self.c_refusal = plain(role="notice")
        self.c_refusal.setObjectName("pick-refused")
        col.addWidget(self.c_refusal)
        self.option_rows = self._rows_area(col)
        self.option_area = col.itemAt(col.count() - 1).widget()
        self.option_group = QButtonGroup(self)
        self.why_toggle = button("", "", min_height=self.m.touch_px)
        self.why_toggle.setObjectName("why-toggle")
        self.why_toggle.setCheckable(True)
        self.why_toggle.toggled.connect(self._show_why)
        col.addWidget(self.why_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self.why_field = QLineEdit()
        self.why_field.setObjectName("why-text")
        self.why_field.setMinimumHeight(self.m.touch_px)
        col.addWidget(self.why_field)
        self.why_keyboard = OnScreenKeyboard(tr=self.tr_, metrics=self.m)
        self.why_keyboard.attach(self.why_field)
        col.addWidget(self.why_keyboard)
        row = QHBoxLayout()
        self.c_back = button("", "", min_height=self.m.touch_px)
        self.c_back.setObjectName("choose-back")
        self.c_back.clicked.connect(lambda: self._show(QUESTION_PAGE))
        self.c_next = button("", "", role="primary", min_height=self.m.touch_px)
        self.c_next.setObjectName("to-review")
        self.c_next.clicked.connect(self._to_review)
        row.addStretch(1)  # the session bar covers the bottom left
        row.addWidget(self.c_back)
        row.addWidget(self.c_next)
        col.addLayout(row)
        return page

    def _build_ideas(self) -> QWidget:
        page, col = self._page()
        self.i_heading = plain(role="title")
        self.i_note = plain(role="muted")
        self.i_note.setObjectName("ideas-note")
        col.addWidget(self.i_heading)
        col.addWidget(self.i_note)
        self.idea_rows = self._rows_area(col)
        row = QHBoxLayout()
        self.i_back = button("", "", min_height=self.m.touch_px)
        self.i_back.setObjectName("ideas-back")
        self.i_back.clicked.connect(lambda: self._show(QUESTION_PAGE))
        self.i_propose = button("", "", role="primary", min_height=self.m.touch_px)
        self.i_propose.setObjectName("propose-idea")
        self.i_propose.clicked.connect(lambda: self._show(PROPOSE_PAGE))
        row.addStretch(1)  # the session bar covers the bottom left
        row.addWidget(self.i_back)
        row.addWidget(self.i_propose)
        col.addLayout(row)
        return page

    def _build_propose(self) -> QWidget:
        page, col = self._page()
        col.setSpacing(max(4, self.m.gap_px // 4))  # two fields, chips and a full keyboard at 1280x800
        self.p_heading = plain(role="title")
        col.addWidget(self.p_heading)
        self.p_title = QLineEdit()
        self.p_title.setObjectName("idea-title")
        self.p_text = QLineEdit()
        self.p_text.setObjectName("idea-text")
        # Title and text side by side: at 1280x800 the keyboard needs the height.
        fields = QHBoxLayout()
        fields.setSpacing(self.m.gap_px)
        for f, stretch in ((self.p_title, 1), (self.p_text, 2)):
            f.setMinimumHeight(self.m.touch_px)
            fields.addWidget(f, stretch)
        col.addLayout(fields)
        self.p_active = self.p_title
        self.p_title.selectionChanged.connect(lambda: setattr(self, "p_active", self.p_title))
        self.p_title.cursorPositionChanged.connect(lambda *_: setattr(self, "p_active", self.p_title))
        self.p_text.cursorPositionChanged.connect(lambda *_: setattr(self, "p_active", self.p_text))
        # Topic and district on one line while they fit (the keyboard needs the height), on
        # more lines with larger text.
        self.chips = FlowLayout(spacing=max(4, self.m.gap_px // 2))
        col.addLayout(self.chips)
        self.category_group = QButtonGroup(self)
        self.district_group = QButtonGroup(self)
        self.p_problem = plain(role="notice")
        col.addWidget(self.p_problem)
        keyboard = OnScreenKeyboard(tr=self.tr_, metrics=self.m)
        keyboard.typed.connect(lambda ch: self.p_active.insert(ch))
        keyboard.erased.connect(lambda: self.p_active.backspace())
        keyboard.cleared.connect(lambda: self.p_active.clear())
        self.p_keyboard = keyboard
        col.addWidget(keyboard)
        row = QHBoxLayout()
        self.p_back = button("", "", min_height=self.m.touch_px)
        self.p_back.setObjectName("propose-back")
        self.p_back.clicked.connect(lambda: self._show(IDEAS_PAGE))
        self.p_send = button("", "", role="primary", min_height=self.m.touch_px)
        self.p_send.setObjectName("send-idea")
        self.p_send.clicked.connect(self._send_idea)
        row.addStretch(1)  # the session bar covers the bottom left
        row.addWidget(self.p_back)
        row.addWidget(self.p_send)
        col.addLayout(row)
        return page

    def _build_review(self) -> QWidget:
        page, col = self._page()
        self.r_heading = plain(role="title")
        self.r_lines = plain()
        self.r_lines.setObjectName("review-choices")
        self.r_rule = plain(role="muted")
        self.r_problem = plain(role="notice")
        for w in (self.r_heading, self.r_lines, self.r_rule, self.r_problem):
            col.addWidget(w)
        col.addStretch(1)
        row = QHBoxLayout()
        self.r_change = button("", "", min_height=self.m.touch_px)
        self.r_change.setObjectName("review-change")
        self.r_change.clicked.connect(lambda: self._show(CHOOSE_PAGE))
        self.r_cast = button("", "", role="primary", min_height=self.m.touch_px)
        self.r_cast.setObjectName("cast-vote")
        self.r_cast.clicked.connect(self._cast)
        row.addStretch(1)  # the session bar covers the bottom left
        row.addWidget(self.r_change)
        row.addWidget(self.r_cast)
        col.addLayout(row)
        return page

    def _build_receipt(self) -> QWidget:
        page, col = self._page()
        row = QHBoxLayout()
        left = QVBoxLayout()
        self.d_heading = plain(role="title")
        self.d_heading.setObjectName("receipt-heading")
        self.d_text = plain()
        self.d_text.setObjectName("receipt-text")
        self.d_rule = plain(role="muted")
        for w in (self.d_heading, self.d_text, self.d_rule):
            left.addWidget(w)
        left.addStretch(1)
        row.addLayout(left, 3)
        right = QVBoxLayout()
        self.qr = QrCodeWidget(size_px=320 if self.m.touch_px >= 88 else 240)
        self.qr.setObjectName("receipt-qr")
        self.qr_caption = plain(role="small")
        right.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        right.addWidget(self.qr_caption)
        right.addStretch(1)
        row.addLayout(right, 2)
        col.addLayout(row, 1)
        self.d_done = button("", "", role="primary", min_height=self.m.touch_px)
        self.d_done.setObjectName("receipt-done")
        self.d_done.clicked.connect(self._done)
        col.addWidget(self.d_done, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _build_in_person(self) -> QWidget:
        page, col = self._page()
        self.n_heading = plain(role="title")
        self.n_hint = plain(role="muted")
        self.n_code = QLineEdit()
        self.n_code.setObjectName("identity-code")
        self.n_code.setMinimumHeight(self.m.touch_px)
        self.n_code.setMaxLength(11)
        self.n_problem = plain(role="notice")
        self.n_problem.setObjectName("in-person-problem")
        self.n_code.textChanged.connect(lambda _t: self._say(self.n_problem, ""))  # an old error goes as one types
        for w in (self.n_heading, self.n_hint, self.n_code, self.n_problem):
            col.addWidget(w)
        self.n_keyboard = OnScreenKeyboard(tr=self.tr_, metrics=self.m, digits=True)
        self.n_keyboard.attach(self.n_code)
        col.addWidget(self.n_keyboard)
        col.addStretch(1)
        row = QHBoxLayout()
        self.n_back = button("", "", min_height=self.m.touch_px)
        self.n_back.setObjectName("in-person-back")
        self.n_back.clicked.connect(lambda: (self.n_code.clear(), self._show(QUESTION_PAGE)))
        self.n_go = button("", "", role="primary", min_height=self.m.touch_px)
        self.n_go.setObjectName("in-person-continue")
        self.n_go.clicked.connect(self._authorise)
        row.addStretch(1)
        row.addWidget(self.n_back)
        row.addWidget(self.n_go)
        col.addLayout(row)
        return page

    def _build_results(self) -> QWidget:
        page, col = self._page()
        self.s_heading = plain(role="title")
        self.s_facts = plain(role="muted")
        col.addWidget(self.s_heading)
        col.addWidget(self.s_facts)
        self.result_grid_host = QWidget()
        self.result_grid = QGridLayout(self.result_grid_host)
        self.result_grid.setHorizontalSpacing(self.m.gap_px)
        col.addWidget(self.result_grid_host)
        col.addStretch(1)
        self.s_back = button("", "", min_height=self.m.touch_px)
        self.s_back.setObjectName("results-back")
        self.s_back.clicked.connect(lambda: self._show(LIST_PAGE))
        col.addWidget(self.s_back, 0, Qt.AlignmentFlag.AlignRight)
        return page

    # -- moving ---------------------------------------------------------------------------
    def enter(self, place: Place) -> None:
        self._show(LIST_PAGE)
        self._load()

    def _show(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self._fill(index)

    def _load(self) -> None:
        self._gen += 1
        gen = self._gen
        self.list_intro.setText(self.tr_.t("participation.loading"))

        def got(result, error) -> None:
            if gen != self._gen:
                return
            if error is not None:
                self.questions, self.closed = [], []
            else:
                self.questions, self.closed = result
            self._fill(LIST_PAGE)
        self.runner.db(lambda: (self.desk.open_questions(), self.desk.closed_questions()), got)

    def _open_question(self, q: Question) -> None:
        self.current, self.picks, self.problem_text = q, [], ""
        self.why_field.clear()
        self.why_toggle.setChecked(False)
        self._show(QUESTION_PAGE)

    def _open_results(self, q: Question) -> None:
        self.current = q
        self._show(RESULTS_PAGE)

    def _take_part(self) -> None:
        q = self.current
        if q is None:
            return
        self.session.require("participation.take_part", self._with_key, where="participation")

    def _with_key(self, identity) -> None:
        q = self.current
        self.identity = identity
        problem = self.desk.may_take_part(q, identity)
        if problem is not None:
            self.problem_text = self._reason(problem)
            self._show(QUESTION_PAGE)
            return
        self.problem_text = ""
        if q.type == IDEAS:
            self.runner.db(lambda: self.desk.ideas(q.id), self._ideas_loaded)
            self._show(IDEAS_PAGE)
        else:
            self._show(CHOOSE_PAGE)

    def _authorise(self) -> None:
        """The staff member checked the person's identity document and typed the code."""
        try:
            voter = authorise_in_person(self.session.identity, self.n_code.text())
        except ParticipationError as exc:
            key = {"not_staff": "participation.in_person.not_staff"}.get(exc.code, "participation.in_person.bad_code")
            self._say(self.n_problem, self.tr_.t(key))
            return
        self.n_code.clear()  # the code leaves the screen at once
        self._with_key(voter)

    def _ideas_loaded(self, ideas, error) -> None:
        self.ideas = ideas if error is None else []
        self._fill(IDEAS_PAGE)

    def _toggle(self, option_id: str, checked: bool) -> None:
        q = self.current
        self._say(self.c_refusal, "")
        if q.type == POLL and not q.multiple:
            self.picks = [option_id] if checked else [p for p in self.picks if p != option_id]
        elif checked and option_id not in self.picks:
            if q.type == BUDGET and (cost := q.option(option_id).cost) > budget_left(q, self.picks):
                # Refused with the reason; the tick goes back off.
                self._say(self.c_refusal, self.tr_.t("participation.budget.refused", cost=euros(self.tr_, cost),
                                                  left=euros(self.tr_, budget_left(q, self.picks))))
                self._sync_checks()
                return
            self.picks.append(option_id)
        elif not checked:
            self.picks = [p for p in self.picks if p != option_id]
        self._sync_checks()
        self._update_budget()
        self.c_next.setEnabled(bool(self.picks))

    def _sync_checks(self) -> None:
        for b in self.option_group.buttons():
            b.blockSignals(True)
            b.setChecked(b.property("option_id") in self.picks)
            b.blockSignals(False)
            mark = b.findChild(QLabel, f"picked-{b.property('option_id')}")
            if mark is not None:
                mark.setText(self.tr_.t("participation.picked") if b.isChecked() else "")
            # Qt style sheets cannot match a label by its parent's :checked state.
            for lab in [*b.findChildren(QLabel), *b.findChildren(Pictogram)]:
                lab.setStyleSheet(f"color: {self.on_selected}" if b.isChecked() and self.on_selected else "")

    def _to_review(self) -> None:
        q = self.current
        problem = choice_problem(q, self.picks)
        if problem is not None:
            self._say(self.c_refusal, self._reason(problem))
            return
        self.why_text = self.why_field.text() if q.why_text else ""
        self._show(REVIEW_PAGE)

    def _cast(self) -> None:
        q, identity, picks, why = self.current, self.identity, list(self.picks), self.why_text
        if q is None or identity is None:
            return
        self.r_cast.setEnabled(False)
        # Database work only (the outbox sends it): on the database thread, in the writes' order.
        self.runner.db(lambda: self.desk.cast_vote(identity, q.id, picks, why or None), self._recorded)

    def _recorded(self, receipt, error) -> None:
        self.r_cast.setEnabled(True)
        if error is not None:
            self._say(self.r_problem, self._reason(error) if isinstance(error, ParticipationError)
                                   else self.tr_.t("participation.error.other"))
            return
        self.receipt = receipt
        self.cast.emit(receipt)
        self._show(RECEIPT_PAGE)

    def _support(self, idea: Idea) -> None:
        identity = self.identity
        if identity is None:
            return
        self.runner.db(lambda: self.desk.support_idea(identity, idea.id), self._recorded)

    def _send_idea(self) -> None:
        q, identity = self.current, self.identity
        category = self.category_group.checkedButton()
        district = self.district_group.checkedButton()
        title, text = self.p_title.text(), self.p_text.text()
        if not title.strip() or not text.strip() or category is None:
            self._say(self.p_problem, self.tr_.t("participation.idea.incomplete"))
            return
        lang = self.tr_.data_language
        self.runner.db(lambda: self.desk.propose_idea(
            identity, q.id, title=title, text=text, category=category.property("option_id"),
            district=district.property("option_id") if district is not None else None, language=lang),
            self._recorded)

    def _done(self) -> None:
        self.clear()
        self.flow.home()

    def _reason(self, problem: ParticipationError) -> str:
        key = f"participation.reason.{problem.code}"
        if problem.code == "not_eligible" and problem.detail:
            key = f"participation.not_eligible.{problem.detail}"
        text = self.tr_.t(key, min_age=str(self.current.eligibility.min_age or "") if self.current else "")
        return text if text != key else self.tr_.t("participation.error.other")

    # -- filling ---------------------------------------------------------------------------
    def _fill(self, index: int) -> None:
        {LIST_PAGE: self._fill_list, QUESTION_PAGE: self._fill_question, CHOOSE_PAGE: self._fill_choose,
         IDEAS_PAGE: self._fill_ideas, PROPOSE_PAGE: self._fill_propose, REVIEW_PAGE: self._fill_review,
         RECEIPT_PAGE: self._fill_receipt, RESULTS_PAGE: self._fill_results,
         IN_PERSON_PAGE: self._fill_in_person}[index]()

    def _fill_in_person(self) -> None:
        t = self.tr_.t
        self.n_heading.setText(t("participation.in_person.heading"))
        self.n_hint.setText(t("participation.in_person.hint"))
        self.n_code.setPlaceholderText(t("participation.in_person.code"))
        self.n_code.setAccessibleName(t("participation.in_person.code"))
        self._say(self.n_problem, "")

    def _until(self, q: Question) -> str:
        closes = q.closes.astimezone(LOCAL_TZ)
        return self.tr_.t("participation.until", day=closes.strftime("%d.%m.%Y"), time=self.tr_.time(closes))

    def _fill_list(self) -> None:
        t, lang = self.tr_.t, self.tr_.data_language
        self._clear_rows(self.list_rows)
        self.list_intro.setText(t("participation.intro") if self.questions or self.closed
                                else t("participation.none_open"))
        entries = [(q, False) for q in self.questions] + [(q, True) for q in self.closed if q.results]
        for n, (q, closed) in enumerate(entries):
            row = RichButton(role="row", min_height=self.m.touch_px)
            row.setObjectName(f"question-{q.id}")
            title = mark_catalogue_text(plain(text_in(q.title, lang), role="heading"), self.tr_)
            kind = t(f"participation.type.{q.type}")
            sub = plain(f"{kind} · {text_in(q.asker, lang)} · " +
                        (t("participation.results_ready") if closed else self._until(q)), role="muted")
            row.add(title)
            row.add(sub)
            row.setAccessibleName(f"{text_in(q.title, lang)}. {sub.text()}")
            row.clicked.connect(lambda _=False, q=q, closed=closed:
                                self._open_results(q) if closed else self._open_question(q))
            self.list_rows.insertWidget(n, row)

    def _fill_question(self) -> None:
        q, t, lang = self.current, self.tr_.t, self.tr_.data_language
        if q is None:
            return
        self.q_title.setText(text_in(q.title, lang))
        mark_catalogue_text(self.q_title, self.tr_)
        facts = [t("participation.asker", who=text_in(q.asker, lang)),
                 t("participation.why", why=text_in(q.why, lang)),
                 self._until(q),
                 t("participation.result_use", use=text_in(q.result_use, lang))]
        if q.type == BUDGET:
            facts.append(t("participation.budget.total", total=euros(self.tr_, q.budget)))
        el = q.eligibility
        if el.min_age is not None:
            facts.append(t("participation.eligibility.age", min_age=str(el.min_age)))
        if el.districts:
            names = [n for d in el.districts if (n := q.district_name(d, lang))]
            if names:
                facts.append(t("participation.eligibility.districts", districts=", ".join(names)))
        self.q_facts.setText("\n".join(facts))
        self.q_rule.setText(t("participation.rule.first" if q.rule == FIRST else "participation.rule.replace")
                            if q.type != IDEAS else t("participation.ideas.how"))
        self.q_problem.setText(self.problem_text)
        self.q_problem.setVisible(bool(self.problem_text))
        self.q_take_part.setText(t("participation.take_part" if q.type != IDEAS else "participation.ideas.open"))
        self.q_take_part.setAccessibleName(self.q_take_part.text())
        staff = self.session.identity is not None and self.session.identity.is_staff
        self.q_in_person.setVisible(staff and q.type != IDEAS)

    def _fill_choose(self) -> None:
        q, t, lang = self.current, self.tr_.t, self.tr_.data_language
        if q is None:
            return
        self.c_heading.setText(text_in(q.title, lang))
        mark_catalogue_text(self.c_heading, self.tr_)
        hint = {POLL: "participation.poll.many" if q.multiple else "participation.poll.one",
                BUDGET: "participation.budget.hint"}.get(q.type, "participation.poll.one")
        self.c_hint.setText(t(hint))
        self._clear_rows(self.option_rows)
        for b in self.option_group.buttons():
            self.option_group.removeButton(b)
        self.option_group.setExclusive(q.type == POLL and not q.multiple)
        for n, o in enumerate(q.options):
            row = RichButton(role="row", min_height=self.m.touch_px)
            row.setCheckable(True)
            row.setProperty("option_id", o.id)
            row.setObjectName(f"option-{o.id}")
            label = text_in(o.label, lang)
            name = label
            mark = plain("", role="open")
            mark.setObjectName(f"picked-{o.id}")
            if q.type == BUDGET:
                line = QWidget()
                line.setStyleSheet("background: transparent")
                h = QHBoxLayout(line)
                h.setContentsMargins(0, 0, 0, 0)
                h.setSpacing(self.m.gap_px)
                h.addWidget(Pictogram(o.pictogram, size_px=max(48, self.m.touch_px - 16)), 0, Qt.AlignmentFlag.AlignTop)
                texts = QVBoxLayout()
                texts.addWidget(mark_catalogue_text(plain(f"{label} · {euros(self.tr_, o.cost)}", role="heading"),
                                                    self.tr_))
                district = q.district_name(o.district, lang) if o.district else ""
                texts.addWidget(mark_catalogue_text(plain(text_in(o.description, lang) +
                                                          (f" · {district}" if district else ""), role="muted"),
                                                    self.tr_))
                h.addLayout(texts, 1)
                h.addWidget(mark)
                for w in line.findChildren(QWidget):
                    w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
                row.add(line)
                name = f"{label}, {euros(self.tr_, o.cost)}. {text_in(o.description, lang)}"
            else:
                row.add_row(mark_catalogue_text(plain(label, role="heading"), self.tr_), mark)
            row.setAccessibleName(name)
            row.setChecked(o.id in self.picks)
            row.toggled.connect(lambda checked, oid=o.id: self._toggle(oid, checked))
            self.option_group.addButton(row)
            self.option_rows.insertWidget(n, row)
        self._sync_checks()
        budget = q.type == BUDGET
        self.budget_bar.setVisible(budget)
        self.budget_caption.setVisible(budget)
        self._update_budget()
        self.why_toggle.setVisible(q.why_text)
        self._show_why(self.why_toggle.isChecked() and q.why_text)
        self.why_field.setPlaceholderText(t("participation.why_text"))
        self.why_field.setAccessibleName(t("participation.why_text"))
        self._say(self.c_refusal, "")
        self.c_next.setEnabled(bool(self.picks))

    def _show_why(self, on: bool) -> None:
        """The optional reason is typed in place of the option list, which comes back after."""
        on = bool(on and self.current is not None and self.current.why_text)
        self.why_field.setVisible(on)
        self.why_keyboard.setVisible(on)
        self.option_area.setVisible(not on)
        t = self.tr_.t
        self.why_toggle.setText(t("participation.why_toggle.back" if on else "participation.why_toggle.write"))
        self.why_toggle.setAccessibleName(self.why_toggle.text())

    def _update_budget(self) -> None:
        q = self.current
        if q is None or q.type != BUDGET:
            return
        left = budget_left(q, self.picks)
        caption = self.tr_.t("participation.budget.left", left=euros(self.tr_, left),
                             total=euros(self.tr_, q.budget))
        self.budget_caption.setText(caption)
        self.budget_bar.set_values(q.budget - left, q.budget, caption)

    def _fill_ideas(self) -> None:
        q, t = self.current, self.tr_.t
        if q is None:
            return
        self.i_heading.setText(text_in(q.title, self.tr_.data_language))
        mark_catalogue_text(self.i_heading, self.tr_)
        self.i_note.setText(t("participation.ideas.none") if not self.ideas else t("participation.ideas.support_hint"))
        self._clear_rows(self.idea_rows)
        for n, idea in enumerate(self.ideas):
            row = QWidget()
            h = QHBoxLayout(row)
            h.setContentsMargins(0, 0, 0, 0)
            texts = QVBoxLayout()
            texts.addWidget(plain(idea.title, role="heading"))
            texts.addWidget(plain(idea.text, role="muted"))
            texts.addWidget(plain(t("participation.ideas.supports", n=str(idea.supports)), role="small"))
            h.addLayout(texts, 1)
            b = button(t("participation.ideas.support"), t("participation.ideas.support_named", title=idea.title),
                       min_height=self.m.touch_px)
            b.setObjectName(f"support-{idea.id}")
            b.clicked.connect(lambda _=False, idea=idea: self._support(idea))
            h.addWidget(b)
            self.idea_rows.insertWidget(n, row)

    def _fill_propose(self) -> None:
        q, t, lang = self.current, self.tr_.t, self.tr_.data_language
        if q is None:
            return
        self.p_heading.setText(t("participation.idea.heading"))
        self.p_title.setPlaceholderText(t("participation.idea.title"))
        self.p_title.setAccessibleName(t("participation.idea.title"))
        self.p_text.setPlaceholderText(t("participation.idea.text"))
        self.p_text.setAccessibleName(t("participation.idea.text"))
        for group in (self.category_group, self.district_group):
            for b in group.buttons():
                group.removeButton(b)
        clear_layout(self.chips)
        for group, items, prefix in ((self.category_group,
                                      [(c.id, text_in(c.label, lang)) for c in q.categories], "category"),
                                     (self.district_group,
                                      [(d, q.district_name(d, lang)) for d in q.districts
                                       if q.district_name(d, lang)], "district")):
            if prefix == "district" and items and self.chips.count():
                self.chips.add_group_gap(self.m.gap_px * 2)   # topics and districts apart, as two groups
            for oid, text in items:
                b = button(text, t(f"participation.idea.{prefix}_named", name=text), min_height=self.m.touch_px)
                b.setCheckable(True)
                b.setProperty("option_id", oid)
                b.setObjectName(f"{prefix}-{oid}")
                group.addButton(b)
                self.chips.addWidget(b)
        self._say(self.p_problem, "")

    def _fill_review(self) -> None:
        q, t, lang = self.current, self.tr_.t, self.tr_.data_language
        if q is None:
            return
        self.r_heading.setText(t("participation.review.heading"))
        lines = [text_in(q.title, lang), ""]
        for p in self.picks:
            o = q.option(p)
            lines.append("• " + text_in(o.label, lang) + (f" ({euros(self.tr_, o.cost)})" if q.type == BUDGET else ""))
        if q.type == BUDGET:
            lines += ["", t("participation.budget.used", used=euros(self.tr_, q.budget - budget_left(q, self.picks)),
                            total=euros(self.tr_, q.budget))]
        if self.why_text:
            lines += ["", t("participation.review.why", why=self.why_text)]
        self.r_lines.setText("\n".join(lines))
        self.r_rule.setText(t("participation.rule.first" if q.rule == FIRST else "participation.rule.replace"))
        self._say(self.r_problem, "")

    def _fill_receipt(self) -> None:
        t, r = self.tr_.t, self.receipt
        if r is None:
            return
        kind = {"vote": "vote", "idea": "idea", "idea_support": "support"}[r.kind]
        self.d_heading.setText(t(f"participation.receipt.{kind}"))
        self.d_text.setText(t("participation.receipt.online" if self.is_online() else "participation.receipt.offline"))
        self.d_rule.setText(t("participation.rule.first" if r.rule == FIRST else "participation.rule.replace")
                            if r.kind == "vote" else "")
        self.qr.set_text(self.receipt_link(r.item_id, self.tr_.data_language))
        self.qr.setAccessibleName(t("participation.receipt.qr"))
        self.qr_caption.setText(t("participation.receipt.qr"))

    def _fill_results(self) -> None:
        q, t, lang = self.current, self.tr_.t, self.tr_.data_language
        if q is None:
            return
        self.s_heading.setText(t("participation.results.heading", title=text_in(q.title, lang)))
        res = q.results or {}
        voters = sum((res.get("turnout") or {}).get("channels", {}).values())
        self.s_facts.setText(t("participation.results.turnout", n=str(voters)) + "\n" +
                             t("participation.results.legend"))
        clear_layout(self.result_grid)
        rows = results_rows(q, res)
        top = max([k + o for _, k, o in rows] + [1])
        for n, (o, k, other) in enumerate(rows):
            name = text_in(o.label, lang)
            numbers = t("participation.results.numbers", total=str(k + other), kiosk=str(k), other=str(other))
            bar = ResultBar(max(28, self.m.touch_px // 3))
            bar.set_values(k, other, top, f"{name}: {numbers}")
            # The name and its numbers on a line (the numbers wrap), the bar under them across
            # the whole width: beside the words, at 200 % text the bars had a third of the screen.
            self.result_grid.addWidget(mark_catalogue_text(plain(name, role="heading"), self.tr_), 2 * n, 0,
                                       Qt.AlignmentFlag.AlignTop)
            self.result_grid.addWidget(plain(numbers), 2 * n, 1)
            self.result_grid.addWidget(bar, 2 * n + 1, 0, 1, 2)
        self.result_grid.setColumnStretch(1, 1)

    # -- Screen -----------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr_.t("participation.bar_title")

    def spoken(self):
        from ui.speech import describe
        return describe(self.tr_, self, self.title())

    def retranslate(self) -> None:
        t = self.tr_.t
        self.list_heading.setText(t("participation.heading"))
        for b, key in ((self.q_back, "participation.back"), (self.c_back, "participation.back"), (self.i_back, "participation.back"),
                       (self.p_back, "participation.back"), (self.s_back, "participation.back"),
                       (self.c_next, "participation.to_review"), (self.i_propose, "participation.ideas.propose"),
                       (self.p_send, "participation.idea.send"), (self.r_change, "participation.review.change"),
                       (self.r_cast, "participation.review.cast"), (self.d_done, "participation.receipt.done"),
                       (self.q_in_person, "participation.in_person.open"), (self.n_back, "participation.back"),
                       (self.n_go, "participation.in_person.continue")):
            b.setText(t(key))
            b.setAccessibleName(t(key))
        for k in (self.why_keyboard, self.p_keyboard, self.n_keyboard):
            k.retranslate()  # its words, and the new language's letters first
        self._fill(self.pages.currentIndex())

    def clear(self) -> None:
        """The next person: nothing of this person's choices, identity or typing stays."""
        self._gen += 1
        self.current, self.identity, self.picks, self.why_text, self.receipt = None, None, [], "", None
        self.ideas, self.problem_text = [], ""
        for f in (self.why_field, self.p_title, self.p_text, self.n_code):
            f.clear()
        for k in (self.why_keyboard, self.p_keyboard, self.n_keyboard):
            k.reset()
        self.qr.set_text("")
        self.pages.setCurrentIndex(LIST_PAGE)

    def has_input(self) -> bool:
        return bool(self.picks or self.why_field.text() or self.p_title.text() or self.p_text.text()
                    or self.n_code.text())
