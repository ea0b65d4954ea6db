"""The ``power`` command group, registered on a fresh Typer app (as laktasi.cli does).

Expected numbers: paired t N = 54 ([R] power.t.test(delta = .5, power = .95, type =
"paired") -> 53.94); McNemar example from the G*Power manual via the Spower vignette, see
test_analytic.py.
"""

import typer
from typer.testing import CliRunner

from laktasi.cli.power import register

runner = CliRunner()


def _app():
    app = typer.Typer()
    register(app)

    @app.command()
    def version() -> None:  # a second command so that "power" stays a group
        pass

    return app


def test_paired_t_command_prints_n_and_justification():
    res = runner.invoke(_app(), ["power", "paired-t", "--dz", "0.5", "--power", "0.95",
                                 "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert "54" in res.output and "G*Power 3.1" in res.output and "noncentral t" in res.output
    res = runner.invoke(_app(), ["power", "paired-t", "--dz", "0.5", "--dropout", "0.1"])
    assert "38 responden" in res.output and "drop out 10%" in res.output


def test_other_analytic_commands():
    app = _app()
    for args, text in (
        (["wilcoxon", "--dz", "0.5", "--parent", "laplace"], "Laplace"),
        (["mann-whitney", "--d", "0.5"], "A.R.E."),
        (["two-sample-t", "--d", "0.5", "--lang", "en"], "per group"),
        (["mcnemar", "--odds-ratio", "4", "--p-discordant", "0.4"], "rasio odds 4"),
        (["two-proportions", "--p1", "0.3", "--p2", "0.6", "--method", "fisher"], "Fisher"),
    ):
        res = runner.invoke(app, ["power", *args])
        assert res.exit_code == 0, res.output
        assert text in res.output


def test_simulate_and_curve_commands(tmp_path):
    app = _app()
    res = runner.invoke(app, ["power", "simulate", "--n", "15", "--model", "milk",
                              "--sims", "2000", "--lang", "en"])
    assert res.exit_code == 0 and "power = " in res.output and "0.1 cc" in res.output
    res = runner.invoke(app, ["power", "simulate", "--test", "fisher", "--p1", "0.8",
                              "--p2", "0.4", "--sims", "2000"])
    assert res.exit_code == 0 and "Fisher" in res.output
    out = tmp_path / "curve.png"
    res = runner.invoke(app, ["power", "curve", "--from", "10", "--to", "20", "--step", "10",
                              "--sims", "1000", "--plot", str(out)])
    assert res.exit_code == 0 and out.read_bytes().startswith(b"\x89PNG")


def test_bad_options_exit_2_with_a_message():
    res = runner.invoke(_app(), ["power", "simulate", "--test", "fisher", "--sims", "10"])
    assert res.exit_code == 2
    res = runner.invoke(_app(), ["power", "wilcoxon", "--dz", "0.5", "--parent", "gamma"])
    assert res.exit_code == 2
