"""The task definition file: the shipped one is complete, broken ones give a clear error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rolleudpeger.domain.taskdef import (
    FieldKind,
    TaskDef,
    TaskDefinitionError,
    load_task_definition,
)
from rolleudpeger.resources import TASK_FILE, resource

# The widget names of docs/CONTRACT.md, per step (the contract the pages are built to).
CONTRACT = {
    "intro": ["municipality"],
    "plus_rights": ["plus_granted", "plus_granted_by"],
    "klik_guide": ["guide_read"],
    "klik_task": ["task_read"],
    "responsible": ["responsible_name", "performer_name", "status_started"],
    "role_catalogue": ["catalogue_read", "library_director_name", "placement_notes"],
    "appoint": [
        "leader_first_name",
        "leader_last_name",
        "leader_email",
        "leader_phone",
        "leader_title",
        "owner_first_name",
        "owner_last_name",
        "owner_title",
        "leader_plus_created",
        "owner_reader_created",
    ],
    "notify_kombit": [],
    "complete": ["status_completed"],
}


def test_shipped_definition_has_every_step_and_field(task: TaskDef) -> None:
    assert [s.key for s in task.steps] == list(CONTRACT)
    for key, fields in CONTRACT.items():
        step = task.step(key)
        assert step.title and step.guidance
        for f in fields:
            assert step.field(f) is not None, f"{f} missing on {key}"
    assert task.title == "Udpeg debitorprojektleder og -projektejer på FBS"
    assert task.mail.to == "bibsys@kombit.dk"
    assert "25. februar kl. 9.30–11.30" in task.step("notify_kombit").guidance
    assert task.step("klik_guide").links[0].url == "https://kombit.dk/KLIK"


def test_shipped_municipality_list_has_the_98(task: TaskDef) -> None:
    assert len(task.municipalities) == 98
    assert len({m.code for m in task.municipalities}) == 98
    assert task.municipality("751") is not None and task.municipality("751").label == "751 Aarhus"  # type: ignore[union-attr]
    assert task.municipality("101").official_name == "Københavns Kommune"  # type: ignore[union-attr]
    assert task.municipality("411") is None  # Christiansø is not a municipality


def test_klik_status_fields_name_real_statuses(task: TaskDef) -> None:
    statuses = [f.status for s in task.steps for f in s.fields if f.kind is FieldKind.KLIK_STATUS]
    assert statuses == ["Påbegyndt", "Fuldført"]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "opgave.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _shipped() -> str:
    return resource(TASK_FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda t: t.replace('title = "Opgaven"', 'title = ""'), "»title« er tom"),
        (lambda t: t.replace('kind = "check"', 'kind = "tjekboks"', 1), "ukendt slags »tjekboks«"),
        (lambda t: t.replace('key = "guide_read"', 'key = "plus_granted"'), "findes to gange"),
        (lambda t: t.replace("format = 1", "format = 7"), "forventede format = 1"),
        (lambda t: t.replace("{first_name}", "{owner_name}"), "ukendt pladsholder"),
        (lambda t: t.replace('url = "https://kombit.dk/KLIK"', 'url = "kombit.dk"'), "https://"),
        (lambda t: t.replace('status = "Fuldført"', 'status = "Færdig"'), "Påbegyndt"),
        (lambda t: t.replace("[mail]", "[mial]"), "[mail] mangler"),
        (lambda t: t + "\n[[steps]\n", "ikke gyldig TOML"),
    ],
)
def test_broken_definition_names_the_file_and_the_fault(
    tmp_path: Path, mutate: object, expected: str
) -> None:
    path = _write(tmp_path, mutate(_shipped()))  # type: ignore[operator]
    with pytest.raises(TaskDefinitionError) as e:
        load_task_definition(path)
    assert str(path) in str(e.value)
    assert expected in str(e.value)


def test_missing_or_unreadable_definition(tmp_path: Path) -> None:
    with pytest.raises(TaskDefinitionError, match="findes ikke"):
        load_task_definition(tmp_path / "nope.toml")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes("titel = 'æ'".encode("latin-1"))
    with pytest.raises(TaskDefinitionError, match="UTF-8"):
        load_task_definition(bad)


def test_domain_imports_neither_qt_nor_sql() -> None:
    code = (
        "import sys, pkgutil, importlib, rolleudpeger.domain as d\n"
        "for m in pkgutil.iter_modules(d.__path__):\n"
        "    importlib.import_module('rolleudpeger.domain.' + m.name)\n"
        "bad = [m for m in sys.modules\n"
        "       if m.split('.')[0] in ('PySide6', 'sqlalchemy', 'alembic')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


# Names in KOMBIT's system and quoted Danish titles stay Danish in the English text.
KEPT_DANISH = (
    "Påbegyndt",
    "Fuldført",
    "LÆSER",
    "ØiR",
    "Brugerhåndtering",
    "»Udpeg debitorprojektleder og -projektejer på FBS«",
    "»Afventer«",
    "»Webinar om implementering af ØiR-debitorintegration«",
)


def test_english_text_of_every_step() -> None:
    from rolleudpeger.resources import load_task

    danish, english = load_task(), load_task(language="en")
    assert [s.key for s in english.steps] == [s.key for s in danish.steps]
    assert english.title == "Appoint the debtor project leader and debtor project owner for FBS"
    texts = [english.title, english.goal, english.description, english.result, english.phase]
    for step in english.steps:
        texts += [step.title, step.guidance, *(ln.label for ln in step.links)]
        texts += [t for f in step.fields for t in (f.label, f.group, f.placeholder, f.hint)]
    for text in texts:
        stripped = text
        for name in KEPT_DANISH:
            stripped = stripped.replace(name, "")
        assert not set("æøåÆØÅ") & set(stripped), text
    # The mail to KOMBIT stays Danish: it goes to KOMBIT, whatever the user reads.
    mails = [(m.to, m.subject, m.body) for m in (english.mail, danish.mail)]
    assert mails[0] == mails[1]


def test_a_missing_english_text_is_named(tmp_path: Path) -> None:
    text = _shipped().replace('title_en = "Read the KLIK guide"\n', "")
    path = _write(tmp_path, text)
    load_task_definition(path)  # Danish does not need it
    with pytest.raises(
        TaskDefinitionError, match=r"steps\[2\]\.title: oversættelsen »title_en« mangler"
    ):
        load_task_definition(path, language="en")


def test_a_field_hint_is_read_in_both_languages(tmp_path: Path) -> None:
    """`hint`: a standing line under a field (the coordinator's; it was a placeholder too
    long for its field); like every text, its English twin is required in English."""
    from rolleudpeger.resources import load_task

    danish, english = load_task(), load_task(language="en")
    assert "inden udgangen af uge 51" in danish.field("coordinator_name").hint
    assert "by the end of week 51" in english.field("coordinator_name").hint
    assert danish.field("leader_first_name").hint == ""
    text = _shipped().replace('  hint_en = "The coordinator is appointed', '  hint_xx = "')
    path = _write(tmp_path, text)
    with pytest.raises(TaskDefinitionError, match=r"»hint_en« mangler"):
        load_task_definition(path, language="en")
