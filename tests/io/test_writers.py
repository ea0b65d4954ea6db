"""Writers (round trip write -> read for .xlsx, .csv, .sav) and the data-entry template."""

import openpyxl
import pandas as pd
import pyreadstat
import pytest
from io_files import GOOD, HEADER, STUDY, row, write_csv
from openpyxl.utils import get_column_letter

from laktasi.design import DESIGNS
from laktasi.errors import InvalidOptionError
from laktasi.io import (
    DEFAULT_STUDIES,
    DataError,
    load_data,
    make_template,
    write_data,
)


@pytest.fixture
def clean(tmp_path):
    rows = [*GOOD, row(kode="R03", kelompok="kontrol", cc_pre=None, cc_post=None,
                       pendidikan=None, umur=40)]
    df, _ = load_data(write_csv(tmp_path / "src.csv", rows), STUDY)
    return df


@pytest.mark.parametrize("name", ["out.xlsx", "out.csv", "out.sav"])
def test_round_trip_write_then_read_gives_the_same_table(tmp_path, clean, name):
    path = write_data(clean, tmp_path / name, STUDY)
    back, report = load_data(path, STUDY)
    # the one remark: an empty characteristic cell, which the chapter counts as missing
    assert {(p.code, p.severity) for p in report.problems} <= {("missing_characteristic",
                                                               "warning")}
    empty = {(p.row, p.column) for p in report.problems}
    first = 1 if name.endswith(".sav") else 2  # a .sav has cases, a sheet a header row
    assert empty == {(i + first, c) for c in clean.columns for i, v in enumerate(clean[c])
                     if c in {ch.column for ch in STUDY.characteristics} and pd.isna(v)}
    pd.testing.assert_frame_equal(back.reset_index(drop=True), clean.reset_index(drop=True))


def test_csv_for_excel_in_indonesian_uses_semicolons_and_decimal_commas(tmp_path, clean):
    path = write_data(clean, tmp_path / "out.csv", STUDY, sep=";", decimal=",")
    text = path.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == ";".join(HEADER)
    assert "R01;intervensi;24,0;primipara;SMA;1,5;4,5;" in text
    back, _ = load_data(path, STUDY)
    assert back["cc_post"].tolist()[:2] == [4.5, 2.5]


def test_sav_has_value_labels_variable_labels_and_measures(tmp_path, clean):
    path = write_data(clean, tmp_path / "out.sav", STUDY)
    df, meta = pyreadstat.read_sav(str(path))
    assert meta.variable_value_labels["paritas"] == {1.0: "primipara", 2.0: "multipara",
                                                     3.0: "grandemultipara"}
    assert meta.variable_value_labels["lancar_post"] == {1.0: "tidak lancar", 2.0: "lancar"}
    assert df["kelompok"].tolist() == [1.0, 2.0, 2.0]
    labels = dict(zip(meta.column_names, meta.column_labels, strict=True))
    assert labels["cc_pre"] == "volume (sebelum intervensi)"
    assert meta.variable_measure["cc_pre"] == "scale"
    assert meta.variable_measure["lancar_pre"] == "nominal"


def test_rows_as_dicts_are_written_too(tmp_path):
    rows = [dict(zip(HEADER, r, strict=True)) for r in GOOD]
    path = write_data(rows, tmp_path / "out.xlsx", STUDY)
    ws = openpyxl.load_workbook(path)["Data"]
    assert [c.value for c in ws[1]] == HEADER and ws.freeze_panes == "A2"
    assert ws["F2"].value == 1.5


def test_writer_refuses_other_formats(tmp_path, clean):
    with pytest.raises(InvalidOptionError, match=r"write \.csv, \.xlsx, \.sav"):
        write_data(clean, tmp_path / "out.json", STUDY)
    with pytest.raises(InvalidOptionError, match="must differ"):
        write_data(clean, tmp_path / "out.csv", STUDY, sep=",", decimal=",")


# ----------------------------------------------------------------------------- template

def _rules(ws):
    return {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}


def _letter(header, name):
    return get_column_letter(header.index(name) + 1)


def test_template_one_group_has_dropdowns_number_checks_and_instructions(tmp_path):
    path = make_template("one-group-pretest-posttest", tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Data", "Petunjuk", "Deskripsi studi"]
    ws = wb["Data"]
    header = [c.value for c in ws[1]]
    assert header == list(DEFAULT_STUDIES["one-group-pretest-posttest"].columns)
    assert "kelompok" not in header and ws.freeze_panes == "A2"
    assert ws[1][0].font.b
    rules = _rules(ws)
    p = _letter(header, "paritas")
    assert rules[f"{p}2:{p}61"].type == "list"
    assert rules[f"{p}2:{p}61"].formula1 == '"primipara,multipara,grandemultipara"'
    k = _letter(header, "kelancaran_post")
    assert rules[f"{k}2:{k}61"].formula1 == '"tidak lancar,lancar"'
    m = _letter(header, "menyusui_pre")
    feeds = rules[f"{m}2:{m}61"]
    assert (feeds.type, feeds.operator, feeds.formula1, feeds.formula2) == ("whole", "between",
                                                                            "0", "24")
    v = _letter(header, "volume_pre")
    assert (rules[f"{v}2:{v}61"].type, rules[f"{v}2:{v}61"].formula2) == ("decimal", "100")
    assert rules["A2:A61"].type == "custom" and "COUNTIF" in rules["A2:A61"].formula1
    assert ws.column_dimensions[p].width >= len("grandemultipara")
    text = " ".join(str(c.value) for r in wb["Petunjuk"].iter_rows() for c in r if c.value)
    assert "Petunjuk pengisian" in text and "Satu baris untuk satu ibu" in text
    assert "BUKAN nama ibu" in text and "jangan menggabungkan sel" in text


@pytest.mark.parametrize("design", DESIGNS)
def test_every_design_has_a_default_template_that_reads_back(tmp_path, design):
    path = make_template(design, tmp_path / "t.xlsx", rows=5)
    wb = openpyxl.load_workbook(path)
    ws = wb["Data"]
    header = [c.value for c in ws[1]]
    study = DEFAULT_STUDIES[design]
    assert ("kelompok" in header) == (design != "one-group-pretest-posttest")
    assert ("menyusui_pre" in header) == (design != "two-group-posttest")
    # the empty template is read as a file with a header and no rows
    with pytest.raises(DataError, match="tidak ada baris data"):
        load_data(path, study)
    if "kelompok" in header:
        g = _letter(header, "kelompok")
        assert _rules(ws)[f"{g}2:{g}6"].formula1 == '"intervensi,kontrol"'


def test_template_filled_in_passes_the_check(tmp_path):
    study = DEFAULT_STUDIES["two-group-posttest"]
    path = make_template(study, tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Data"]
    ws.append(["R01", "intervensi", 25, "SMA", "IRT", "primipara", 3.5, 9, 7, "lancar"])
    wb.save(path)
    df, report = load_data(path, study)
    assert report.problems == () and df.loc[2, "volume_post"] == 3.5


def test_template_in_english_and_from_a_study(tmp_path):
    path = make_template(STUDY, tmp_path / "t.xlsx", lang="en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Data", "Instructions", "Study description"]
    info = [[c.value for c in r] for r in wb["Instructions"].iter_rows()]
    assert info[0][0] == "How to fill in"
    cc = next(r for r in info if r[0] == "cc_post")
    assert cc[2] == "a number 0–50"
    bak = next(r for r in info if r[0] == "bak_pre")
    assert bak[2] == "a whole number 0–30"


def test_template_refuses_an_unknown_design(tmp_path):
    with pytest.raises(InvalidOptionError, match="desain 'pre-post' tidak dikenal; desain "
                       "yang tersedia:\n  one-group-pretest-posttest: "):
        make_template("pre-post", tmp_path / "t.xlsx")
