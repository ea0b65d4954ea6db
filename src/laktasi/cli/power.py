"""``laktasi power ...``: sample size (analytic) and power (simulation) on the command line.

Thin: options -> laktasi.power -> words from laktasi.report.words_power -> Rich.
Registered on the main app with ``register(app)``.
"""

from __future__ import annotations

from pathlib import Path

import typer

from laktasi.errors import LaktasiError

from ._common import fail, stderr, stdout

__all__ = ["register"]

_LANG = typer.Option("id", "--lang", help="id (Indonesian) or en (English).")
_POWER = typer.Option(0.8, "--power", help="Target power, e.g. 0.8.")
_ALPHA = typer.Option(0.05, "--alpha", help="Significance level.")
_ALT = typer.Option("two-sided", "--alternative", help="two-sided or one-sided.")
_DROPOUT = typer.Option(0.0, "--dropout", help="Expected dropout, e.g. 0.1 for 10 %.")
_PARENT = typer.Option("normal", "--parent", help="Parent distribution for the A.R.E. "
                       "method: normal, laplace, logistic or min.")


def _show_plan(plan, lang: str) -> None:
    from rich.table import Table

    from laktasi.report.words_power import LABELS, justification, test_name

    words = LABELS[lang]
    table = Table(title=f"{words['title_n']}: {test_name(plan.test, lang)}",
                  title_justify="left", show_header=False)
    table.add_column(justify="left")
    table.add_column(justify="right")
    paired = plan.n == plan.n_total
    table.add_row(words["n"] + (f" ({words['pairs']})" if paired else f" ({words['per_group']})"),
                  str(plan.n))
    if not paired:
        table.add_row(words["total"], str(plan.n_total))
    table.add_row(words["recruit"], str(plan.n_enrol))
    table.add_row(words["achieved"], f"{plan.power:.4f}")
    if plan.actual_alpha is not None:
        table.add_row(words["actual_alpha"], f"{plan.actual_alpha:.4f}")
    table.add_row(words["method"], plan.method)
    stdout().print(table)
    stdout().print(justification(plan, lang), highlight=False, soft_wrap=True)


def _model(test: str, model: str, effect: float, spread: float, ratio: float, levels: int,
           p1: float | None, p2: float | None, pre_mean: float):
    from laktasi import power as pw

    paired = test in pw.PAIRED_TESTS
    if test in ("mcnemar", "mcnemar-spss", "chi-square", "chi-square-corrected", "fisher"):
        model = "binary"
    if model == "binary":
        if p1 is None or p2 is None:
            raise LaktasiError("Binary data need --p1 and --p2 (paired: P(tidak lancar -> "
                               "lancar) and P(lancar -> tidak lancar); two groups: the "
                               "proportions lancar in the intervention and control group).")
        return pw.binary_pairs(p1, p2) if paired else pw.binary_groups(p1, p2)
    makers = {
        "normal": (lambda: pw.normal_differences(effect)) if paired
        else (lambda: pw.normal_groups(effect)),
        "counts": (lambda: pw.integer_counts(effect=effect, spread=spread)) if paired
        else (lambda: pw.two_group_counts(effect=effect, spread=spread)),
        "ordinal": (lambda: pw.ordinal_scores(levels=levels, effect=effect)) if paired
        else (lambda: pw.ordinal_groups(levels=levels, effect=effect)),
        "milk": (lambda: pw.milk_volume(pre_mean=pre_mean, ratio=ratio)) if paired
        else (lambda: pw.milk_volume_groups(control_mean=pre_mean, ratio_means=ratio)),
    }
    if model not in makers:
        raise LaktasiError(f"--model {model!r}: choose normal, counts, ordinal, milk or binary.")
    return makers[model]()


def register(app: typer.Typer) -> None:
    """Add the ``power`` command group to ``app``."""
    power_app = typer.Typer(help="Besar sampel dan power (sample size and power).",
                            rich_markup_mode=None,
                            no_args_is_help=True)
    app.add_typer(power_app, name="power")

    @power_app.command("paired-t")
    def paired_t(dz: float = typer.Option(..., "--dz", help="Standardised mean change d_z."),
                 power: float = _POWER, alpha: float = _ALPHA, alternative: str = _ALT,
                 dropout: float = _DROPOUT, lang: str = _LANG) -> None:
        """Pairs for the paired t test (noncentral t, as G*Power)."""
        from laktasi.power import paired_t_n
        try:
            _show_plan(paired_t_n(dz, power, alpha, alternative, dropout), lang)
        except LaktasiError as exc:
            fail(exc)

    @power_app.command("two-sample-t")
    def two_sample_t(d: float = typer.Option(..., "--d", help="Cohen's d."),
                     power: float = _POWER, alpha: float = _ALPHA, alternative: str = _ALT,
                     dropout: float = _DROPOUT, lang: str = _LANG) -> None:
        """Mothers per group for Student's two-sample t test."""
        from laktasi.power import two_sample_t_n
        try:
            _show_plan(two_sample_t_n(d, power, alpha, alternative, dropout), lang)
        except LaktasiError as exc:
            fail(exc)

    @power_app.command("wilcoxon")
    def wilcoxon(dz: float = typer.Option(..., "--dz", help="Standardised mean change d_z."),
                 parent: str = _PARENT, power: float = _POWER, alpha: float = _ALPHA,
                 alternative: str = _ALT, dropout: float = _DROPOUT,
                 lang: str = _LANG) -> None:
        """Pairs for the Wilcoxon signed-rank test (A.R.E. method, as G*Power)."""
        from laktasi.power import wilcoxon_n
        try:
            _show_plan(wilcoxon_n(dz, power, alpha, alternative, parent, dropout), lang)
        except LaktasiError as exc:
            fail(exc)

    @power_app.command("mann-whitney")
    def mann_whitney(d: float = typer.Option(..., "--d", help="Cohen's d."),
                     parent: str = _PARENT, power: float = _POWER, alpha: float = _ALPHA,
                     alternative: str = _ALT, dropout: float = _DROPOUT,
                     lang: str = _LANG) -> None:
        """Mothers per group for the Mann-Whitney test (A.R.E. method, as G*Power)."""
        from laktasi.power import mann_whitney_n
        try:
            _show_plan(mann_whitney_n(d, power, alpha, alternative, parent, dropout), lang)
        except LaktasiError as exc:
            fail(exc)

    @power_app.command("mcnemar")
    def mcnemar(p_improve: float = typer.Option(None, "--p-improve",
                                                help="P(tidak lancar -> lancar)."),
                p_worsen: float = typer.Option(None, "--p-worsen",
                                               help="P(lancar -> tidak lancar)."),
                odds_ratio: float = typer.Option(None, "--odds-ratio",
                                                 help="G*Power's odds ratio p_improve / "
                                                 "p_worsen (with --p-discordant)."),
                p_discordant: float = typer.Option(None, "--p-discordant",
                                                   help="Proportion of discordant pairs."),
                method: str = typer.Option("exact", "--method", help="exact or normal."),
                power: float = _POWER, alpha: float = _ALPHA, alternative: str = _ALT,
                dropout: float = _DROPOUT, lang: str = _LANG) -> None:
        """Pairs for McNemar's test (exact, as G*Power; or Connor's normal approximation)."""
        from laktasi.power import mcnemar_n
        if odds_ratio is not None and p_discordant is not None:
            p_improve = p_discordant * odds_ratio / (1 + odds_ratio)
            p_worsen = p_discordant - p_improve
        if p_improve is None or p_worsen is None:
            stderr().print("[red]Give --p-improve and --p-worsen, or --odds-ratio and "
                      "--p-discordant.[/red]")
            raise typer.Exit(2)
        try:
            _show_plan(mcnemar_n(p_improve, p_worsen, power, alpha, alternative, method,
                                 dropout), lang)
        except LaktasiError as exc:
            fail(exc)

    @power_app.command("two-proportions")
    def two_proportions(p1: float = typer.Option(..., "--p1", help="Proportion (e.g. lancar) "
                                                 "in the intervention group."),
                        p2: float = typer.Option(..., "--p2", help="... in the control group."),
                        method: str = typer.Option("normal", "--method", help="normal, "
                                                   "normal-cc, fisher, chi-square or "
                                                   "chi-square-corrected."),
                        power: float = _POWER, alpha: float = _ALPHA, alternative: str = _ALT,
                        dropout: float = _DROPOUT, lang: str = _LANG) -> None:
        """Mothers per group to compare two proportions."""
        from laktasi.power import two_proportions_n
        try:
            _show_plan(two_proportions_n(p1, p2, power, alpha, alternative, method, dropout),
                       lang)
        except LaktasiError as exc:
            fail(exc)

    _test = typer.Option("wilcoxon", "--test", help="One group: wilcoxon, paired-t, mcnemar, "
                         "mcnemar-spss. Two groups: mann-whitney, two-sample-t, welch-t, "
                         "two-sample-t-auto, chi-square, chi-square-corrected, fisher.")
    _modelopt = typer.Option("counts", "--model", help="normal, counts (feeds/day), ordinal "
                             "(scores), milk (cc, gamma, 0.1 cc) or binary.")
    _effect = typer.Option(1.0, "--effect", help="normal: d_z or d; counts: mean change; "
                           "ordinal: latent shift in SDs.")
    _spread = typer.Option(1.5, "--spread", help="counts: SD of the change.")
    _ratio = typer.Option(1.3, "--ratio", help="milk: mean post / pre (or intervention / "
                          "control).")
    _levels = typer.Option(5, "--levels", help="ordinal: number of score levels.")
    _p1 = typer.Option(None, "--p1", help="binary: P(improve) (one group) or p lancar in the "
                       "intervention group.")
    _p2 = typer.Option(None, "--p2", help="binary: P(worsen) (one group) or p lancar in the "
                       "control group.")
    _pre_mean = typer.Option(8.0, "--pre-mean", help="milk: mean pre (control) volume, cc.")
    _sims = typer.Option(20_000, "--sims", help="Simulated studies.")
    _seed = typer.Option(0, "--seed")
    _backend = typer.Option("numpy", "--backend", help="numpy, or cupy (optional GPU).")

    @power_app.command("simulate")
    def simulate(n: int = typer.Option(30, "--n", help="Pairs, or mothers per group."),
                 test: str = _test, model: str = _modelopt, effect: float = _effect,
                 spread: float = _spread, ratio: float = _ratio, levels: int = _levels,
                 p1: float = _p1, p2: float = _p2, pre_mean: float = _pre_mean,
                 sims: int = _sims, alpha: float = _ALPHA, seed: int = _seed,
                 backend: str = _backend, lang: str = _LANG) -> None:
        """Monte-Carlo power for a design x test with realistic data (ties, skew, binary)."""
        from rich.progress import Progress

        from laktasi.power import simulate_power
        from laktasi.report.numbers import check_lang
        from laktasi.report.words_power import simulation_justification

        try:
            check_lang(lang)
            data = _model(test, model, effect, spread, ratio, levels, p1, p2, pre_mean)
            with Progress(console=stdout(), transient=True) as bar:
                task = bar.add_task("simulasi" if lang == "id" else "simulating", total=sims)
                est = simulate_power(n, data, test, sims=sims, alpha=alpha, seed=seed,
                                     backend=backend,
                                     progress=lambda done: bar.update(task, completed=done))
        except LaktasiError as exc:
            fail(exc)
        stdout().print(f"power = {est.power:.4f} (SE {est.se:.4f}; {sims:,} simulations, "
                      f"seed {seed})", highlight=False)
        stdout().print(simulation_justification(est, data.params, lang), highlight=False,
                      soft_wrap=True)

    @power_app.command("curve")
    def curve(n_from: int = typer.Option(10, "--from"), n_to: int = typer.Option(50, "--to"),
              step: int = typer.Option(5, "--step"), test: str = _test,
              model: str = _modelopt, effect: float = _effect, spread: float = _spread,
              ratio: float = _ratio, levels: int = _levels, p1: float = _p1, p2: float = _p2,
              pre_mean: float = _pre_mean, sims: int = _sims, alpha: float = _ALPHA,
              seed: int = _seed, backend: str = _backend,
              target: float = typer.Option(0.8, "--target", help="Target power line."),
              plot: Path = typer.Option(None, "--plot", help="Write the curve (.png or .svg)."),
              lang: str = _LANG) -> None:
        """Power against sample size by simulation; optionally a plot."""
        from rich.progress import Progress
        from rich.table import Table

        from laktasi.power import power_curve, power_curve_plot
        from laktasi.report.numbers import check_lang
        from laktasi.report.words_power import LABELS, test_name

        try:
            check_lang(lang)
            data = _model(test, model, effect, spread, ratio, levels, p1, p2, pre_mean)
            ns = list(range(n_from, n_to + 1, step))
            with Progress(console=stdout(), transient=True) as bar:
                task = bar.add_task("simulasi" if lang == "id" else "simulating",
                                    total=sims * len(ns))
                res = power_curve(ns, data, test, sims=sims, alpha=alpha, seed=seed,
                                  backend=backend,
                                  progress=lambda done: bar.update(task, completed=done))
        except LaktasiError as exc:
            fail(exc)
        words = LABELS[lang]
        table = Table(title=f"{words['title_curve']}: {test_name(test, lang)}",
                      title_justify="left")
        for col in (words["n"], words["power"], words["se"]):
            table.add_column(col, justify="right")
        for c in res:
            table.add_row(str(c.n), f"{c.power:.3f}", f"{c.se:.3f}")
        stdout().print(table)
        if plot:
            png, svg = power_curve_plot(res, xlabel=words["n_axis"], ylabel=words["power_axis"],
                                        target=target)
            plot.write_bytes(svg.encode() if plot.suffix == ".svg" else png)
            stdout().print(str(plot), highlight=False)
