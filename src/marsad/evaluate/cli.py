"""`marsad eval <name>`: evaluations against the shared development data.

Each evaluation is a module listed in ``EVALUATIONS`` that provides ``DESCRIPTION``,
``add_arguments(parser)`` and ``run(args, root) -> dict`` (scores as
``{corpus: {label: {"precision", "recall", "f1", …}}}``). Add one by adding its module
here; a listed module that does not exist yet is skipped. A module with
``NEEDS_DATA = False`` (its gold ships with marsad) runs without the shared data folder
(``root`` is then None).
"""
from __future__ import annotations

import importlib
import json
import sys

from marsad.evaluate.corpora import data_root

EVALUATIONS: dict[str, str] = {
    "ner": "marsad.evaluate.ner",
    "places": "marsad.evaluate.places",
    "events": "marsad.evaluate.events",
    "routes": "marsad.evaluate.routes",
}


def _load(name: str):
    module_name = EVALUATIONS[name]
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None
        raise


def format_table(results: dict) -> str:
    """A plain-text table: corpus, label, P, R, F1, support."""
    rows = [("corpus", "label", "P", "R", "F1", "support")]
    for corpus, labels in results.items():
        if not isinstance(labels, dict):
            continue
        for label, s in labels.items():
            if isinstance(s, dict) and "f1" in s:
                rows.append((corpus, label, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
                             str(s.get("support", ""))))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
                     for r in rows)


def _run(args) -> int:
    module = _load(args.evaluation)
    root = data_root(args.data, required=getattr(module, "NEEDS_DATA", True))
    results = module.run(args, root)
    if args.json:
        json.dump(results, sys.stdout, indent=1, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(format_table(results))
    return 0


def register(subparsers) -> None:
    parser = subparsers.add_parser("eval", help="measure marsad against the shared evaluation data")
    sub = parser.add_subparsers(dest="evaluation", metavar="EVALUATION")
    for name in EVALUATIONS:
        module = _load(name)
        if module is None:
            continue
        p = sub.add_parser(name, help=module.DESCRIPTION, description=module.DESCRIPTION)
        p.add_argument("--data", help="shared data folder (holding anercorp/, wojood/, idrisi/); "
                                      "default: $MARSAD_SHARED_DATA or ../shared/data")
        p.add_argument("--json", action="store_true", help="print the scores as JSON")
        module.add_arguments(p)
        p.set_defaults(func=_run)
    parser.set_defaults(func=lambda args: (parser.print_help(), 2)[1])
