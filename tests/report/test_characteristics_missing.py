"""Characteristics never go in silently wrong (issue 9, item 5): values outside the study's
plausible range are warned in the chapter and by ``laktasi check``; empty cells get a
"Tidak diketahui (missing)" row with valid percentages, as SPSS Frequencies prints them."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from laktasi.cli import app
from laktasi.design import load_study
from laktasi.io import load_data
from laktasi.pipeline import analyse_file
from laktasi.report.document import Paragraph

STUDY = """\
study: {id: u, title: U, design: one-group-pretest-posttest}
id_column: kode
characteristics:
  - umur
  - column: berat
    label: {id: Berat badan, en: Body weight}
    bins: [{label: "<60 kg", max: 59}, {label: ">=60 kg", min: 60}]
    min: 35
    max: 150
  - column: paritas
    categories: [primipara, multipara]
outcomes:
  - {name: y, type: count, pre: y_pre, post: y_post}
"""


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    lines = ["kode,umur,berat,paritas,y_pre,y_post"]
    for i in range(12):
        umur = {3: "250", 7: ""}.get(i, str(20 + i))
        berat = "300" if i == 5 else str(50 + i)
        paritas = "" if i in (1, 2) else ("primipara" if i % 2 else "multipara")
        lines.append(f"R{i:02d},{umur},{berat},{paritas},{4 + i % 3},{7 + i % 4}")
    data = tmp_path / "data.csv"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    study = tmp_path / "studi.yaml"
    study.write_text(STUDY, encoding="utf-8")
    return data, study


@pytest.mark.parametrize("lang,missing,valid", [("id", "Tidak diketahui (missing)",
                                                 "Persentase valid (%)"),
                                                ("en", "Missing", "Valid percent (%)")])
def test_frequency_table_counts_missing_with_valid_percent(files, lang, missing, valid):
    _, doc = analyse_file(*files, lang=lang, figures=False)
    table = doc.tables()[0].table
    assert table.header[-1] == valid
    rows = table.rows
    sep = "," if lang == "id" else "."
    umur = rows[:rows.index(next(r for r in rows if r[0] == "Total" or r[1] == "Total")) + 1]
    # 12 mothers, one age empty: 11 valid; '20-35 tahun' has 10 of them (one is 250)
    assert umur[1][1:] == ("20-35 tahun", "10", f"83{sep}3", f"90{sep}9")
    assert (missing, "1", f"8{sep}3", "") == umur[-2][1:]
    assert umur[-1][1:] == ("Total", "12", f"100{sep}0", f"100{sep}0")
    parity = [r for r in rows if r[1] == missing]
    assert [r[2] for r in parity] == ["1", "2"]  # age 1, parity 2; weight none
    assert sum(r[1] == "Total" for r in rows) == 3  # a Total row per characteristic
    notes = [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.style == "note"]
    assert any(("kosong" if lang == "id" else "missing") in t for t in notes)


@pytest.mark.parametrize("lang,word", [("id", "di luar rentang wajar"),
                                       ("en", "outside the plausible range")])
def test_implausible_values_are_warned_in_the_chapter(files, lang, word):
    _, doc = analyse_file(*files, lang=lang, figures=False)
    warnings = [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.style == "warning"]
    age = next(t for t in warnings if "250" in t)
    assert word in age and "10–60" in age
    weight = next(t for t in warnings if "300" in t)
    assert "35–150" in weight
    assert len([t for t in warnings if word in t]) == 2


def test_check_lists_the_same_values(files):
    data, study_path = files
    study = load_study(study_path)
    _, report = load_data(data, study)
    flagged = {(p.column, str(p.value), p.code) for p in report.warnings}
    assert ("umur", "250", "implausible") in flagged
    assert ("berat", "300", "implausible_value") in flagged
    result = CliRunner().invoke(app, ["check", str(data), "--study", str(study_path)])
    assert "250" in result.output and "300" in result.output
    assert "rentang wajar" in result.output and "10–60" in result.output
    result = CliRunner().invoke(app, ["check", str(data), "--study", str(study_path),
                                      "--lang", "en"])
    # 2 implausible values and 3 empty characteristic cells (umur row 9; paritas rows 3, 4)
    assert "35–150" in result.output and "check the 5 warnings" in result.output
    assert result.exit_code == 0


def test_check_lists_the_empty_characteristic_cells_the_chapter_counts_as_missing(files):
    data, study_path = files
    study = load_study(study_path)
    _, report = load_data(data, study)
    empty = sorted((p.column, p.row) for p in report.warnings
                   if p.code == "missing_characteristic")
    assert empty == [("paritas", 3), ("paritas", 4), ("umur", 9)]
    # the chapter's frequency tables count the same cells as missing
    _, doc = analyse_file(data, study_path, lang="id", figures=False)
    note = next(b.text for b in doc.blocks
                if isinstance(b, Paragraph) and b.style == "note"
                and "sebagian data karakteristik kosong" in b.text)
    assert "umur" in note.lower() and "1 responden" in note and "2 responden" in note
    result = CliRunner().invoke(app, ["check", str(data), "--study", str(study_path)])
    assert result.exit_code == 0
    assert result.output.count("dihitung sebagai") == 3
    result = CliRunner().invoke(app, ["check", str(data), "--study", str(study_path),
                                      "--lang", "en"])
    assert result.output.count('counted as "Missing"') == 3


def test_a_characteristic_empty_in_every_row_is_not_listed_cell_by_cell(files):
    # analyze leaves such a column out (and says so once), so no cell of it is "counted as
    # missing in the table"
    data, study_path = files
    lines = data.read_text(encoding="utf-8").splitlines()
    rows = [line.split(",") for line in lines]
    for row in rows[1:]:
        row[3] = ""  # paritas
    data.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    _, report = load_data(data, load_study(study_path))
    listed = {p.column for p in report.warnings if p.code == "missing_characteristic"}
    assert listed == {"umur"}
    result = CliRunner().invoke(app, ["check", str(data), "--study", str(study_path)])
    assert result.exit_code == 0
    assert result.output.count("dihitung sebagai") == 1 and "paritas" in result.output
    _, doc = analyse_file(data, study_path, lang="id", figures=False)
    notes = [b.text for b in doc.blocks if isinstance(b, Paragraph) and "paritas" in b.text]
    assert len(notes) == 1 and "tidak ditabulasi" in notes[0]
