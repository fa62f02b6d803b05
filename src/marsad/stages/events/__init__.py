"""The events stage: who did what to whom, where, when, and how sure the text is.

Steps, per sentence (header lines before ``doc.body_start`` are left out):
  1. clauses  – the sentence is cut at punctuation (، , ؛ : …) and clause words (لكن،
                بينما، حيث، بعد أن…), listed under ``cues.clause_breaks`` in triggers.json;
  2. triggers – the lexicon's longest match at each token (``TriggerLexicon.match``:
                clitics, inflection, phrases); tokens inside a place, actor or person
                name are never triggers (الحشد الشعبي is an actor, not a mobilization);
                two triggers of one type side by side are one event (اتفاق وقف إطلاق النار);
                ``finding.sentence_hits`` then drops or rereads the words that only look
                like triggers there (the steps in their order);
  3. actor / target, from Arabic word order, in this order:
       passive verb (a damma on its first letter: أُغلقت) → actor only from "من قبل X",
       "على يد X";  a relative pronoun before the verb (الذي هرب) → the nearest person
       named before it in the sentence, else the nearest actor;  VSO (قصفت طائرات
       التحالف…) → the actor named right after the verb;  SVO (القوات العراقية أغلقت…)
       → the nearest actor before the trigger in the clause;  a verbal noun in construct
       (إغلاق القوات العراقية…, استهداف مواقع داعش) → the genitive is the actor or the
       target by the head noun before it (argument_heads) or the entry's "genitive"
       hint;  "تلقي/تعرض X … ضربات" → X is the target;  "من قبل X" always names the
       actor;  "على/ضد X" after the trigger names the target.  Actors joined by و or ،
       are all kept ("actors"/"targets"; "actor"/"target" hold the first).  Named
       actors inside an attribution ("مصادر في جهاز الأمن") are speakers, not actors;
  4. location – the most specific LOC mention in the clause, then in the sentence, then
                the document focus (``focus_place``); never a dateline mention;
  5. date     – the nearest DATE mention in the clause, then the sentence (its value);
  6. status   – hypothetical (إذا، لو، في حال…, إن before the verb, or an action that is
                threatened/demanded: هدد بقصف، دعا إلى وقف إطلاق النار) > denied (نفى…
                earlier in the sentence) > denied with ``"negated": true`` (لم، لن، لا،
                ما + perfect، ليس، غير، عدم right before the trigger, across تم/يتم/قد) >
                planned (سـ/سوف, يعتزم، يخطط، تستعد…, المرتقب after it) > attempted
                (يحاول، محاولة، سعى، أحبط…) > reported. Negated actions are never
                "reported": they are "denied" with "negated": true, so a reader can tell
                a denial by a speaker (negated false) from a negated statement of fact;
  7. source   – ``source_at`` the trigger; casualties from QUANTITY mentions of the
                sentence whose value has a casualty "kind" (killed, wounded…);
  8. confidence – the probability that the event's type and place are right, from the
                logistic model ``scoring`` reads (fitted by ``marsad train events`` on
                annotated sentences apart from the gold set); without a model, trigger
                specificity plus the arguments found.

Modules: ``finding`` (trigger hits; ``readings`` drops those naming no particular
happening, ``words`` holds their word tests), ``sentence`` (the token view and argument search),
``arguments`` (actor, target, status of one trigger), ``status``, ``governing`` (actions
that are content of another event or no event), ``merging`` (one event per happening and
per place), ``placing`` (place, date, casualties, confidence); this module runs them.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from marsad.doc import Doc
from marsad.knowledge import place_cues
from marsad.knowledge.triggers import TriggerLexicon, load_triggers
from marsad.pipeline import stage
from marsad.stages.events.arguments import event_of
from marsad.stages.events.finding import sentence_hits
from marsad.stages.events.governing import fold_embedded
from marsad.stages.events.merging import coordinated_places, merge_coreferent, one_per_place, refers_back
from marsad.stages.events.placing import (PLACE_PREPOSITIONS, said_part, without_locators, SAYING_LOCATIVE, SAYING_TYPES, casualties_of,
                                          confidence_of, date_of, location_of, statement_settings, visited_place, where_said)
from marsad.stages.events.scoring import EventScorer, features
from marsad.stages.events.sentence import Entity, Sentence, in_span
from marsad.stages.events.status import cue_marks
from marsad.stages.places import focus_place, places_in_names
from marsad.stages.sources import source_at
from marsad.text.clitics import proclitic_stems
from marsad.text.segment import split_clauses


TERRITORY = frozenset({"الاراضي", "والاراضي", "بالاراضي", "للاراضي"})   # normalized الأراضي

# a visit or a meeting takes its place from the whole clause, after a locative preposition
# (التقى الرئيس نظيره اللبناني في باريس), not only before what was said
WHOLE_CLAUSE = frozenset({"visit", "meet"})


@stage("events", requires=("tokens", "sentences", "mentions"), assigns=("events",))
def make_events(trigger_lexicon: TriggerLexicon | None = None, event_scorer: EventScorer | None = None,
                min_event_confidence: float | None = None, event_features: bool = False, **_):
    """``event_scorer``: the confidence model (default: the packaged one); events scored
    below ``min_event_confidence`` (default 0: every event is reported) are left out;
    ``event_features`` keeps each event's feature names in ``_features`` (for
    ``marsad train events``)."""
    lex = trigger_lexicon or load_triggers()
    scorer = event_scorer or EventScorer.load()
    floor = min_event_confidence or 0.0
    casualty_kinds = lex.cues.get("casualty_kinds", frozenset())
    relatives = lex.cues["relatives"]
    qualifiers = place_cues().qualifiers   # مدينة، بلدة، محافظة… between a preposition and a name

    def events(doc: Doc) -> Doc:
        doc.events = []
        toks = doc.tokens
        if not toks or not doc.sentences:
            return doc
        starts = [t.start for t in toks]
        places = {p.id: p for p in doc.places}

        def places_someone(m) -> bool:
            """"السفراء المعتمدين في الأردن"، "المولود في الكويت": the place tells where a person
            lives, works or was born, not where the event was."""
            k = tok_index(m.start)
            k -= 1 if m.start > toks[k].start else 2   # the word before ب… or before في
            return k >= 0 and toks[k].kind == "word" and lex.has("residence_words", toks[k].norm)

        def locative(m) -> bool:
            """Where something was said or decided: a place after في, or a town or city with
            ب on it (بباريس). Not ل (addressee: دعا لإسرائيل) nor a country with ب (اهتمامه بلبنان)."""
            if places_someone(m):
                return False
            prefix, before = introduced(m)
            if prefix is not None:
                p = places.get(m.ref)
                return prefix == "ب" and p is not None and p.kind not in ("country", "admin1", "region")
            return before in SAYING_LOCATIVE

        def tok_index(offset: int) -> int:
            return max(0, bisect_right(starts, offset) - 1)

        def introduced(m) -> tuple[str | None, str]:
            """What introduces a place mention: the proclitics on its own token (without و/ف),
            or None and the word before it."""
            k = tok_index(m.start)
            if m.start > toks[k].start:
                return toks[k].text[:m.start - toks[k].start].lstrip("وف"), ""
            if k > 0:   # over a qualifier: في مدينة البصرة, بمدينة البصرة
                qualified = next((prefix for prefix, stem in proclitic_stems(toks[k - 1].norm)
                                  if stem in qualifiers), None)
                if qualified is not None:
                    if qualified.lstrip("وف"):
                        return qualified.lstrip("وف"), ""
                    k -= 1
            return None, (toks[k - 1].norm if k > 0 else "")

        def where_it_happened(m) -> bool:
            """A country is where an event happened only after a preposition of place (في، على،
            من، إلى…) or with ب on it; bare, it is a government acting or a topic (إسبانيا ستقدم
            مساعدات، عدوانها على…)."""
            if places_someone(m):
                return False
            p = places.get(m.ref)
            if p is None or p.kind != "country" or toks[tok_index(m.start)].norm in TERRITORY:
                return True   # الأراضي اللبنانية is the land, never the government
            prefix, before = introduced(m)
            if prefix is not None:
                return prefix in ("ب", "لل")
            return before in PLACE_PREPOSITIONS

        ent_at: dict[int, Entity] = {}
        covered: set[int] = set()
        locs, dates, quants = [], [], []
        for m in doc.mentions:
            if m.label in ("ORG", "PERS", "LOC"):
                a, b = tok_index(m.start), tok_index(max(m.start, m.end - 1))
                covered.update(range(a, b + 1))
                if m.label != "LOC" and m.ref:
                    ent = Entity(m.ref, m.label, a, b, m.start)
                    for k in range(a, b + 1):
                        if k not in ent_at or ent_at[k].last - ent_at[k].first < b - a:
                            ent_at[k] = ent
                elif m.label == "LOC" and m.ref and m.role != "dateline":
                    locs.append((a, m))
            elif m.label == "DATE" and isinstance(m.value, dict):
                dates.append((tok_index(m.start), m))
            elif m.label == "QUANTITY" and isinstance(m.value, dict):
                quants.append((tok_index(m.start), m))
        locs.sort(key=lambda x: x[0])
        # a place inside an organisation's name (سرايا القدس، جامعة بغداد) is part of the name
        named = places_in_names(doc)
        locs = [(k, m) for k, m in locs if m.id not in named]
        locs = without_locators(doc.text, locs)
        loc_starts = frozenset(k for k, _ in locs)
        dates.sort(key=lambda x: x[0])
        quants.sort(key=lambda x: x[0])
        src_spans = sorted((s["start"], s["end"]) for s in doc.sources if "start" in s)

        def in_source(offset: int) -> bool:
            return any(a <= offset < b for a, b in src_spans)

        ctx = {"ent_at": ent_at, "covered": covered, "in_source": in_source, "norms": [t.norm for t in toks]}
        focus = None
        focus_done = False
        n = 0
        for si, sent in enumerate(doc.sentences):
            if sent.end <= doc.body_start:
                continue
            first = bisect_left(starts, max(sent.start, doc.body_start))
            last = bisect_left(starts, sent.end) - 1
            if first > last:
                continue
            s = Sentence(doc, lex, first, last, ctx)
            hits = sentence_hits(s, lex, covered)
            if not hits:
                continue
            s.trigger_tokens = {k for h in hits for k in range(h.first, h.last + 1)}
            s.marks = cue_marks(s)
            clauses = split_clauses(s.toks, s.first, s.last, s.breaks().__contains__)
            settings = statement_settings(toks, first, last, lex)
            sentence_events = []
            for hit in hits:
                clause = next(((a, b) for a, b in clauses if a <= hit.first <= b), (first, last))
                ev = event_of(s, lex, hit, clause, hits)
                # location: clause, then sentence, then the document focus
                saying = ev["type"] in SAYING_TYPES
                # where a statement was made is said in its own clause ("وفي باريس انتقد…");
                # a visit happens where the visitor went (زار دمشق، زيارته للدوحة)
                loc, where = (visited_place(toks, locs, clause, hit, (first, last), qualifiers)
                              if ev["mode"] == "visit" else (None, None))
                if loc is None:
                    usable = locative if saying else where_it_happened
                    if settings:   # not where a statement was made, for what it says
                        usable = (lambda m, fits=usable, at=hit.first:
                                  fits(m) and not where_said(tok_index(m.start), at, settings))
                    loc, where = location_of(locs, places, said_part(toks, clause, hit, loc_starts) if saying and ev["mode"] not in WHOLE_CLAUSE else clause,
                                             (first, last), hit.first, saying, usable)
                if loc is None and not saying:  # where a statement was made is rarely said
                    if not focus_done:
                        fp = focus_place(doc)
                        focus, focus_done = (fp.id if fp is not None else None), True
                    # not a country this very sentence shows acting or as a topic (إسبانيا ستقدم…)
                    if focus is not None and any(m.ref == focus and not where_it_happened(m)
                                                 for _, m in in_span(locs, first, last)):
                        loc, where = None, None
                    else:
                        loc, where = focus, "focus" if focus else None
                ev["location"], ev["location_from"] = loc, where
                ev["_also_at"] = (coordinated_places(doc.text, locs, places, clause, loc, ev["mode"] == "visit")
                                  if where == "clause" and (not saying or ev["mode"] == "visit") else [])
                relative_at = next((k for k in range(hit.last + 1, last + 1) if toks[k].norm in relatives), None)
                ev["date"] = date_of(dates, clause, (first, last), hit.first, relative_at)
                ev["casualties"] = casualties_of(quants, (first, last), casualty_kinds)
                ev["source"] = source_at(doc, toks[hit.first].start)
                ev["sentence"] = si
                ev["confidence"] = confidence_of(hit, ev, where)
                ev["_specificity"] = hit.form.trigger.specificity
                sentence_events.append(ev)
            found = one_per_place(merge_coreferent(fold_embedded(sentence_events, hits), places))
            for ev in found:
                names = features(ev, ev.pop("_specificity"), len(found))
                if scorer is not None:
                    ev["confidence"] = round(scorer.probability(names), 3)
                    if ev["confidence"] < floor:
                        continue
                if event_features:
                    ev["_features"] = names
                if refers_back(ev, doc.events, places):
                    continue
                ev["id"] = f"ev{n}"
                n += 1
                doc.events.append(ev)
        return doc

    return events
