"""The analysis plan: the design picks the test, checks its assumptions, says why.

:func:`analyse` takes a :class:`~laktasi.design.study.Study` and a clean table of
rows (mapping column -> value; see ``laktasi.io`` for reading and validating
files) and returns an :class:`Analysis`: every test with its result, the
reason it was chosen (codes the report layer words), assumption checks and
warnings. Nothing here prints or speaks a language.

Rules:

- one group, paired continuous/count: Shapiro-Wilk on the differences (n < 50,
  Lilliefors K-S otherwise) -> paired t if normal, else Wilcoxon; ordinal ->
  Wilcoxon; binary -> McNemar (exact).
- two groups, post only: normality per group and Levene -> Student/Welch t or
  Mann-Whitney; ordinal -> Mann-Whitney; binary -> the 2 x 2 table read as taught in
  Indonesian health statistics courses (:func:`contingency_test`): every expected
  count >= 5 -> the Continuity Correction row (or Pearson when the study sets
  ``chi_square_2x2: pearson``), any expected count < 5 -> Fisher's exact test;
  larger tables -> Pearson.
- nonequivalent control group: the within-group paired test per group, the
  baseline comparison, and the between-group test that answers "which works
  better": ANCOVA on post adjusted for pre (slopes checked), else Mann-Whitney
  on the change scores.
- a forced test (``force_test``) was checked when the study was loaded against the
  comparisons the design runs (see :mod:`laktasi.design.registry`); it is
  run and recorded with a warning that names the test the rules give (and, for
  chi-square on the same mothers before and after, why it is wrong).

The tests are data (:data:`laktasi.design.registry.TESTS`): a step runs the registry's core
function on the data its entry names (``data``: pairs, 0/1 pairs, groups, counts, change
scores, the covariate) and reads its p through the entry (:meth:`TestSpec.read_p`).

Every step carries the decision the chapter words: the p read, whether it is below
alpha, and the direction (after vs before within a group; the higher group between
groups).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from laktasi import stats
from laktasi.errors import LaktasiError, LaktasiInputError
from laktasi.stats.serialise import Serialisable

from .designs import NONEQUIVALENT, ONE_GROUP
from .registry import TESTS, TestSpec
from .study import Characteristic, Outcome, Study

__all__ = ["Analysis", "BaselineTest", "OutcomeAnalysis", "TestStep", "analyse",
           "contingency_test"]

_NORMALITY_MAX_SW = 50


@dataclass(frozen=True)
class Reason(Serialisable):
    code: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TestStep(Serialisable):
    """One test run for one outcome: which comparison, which test, why, the result, and the
    decision the chapter words.

    ``pvalue`` is the p the decision reads (for a chi-square test, the p of the row
    ``reading`` names: "pearson", "continuity" or "fisher"); ``significant`` is
    ``pvalue < alpha``; ``direction`` is, within a group, "increase" / "decrease" (after
    compared with before; the better level's share for a binary outcome) and, between or at
    baseline, the group level with the higher values (the larger share of the better level);
    None when neither. ``claim``, between groups when the study names its intervention group:
    "supported" (significant, the intervention group higher), "contradicted" (significant,
    the other group higher) or "not_supported" (not significant); None otherwise.
    """

    outcome: str
    comparison: str  # "within" | "between" | "baseline"
    group: str | None
    test: str
    reasons: tuple[Reason, ...]
    checks: tuple[Any, ...]
    result: Any
    forced: bool = False
    warnings: tuple[Reason, ...] = ()
    pvalue: float = math.nan
    significant: bool = False
    direction: str | None = None
    reading: str | None = None
    claim: str | None = None


@dataclass(frozen=True)
class BaselineTest(Serialisable):
    """Group designs: one characteristic by group (counts per group and category) and the
    test of comparability, with the row read, its p and the decision."""

    column: str
    levels: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]  # one row per group, one column per level
    test: str  # "chi-square" | "fisher"
    result: Any
    reading: str  # "pearson" | "continuity" | "fisher"
    pvalue: float
    significant: bool


@dataclass(frozen=True)
class OutcomeAnalysis(Serialisable):
    outcome: Outcome
    descriptives: tuple[tuple[str | None, str, Any], ...]  # (group, time, result)
    crosstabs: tuple[tuple[str | None, Any], ...]  # binary: (group, 2x2 pre x post counts)
    steps: tuple[TestStep, ...]


@dataclass(frozen=True)
class Analysis(Serialisable):
    study: Study
    n: int
    characteristics: tuple[tuple[str, Any], ...]  # (column, FrequenciesResult)
    outcomes: tuple[OutcomeAnalysis, ...]
    warnings: tuple[Reason, ...] = ()
    baseline: tuple[BaselineTest, ...] = ()  # group designs: characteristics by group
    # characteristic values outside the study's plausible range (per column)
    data_warnings: tuple[Reason, ...] = ()


def _column(rows: Sequence[Mapping[str, Any]], col: str) -> list[Any]:
    return [r.get(col) for r in rows]


def _categorised(ch: Characteristic, values: list[Any]) -> list[Any]:
    """Category of every value: the band label for binned numbers (vectorised)."""
    if not ch.bins:
        return [None if v == "" else v for v in values]
    x = _floats(values)
    labels = np.array([None] * x.size, dtype=object)
    for b in ch.bins:
        inside = (x >= b.get("min", -np.inf)) & (x <= b.get("max", np.inf)) & ~np.isnan(x)
        labels[inside & (labels == None)] = b["label"]  # noqa: E711 - elementwise
    out: list[Any] = labels.tolist()
    return out


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


def contingency_test(table: Sequence[Sequence[int]], chi_square_2x2: str = "continuity"
                     ) -> tuple[str, str, Any, Any, Reason]:
    """The test, the row of SPSS's Chi-Square Tests table to read, and why, for a table of
    independent groups (the rule taught in Indonesian health statistics courses).

    - 2 x 2, every expected count >= 5: the Continuity Correction row (or the Pearson row
      when the study chooses ``chi_square_2x2: pearson``);
    - 2 x 2, any expected count < 5: Fisher's exact test;
    - larger tables: the Pearson row (Fisher-Freeman-Halton when an expected count is below
      5 and the exact test can be computed).

    Returns ``(test, reading, chi_square_result, fisher_result_or_None, reason)``.

    >>> test, reading, chi, fisher, why = contingency_test([[12, 3], [8, 7]])
    >>> test, reading, why.code, round(chi.continuity.pvalue, 3)
    ('chi-square', 'continuity', 'expected_all_5_or_more_2x2', 0.245)
    """
    chi = stats.chi_square(table)
    shape = (len(table), len(table[0]) if len(table) else 0)
    if shape == (2, 2):
        fisher = stats.fisher_exact(table)
        if chi.n_expected_below_5:
            return "fisher", "fisher", chi, fisher, Reason("expected_below_5_2x2", {
                "cells": chi.n_expected_below_5, "min": chi.min_expected})
        if chi_square_2x2 == "pearson":
            return "chi-square", "pearson", chi, fisher, Reason("pearson_chosen_2x2")
        return "chi-square", "continuity", chi, fisher, Reason("expected_all_5_or_more_2x2")
    if chi.n_expected_below_5:
        try:
            fisher = stats.fisher_exact(table)
        except LaktasiError:
            return "chi-square", "pearson", chi, None, Reason("expected_below_5_large", {
                "cells": chi.n_expected_below_5, "exact": False})
        return "fisher", "fisher", chi, fisher, Reason("expected_below_5_large", {
            "cells": chi.n_expected_below_5, "exact": True})
    return "chi-square", "pearson", chi, None, Reason("expected_all_5_or_more_large")


def _read_p(test: str, reading: str | None, result: Any) -> float:
    """The p the decision reads from a result (through the test's registry entry)."""
    return TESTS[test].read_p(result, reading)


def _decided(step: TestStep, alpha: float, direction: str | None) -> TestStep:
    p = _read_p(step.test, step.reading, step.result)
    return replace(step, pvalue=p, significant=bool(p < alpha), direction=direction)


# After minus before as a within-group test sees it (the mean difference for the others).
_AFTER_MINUS_BEFORE: dict[str, Callable[[Any], float]] = {
    "wilcoxon": lambda r: r.positive.sum_ranks - r.negative.sum_ranks,
    "mcnemar": lambda r: r.b - r.c,  # b: worse -> better
}
# Second group minus first as a between-group test sees it, for the data the plan hands it
# (mann-whitney: (first, second); mann-whitney-change: (second, first)); the tests of a
# group x outcome table read the shares of the better level.
_SECOND_MINUS_FIRST: dict[str, Callable[[Any], float | None]] = {
    "ancova": lambda r: r.difference,
    "mann-whitney-change": lambda r: r.effect_size.value,
    "mann-whitney": lambda r: -r.effect_size.value,
    "independent-t": lambda r: -(r.x.mean - r.y.mean),
}


def _change(test: str, result: Any, pre: np.ndarray, post: np.ndarray) -> str | None:
    """'increase' / 'decrease' of after against before, as the test sees it."""
    if test in _AFTER_MINUS_BEFORE:
        sign = _AFTER_MINUS_BEFORE[test](result)
    else:
        keep = ~(np.isnan(pre) | np.isnan(post))
        sign = float(np.mean(post[keep] - pre[keep])) if keep.any() else 0.0
    if sign == 0 or sign != sign:
        return None
    return "increase" if sign > 0 else "decrease"


def _higher(test: str, result: Any, levels: tuple[str, ...], table: Any = None) -> str | None:
    """The group level with the higher outcome according to the between-group result."""
    first, second = levels
    sign: float | None
    if test in _SECOND_MINUS_FIRST:
        sign = _SECOND_MINUS_FIRST[test](result)
    elif table is not None:
        (a, b), (c, d) = table[0][:2], table[1][:2]
        if not (a + b) or not (c + d):
            return None
        sign = c / (c + d) - a / (a + b)  # share with the better level: second - first
    else:
        return None
    if sign is None or sign == 0 or sign != sign:
        return None
    return second if sign > 0 else first


def _within(outcome: Outcome, pre: np.ndarray, post: np.ndarray, alpha: float,
            group: str | None) -> TestStep:
    reasons: list[Reason] = []
    checks: list[Any] = []
    warnings: list[Reason] = []
    forced_spec = TESTS.get(outcome.force_test or "")
    forced = forced_spec is not None and forced_spec.comparison == "within"
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
    if forced and forced_spec is not None:
        if forced_spec.id != test:
            warnings.append(Reason("forced_test_overrides", {"chosen": test,
                                                              "forced": forced_spec.id}))
        test = forced_spec.id
        if forced_spec.warning:  # chi-square on the same mothers: says why it is wrong
            warnings.append(Reason(forced_spec.warning))
    result = _run_within(test, pre, post)
    step = TestStep(outcome.name, "within", group, test, tuple(reasons), tuple(checks), result,
                    forced, tuple(warnings), reading=TESTS[test].reading)
    return _decided(step, alpha, _change(test, result, pre, post))


def _kept(pre: np.ndarray, post: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    keep = ~(np.isnan(pre) | np.isnan(post))
    return pre[keep], post[keep]


def _paired_counts(pre: np.ndarray, post: np.ndarray) -> list[list[int]]:
    """The same mothers counted twice as if they were two groups (rows before, after)."""
    a, b = _kept(pre, post)
    return [[int((a == 0).sum()), int((a == 1).sum())], [int((b == 0).sum()), int((b == 1).sum())]]


# How a within-group test gets its data, by the registry's ``data`` of the test.
_WITHIN_DATA: dict[str, Callable[[TestSpec, np.ndarray, np.ndarray], Any]] = {
    "pairs": lambda t, pre, post: t.core(pre, post),
    "paired-binary": lambda t, pre, post: t.core(*_kept(pre, post), levels=(0.0, 1.0)),
    # chi-square on the same mothers before and after: wrong, run on request (warned)
    "paired-counts": lambda t, pre, post: t.core(_paired_counts(pre, post)),
}


def _run_within(test: str, pre: np.ndarray, post: np.ndarray) -> Any:
    spec = TESTS.get(test)
    if spec is None or spec.data not in _WITHIN_DATA:
        raise LaktasiInputError(f"force_test = {test!r} does not compare the same mothers "
                                f"before and after; choose one of {', '.join(_within_tests())}.",
                                value=test, allowed=_within_tests(),
                                message_id="force_test_not_within")
    return _WITHIN_DATA[spec.data](spec, pre, post)


def _within_tests() -> tuple[str, ...]:
    return tuple(t.id for t in TESTS.values() if t.comparison == "within")


def _binary_table(x: np.ndarray, y: np.ndarray) -> list[list[int]]:
    """Group x outcome counts: rows the two groups, columns (better level, worse level)."""
    xa, ya = x[~np.isnan(x)], y[~np.isnan(y)]
    return [[int((xa == 1).sum()), int((xa == 0).sum())],
            [int((ya == 1).sum()), int((ya == 0).sum())]]


def _between(outcome: Outcome, x: np.ndarray, y: np.ndarray, alpha: float, levels: tuple[str, ...],
             comparison: str = "between", chi_square_2x2: str = "continuity") -> TestStep:
    reasons: list[Reason] = []
    checks: list[Any] = []
    warnings: list[Reason] = []
    reading = None
    table = None
    if outcome.type == "binary":
        table = _binary_table(x, y)
        test, reading, chi, fisher, why = contingency_test(table, chi_square_2x2)
        result = fisher if test == "fisher" else chi
        checks += [c for c in (chi, fisher) if c is not None and c is not result]
        reasons.append(why)
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
    forced_spec = TESTS.get(outcome.force_test or "")
    forced = (comparison == "between" and forced_spec is not None
              and forced_spec.comparison == "between"
              and forced_spec.data in {"groups", "group-counts"})
    if forced and forced_spec is not None and forced_spec.id != test:
        warnings.append(Reason("forced_test_overrides", {"chosen": test,
                                                          "forced": forced_spec.id}))
        chosen = test
        test = forced_spec.id
        if forced_spec.data == "groups":
            result = forced_spec.core(x, y)
        else:
            chi = next(c for c in (result, *checks) if type(c).__name__ == "ChiSquareResult")
            fisher = next((c for c in (result, *checks) if type(c).__name__ == "FisherResult"),
                          None)
            if test == "fisher" and fisher is None:
                fisher = stats.fisher_exact(table)
            result = fisher if test == "fisher" else chi
            checks = [c for c in (chi, fisher) if c is not None and c is not result]
            if test == "fisher":
                reading = "fisher"
            elif chosen == "fisher" or reading is None:
                reading = "continuity" if chi.continuity is not None else "pearson"
    step = TestStep(outcome.name, comparison, None, test, tuple(reasons), tuple(checks), result,
                    forced, tuple(warnings), reading=reading)
    return _decided(step, alpha, _higher(test, result, levels, table))


def _ancova_or_change(outcome: Outcome, pre: np.ndarray, post: np.ndarray, groups: list[str],
                      levels: tuple[str, ...], alpha: float) -> TestStep:
    reasons: list[Reason] = []
    checks: list[Any] = []
    warnings: list[Reason] = []
    keep = ~(np.isnan(pre) | np.isnan(post))
    g = [grp for grp, k in zip(groups, keep, strict=True) if k]
    result: Any
    anc_error: LaktasiError | None = None
    try:
        anc = stats.ancova(post[keep], pre[keep], g, levels=levels)
    except LaktasiError as exc:
        anc, anc_error = None, exc
        # the error as data (its message_id and fields): the report words it in its language
        reasons.append(Reason("ancova_not_possible", {"error": {
            "code": exc.code, "message": exc.message, **exc.detail}}))
    change = post - pre
    test, result = "mann-whitney-change", None
    if anc is not None:
        slopes_ok = not (anc.slopes_pvalue < alpha)
        if slopes_ok:
            reasons.append(Reason("ancova_slopes_homogeneous", {"p": anc.slopes_pvalue}))
            test, result = "ancova", anc
        else:
            checks.append(anc)
            reasons.append(Reason("ancova_slopes_differ", {"p": anc.slopes_pvalue}))
    x_mask = np.array([grp == levels[0] for grp in groups])
    y_mask = np.array([grp == levels[1] for grp in groups])
    if result is None:
        result = stats.mann_whitney(change[y_mask], change[x_mask])
    forced_test = outcome.force_test
    forced_spec = TESTS.get(forced_test or "")
    forced = (forced_spec is not None and forced_spec.comparison == "between"
              and forced_spec.data in {"covariate", "change", "groups"})
    if forced and forced_spec is not None and forced_spec.id != test:
        warnings.append(Reason("forced_test_overrides", {"chosen": test, "forced": forced_test}))
        test = forced_spec.id
        if forced_spec.data == "covariate":
            if anc is None:
                raise LaktasiInputError(f"force_test = 'ancova' cannot be computed for "
                                        f"{outcome.name}: {anc_error}",
                                        value="ancova", outcome=outcome.name, error=anc_error,
                                        message_id="forced_ancova_not_possible")
            result = anc
            checks = [c for c in checks if c is not anc]
        elif forced_spec.data == "change":
            result = forced_spec.core(change[y_mask], change[x_mask])
        else:  # the posttest alone, as some seeds did
            result = forced_spec.core(post[x_mask], post[y_mask])
            warnings.append(Reason("posttest_only_ignores_pretest"))
    step = TestStep(outcome.name, "between", None, test, tuple(reasons), tuple(checks), result,
                    bool(forced), tuple(warnings))
    return _decided(step, alpha, _higher(test, result, levels))


def _claim(step: TestStep, intervention: str | None) -> TestStep:
    """The between-group step's verdict on the study's claim that its intervention works
    better (see :class:`TestStep`)."""
    if intervention is None or step.comparison != "between":
        return step
    if not step.significant:
        return replace(step, claim="not_supported")
    return replace(step, claim="supported" if step.direction == intervention else "contradicted")


def _implausible(ch: Characteristic, values: list[Any]) -> Reason | None:
    """The values of a numeric characteristic outside the study's plausible range."""
    if not ch.bins or (ch.min is None and ch.max is None):
        return None
    x = _floats(values)
    bad = [float(v) for v in x[~np.isnan(x)] if not ch.plausible(float(v))]
    if not bad:
        return None
    return Reason("implausible_characteristic", {"column": ch.column, "values": bad,
                                                 "min": ch.min, "max": ch.max})


def analyse(study: Study, rows: Sequence[Mapping[str, Any]]) -> Analysis:
    """Run the plan the design implies on clean rows (one mapping per mother)."""
    if not rows:
        raise LaktasiInputError("The data has no rows (no mothers) to analyse.", n=0,
                                message_id="no_rows")
    alpha = study.alpha
    characteristics = []
    data_warnings = []
    for ch in study.characteristics:
        raw = _column(rows, ch.column)
        values = _categorised(ch, raw)
        characteristics.append((ch.column, stats.frequencies(values, categories=list(ch.levels)
                                                             or None)))
        warn = _implausible(ch, raw)
        if warn is not None:
            data_warnings.append(warn)
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
        descr: list[tuple[str | None, str, Any]] = []
        cross: list[tuple[str | None, Any]] = []
        steps: list[TestStep] = []
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
                steps.append(_between(out, pre[x_mask], pre[y_mask], alpha, levels, "baseline",
                                      study.chi_square_2x2))
                if out.type == "binary":
                    steps.append(_between(out, post[x_mask], post[y_mask], alpha, levels,
                                          chi_square_2x2=study.chi_square_2x2))
                else:
                    steps.append(_ancova_or_change(out, pre, post, group_values, levels, alpha))
            else:
                steps.append(_between(out, post[x_mask], post[y_mask], alpha, levels,
                                      chi_square_2x2=study.chi_square_2x2))
        intervention = None if study.group is None else study.group.intervention
        steps = [_claim(s, intervention) for s in steps]
        outcomes.append(OutcomeAnalysis(out, tuple(descr), tuple(cross), tuple(steps)))
    baseline = []
    if study.group is not None and group_values is not None:
        for ch in study.characteristics:
            cats = _categorised(ch, _column(rows, ch.column))
            lv = [c for c in (ch.levels or sorted({c for c in cats if c is not None}, key=str))]
            counts = [[sum(c == cat and g == grp for c, g in zip(cats, group_values, strict=True))
                       for cat in lv] for grp in levels]
            keep = [j for j in range(len(lv)) if any(row[j] for row in counts)]
            table = [[row[j] for j in keep] for row in counts]
            if len(keep) < 2:
                continue
            test, reading, chi, fisher, _ = contingency_test(table, study.chi_square_2x2)
            res = fisher if test == "fisher" else chi
            p = _read_p(test, reading, res)
            baseline.append(BaselineTest(ch.column, tuple(lv[j] for j in keep),
                                         tuple(tuple(r) for r in table), test, res, reading, p,
                                         bool(p < alpha)))
    warnings = []
    if study.design == ONE_GROUP.name:
        warnings.append(Reason("no_control_group"))
    if study.design == NONEQUIVALENT.name:
        warnings.append(Reason("not_randomised"))
    return Analysis(study, len(rows), tuple(characteristics), tuple(outcomes), tuple(warnings),
                    tuple(baseline), tuple(data_warnings))
