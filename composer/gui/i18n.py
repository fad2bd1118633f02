"""Languages: Simplified Chinese (default, the source language) or English.

UI strings are written in Chinese and marked with ``self.tr`` / ``QCoreApplication.translate``;
English comes from ``resources/translations/composer_en.qm`` (built with pyside6-lupdate and
pyside6-lrelease from ``composer_en.ts``). Qt's own ``qtbase`` catalogue translates the stock
widgets (QWizard's 上一步/下一步, dialog buttons). The chosen language is kept in the user's
config directory.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from composer.core import paths
from composer.core.atomic import atomic_write_bytes
from composer.resources import resource_path

LANGUAGES = ("zh", "en")
_installed: list[QTranslator] = []
_current = "zh"


def language() -> str:
    """The language of the UI now: "zh" or "en"."""
    return _current


def pick(zh: str, en: str) -> str:
    """Choose between the Chinese and English forms of text coming from the core."""
    return en if _current == "en" else zh


def install(app: QCoreApplication, lang: str) -> None:
    """Switch every translator to ``lang`` (widgets built afterwards use it)."""
    global _current
    lang = lang if lang in LANGUAGES else "zh"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        names = [("qtbase_zh_CN", qt_dir)]
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        names = [("composer_en", str(resource_path("translations/composer_en.qm").parent))]
    for name, directory in names:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            _installed.append(translator)
    _current = lang


def load_language() -> str:
    try:
        data = json.loads(paths.settings_path().read_text(encoding="utf-8"))
        lang = data.get("language", "zh")
    except (OSError, ValueError, AttributeError):
        return "zh"
    return lang if lang in LANGUAGES else "zh"


def save_language(lang: str) -> None:
    path = paths.settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    data["language"] = lang
    paths.private_dir(path.parent)      # 0700; the file itself is written 0600 (mkstemp)
    atomic_write_bytes(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
