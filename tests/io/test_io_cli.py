"""The template and check commands, through Typer's runner on an app they register on."""

import openpyxl
import pytest
import typer
import yaml
from io_files import GOOD, HEADER, SPEC, row, write_csv, write_xlsx
from typer.testing import CliRunner

from laktasi.cli.data import register


@pytest.fixture
def app():
    app = typer.Typer()
    register(app)
    return app


@pytest.fixture
def study_file(tmp_path):
    path = tmp_path / "studi.yaml"
    path.write_text(yaml.safe_dump(SPEC, allow_unicode=True), encoding="utf-8")
    return path


def _run(app, *args):
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})


def test_check_lists_every_problem_in_a_table_and_exits_1(app, study_file, tmp_path):
    data = write_csv(tmp_path / "d.csv", [row(menyusui_pre="lima"),
                                          row(kode="R01", paritas="primi")])
    res = _run(app, "check", data, "--study", study_file, "--lang", "en")
    assert res.exit_code == 1
    out = res.output
    assert "Data check:" in out and "Column names in row 1" in out
    assert "menyusui_pre" in out and "value 'lima' is not a number" in out
    assert "code 'R01' is duplicated (already used in row 2)" in out
    assert "did you mean 'primipara'?" in out
    assert "3 errors, 0 warnings." in out


def test_check_in_indonesian_on_a_clean_file(app, study_file, tmp_path):
    data = write_xlsx(tmp_path / "d.xlsx", GOOD)
    res = _run(app, "check", data, "--study", study_file)
    assert res.exit_code == 0, res.output
    assert "Tidak ada masalah: 2 baris siap dianalisis." in res.output


def test_check_warnings_do_not_fail(app, study_file, tmp_path):
    data = write_csv(tmp_path / "d.csv", [[*GOOD[0], "Siti"]], header=[*HEADER, "nama"])
    res = _run(app, "check", data, "--study", study_file)
    assert res.exit_code == 0
    assert "peringatan" in res.output and "data pribadi" in res.output


def test_check_sheet_by_number(app, study_file, tmp_path):
    path = tmp_path / "d.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Catatan"
    ws = wb.create_sheet("Isian")
    ws.append(HEADER)
    ws.append(GOOD[0])
    wb.save(path)
    assert _run(app, "check", path, "--study", study_file, "--sheet", "2").exit_code == 0
    res = _run(app, "check", path, "--study", study_file, "--sheet", "Catatan")
    assert res.exit_code == 1 and "kosong" in res.output


def test_check_with_a_broken_study_file(app, tmp_path):
    bad = tmp_path / "s.yaml"
    bad.write_text("study: [", encoding="utf-8")
    res = _run(app, "check", tmp_path / "d.csv", "--study", bad)
    assert res.exit_code == 2 and "bukan YAML yang sah" in res.output
    res = _run(app, "check", tmp_path / "d.csv", "--study", bad, "--lang", "en")
    assert res.exit_code == 2 and "not valid YAML" in res.output


def test_template_command(app, tmp_path):
    out = tmp_path / "t.xlsx"
    res = _run(app, "template", "nonequivalent-control-pretest-posttest", "--out", out)
    assert res.exit_code == 0 and out.exists()
    assert openpyxl.load_workbook(out).sheetnames == ["Data", "Petunjuk", "Deskripsi studi"]
    res = _run(app, "template", "two-group", "--out", tmp_path / "t2.xlsx", "--lang", "en")
    assert res.exit_code == 2 and "design 'two-group' is unknown; the designs are:" in res.output


def test_template_from_a_study_file(app, study_file, tmp_path):
    out = tmp_path / "t.xlsx"
    res = _run(app, "template", study_file, "--out", out, "--lang", "en")
    assert res.exit_code == 0
    wb = openpyxl.load_workbook(out)
    assert [c.value for c in wb["Data"][1]] == HEADER
