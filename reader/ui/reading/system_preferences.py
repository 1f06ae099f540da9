"""What the desktop asks of the reading view: a larger system font, less motion.

Qt has no cross-platform "reduce motion" setting; the platform's UI-effects switch (Windows' "Show
animations", the desktop theme elsewhere) is the nearest, and ``SIFT_REDUCE_MOTION=1|0`` overrides it.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

# The default UI font size of each platform: a system font larger than this means the reader
# asked for larger text, and the reading view grows by the same factor.
NOMINAL_UI_PT = {"darwin": 13.0, "win32": 9.0}
NOMINAL_UI_PT_ELSEWHERE = 10.0
# Never shrink the story below the chosen size, and never more than double it on the system's word.
MAX_SYSTEM_SCALE = 2.0


def system_text_scale() -> float:
    """How much larger than usual the system's UI font is (1.0 when it is the default or smaller)."""
    size = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()
    nominal = NOMINAL_UI_PT.get(sys.platform, NOMINAL_UI_PT_ELSEWHERE)
    if size <= 0:
        return 1.0
    return max(1.0, min(MAX_SYSTEM_SCALE, size / nominal))


def prefers_reduced_motion() -> bool:
    """Whether to skip animations such as smooth scrolling."""
    override = os.environ.get("SIFT_REDUCE_MOTION", "").strip()
    if override in ("1", "0"):
        return override == "1"
    if QApplication.instance() is None:
        return True
    return not QApplication.isEffectEnabled(Qt.UIEffect.UI_General)
