"""The analysis plan: the design picks the test, checks its assumptions, says why.

:func:`analyse` takes a :class:`~laktasi.design.study.Study` and a clean table of
rows (mapping column -> value; see ``laktasi.io`` for reading and validating
files) and returns an :class:`Analysis`: every test with its result, the
reason it was chosen (codes the report layer words), assumption checks and
warnings. Nothing here prints or speaks a language.

Rules (issue "From a data file to the finished results chapter"):

- one group, paired continuous/count: Shapiro-Wilk on the differences (n < 50,
  Lilliefors K-S otherwise) -> paired t if normal, else Wilcoxon; ordinal ->
  Wilcoxon; binary -> McNemar (exact).
- two groups, post only: normality per group and Levene -> Student/Welch t or
  Mann-Whitney; ordinal -> Mann-Whitney; binary -> chi-square, or Fisher when an
  expected count is below 5.
- nonequivalent control group: the within-group paired test per group, the
  baseline comparison, and the between-group test that answers "which works
  better": ANCOVA on post adjusted for pre (slopes checked), else Mann-Whitney
  on the change scores.
- a forced test is run and recorded; when it does not fit the design (e.g.
  chi-square on the same mothers before and after) a warning says why.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from laktasi import stats
from laktasi.errors import LaktasiError, LaktasiInputError
from laktasi.stats._results import _Serialisable

from .study import Outcome, Study

__all__ = ["TESTS", "Analysis", "OutcomeAnalysis", "TestStep", "analyse"]

TESTS = (
    "wilcoxon",
    "paired-t",
    "mcnemar",
    "chi-square-paired",
    "mann-whitney",
    "independent-t",
    "chi-square",
    "fisher",
    "ancova",
    "mann-whitney-change",
)
_FITS = {
    "within": {"wilcoxon", "paired-t", "mcnemar", "chi-square-paired"},
    "between": {"mann-whitney", "independent-t", "chi-square", "fisher", "ancova",
                "mann-whitney-change"},
}
_NORMALITY_MAX_SW = 50


@dataclass(frozen=True)
class Reason(_Serialisable):
    code: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TestStep(_Serialisable):
    """One test run for one outcome: which comparison, which test, why, the result."""

    outcome: str
    comparison: str  # "within" | "between" | "baseline"
    group: str | None
    test: str
    reasons: tuple[Reason, ...]
    checks: tuple[Any, ...]
    result: Any
    forced: bool = False
    warnings: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class OutcomeAnalysis(_Serialisable):
    outcome: Outcome
    descriptives: tuple[tuple[str | None, str, Any], ...]  # (group, time, result)
    crosstabs: tuple[tuple[str | None, Any], ...]  # binary: (group, 2x2 pre x post counts)
    steps: tuple[TestStep, ...]


@dataclass(frozen=True)
class Analysis(_Serialisable):
    study: Study
    n: int
    characteristics: tuple[tuple[str, Any], ...]  # (column, FrequenciesResult)
    outcomes: tuple[OutcomeAnalysis, ...]
    warnings: tuple[Reason, ...] = ()
    # group designs: characteristics by group, (column, levels, counts per group, test, result)
    baseline: tuple[tuple[str, tuple[str, ...], tuple[tuple[int, ...], ...], str, Any], ...] = ()


def _column(rows: Sequence[Mapping[str, Any]], col: str) -> list[Any]:
    return [r.get(col) for r in rows]


def _categorised(ch, values: list[Any]) -> list[Any]:
    """Category of every value: the band label for binned numbers (vectorised)."""
    if not ch.bins:
        return [None if v == "" else v for v in values]
    x = _floats(values)
    labels = np.array([None] * x.size, dtype=object)
    for b in ch.bins:
        inside = (x >= b.get("min", -np.inf)) & (x <= b.get("max", np.inf)) & ~np.isnan(x)
        labels[inside & (labels == None)] = b["label"]  # noqa: E711 - elementwise
    return labels.tolist()


def _floats(values: Sequence[Any]) -> np.ndarray:
    try:  # the common case: numbers and None only
        return np.array(values, dtype=float)
    except (TypeError, ValueError):
        return np.array([math.nan if v is None or v == "" else float(v) for v in values])


def _normality(values: np.ndarray) -> Any:
    values = values[~np.isnan(values)]
    if values.size < 3 or np.ptp(values) == 0:
        return None
    if values.size < _NORMALITY_MAX_SW:
        return stats.shapiro_wilk(values)
    if values.size >= 5:
        return stats.kolmogorov_smirnov_lilliefors(values)
    return None


def _binary_codes(values: Sequence[Any], outcome: Outcome) -> np.ndarray:
    levels = outcome.levels
    out = []
    for v in values:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            out.append(math.nan)
        elif levels:
            out.append(float(levels.index(str(v))) if str(v) in levels else math.nan)
        else:
            out.append(float(v))
    return np.array(out)


def _within(outcome: Outcome, pre: np.ndarray, post: np.ndarray, alpha: float,
            group: str | None) -> TestStep:
    reasons: list[Reason] = []
    checks: list[Any] = []
    warnings: list[Reason] = []
    forced = outcome.force_test is not None
    if outcome.type == "binary":
        test = "mcnemar"
        reasons.append(Reason("paired_binary"))
    elif outcome.type == "ordinal":
        test = "wilcoxon"
        reasons.append(Reason("paired_ordinal"))
    else:
        keep = ~(np.isnan(pre) | np.isnan(post))
        norm = _normality(post[keep] - pre[keep])
        if norm is not None:
            checks.append(norm)
        if norm is not None and norm.pvalue >= alpha:
            test = "paired-t"
            reasons.append(Reason("differences_normal", {"test": norm.test, "p": norm.pvalue}))
        else:
            test = "wilcoxon"
            reasons.append(Reason("differences_not_normal", {
                "test": None if norm is None else norm.test,
                "p": None if norm is None else norm.pvalue}))
    if forced:
        if outcome.force_test not in _FITS["within"]:
            warnings.append(Reason("forced_test_does_not_fit", {"test": outcome.force_test,
                                                                 "comparison": "within"}))
        elif outcome.force_test != test:
            warnings.append(Reason("forced_test_overrides", {"chosen": test,
                                                              "forced": outcome.force_test}))
        test = outcome.force_test
        if test == "chi-square-paired" or test in {"chi-square", "fisher"}:
            warnings.append(Reason("chi_square_on_paired_data"))
    result = _run_within(test, outcome, pre, post)
    return TestStep(outcome.name, "within", group, test, tuple(reasons), tuple(checks), result,
                    forced, tuple(warnings))


def _run_within(test: str, outcome: Outcome, pre: np.ndarray, post: np.ndarray) -> Any:
    if test == "wilcoxon":
        return stats.wilcoxon_signed_rank(pre, post)
    if test == "paired-t":
        return stats.paired_t(pre, post)
    keep = ~(np.isnan(pre) | np.isnan(post))
    if test == "mcnemar":
        return stats.mcnemar(pre[keep], post[keep], levels=(0.0, 1.0))
    if test in {"chi-square-paired", "chi-square"}:
        # the same mothers counted twice as if they were two groups: wrong, run on request
        table = [[int((pre[keep] == 0).sum()), int((pre[keep] == 1).sum())],
                 [int((post[keep] == 0).sum()), int((post[keep] == 1).sum())]]
        return stats.chi_square(table)
    if test == "fisher":
        table = [[int((pre[keep] == 0).sum()), int((pre[keep] == 1).sum())],
                 [int((post[keep] == 0).sum()), int((post[keep] == 1).sum())]]
        return stats.fisher_exact(table)
    if test == "mann-whitney":
        return stats.mann_whitney(pre, post)
    if test == "independent-t":
        return stats.independent_t(pre, post)
    raise LaktasiInputError(f"force_test = {test!r} is not a test laktasi runs; choose one of "
                            f"{', '.join(TESTS)}.", value=test, allowed=TESTS)


def _between(outcome: Outcome, x: np.ndarray, y: np.ndarray, alpha: float,
             comparison: str = "between") -> TestStep:
    reasons: list[Reason] = []
    checks: list[Any] = []
    warnings: list[Reason] = []
    if outcome.type == "binary":
        xa, ya = x[~np.isnan(x)], y[~np.isnan(y)]
        table = [[int((xa == 1).sum()), int((xa == 0).sum())],
                 [int((ya == 1).sum()), int((ya == 0).sum())]]
        chi = stats.chi_square(table)
        checks.append(chi)
        if chi.n_expected_below_5:
            test, result = "fisher", stats.fisher_exact(table)
            reasons.append(Reason("expected_below_5", {"cells": chi.n_expected_below_5}))
        else:
            test, result = "chi-square", chi
            reasons.append(Reason("expected_all_5_or_more"))
    elif outcome.type == "ordinal":
        test, result = "mann-whitney", stats.mann_whitney(x, y)
        reasons.append(Reason("independent_ordinal"))
    else:
        nx, ny = _normality(x), _normality(y)
        checks += [c for c in (nx, ny) if c is not None]
        normal = nx is not None and ny is not None and nx.pvalue >= alpha and ny.pvalue >= alpha
        if normal:
            test, result = "independent-t", stats.independent_t(x, y)
            reasons.append(Reason("groups_normal", {"p_x": nx.pvalue, "p_y": ny.pvalue,
                                                    "levene_p": result.levene_pvalue,
                                                    "row": "student" if result.equal_var
                                                    else "welch"}))
        else:
            test, result = "mann-whitney", stats.mann_whitney(x, y)
            reasons.append(Reason("groups_not_normal", {
                "p_x": None if nx is None else nx.pvalue,
                "p_y": None if ny is None else ny.pvalue}))
    forced = outcome.force_test is not None and comparison == "between"
    if forced and outcome.force_test != test:
        if outcome.force_test not in _FITS["between"]:
            warnings.append(Reason("forced_test_does_not_fit", {"test": outcome.force_test,
                                                                 "comparison": "between"}))
        test = outcome.force_test
        result = _run_within(test, outcome, x, y) if test in {"wilcoxon", "paired-t"} else (
            _run_between_forced(test, x, y))
    return TestStep(outcome.name, comparison, None, test, tuple(reasons), tuple(checks), result,
                    forced, tuple(warnings))


def _run_between_forced(test: str, x: np.ndarray, y: np.ndarray) -> Any:
    if test == "mann-whitney":
        return stats.mann_whitney(x, y)
    if test == "independent-t":
        return stats.independent_t(x, y)
    raise LaktasiInputError(f"force_test = {test!r} cannot be used for a between-group "
                            "comparison of this outcome.", value=test)


def _ancova_or_change(outcome: Outcome, pre: np.ndarray, post: np.ndarray, groups: list[str],
                      levels: tuple[str, ...], alpha: float) -> TestStep:
    reasons: list[Reason] = []
    checks: list[Any] = []
    keep = ~(np.isnan(pre) | np.isnan(post))
    g = [grp for grp, k in zip(groups, keep, strict=True) if k]
    try:
        anc = stats.ancova(post[keep], pre[keep], g, levels=levels)
    except LaktasiError as exc:
        anc = None
        reasons.append(Reason("ancova_not_possible", {"error": str(exc)}))
    change = post - pre
    if anc is not None:
        checks.append(anc)
        slopes_ok = not (anc.slopes_pvalue < alpha)
        if slopes_ok:
            reasons.append(Reason("ancova_slopes_homogeneous", {"p": anc.slopes_pvalue}))
            return TestStep(outcome.name, "between", None, "ancova", tuple(reasons), (), anc)
        reasons.append(Reason("ancova_slopes_differ", {"p": anc.slopes_pvalue}))
    x = change[[grp == levels[0] for grp in groups]]
    y = change[[grp == levels[1] for grp in groups]]
    res = stats.mann_whitney(y, x)
    return TestStep(outcome.name, "between", None, "mann-whitney-change", tuple(reasons),
                    tuple(checks), res)


def analyse(study: Study, rows: Sequence[Mapping[str, Any]]) -> Analysis:
    """Run the plan the design implies on clean rows (one mapping per mother)."""
    if not rows:
        raise LaktasiInputError("The data has no rows (no mothers) to analyse.", n=0)
    alpha = study.alpha
    characteristics = []
    for ch in study.characteristics:
        values = _categorised(ch, _column(rows, ch.column))
        characteristics.append((ch.column, stats.frequencies(values, categories=list(ch.levels)
                                                             or None)))
    group_values: list[str] | None = None
    levels: tuple[str, ...] = ()
    if study.group is not None:
        group_values = [str(v) for v in _column(rows, study.group.column)]
        levels = study.group.levels
    outcomes = []
    for out in study.outcomes:
        if out.type == "binary":
            post = _binary_codes(_column(rows, out.post), out)
            pre = _binary_codes(_column(rows, out.pre), out) if out.pre else None
        else:
            post = _floats(_column(rows, out.post))
            pre = _floats(_column(rows, out.pre)) if out.pre else None
        descr, cross, steps = [], [], []
        subsets: list[tuple[str | None, np.ndarray]] = [(None, np.ones(len(rows), bool))]
        if group_values is not None:
            subsets = [(lv, np.array([g == lv for g in group_values])) for lv in levels]
        for grp, mask in subsets:
            for time, arr in (("pre", pre), ("post", post)):
                if arr is None:
                    continue
                vals = arr[mask]
                if out.type == "binary":
                    descr.append((grp, time, stats.frequencies(
                        [None if math.isnan(v) else int(v) for v in vals], categories=[0, 1])))
                else:
                    descr.append((grp, time, stats.descriptives(vals)))
            if pre is not None:
                if out.type == "binary":
                    a, b = pre[mask], post[mask]
                    k = ~(np.isnan(a) | np.isnan(b))
                    cross.append((grp, ((int(((a == 0) & (b == 0) & k).sum()),
                                         int(((a == 0) & (b == 1) & k).sum())),
                                        (int(((a == 1) & (b == 0) & k).sum()),
                                         int(((a == 1) & (b == 1) & k).sum())))))
                steps.append(_within(out, pre[mask], post[mask], alpha, grp))
        if group_values is not None:
            x_mask = np.array([g == levels[0] for g in group_values])
            y_mask = np.array([g == levels[1] for g in group_values])
            if pre is not None:
                steps.append(_between(out, pre[x_mask], pre[y_mask], alpha, "baseline"))
                if out.type == "binary":
                    steps.append(_between(out, post[x_mask], post[y_mask], alpha))
                else:
                    steps.append(_ancova_or_change(out, pre, post, group_values, levels, alpha))
            else:
                steps.append(_between(out, post[x_mask], post[y_mask], alpha))
        outcomes.append(OutcomeAnalysis(out, tuple(descr), tuple(cross), tuple(steps)))
    baseline = []
    if study.group is not None:
        for ch in study.characteristics:
            cats = _categorised(ch, _column(rows, ch.column))
            lv = [c for c in (ch.levels or sorted({c for c in cats if c is not None}, key=str))]
            counts = [[sum(1 for c, g in zip(cats, group_values, strict=True)
                           if c == cat and g == grp) for cat in lv] for grp in levels]
            keep = [j for j in range(len(lv)) if any(row[j] for row in counts)]
            table = [[row[j] for j in keep] for row in counts]
            if len(keep) < 2:
                continue
            chi = stats.chi_square(table)
            if chi.n_expected_below_5:
                try:
                    test, res = "fisher", stats.fisher_exact(table)
                except LaktasiError:
                    test, res = "chi-square", chi
            else:
                test, res = "chi-square", chi
            baseline.append((ch.column, tuple(lv[j] for j in keep),
                             tuple(tuple(r) for r in table), test, res))
    warnings = []
    if study.design == "one-group-pretest-posttest":
        warnings.append(Reason("no_control_group"))
    if study.design == "nonequivalent-control-pretest-posttest":
        warnings.append(Reason("not_randomised"))
    return Analysis(study, len(rows), tuple(characteristics), tuple(outcomes), tuple(warnings),
                    tuple(baseline))
