"""Opening a folder or a file with the desktop's program — and, when that cannot work, saying
what failed and how to fix it (never nothing at all).

Which program is registered is asked off the GUI thread (:mod:`composer.desktop`, on the I/O
pool); on Linux "none" is the silent failure of ``xdg-open`` that the user would otherwise
never hear about. Then ``QDesktopServices.openUrl`` opens it; its refusal is said too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from composer import desktop
from composer.gui.operations import run_io


def _messages(mime: str) -> tuple[str, str, str]:
    """(title, when no program is registered, when the system refused) for ``mime``."""
    translate = QCoreApplication.translate
    if mime == desktop.FOLDER:
        return (translate("DesktopOpen", "无法打开文件夹"),
                translate("DesktopOpen",
                          "本机没有登记打开文件夹的程序（文件管理器），所以文件夹没有打开。"
                          "请用文件管理器找到下面的文件夹；信息技术人员可运行 composer-cli doctor "
                          "检查本机设置。"),
                translate("DesktopOpen", "系统没能打开这个文件夹。请用文件管理器找到它："))
    if mime == desktop.EML:
        return (translate("DesktopOpen", "无法打开邮件客户端"),
                translate("DesktopOpen",
                          "本机没有登记打开电子邮件草稿（.eml 文件）的程序，所以邮件客户端没有打开。"
                          "请把邮件客户端（如 Foxmail、Thunderbird、Outlook）设为 .eml 文件的默认程序"
                          "（信息技术人员可运行 composer-cli doctor 检查）；或在邮件客户端中打开这个文件，"
                          "也可以新建邮件并附上报告 PDF。邮件草稿位于："),
                translate("DesktopOpen",
                          "没有可以打开邮件草稿的程序。请在邮件客户端中打开这个文件，或新建邮件并附上"
                          "报告："))
    return (translate("DesktopOpen", "无法打开文件"),
            translate("DesktopOpen",
                      "本机没有登记打开这类文件的程序。请安装可以打开它的程序；文件位于："),
            translate("DesktopOpen", "系统没能打开这个文件。文件位于："))


def open_path(owner: QWidget, path: Path, mime: str,
              warn: Callable[[str, str], object]) -> None:
    """Open ``path`` (of type ``mime``: :data:`composer.desktop.FOLDER`, ``EML``…) with the
    desktop's program; a message box (``warn(title, text)``) says why not, with the path."""
    title, none, refused = _messages(mime)

    def asked(handler: str | None) -> None:
        if handler is None:
            warn(title, none + "\n" + str(path))
        elif not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            warn(title, refused + "\n" + str(path))

    run_io(owner, lambda: desktop.default_handler(mime), on_success=asked,
           on_failure=lambda _exc: asked(""))


__all__ = ["open_path"]
