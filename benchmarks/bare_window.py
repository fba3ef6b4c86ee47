"""The baseline for start-up: a bare PySide6 window, started and timed like the app."""

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class Window(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setCentralWidget(QLabel("Hello"))
        self.resize(1180, 760)
        self._painted = False

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            Path(os.environ["OSTPLAYER_EXIT_AFTER_PAINT"]).write_text(f"{time.time():.6f}\n")
            QTimer.singleShot(0, QApplication.quit)


app = QApplication(sys.argv)
window = Window()
window.show()
sys.exit(app.exec())
