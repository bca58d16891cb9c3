"""Write the sample report (docs/eksempel-rapport.pdf) from the demo case.

Usage: python scripts/sample_report.py OUT.pdf [--questions N] [--incomplete] [--lang en]
(--lang en: docs/example-report-en.pdf; the demo case's own texts stay Danish.)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from rolleudpeger import i18n
from rolleudpeger.demo import demo_clock, fill_demo_case
from rolleudpeger.editing import CaseEditor, utc_now
from rolleudpeger.resources import load_task
from rolleudpeger.store.repository import Store
from rolleudpeger.ui.language import install_language
from rolleudpeger.ui.report import write_pdf
from rolleudpeger.ui.report_actions import subject


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--questions", type=int, default=0, help="extra questions to KOMBIT")
    parser.add_argument("--incomplete", action="store_true")
    parser.add_argument("--lang", choices=tuple(i18n.LANGUAGES), default="da")
    args = parser.parse_args()
    _app = QGuiApplication([])
    install_language(args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp))
        clock = demo_clock()
        editor = CaseEditor.open(load_task(language=args.lang), store, clock=lambda: next(clock))
        fill_demo_case(editor, complete=not args.incomplete)
        for i in range(args.questions):
            editor.add_question(f"Spørgsmål {i + 1}: Hvordan håndteres brugere i KLIK, når …?")
            editor.answer_question(editor.case.questions[-1].id, "Se KLIK-vejledningen, afsnit 3.")
        # One clock for the footer's "Udskrevet" and the PDF's own creation date: now.
        editor.clock = utc_now
        start = time.perf_counter()
        pages = write_pdf(
            editor.report(),
            args.out,
            author=editor.report_author(),
            subject=subject(editor.task.title),
        )
        took = (time.perf_counter() - start) * 1000
        store.close()
    print(f"{args.out}: {pages} pages in {took:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
