"""Kill a process that is saving, many times, and check that every reported save survived.

Used by the test suite and by `benchmarks/kill_soak.py` (as many kills as you like).
`soak`: the child edits through CaseEditor, the same code the window uses, and prints a
line after each edit has returned (that is, after its transaction committed). The parent
kills it with SIGKILL at a random moment and then checks the database.
`soak_backups`: the child takes start-up backups and restores backups, as the window does
at start and from the menu; after each kill the parent starts as the app does (damage
check, then open) and checks that the case is there, whole, and that every backup the
app would offer is complete.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

CHILD = """
import sys
from pathlib import Path
from rolleudpeger.editing import CaseEditor
from rolleudpeger.resources import load_task
from rolleudpeger.store.repository import Store

run = sys.argv[2]
editor = CaseEditor.open(load_task(), Store.open(Path(sys.argv[1])))
print("ready", flush=True)
i = 0
while True:
    i += 1
    text = f"q-{run}-{i}"
    editor.add_question(text)
    print("question", text, flush=True)
    editor.set_text("placement_notes", f"note-{run}-{i} " + "x" * (i % 300))
    print("notes", f"note-{run}-{i}", flush=True)
    editor.set_check("guide_read", i % 2 == 0)
"""


@dataclass
class SoakResult:
    kills: int
    committed: int
    lost: list[str]
    integrity: list[str]


def run_once(data_dir: Path, run: int, rng: random.Random) -> tuple[list[str], str | None]:
    """One child, killed at a random moment. Returns (questions reported, last notes)."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), str(run)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert child.stdout is not None
    first = child.stdout.readline()
    assert first.strip() == "ready", first
    time.sleep(rng.uniform(0.0, 0.25))
    child.kill()  # SIGKILL; TerminateProcess on Windows
    out, _ = child.communicate(timeout=30)
    questions, notes = [], None
    # Only whole lines count: the kill may cut the last one short ("q-12-4" of "q-12-45").
    for line in out.split("\n")[:-1]:
        kind, _, value = line.partition(" ")
        if kind == "question":
            questions.append(value)
        elif kind == "notes":
            notes = value
    return questions, notes


def soak(data_dir: Path, kills: int, seed: int) -> SoakResult:
    rng = random.Random(seed)
    reported: list[str] = []
    lost: list[str] = []
    integrity: list[str] = []
    for run in range(kills):
        questions, notes = run_once(data_dir, run, rng)
        reported += questions
        with sqlite3.connect(data_dir / "rolleudpeger.sqlite3") as db:
            check = db.execute("PRAGMA integrity_check").fetchall()
            if check != [("ok",)]:
                integrity.append(f"run {run}: {check}")
            stored = {row[0] for row in db.execute("SELECT text FROM questions")}
            note = db.execute(
                "SELECT value FROM field_values WHERE key = 'placement_notes'"
            ).fetchone()
        db.close()
        lost += [q for q in questions if q not in stored]
        # The notes field holds the last reported value, or the one being saved at the kill.
        if notes is not None:
            words = note[0].split() if note else []
            stored_tag = words[0] if words else repr(note)
            reported_n = int(notes.rsplit("-", 1)[1])
            if not stored_tag.startswith(f"note-{run}-"):
                lost.append(f"run {run}: notes are {stored_tag!r}, {notes} was reported saved")
            elif int(stored_tag.rsplit("-", 1)[1]) < reported_n:
                lost.append(f"run {run}: notes went back to {stored_tag}, {notes} was saved")
    return SoakResult(kills, len(reported), lost, integrity)


CHILD_BACKUPS = """
import sys
from pathlib import Path
from rolleudpeger.editing import CaseEditor
from rolleudpeger.resources import load_task
from rolleudpeger.store import backup
from rolleudpeger.store.repository import Store

data, run = Path(sys.argv[1]), sys.argv[2]
task = load_task()
store = Store.open(data)
editor = CaseEditor.open(task, store)
print("ready", flush=True)
i = 0
while True:
    i += 1
    editor.set_text("placement_notes", f"note-{run}-{i} " + "x" * (i * 997 % 5000))
    taken = backup.backup_if_changed(data)
    print("backup", taken.name if taken else "-", flush=True)
    store.close()
    offered = [b for b in backup.list_backups(data) if backup.usable(b)]
    backup.restore_backup(data, offered[i % len(offered)])
    print("restored", flush=True)
    store = Store.open(data)
    editor.reload(store)
"""


@dataclass
class BackupSoakResult:
    kills: int
    backups: int  # reported complete
    restores: int
    lost: list[str]  # a reported backup missing or unusable
    empty: list[str]  # a start that found no case, or not the case
    integrity: list[str]
    cut_backups: int = 0  # kills that left a half-written backup (the case this soak is for)


def soak_backups(data_dir: Path, kills: int, seed: int) -> BackupSoakResult:
    from rolleudpeger.editing import CaseEditor
    from rolleudpeger.resources import load_task
    from rolleudpeger.store import backup
    from rolleudpeger.store.repository import Store

    rng = random.Random(seed)
    task = load_task()
    store = Store.open(data_dir)
    editor = CaseEditor.open(task, store)
    editor.set_text("leader_first_name", "Maja")
    store.close()
    result = BackupSoakResult(kills, 0, 0, [], [], [], 0)
    for run in range(kills):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD_BACKUPS, str(data_dir), str(run)],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first.strip() == "ready", first
        time.sleep(rng.uniform(0.0, 0.4))
        child.kill()  # SIGKILL; TerminateProcess on Windows
        out, _ = child.communicate(timeout=30)
        reported = []
        for line in out.split("\n")[:-1]:
            kind, _, value = line.partition(" ")
            if kind == "backup" and value != "-":
                reported.append(value)
            result.restores += kind == "restored"
        result.backups += len(reported)
        result.cut_backups += bool(list((data_dir / "backups").glob(".*.partial")))
        # Start as the app does: damage check, then open.
        backup.recover_if_damaged(data_dir)
        with sqlite3.connect(data_dir / "rolleudpeger.sqlite3") as db:
            check = db.execute("PRAGMA integrity_check").fetchall()
        db.close()
        if check != [("ok",)]:
            result.integrity.append(f"run {run}: {check}")
        store = Store.open(data_dir)
        case_id = store.latest_case_id()
        name = store.load_case(case_id).value("leader_first_name") if case_id else None
        store.close()
        if name != "Maja":
            result.empty.append(f"run {run}: the case after the kill has {name!r}")
        listed = backup.list_backups(data_dir)
        for b in listed:
            if not backup.usable(b):
                result.lost.append(f"run {run}: {b.name} is listed but not usable")
        if reported and reported[-1] not in {b.name for b in listed}:
            result.lost.append(f"run {run}: {reported[-1]} was reported taken, is gone")
    return result
