"""Every `laktasi` line of README.md runs (issue 9, item 11), and the documented formats
(docs/study-file.md, docs/meta-csv.md, docs/audit-file.md) hold for their examples.

Each command runs in its own empty folder holding the files the README names: data.xlsx
(the Amanda example typed into a data-entry template, so it carries its study
description), study.yaml, paper.txt (the Amanda paper's text), studies.csv (the example
of docs/meta-csv.md), reported.yaml (an audit file), kampus.docx (a blank Word file).
"""

import csv
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from laktasi.datasets import example_path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
runner = CliRunner()

# Exit codes the commands document (--help): 1 = findings or problems found.
EXIT_CODES = {"audit": {0, 1}, "check": {0, 1}}


def _blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.DOTALL)


def readme_commands() -> list[str]:
    """The `laktasi ...` commands of the README's bash blocks (after `&&` too)."""
    out = []
    for block in _blocks(README.read_text(encoding="utf-8"), "bash"):
        for line in block.splitlines():
            for part in line.split("&&"):
                part = part.strip()
                if part.startswith("laktasi "):
                    out.append(part)
    return out


COMMANDS = readme_commands()


def test_the_readme_has_commands_for_every_feature():
    names = {shlex.split(c, comments=True)[1] for c in COMMANDS}
    assert {"serve", "analyze", "audit", "extract", "power", "meta", "check", "template",
            "reconstruct"} <= names


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """The files the README's commands name."""
    import docx
    import openpyxl

    from laktasi.design import load_study
    from laktasi.io import make_template, read_rows

    d = tmp_path_factory.mktemp("readme-files")
    study_path = example_path("amanda-oku-timur-2023", ".yaml")
    shutil.copyfile(study_path, d / "study.yaml")
    study = load_study(study_path)
    path = make_template(study, d / "data.xlsx", rows=20)
    wb = openpyxl.load_workbook(path)
    ws = wb["Data"]
    header = [c.value for c in ws[1]]
    for i, row in enumerate(read_rows(example_path("amanda-oku-timur-2023"), study), start=2):
        for j, col in enumerate(header, start=1):
            ws.cell(row=i, column=j, value=row[col])
    wb.save(path)
    shutil.copyfile(ROOT / "tests" / "data" / "seeds" / "amanda-oku-timur-2023.txt",
                    d / "paper.txt")
    (d / "studies.csv").write_text(_blocks((DOCS / "meta-csv.md").read_text(
        encoding="utf-8"), "csv")[0], encoding="utf-8")
    shutil.copyfile(ROOT / "src" / "laktasi" / "datasets" / "audit" /
                    "amanda-oku-timur-2023.yaml", d / "reported.yaml")
    docx.Document().save(d / "kampus.docx")
    return d


def _serve(args: list[str], tmp_path: Path) -> None:
    """`laktasi serve ...` as the README says, in a subprocess on a free port without a
    browser: the home page answers 200 and lists the demo studies; then it is stopped."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DJANGO_", "LAKTASI_", "DATABASE_URL"))}
    env["PYTHONPATH"] = str(ROOT / "src")
    proc = subprocess.Popen(
        [sys.executable, "-c", "from laktasi.cli import app; app()", *args, "--no-browser",
         "--port", str(port), "--data-dir", str(tmp_path / "data")],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lines: list[str] = []
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and not any("http://" in ln for ln in lines):
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
        assert any("http://" in ln for ln in lines), "".join(lines)
        page, status = "", None
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as r:
                    page, status = r.read().decode(), r.status
                break
            except OSError:
                time.sleep(0.5)
        assert status == 200, "".join(lines)
        assert all(name in page for name in ("amanda-oku-timur-2023", "kota-bengkulu-2018",
                                              "blooto-mojokerto-2021"))
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_runs(command, files, tmp_path, monkeypatch):
    from laktasi.cli import app

    if shlex.split(command, comments=True)[1] == "serve":  # a server: run, ask, stop
        _serve(shlex.split(command, comments=True)[1:], tmp_path)
        return
    for f in files.iterdir():
        shutil.copyfile(f, tmp_path / f.name)
    monkeypatch.chdir(tmp_path)
    args = shlex.split(command, comments=True)[1:]
    res = runner.invoke(app, args)
    assert res.exception is None or isinstance(res.exception, SystemExit), (
        f"{command}: {res.exception!r}\n{res.output}")
    assert res.exit_code in EXIT_CODES.get(args[0], {0}), f"{command}: exit {res.exit_code}\n" \
        f"{res.output}"
    assert "Traceback" not in res.output
    # a file the command is asked to write is there
    for flag in ("--out", "--plot", "--csv"):
        if flag in args:
            assert (tmp_path / args[args.index(flag) + 1]).exists(), (command, flag)


def test_readme_python_example_runs():
    (block,) = _blocks(README.read_text(encoding="utf-8"), "python")
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)
    res = namespace["res"]
    assert res.positive.n == 4 and 0 < res.pvalue < 0.2


# ----------------------------------------------------------------------------- docs

def test_the_docs_are_linked_from_the_readme():
    text = README.read_text(encoding="utf-8")
    for page in ("docs/study-file.md", "docs/meta-csv.md", "docs/audit-file.md",
                 "docs/statistics.md"):
        assert f"]({page})" in text and (ROOT / page).is_file(), page


def test_study_file_examples_are_valid():
    from laktasi.design import study_from_mapping

    text = (DOCS / "study-file.md").read_text(encoding="utf-8")
    base = {"study": {"id": "s", "title": "T", "design": "one-group-pretest-posttest"},
            "outcomes": [{"name": "m", "type": "count", "pre": "m_pre", "post": "m_post"}]}
    blocks = [yaml.safe_load(b) for b in _blocks(text, "yaml")]
    assert len(blocks) >= 5
    for data in blocks:
        if "study" in data:
            spec = data
        elif "group" in data:
            spec = {**base, "study": {**base["study"], "design": "two-group-posttest"},
                    "outcomes": [{"name": "m", "type": "count", "post": "m_post"}], **data}
        else:
            spec = {**base, **data}
        study_from_mapping(spec, "docs/study-file.md")
    full = study_from_mapping(blocks[0])  # the shipped example, without its force_test
    shipped = study_from_mapping(yaml.safe_load(example_path(
        "kota-bengkulu-2018", ".yaml").read_text(encoding="utf-8")))
    assert (full.group, full.characteristics, full.outcomes[0].columns) == (
        shipped.group, shipped.characteristics, shipped.outcomes[0].columns)


def test_every_study_key_is_documented():
    import dataclasses

    from laktasi.design.study import Characteristic, GroupSpec, Outcome, Study

    text = (DOCS / "study-file.md").read_text(encoding="utf-8")
    keys = {"study", "id_column", "group", "characteristics", "outcomes", "value", "label"}
    for cls in (Study, Outcome, Characteristic, GroupSpec):
        keys |= {f.name for f in dataclasses.fields(cls)} - {"labels", "source"}
    missing = sorted(k for k in keys if f"`{k}`" not in text)
    assert not missing, f"docs/study-file.md does not document {missing}"


def test_meta_csv_example_reads_and_every_measure_is_documented():
    from laktasi.meta import MEASURES
    from laktasi.meta.inputs import ALIASES

    text = (DOCS / "meta-csv.md").read_text(encoding="utf-8")
    assert not [m for m in (*MEASURES, *ALIASES) if f"`{m}`" not in text]
    for fields in MEASURES.values():
        assert all(f"`{f}`" in text for f in (*fields[1], *fields[2]))
    block = _blocks(text, "csv")[0]
    rows = list(csv.DictReader(block.splitlines()))
    assert len(rows) == 4


def test_meta_csv_example_gives_the_seed_yaml_effects(tmp_path):
    from laktasi.meta.inputs import read_studies

    path = tmp_path / "studies.csv"
    path.write_text(_blocks((DOCS / "meta-csv.md").read_text(encoding="utf-8"), "csv")[0],
                    encoding="utf-8")
    from_csv = read_studies(path)
    from_yaml = read_studies(ROOT / "src" / "laktasi" / "datasets" / "meta" / "seeds.yaml")
    assert [round(s["yi"], 12) for s in from_csv] == [round(s["yi"], 12) for s in from_yaml]
    assert [round(s["vi"], 12) for s in from_csv] == [round(s["vi"], 12) for s in from_yaml]


def test_audit_file_examples_follow_the_format():
    from laktasi.audit.schema import ITEM_FIELDS, TEST_NAMES, validate

    text = (DOCS / "audit-file.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in _blocks(text, "yaml")]
    items = [i for b in blocks if isinstance(b, list) for i in b]
    assert sorted({i["kind"] for i in items}) == sorted(ITEM_FIELDS)
    design = "nonequivalent-control-pretest-posttest"
    validate({"study": {"design": design}, "items": items}, "docs/audit-file.md")
    for kind, fields in ITEM_FIELDS.items():
        assert f"`{kind}`" in text and all(f"`{f}`" in text for f in fields), kind
    assert all(f"`{t}`" in text for t in TEST_NAMES)
