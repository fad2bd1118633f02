"""Step 2: basic facts of the incident (art. 7 items 1–2; ransom items for ransomware)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QWidget

from composer.core import art7, flow, rules
from composer.core.obligations import CHINA_TZ
from composer.core.problem_text import problem_text
from composer.core.validators import timing_warnings
from composer.gui import i18n
from composer.gui.draft_model import DraftModel
from composer.gui.page_base import ERROR_STYLE, StepPage
from composer.gui.page_forms import Choice

TIMED = ("incident.discovered_at", "incident.occurred_at", "incident.handling_completed_at",
         "incident.ransom.demanded_at")


class BasicFactsPage(StepPage):
    """Title, times, category, systems, what happened, harm so far, measures taken."""

    step = flow.Step.BASIC

    def __init__(self, model: DraftModel, parent: QWidget | None = None):
        super().__init__(model, parent)
        self.setTitle(self.tr("事件基本情况"))
        self.setSubTitle(self.tr("《办法》第七条第（一）（二）项。时间均为北京时间；"
                                 "报告时限从发现时间起算。"))

    def build(self) -> None:
        form = self.new_form()
        self.add_line(form, "incident.title", self.tr("事件名称"),
                      self.tr("例如：会员系统遭勒索病毒攻击"))
        self.add_datetime(form, "incident.discovered_at", self.tr("发现时间"), optional=False,
                          hint=self.tr("发现或者获知事件的时间（默认为现在）。"))
        self.add_datetime(form, "incident.occurred_at", self.tr("发生时间"), optional=True)
        categories: list[Choice] = [(None, self.tr("（请选择）"))] + [
            (c.id, i18n.pick(c.zh, c.en)) for c in rules.categories()]
        self.add_choice(form, "incident.category", self.tr("事件类型"), categories,
                        hint=self.tr("按 GB/T 20986-2023 分类。"))
        self.add_line(form, "incident.systems", self.tr("涉及的设施、系统、平台"))
        self.add_line(form, "incident.location", self.tr("发生地点"))
        self.add_text(form, "incident.description", self.tr("事件经过"))
        self.add_text(form, "incident.impact", self.tr("已造成的影响和危害"))
        self.add_text(form, "incident.measures", self.tr("已采取的应对措施及效果"))
        self.add_datetime(form, "incident.handling_completed_at", self.tr("处置结束时间"),
                          optional=True,
                          hint=self.tr("总结报告必填：处置结束后 30 日内报送总结报告。"))
        self.add_check(form, "incident.suspected_crime", self.tr("涉嫌违法犯罪"),
                       self.tr("是（须同时向公安机关报案）"))
        # Art. 4: the report states exactly what the unit says about the police, nothing more
        self.add_choice(form, "incident.police_report.status", self.tr("向公安机关报案"),
                        [(None, self.tr("（不在报告中说明）")),
                         ("not_yet", self.tr("尚未报案")), ("reported", self.tr("已报案"))],
                        hint=self.tr("报告中如实写明：尚未报案，或何时向何机关报案。"))
        self.add_datetime(form, "incident.police_report.at", self.tr("报案时间"), optional=True)
        self.add_line(form, "incident.police_report.to", self.tr("报案机关"),
                      self.tr("例如：杭州市公安局网络安全保卫支队"))
        self.ransom_box = QGroupBox(self.tr("勒索信息（勒索病毒事件须报告）"))
        self.ransom_box.setObjectName("ransom-box")
        self.body.addWidget(self.ransom_box)
        ransom = self.new_form(into=self.ransom_box)
        self.add_line(ransom, "incident.ransom.amount", self.tr("赎金金额"),
                      self.tr("例如：3 BTC"))
        self.add_line(ransom, "incident.ransom.method", self.tr("支付方式"))
        self.add_datetime(ransom, "incident.ransom.demanded_at", self.tr("索要日期"),
                          optional=True)
        self.body.addStretch(1)
        self.unknown_marks: dict[str, QCheckBox] = {}
        for key in art7.KEYS:   # Art. 7 ¶2: each part of items 1–2 given or marked not known
            box = QCheckBox(self.tr("暂不掌握（报告中注明“暂不掌握，将及时补报”）"))
            box.setObjectName(f"incident.{key}#unknown")
            box.toggled.connect(lambda on, k=key: self._mark_unknown(k, on))
            self.field_box(f"incident.{key}").addWidget(box)
            self.unknown_marks[key] = box
        self.time_warnings: dict[str, QLabel] = {}
        for path in TIMED:   # a warning under each time field, beside its error
            warning = QLabel()
            warning.setObjectName(path + "#warning")
            warning.setWordWrap(True)
            warning.setStyleSheet(ERROR_STYLE)
            warning.hide()
            self.field_box(path).addWidget(warning)
            self.time_warnings[path] = warning

    def _show_time_warnings(self) -> None:
        """A time in the future is allowed but almost always a typo: say so under the field."""
        report = self.model.draft.report()
        found = ({p.path: p for p in timing_warnings(report, datetime.now(CHINA_TZ))}
                 if report is not None else {})
        for path, label in self.time_warnings.items():
            problem = found.get(path)
            text = "⚠ " + problem_text(problem, i18n.language()) if problem else ""
            self.show_note(label, text)

    def _mark_unknown(self, key: str, on: bool) -> None:
        if self._loading:
            return
        marks = [k for k in (self.model.draft.get("incident.not_yet_known") or [])
                 if k != key] + ([key] if on else [])
        self.write("incident.not_yet_known",
                   sorted(marks, key=lambda k: art7.KEYS.index(k) if k in art7.KEYS else 99)
                   or None)

    def _show_unknown_marks(self) -> None:
        """A mark is offered while the part is empty; typing a value clears the mark. The box
        stays where it is (greyed while the part is filled in): it never vanishes under the
        pointer on the first key typed."""
        draft = self.model.draft
        marks = list(draft.get("incident.not_yet_known") or [])
        for key, box in self.unknown_marks.items():
            filled = art7.given(draft.get(f"incident.{key}"))
            box.blockSignals(True)
            box.setChecked(key in marks and not filled)
            box.blockSignals(False)
            box.setEnabled(not filled and not self._read_only)
        stale = [k for k in marks if k in self.unknown_marks
                 and art7.given(draft.get(f"incident.{k}"))]
        if stale and not self._loading:
            self.model.set("incident.not_yet_known", [k for k in marks if k not in stale] or None)

    def refresh(self) -> None:
        self._show_unknown_marks()
        self._show_time_warnings()
        self.ransom_box.setVisible(flow.shows_ransom_items(self.model.draft))
        self.set_row_visible("incident.handling_completed_at",
                             flow.shows_handling_completed(self.model.draft))
        draft = self.model.draft
        police = draft.get("incident.police_report")
        self.set_row_visible("incident.police_report.status",
                             bool(draft.get("incident.suspected_crime")) or police is not None)
        reported = draft.get("incident.police_report.status") == "reported"
        for path in ("incident.police_report.at", "incident.police_report.to"):
            self.set_row_visible(path, reported or bool(draft.get(path)))
