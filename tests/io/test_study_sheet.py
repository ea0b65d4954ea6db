"""From the template to a chapter without writing YAML (issue 9, item 6).

The template carries the study description (sheet "Deskripsi studi"); find_study reads it
back (or a NAME.study.yaml / NAME.yaml beside the data); outcomes and characteristics left
empty are skipped with a note; output files are not overwritten without force.
"""

import dataclasses
import random

import openpyxl
import pytest
import yaml

from laktasi.datasets import example_names, example_path
from laktasi.design import DESIGNS, StudyError, load_study, study_from_mapping
from laktasi.io import (
    default_study,
    find_study,
    load_data,
    make_template,
    skip_empty_columns,
    study_sheet_text,
    study_yaml,
    write_data,
)
from laktasi.pipeline import analyse_file


def _same(a, b):
    """Equal studies, apart from where they were read from."""
    return dataclasses.replace(a, source="") == dataclasses.replace(b, source="")


@pytest.mark.parametrize("design", DESIGNS)
def test_default_study_written_as_yaml_reads_back_the_same(design):
    st = default_study(design)
    back = study_from_mapping(yaml.safe_load(study_yaml(st, "a comment\nline two")))
    assert _same(back, st)


@pytest.mark.parametrize("name", example_names())
def test_shipped_study_written_as_yaml_reads_back_the_same(name):
    st = load_study(example_path(name, ".yaml"))
    assert _same(study_from_mapping(yaml.safe_load(study_yaml(st))), st)


# every setting of the study block through study_to_mapping: tests/design/test_study_mapping.py


def test_yaml_is_readable_in_a_spreadsheet():
    text = study_yaml(default_study("nonequivalent-control-pretest-posttest"))
    lines = text.splitlines()
    # nested lines start with spaces (a cell starting with "-" or "=" is not a formula)
    assert all(not ln.startswith(("-", "=")) for ln in lines)
    assert "    categories: [SD, SMP, SMA, PT]" in lines
    assert "    label: {id: Umur, en: Age}" in lines
    assert "  levels: [intervensi, kontrol]" in lines


def _fill(path, rows, skip=()):
    """Type rows into the template's Data sheet (as a student would), leaving ``skip``
    columns empty."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Data"]
    header = [c.value for c in ws[1]]
    for i, r in enumerate(rows, start=2):
        for j, h in enumerate(header, start=1):
            if h not in skip and h in r:
                ws.cell(row=i, column=j, value=r[h])
    wb.save(path)
    return path


def _mothers(n=12, seed=3, groups=None):
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        r = {"kode": f"R{i + 1:02d}", "umur": rng.randint(18, 40), "pendidikan": "SMA",
             "pekerjaan": rng.choice(["IRT", "PNS"]), "paritas": "multipara",
             "menyusui_pre": rng.randint(4, 7), "menyusui_post": rng.randint(7, 14),
             "bak_pre": rng.randint(3, 6), "bak_post": rng.randint(5, 10)}
        if groups:
            r["kelompok"] = groups[i % 2]
        rows.append(r)
    return rows


@pytest.mark.parametrize("lang", ["id", "en"])
def test_template_carries_its_study_and_find_study_reads_it(tmp_path, lang):
    st = load_study(example_path("kota-bengkulu-2018", ".yaml"))
    path = make_template(st, tmp_path / "t.xlsx", lang=lang)
    sheet, text = study_sheet_text(path)
    assert sheet == {"id": "Deskripsi studi", "en": "Study description"}[lang]
    assert text.startswith("# ")
    found = find_study(path)
    assert _same(found, st)
    assert found.source == f"{path} [{sheet}]"


def test_filled_template_is_analysed_with_no_other_file_and_empty_outcomes_are_noted(
        tmp_path):
    path = _fill(make_template("one-group-pretest-posttest", tmp_path / "t.xlsx", rows=20),
                 _mothers())
    st = find_study(path)
    assert [o.name for o in st.outcomes] == ["volume", "menyusui", "bak", "kelancaran"]
    for lang, words in (("id", "tidak dianalisis: kolomnya kosong di semua baris"),
                        ("en", "is not analysed: its columns are empty in every row")):
        analysis, doc = analyse_file(path, st, lang=lang, figures=False)
        assert [o.outcome.name for o in analysis.outcomes] == ["menyusui", "bak"]
        notes = [b.text for b in doc.blocks[1:3]]
        assert notes[0].startswith(("Hasil 'Pengeluaran ASI (cc)' (kolom volume_pre, "
                                    "volume_post)", "Outcome 'Milk expressed (cc)' (columns "
                                    "volume_pre, volume_post)"))
        assert all(words in n for n in notes)
        assert "kelancaran_pre, kelancaran_post" in notes[1]


def test_an_empty_characteristic_column_is_skipped_with_a_note(tmp_path):
    rows = _mothers()
    path = _fill(make_template("one-group-pretest-posttest", tmp_path / "t.xlsx"), rows,
                 skip=("pekerjaan",))
    st, skipped = skip_empty_columns(path, find_study(path))
    assert [c.column for c in st.characteristics] == ["umur", "pendidikan", "paritas"]
    assert [getattr(x, "column", None) for x in skipped][-1] == "pekerjaan"
    _, doc = analyse_file(path, find_study(path), figures=False)
    assert any("Karakteristik 'Pekerjaan' (kolom pekerjaan) tidak ditabulasi" in
               getattr(b, "text", "") for b in doc.blocks)


def test_nothing_is_skipped_when_no_outcome_has_a_value(tmp_path):
    st = default_study("one-group-pretest-posttest")
    path = make_template(st, tmp_path / "t.xlsx")
    assert skip_empty_columns(path, st) == (st, ())  # the check says there are no rows
    # a column the file lacks is not "empty": the check reports it missing
    path = write_data([{"kode": "R01", "menyusui_pre": 5, "menyusui_post": 9}],
                      tmp_path / "d.csv")
    kept, skipped = skip_empty_columns(path, st)
    assert skipped == () and kept == st


def test_two_group_template_filled_runs_the_group_design(tmp_path):
    design = "nonequivalent-control-pretest-posttest"
    path = _fill(make_template(design, tmp_path / "t.xlsx"),
                 _mothers(16, groups=("intervensi", "kontrol")))
    analysis, _ = analyse_file(path, find_study(path), figures=False)
    assert analysis.study.design == design and analysis.n == 16
    assert [o.outcome.name for o in analysis.outcomes] == ["menyusui", "bak"]


def test_the_student_may_edit_the_study_sheet(tmp_path):
    path = make_template("one-group-pretest-posttest", tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Deskripsi studi"]
    for row in ws.iter_rows():
        if row[0].value == "    categories: [SD, SMP, SMA, PT]":
            row[0].value = "    categories: [dasar, menengah, tinggi]"
        if row[0].value == "  title: Pijat oksitosin":
            row[0].value = "  title: Pijat oksitosin di Puskesmas Oku Timur"
    wb.save(path)
    st = find_study(path)
    assert st.title == "Pijat oksitosin di Puskesmas Oku Timur"
    assert st.characteristics[1].categories == ("dasar", "menengah", "tinggi")


@pytest.mark.parametrize(("lang", "words"), [("id", "baris"), ("en", "line")])
def test_a_broken_study_sheet_is_located_by_its_row(tmp_path, lang, words):
    path = make_template("one-group-pretest-posttest", tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Deskripsi studi"]
    rows = {r[0].value: r[0].row for r in ws.iter_rows()}
    row = rows["  design: one-group-pretest-posttest"]
    ws.cell(row=row, column=1, value="  design: [one-group")
    wb.save(path)
    with pytest.raises(StudyError) as err:
        find_study(path, lang=lang)
    assert f"t.xlsx [Deskripsi studi] {words} " in str(err.value)
    assert err.value.detail["row"] in (row, row + 1)  # YAML marks the line it stopped on


def test_a_wrong_value_in_the_study_sheet_names_the_sheet_and_key(tmp_path):
    path = make_template("one-group-pretest-posttest", tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    for r in wb["Deskripsi studi"].iter_rows():
        if r[0].value == "    type: count":
            r[0].value = "    type: angka"
            break
    wb.save(path)
    with pytest.raises(StudyError, match=r"t\.xlsx \[Deskripsi studi\].*outcomes\[1\]\.type"):
        find_study(path)


@pytest.mark.parametrize("suffix", [".study.yaml", ".yaml"])
def test_a_study_file_beside_the_data_is_found(tmp_path, suffix):
    src = example_path("amanda-oku-timur-2023", ".yaml")
    data = tmp_path / "amanda.csv"
    data.write_bytes(example_path("amanda-oku-timur-2023", ".csv").read_bytes())
    assert find_study(data) is None
    (tmp_path / f"amanda{suffix}").write_bytes(src.read_bytes())
    assert _same(find_study(data), load_study(src))
    df, report = load_data(data, find_study(data))
    assert len(df) == 15 and not report.errors


def test_a_workbook_without_the_sheet_has_no_study(tmp_path):
    st = default_study("one-group-pretest-posttest")
    path = write_data([{"kode": "R01"}], tmp_path / "d.xlsx", st)
    assert study_sheet_text(path) is None and find_study(path) is None
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not a zip")
    assert find_study(tmp_path / "broken.xlsx") is None  # the data reader says why


# ----------------------------------------------------------------------------- overwrite

@pytest.mark.parametrize(("lang", "words"), [
    ("id", "berkas sudah ada dan tidak ditimpa; pilih nama lain atau tambahkan --force"),
    ("en", "the file already exists and was not overwritten; choose another name or add "
           "--force")])
def test_an_existing_file_is_not_overwritten_without_force(tmp_path, lang, words, capsys):
    """The one way the commands write files (laktasi.cli._common.write_files)."""
    import typer

    from laktasi.cli._common import refuse_existing, write_file, write_files

    p = tmp_path / "entry.xlsx"
    p.write_bytes(b"filled by hand")
    other = tmp_path / "bab4.md"
    with pytest.raises(typer.Exit) as exit_:
        write_files({other: b"new", p: b"new"}, lang)
    assert exit_.value.exit_code == 2
    assert f"{p}: {words}" in " ".join(capsys.readouterr().err.split())
    assert p.read_bytes() == b"filled by hand" and not other.exists()  # nothing written
    with pytest.raises(typer.Exit):
        refuse_existing([other, p], lang, force=False)
    refuse_existing([other, None], lang, force=False)
    refuse_existing([p], lang, force=True)
    write_file(p, b"new", lang, force=True)
    assert p.read_bytes() == b"new"
