#!/usr/bin/env python3
"""Benchmark: start-up, the places stage alone, and `marsad extract` as a whole.

Prints articles/s on one core (this process, no workers) for
  - generated 3 KB reports (templates written for this benchmark, random place names
    drawn from the gazetteer), and
  - the ANERcorp test text cut into ~3 KB documents (when ../shared/data is present),
plus start-up time (fresh process: import, gazetteer load, pipeline construction)
and peak memory (max RSS).

First a single pass over distinct documents (ANERcorp train and test cut into ~3 KB
pieces: what a batch run sees), in each of ``--cold-runs`` fresh processes (best, median
and worst: this machine's speed swings between identical runs), then the best of 3 passes
over the same documents (steady state, per-word caches warm). Pin to one core with
`taskset -c 0` (child processes inherit it).

Usage: taskset -c 0 python3 bench/bench_places.py [--docs 300] [--seed 7] [--cold-runs 5]
"""
from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"

TEMPLATES = [
    "قالت مصادر محلية إن القوات تقدمت من {a} باتجاه {b} بعد اشتباكات استمرت ساعات.",
    "أفاد مصدر أمني بأن طائرات مسيرة قصفت مواقع قرب {a} جنوبي {b} مساء أمس.",
    "وأعلنت السلطات إغلاق الطريق بين {a} و{b} أمام حركة المدنيين حتى إشعار آخر.",
    "ونزحت مئات العائلات من قرى شمالي {a} إلى مخيمات في {b} خلال الأيام الماضية.",
    "وذكر شهود عيان أن رتلاً عسكرياً عبر {a} متجهاً نحو {b} وسط إجراءات مشددة.",
    "وفي {a}، قال مسؤول محلي إن المدينة تشهد هدوءاً حذراً بعد مواجهات في {b}.",
    "وأشار ناشطون إلى أن الحصار المفروض على {a} دخل شهره الثالث وسط نقص في الغذاء.",
    "وتحدثت تقارير عن انسحاب المسلحين من أطراف {a} إلى مناطق صحراوية غرب {b}.",
]


def generated_docs(n: int, seed: int, names: list[str]) -> list[str]:
    rng = random.Random(seed)
    docs = []
    for _ in range(n):
        parts, size = [], 0
        while size < 3000:
            s = rng.choice(TEMPLATES).format(a=rng.choice(names), b=rng.choice(names))
            parts.append(s)
            size += len(s.encode("utf-8"))
        docs.append("\n".join(parts))
    return docs


def anercorp_docs(limit_bytes: int = 3000, splits: tuple[str, ...] = ("test",)) -> list[str]:
    paths = [SHARED / "anercorp" / f"ANERCorp_CamelLab_{split}.txt" for split in splits]
    if not all(p.exists() for p in paths):
        return []
    docs, current, sentence = [], [], []
    lines = [line for p in paths for line in p.read_text("utf-8").splitlines()]
    for line in lines:
        if line.strip():
            sentence.append(line.split()[0])
            continue
        if sentence:
            current.append(" ".join(sentence))
            sentence = []
            if len("\n".join(current).encode("utf-8")) >= limit_bytes:
                docs.append("\n".join(current))
                current = []
    if current:
        docs.append("\n".join(current))
    return docs


def startup_seconds() -> float:
    code = ("import time; t=time.perf_counter(); from marsad.api import default_pipeline; "
            "default_pipeline(); print(time.perf_counter()-t)")
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(3)]
    return min(runs)


def cold_pass() -> None:
    """One pass over the distinct documents in a fresh pipeline, in this (fresh) process:
    what a batch run sees, per-word caches filling as it goes. Prints articles/s."""
    docs = anercorp_docs(splits=("train", "test"))
    from marsad.api import default_pipeline
    nlp = default_pipeline()
    t = time.perf_counter()
    for text in docs:
        nlp.run_text(text)
    print(len(docs) / (time.perf_counter() - t))


def measure_cold(label: str, docs: list[str], runs: int) -> None:
    """``cold_pass`` in ``runs`` fresh processes (the caches are per process): this
    machine's speed swings between identical runs, so the best and the median are shown."""
    code = f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import bench_places; bench_places.cold_pass()"
    rates = sorted(float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                        check=True).stdout.split()[-1]) for _ in range(runs))
    kb = sum(len(d.encode("utf-8")) for d in docs) / len(docs) / 1024
    print(f"{label}: {len(docs)} distinct docs, {kb:.1f} KB average, one pass per fresh process, {runs} runs")
    print(f"  extract (whole)   {rates[-1]:8.0f} articles/s best, {rates[len(rates) // 2]:.0f} median, "
          f"{rates[0]:.0f} worst")


def measure(label: str, docs: list[str], rounds: int = 3) -> None:
    """Best of ``rounds`` passes over the same documents (steady state, caches warm)."""
    from marsad.api import default_pipeline
    from marsad.doc import Doc
    nlp = default_pipeline()
    stages = dict(nlp.stages)
    places_s = full_s = float("inf")
    for _ in range(rounds):
        prepared = []
        for text in docs:
            doc = Doc(text=text)
            for name in ("normalize", "segment", "dateline"):
                doc = stages[name](doc)
            prepared.append(doc)
        t = time.perf_counter()
        for doc in prepared:
            stages["places"](doc)
        places_s = min(places_s, time.perf_counter() - t)
        t = time.perf_counter()
        mentions = 0
        for text in docs:
            mentions += len(nlp.run_text(text).mentions)
        full_s = min(full_s, time.perf_counter() - t)
    kb = sum(len(d.encode("utf-8")) for d in docs) / len(docs) / 1024
    print(f"{label}: {len(docs)} docs, {kb:.1f} KB average, {mentions / len(docs):.1f} mentions/doc")
    print(f"  places stage      {len(docs) / places_s:8.0f} articles/s")
    print(f"  extract (whole)   {len(docs) / full_s:8.0f} articles/s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--cold-runs", type=int, default=5, help="fresh processes for the one-pass measure")
    args = ap.parse_args()
    print(f"start-up (fresh process, best of 3): {startup_seconds():.2f} s")
    distinct = anercorp_docs(splits=("train", "test"))
    if distinct:
        measure_cold("anercorp train+test", distinct, args.cold_runs)
    from marsad.gazetteer.index import load_gazetteer
    gz = load_gazetteer()
    names = sorted({p.name_ar for p in (gz.get("geonames:99072"), gz.get("geonames:172955")) if p}
                   | {c.name_ar for key in ("الموصل", "تلعفر", "سنجار", "الرقه", "حلب", "الحسكه", "دير الزور",
                                            "بغداد", "كركوك", "الرمادي", "الفلوجه", "ادلب", "حمص", "درعا")
                      for c in gz.candidates(key)[:1]})
    measure("generated", generated_docs(args.docs, args.seed, names))
    ane = anercorp_docs()
    if ane:
        measure("anercorp-test", ane)
    else:
        print("anercorp-test: skipped (../shared/data not found)")
    peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    print(f"peak memory (largest process): {peak / 1024:.0f} MB")


if __name__ == "__main__":
    main()
