"""Command line: `rolleudpeger [--data-dir DIR]` opens the app; `report --pdf FILE` prints."""

from __future__ import annotations

import argparse
import sys

from rolleudpeger import APP_NAME, __version__, startup
from rolleudpeger.i18n import LANGUAGES  # (a small module: --version stays instant)

DATA_DIR_HELP = "mappe til data (ellers ROLLEUDPEGER_DATA_DIR eller brugerens datamappe)"
LANG_HELP = "sprog / language: da eller en (ellers det valgte i menuen Sprog, så systemets sprog)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rolleudpeger",
        description="Udpeg debitorprojektleder og -projektejer på FBS – og dokumentér det.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data-dir", metavar="MAPPE", help=DATA_DIR_HELP)
    parser.add_argument("--lang", choices=list(LANGUAGES), help=LANG_HELP)
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    report = commands.add_parser(
        "report", help="gem rapporten over sagen som PDF/A uden at åbne et vindue"
    )
    report.add_argument("--pdf", metavar="FIL", required=True, help="PDF-filen, der skal skrives")
    # Its own name: a subparser's default would otherwise overwrite the top-level value.
    report.add_argument("--data-dir", metavar="MAPPE", dest="report_data_dir", help=DATA_DIR_HELP)
    report.add_argument("--lang", choices=list(LANGUAGES), dest="report_lang", help=LANG_HELP)
    return parser


def _never_fail_to_print() -> None:
    """Output redirected to a file or pipe is written in the system's code page (cp1252 on a
    Danish Windows): a name outside it would crash the command with UnicodeEncodeError.
    Such characters are written as escapes instead."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # None in a windowed exe
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None) -> int:
    _never_fail_to_print()
    parser = build_parser()
    args, rest = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    # What is left goes to Qt (its options have one dash, e.g. -style fusion); a long
    # option nobody knows is a mistake to say, not to ignore.
    unknown = [a for a in rest if a.startswith("--")]
    if unknown:
        parser.error(f"ukendt tilvalg: {' '.join(unknown)}")
    startup.collector_off()  # until the window is painted (see rolleudpeger.startup)
    try:
        data_dir = args.data_dir
        if args.command == "report" and args.report_data_dir is not None:
            data_dir = args.report_data_dir
        try:
            from rolleudpeger.config import resolve_data_dir  # noqa: PLC0415 - late: startup.py

            resolve_data_dir(data_dir)  # refused here, before any window
        except ValueError as e:  # config.DataDirError
            print(f"rolleudpeger: {e}", file=sys.stderr)
            return 2
        if args.command == "report":
            if rest:
                parser.error(f"ukendte argumenter: {' '.join(rest)}")
            from rolleudpeger.ui.report_command import run_report  # noqa: PLC0415 - late: startup.py

            return run_report(args.pdf, data_dir, args.report_lang or args.lang)
        startup.import_before_qt()  # see rolleudpeger.startup: then Qt
        from rolleudpeger.ui.app import run  # noqa: PLC0415 - late: startup.py

        return run(data_dir, rest, args.lang)
    finally:
        startup.collector_on(startup_done=False)
