"""``laktasi power ...``: sample size (analytic) and power (simulation) on the command line.

Thin: options -> laktasi.power -> words from laktasi.i18n.power -> Rich.
Registered on the main app with ``register(app)``.
"""

from __future__ import annotations

from pathlib import Path

import typer

from laktasi.errors import LaktasiError

from ._common import (
    FORCE_HELP,
    LANG_HELP,
    check_lang,
    fail,
    refuse_existing,
    say,
    stdout,
    stop,
    write_file,
)

__all__ = ["register"]

_LANG = typer.Option("id", "--lang", help=LANG_HELP)
_POWER = typer.Option(0.8, "--power", help="Power yang dituju, mis. 0.8.")
_ALPHA = typer.Option(0.05, "--alpha", help="Tingkat kemaknaan (alfa).")
_ALT = typer.Option("two-sided", "--alternative", help="two-sided (dua sisi) atau one-sided (satu sisi).")
_DROPOUT = typer.Option(0.0, "--dropout", help="Perkiraan drop out, mis. 0.1 untuk 10 %.")
_PARENT = typer.Option("normal", "--parent", help="Distribusi induk untuk metode A.R.E.: "
                       "normal, laplace, logistic atau min.")


def _show_plan(plan, lang: str) -> None:
    from rich.table import Table

    from laktasi.i18n.numbers import fmt_number
    from laktasi.i18n.power import justification, labels, test_name

    words = labels(check_lang(lang))
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
    table.add_row(words["achieved"], fmt_number(plan.power, 4, lang))
    if plan.actual_alpha is not None:
        table.add_row(words["actual_alpha"], fmt_number(plan.actual_alpha, 4, lang))
    table.add_row(words["method"], plan.method)
    stdout().print(table)
    stdout().print(justification(plan, lang), highlight=False, soft_wrap=True)


def _model(test: str, model: str, effect: float, spread: float, ratio: float, levels: int,
           p1: float | None, p2: float | None, pre_mean: float, lang: str):
    from laktasi import power as pw

    paired = test in pw.PAIRED_TESTS
    if test in ("mcnemar", "mcnemar-spss", "chi-square", "chi-square-corrected", "fisher"):
        model = "binary"
    if model == "binary":
        if p1 is None or p2 is None:
            stop(say("binary_needs", lang))
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
        stop(say("bad_model", lang, value=model))
    return makers[model]()


def register(app: typer.Typer) -> None:
    """Add the ``power`` command group to ``app``."""
    power_app = typer.Typer(help="Besar sampel dan power.",
                            rich_markup_mode=None,
                            no_args_is_help=True)
    app.add_typer(power_app, name="power")

    @power_app.command("paired-t")
    def paired_t(dz: float = typer.Option(..., "--dz", help="Perubahan rerata terstandar d_z."),
                 power: float = _POWER, alpha: float = _ALPHA, alternative: str = _ALT,
                 dropout: float = _DROPOUT, lang: str = _LANG) -> None:
        """Jumlah pasangan untuk uji t berpasangan (t nonsentral, seperti G*Power)."""
        from laktasi.power import paired_t_n
        try:
            _show_plan(paired_t_n(dz, power, alpha, alternative, dropout), lang)
        except LaktasiError as exc:
            fail(exc)

    @power_app.command("two-sample-t")
    def two_sample_t(d: float = typer.Option(..., "--d", help="d Cohen."),
                     power: float = _POWER, alpha: float = _ALPHA, alternative: str = _ALT,
                     dropout: float = _DROPOUT, lang: str = _LANG) -> None:
        """Ibu per kelompok untuk uji t dua sampel (Student)."""
        from laktasi.power import two_sample_t_n
        try:
            _show_plan(two_sample_t_n(d, power, alpha, alternative, dropout), lang)
        except LaktasiError as exc:
            fail(exc)

    @power_app.command("wilcoxon")
    def wilcoxon(dz: float = typer.Option(..., "--dz", help="Perubahan rerata terstandar d_z."),
                 parent: str = _PARENT, power: float = _POWER, alpha: float = _ALPHA,
                 alternative: str = _ALT, dropout: float = _DROPOUT,
                 lang: str = _LANG) -> None:
        """Jumlah pasangan untuk uji Wilcoxon signed-rank (metode A.R.E., seperti G*Power)."""
        from laktasi.power import wilcoxon_n
        try:
            _show_plan(wilcoxon_n(dz, power, alpha, alternative, parent, dropout), lang)
        except LaktasiError as exc:
            fail(exc)

    @power_app.command("mann-whitney")
    def mann_whitney(d: float = typer.Option(..., "--d", help="d Cohen."),
                     parent: str = _PARENT, power: float = _POWER, alpha: float = _ALPHA,
                     alternative: str = _ALT, dropout: float = _DROPOUT,
                     lang: str = _LANG) -> None:
        """Ibu per kelompok untuk uji Mann-Whitney (metode A.R.E., seperti G*Power)."""
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
                                                 help="Rasio odds G*Power: p_improve / "
                                                 "p_worsen (dengan --p-discordant)."),
                p_discordant: float = typer.Option(None, "--p-discordant",
                                                   help="Proporsi pasangan diskordan."),
                method: str = typer.Option("exact", "--method", help="exact (eksak) atau normal."),
                power: float = _POWER, alpha: float = _ALPHA, alternative: str = _ALT,
                dropout: float = _DROPOUT, lang: str = _LANG) -> None:
        """Jumlah pasangan untuk uji McNemar (eksak, seperti G*Power; atau pendekatan normal
        Connor)."""
        from laktasi.power import mcnemar_n
        if odds_ratio is not None and p_discordant is not None:
            p_improve = p_discordant * odds_ratio / (1 + odds_ratio)
            p_worsen = p_discordant - p_improve
        if p_improve is None or p_worsen is None:
            stop(say("mcnemar_needs", lang))
        try:
            _show_plan(mcnemar_n(p_improve, p_worsen, power, alpha, alternative, method,
                                 dropout), lang)
        except LaktasiError as exc:
            fail(exc)

    @power_app.command("two-proportions")
    def two_proportions(p1: float = typer.Option(..., "--p1", help="Proporsi (mis. lancar) pada "
                                                 "kelompok intervensi."),
                        p2: float = typer.Option(..., "--p2", help="... pada kelompok kontrol."),
                        method: str = typer.Option("normal", "--method", help="normal, "
                                                   "normal-cc, fisher, chi-square atau "
                                                   "chi-square-corrected."),
                        power: float = _POWER, alpha: float = _ALPHA, alternative: str = _ALT,
                        dropout: float = _DROPOUT, lang: str = _LANG) -> None:
        """Ibu per kelompok untuk membandingkan dua proporsi."""
        from laktasi.power import two_proportions_n
        try:
            _show_plan(two_proportions_n(p1, p2, power, alpha, alternative, method, dropout),
                       lang)
        except LaktasiError as exc:
            fail(exc)

    _test = typer.Option("wilcoxon", "--test", help="Satu kelompok: wilcoxon, paired-t, "
                         "mcnemar, mcnemar-spss. Dua kelompok: mann-whitney, two-sample-t, "
                         "welch-t, two-sample-t-auto, chi-square, chi-square-corrected, "
                         "fisher.")
    _modelopt = typer.Option("counts", "--model", help="normal, counts (menyusui/hari), "
                             "ordinal (skor), milk (cc, gamma, 0,1 cc) atau binary.")
    _effect = typer.Option(1.0, "--effect", help="normal: d_z atau d; counts: rerata "
                           "perubahan; ordinal: pergeseran laten dalam SD.")
    _spread = typer.Option(1.5, "--spread", help="counts: SD perubahan.")
    _ratio = typer.Option(1.3, "--ratio", help="milk: rerata sesudah / sebelum (atau "
                          "intervensi / kontrol).")
    _levels = typer.Option(5, "--levels", help="ordinal: jumlah tingkat skor.")
    _p1 = typer.Option(None, "--p1", help="binary: P(membaik) (satu kelompok) atau p "
                       "lancar pada kelompok intervensi.")
    _p2 = typer.Option(None, "--p2", help="binary: P(memburuk) (satu kelompok) atau p "
                       "lancar pada kelompok kontrol.")
    _pre_mean = typer.Option(8.0, "--pre-mean", help="milk: rerata volume sebelum (kontrol), cc.")
    _sims = typer.Option(20_000, "--sims", help="Jumlah studi simulasi.")
    _seed = typer.Option(0, "--seed", help="Benih acak.")
    _backend = typer.Option("numpy", "--backend", help="numpy, atau cupy (GPU, opsional).")

    @power_app.command("simulate")
    def simulate(n: int = typer.Option(30, "--n", help="Jumlah pasangan, atau ibu per kelompok."),
                 test: str = _test, model: str = _modelopt, effect: float = _effect,
                 spread: float = _spread, ratio: float = _ratio, levels: int = _levels,
                 p1: float = _p1, p2: float = _p2, pre_mean: float = _pre_mean,
                 sims: int = _sims, alpha: float = _ALPHA, seed: int = _seed,
                 backend: str = _backend, lang: str = _LANG) -> None:
        """Power Monte-Carlo untuk desain x uji dengan data realistis (ties, miring, biner)."""
        from rich.progress import Progress

        from laktasi.i18n import text
        from laktasi.i18n.numbers import fmt_number, fmt_thousands
        from laktasi.i18n.power import labels, simulation_justification
        from laktasi.power import simulate_power

        check_lang(lang)
        try:
            data = _model(test, model, effect, spread, ratio, levels, p1, p2, pre_mean, lang)
            with Progress(console=stdout(), transient=True) as bar:
                task = bar.add_task(text("cli", "simulating", lang), total=sims)
                est = simulate_power(n, data, test, sims=sims, alpha=alpha, seed=seed,
                                     backend=backend,
                                     progress=lambda done: bar.update(task, completed=done))
        except LaktasiError as exc:
            fail(exc)
        words = labels(lang)
        stdout().print(f"power = {fmt_number(est.power, 4, lang)} "
                       f"({words['se']} {fmt_number(est.se, 4, lang)}; "
                       f"{fmt_thousands(sims, lang)} {words['sims']}, "
                       f"{words['seed']} {seed})", highlight=False)
        stdout().print(simulation_justification(est, data.params, lang), highlight=False,
                      soft_wrap=True)

    @power_app.command("curve")
    def curve(n_from: int = typer.Option(10, "--from", help="Besar sampel terkecil."),
              n_to: int = typer.Option(50, "--to", help="Besar sampel terbesar."),
              step: int = typer.Option(5, "--step", help="Langkah besar sampel."), test: str = _test,
              model: str = _modelopt, effect: float = _effect, spread: float = _spread,
              ratio: float = _ratio, levels: int = _levels, p1: float = _p1, p2: float = _p2,
              pre_mean: float = _pre_mean, sims: int = _sims, alpha: float = _ALPHA,
              seed: int = _seed, backend: str = _backend,
              target: float = typer.Option(0.8, "--target", help="Garis power yang dituju."),
              plot: Path = typer.Option(None, "--plot", help="Tulis kurva (.png atau .svg)."),
              force: bool = typer.Option(False, "--force", help=FORCE_HELP),
              lang: str = _LANG) -> None:
        """Power menurut besar sampel (simulasi); bisa dengan grafik (berkas yang sudah ada
        tidak ditimpa tanpa --force)."""
        from rich.progress import Progress
        from rich.table import Table

        from laktasi.i18n import text
        from laktasi.i18n.numbers import fmt_number
        from laktasi.i18n.power import labels, test_name
        from laktasi.power import power_curve
        from laktasi.report.plots import power_curve_plot

        check_lang(lang)
        refuse_existing([plot], lang, force=force)
        if step <= 0 or n_from > n_to:
            stop(say("bad_range", lang, start=n_from, stop=n_to, step=step))
        try:
            data = _model(test, model, effect, spread, ratio, levels, p1, p2, pre_mean, lang)
            ns = list(range(n_from, n_to + 1, step))
            with Progress(console=stdout(), transient=True) as bar:
                task = bar.add_task(text("cli", "simulating", lang), total=sims * len(ns))
                res = power_curve(ns, data, test, sims=sims, alpha=alpha, seed=seed,
                                  backend=backend,
                                  progress=lambda done: bar.update(task, completed=done))
        except LaktasiError as exc:
            fail(exc)
        words = labels(lang)
        table = Table(title=f"{words['title_curve']}: {test_name(test, lang)}",
                      title_justify="left")
        for col in (words["n"], words["power"], words["se"]):
            table.add_column(col, justify="right")
        for c in res:
            table.add_row(str(c.n), fmt_number(c.power, 3, lang), fmt_number(c.se, 3, lang))
        stdout().print(table)
        if plot:
            png, svg = power_curve_plot(res, xlabel=words["n_axis"], ylabel=words["power_axis"],
                                        target=target, lang=lang)
            write_file(plot, svg if plot.suffix.lower() == ".svg" else png, lang, force=force)
            stdout().print(str(plot), highlight=False)
