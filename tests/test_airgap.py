"""Nothing may need the network: grading and the whole package work with sockets forbidden."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from composer.core.classify import classify
from composer.core.incident_io import load_report

EXAMPLES = Path(__file__).resolve().parent / "data" / "examples"


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise NetworkUsed(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_classify_and_render_without_network(no_network: None, tmp_path: Path) -> None:
    from composer.render.package import write_package

    path = EXAMPLES / "ransomware-retailer.json"
    report = load_report(path)
    assert classify(report).grading.reportable
    result = write_package(report, tmp_path / "out", source=path.read_bytes())
    assert {p.name for p in result.files} >= {"report.pdf", "message.eml", "manifest.json"}
