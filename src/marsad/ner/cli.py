"""`marsad tag --conll FILE|-` and `marsad train ner`."""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path


def _tag(args) -> int:
    from marsad.ner.conll import format_conll, read_conll
    from marsad.ner.crf import Tagger

    if not args.conll:
        print("marsad tag: give --conll FILE (or - for standard input)", file=sys.stderr)
        return 2
    tagger = Tagger.load(args.model)
    sentences = read_conll(args.conll)
    tags = tagger.tag_many([[cols[0] for cols in s] for s in sentences], window=args.window)
    out = sys.stdout
    for line in format_conll(sentences, tags):
        out.write(line)
    return 0


def _train_ner(args) -> int:
    from marsad.evaluate import corpora
    from marsad.evaluate.ner import score_conll
    from marsad.ner.crf import Tagger, default_model_path, train

    root = corpora.data_root(args.data)
    sentences = corpora.anercorp("train", root)
    extra = corpora.wojood("train", root) if args.with_wojood else []
    n_dev = int(len(sentences) * args.dev_fraction)
    fit, dev = sentences[: len(sentences) - n_dev], sentences[len(sentences) - n_dev:]
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.max_iter,
              "feature_minfreq": args.minfreq}
    out = Path(args.out) if args.out else default_model_path()
    if dev:
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            summary = train(fit + extra, Path(tmp) / "dev.crfsuite", **params)
            scores = score_conll(Tagger.load(Path(tmp) / "dev.crfsuite").tag_many, dev)
        print(f"dev (last {n_dev} sentences of ANERcorp train), model trained on {len(fit)}"
              f"{' + Wojood train ' + str(len(extra)) if extra else ''} sentences "
              f"in {time.perf_counter() - t0:.0f}s:")
        for label, s in scores.as_dict().items():
            print(f"  {label:5} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  (n={s['support']})")
        if args.dev_only:
            return 0
    summary = train(sentences + extra, out, **params)
    print(f"model trained on {summary['sentences']} sentences in {summary['seconds']}s "
          f"({summary['iterations']} iterations) → {out} ({summary['model_bytes'] / 1e6:.1f} MB)")
    return 0


def register(subparsers) -> None:
    tag = subparsers.add_parser("tag", help="tag tokens with LOC/PERS/ORG (IOB2)",
                                description="Tag whitespace-tokenized CoNLL (token first, blank line between "
                                            "sentences); prints each line with the predicted IOB2 tag appended.")
    tag.add_argument("--conll", metavar="FILE", help="CoNLL file, or - for standard input")
    tag.add_argument("--model", help="CRF model file (default: the shipped one)")
    tag.add_argument("--window", type=int, default=10,
                     help="make repeated names consistent across this many sentences either side "
                          "(default 10; 0 tags each sentence alone)")
    tag.set_defaults(func=_tag)



def add_train_ner(tsub) -> None:
    """`marsad train ner` (the "train" command itself is marsad.commands.train)."""
    ner = tsub.add_parser("ner", help="train the CRF NER tagger on ANERcorp train",
                          description="Train the CRF tagger on ANERcorp train (MISC as O). The last "
                                      "--dev-fraction of train is held out first to report dev scores; "
                                      "the final model is then trained on all of train.")
    ner.add_argument("--data", help="shared data folder (default: $MARSAD_SHARED_DATA or ../shared/data)")
    ner.add_argument("--out", help="model path (default: the packaged marsad/ner/models/ner.crfsuite)")
    ner.add_argument("--c1", type=float, default=0.05, help="L1 penalty (default 0.05)")
    ner.add_argument("--c2", type=float, default=0.01, help="L2 penalty (default 0.01)")
    ner.add_argument("--max-iter", type=int, default=200, help="L-BFGS iterations (default 200)")
    ner.add_argument("--minfreq", type=float, default=1, help="drop features seen fewer times (default 1)")
    ner.add_argument("--dev-fraction", type=float, default=0.1, help="held-out tail of train (default 0.1)")
    ner.add_argument("--dev-only", action="store_true", help="only train on the head and report dev scores")
    ner.add_argument("--with-wojood", action="store_true", help="also train on the Wojood sample's train split")
    ner.set_defaults(func=_train_ner)
