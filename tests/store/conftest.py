"""Every store test runs natively and, on Linux and macOS, with Windows' file semantics
(tests/windows_sim.py): the users' platform is Windows."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _as_on_windows_too(file_semantics: str) -> str:
    return file_semantics
