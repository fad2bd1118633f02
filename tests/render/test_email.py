"""message.eml: parsed back with the standard library, as a mail client would."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime, timedelta, timezone
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from jinja2 import UndefinedError

from composer.core.classify import classify
from composer.core.incident_io import load_report
from composer.core.model import Report
from composer.core.rules import reporting_rules
from composer.render import templating
from composer.render.email import InvalidAddress, body_context, check_address, render_eml

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
CST = timezone(timedelta(hours=8))
WHEN = datetime(2026, 11, 18, 16, 30, tzinfo=CST)
PDF = b"%PDF-1.4\n% not really a pdf, but bytes must survive exactly\n\x00\xff\r\n\r\n%%EOF\n"


def _report(name: str = "ransomware-retailer") -> Report:
    return load_report(EXAMPLES / f"{name}.json")


def _eml(report: Report, **kw) -> bytes:
    kw.setdefault("generated_at", WHEN)
    return render_eml(report, classify(report), kw.pop("pdf", PDF), **kw)


def _parse(data: bytes) -> EmailMessage:
    msg = message_from_bytes(data, policy=default)
    assert isinstance(msg, EmailMessage)
    assert not msg.defects
    return msg


def _with(report: Report, *, operator: dict | None = None, contact: dict | None = None,
          incident: dict | None = None) -> Report:
    op = report.operator
    if contact:
        op = dataclasses.replace(op, contact=dataclasses.replace(op.contact, **contact))
    if operator:
        op = dataclasses.replace(op, **operator)
    inc = dataclasses.replace(report.incident, **(incident or {}))
    return dataclasses.replace(report, operator=op, incident=inc)


def test_headers_decode() -> None:
    msg = _parse(_eml(_report(), extra_recipients=["soc@example.cn"]))
    assert [a.addr_spec for a in msg["To"].addresses] == ["12387@cert.org.cn", "soc@example.cn"]
    assert reporting_rules().channels.email == "12387@cert.org.cn"
    assert msg["Subject"] == "【网络安全事件报告·首报】华东优选零售有限公司 较大 2026-11-18"
    assert msg["X-Unsent"] == "1"
    assert parsedate_to_datetime(msg["Date"]) == WHEN
    assert msg["Message-ID"].startswith("<") and msg["Message-ID"].endswith(">")
    (sender,) = msg["From"].addresses
    assert sender.addr_spec == "liuyang@example.cn"
    assert "刘洋" in sender.display_name
    assert msg["Reply-To"].addresses[0].addr_spec == "liuyang@example.cn"
    assert msg.get_content_type() == "multipart/mixed"


def test_deterministic_and_rfc5322_lines() -> None:
    a, b = _eml(_report()), _eml(_report())
    assert a == b
    assert _eml(_report(), pdf=PDF + b" ") != a
    lines = a.split(b"\r\n")
    assert all(len(line) <= 998 for line in lines)
    assert b"\n" not in a.replace(b"\r\n", b"")  # CRLF only
    a.decode("ascii")  # 7-bit clean: every non-ASCII text is encoded


def test_attachment_is_byte_identical() -> None:
    msg = _parse(_eml(_report()))
    (att,) = list(msg.iter_attachments())
    assert att.get_content_type() == "application/pdf"
    assert att.get_content() == PDF
    assert att.get_filename() == "网络安全事件报告（首报）_华东优选零售有限公司_2026-11-18.pdf"
    assert att.get_content_disposition() == "attachment"
    assert att["Content-Type"].params["name"] == "incident-report-initial-2026-11-18.pdf"


def test_chinese_attachment_name_uses_rfc2231() -> None:
    raw = _eml(_report(), attachment_name="网络安全事件报告.pdf")
    assert re.search(rb"filename\*(0\*)?=utf-8''%E7%BD%91", raw)      # RFC 2231
    (att,) = list(_parse(raw).iter_attachments())
    assert att.get_filename() == "网络安全事件报告.pdf"
    # name= is the ASCII fallback for clients that do not read RFC 2231
    assert att["Content-Type"].params["name"] == "incident-report-initial-2026-11-18.pdf"
    assert att.get_content() == PDF
    (att,) = list(_parse(_eml(_report(), attachment_name="../../x\r\nBcc: a@b.cn")
                         ).iter_attachments())
    assert "/" not in att.get_filename() and "\n" not in att.get_filename()
    assert att.get_filename().endswith(".pdf")


def test_both_bodies() -> None:
    msg = _parse(_eml(_report()))
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    for body in (text, html):
        assert "华东优选零售有限公司" in body
        assert "较大" in body
        assert "2026-11-18 18:05" in body           # discovered 14:05 + 4 h
        assert "浙江省网信办" in body
        assert "010-66668888" in body and "刘洋" in body
        assert "公民个人信息泄露" in body or "个人信息" in body
        # issue 18: what the PDF says — each part, 待补报 where it does, the ransom parts
        assert "事件地点：待补报" in body
        # item 2 asks for the time of discovery *or* occurrence: nothing is owed for the latter
        assert "发现时间：2026-11-18 14:05（北京时间）" in body and "发生时间" not in body
        assert "四、网络安全事件原因初步分析意见" in body
        assert "赎金金额：3 BTC" in body and "支付方式：比特币转账至指定钱包" in body
        assert "索要日期：2026-11-18 13:40（北京时间）" in body
        assert "未填写" not in body
    assert "<html" in html and "<html" not in text
    assert msg.get_body(("plain",)).get_content_charset() == "utf-8"


def test_items_say_what_the_pdf_says() -> None:
    """Each item of Art. 7 with its parts: 待补报 / 暂不掌握 as the PDF; item 2 accepts the
    time of discovery *or* occurrence (the discovery time is always there)."""
    def lines(report: Report) -> dict[str, list[str]]:
        ctx = body_context(report, classify(report), generated_at=WHEN, attachment_name="r.pdf")
        return {item["heading"][:2]: item["lines"] for item in ctx["items"]}
    items = lines(_report())
    assert items["一、"][-1] == "受影响的设施、系统、平台：会员管理系统、订单数据库"
    assert "发现时间：2026-11-18 14:05（北京时间）" in items["二、"]
    assert items["三、"] == ["待补报"] and items["八、"] == ["待补报"]
    r = _with(_report(), incident={"ransom": None, "location": "杭州",
                                   "occurred_at": _report().incident.discovered_at})
    assert {"赎金金额：待补报", "支付方式：待补报", "索要日期：待补报"} <= set(lines(r)["二、"])
    r = _with(_report(), incident={"not_yet_known": ["location"]})
    assert "事件地点：暂不掌握，将及时补报" in lines(r)["二、"]


def test_general_incident_has_no_deadline() -> None:
    report = dataclasses.replace(_report("phishing-general"), impact_assessed=True)
    assert not classify(report).grading.reportable
    text = _parse(_eml(report)).get_body(("plain",)).get_content()
    assert "自愿报告" in text and "报告时限：" not in text and "前报送" not in text
    subject = _parse(_eml(report))["Subject"]
    assert " 一般 " in subject


def test_unknown_impact_is_pending_in_the_email() -> None:
    """Issue 18: no impact fact known — 待研判 in the subject and the body, the deadline if it
    proves 较大 or above, the facts still being established; never 一般 or 自愿报告."""
    msg = _parse(_eml(_report("phishing-general")))
    assert " 待研判 " in msg["Subject"] and "一般" not in msg["Subject"]
    for part in ("plain", "html"):
        body = msg.get_body((part,)).get_content()
        assert "二、事件级别：待研判" in body and "自愿报告" not in body
        assert "未达到较大及以上事件的定级标准" not in body and "无法定报告时限" not in body
        assert "如为较大以上事件，应于2026-11-21 14:00（北京时间）前报送江苏省网信办" in body
        assert "下列事实尚在核实" in body


HOSTILE = "恶意单位\r\nBcc: victim@example.com\r\nX-Injected: 1"


def test_header_injection_is_impossible() -> None:
    report = _with(_report(), operator={"name": HOSTILE},
                   contact={"name": "张三\nCc: cc@example.com", "phone": "1\r\n\r\nbody"},
                   incident={"title": "t\r\nSubject: spoof"})
    raw = _eml(report)
    msg = _parse(raw)
    assert set(msg.keys()) == {"From", "Reply-To", "To", "Subject", "Date", "Message-ID",
                               "X-Unsent", "X-Mailer", "MIME-Version", "Content-Type"}
    assert msg["Bcc"] is None and msg["Cc"] is None and msg["X-Injected"] is None
    assert [a.addr_spec for a in msg["To"].addresses] == ["12387@cert.org.cn"]
    assert [a.addr_spec for a in msg["From"].addresses] == ["liuyang@example.cn"]
    header_block = raw.split(b"\r\n\r\n", 1)[0]
    for line in header_block.split(b"\r\n"):
        assert not line.lower().startswith((b"bcc", b"cc:", b"x-injected"))
    assert "\n" not in msg["Subject"] and "\r" not in msg["Subject"]
    assert "恶意单位 Bcc: victim@example.com X-Injected: 1" in msg["Subject"]
    # The hostile text reaches the bodies only as text (escaped in HTML).
    html = msg.get_body(("html",)).get_content()
    assert "恶意单位" in html


def test_html_body_is_escaped() -> None:
    report = _with(_report(), operator={"name": "<script>alert(1)</script>&Co"})
    msg = _parse(_eml(report))
    html = msg.get_body(("html",)).get_content()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&amp;Co" in html
    assert "<script>alert(1)</script>&Co" in msg.get_body(("plain",)).get_content()


@pytest.mark.parametrize("bad", ["not an address", "a@b", "a@b.cn\r\nBcc: x@y.cn",
                                 "a@b.cn, c@d.cn", "<a@b.cn>", "用户@例子.中国", "", "a b@c.cn"])
def test_bad_extra_recipients_are_rejected(bad: str) -> None:
    with pytest.raises(InvalidAddress):
        _eml(_report(), extra_recipients=[bad])


def test_address_check_accepts_plain_addresses() -> None:
    assert check_address(" soc+ir@sub.example.com.cn ") == "soc+ir@sub.example.com.cn"


def test_duplicate_recipient_collapses() -> None:
    msg = _parse(_eml(_report(), extra_recipients=["12387@CERT.org.cn", "b@c.cn", "b@c.cn"]))
    assert [a.addr_spec for a in msg["To"].addresses] == ["12387@cert.org.cn", "b@c.cn"]


@pytest.mark.parametrize("email", [None, "用户@例子.中国"])
def test_no_plain_contact_address_means_no_from(email: str | None) -> None:
    msg = _parse(_eml(_with(_report(), contact={"email": email})))
    assert msg["From"] is None and msg["Reply-To"] is None
    assert msg["X-Unsent"] == "1"


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError):
        _eml(_report(), generated_at=datetime(2026, 11, 18, 16, 30))


def test_long_text_is_cut_in_body_but_attachment_whole() -> None:
    big = "很长的描述。" * 5000
    msg = _parse(_eml(_with(_report(), incident={"description": big}), pdf=PDF * 1000))
    text = msg.get_body(("plain",)).get_content()
    assert len(text) < 10_000 and "全文见附件" in text
    (att,) = list(msg.iter_attachments())
    assert att.get_content() == PDF * 1000


def test_template_environment_is_strict() -> None:
    with pytest.raises(UndefinedError):
        templating.render("email.txt.j2")
    env = templating.environment()
    assert env.get_template("email.html.j2").render  # loads through the package gateway
    assert env.from_string("{{ x }}").render(x="<b>") == "<b>"  # strings: no autoescape



def test_parse_address_list_splits_dedupes_and_reports_invalid():
    from composer.render.email import parse_address_list

    valid, invalid = parse_address_list(
        "a@example.cn, b@example.cn；A@example.cn\n  用户@例子.中国 ; bad、c@example.org")
    assert valid == ["a@example.cn", "b@example.cn", "c@example.org"]
    assert invalid == ["用户@例子.中国", "bad"]
    assert parse_address_list("  ") == ([], [])


def test_summary_report_lists_the_art8_items():
    from dataclasses import replace as _replace

    from composer.core.model import ReportType

    report = _report()
    ctx = body_context(report, classify(report), generated_at=WHEN, attachment_name="r.pdf")
    assert len(ctx["items"]) == 8
    summary = _replace(report, report_type=ReportType.SUMMARY,
                       incident=_replace(report.incident, lessons="加强补丁管理",
                                         handling_completed_at=WHEN))
    ctx = body_context(summary, classify(summary), generated_at=WHEN, attachment_name="r.pdf")
    ninth = ctx["items"][8]
    assert ninth["heading"].startswith("九、")
    assert "经验教训：加强补丁管理" in ninth["lines"] and "责任处理情况：待补报" in ninth["lines"]


def test_deadline_paragraph_follows_the_report_type():
    from dataclasses import replace as _replace

    from composer.core.model import ReportType

    report = _replace(_report(), report_type=ReportType.FOLLOW_UP)
    ctx = body_context(report, classify(report), generated_at=report.incident.discovered_at,
                       attachment_name="report.pdf")
    assert ctx["timing"] == [("首报：2026-11-18 18:05（北京时间）前报送浙江省网信办（《办法》第四条，"
                             "发现后 4 小时内）；续报：无固定时限，出现重要新情况或调查取得进展时及时报送")]


def test_item_headings_and_parts_match_the_pdf() -> None:
    """Every item heading and every part the e-mail lists is printed in the PDF."""
    from pypdf import PdfReader

    from composer.core.model import ReportType
    from composer.render.pdf import render_report_pdf

    summary = dataclasses.replace(_report(), report_type=ReportType.SUMMARY,
                                  incident=dataclasses.replace(_report().incident,
                                                               handling_completed_at=WHEN))
    for report in (_report(), summary):
        pdf = render_report_pdf(report, classify(report), generated_at=WHEN)
        import io
        text = "".join("".join(p.extract_text().split())
                       for p in PdfReader(io.BytesIO(pdf)).pages)
        ctx = body_context(report, classify(report), generated_at=WHEN, attachment_name="r")
        for item in ctx["items"]:
            assert "".join(item["heading"].split()) in text, item["heading"]
            for line in item["lines"]:
                assert "".join(line.split()) in text, line


def test_what_goes_to_the_regulator_does_not_advertise_the_tool() -> None:
    """The tool is named in metadata only (X-Mailer, the PDF's Creator/Subject)."""
    from composer.render.pdf import render_report_pdf

    report = _report()
    msg = _parse(_eml(report))
    for part in ("plain", "html"):
        assert "Composer" not in msg.get_body((part,)).get_content()
    assert msg["X-Mailer"].startswith("Composer")
    import io

    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(render_report_pdf(report, classify(report), generated_at=WHEN)))
    assert not any("Composer" in p.extract_text() for p in pdf.pages)
    assert "本报告由 Composer" in pdf.metadata.subject and "生成" in pdf.metadata.subject
