"""Validation against the study: one test per rule, each asserting the located message
(row as the spreadsheet shows it, column, value, what is allowed)."""

import json

import pytest
from io_files import GOOD, HEADER, SPEC, STUDY, row, write_csv, write_xlsx

from laktasi.design import study_from_mapping
from laktasi.io import DataError, load_data, parse_number, read_data, validate


def _check(tmp_path, rows, *, header=HEADER, study=STUDY, lang="en"):
    """The DataError of a semicolon/decimal-comma csv with these rows (data from row 2)."""
    path = write_csv(tmp_path / "d.csv", rows, header=header)
    with pytest.raises(DataError) as info:
        load_data(path, study, lang=lang)
    return info.value


def _lines(exc):
    return [line.split(": ", 1)[1] for line in str(exc).splitlines()]


# ----------------------------------------------------------------------------- numbers

@pytest.mark.parametrize(("text", "number"), [("5,5", 5.5), ("5.5", 5.5), (" 7 ", 7.0),
                                              ("-1", -1.0), (",5", 0.5), ("12,", 12.0),
                                              ("", None), (None, None), (3, 3.0)])
def test_numbers_with_decimal_comma_or_point(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["lima", "5 cc", "nan", "inf", "1_000", "1.234,5", "5,5,5",
                                  True])
def test_text_is_not_a_number(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_text_in_a_number_column(tmp_path):
    exc = _check(tmp_path, [row(menyusui_pre="lima"), row(kode="R02", cc_pre="5,5")])
    (p,) = exc.problems
    assert (p.row, p.column, p.value, p.code, p.allowed) == (2, "menyusui_pre", "lima",
                                                             "not_number", "0–24")
    assert _lines(exc) == ["value 'lima' is not a number (use numbers such as 5 or 2.5)"]
    assert str(exc).startswith(f"{tmp_path / 'd.csv'} row 2, column menyusui_pre:")


def test_a_huge_value_is_shortened_in_the_message(tmp_path):
    exc = _check(tmp_path, [row(cc_pre="x" * 500)])
    assert exc.problems[0].value == "x" * 500
    assert _lines(exc) == ["value '" + "x" * 60 + "… (500)' is not a number (use numbers such "
                           "as 5 or 2.5)"]


def test_messages_are_indonesian_by_default(tmp_path):
    exc = _check(tmp_path, [row(menyusui_pre="lima")], lang="id")
    assert str(exc) == (f"{tmp_path / 'd.csv'} baris 2, kolom menyusui_pre: nilai 'lima' bukan "
                        "angka (gunakan angka, mis. 5 atau 2,5)")


def test_negative_volume_and_the_study_maximum(tmp_path):
    exc = _check(tmp_path, [row(cc_pre=-0.5), row(kode="R02", cc_post=60.0)])
    got = [(p.row, p.column, p.value, p.allowed) for p in exc.problems]
    assert got == [(2, "cc_pre", "-0,5", "0–50"), (3, "cc_post", "60,0", "0–50")]
    assert _lines(exc)[0] == "value '-0,5' is outside the allowed range (0–50)"


def test_feeds_and_urinations_per_day_have_daily_limits(tmp_path):
    exc = _check(tmp_path, [row(menyusui_post=25), row(kode="R02", bak_post=31),
                            row(kode="R03", menyusui_post=24, bak_post=30)])
    got = [(p.row, p.column, p.value, p.allowed) for p in exc.problems]
    assert got == [(2, "menyusui_post", "25", "0–24"), (3, "bak_post", "31", "0–30")]


def test_outcome_without_a_daily_name_has_no_upper_limit(tmp_path):
    spec = {**SPEC, "outcomes": [{"name": "skor", "type": "ordinal", "pre": "s_pre",
                                  "post": "s_post"}], "characteristics": []}
    study = study_from_mapping(spec)
    header = ["kode", "kelompok", "s_pre", "s_post"]
    exc = _check(tmp_path, [["R01", "kontrol", 500, -1]], header=header, study=study)
    (p,) = exc.problems
    assert (p.column, p.allowed) == ("s_post", "≥ 0")


def test_counts_should_be_whole_numbers(tmp_path):
    path = write_csv(tmp_path / "d.csv", [row(menyusui_pre=8.5)])
    df, report = load_data(path, STUDY, lang="en")
    (w,) = report.warnings
    assert (w.row, w.column, w.code) == (2, "menyusui_pre", "not_whole")
    assert df.loc[2, "menyusui_pre"] == 8.5


# ----------------------------------------------------------------------------- categories

def test_categories_match_without_case_or_spaces_and_keep_the_study_spelling(tmp_path):
    path = write_csv(tmp_path / "d.csv", [row(paritas=" PRIMIPARA ", pendidikan="sma",
                                              lancar_post="Lancar", kelompok="Intervensi")])
    df, report = load_data(path, STUDY)
    assert df.loc[2, ["paritas", "pendidikan", "lancar_post", "kelompok"]].tolist() == [
        "primipara", "SMA", "lancar", "intervensi"]
    assert report.problems == ()


def test_category_not_in_the_list_says_which_are_allowed(tmp_path):
    exc = _check(tmp_path, [row(paritas="primi")])
    (p,) = exc.problems
    assert (p.row, p.column, p.allowed, p.suggestion) == (
        2, "paritas", "primipara, multipara, grandemultipara", "primipara")
    assert _lines(exc) == ["value 'primi' is not an allowed category: primipara, multipara, "
                           "grandemultipara (did you mean 'primipara'?)"]


def test_binary_outcome_outside_its_two_levels(tmp_path):
    exc = _check(tmp_path, [row(lancar_pre="sedang")])
    assert _lines(exc) == ["value 'sedang' is not one of the two categories: tidak lancar, "
                           "lancar"]
    assert exc.problems[0].column == "lancar_pre"


def test_binary_outcome_without_levels_holds_at_most_two_values(tmp_path):
    spec = {**SPEC, "characteristics": [], "outcomes": [
        {"name": "keluar", "type": "binary", "pre": "k_pre", "post": "k_post"}]}
    header = ["kode", "kelompok", "k_pre", "k_post"]
    exc = _check(tmp_path, [["R01", "kontrol", "belum", "sudah"],
                            ["R02", "kontrol", "belum", "sudah"],
                            ["R03", "kontrol", "belum", "kadang"]],
                 header=header, study=study_from_mapping(spec))
    (p,) = exc.problems
    assert (p.row, p.column, p.value, p.allowed) == (4, "k_post", "kadang", "belum, sudah")


def test_group_label_not_in_the_study(tmp_path):
    exc = _check(tmp_path, [row(kelompok="eksperimen"), row(kode="R02", kelompok=None)])
    got = [(p.row, p.column, p.code, p.allowed) for p in exc.problems]
    assert got == [(2, "kelompok", "group", "intervensi, kontrol"),
                   (3, "kelompok", "missing_value", "intervensi, kontrol")]
    assert _lines(exc)[0] == ("group 'eksperimen' is unknown; groups in the study description: "
                              "intervensi, kontrol")


def test_age_outside_every_band_and_implausible_age(tmp_path):
    spec = {**SPEC, "characteristics": [
        "umur", {"column": "berat", "bins": [{"label": "50-60 kg", "min": 50, "max": 60},
                                            {"label": "61-70 kg", "min": 61, "max": 70}]}]}
    header = ["kode", "kelompok", "umur", "berat", *HEADER[5:]]
    rows = [["R01", "kontrol", 5, 72, *GOOD[0][5:]], ["R02", "kontrol", "dua", 60.5,
                                                        *GOOD[0][5:]]]
    exc = _check(tmp_path, rows, header=header, study=study_from_mapping(spec))
    got = [(p.row, p.column, p.code, p.severity) for p in exc.report.problems]
    assert got == [(2, "umur", "implausible", "warning"), (2, "berat", "no_bin", "error"),
                   (3, "umur", "not_number", "error"), (3, "berat", "no_bin", "error")]
    assert exc.problems[0].allowed == "50-60 kg (50–60), 61-70 kg (61–70)"


# ----------------------------------------------------------------------------- mothers

def test_duplicate_and_missing_ids(tmp_path):
    exc = _check(tmp_path, [row(kode="R01"), row(kode="r01 "), row(kode=None)])
    got = [(p.row, p.column, p.value, p.code, p.allowed) for p in exc.problems]
    assert got == [(3, "kode", "r01", "duplicate_id", "2"), (4, "kode", "", "missing_value",
                                                              "kode")]
    assert _lines(exc)[0] == "code 'r01' is duplicated (already used in row 2)"


def test_post_without_pre_and_pre_without_post(tmp_path):
    exc = _check(tmp_path, [row(cc_pre=None), row(kode="R02", lancar_post=None)])
    got = [(p.row, p.column, p.allowed) for p in exc.problems]
    assert got == [(2, "cc_pre", "cc_post"), (3, "lancar_post", "lancar_pre")]
    assert _lines(exc)[0] == ("is empty while cc_post is filled: paired data need both the "
                              "before and the after value (fill both, or leave both empty)")


def test_a_row_without_any_outcome_is_a_warning(tmp_path):
    empty = {c: None for c in HEADER[5:]}
    path = write_csv(tmp_path / "d.csv", [row(), row(kode="R02", **empty)])
    _, report = load_data(path, STUDY, lang="en")
    (w,) = report.warnings
    assert (w.row, w.code) == (3, "no_outcome")


# ----------------------------------------------------------------------------- columns

def test_missing_column_suggests_the_closest_name(tmp_path):
    header = [h if h != "menyusui_post" else "menyusui_pst" for h in HEADER]
    exc = _check(tmp_path, [GOOD[0]], header=header)
    (p,) = exc.problems
    assert (p.row, p.column, p.code, p.suggestion) == (1, "menyusui_post", "missing_column",
                                                       "menyusui_pst")
    assert str(exc).endswith("row 1: column 'menyusui_post' not found; columns present: "
                             + ", ".join(header) + " (did you mean 'menyusui_pst'?)")
    unknown = [w for w in exc.report.warnings if w.code == "unknown_column"]
    assert [(w.column, w.suggestion) for w in unknown] == [("menyusui_pst", "menyusui_post")]


def test_column_twice(tmp_path):
    header = [*HEADER, "Kode"]
    exc = _check(tmp_path, [[*GOOD[0], "R09"]], header=header)
    (p,) = exc.problems
    assert (p.code, p.column, p.allowed) == ("duplicate_column", "kode", "#1, #14")


def test_extra_columns_are_warnings_and_names_are_flagged_as_personal_data(tmp_path):
    path = write_csv(tmp_path / "d.csv", [[*GOOD[0], "Siti", "catatan"]],
                     header=[*HEADER, "Nama ibu", "keterangan"])
    df, report = load_data(path, STUDY, lang="en")
    assert [(w.column, w.code) for w in report.warnings] == [
        ("Nama ibu", "personal_data"), ("keterangan", "unknown_column")]
    assert "Nama ibu" not in df.columns
    assert report.warnings[0].text("en").endswith("use pseudonymous codes and delete this "
                                                  "column before sharing the file (Indonesian "
                                                  "personal data protection law 27/2022)")


# ----------------------------------------------------------------------------- all at once

def test_all_problems_are_reported_at_once_in_row_order(tmp_path):
    path = write_xlsx(tmp_path / "d.xlsx", [
        row(menyusui_pre="lima", paritas="primi"),
        row(kode="R02", cc_pre=-1, lancar_post="sedang"),
        row(kode="R02", kelompok="eksperimen", bak_post=None),
    ], above=[["Lembar observasi"]])
    with pytest.raises(DataError) as info:
        load_data(path, STUDY, lang="en")
    got = [(p.row, p.column, p.code) for p in info.value.problems]
    assert got == [(3, "paritas", "category"), (3, "menyusui_pre", "not_number"),
                   (4, "cc_pre", "range"), (4, "lancar_post", "binary"),
                   (5, "kode", "duplicate_id"), (5, "kelompok", "group"),
                   (5, "bak_post", "missing_pair")]
    assert all(p.file == str(path) and p.sheet == "Data" for p in info.value.problems)
    assert str(info.value).splitlines()[0].startswith(f"{path} [Data] row 3, column paritas:")


def test_clean_table_is_typed_and_indexed_by_spreadsheet_row(tmp_path):
    path = write_xlsx(tmp_path / "d.xlsx", GOOD, above=[["judul"], []])
    df, report = load_data(path, STUDY)
    assert list(df.columns) == list(STUDY.columns) and df.index.tolist() == [4, 5]
    assert df.index.name == "row"
    for col in ("umur", "cc_pre", "menyusui_post", "bak_pre"):
        assert df[col].dtype == "float64"
    assert df["kode"].tolist() == ["R01", "R02"] and df["kode"].dtype == object
    assert (report.header_row, report.rows_read, report.sheet) == (3, 2, "Data")
    assert report.ok


# ----------------------------------------------------------------------------- dropping

def test_drop_invalid_rows_on_request_and_report_them(tmp_path):
    path = write_csv(tmp_path / "d.csv", [row(), row(kode="R02", cc_pre="lima"),
                                          row(kode="R03", menyusui_post=40)])
    df, report = load_data(path, STUDY, drop_invalid=True)
    assert df["kode"].tolist() == ["R01"]
    assert report.dropped_rows == (3, 4) and report.ok
    assert [(p.row, p.column) for p in report.errors] == [(3, "cc_pre"), (4, "menyusui_post")]


def test_drop_invalid_does_not_hide_a_missing_column(tmp_path):
    header = [h for h in HEADER if h != "bak_post"]
    path = write_csv(tmp_path / "d.csv", [[v for h, v in zip(HEADER, GOOD[0], strict=True)
                                           if h != "bak_post"]], header=header)
    with pytest.raises(DataError, match="column 'bak_post' not found"):
        load_data(path, STUDY, drop_invalid=True, lang="en")


def test_drop_invalid_with_no_row_left(tmp_path):
    path = write_csv(tmp_path / "d.csv", [row(cc_pre="lima")])
    with pytest.raises(DataError) as info:
        load_data(path, STUDY, drop_invalid=True, lang="en")
    assert str(info.value).splitlines()[0].endswith(": there are no data rows")


def test_validate_works_on_a_raw_table_and_the_report_is_json(tmp_path):
    path = write_csv(tmp_path / "d.csv", [row(), row(kode="R02", menyusui_pre=9.5)])
    raw = read_data(path, STUDY)
    df, report = validate(raw, STUDY)
    assert len(df) == 2
    text = json.dumps(report.to_dict())
    assert '"code": "not_whole"' in text and '"row": 3' in text


def test_unknown_language_is_refused(tmp_path):
    path = write_csv(tmp_path / "d.csv", [row()])
    with pytest.raises(Exception, match="lang='fr' is not supported"):
        load_data(path, STUDY, lang="fr")
