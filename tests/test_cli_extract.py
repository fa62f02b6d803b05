"""`marsad extract` and `marsad demo` as a user meets them: output formats, stdin,
input encodings, and the catalogued errors (exit code 2, code and file name printed)."""
from __future__ import annotations

import codecs
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.cli import main

CONTRACT_KEYS = {"id", "meta", "text", "mentions", "places", "actors", "persons", "sources", "events", "routes"}
META_KEYS = {"url", "outlet", "title", "author", "published", "dateline", "language"}

# Written for these tests, in news style.
ALEPPO = ("قصفت الطائرات الحربية مواقع قرب مدينة حلب شمال سوريا، وفق ما أفاد به مصدر محلي.\n"
          "وأضاف المصدر أن اشتباكات عنيفة اندلعت في ريف إدلب الجنوبي، فيما أُغلقت الطرق المؤدية إلى حماة.\n")
MOSUL = ("بغداد – أعلنت قيادة العمليات المشتركة أن قواتها تقدمت نحو الموصل من محورين.\n"
         "وقال ضابط في الجيش العراقي إن القوات تسيطر على الطريق الذي يربط كركوك بأربيل.\n")


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def place_names(doc: dict) -> set[str]:
    return {p["name"] for p in doc["places"]}


def place_ids(doc: dict) -> set[str]:
    return {p["id"] for p in doc["places"]}


def test_cli_json_prints_one_contract_document(tmp_path, capsys):
    path = write(tmp_path, "aleppo.txt", ALEPPO)
    code, out, err = run(capsys, "extract", path, "--format", "json")
    assert code == 0, err
    doc = json.loads(out)  # exactly one JSON value
    assert set(doc) >= CONTRACT_KEYS
    assert set(doc["meta"]) >= META_KEYS
    assert doc["meta"]["language"] == "ar"
    assert doc["text"] == path.read_text(encoding="utf-8")
    assert {"Aleppo", "Syria", "Idlib"} <= place_names(doc)
    for m in doc["mentions"]:
        assert doc["text"][m["start"]:m["end"]] == m["text"]


def test_cli_json_two_files_give_two_json_lines(tmp_path, capsys):
    a, b = write(tmp_path, "a.txt", ALEPPO), write(tmp_path, "b.txt", MOSUL)
    code, out, err = run(capsys, "extract", a, b, "--format", "json")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 2
    docs = [json.loads(line) for line in lines]
    assert [d["text"] for d in docs] == [ALEPPO, MOSUL]
    assert "Aleppo" in place_names(docs[0]) and "Mosul" in place_names(docs[1])


def test_cli_jsonl_one_line_per_document(tmp_path, capsys):
    path = write(tmp_path, "a.txt", MOSUL)
    code, out, err = run(capsys, "extract", path, "--format", "jsonl")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 1
    doc = json.loads(lines[0])
    assert set(doc) >= CONTRACT_KEYS and doc["text"] == MOSUL
    assert {"Mosul", "Kirkuk", "Erbil"} <= place_names(doc)


def test_cli_text_summary_names_the_places(tmp_path, capsys):
    path = write(tmp_path, "aleppo.txt", ALEPPO)
    code, out, err = run(capsys, "extract", path, "--format", "text")
    assert code == 0, err
    assert str(path) in out
    assert "places" in out and "mentions" in out
    for name in ("Aleppo", "Syria", "Idlib", "حلب", "إدلب"):
        assert name in out
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)


def test_cli_reads_stdin_with_dash(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MOSUL.encode("utf-8")), encoding="utf-8"))
    code, out, err = run(capsys, "extract", "-", "--format", "jsonl")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["text"] == MOSUL
    assert "Mosul" in place_names(doc)


def test_cli_demo_summarizes_the_examples(capsys):
    code, out, err = run(capsys, "demo")
    assert code == 0, err
    examples = [line for line in out.splitlines() if line.startswith("== examples/")]
    assert len(examples) >= 3
    assert "Mosul" in out and "Ar Raqqah" in out


def test_cli_demo_jsonl(capsys):
    code, out, err = run(capsys, "demo", "--format", "jsonl")
    assert code == 0, err
    docs = [json.loads(line) for line in out.splitlines()]
    assert len(docs) >= 3
    assert all(d["places"] for d in docs)


def test_cli_console_script_reads_stdin(tmp_path):
    script = Path(sys.executable).with_name("marsad")
    exe = str(script) if script.exists() else shutil.which("marsad")
    assert exe, "the marsad console script is not installed"
    proc = subprocess.run([exe, "extract", "-", "--format", "json"], input=ALEPPO.encode("utf-8"),
                          capture_output=True, timeout=300, env=dict(os.environ))
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    doc = json.loads(proc.stdout.decode("utf-8"))
    assert set(doc) >= CONTRACT_KEYS and doc["text"] == ALEPPO
    assert {"Aleppo", "Syria"} <= place_names(doc)


# --- errors: exit 2, the catalogue code and the input's name on stderr -----------------

def assert_error(capsys, code_expected: str, name: str, *argv):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert f"[{code_expected}]" in err
    assert name in err
    assert "Traceback" not in err
    assert out == ""


def test_cli_missing_file_is_E001(tmp_path, capsys):
    missing = tmp_path / "no-such-report.txt"
    assert_error(capsys, "E001", str(missing), "extract", missing)


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n", codecs.BOM_UTF8 + b" \n"], ids=["empty", "whitespace", "bom-blank"])
def test_cli_empty_file_is_E002(tmp_path, capsys, content):
    path = write(tmp_path, "blank.txt", content)
    assert_error(capsys, "E002", str(path), "extract", path)


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
       + bytes(range(256)) * 4)


@pytest.mark.parametrize("content", [PNG, b"report\x00\x00\x01\x02data\x00" * 40,
                                     bytes((i * 7919 + 13) % 255 + 1 for i in range(3000))],
                         ids=["png", "nul-bytes", "no-nul-noise"])
def test_cli_binary_file_is_E003(tmp_path, capsys, content):
    path = write(tmp_path, "picture.png", content)
    assert_error(capsys, "E003", str(path), "extract", path)


def test_cli_directory_is_E005(tmp_path, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    assert_error(capsys, "E005", str(folder), "extract", folder)


def test_cli_unknown_format_is_E006(tmp_path, capsys):
    path = write(tmp_path, "a.txt", ALEPPO)
    code, out, err = run(capsys, "extract", path, "--format", "xml")
    assert code == 2 and "[E006]" in err and "'xml'" in err and "jsonl" in err and out == ""
    code, out, err = run(capsys, "demo", "--format", "yaml")
    assert code == 2 and "[E006]" in err


def test_cli_bad_encoding_option_is_E004(tmp_path, capsys):
    path = write(tmp_path, "cp.txt", ALEPPO.encode("cp1256"))
    assert_error(capsys, "E004", str(path), "extract", path, "--encoding", "utf-8")
    assert_error(capsys, "E004", str(path), "extract", path, "--encoding", "no-such-codec")


def test_cli_one_bad_input_fails_the_run_without_partial_output(tmp_path, capsys):
    good = write(tmp_path, "good.txt", ALEPPO)
    assert_error(capsys, "E001", "gone.txt", "extract", good, tmp_path / "gone.txt", "--format", "jsonl")


# --- encodings: same places as the UTF-8 file ----------------------------------------

ENCODINGS = {
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "cp1256": lambda t: t.encode("cp1256"),
    "utf-16-bom": lambda t: t.encode("utf-16"),
    "utf-16-le": lambda t: t.encode("utf-16-le"),
    "utf-16-be": lambda t: t.encode("utf-16-be"),
}


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
@pytest.mark.parametrize("text", [ALEPPO, MOSUL], ids=["aleppo", "mosul"])
def test_cli_encodings_give_the_same_places_as_utf8(tmp_path, capsys, encoding, text):
    plain = write(tmp_path, "utf8.txt", text)
    other = write(tmp_path, f"{encoding}.txt", ENCODINGS[encoding](text))
    code, out, err = run(capsys, "extract", plain, other, "--format", "jsonl")
    assert code == 0, err
    utf8_doc, other_doc = (json.loads(line) for line in out.splitlines())
    assert other_doc["text"] == text
    assert place_ids(other_doc) == place_ids(utf8_doc) and place_ids(utf8_doc)
    assert other_doc["mentions"] == utf8_doc["mentions"]


def test_cli_short_cp1256_report_is_not_misread(tmp_path, capsys):
    # A one-line cp1256 report that charset-normalizer alone takes for Shift-JIS (cp932).
    line = "قصفت الطائرات مواقع قرب مدينة حلب"
    path = write(tmp_path, "short.txt", line.encode("cp1256"))
    code, out, err = run(capsys, "extract", path)
    assert code == 0, err
    doc = json.loads(out)
    assert doc["text"] == line
    assert "Aleppo" in place_names(doc)
