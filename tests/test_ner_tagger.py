from marsad.cli import main
from marsad.evaluate.spans import iob_spans
from marsad.ner.crf import Tagger
from marsad.ner.features import Featurizer

# Our own sentences, written for these tests.
SENTENCE = "وقال مصدر أمني إن القوات دخلت مدينة الموصل صباح اليوم بعد معارك عنيفة".split()


def test_ner_tagger_tags_city_after_madina_as_loc():
    tags = Tagger.load().tag(SENTENCE)
    assert len(tags) == len(SENTENCE)
    i = SENTENCE.index("الموصل")
    assert (i, i + 1, "LOC") in iob_spans(tags)


def test_ner_tagger_empty_and_features_use_lexicon():
    assert Tagger.load().tag([]) == []
    fz = Featurizer(frozenset({"تل عفر", "سنجار"}))
    feats = fz.sentence(["بين", "تل", "عفر", "وسنجار"])
    assert "mwGAZ=B" in feats[1] and "mwGAZ=I" in feats[2]
    assert "lex=GAZs" in feats[3]  # clitic-stripped form is in the lexicon


def test_ner_tag_conll_command(tmp_path, capsys):
    src = tmp_path / "in.conll"
    src.write_text("\n".join(SENTENCE) + "\n\nوصل\nالوفد\nإلى\nبغداد\n", encoding="utf-8")
    assert main(["tag", "--conll", str(src)]) == 0
    lines = capsys.readouterr().out.split("\n")
    rows = [ln.split("\t") for ln in lines if ln]
    assert len(rows) == len(SENTENCE) + 4
    assert all(len(r) == 2 for r in rows)
    assert dict((r[0], r[1]) for r in rows)["الموصل"] == "B-LOC"
    assert lines[len(SENTENCE)] == ""  # sentence boundary kept


def test_ner_tag_conll_command_reports_bad_input(tmp_path, capsys):
    assert main(["tag", "--conll", str(tmp_path / "missing.conll")]) == 2
    assert "E001" in capsys.readouterr().err


def test_ner_default_featurizer_knows_given_names_and_organisations():
    from marsad.ner.crf import default_featurizer

    fz = default_featurizer()
    feats = fz.sentence(["وقال", "محمد", "إن", "الأمم", "المتحدة"])
    assert "lex=PNAME" in feats[1]
    assert "mwORG=B" in feats[3] and "mwORG=I" in feats[4]


def test_ner_propagation_surname_and_clitic():
    from marsad.ner.crf import propagate

    sents = [["التقى", "عمر", "كوناري", "أمس"], ["وقال", "كوناري", "إن"], ["ورحب", "وكوناري", "بذلك"]]
    preds = [["O", "B-PERS", "I-PERS", "O"], ["O", "O", "O"], ["O", "O", "O"]]
    out = propagate(sents, preds, window=5)
    assert out[1] == ["O", "B-PERS", "O"]
    assert out[2] == ["O", "B-PERS", "O"]
