"""Words for sample size and power: ready-to-paste justification paragraphs naming the
method, its assumptions and their source, and the labels the power commands print
(section ``power``; test names ``power_test``, parent distributions ``power_parent``,
method sources ``power_source``, assumptions ``power_assume``, effect names
``power_effect``, data models ``power_model``, analysis rules ``power_rule``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from . import LANGS, check_lang, has_text, message, resolve, text, text_or
from .numbers import fmt_number, fmt_thousands

__all__ = ["LABELS", "justification", "labels", "simulation_justification", "test_name"]

# the labels of the power commands and plots (section "power")
LABEL_KEYS = ("n", "power", "se", "pairs", "per_group", "total", "recruit", "achieved",
              "actual_alpha", "method", "sims", "seed", "title_n", "title_sim", "title_curve",
              "analytic", "n_axis", "power_axis", "monte_carlo")


def labels(lang: str | None = None) -> dict[str, str]:
    """The labels of the power commands in ``lang``, by key."""
    lang = resolve(lang)
    return {key: message("power", key, lang) for key in LABEL_KEYS}


class _Labels(Mapping[str, dict[str, str]]):
    """``LABELS[lang][key]``: the labels by language, read from the catalogue."""

    def __getitem__(self, lang: str) -> dict[str, str]:
        return labels(check_lang(lang))

    def __iter__(self) -> Iterator[str]:
        return iter(LANGS)

    def __len__(self) -> int:
        return len(LANGS)


LABELS: Mapping[str, dict[str, str]] = _Labels()


def test_name(test: str, lang: str | None = None) -> str:
    """The name of a test in the report language."""
    return text_or("power_test", test, test, lang)


def _fmt(value: Any, lang: str) -> str:
    if isinstance(value, str):
        return value
    return fmt_number(float(value), 3, lang).rstrip("0").rstrip(",.") or "0"


def justification(plan: Any, lang: str | None = None) -> str:
    """A ready-to-paste paragraph for a :class:`laktasi.power.SampleSize`, naming the
    test, the inputs, the method with its assumptions and source, and the dropout
    inflation."""
    lang = resolve(lang)
    paired = plan.test in ("paired-t", "wilcoxon", "mcnemar")
    words = labels(lang)
    unit = words["pairs"] if paired else words["per_group"]
    total = "" if paired else f" ({words['total']} {plan.n_total})"
    alt = message("power", plan.alternative, lang)
    params = {name: _fmt(v, lang) for name, v in plan.parameters}
    if "parent" in params:
        params["parent"] = message("power_parent", dict(plan.parameters)["parent"], lang)
    params["exact_test"] = text_or("power_test", str(dict(plan.parameters).get("test", "")),
                                   "", lang)
    params["assume"] = text_or("power_assume", plan.test, "", lang)
    params["actual_alpha"] = ("" if plan.actual_alpha is None
                              else fmt_number(plan.actual_alpha, 4, lang))
    source = text_or("power_source", plan.source, "", lang).format(**params)
    enrol_groups = ""
    if not paired:
        enrol_groups = text("power", "enrol_groups", lang, each=plan.n_enrol // 2)
    return text(
        "power", "justification", lang,
        test=message("power_test", plan.test, lang), alt=alt,
        alpha=fmt_number(plan.alpha, 2, lang), power=fmt_number(plan.target_power, 2, lang),
        achieved=fmt_number(plan.power, 3, lang),
        effect_name=text_or("power_effect", plan.test, "d", lang),
        effect=_fmt(plan.effect, lang), n=plan.n, unit=unit, total=total, source=source,
        dropout=fmt_number(100 * plan.dropout, 0, lang) + "%", enrol=plan.n_enrol,
        enrol_groups=enrol_groups)


def simulation_justification(estimate: Any, params: Any = (), lang: str | None = None) -> str:
    """A ready-to-paste paragraph for a :class:`laktasi.power.PowerEstimate`; ``params``
    are the data model's parameters (``model.params``)."""
    lang = resolve(lang)
    paired = estimate.test in ("wilcoxon", "paired-t", "mcnemar", "mcnemar-spss")
    design = message("power", "design_paired" if paired else "design_two_groups", lang)
    unit = message("power", "pairs" if paired else "per_group", lang)
    rule_key = estimate.test if has_text("power_rule", estimate.test) else (
        "mcnemar" if estimate.test.startswith("mcnemar") else "")
    rule = text_or("power_rule", rule_key, message("power", "rule_default", lang), lang)
    return text(
        "power", "simulation", lang,
        test=test_name(estimate.test, lang), design=design, n=estimate.n,
        unit=unit, power=fmt_number(estimate.power, 3, lang),
        se=fmt_number(estimate.se, 3, lang), sims=fmt_thousands(estimate.sims, lang),
        seed=estimate.seed, model=text_or("power_model", estimate.model, estimate.model, lang),
        params=", ".join(f"{k} = {_fmt(v, lang)}" for k, v in params), rule=rule,
        alpha=fmt_number(estimate.alpha, 2, lang))
