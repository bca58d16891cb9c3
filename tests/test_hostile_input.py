"""Hostile input: invisible characters, crafted case files, odd command lines."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rolleudpeger.domain import handover
from rolleudpeger.domain.mail import mail_state
from rolleudpeger.domain.taskdef import TaskDef
from rolleudpeger.domain.text import visible
from rolleudpeger.domain.validation import (
    ValidationError,
    check_email,
    check_name,
    check_phone,
)
from rolleudpeger.editing import CaseEditor
from rolleudpeger.store.files import NotAFileError, read_limited
from rolleudpeger.store.repository import Store
from tests.conftest import demo, examples
from tests.domain.test_handover import exported
from tests.ui.test_report_pdf import make_pdf, page_texts, run_cli

# --- invisible characters ----------------------------------------------------------------

SPOOF = "Maja \u202emoc.live@live\u202c"  # shows as "Maja live@live.com"
# Bidi embeddings, overrides and isolates, zero-width spaces and joiners, marks, BOM.
INVISIBLE = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))] + [
    *"\u200b\u200c\u200d\u200e\u200f\ufeff\u2060\u061c"
]


@pytest.mark.parametrize("char", INVISIBLE)
def test_names_addresses_numbers_and_titles_refuse_invisible_characters(char: str) -> None:
    for check in (check_name, check_email, check_phone):
        with pytest.raises(ValidationError, match="usynlige tegn"):
            check(f"Maja{char}Søndergaard")


def test_a_spoofed_address_is_refused_and_never_reaches_the_mail(
    task: TaskDef, editor: CaseEditor, store: Store
) -> None:
    with pytest.raises(ValidationError):
        editor.set_text("leader_email", SPOOF)
    # A value a 0.1.0 database may already hold is not used for the mail either.
    demo(editor)
    with store.engine.begin() as c:
        c.exec_driver_sql("UPDATE field_values SET value = ? WHERE key = 'leader_email'", (SPOOF,))
    reloaded = store.load_case(editor.case.id)
    state = mail_state(task, reloaded)
    assert state.current is None or SPOOF not in state.current.body


def test_free_text_shows_invisible_characters_harmlessly(
    editor: CaseEditor, tmp_path: Path
) -> None:
    editor.set_text("placement_notes", f"Aftalt med {SPOOF}")  # kept as typed
    assert editor.case.value("placement_notes") == f"Aftalt med {SPOOF}"
    assert visible(SPOOF) == "Maja ⟨U+202E⟩moc.live@live⟨U+202C⟩"
    text = " ".join(page_texts(make_pdf(editor, tmp_path / "r.pdf")))
    assert "\u202e" not in text and "⟨U+202E⟩" in "".join(text.split())


# --- crafted case files --------------------------------------------------------------------


def refused(task: TaskDef, raw: bytes) -> str:
    with pytest.raises(handover.HandoverError) as e:
        handover.parse_case(task, handover.decode(raw))
    return "\n".join(e.value.problems)


@pytest.fixture
def valid(editor: CaseEditor) -> dict[str, Any]:
    return json.loads(json.dumps(exported(editor)))


def dump(data: object) -> bytes:
    return json.dumps(data).encode()


def test_crafted_files_are_refused_with_a_danish_reason(
    task: TaskDef, valid: dict[str, Any]
) -> None:
    listy = copy.deepcopy(valid)
    listy["case"]["current_step"] = ["intro"]
    assert "case.current_step: ukendt trin" in refused(task, dump(listy))
    assert "for dybt" in refused(task, b"[" * 100_000 + b"]" * 100_000)
    assert "cifre" in refused(
        task, b'{"format": "rolleudpeger-sag", "version": ' + b"9" * 5000 + b"}"
    )
    assert "NaN er ikke et tal" in refused(task, b'{"version": NaN}')
    text = json.dumps(valid)
    twice = text[:-1] + ', "case": {}}'  # a second "case" would have emptied the case
    assert "»case« står der to gange" in refused(task, twice.encode())
    flagged = copy.deepcopy(valid)
    flagged["version"] = True  # True == 1 in Python
    assert "formatversion True" in refused(task, dump(flagged))
    far = copy.deepcopy(valid)
    far["case"]["created_at"] = "9999-12-31T23:59:59+00:00"
    far["case"]["questions"][0]["asked_at"] = "1970-01-01T00:00:00+00:00"
    problems = refused(task, dump(far))
    assert "året 9999 ligger ikke mellem 2000 og 2099" in problems
    assert "året 1970" in problems
    assert "skal være et tidspunkt" in refused(
        task, dump({**valid, "case": {**valid["case"], "created_at": "10000-01-01T00:00:00+00:00"}})
    )
    assert "ikke en gyldig sagsfil" in refused(task, b"\xff\xfe not utf-8")


def test_klik_fuldfort_with_nothing_done_is_refused(task: TaskDef, valid: dict[str, Any]) -> None:
    data = copy.deepcopy(valid)
    for key in ("plus_granted", "guide_read", "leader_email", "mail_sent"):
        data["case"]["values"].pop(key, None)
    assert data["case"]["klik_status"][-1]["status"] == "Fuldført"
    assert "»Fuldført« passer ikke til sagen; det mangler" in refused(task, dump(data))


def test_too_many_events_or_bytes_are_refused_before_anything_else(
    task: TaskDef, valid: dict[str, Any]
) -> None:
    many = copy.deepcopy(valid)
    event = many["case"]["events"][0]
    many["case"]["events"] = [event] * (handover.MAX_EVENTS + 1)
    assert f"højst {handover.MAX_EVENTS}" in refused(task, dump(many))
    start = time.perf_counter()
    assert "en sag fylder under 5 MB" in refused(task, b" " * (handover.MAX_BYTES + 1))
    assert time.perf_counter() - start < 5  # refused by its size, not parsed


def test_a_fifo_or_a_huge_file_is_read_no_further_than_needed(tmp_path: Path) -> None:
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "sag.json"
        os.mkfifo(fifo)
        with pytest.raises(NotAFileError):
            read_limited(fifo, 100)  # returns at once: nobody is writing to the FIFO
    huge = tmp_path / "stor.json"
    with open(huge, "wb") as f:
        f.truncate(200_000_000)  # sparse: 200 MB that take no disk
    assert len(read_limited(huge, handover.MAX_BYTES)) == handover.MAX_BYTES + 1
    with pytest.raises(NotAFileError):
        read_limited(tmp_path, 100)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            found += _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data[:3]):
            found += _paths(v, (*prefix, i))
    return found


@settings(max_examples=examples(1000), deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_any_json_shape_is_refused_cleanly_or_accepted(
    task: TaskDef, valid: dict[str, Any], data: st.DataObject
) -> None:
    """Take a valid export, replace one part anywhere (or the whole) with any JSON: the
    import either accepts it or raises HandoverError with reasons; never anything else."""
    mutated = copy.deepcopy(valid)
    where = data.draw(st.sampled_from(_paths(valid)))
    replacement = data.draw(JSON)
    if not where:
        mutated = replacement
    else:
        parent = mutated
        for key in where[:-1]:
            parent = parent[key]
        parent[where[-1]] = replacement
    try:
        handover.parse_case(task, handover.decode(json.dumps(mutated).encode()))
    except handover.HandoverError as e:
        assert e.problems and all(isinstance(p, str) and p for p in e.problems)


# --- the command line ------------------------------------------------------------------------


def test_an_empty_data_dir_and_an_unknown_option_are_refused(tmp_path: Path) -> None:
    for args in (
        ["--data-dir", ""],
        ["report", "--pdf", str(tmp_path / "r.pdf"), "--data-dir", ""],
        ["--frobnicate"],
    ):
        result = run_cli(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert "--data-dir er tom" in run_cli("--data-dir", "").stderr
    assert "ukendt tilvalg: --frobnicate" in run_cli("--frobnicate").stderr


@pytest.mark.skipif(sys.platform == "win32", reason="Linux file names are bytes")
def test_a_data_dir_that_is_not_utf8_is_refused_before_anything_starts(tmp_path: Path) -> None:
    odd = os.fsencode(tmp_path) + b"/sag-\xff\xfe"
    result = subprocess.run(
        [sys.executable, "-m", "rolleudpeger", b"--data-dir", odd],
        capture_output=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=False,
    )
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2 and "gyldig tekst (UTF-8)" in err and "Traceback" not in err
    assert "kører videre" not in err
    assert not os.path.exists(odd)


@pytest.mark.slow  # starts the app as a process, with Qt (1–3 s)
def test_report_refuses_a_device_file_and_a_data_folder_that_is_a_file(
    data_dir: Path, tmp_path: Path, task: TaskDef
) -> None:
    store = Store.open(data_dir)
    demo(CaseEditor.open(task, store))
    store.close()
    if hasattr(os, "mkfifo"):  # a FIFO stands in for a device (never /dev/null: root here)
        fifo = tmp_path / "rapport.pdf"
        os.mkfifo(fifo)
        result = run_cli("report", "--pdf", str(fifo))
        assert result.returncode == 2 and "ikke en almindelig fil" in result.stderr
        assert not fifo.is_file() and fifo.exists()
    a_file = tmp_path / "ikke-en-mappe"
    a_file.write_text("x")
    result = run_cli("report", "--pdf", str(tmp_path / "r.pdf"), "--data-dir", str(a_file))
    assert result.returncode == 2 and "er ikke en mappe" in result.stderr
