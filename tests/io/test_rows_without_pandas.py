"""The analysis reads its rows without pandas (issue 14): the rows are those of the
DataFrame path, value for value and type for type, the reports are the same, and a
subprocess running the whole analysis never imports pandas."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from laktasi.datasets import example_names
from laktasi.design import load_study
from laktasi.io import frame_rows, load_data, read_csv, read_rows_checked, write_data
from laktasi.io._validate import load_rows
from laktasi.pipeline import example_files

ROOT = Path(__file__).resolve().parents[2]
STUDIES = [example_files(name) for name in example_names()] + [
    (ROOT / "tests/data/studies/two-group-posttest.csv",
     ROOT / "tests/data/studies/two-group-posttest.yaml")]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".sav"])
@pytest.mark.parametrize(("data", "study"), STUDIES, ids=[Path(d).stem for d, _ in STUDIES])
def test_rows_are_the_dataframe_rows(data, study, suffix, tmp_path):
    st = load_study(study)
    path = data
    if suffix != ".csv":
        rows, _ = read_rows_checked(data, st)
        path = write_data(rows, tmp_path / f"d{suffix}", st)
    frame, report = load_data(path, st)
    rows, report2 = load_rows(path, st)
    want = frame_rows(frame)
    assert [[(k, type(v), v) for k, v in r.items()] for r in rows] == \
        [[(k, type(v), v) for k, v in r.items()] for r in want]
    assert report2 == report


def test_dropped_rows_and_errors_are_the_same(tmp_path):
    data, study = example_files("amanda-oku-timur-2023")
    text = Path(data).read_text(encoding="utf-8").splitlines()
    cells = text[3].split(",")
    cells[-1] = "lima"  # a word in a number column
    text[3] = ",".join(cells)
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(text) + "\n", encoding="utf-8")
    st = load_study(study)
    frame, report = load_data(bad, st, drop_invalid=True)
    rows, report2 = load_rows(bad, st, drop_invalid=True)
    assert report2 == report and report.dropped_rows == (4,)
    assert rows == frame_rows(frame) and len(rows) == len(frame) == 14


def test_column_names_are_unique_even_when_a_header_holds_the_suffix(tmp_path):
    path = tmp_path / "h.csv"
    path.write_text("nama,nama (2),nama,umur\nA,B,C,20\n", encoding="utf-8")
    raw = read_csv(path)
    assert raw.names == ("nama", "nama (2)", "nama (3)", "umur")
    assert list(raw.frame.columns) == list(raw.names) and raw.frame.loc[2, "nama (3)"] == "C"


def test_analysis_to_docx_imports_no_pandas(tmp_path):
    data, study = example_files("amanda-oku-timur-2023")
    probe = ("import sys, atexit; sys.path.insert(0, sys.argv.pop(1)); "
             "atexit.register(lambda: print('pandas', 'pandas' in sys.modules)); "
             "from laktasi.cli import app; sys.exit(app())")
    out = subprocess.run([sys.executable, "-c", probe, str(ROOT / "src"), "analyze", str(data),
                          "--study", str(study), "--format", "docx", "--out",
                          str(tmp_path / "x.docx")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "pandas False" in out.stdout, out.stdout
