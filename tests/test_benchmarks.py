"""The benchmark runner works (tiny sizes; the real table is `make bench`, never a test)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_benchmark_table_runs() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Machine: ")
    assert "byte-compiled on both sides" in lines[0]
    for row in (
        "Start-up to first paint",
        "Start-up to ready",
        "Start-up, peak RSS",
        "Save",
        "Report, in-process",
        "Report, 200 events",
        "Report, 200 events: peak RSS",
        "Scale: start-up",
        "Scale: report",
    ):
        assert any(line.startswith(row) for line in lines), row
