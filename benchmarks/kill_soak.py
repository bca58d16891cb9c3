"""A long kill soak: SIGKILL a saving process many times; report what survived. Then the
same for a process taking start-up backups and restoring backups.

Usage: python benchmarks/kill_soak.py [--kills N] [--backup-kills N] [--seed S]
The test suite runs the same soaks with 50 and 20 kills (tests/store/test_kill.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.killsoak import soak, soak_backups


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--backup-kills", type=int, default=300)
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
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        backups = soak_backups(Path(tmp) / "data", args.backup_kills, args.seed)
    took = time.perf_counter() - start
    print(
        f"backup/restore kills {backups.kills}  backups reported {backups.backups}  "
        f"restores {backups.restores}  killed mid-backup {backups.cut_backups}  "
        f"lost {len(backups.lost)}  empty after a kill "
        f"{len(backups.empty)}  integrity failures {len(backups.integrity)}  ({took:.0f} s)"
    )
    for line in (backups.lost + backups.empty + backups.integrity)[:20]:
        print("  ", line)
    failed = result.lost or result.integrity or backups.lost or backups.empty
    return 1 if failed or backups.integrity else 0


if __name__ == "__main__":
    sys.exit(main())
