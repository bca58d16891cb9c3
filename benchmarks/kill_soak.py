"""A long kill soak: SIGKILL a saving process many times; report what survived.

Usage: python benchmarks/kill_soak.py [--kills N] [--seed S]
The test suite runs the same soak with 50 kills (tests/store/test_kill.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.killsoak import soak


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        result = soak(Path(tmp) / "data", args.kills, args.seed)
    took = time.perf_counter() - start
    print(
        f"kills {result.kills}  saves reported {result.committed}  lost {len(result.lost)}  "
        f"integrity failures {len(result.integrity)}  ({took:.0f} s)"
    )
    for line in (result.lost + result.integrity)[:20]:
        print("  ", line)
    return 0 if not (result.lost or result.integrity) else 1


if __name__ == "__main__":
    sys.exit(main())
