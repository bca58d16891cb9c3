"""Walk the whole task with the keyboard only, through the real Linux accessibility bus
(AT-SPI), as a screen reader meets it, and log what it is told.

Run with the system's Python, which has the AT-SPI bindings (Debian/Ubuntu:
`apt-get install at-spi2-core gir1.2-atspi-2.0 python3-gi dbus xvfb xdotool`):

    /usr/bin/python3 scripts/atspi_walk.py [--lang da|en] [--out build/atspi]

It starts what it needs when it is missing — a D-Bus session (dbus-run-session), a virtual
screen (Xvfb, 1366×768) — and the app from `.venv` on a fresh data folder, with Qt's
AT-SPI bridge on. Then, with synthesised keys only: Alt+T and Enter to the first step; on
each page Tab from the heading through every focus stop, typing into empty text fields and
ticking check boxes (not *Afventer*); Space on *Næste* to the next page. Every focus event
(role, name, description) and every announcement is logged per page.

Writes OUT/walk.json (every event) and OUT/summary.txt: per page the focus stops,
unnamed stops, stops with a doubtful role (a filler, a panel, a scroll pane, a label that
is no heading or link), announcements with their text, and whether the page opened at its
heading; at the end the step list's rows, to show whether every step was completed.
Exit 0 when every step is done and nothing is unnamed; 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# What a user types into each field, by the field's accessible name.
VALUES = {
    "da": {
        "Kommune": "Aarhus",
        "Hvem arbejder på opgaven": "Jonas Kjær og Birgitte Lund",
        "Journalnummer": "26/12345",
        "Tildelt af": "Henrik Mørch",
        "Frist i KLIK": "15.12.2026",
        "Ansvarlig": "Jonas Kjær",
        "Udfører": "Jonas Kjær",
        "Version, du har læst": "1.4",
        "Bibliotekschef": "Birgitte Lund",
        "Placering og ledelsesmæssig forankring af rollerne": "Aftalt med direktionen",
        "Besluttet af": "Birgitte Lund",
        "Dato": "09.11.2026",
        "Projektleder, fornavn": "Maja",
        "Projektleder, efternavn": "Søndergaard",
        "E-mail": "maja@aarhus.dk",
        "Telefon": "41857230",
        "Projektleder, stilling": "Konsulent",
        "Projektejer, fornavn": "Birgitte",
        "Projektejer, efternavn": "Lund",
        "Projektejer, stilling": "Bibliotekschef",
    },
    "en": {
        "Municipality": "Aarhus",
        "Who works on the task": "Jonas Kjaer and Birgitte Lund",
        "Case number": "26/12345",
        "Granted by": "Henrik Mørch",
        "Deadline in KLIK": "15.12.2026",
        "Responsible": "Jonas Kjaer",
        "Performer": "Jonas Kjaer",
        "Version you read": "1.4",
        "Library director": "Birgitte Lund",
        "Where the roles sit and how they are anchored in management": "Agreed",
        "Decided by": "Birgitte Lund",
        "Date": "09.11.2026",
        "Project leader, first name": "Maja",
        "Project leader, last name": "Sondergaard",
        "E-mail": "maja@aarhus.dk",
        "Phone": "41857230",
        "Project leader, job title": "Consultant",
        "Project owner, first name": "Birgitte",
        "Project owner, last name": "Lund",
        "Project owner, job title": "Library director",
    },
}
WORDS = {
    "da": {
        "next": "Næste",
        "back": "Tilbage",
        "waiting": "Afventer",
        "done": "færdig",
        "list": "T",
    },
    "en": {"next": "Next", "back": "Back", "waiting": "Waiting", "done": "done", "list": "S"},
}
DOUBTFUL_ROLES = {"filler", "panel", "scroll pane", "unknown", "label", "static", "frame"}


def xdotool(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=False)


def in_a_session() -> None:
    """Re-run inside a D-Bus session and on a virtual screen when there is none."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        os.execvp("dbus-run-session", ["dbus-run-session", "--", sys.executable, *sys.argv])
    if not os.environ.get("DISPLAY"):
        display = ":87"
        subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.environ["DISPLAY"] = display
        time.sleep(1.0)


@dataclass
class Page:
    index: int
    stops: list[dict[str, str]] = field(default_factory=list)
    said: list[str] = field(default_factory=list)
    opened_at: dict[str, str] = field(default_factory=dict)


class Walk:
    def __init__(self, language: str) -> None:
        # The system's bindings, not the project's: imported when the walk runs.
        import gi  # noqa: PLC0415

        gi.require_version("Atspi", "2.0")
        from gi.repository import Atspi, GLib  # noqa: PLC0415

        self.Atspi, self.GLib = Atspi, GLib
        self.language = language
        self.values = VALUES[language]
        self.words = WORDS[language]
        self.focus: object | None = None
        self.events: list[dict[str, object]] = []
        self.pages: list[Page] = [Page(0)]
        Atspi.init()
        self._listeners = []
        for kind, handler in (
            ("object:state-changed:focused", self._focused),
            ("object:announcement", self._announced),
        ):
            listener = Atspi.EventListener.new(handler)
            listener.register(kind)
            self._listeners.append(listener)

    # --- the bus ---------------------------------------------------------------------

    def pump(self, seconds: float = 0.15) -> None:
        end = time.monotonic() + seconds
        context = self.GLib.MainContext.default()
        while time.monotonic() < end:
            while context.pending():
                context.iteration(False)
            time.sleep(0.01)

    def describe(self, obj: object) -> dict[str, str]:
        def safe(call: object) -> str:
            try:
                return str(call() or "")  # type: ignore[operator]
            except Exception:
                return "?"

        return {
            "role": safe(obj.get_role_name),  # type: ignore[attr-defined]
            "name": safe(obj.get_name),  # type: ignore[attr-defined]
            "description": safe(obj.get_description),  # type: ignore[attr-defined]
        }

    def _focused(self, event: object) -> None:
        if not event.detail1:  # type: ignore[attr-defined]
            return
        self.focus = event.source  # type: ignore[attr-defined]
        seen = self.describe(self.focus)
        self.events.append({"page": self.pages[-1].index, "event": "focus", **seen})
        self.pages[-1].stops.append(seen)

    def _announced(self, event: object) -> None:
        text = str(getattr(event, "any_data", "") or "")
        self.events.append({"page": self.pages[-1].index, "event": "announcement", "text": text})
        self.pages[-1].said.append(text)

    # --- the keyboard ------------------------------------------------------------------

    def key(self, name: str, *, alt: bool = False, wait: float = 0.25) -> None:
        """One key, as X gets it from a keyboard (xdotool sends it through XTest)."""
        xdotool("key", f"alt+{name.lower()}" if alt else name)
        self.pump(wait)

    def type(self, text: str) -> None:
        xdotool("type", "--delay", "20", text)
        self.pump(0.3)

    # --- the walk ------------------------------------------------------------------------

    def focused(self) -> dict[str, str]:
        return self.describe(self.focus) if self.focus is not None else {"role": "", "name": ""}

    def text_of(self, obj: object) -> str:
        try:
            text = self.Atspi.Accessible.get_text(obj)  # type: ignore[attr-defined]
            return text.get_text(0, text.get_character_count()) if text else ""
        except Exception:
            return ""

    def checked(self, obj: object) -> bool:
        return obj.get_state_set().contains(self.Atspi.StateType.CHECKED)  # type: ignore[attr-defined]

    def act_on_focus(self) -> None:
        seen, obj = self.focused(), self.focus
        role, name = seen["role"], seen["name"]
        if role == "check box" and not name.startswith(self.words["waiting"]):
            if not self.checked(obj):
                self.key("space", wait=0.6)
        elif (
            name in self.values
            and role in ("text", "entry", "combo box", "editbar")
            and not self.text_of(obj).strip()
        ):
            self.type(self.values[name])
            self.pump(0.6)  # past the pause in typing: saved

    def walk_page(self, limit: int = 90) -> bool:
        """Tab through the page, filling it in; False when there is no next page."""
        for _ in range(limit):
            self.key("Tab")
            name = self.focused()["name"]
            if name == self.words["next"]:
                return True
            if name == self.words["back"] and self.pages[-1].index == 8:
                return False
            self.act_on_focus()
        return False

    def next_page(self) -> None:
        self.pages.append(Page(self.pages[-1].index + 1))
        self.key("space", wait=0.8)
        self.pages[-1].opened_at = self.focused()

    def give_focus(self, pid: int) -> None:
        """A bare X server has no window manager to give the window the keyboard; xdotool
        does what one would (X's input focus to the app's window)."""
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
            capture_output=True,
            text=True,
            check=False,
        )
        for window in found.stdout.split():
            xdotool("windowfocus", "--sync", window)
        self.pump(0.5)

    def run(self) -> None:
        self.key(self.words["list"], alt=True, wait=0.5)  # to the step list
        self.key("Home")
        self.pages[-1].stops.clear()
        self.key("Return", wait=0.8)  # chosen: the page opens at its heading
        self.pages[-1].opened_at = self.focused()
        while self.walk_page():
            self.next_page()


def find_app(Atspi: object, name: str, timeout: float = 30) -> object | None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        desktop = Atspi.get_desktop(0)  # type: ignore[attr-defined]
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and name in (app.get_name() or "").lower():
                return app
        time.sleep(0.5)
    return None


def step_rows(app: object) -> list[str]:
    """The step list's rows, as the bus has them."""
    rows: list[str] = []

    def visit(obj: object, depth: int) -> None:
        if depth > 14 or obj is None:
            return
        role = obj.get_role_name()  # type: ignore[attr-defined]
        if role == "list item" and obj.get_parent().get_name() in ("Trin", "Steps"):  # type: ignore[attr-defined]
            rows.append(obj.get_name())  # type: ignore[attr-defined]
            return
        for i in range(obj.get_child_count()):  # type: ignore[attr-defined]
            visit(obj.get_child_at_index(i), depth + 1)  # type: ignore[attr-defined]

    visit(app, 0)
    return rows


def summarise(walk: Walk, rows: list[str]) -> tuple[str, bool]:
    lines, unnamed_total = [], 0
    for page in walk.pages:
        stops = page.stops
        unnamed = [s for s in stops if not s["name"].strip()]
        doubtful = [
            s for s in stops if s["role"] in DOUBTFUL_ROLES or (s["role"] == "label" and s["name"])
        ]
        unnamed_total += len(unnamed)
        opened = page.opened_at
        lines.append(
            f"page {page.index}: opened at {opened.get('role', '?')} «{opened.get('name', '')}»; "
            f"{len(stops)} focus events, {len(unnamed)} unnamed, {len(doubtful)} doubtful roles, "
            f"{len(page.said)} announcements"
        )
        lines += [f"    unnamed: {s['role']}" for s in unnamed]
        lines += [f"    role: {s['role']} «{s['name']}»" for s in doubtful]
        lines += [f"    said: {text}" for text in page.said]
    total = sum(len(p.stops) for p in walk.pages)
    said = sum(len(p.said) for p in walk.pages)
    done = [r for r in rows if r.endswith(walk.words["done"])]
    complete = len(rows) == 9 and len(done) == 9
    lines.append(
        f"total: {total} focus events, {unnamed_total} unnamed, {said} announcements; "
        f"steps done: {len(done)} of {len(rows)}"
    )
    lines += [f"    row: {r}" for r in rows]
    return "\n".join(lines) + "\n", complete and unnamed_total == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("da", "en"), default="da")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "atspi")
    parser.add_argument("--python", type=Path, default=ROOT / ".venv" / "bin" / "python")
    args = parser.parse_args()
    in_a_session()
    walk = Walk(args.lang)
    data = Path(tempfile.mkdtemp(prefix="rolleudpeger-atspi-"))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "QT_ACCESSIBILITY": "1",
    }
    app_process = subprocess.Popen(
        [str(args.python), "-m", "rolleudpeger", "--data-dir", str(data), "--lang", args.lang],
        env=env,
        cwd=ROOT,
    )
    try:
        app = find_app(walk.Atspi, "rolleudpeger") or find_app(walk.Atspi, "python", 5)
        if app is None:
            print("atspi_walk: the app did not appear on the accessibility bus")
            return 1
        walk.pump(2.0)  # the pages are built after the first paint
        walk.give_focus(app_process.pid)
        walk.run()
        walk.pump(1.0)
        rows = step_rows(app)
        summary, ok = summarise(walk, rows)
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "walk.json").write_text(
            json.dumps(walk.events, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        (args.out / "summary.txt").write_text(summary, encoding="utf-8")
        print(summary, end="")
        return 0 if ok else 1
    finally:
        app_process.terminate()
        try:
            app_process.wait(10)
        except subprocess.TimeoutExpired:
            app_process.kill()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
