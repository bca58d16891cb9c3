"""Command line: `rolleudpeger [--data-dir DIR] [--version]` opens the app."""

from __future__ import annotations

import argparse
import sys

from rolleudpeger import APP_NAME, __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rolleudpeger",
        description="Udpeg debitorprojektleder og -projektejer på FBS – og dokumentér det.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="MAPPE",
        help="mappe til data (ellers ROLLEUDPEGER_DATA_DIR eller brugerens datamappe)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args, qt_args = build_parser().parse_known_args(sys.argv[1:] if argv is None else argv)
    from rolleudpeger.ui.app import run  # noqa: PLC0415 - keeps --version free of Qt

    return run(args.data_dir, qt_args)
