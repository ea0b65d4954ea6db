"""From `laktasi template` to a chapter with no YAML written, and no command overwriting a
file without --force (issue 9, items 6 and 7), through the real `laktasi` app."""

import random

import openpyxl
import pytest
from typer.testing import CliRunner

from laktasi.cli import app
from laktasi.datasets import example_path

runner = CliRunner()


def _run(*args):
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})


def _fill(path, n=12, skip=("volume_pre", "volume_post", "kelancaran_pre",
                            "kelancaran_post")):
    rng = random.Random(7)
    wb = openpyxl.load_workbook(path)
    ws = wb["Data"]
    header = [c.value for c in ws[1]]
    for i in range(n):
        r = {"kode": f"R{i + 1:02d}", "umur": rng.randint(18, 40), "pendidikan": "SMA",
             "pekerjaan": "IRT", "paritas": "multipara", "menyusui_pre": rng.randint(4, 7),
             "menyusui_post": rng.randint(7, 14), "bak_pre": rng.randint(3, 6),
             "bak_post": rng.randint(5, 10)}
        for j, h in enumerate(header, start=1):
            if h not in skip and h in r:
                ws.cell(row=i + 2, column=j, value=r[h])
    wb.save(path)


@pytest.mark.parametrize(("lang", "skipped"), [
    ("id", "Hasil 'Pengeluaran ASI (cc)' (kolom volume_pre, volume_post) tidak dianalisis: "
           "kolomnya kosong di semua baris."),
    ("en", "Outcome 'Milk expressed (cc)' (columns volume_pre, volume_post) is not analysed: "
           "its columns are empty in every row.")])
def test_template_filled_then_check_and_analyze_with_no_other_file(tmp_path, lang, skipped):
    data = tmp_path / "data.xlsx"
    res = _run("template", "one-group-pretest-posttest", "--out", data, "--lang", lang)
    assert res.exit_code == 0, res.output
    _fill(data)
    res = _run("check", data, "--lang", lang)
    assert res.exit_code == 0, res.output
    assert skipped in res.output
    assert ("12 baris siap dianalisis" if lang == "id" else "12 rows ready") in res.output
    out = tmp_path / "bab4.md"
    res = _run("analyze", data, "--lang", lang, "--format", "md", "--out", out)
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8").replace("\\_", "_")  # Markdown escapes _
    assert skipped in text
    assert ("Wilcoxon" in text or "t berpasangan" in text or "paired t" in text)


def test_a_data_file_without_a_study_says_where_it_looked(tmp_path):
    data = tmp_path / "data.csv"
    data.write_bytes(example_path("amanda-oku-timur-2023").read_bytes())
    for cmd in ("check", "analyze"):
        res = _run(cmd, data)
        assert res.exit_code == 2
        assert "deskripsi studi tidak ditemukan" in res.output and "--study" in res.output
    res = _run("analyze", data, "--lang", "en")
    assert "no study description found" in res.output
    (tmp_path / "data.yaml").write_bytes(
        example_path("amanda-oku-timur-2023", ".yaml").read_bytes())
    assert _run("check", data).exit_code == 0  # the description beside the data
    res = _run("check", tmp_path / "nothere.xlsx")
    assert res.exit_code == 2 and "berkas tidak ditemukan" in res.output


def test_example_dir_is_analysed_without_study_and_not_overwritten(tmp_path):
    res = _run("example", "amanda-oku-timur-2023", tmp_path)
    assert res.exit_code == 0, res.output
    data = tmp_path / "amanda-oku-timur-2023.xlsx"
    res = _run("analyze", data, "--format", "json")
    assert res.exit_code == 0 and '"study": "amanda-oku-timur-2023"' in res.output
    before = data.read_bytes()
    res = _run("example", "amanda-oku-timur-2023", tmp_path)
    assert res.exit_code == 2 and "sudah ada dan tidak ditimpa" in res.output
    assert data.read_bytes() == before
    assert _run("example", "amanda-oku-timur-2023", tmp_path, "--force").exit_code == 0


def _exists(path, content=b"keep me"):
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("command", [
    ["template", "one-group-pretest-posttest", "--out", "{f}.xlsx"],
    ["analyze", "--example", "amanda-oku-timur-2023", "--format", "md", "--out", "{f}.md"],
    ["analyze", "--example", "amanda-oku-timur-2023", "--bundle", "{f}.zip"],
    ["extract", "PAPER", "--out", "{f}.yaml"],
    ["reconstruct", "amanda-oku-timur-2023", "t4-menyusui", "--csv", "{f}.csv"],
    ["meta", "--example", "--json", "{f}.json"],
    ["meta", "--example", "--plot", "{f}.png"],
    ["meta", "--example", "--format", "html", "--out", "{f}.html"],
    ["power", "curve", "--from", "10", "--to", "12", "--sims", "200", "--plot", "{f}.png"],
])
def test_no_command_overwrites_a_file_without_force(tmp_path, command):
    paper = tmp_path / "paper.txt"
    paper.write_text("Tabel 1\nMenyusui 15 100% 5.47 .915 4 7\n", encoding="utf-8")
    args = [str(paper) if a == "PAPER" else a.format(f=tmp_path / "out") for a in command]
    target = next(a for a in args if a.startswith(str(tmp_path / "out")))
    _exists(tmp_path / target)
    res = _run(*args)
    assert res.exit_code == 2, res.output
    assert f"{target}: berkas sudah ada dan tidak ditimpa" in " ".join(res.output.split())
    assert (tmp_path / target).read_bytes() == b"keep me"
    res = _run(*args, "--force")
    assert res.exit_code in (0, 1), res.output  # 1: reconstruct/meta findings, not a refusal
    assert "tidak ditimpa" not in res.output
    assert (tmp_path / target).read_bytes() != b"keep me"


def test_the_design_route_speaks_indonesian_through_the_command(tmp_path):
    data = tmp_path / "d.csv"
    text = example_path("amanda-oku-timur-2023").read_text(encoding="utf-8").splitlines()
    cells = text[5].split(",")
    cells[text[0].split(",").index("menyusui_post")] = "tujuh"
    text[5] = ",".join(cells)
    data.write_text("\n".join(text) + "\n", encoding="utf-8")
    res = _run("analyze", data, "--design", "one-group-pretest-posttest")
    assert res.exit_code == 2
    assert "baris 6, kolom menyusui_post: nilai 'tujuh' bukan angka" in res.output
    res = _run("analyze", data, "--design", "pre-post")
    assert res.exit_code == 2 and "desain 'pre-post' tidak dikenal" in res.output
    assert "two-group-posttest: dua kelompok, posttest saja" in res.output
    res = _run("analyze", data, "--design", "two-group-posttest", "--group", "klp")
    assert res.exit_code == 2 and "kolom 'klp' (--group) tidak ada di berkas" in res.output
