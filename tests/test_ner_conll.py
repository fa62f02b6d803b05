import pytest

from marsad.errors import MarsadError
from marsad.ner.conll import format_conll, read_conll, read_tagged, write_conll


def test_ner_conll_round_trip(tmp_path):
    src = tmp_path / "in.conll"
    src.write_bytes("وصل O\r\nالوفد O  \r\nإلى O\nدمشق B-LOC\n\n\nأمس O\n".encode("utf-8"))
    sents = read_conll(src)
    assert [[c[0] for c in s] for s in sents] == [["وصل", "الوفد", "إلى", "دمشق"], ["أمس"]]
    assert read_tagged(src)[0][1] == ["O", "O", "O", "B-LOC"]
    out = tmp_path / "out.conll"
    write_conll(out, sents, [["O", "O", "O", "B-LOC"], ["O"]])
    again = read_conll(out)
    assert [[c[:2] for c in s] for s in again] == [[c[:2] for c in s] for s in sents]
    assert [c[-1] for c in again[0]] == ["O", "O", "O", "B-LOC"]


def test_ner_conll_tokens_only_and_extra_columns(tmp_path):
    src = tmp_path / "t.conll"
    src.write_text("بغداد\tB-GPE\tB-LOC\nاليوم\tO\tO\n", encoding="utf-8")
    assert read_tagged(src, column=1) == [(["بغداد", "اليوم"], ["B-GPE", "O"])]
    lines = list(format_conll(read_conll(src), [["B-LOC", "O"]]))
    assert lines[0] == "بغداد\tB-GPE\tB-LOC\tB-LOC\n"


@pytest.mark.parametrize("text,line", [("وصل O\n\tO\n", 2), ("وصل O\nالوفد\n", 2), ("a O\nb X-LOC\n", 2)])
def test_ner_conll_malformed_reports_code_and_line(tmp_path, text, line):
    src = tmp_path / "bad.conll"
    src.write_text(text, encoding="utf-8")
    with pytest.raises(MarsadError) as err:
        read_tagged(src)
    assert err.value.code == "E030"
    assert err.value.fields["line"] == line
    assert "line %d" % line in str(err.value)
