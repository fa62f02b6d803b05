"""`marsad train ner` and `marsad train events`: fit marsad's statistical models."""
from __future__ import annotations

import sys


def _train_events(args) -> int:
    from marsad.evaluate import corpora
    from marsad.evaluate.train_events import train

    root = corpora.data_root(args.data)
    try:
        s = train(root, args.labels, args.out, c=args.c, folds=args.folds)
    except FileNotFoundError as exc:
        print(f"marsad train events: {exc}; the training sentences live in ANERcorp and Wojood "
              f"(give --data DIR or set MARSAD_SHARED_DATA)", file=sys.stderr)
        return 2
    held = s["held_out_at_threshold"]
    print(f"{s['sentences']} sentences, {s['annotated_events']} annotated events, {s['candidates']} candidates "
          f"({s['right']} right: P {s['without_model']['precision']:.3f} R {s['without_model']['recall']:.3f} "
          f"without the model)")
    print(f"held-out folds ({s['folds']}), threshold {s['threshold']:.2f}: type+location P {held['precision']:.3f} "
          f"R {held['recall']:.3f} F1 {held['f1']:.3f}")
    print(f"model → {s['out']} ({s['seconds']}s)")
    return 0


def register(subparsers) -> None:
    from marsad.ner.cli import add_train_ner

    train = subparsers.add_parser("train", help="train marsad's statistical models")
    tsub = train.add_subparsers(dest="model_kind", metavar="MODEL")
    add_train_ner(tsub)
    ev = tsub.add_parser("events", help="fit the event confidence model on marsad's annotated training sentences",
                         description="Fit the logistic confidence model of the events stage on the annotated "
                                     "training sentences (knowledge/event_training.jsonl and the development set: ANERcorp and Wojood "
                                     "references with labels, never the gold set). Reports held-out fold scores "
                                     "and writes the model (default: the packaged knowledge/event_scorer.json).")
    ev.add_argument("--data", help="shared data folder (default: $MARSAD_SHARED_DATA or ../shared/data)")
    ev.add_argument("--labels",
                    help="annotated sentences (JSON Lines, the gold set's format; default: the packaged ones)")
    ev.add_argument("--out", help="model path (default: the packaged knowledge/event_scorer.json)")
    ev.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength (default 1.0)")
    ev.add_argument("--folds", type=int, default=5, help="held-out folds for the threshold (default 5)")
    ev.set_defaults(func=_train_events)
    train.set_defaults(func=lambda args: (train.print_help(), 2)[1])
