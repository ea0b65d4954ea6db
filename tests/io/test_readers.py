"""Readers: .xlsx (title rows, merged cells, formulas, sheets), .csv (separators, decimal
commas, encodings) and .sav (value labels) — cells and their spreadsheet row numbers."""

import re
import zipfile

import openpyxl
import pandas as pd
import pyreadstat
import pytest
from io_files import GOOD, HEADER, STUDY, row, write_csv, write_xlsx

from laktasi.io import DataError, load_data, read_csv, read_data, read_sav, read_xlsx


def _problem(exc_info, code):
    return next(p for p in exc_info.value.report.problems if p.code == code)


# ----------------------------------------------------------------------------- .xlsx

def test_xlsx_header_below_a_title_and_rows_as_excel_numbers_them(tmp_path):
    path = write_xlsx(tmp_path / "d.xlsx", [GOOD[0], [], GOOD[1]],
                      above=[["Lembar observasi pijat oksitosin, PMB Sari 2024"], [],
                             ["Petugas: bidan A"]])
    raw = read_xlsx(path, STUDY)
    assert raw.header_row == 4 and raw.sheet == "Data"
    assert raw.rows == (5, 7)  # the empty row 6 is skipped, numbering is kept
    assert list(raw.frame.columns) == HEADER
    assert raw.frame.loc[7, "kode"] == "R02"


def test_xlsx_header_names_match_without_case_spaces_or_underscores(tmp_path):
    header = [" Kode ", "KELOMPOK", *HEADER[2:5], "CC Pre", "cc post", *HEADER[7:]]
    path = write_xlsx(tmp_path / "d.xlsx", GOOD, header=header)
    df, report = load_data(path, STUDY)
    assert report.header_row == 1 and list(df.columns) == HEADER
    assert df["cc_pre"].tolist() == [1.5, 2.0]


def test_xlsx_sheet_by_name_index_or_found_by_its_columns(tmp_path):
    path = tmp_path / "d.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Petunjuk"
    wb.active.append(["Isi satu baris per ibu"])
    ws = wb.create_sheet("Data ibu")
    ws.append(HEADER)
    ws.append(GOOD[0])
    wb.save(path)
    assert read_xlsx(path, STUDY).sheet == "Data ibu"  # no sheet named: the one with the columns
    assert read_xlsx(path, STUDY, sheet="data IBU").sheet == "Data ibu"
    assert read_xlsx(path, STUDY, sheet=1).sheet == "Data ibu"
    assert read_xlsx(path, STUDY, sheet=0).sheet == "Petunjuk"
    with pytest.raises(DataError) as info:
        read_xlsx(path, STUDY, sheet="Sheet3")
    assert info.value.report.problems[0].allowed == "Petunjuk, Data ibu"
    with pytest.raises(DataError, match="there is no sheet 5; sheets: Petunjuk, Data ibu"):
        load_data(path, STUDY, sheet=5, lang="en")


def test_xlsx_merged_cells_are_filled_and_reported(tmp_path):
    path = tmp_path / "d.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Data penelitian"])
    ws.merge_cells("A1:M1")  # a merged title above the table
    ws.append(HEADER)
    ws.append(row(kode="R01"))
    ws.append(row(kode="R02", kelompok=None))
    ws.append(row(kode="R03", kelompok=None))
    ws.merge_cells("B3:B5")  # one group label merged over three mothers
    wb.save(path)
    df, report = load_data(path, STUDY, lang="en")
    assert df["kelompok"].tolist() == ["intervensi"] * 3
    (warning,) = report.warnings
    assert (warning.row, warning.column, warning.value, warning.allowed) == (
        3, "kelompok", "intervensi", "B3:B5")
    assert warning.text("en") == ("d.xlsx [Sheet] row 3, column kelompok: merged cells B3:B5 "
                                  "were filled with 'intervensi' on every row; check that "
                                  "this is right").replace("d.xlsx", str(path))


def _cache_formula_values(path, values):
    """Give formulas the values Excel saves with them (openpyxl writes none)."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, value in values.items():
        xml = re.sub(rf'(<c r="{ref}"[^>]*>)<f>([^<]*)</f><v\s*/?>(</v>)?',
                     rf"\1<f>\2</f><v>{value}</v>", xml)
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)


def test_xlsx_formulas_give_their_saved_values(tmp_path):
    path = write_xlsx(tmp_path / "d.xlsx", [row(menyusui_post="=H2+4"),
                                            row(kode="R02", menyusui_post="=H3+2")])
    _cache_formula_values(path, {"I2": 10})
    with pytest.raises(DataError) as info:
        load_data(path, STUDY, lang="en")
    (p,) = info.value.problems
    assert (p.row, p.column, p.value, p.code) == (3, "menyusui_post", "=H3+2", "formula_no_value")
    assert "row 3, column menyusui_post: formula '=H3+2' has no saved value" in str(info.value)
    _cache_formula_values(path, {"I3": 8})
    df, _ = load_data(path, STUDY)
    assert df["menyusui_post"].tolist() == [10.0, 8.0]


def test_xlsx_empty_sheet_names_the_sheets_with_data(tmp_path):
    path = tmp_path / "d.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Kosong"
    ws = wb.create_sheet("Data")
    ws.append(HEADER)
    ws.append(GOOD[0])
    wb.save(path)
    with pytest.raises(DataError) as info:
        read_xlsx(path, STUDY, sheet="Kosong")
    assert str(info.value).endswith("[Kosong]: sheet 'Kosong' kosong; sheet yang berisi data: "
                                    "Data")


def test_xlsx_workbook_with_only_an_empty_sheet(tmp_path):
    path = tmp_path / "d.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(DataError) as info:
        read_data(path, STUDY)
    assert _problem(info, "empty_sheet").sheet == "Sheet"


def test_old_xls_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "d.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(DataError, match=r"\(\.xls\) is not supported; open it in Excel and save "
                                        r"it as \.xlsx"):
        load_data(path, STUDY, lang="en")


def test_unknown_extension_lists_the_accepted_formats(tmp_path):
    path = tmp_path / "d.ods"
    path.write_bytes(b"x")
    with pytest.raises(DataError, match=r"format '\.ods' tidak didukung; yang diterima: \.xlsx"):
        read_data(path, STUDY)


# ----------------------------------------------------------------------------- .csv

def test_csv_semicolons_and_decimal_commas(tmp_path):
    path = write_csv(tmp_path / "d.csv", GOOD, sep=";", decimal=",")
    raw = read_csv(path, STUDY)
    assert raw.frame.loc[2, "cc_pre"] == "1,5" and raw.rows == (2, 3)
    df, _ = load_data(path, STUDY)
    assert df["cc_pre"].tolist() == [1.5, 2.0]
    assert df["cc_pre"].dtype == "float64"


def test_csv_commas_and_decimal_points(tmp_path):
    path = write_csv(tmp_path / "d.csv", GOOD, sep=",", decimal=".")
    df, _ = load_data(path, STUDY)
    assert df["cc_post"].tolist() == [4.5, 2.5]


def test_csv_tab_separated(tmp_path):
    path = write_csv(tmp_path / "d.txt", GOOD, sep="\t", decimal=",")
    df, _ = load_data(path, STUDY)
    assert df["kode"].tolist() == ["R01", "R02"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_csv_encodings(tmp_path, encoding):
    rows = [row(kode="Rö1"), row(kode="R€2", pendidikan="SMA")]
    path = write_csv(tmp_path / "d.csv", rows, encoding=encoding)
    df, _ = load_data(path, STUDY)
    assert df["kode"].tolist() == ["Rö1", "R€2"]
    assert read_csv(path, STUDY).encoding == {"utf-8": "utf-8-sig", "utf-16": "utf-16"}.get(
        encoding, encoding)


def test_csv_title_line_above_the_header(tmp_path):
    path = tmp_path / "d.csv"
    lines = ["Data penelitian PMB Sari;;;", ";;;", ";".join(HEADER),
             "R01;intervensi;24;primipara;SMA;1,5;4,5;6;10;5;8;tidak lancar;lancar"]
    path.write_text("\n".join(lines), encoding="utf-8")
    raw = read_csv(path, STUDY)
    assert raw.header_row == 3 and raw.rows == (4,)


def test_csv_decimal_comma_in_a_comma_separated_file_is_a_located_error(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(",".join(HEADER) + "\n"
                    "R01,intervensi,24,primipara,SMA,1.5,4.5,6,10,5,8,tidak lancar,lancar\n"
                    "R02,kontrol,31,multipara,PT,2,5,2.5,7,8,6,6,tidak lancar,tidak lancar\n",
                    encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_data(path, STUDY, lang="en")
    p = _problem(info, "extra_cells")
    assert (p.row, p.allowed) == (3, "13")
    assert "row 3: this row has more cells than there are column names (13); perhaps decimal " \
           "commas in a comma-separated file" in str(info.value)


def test_xlsx_saved_under_a_csv_name(tmp_path):
    path = write_xlsx(tmp_path / "real.xlsx", GOOD)
    fake = tmp_path / "d.csv"
    fake.write_bytes(path.read_bytes())
    with pytest.raises(DataError, match=r"the file is not \.csv text but a \.xlsx file"):
        load_data(fake, STUDY, lang="en")


def test_csv_huge_cell_is_located(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(";".join(HEADER) + "\nR01;" + "x" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_data(path, STUDY)
    p = _problem(info, "too_large")
    assert p.row == 2 and "baris 2: isi sel terlalu panjang" in str(info.value)


def test_csv_empty_file(tmp_path):
    path = tmp_path / "d.csv"
    path.write_bytes(b"\xef\xbb\xbf \r\n")
    with pytest.raises(DataError, match=r"d\.csv: berkas kosong"):
        read_csv(path, STUDY)


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match=r"nope\.csv: file not found"):
        load_data(tmp_path / "nope.csv", STUDY, lang="en")


# ----------------------------------------------------------------------------- .sav

def test_sav_value_labels_become_categories_and_rows_are_case_numbers(tmp_path):
    path = tmp_path / "d.sav"
    df = pd.DataFrame({h: [v for v in (GOOD[0][j], GOOD[1][j])] for j, h in enumerate(HEADER)})
    codes = {"kelompok": ["intervensi", "kontrol"], "paritas": ["primipara", "multipara"],
             "lancar_pre": ["tidak lancar", "lancar"], "lancar_post": ["tidak lancar", "lancar"]}
    labels = {}
    for col, levels in codes.items():
        df[col] = [float(levels.index(v) + 1) for v in df[col]]
        labels[col] = {float(i + 1): lv for i, lv in enumerate(levels)}
    pyreadstat.write_sav(df, str(path), variable_value_labels=labels)
    raw = read_sav(path, STUDY)
    assert raw.rows == (1, 2) and raw.header_row is None
    assert raw.frame["kelompok"].tolist() == ["intervensi", "kontrol"]
    assert raw.value_labels["paritas"] == {1.0: "primipara", 2.0: "multipara"}
    clean, _ = load_data(path, STUDY)
    assert clean["lancar_post"].tolist() == ["lancar", "tidak lancar"]
    assert clean["menyusui_pre"].tolist() == [6.0, 7.0]


def test_sav_unlabelled_code_is_a_located_category_problem(tmp_path):
    path = tmp_path / "d.sav"
    df = pd.DataFrame({h: [v for v in (GOOD[0][j], GOOD[1][j])] for j, h in enumerate(HEADER)})
    df["paritas"] = [1.0, 3.0]
    pyreadstat.write_sav(df, str(path), variable_value_labels={"paritas": {1.0: "primipara"}})
    with pytest.raises(DataError) as info:
        load_data(path, STUDY, lang="en")
    (p,) = info.value.problems
    assert (p.row, p.column, p.value) == (2, "paritas", 3.0)
    assert str(path) + " row 2, column paritas: value 3 is not an allowed category" in str(
        info.value)


def test_broken_sav(tmp_path):
    path = tmp_path / "d.sav"
    path.write_bytes(b"$FL2" + b"\x00" * 50)
    with pytest.raises(DataError, match=r"d\.sav: berkas tidak dapat dibaca"):
        read_data(path, STUDY)
