"""The `marsad` command. Thin: each area registers its subcommands from its own module
(``register(subparsers)``); the library functions they call do the work."""
from __future__ import annotations

import argparse
import importlib
import sys

from marsad.errors import MarsadError

# Modules that provide ``register(subparsers)``; each adds its own commands.
COMMAND_MODULES = (
    "marsad.commands.extract",
    "marsad.gazetteer.cli",
    "marsad.ner.cli",
    "marsad.evaluate.cli",
    "marsad.commands.ingest",
    "marsad.commands.export",
    "marsad.commands.corridors",
    "marsad.commands.train",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="marsad", description="Read Arabic news into mapped, "
                                     "source-attributed conflict data.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # area not built yet
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args) or 0
    except MarsadError as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
