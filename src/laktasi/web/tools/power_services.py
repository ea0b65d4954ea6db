"""Besar sampel: the ``laktasi power`` commands as a form. The sample size comes from the
same analytic functions (laktasi.power), the paragraph from laktasi.i18n.power, the
curve from laktasi.power.power_curve (Monte Carlo) with the analytic power at each n."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language

__all__ = ["TESTS", "PowerResult", "power_plan"]

# page test -> the inputs it needs (form field names)
TESTS: dict[str, tuple[str, ...]] = {
    "wilcoxon": ("dz", "parent"),
    "paired-t": ("dz",),
    "mcnemar": ("p_improve", "p_worsen", "mcnemar_method"),
    "mann-whitney": ("d", "parent"),
    "two-sample-t": ("d",),
    "two-proportions": ("p1", "p2", "prop_method"),
}
# two-proportions method -> the simulated test with the same statistic
_SIM_PROP = {"normal": "chi-square", "normal-cc": "chi-square-corrected", "fisher": "fisher",
             "chi-square": "chi-square", "chi-square-corrected": "chi-square-corrected"}


@dataclass(frozen=True)
class PowerResult:
    plan: Any
    rows: list[tuple[str, str]]
    paragraph: str
    title: str
    curve_svg: str
    curve_note: str


def _lang() -> str:
    return (get_language() or "id").split("-")[0]


def power_plan(*, test: str, values: dict[str, Any], sims: int = 2000) -> PowerResult:
    """The sample size of ``test`` for the form's ``values``; raises LaktasiError with a
    message naming the input when it is out of range."""
    from laktasi import power as pw
    from laktasi.i18n.power import justification, labels, test_name
    from laktasi.report.plots import power_curve_plot

    lang = _lang()
    common = {"power": values["power"], "alpha": values["alpha"],
              "alternative": values["alternative"], "dropout": values["dropout"]}
    alpha, alt = values["alpha"], values["alternative"]
    if test == "paired-t":
        plan = pw.paired_t_n(values["dz"], **common)
        model, sim_test = pw.normal_differences(values["dz"]), "paired-t"
        def at(n: int) -> float: return pw.paired_t_power(n, values["dz"], alpha, alt)
    elif test == "wilcoxon":
        plan = pw.wilcoxon_n(values["dz"], parent=values["parent"], **common)
        model, sim_test = pw.normal_differences(values["dz"]), "wilcoxon"
        def at(n: int) -> float: return pw.wilcoxon_power(n, values["dz"], alpha, alt,
                                                          values["parent"])
    elif test == "two-sample-t":
        plan = pw.two_sample_t_n(values["d"], **common)
        model, sim_test = pw.normal_groups(values["d"]), "two-sample-t"
        def at(n: int) -> float: return pw.two_sample_t_power(n, n, values["d"], alpha, alt)
    elif test == "mann-whitney":
        plan = pw.mann_whitney_n(values["d"], parent=values["parent"], **common)
        model, sim_test = pw.normal_groups(values["d"]), "mann-whitney"
        def at(n: int) -> float: return pw.mann_whitney_power(n, n, values["d"], alpha, alt,
                                                              values["parent"])
    elif test == "mcnemar":
        method = values["mcnemar_method"]
        plan = pw.mcnemar_n(values["p_improve"], values["p_worsen"], method=method, **common)
        model, sim_test = pw.binary_pairs(values["p_improve"], values["p_worsen"]), "mcnemar"
        def at(n: int) -> float: return pw.mcnemar_power(n, values["p_improve"],
                                                         values["p_worsen"], alpha, alt, method)
    elif test == "two-proportions":
        method = values["prop_method"]
        plan = pw.two_proportions_n(values["p1"], values["p2"], method=method, **common)
        model, sim_test = pw.binary_groups(values["p1"], values["p2"]), _SIM_PROP[method]
        def at(n: int) -> float: return pw.two_proportions_power(n, n, values["p1"],
                                                                 values["p2"], alpha, alt,
                                                                 method)
    else:
        raise KeyError(test)
    words = labels(lang)
    paired = plan.n == plan.n_total
    rows = [(words["n"] + (f" ({words['pairs']})" if paired else f" ({words['per_group']})"),
             str(plan.n))]
    if not paired:
        rows.append((words["total"], str(plan.n_total)))
    rows += [(words["recruit"], str(plan.n_enrol)),
             (words["achieved"], f"{plan.power:.4f}")]
    if plan.actual_alpha is not None:
        rows.append((words["actual_alpha"], f"{plan.actual_alpha:.4f}"))
    rows.append((words["method"], plan.method))
    svg, note = "", ""
    normal = values.get("parent", "normal") == "normal" or test not in ("wilcoxon",
                                                                       "mann-whitney")
    if alt == "two-sided" and normal:  # the simulation: two-sided tests, normal data
        step = max(1, round(plan.n / 4))
        ns = sorted({max(3, plan.n + k * step) for k in range(-3, 5)})
        curve = pw.power_curve(ns, model, sim_test, sims=sims, alpha=alpha, seed=1)
        _, svg = power_curve_plot(curve, xlabel=words["n_axis"], ylabel=words["power_axis"],
                                  target=values["power"], analytic=[at(n) for n in ns],
                                  analytic_label=words["analytic"], lang=lang)
        svg = svg[svg.find("<svg"):]
    else:
        note = alt
    return PowerResult(plan, rows, justification(plan, lang),
                       f"{words['title_n']}: {test_name(test, lang)}", svg, note)
