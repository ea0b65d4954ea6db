"""The whole analysis (one result object), the example from the seed papers, the plots and
the ``meta`` command registered on a Typer app."""

import json

import pytest
import typer
from typer.testing import CliRunner

from laktasi.cli.meta import register
from laktasi.errors import LaktasiInputError
from laktasi.meta import (
    example_analysis,
    example_rows,
    meta_analysis,
    rma,
    studies_from_rows,
)


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """laktasi (test app)"""

    register(app)
    return app


def test_example_states_every_assumption():
    rows = example_rows()
    assert len(rows) >= 4
    for row in rows:  # every effect says how it was derived and what r was assumed and why
        assert row["formula"] and row["r_source"], row["label"]


def test_effects_the_example_does_not_pool():
    import yaml

    from laktasi.meta import effect_for
    from laktasi.meta.example import EXAMPLE_PATH

    rows = yaml.safe_load(EXAMPLE_PATH.read_text(encoding="utf-8"))["not_pooled"]
    blooto, bengkulu = (effect_for(r) for r in rows)
    # > escalc("MPORC", ai = 6, bi = 18, ci = 0, di = 4)  -> 3.6109179126442243 2.0540540540540539
    assert blooto.corrected and blooto.yi == pytest.approx(3.6109179126442243, rel=1e-12)
    assert blooto.vi == pytest.approx(2.0540540540540539, rel=1e-12)
    # > escalc("SMD", m1i = 2.75, sd1i = 2.28, n1i = 15, m2i = 1.59, sd2i = 1.39, n2i = 15)
    # ->  0.59771689812871687 0.13928775817181024
    assert bengkulu.yi == pytest.approx(0.59771689812871687, rel=1e-12)
    assert bengkulu.vi == pytest.approx(0.13928775817181024, rel=1e-12)
    assert all(r["assumption"] for r in rows)


def test_example_analysis_is_one_serialisable_result():
    res = example_analysis()
    # pooled equals the model on the same yi, vi
    # > rma(yi, vi, method = "REML")   (checked against metafor in test_metafor_golden.py)
    direct = rma([s.yi for s in res.studies], [s.vi for s in res.studies], method="REML")
    assert res.model.estimate == direct.estimate and res.model.k == 4
    assert res.subgroups is not None and set(res.subgroups.groups) == {"one-group",
                                                                       "nonequivalent"}
    assert res.correlation.r == (0.3, 0.5, 0.7)
    assert "egger_k<10" in res.notes
    data = json.loads(json.dumps(res.to_dict()))
    assert data["model"]["method"] == "REML" and len(data["studies"]) == 4


def test_mixed_scales_are_refused():
    rows = studies_from_rows([
        {"label": "A", "measure": "SMD", "m1": 3, "sd1": 1, "n1": 10, "m2": 2, "sd2": 1, "n2": 10},
        {"label": "B", "measure": "OR", "a": 5, "b": 5, "c": 2, "d": 8},
    ])
    with pytest.raises(LaktasiInputError, match="different scales"):
        meta_analysis(rows)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_meta_example_command_writes_forest_and_funnel(tmp_path, lang):
    out = tmp_path / "forest.png"
    res = CliRunner().invoke(_app(), ["meta", "--example", "--lang", lang, "--method", "DL",
                                      "--hksj", "--plot", str(out), "--json",
                                      str(tmp_path / "r.json")])
    assert res.exit_code == 0, res.output
    assert out.read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "forest.svg").read_text().lstrip().startswith("<?xml")
    assert (tmp_path / "forest-funnel.png").read_bytes().startswith(b"\x89PNG")
    assert "Bengkulu" in res.output and "SMCR" in res.output
    pooled = {"id": "Gabungan", "en": "Pooled"}[lang]
    assert pooled in res.output and "Hartung-Knapp" in res.output
    assert json.loads((tmp_path / "r.json").read_text())["model"]["test"] == "knha"


def test_meta_command_on_a_file_and_its_errors(tmp_path):
    p = tmp_path / "s.csv"
    p.write_text("label,measure,a,b,c,d,design\nA,OR,12,3,6,9,RCT\nB,OR,8,7,4,11,RCT\n"
                 "C,OR,0,10,3,7,quasi\nD,OR,9,6,9,6,quasi\n", encoding="utf-8")
    res = CliRunner().invoke(_app(), ["meta", str(p), "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert "1/2 added to every cell" in " ".join(res.output.split())  # study C has a zero cell
    bad = CliRunner().invoke(_app(), ["meta", str(p), "--method", "XX"])
    assert bad.exit_code == 2 and "pilih salah satu dari 'FE'" in bad.output  # Indonesian
    none = CliRunner().invoke(_app(), ["meta"])
    assert none.exit_code == 2


def test_r_replaces_the_assumed_correlation_of_paired_studies_in_a_file(tmp_path):
    from laktasi.meta import read_studies
    from laktasi.meta.effects import smd_change_raw

    p = tmp_path / "s.yaml"
    p.write_text("measure: SMCR\nstudies:\n"
                 "  - {label: A, m_pre: 5.47, m_post: 11.33, sd_pre: 0.915, n: 15, r: 0.2}\n"
                 "  - {label: B, m_pre: 0.62, m_post: 1.59, sd_pre: 0.70, n: 15, r: 0.6}\n"
                 "  - {label: C, measure: SMD, m1: 3, sd1: 1, n1: 10, m2: 2, sd2: 1, n2: 10}\n",
                 encoding="utf-8")
    own = read_studies(p)
    fixed = read_studies(p, r=0.5)
    assert [s["r"] for s in fixed[:2]] == [0.5, 0.5] and "r" not in fixed[2]
    assert fixed[0]["vi"] == pytest.approx(smd_change_raw(11.33, 5.47, 0.915, 15, 0.5).vi, rel=1e-15)
    assert own[0]["vi"] != fixed[0]["vi"] and own[2]["vi"] == fixed[2]["vi"]
    with pytest.raises(LaktasiInputError, match="between -1 and 1"):
        read_studies(p, r=1.0)
