"""``laktasi meta``: pool studies from a CSV/YAML file (or the seed-paper example) and print
the tables; optionally write the forest and funnel plots (PNG and SVG).

The lead wires it in with ``register(app)`` from ``laktasi.cli``; this module is thin:
read -> ``meta_analysis`` -> words (``report.words_meta``) -> Rich tables.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from laktasi.errors import LaktasiError

__all__ = ["register", "render"]


def render(res, lang: str, console: Console, *, hksj: bool = False) -> None:
    """Print a MetaAnalysis as Rich tables in ``lang``."""
    from laktasi.report.words_meta import (
        MEASURE_NAMES,
        meta_say,
        model_line,
        num,
        p_text,
    )

    m = res.model
    title = meta_say("title", lang, model=model_line(m.method, hksj, m.k, lang))
    table = Table(title=title, title_justify="left")
    for key in ("study", "design", "measure", "effect", "ci", "weight", "r"):
        table.add_column(meta_say(key, lang), justify="left" if key in ("study", "design",
                                                                         "measure") else "right",
                         overflow="fold")
    for s in res.studies:
        table.add_row(s.label, s.design or "", s.measure, num(s.yi, lang), f"{num(s.ci.low, lang)}"
                      f"; {num(s.ci.high, lang)}", num(s.weight, lang, 1),
                      "" if s.r is None else num(s.r, lang))
    table.add_row(f"[bold]{meta_say('pooled', lang)}[/bold]", "", "",
                  f"[bold]{num(m.estimate, lang)}[/bold]",
                  f"{num(m.ci.low, lang)}; {num(m.ci.high, lang)}", num(100.0, lang, 1), "")
    console.print(table)
    stat = "t" if m.test == "knha" else "z"
    console.print(meta_say("pooled_line", lang, est=num(m.estimate, lang), lo=num(m.ci.low, lang),
                           hi=num(m.ci.high, lang), stat=stat, z=num(m.statistic, lang),
                           p=p_text(m.pvalue, lang)))
    if m.pi is not None:
        console.print(meta_say("pi_line", lang, lo=num(m.pi.low, lang), hi=num(m.pi.high, lang)))
    h = res.heterogeneity
    console.print(meta_say("het_line", lang, q=num(m.q, lang), df=m.q_df, p=p_text(m.q_pvalue, lang),
                           tau2=num(m.tau2, lang, 3), t_lo=num(h.tau2.low, lang, 3),
                           t_hi=num(h.tau2.high, lang, 3), i2=num(m.i2, lang, 1),
                           i_lo=num(h.i2.low, lang, 1), i_hi=num(h.i2.high, lang, 1),
                           h2=num(m.h2, lang)))
    if res.leave_one_out:
        loo = Table(title=meta_say("loo_title", lang), title_justify="left")
        for col in ("omitted", "effect", "ci", "r"):
            loo.add_column("τ²" if col == "r" else meta_say(col, lang),
                           justify="left" if col == "omitted" else "right")
        for s, r in zip(res.studies, res.leave_one_out, strict=True):
            loo.add_row(s.label, num(r.estimate, lang), f"{num(r.ci.low, lang)}; "
                        f"{num(r.ci.high, lang)}", num(r.tau2, lang, 3))
        console.print(loo)
    if res.subgroups is not None:
        sg = res.subgroups
        sub = Table(title=meta_say("sub_title", lang, what=meta_say("design", lang).lower()),
                    title_justify="left")
        for col in ("design", "effect", "ci"):
            sub.add_column(meta_say(col, lang), justify="left" if col == "design" else "right")
        sub.add_column("k", justify="right")
        for g, r in sg.groups.items():
            sub.add_row(g, num(r.estimate, lang), f"{num(r.ci.low, lang)}; {num(r.ci.high, lang)}",
                        str(r.k))
        console.print(sub)
        mod = sg.moderator
        console.print(meta_say("sub_line", lang, q=num(sg.q_between, lang), df=sg.df,
                               p=p_text(sg.pvalue, lang),
                               qm=num(mod.qm, lang) if mod else "–",
                               qm_df=mod.qm_df if mod else "–",
                               qm_p=p_text(mod.qm_pvalue, lang) if mod else "–"))
    if res.egger is not None:
        e = res.egger
        console.print(meta_say("egger_line", lang, t=num(e.statistic, lang), df=e.df,
                               p=p_text(e.pvalue, lang)))
        if "egger_k<10" in res.notes:
            console.print(meta_say("egger_few", lang))
    if res.trim_and_fill is not None:
        tf = res.trim_and_fill
        r = tf.result
        console.print(meta_say("tf_line", lang, k0=tf.k0, side=meta_say(f"side_{tf.side}", lang),
                               est=num(r.estimate, lang), lo=num(r.ci.low, lang),
                               hi=num(r.ci.high, lang)))
    if res.correlation is not None:
        c = res.correlation
        rt = Table(title=meta_say("r_title", lang), title_justify="left")
        for col in ("r", "effect", "ci"):
            rt.add_column(meta_say(col, lang), justify="right")
        rt.add_column("τ²", justify="right")
        for rr, r in zip(c.r, c.results, strict=True):
            rt.add_row(num(rr, lang, 1), num(r.estimate, lang),
                       f"{num(r.ci.low, lang)}; {num(r.ci.high, lang)}", num(r.tau2, lang, 3))
        console.print(rt)
    console.print(f"[bold]{meta_say('assumptions', lang)}[/bold]")
    for s in res.studies:
        extra = [MEASURE_NAMES[lang].get(s.measure, s.measure), s.formula]
        if s.r is not None:
            extra.append(f"r = {num(s.r, lang)}")
        if s.assumption:
            extra.append(s.assumption)
        if s.corrected:
            extra.append(meta_say("corrected", lang))
        console.print(f"- {s.label}: " + "; ".join(extra), soft_wrap=True)


def write_plots(res, out: Path, lang: str) -> list[Path]:
    """Forest plot to OUT (.png or .svg) and its twin in the other format, funnel plot to
    OUT-funnel.png/.svg; returns the paths written."""
    from laktasi.report.words_meta import SCALE_LABELS, meta_say

    from .plots import forest_plot, funnel_plot

    xlabel = SCALE_LABELS[lang].get(res.scale, res.scale)
    labels = [s.label for s in res.studies]
    yi = [s.yi for s in res.studies]
    vi = [s.vi for s in res.studies]
    m = res.model
    png, svg = forest_plot(labels, yi, vi, m, xlabel=xlabel,
                           pooled_label=f"{meta_say('pooled', lang)} ({m.method})",
                           pi_label=meta_say("pi", lang), study_header=meta_say("study", lang),
                           effect_header=f"{meta_say('effect', lang)} [{meta_say('ci', lang)}]",
                           weight_header=meta_say("weight", lang), lang=lang)
    tf = res.trim_and_fill
    fpng, fsvg = funnel_plot(yi, vi, m, xlabel=xlabel, ylabel=meta_say("funnel_y", lang),
                             filled_yi=tf.filled_yi if tf else (),
                             filled_vi=tf.filled_vi if tf else ())
    stem = out.with_suffix("")
    written = []
    for path, content in ((stem.with_suffix(".png"), png), (stem.with_suffix(".svg"), svg),
                          (Path(f"{stem}-funnel.png"), fpng), (Path(f"{stem}-funnel.svg"), fsvg)):
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        written.append(path)
    return written


def register(app: typer.Typer) -> None:
    """Add the ``meta`` command to ``app``."""

    @app.command("meta")
    def meta_command(
        studies: Path = typer.Argument(None, help="Studies (.csv or .yaml): label, measure and "
                                       "the printed summaries (see laktasi.meta.MEASURES)."),
        example: bool = typer.Option(False, "--example",
                                     help="Pool the example built from the seed papers."),
        method: str = typer.Option("REML", "--method", help="REML, DL, PM or FE."),
        hksj: bool = typer.Option(False, "--hksj", help="Hartung-Knapp-Sidik-Jonkman CI."),
        r: float = typer.Option(None, "--r", help="Replace every assumed pre-post r "
                                "(example only)."),
        lang: str = typer.Option("id", "--lang", help="id (Indonesian) or en (English)."),
        plot: Path = typer.Option(None, "--plot", help="Forest plot: writes OUT.png and "
                                  "OUT.svg, and the funnel plot OUT-funnel.png/.svg."),
        json_out: Path = typer.Option(None, "--json", help="Write the full result as JSON."),
    ) -> None:
        """Meta-analysis of studies from a file, or of the example from the seed papers."""
        import json

        from laktasi.report.numbers import check_lang
        from laktasi.report.words_meta import meta_say

        from .analysis import meta_analysis
        from .example import example_analysis
        from .inputs import read_studies

        console = Console()
        err = Console(stderr=True)
        if example == (studies is not None):
            err.print("[red]Give STUDIES.csv|yaml or --example (one of them).[/red]")
            raise typer.Exit(2)
        try:
            check_lang(lang)
            method_u = method.upper()
            if example:
                res = example_analysis(method_u, hksj, r)
            else:
                res = meta_analysis(read_studies(studies), method=method_u, hksj=hksj)
            render(res, lang, console, hksj=hksj)
            written = write_plots(res, plot, lang) if plot else []
            if json_out:
                json_out.write_text(json.dumps(res.to_dict(), ensure_ascii=False, indent=1),
                                    encoding="utf-8")
                written.append(json_out)
        except LaktasiError as exc:
            err.print(f"[red]{exc}[/red]")
            raise typer.Exit(1) from None
        if written:
            console.print(meta_say("written", lang, paths=", ".join(str(p) for p in written)))
