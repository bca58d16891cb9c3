"""A kill at any moment loses nothing that was reported saved, and never corrupts the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.killsoak import soak, soak_backups


@pytest.mark.slow
def test_fifty_kills(tmp_path: Path) -> None:
    result = soak(tmp_path / "data", kills=50, seed=20261127)
    assert result.integrity == []
    assert result.lost == []
    assert result.committed > 50  # the kills really landed among saves


@pytest.mark.slow
def test_twenty_kills_during_backups_and_restores(tmp_path: Path) -> None:
    result = soak_backups(tmp_path / "data", kills=20, seed=20261129)
    assert result.integrity == []
    assert result.empty == []
    assert result.lost == []
    assert result.backups > 20 and result.restores > 10  # the kills landed among them
