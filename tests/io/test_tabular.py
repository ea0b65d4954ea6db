"""Reading data files: every problem located (file, sheet, row, column, value, allowed)."""

import openpyxl
import pytest

from laktasi.design import study_from_mapping
from laktasi.io import DataError, read_rows

STUDY = study_from_mapping({
    "study": {"id": "t", "title": "T", "design": "one-group-pretest-posttest"},
    "id_column": "kode",
    "characteristics": ["paritas"],
    "outcomes": [
        {"name": "menyusui", "type": "count", "pre": "menyusui_pre", "post": "menyusui_post"},
        {"name": "lancar", "type": "binary", "pre": "lancar_pre", "post": "lancar_post",
         "levels": ["tidak lancar", "lancar"]},
    ],
})
HEADER = "kode;paritas;menyusui_pre;menyusui_post;lancar_pre;lancar_post"


def _csv(tmp_path, *rows):
    p = tmp_path / "data.csv"
    p.write_text("\n".join([HEADER, *rows]), encoding="utf-8")
    return p


def test_semicolons_and_decimal_commas_are_read(tmp_path):
    rows = read_rows(_csv(tmp_path, "R01;primipara;5,5;9;tidak lancar;Lancar"), STUDY)
    assert rows[0]["menyusui_pre"] == 5.5 and rows[0]["lancar_post"] == "lancar"


def test_all_problems_are_reported_at_once_with_their_place(tmp_path):
    p = _csv(tmp_path,
             "R01;primipara;lima;9;tidak lancar;lancar",
             "R02;primi;5;40;tidak lancar;lancar",
             "R02;multipara;6;9;sedang;lancar")
    with pytest.raises(DataError) as info:
        read_rows(p, STUDY, lang="en")
    text = str(info.value)
    assert "row 2, column menyusui_pre: value 'lima' is not a number" in text
    assert "row 3, column paritas: value 'primi' is not an allowed category: primipara" in text
    assert "row 3, column menyusui_post: value '40' is outside the allowed range (0–24)" in text
    assert "row 4, column lancar_pre: value 'sedang'" in text
    assert "row 4, column kode: code 'R02' is duplicated (already used in row 3)" in text
    assert len(info.value.problems) == 5


def test_missing_column_names_what_is_there(tmp_path):
    p = tmp_path / "d.csv"
    p.write_text("kode,paritas,menyusui_pre\nR01,primipara,5\n", encoding="utf-8")
    with pytest.raises(DataError, match="kolom 'menyusui_post' tidak ditemukan; kolom yang ada"):
        read_rows(p, STUDY)


def test_xlsx_sheet_and_rows(tmp_path):
    p = tmp_path / "d.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(HEADER.split(";"))
    ws.append(["R01", "multipara", 5, 9, "tidak lancar", "lancar"])
    ws.append(["R02", "multipara", -1, 9, "lancar", "lancar"])
    wb.save(p)
    with pytest.raises(DataError) as info:
        read_rows(p, STUDY, lang="en")
    assert "d.xlsx [Data] row 3, column menyusui_pre: value -1 is outside" in str(info.value)
    with pytest.raises(DataError, match="there is no sheet 'X'; sheets: Data"):
        read_rows(p, STUDY, sheet="X", lang="en")


@pytest.mark.parametrize("content", [b"", b"\x00\x01\xff\xfe garbage", b"PK\x03\x04broken"])
def test_broken_files_give_a_located_message(tmp_path, content):
    p = tmp_path / "d.xlsx"
    p.write_bytes(content)
    with pytest.raises(DataError) as info:
        read_rows(p, STUDY)
    assert "d.xlsx" in str(info.value)


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400), st.sampled_from([".csv", ".xlsx", ".sav"]))
def test_fuzzed_files_never_give_a_traceback(tmp_path, content, suffix):
    p = tmp_path / f"fuzz{suffix}"
    p.write_bytes(content)
    try:
        read_rows(p, STUDY)
    except DataError as exc:
        assert str(p) in str(exc)


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.text(max_size=12), min_size=0, max_size=8), max_size=6))
def test_fuzzed_csv_cells_never_give_a_traceback(tmp_path, rows):
    p = tmp_path / "fuzz.csv"
    body = "\n".join(";".join(c.replace(";", "").replace("\n", "") for c in r) for r in rows)
    p.write_text(HEADER + "\n" + body, encoding="utf-8")
    try:
        read_rows(p, STUDY)
    except DataError as exc:
        assert str(p) in str(exc)


def test_post_without_pre_is_a_located_problem(tmp_path):
    p = _csv(tmp_path, "R01;primipara;;9;tidak lancar;lancar")
    with pytest.raises(DataError, match="row 2, column menyusui_pre: is empty while "
                                        "menyusui_post is filled"):
        read_rows(p, STUDY, lang="en")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".sav"])
def test_write_read_round_trip(tmp_path, suffix):
    from laktasi.io import write_rows

    rows = read_rows(_csv(tmp_path, "R01;primipara;5,5;9;tidak lancar;lancar",
                          "R02;multipara;4;7;lancar;lancar"), STUDY)
    path = write_rows(rows, tmp_path / f"out{suffix}", STUDY)
    assert read_rows(path, STUDY) == rows


def test_template_has_dropdowns_and_instructions(tmp_path):
    from laktasi.io import make_template

    path = make_template("one-group-pretest-posttest", tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Data", "Petunjuk", "Deskripsi studi"]
    header = [c.value for c in wb["Data"][1]]
    assert header[0] == "kode" and "kelancaran_pre" in header
    rules = {str(dv.sqref): dv for dv in wb["Data"].data_validations.dataValidation}
    paritas = header.index("paritas") + 1
    col = openpyxl.utils.get_column_letter(paritas)
    assert rules[f"{col}2:{col}61"].formula1 == '"primipara,multipara,grandemultipara"'
    assert "BUKAN nama ibu" in " ".join(str(r[0].value) for r in wb["Petunjuk"].iter_rows())


def test_header_row_below_a_title_is_found(tmp_path):
    p = tmp_path / "d.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Lembar observasi pijat oksitosin, PMB Sari 2024"])
    ws.append([])
    ws.append(HEADER.split(";"))
    ws.append(["R01", "multipara", 5, 9, "tidak lancar", "lancar"])
    ws.append(["R02", "multipara", "x", 9, "lancar", "lancar"])
    wb.save(p)
    with pytest.raises(DataError, match="row 5, column menyusui_pre"):
        read_rows(p, STUDY, lang="en")


def test_dropping_invalid_rows_on_request(tmp_path):
    from laktasi.io import read_rows_checked

    p = _csv(tmp_path, "R01;primipara;5;9;tidak lancar;lancar",
             "R02;primipara;lima;9;tidak lancar;lancar")
    rows, dropped = read_rows_checked(p, STUDY, drop_invalid=True)
    assert [r["kode"] for r in rows] == ["R01"]
    assert [(d.row, d.column) for d in dropped] == [(3, "menyusui_pre")]
