"""The code stays easy to change: no function in `src/` is longer than 60 lines.

A long function is where a new part of the report, the case file or the task file gets
added in the wrong place; each part gets a small function of its own. The migrations are
left as they were released (a released revision is history, not code to tidy)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "rolleudpeger"
LONGEST = 60
RELEASED = SRC / "store" / "migrations" / "versions"


def test_no_function_is_longer_than_60_lines() -> None:
    long = []
    for path in sorted(SRC.rglob("*.py")):
        if RELEASED in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > LONGEST:
                    long.append(f"{path.relative_to(SRC)}:{node.lineno} {node.name}: {length}")
    assert long == [], "\n".join(long)
