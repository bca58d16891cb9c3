"""Finds the shipped content (task definition, municipality list, fonts) in any install.

From a source checkout the files are in the top-level `resources/` folder; a wheel carries
them as `rolleudpeger/resources/`; a frozen bundle unpacks them under `sys._MEIPASS`.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from rolleudpeger.domain.municipalities import MunicipalityListError, load_municipalities
from rolleudpeger.domain.taskdef import TaskDef, TaskDefinitionError, load_task_definition
from rolleudpeger.i18n import SOURCE_LANGUAGE

TASK_FILE = "opgave-fbs-debitorroller.toml"
MUNICIPALITY_FILE = "kommuner.csv"


@cache
def resource_dir() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [here / "resources", here.parent.parent / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "resources")
    for c in candidates:
        if (c / TASK_FILE).is_file():
            return c
    return candidates[0]


def resource(name: str) -> Path:
    return resource_dir() / name


def load_task(task_file: Path | None = None, language: str = SOURCE_LANGUAGE) -> TaskDef:
    """The task definition with the municipality list; raises TaskDefinitionError."""
    try:
        municipalities = load_municipalities(resource(MUNICIPALITY_FILE))
    except MunicipalityListError as e:
        raise TaskDefinitionError(str(e)) from None
    return load_task_definition(task_file or resource(TASK_FILE), municipalities, language)
