"""The --design route (a study from the data's columns) speaks like the --study route
(issue 9, item 7): located cell problems, the designs listed, missing flag columns named."""

import csv

import pytest

from laktasi.datasets import example_path
from laktasi.design import DESIGNS
from laktasi.design.infer import study_from_columns
from laktasi.errors import LaktasiInputError
from laktasi.io import DataError, load_data, read_table
from laktasi.pipeline import analyse_file


def _amanda(tmp_path, change=None):
    with example_path("amanda-oku-timur-2023").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    if change:
        row, column, value = change
        rows[row - 1][rows[0].index(column)] = value
    path = tmp_path / "data.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.mark.parametrize(("lang", "text"), [
    ("id", "data.csv baris 6, kolom menyusui_post: nilai 'tujuh' bukan angka (gunakan angka, "
           "mis. 5 atau 2,5)"),
    ("en", "data.csv row 6, column menyusui_post: value 'tujuh' is not a number (use numbers "
           "such as 5 or 2.5)")])
def test_a_text_cell_among_numbers_is_located_with_row_column_value_and_allowed(
        tmp_path, lang, text):
    path = _amanda(tmp_path, (6, "menyusui_post", "tujuh"))
    header, cells = read_table(path)
    st = study_from_columns(header, cells, "one-group-pretest-posttest", id_column="kode",
                            lang=lang)
    assert [(o.name, o.type) for o in st.outcomes] == [("menyusui", "count"), ("bak", "count")]
    with pytest.raises(DataError) as err:
        load_data(path, st, lang=lang)
    (problem,) = err.value.report.errors
    assert (problem.row, problem.column, problem.value, problem.code) == (
        6, "menyusui_post", "tujuh", "not_number")
    assert problem.text(lang).endswith(text)
    with pytest.raises(DataError) as err:  # the same message on the analysis path
        analyse_file(path, st, lang=lang, figures=False)
    assert text in str(err.value)


@pytest.mark.parametrize(("lang", "words"), [
    ("id", "desain 'pre-post' tidak dikenal; desain yang tersedia:"),
    ("en", "design 'pre-post' is unknown; the designs are:")])
def test_an_unknown_design_lists_the_designs(lang, words):
    with pytest.raises(LaktasiInputError) as err:
        study_from_columns(["a_pre", "a_post"], [[1, 2]], "pre-post", lang=lang)
    text = str(err.value)
    assert text.startswith(words)
    assert all(f"  {d}: " in text for d in DESIGNS)
    assert err.value.detail["allowed"] == DESIGNS


@pytest.mark.parametrize(("lang", "words"), [
    ("id", "kolom 'klompok' (--group) tidak ada di berkas; kolom yang ada: kode, kelompok, "
           "asi_pre, asi_post (mungkin maksudnya 'kelompok'?)"),
    ("en", "column 'klompok' (--group) is not in the file; columns present: kode, kelompok, "
           "asi_pre, asi_post (did you mean 'kelompok'?)")])
def test_a_group_column_that_does_not_exist_says_so(lang, words):
    header = ["kode", "kelompok", "asi_pre", "asi_post"]
    rows = [["R01", "intervensi", 1, 2], ["R02", "kontrol", 1, 1.5]]
    with pytest.raises(LaktasiInputError) as err:
        study_from_columns(header, rows, "nonequivalent-control-pretest-posttest",
                           group="klompok", lang=lang)
    assert str(err.value) == words
    with pytest.raises(LaktasiInputError, match="--group KOLOM"):
        study_from_columns(header, rows, "two-group-posttest")
    with pytest.raises(LaktasiInputError, match=r"kolom 'kd' \(--id\) tidak ada di berkas"):
        study_from_columns(header, rows, "two-group-posttest", group="kelompok", id_column="kd")


def test_a_group_column_needs_exactly_two_groups():
    header = ["kelompok", "asi_post"]
    rows = [["A", 1], ["B", 2], ["C", 3]]
    with pytest.raises(LaktasiInputError, match=r"kolom 'kelompok' \(--group\) harus berisi "
                       r"tepat dua kelompok; isinya: A, B, C"):
        study_from_columns(header, rows, "two-group-posttest", group="kelompok")
    with pytest.raises(LaktasiInputError, match=r"must hold exactly two groups; it holds: "
                       r"\(empty\)"):
        study_from_columns(header, [[None, 1]], "two-group-posttest", group="kelompok",
                           lang="en")


def test_groups_differing_in_case_are_one_group_and_the_intervention_is_recognised():
    header = ["Kelompok", "asi_post"]
    rows = [["Intervensi", 1], ["kontrol", 2], ["intervensi ", 3]]
    st = study_from_columns(header, rows, "two-group-posttest", group="kelompok")
    assert st.group.column == "Kelompok"
    assert st.group.levels == ("Intervensi", "kontrol")
    assert st.group.intervention == "Intervensi"


@pytest.mark.parametrize(("lang", "words"), [
    ("id", "tidak ada kolom hasil: beri nama kolom NAMA_pre dan NAMA_post"),
    ("en", "no outcome columns: name them NAME_pre and NAME_post")])
def test_no_outcome_columns_says_how_to_name_them(lang, words):
    with pytest.raises(LaktasiInputError) as err:
        study_from_columns(["kode", "sebelum", "sesudah"], [["R1", 1, 2]],
                           "one-group-pretest-posttest", lang=lang)
    assert str(err.value).startswith(words) and "kode, sebelum, sesudah" in str(err.value)


def test_types_from_the_cells():
    header = ["cc_pre", "cc_post", "f_pre", "f_post", "lancar_pre", "lancar_post",
              "ok_pre", "ok_post"]
    rows = [[1.5, "2,5", 5, 9, "Tidak lancar", "lancar", "ya", "ya"],
            [2, 3, 6, 8, "tidak lancar", "Lancar", "ya", "ya"],
            [None, "", 7, "delapan", "tidak lancar", "lancer", "ya", "ya"]]
    st = study_from_columns(header, rows, "one-group-pretest-posttest")
    got = {o.name: (o.type, o.levels) for o in st.outcomes}
    assert got["cc"] == ("continuous", ())
    assert got["f"] == ("count", ())  # 'delapan' is left to the data check
    # the two most frequent spellings; the 'tidak ...' level is the worse one
    assert got["lancar"] == ("binary", ("Tidak lancar", "lancar"))
    assert got["ok"] == ("binary", ("tidak ya", "ya"))  # one value seen: its opposite added


def test_characteristics_with_the_default_names_are_described():
    header = ["Umur", "pendidikan", "paritas", "m_pre", "m_post"]
    rows = [[24, "dasar", "primipara", 5, 8], [31, "tinggi", "multipara", 6, 9]]
    st = study_from_columns(header, rows, "one-group-pretest-posttest")
    chars = {c.column: c for c in st.characteristics}
    assert [b["label"] for b in chars["Umur"].bins] == ["<20 tahun", "20-35 tahun",
                                                         ">35 tahun"]
    assert chars["pendidikan"].categories == ("dasar", "tinggi")  # the data's own categories
    assert chars["paritas"].categories == ("primipara", "multipara", "grandemultipara")
