"""The command line, through Typer's test runner."""

import json

from typer.testing import CliRunner

from laktasi.cli import app

runner = CliRunner()


def test_demo_prints_the_amanda_wilcoxon_results_in_english():
    res = runner.invoke(app, ["demo", "--lang", "en"])
    assert res.exit_code == 0, res.output
    out = res.output
    for text in ("5.47", ".915", "11.33", "2.526", "4.60", ".507", "9.40", "1.724",
                 "−3.434", "−3.438", ".001"):
        assert text in out, text
    assert "0.000" not in out and ".000" not in out.replace("1.000", "")


def test_analyze_example_html_and_json(tmp_path):
    html_out = tmp_path / "amanda.html"
    res = runner.invoke(app, ["analyze", "--example", "amanda-oku-timur-2023", "--lang", "en",
                              "--format", "html", "--out", str(html_out)])
    assert res.exit_code == 0, res.output
    page = html_out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "lang='en'" in page
    assert "−3.434" in page and "−3.438" in page
    res = runner.invoke(app, ["analyze", "--example", "amanda-oku-timur-2023", "--format", "json"])
    doc = json.loads(res.output)
    assert doc["lang"] == "id"
    assert next(b["number"] for b in doc["blocks"] if b["type"] == "table") == "4.1"


def test_analyze_reports_located_problems_without_traceback(tmp_path):
    from laktasi.pipeline import example_files

    data, study = example_files("amanda-oku-timur-2023")
    bad = tmp_path / "bad.csv"
    lines = data.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",5,", ",lima,", 1)
    bad.write_text("\n".join(lines), encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(bad), "--study", str(study)])
    assert res.exit_code == 2
    assert "Traceback" not in res.output
    assert "baris 4" in res.output and "'lima' bukan angka" in res.output


def test_unknown_format_lists_the_allowed_ones():
    res = runner.invoke(app, ["analyze", "--example", "amanda-oku-timur-2023", "--format", "pdf"])
    assert res.exit_code == 2
    assert "html" in res.output and "json" in res.output


def test_audit_command_text_and_json():
    res = runner.invoke(app, ["audit", "--example", "blooto-mojokerto-2021", "--lang", "en"])
    assert res.exit_code == 1  # error findings
    assert "percent-mismatch" in res.output and "57.14%" in res.output
    res = runner.invoke(app, ["audit", "--example", "kota-bengkulu-2018", "--format", "json"])
    data = json.loads(res.output)
    assert {f["code"] for f in data["findings"]} >= {"value-mismatch", "claim-unsupported"}


def test_audit_command_bad_file(tmp_path):
    p = tmp_path / "x.yaml"
    p.write_text("study: {design: rct}\nitems: []\n")
    res = runner.invoke(app, ["audit", str(p)])
    said = " ".join(res.output.split())
    assert res.exit_code == 2 and "study.design = 'rct' tidak diizinkan" in said  # Indonesian


def test_bundle_and_template(tmp_path):
    import zipfile

    z = tmp_path / "b.zip"
    res = runner.invoke(app, ["analyze", "--example", "blooto-mojokerto-2021", "--format", "md",
                              "--out", str(tmp_path / "b.md"), "--bundle", str(z)])
    assert res.exit_code == 0, res.output
    names = zipfile.ZipFile(z).namelist()
    assert {"results.json", "settings.json"} <= set(names)
    assert any(n.startswith("data/") for n in names) and any(n.startswith("study/")
                                                            for n in names)
    settings = json.loads(zipfile.ZipFile(z).read("settings.json"))
    assert settings["libraries"]["scipy"]
    res = runner.invoke(app, ["template", "two-group-posttest", "--out", str(tmp_path / "t.xlsx")])
    assert res.exit_code == 0 and (tmp_path / "t.xlsx").exists()
    res = runner.invoke(app, ["template", "rct", "--out", str(tmp_path / "x.xlsx")])
    assert res.exit_code == 2 and "one-group-pretest-posttest" in res.output


def test_analyze_drop_invalid_lists_what_was_dropped(tmp_path):
    from laktasi.pipeline import example_files

    data, study = example_files("amanda-oku-timur-2023")
    bad = tmp_path / "bad.csv"
    lines = data.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",5,", ",lima,", 1)
    bad.write_text("\n".join(lines), encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(bad), "--study", str(study), "--drop-invalid",
                              "--format", "md"])
    assert res.exit_code == 0, res.output
    assert "1 baris data dikeluarkan" in res.output and "baris 4" in res.output


def test_example_writes_xlsx_and_yaml_that_analyze_reads(tmp_path):
    res = runner.invoke(app, ["example", "--list"])
    assert "kota-bengkulu-2018" in res.output and "blooto-mojokerto-2021" in res.output
    res = runner.invoke(app, ["example", "kota-bengkulu-2018", str(tmp_path)])
    assert res.exit_code == 0, res.output
    data, study = tmp_path / "kota-bengkulu-2018.xlsx", tmp_path / "kota-bengkulu-2018.yaml"
    res = runner.invoke(app, ["analyze", str(data), "--study", str(study), "--format", "json"])
    assert res.exit_code == 0 and "ANCOVA" in res.output


def test_analyze_with_design_flags_and_no_yaml(tmp_path):
    from laktasi.pipeline import example_files

    data, _ = example_files("amanda-oku-timur-2023")
    res = runner.invoke(app, ["analyze", str(data), "--design", "one-group-pretest-posttest",
                              "--id", "kode", "--format", "json", "--lang", "en"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.output)
    captions = [b["caption"] for b in doc["blocks"] if b["type"] == "table"]
    assert any("Menyusui" in c for c in captions) and any("Bak" in c for c in captions)
    data, _ = example_files("kota-bengkulu-2018")
    res = runner.invoke(app, ["analyze", str(data), "--design",
                              "nonequivalent-control-pretest-posttest", "--format", "json"])
    assert res.exit_code == 2 and "--group" in res.output
    res = runner.invoke(app, ["analyze", str(data), "--design",
                              "nonequivalent-control-pretest-posttest", "--group", "kelompok",
                              "--format", "json"])
    assert res.exit_code == 0 and "ANCOVA" in res.output


def test_output_that_cannot_be_written_is_a_located_message(tmp_path):
    missing = tmp_path / "no-such-folder"
    for code, args in ((2, ["analyze", "--example", "amanda-oku-timur-2023", "--format", "html",
                  "--out", str(missing / "bab4.html"), "--lang", "en"]),
                 (2, ["meta", "--example", "--format", "docx", "--out", str(missing / "m.docx"),
                  "--lang", "en"]),
                 (2, ["reconstruct", "amanda-oku-timur-2023", "t4-bak", "--max", "1", "--csv",
                  str(missing / "pairs.csv"), "--lang", "en"])):
        res = runner.invoke(app, args)
        assert res.exit_code == code, args
        assert "cannot be written" in res.output and "no-such-folder" in res.output, args
        assert not isinstance(res.exception, OSError)
    assert not missing.exists()


def test_reconstruct_validates_the_file_first(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("study: {id: s, design: one-group-pretest-posttest}\nitems:\n"
                   "  - {id: a, kind: paired-means, n: 15, pre: x, "
                   "post: {mean: '1.0', sd: '1.0'}, p: '0,01'}\n", encoding="utf-8")
    res = runner.invoke(app, ["reconstruct", str(bad), "a"])
    assert res.exit_code == 2 and "items[0].pre = 'x'" in res.output


# --- start-up and layering -------------------------------------------------------------

def test_importing_the_command_line_imports_no_heavy_library():
    """`laktasi --help` and `laktasi version` must not pay for scipy & co. (measured, not
    timed: the modules present after `import laktasi.cli`, in a fresh interpreter)."""
    import subprocess
    import sys
    from pathlib import Path

    src = str(Path(__file__).resolve().parents[1] / "src")
    probe = ("import sys; sys.path.insert(0, sys.argv[1]); import laktasi.cli; "
             "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))")
    done = subprocess.run([sys.executable, "-c", probe, src], capture_output=True, text=True,
                          check=True)
    loaded = set(done.stdout.split())
    assert "laktasi" in loaded and "typer" in loaded  # the probe did import the CLI
    heavy = {"scipy", "numpy", "pandas", "matplotlib", "docx", "yaml", "openpyxl"}
    assert not loaded & heavy, sorted(loaded & heavy)


def test_version_and_help_run_without_a_heavy_library():
    """The whole `laktasi version` / `laktasi --help` process, as the console script runs
    it, ends without having imported scipy, numpy, pandas or matplotlib."""
    import subprocess
    import sys
    from pathlib import Path

    src = str(Path(__file__).resolve().parents[1] / "src")
    probe = ("import sys, atexit; sys.path.insert(0, sys.argv.pop(1)); "
             "atexit.register(lambda: sys.stderr.write('MODULES ' + ' '.join("
             "m for m in ('scipy', 'numpy', 'pandas', 'matplotlib') if m in sys.modules)));"
             "from laktasi.cli import app; sys.exit(app())")
    for args in (["version"], ["--help"], ["power", "--help"]):
        done = subprocess.run([sys.executable, "-c", probe, src, *args], capture_output=True,
                              text=True)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip(), args
        assert done.stderr.strip() == "MODULES", (args, done.stderr)
    version = subprocess.run([sys.executable, "-c", probe, src, "version"],
                             capture_output=True, text=True).stdout
    from laktasi import __version__

    assert version == f"laktasi {__version__}\n"


# Which package may import Typer, Rich or the command line: tests/test_layers.py.


# --- one exit-code convention; files written whole or not at all ----------------------

def test_exit_codes_are_documented_in_indonesian_in_the_top_level_help():
    res = runner.invoke(app, ["--help"])
    assert res.exit_code == 0
    text = " ".join(res.output.split())
    assert "Kode keluar (semua perintah):" in text
    for rule in ("0 selesai, tidak ada masalah", "1 selesai, ada temuan atau masalah",
                 "2 tidak dapat berjalan"):
        assert rule in text, rule


def _amanda_copy(tmp_path, edit=None):
    from laktasi.pipeline import example_files

    data, study = example_files("amanda-oku-timur-2023")
    text = data.read_text(encoding="utf-8")
    csv = tmp_path / "data.csv"
    csv.write_text(edit(text) if edit else text, encoding="utf-8")
    return csv, study


def test_every_command_follows_the_exit_code_convention(tmp_path):
    good, study = _amanda_copy(tmp_path)
    (tmp_path / "bad").mkdir()
    bad, _ = _amanda_copy(tmp_path / "bad", lambda t: t.replace("R01,22,", "R01,dua puluh,", 1))
    amanda_name = "amanda-oku-timur-2023.yaml"
    # a paper whose printed numbers agree (the Amanda audit without its text/table p mismatch)
    from laktasi.datasets import example_path

    amanda = example_path("amanda-oku-timur-2023", ".yaml").parent / "audit" / amanda_name
    text = amanda.read_text(encoding="utf-8")
    cut = text.index("  - id: p-menyusui")
    consistent = tmp_path / "printed.yaml"
    consistent.write_text(text[:cut], encoding="utf-8")
    meta_bad = tmp_path / "studies.csv"
    meta_bad.write_text("label,measure,a,b,c,d\nA,OR,12,3,6,9\n", encoding="utf-8")
    cases = [
        (0, ["version"]),
        (0, ["check", str(good), "--study", str(study)]),
        (1, ["check", str(bad), "--study", str(study)]),                  # a problem found
        (2, ["check", str(tmp_path / "nope.csv"), "--study", str(study)]),  # nothing to read
        (2, ["check", str(good), "--study", str(tmp_path / "nope.yaml")]),
        (2, ["check", str(good), "--study", str(study), "--lang", "fr"]),
        (0, ["audit", str(consistent)]),                                  # no finding
        (1, ["audit", "--example", "blooto-mojokerto-2021"]),            # error findings
        (2, ["audit"]),
        (2, ["analyze"]),
        (2, ["analyze", str(bad), "--study", str(study)]),                # cannot analyse
        (2, ["analyze", "--example", "amanda-oku-timur-2023", "--format", "docx"]),
        (2, ["example", "nope", str(tmp_path / "ex")]),
        (2, ["meta", str(tmp_path / "nope.csv")]),                         # was 1
        (2, ["meta", "--example", "--method", "XX"]),                      # was 1
        (2, ["meta", str(meta_bad), "--lang", "fr"]),
        (2, ["power", "paired-t", "--dz", "0.5", "--lang", "fr"]),
        (2, ["power", "curve", "--step", "0", "--sims", "100"]),
        (2, ["power", "simulate", "--model", "nope", "--sims", "100"]),
        (2, ["power", "simulate", "--test", "mcnemar", "--sims", "100"]),  # needs --p1 --p2
        (2, ["power", "mcnemar"]),
        (2, ["analyze", "--no-such-option"]),                              # Typer's usage error
    ]
    for code, args in cases:
        res = runner.invoke(app, args)
        assert res.exit_code == code, (args, res.exit_code, res.output[-400:])
        assert res.exception is None or isinstance(res.exception, SystemExit), (args, res.exception)
        assert "Traceback" not in res.output, args
    assert not (tmp_path / "ex").exists()


def test_command_line_messages_are_indonesian_by_default_and_english_on_request():
    for args, id_text, en_text in (
            (["analyze"], "Berikan DATA dan --study", "Give DATA and --study"),
            (["meta"], "Berikan STUDI.csv|yaml", "Give STUDIES.csv|yaml"),
            (["power", "mcnemar"], "Berikan --p-improve", "Give --p-improve"),
            (["audit", "--example", "nope"], "pilih salah satu dari", "choose one of")):
        res = runner.invoke(app, args)
        assert res.exit_code == 2 and id_text in " ".join(res.output.split()), args
        res = runner.invoke(app, [*args, "--lang", "en"])
        assert res.exit_code == 2 and en_text in " ".join(res.output.split()), args


def _files(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def _paper(tmp_path):
    paper = tmp_path / "paper.txt"
    paper.write_text("Tabel 4.2 Frekuensi menyusui sebelum dan sesudah pijat oksitosin\n"
                     "Sebelum 15 5,47 0,915 4 7\nSesudah 15 11,33 2,526 8 17\n"
                     "Uji Wilcoxon p = 0,001\n", encoding="utf-8")
    return paper


def test_files_that_cannot_be_written_give_one_located_line_and_nothing_half_written(tmp_path):
    """Each command that writes a file, aimed at a name that is a folder (or, for
    `example`, a folder name that is a file): exit 2, one line naming the path, in
    Indonesian, no traceback, and the folder holds exactly what it held before."""
    paper = _paper(tmp_path)
    blocker = tmp_path / "taken"
    blocker.mkdir()
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    cases = [
        (blocker, ["extract", str(paper), "--out", str(blocker)]),
        (blocker, ["power", "curve", "--from", "10", "--to", "12", "--step", "2", "--sims",
                   "200", "--plot", str(blocker)]),
        (blocker, ["meta", "--example", "--json", str(blocker)]),
        (blocker, ["meta", "--example", "--plot", str(tmp_path / "forest.png"), "--json",
                   str(blocker)]),       # the plots are not written when the JSON cannot be
        (blocker, ["meta", "--example", "--format", "md", "--out", str(blocker)]),
        (tmp_path / "a-file", ["example", "amanda-oku-timur-2023", str(tmp_path / "a-file")]),
        (blocker, ["template", "one-group-pretest-posttest", "--out", str(blocker)]),
        (blocker, ["analyze", "--example", "amanda-oku-timur-2023", "--format", "md", "--out",
                   str(blocker)]),
        (blocker, ["analyze", "--example", "amanda-oku-timur-2023", "--format", "md", "--out",
                   str(tmp_path / "bab4.md"), "--bundle", str(blocker)]),
        (blocker, ["reconstruct", "amanda-oku-timur-2023", "t4-bak", "--max", "1", "--csv",
                   str(blocker)]),
    ]
    before = _files(tmp_path)
    for path, args in cases:
        res = runner.invoke(app, args)
        assert res.exit_code == 2, (args, res.output[-400:])
        assert isinstance(res.exception, SystemExit), (args, res.exception)
        errors = [line for line in res.stderr.splitlines() if line.strip()]
        assert len(errors) == 1, (args, res.stderr)
        assert errors[0].startswith(str(path)) and "tidak dapat ditulis" in errors[0], errors
        assert _files(tmp_path) == before, args
    res = runner.invoke(app, ["extract", str(paper), "--out", str(blocker), "--lang", "en"])
    assert res.exit_code == 2
    assert res.stderr.strip() == f"{blocker}: cannot be written (that name is a folder); " \
                                 "check that the folder exists and is writable."


def test_write_files_is_all_or_nothing(tmp_path):
    import pytest
    import typer

    from laktasi.cli._common import write_files

    first = tmp_path / "first.txt"
    first.write_text("old", encoding="utf-8")
    (tmp_path / "second").mkdir()
    with pytest.raises(typer.Exit) as stop:
        write_files({first: "new", tmp_path / "second": b"x"}, "id")
    assert stop.value.exit_code == 2
    assert first.read_text(encoding="utf-8") == "old"
    assert _files(tmp_path) == ["first.txt", "second"]
    write_files({first: "new", tmp_path / "sub" / "third.txt": "3"}, "en",
                folders=[tmp_path / "sub"], force=True)  # first.txt exists: --force
    assert first.read_text(encoding="utf-8") == "new"
    assert _files(tmp_path) == ["first.txt", "second", "sub", "sub/third.txt"]


def test_files_are_written_where_asked(tmp_path):
    """The paths of the tests above do work when they can be written."""
    paper = _paper(tmp_path)
    for args, made in (
            (["extract", str(paper), "--out", str(tmp_path / "d.yaml")], ["d.yaml"]),
            (["power", "curve", "--from", "10", "--to", "12", "--step", "2", "--sims", "200",
              "--plot", str(tmp_path / "c.svg")], ["c.svg"]),
            (["meta", "--example", "--plot", str(tmp_path / "p" / "f.png"), "--json",
              str(tmp_path / "m.json")], ["m.json", "p", "p/f-funnel.png", "p/f-funnel.svg",
                                         "p/f.png", "p/f.svg"]),
            (["example", "kota-bengkulu-2018", str(tmp_path / "ex")],
             ["ex", "ex/kota-bengkulu-2018.xlsx", "ex/kota-bengkulu-2018.yaml"])):
        before = set(_files(tmp_path))
        res = runner.invoke(app, args)
        assert res.exit_code == 0, (args, res.output[-400:])
        assert sorted(set(_files(tmp_path)) - before) == made, args
    assert (tmp_path / "c.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def _all_commands():
    import typer.main

    def walk(cmd, path):
        subs = getattr(cmd, "commands", None)
        if subs:
            yield path, cmd
            for name, sub in subs.items():
                yield from walk(sub, [*path, name])
        else:
            yield path, cmd

    yield from walk(typer.main.get_command(app), [])


def test_help_texts_are_indonesian():
    """Every command's and option's help text: no English function words (technical names
    such as two-sided, normal or G*Power stay as they are)."""
    import re

    english = {"the", "and", "or", "of", "with", "for", "from", "to", "write", "writes",
               "print", "prints", "show", "shows", "give", "default", "file", "group"}
    seen = 0
    for path, cmd in _all_commands():
        texts = [cmd.help or ""] + [getattr(p, "help", None) or "" for p in cmd.params
                                    if p.name != "help"]
        for text in texts:
            words = set(re.findall(r"[a-z]+", text.lower().replace("one-group-pretest-posttest",
                                                                    "")))
            words -= {"group"} if "two-group-posttest" in text else set()
            assert not words & english, (path, text, sorted(words & english))
            seen += 1
        assert cmd.help, path
    assert seen > 80


def test_example_does_not_overwrite_a_file_without_force(tmp_path):
    res = runner.invoke(app, ["example", "kota-bengkulu-2018", str(tmp_path)])
    assert res.exit_code == 0
    data = tmp_path / "kota-bengkulu-2018.xlsx"
    data.write_bytes(b"filled in by the student")
    res = runner.invoke(app, ["example", "kota-bengkulu-2018", str(tmp_path)])
    assert res.exit_code == 2 and "--force" in res.output and str(data) in res.output
    assert data.read_bytes() == b"filled in by the student"
    res = runner.invoke(app, ["example", "kota-bengkulu-2018", str(tmp_path), "--force",
                              "--lang", "en"])
    assert res.exit_code == 0 and data.read_bytes().startswith(b"PK")


def test_check_of_a_file_that_cannot_be_read_says_why_and_suggests_no_row_fix(tmp_path):
    from laktasi.pipeline import example_files

    _, study = example_files("amanda-oku-timur-2023")
    res = runner.invoke(app, ["check", str(tmp_path / "nope.csv"), "--study", str(study)])
    assert res.exit_code == 2
    text = " ".join(res.output.split())
    assert "berkas tidak ditemukan" in text and "--drop-invalid" not in text


def test_printing_a_chapter_to_the_terminal_draws_no_figure():
    """The terminal shows no figures (as `meta`), so `laktasi demo` imports neither
    matplotlib nor python-docx (a fresh interpreter, as the console script runs it)."""
    import subprocess
    import sys
    from pathlib import Path

    src = str(Path(__file__).resolve().parents[1] / "src")
    probe = ("import sys, atexit; sys.path.insert(0, sys.argv.pop(1)); "
             "atexit.register(lambda: sys.stderr.write('MODULES ' + ' '.join("
             "m for m in ('matplotlib', 'docx', 'scipy') if m in sys.modules)));"
             "from laktasi.cli import app; sys.exit(app())")
    done = subprocess.run([sys.executable, "-c", probe, src, "demo", "--lang", "en"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Wilcoxon" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "MODULES scipy"  # the tests ran; no figure
