"""The tests laktasi runs, as data: one entry per test id, one vocabulary everywhere.

Every module that names a statistical test (the plan, the chapter, the audit, power, the
study's ``force_test``) uses the names defined here, and a test fails on a name this module
does not know.

- :data:`TESTS`: one :class:`TestSpec` per test the analysis plan runs, keyed by its id: the
  core function in :mod:`laktasi.stats` and its result type, the comparison it serves
  (``"within"`` a group: the same mothers before and after; ``"between"`` groups), the outcome
  types it fits, the data the plan hands it, the designs it needs, and the rows its p can be
  read from (:meth:`TestSpec.read_p`).
- :data:`VARIANTS`: a test read on one named row, under the name the audit and power use
  (``welch-t`` is the Welch row of ``independent-t``; ``chi-square-corrected`` the Continuity
  Correction row of ``chi-square``; ``sign`` the exact binomial test on the discordant pairs,
  which is McNemar's exact test).
- :data:`ALIASES`: other spellings accepted where a published input names a test (the audit's
  ``chi-square-yates``); :func:`canonical` maps them to the one name used inside laktasi.

The module imports nothing heavy: the core functions and result types are looked up in
:mod:`laktasi.stats` when first used.

>>> resolve("welch-t")
Variant(name='welch-t', test='independent-t', reading='welch')
>>> canonical("chi-square-yates")
'chi-square-corrected'
>>> spec("wilcoxon").comparison, spec("wilcoxon").function
('within', 'wilcoxon_signed_rank')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, cast

from laktasi.errors import InvalidOptionError

from .designs import NONEQUIVALENT

__all__ = ["ALIASES", "COMPARISONS", "DATA_KINDS", "NAMES", "OUTCOME_TYPES", "TESTS",
           "VARIANTS", "TestSpec", "UnknownTestError", "Variant", "canonical", "comparison_of",
           "known", "resolve", "spec", "tests_for"]

COMPARISONS = ("within", "between")
OUTCOME_TYPES = ("continuous", "count", "ordinal", "binary")
_NUMERIC = ("continuous", "count", "ordinal")
# What the plan hands a test's core function (see laktasi.design.plan):
DATA_KINDS = (
    "pairs",          # (pre, post) values of the same mothers
    "paired-binary",  # (pre, post) 0/1 codes of the same mothers
    "paired-counts",  # the 0/1 counts before and after as if they were two groups (2 x 2)
    "groups",         # (first group, second group) values
    "group-counts",   # group x outcome table of counts
    "change",         # (second group, first group) change scores post - pre
    "covariate",      # post, pre and the group of every mother (ANCOVA)
)


class UnknownTestError(InvalidOptionError):
    """A test name laktasi does not know."""

    code = "unknown_test"


@dataclass(frozen=True)
class TestSpec:
    """One test: what it serves, what it computes, and how its p is read.

    ``readings`` maps a row's name to the attribute path of its p on the result
    (``"continuity.pvalue"``); :meth:`read_p` with no row reads the result's own ``pvalue``
    (for ``independent-t`` the row Levene's test chose, as SPSS users are taught).
    """

    __test__ = False  # not a pytest class

    id: str
    comparison: str
    outcome_types: tuple[str, ...]
    function: str  # name of the core function in laktasi.stats
    result: str  # name of its result type in laktasi.stats
    data: str  # one of DATA_KINDS
    readings: Mapping[str, str] = field(default_factory=dict)
    designs: tuple[str, ...] = ()  # the designs it needs; () = every design with its comparison
    reading: str | None = None  # the row the plan reads when no rule chooses one
    warning: str | None = None  # the reason code the plan adds whenever it runs (forced)
    note: str = ""

    @property
    def core(self) -> Callable[..., Any]:
        """The core function in :mod:`laktasi.stats`."""
        from laktasi import stats

        return cast(Callable[..., Any], getattr(stats, self.function))

    @property
    def result_type(self) -> type:
        """The frozen result type the core function returns."""
        from laktasi import stats

        return cast(type, getattr(stats, self.result))

    def read_p(self, result: Any, reading: str | None = None) -> float:
        """The p of the row ``reading`` (the result's own p when None or when the row is
        absent, e.g. no Continuity Correction row for a table larger than 2 x 2)."""
        path = self.readings.get(reading or "")
        value: Any = result
        for attr in (path.split(".") if path else ()):
            value = getattr(value, attr, None)
            if value is None:
                break
        if value is None or value is result:
            value = result.pvalue
        return float(value)

    def fits(self, design: str, outcome_type: str, comparisons: tuple[str, ...]) -> bool:
        """True when the test serves one of ``comparisons`` for this outcome type in
        ``design``."""
        return (self.comparison in comparisons and outcome_type in self.outcome_types
                and (not self.designs or design in self.designs))


def _frozen(**rows: str) -> Mapping[str, str]:
    return MappingProxyType(dict(rows))


_CHI_ROWS = _frozen(pearson="pearson.pvalue", continuity="continuity.pvalue")

TESTS: Mapping[str, TestSpec] = MappingProxyType({t.id: t for t in (
    TestSpec("wilcoxon", "within", _NUMERIC, "wilcoxon_signed_rank", "WilcoxonResult", "pairs",
             _frozen(asymptotic="pvalue_asymptotic", exact="pvalue_exact")),
    TestSpec("paired-t", "within", _NUMERIC, "paired_t", "PairedTResult", "pairs"),
    TestSpec("mcnemar", "within", ("binary",), "mcnemar", "McNemarResult", "paired-binary",
             _frozen(exact="pvalue_exact", spss="spss_pvalue", **{
                 "chi-square": "chi2_pvalue", "chi-square-corrected": "chi2_corrected_pvalue"})),
    TestSpec("chi-square-paired", "within", ("binary",), "chi_square", "ChiSquareResult",
             "paired-counts", _CHI_ROWS, reading="pearson", warning="chi_square_on_paired_data",
             note="the same mothers counted as two groups: wrong, run on request and warned"),
    TestSpec("mann-whitney", "between", _NUMERIC, "mann_whitney", "MannWhitneyResult", "groups",
             _frozen(asymptotic="pvalue_asymptotic", exact="pvalue_exact")),
    TestSpec("independent-t", "between", _NUMERIC, "independent_t", "IndependentTResult",
             "groups", _frozen(student="student.pvalue", welch="welch.pvalue")),
    TestSpec("chi-square", "between", ("binary",), "chi_square", "ChiSquareResult",
             "group-counts", _CHI_ROWS),
    TestSpec("fisher", "between", ("binary",), "fisher_exact", "FisherResult", "group-counts",
             _frozen(fisher="pvalue")),
    TestSpec("ancova", "between", ("continuous", "count"), "ancova", "AncovaResult",
             "covariate", designs=(NONEQUIVALENT.name,)),
    TestSpec("mann-whitney-change", "between", _NUMERIC, "mann_whitney", "MannWhitneyResult",
             "change", _frozen(asymptotic="pvalue_asymptotic", exact="pvalue_exact"),
             designs=(NONEQUIVALENT.name,)),
)})


@dataclass(frozen=True)
class Variant:
    """A name of the vocabulary: the test it runs and the row its p is read from (None: the
    test's own p)."""

    name: str
    test: str
    reading: str | None = None

    @property
    def spec(self) -> TestSpec:
        return TESTS[self.test]


# A test read on one row, under the names the audit and power use.
VARIANTS: Mapping[str, Variant] = MappingProxyType({v.name: v for v in (
    Variant("welch-t", "independent-t", "welch"),
    Variant("two-sample-t", "independent-t", "student"),  # Student's row whatever Levene says
    Variant("chi-square-corrected", "chi-square", "continuity"),  # Yates / SPSS's row
    Variant("mcnemar-spss", "mcnemar", "spss"),  # binomial below 25 changes, else corrected
    Variant("sign", "mcnemar", "exact"),  # the sign test on the discordant pairs
    # power's test of two proportions: z^2 is Pearson's chi-square of the 2 x 2 table
    Variant("two-proportions", "chi-square", "pearson"),
)})
# Other spellings accepted where a published input names a test -> the name used inside.
ALIASES: Mapping[str, str] = MappingProxyType({
    "chi-square-yates": "chi-square-corrected",  # the audit's input (spec/reported-results.md)
    "two-sample-t-auto": "independent-t",  # power's option: Levene chooses the row
})

NAMES: frozenset[str] = frozenset(TESTS) | frozenset(VARIANTS) | frozenset(ALIASES)


def known(name: object) -> bool:
    """True for a name of the vocabulary (a test id, a variant or an alias)."""
    return isinstance(name, str) and name in NAMES


def canonical(name: str) -> str:
    """The name used inside laktasi for ``name`` (aliases mapped; unknown names refused)."""
    if not known(name):
        raise _unknown(name)
    return ALIASES.get(name, name)


def resolve(name: str) -> Variant:
    """The test and the row a name stands for; :class:`UnknownTestError` for an unknown name.
    """
    name = canonical(name)
    if name in VARIANTS:
        return VARIANTS[name]
    return Variant(name, name)


def spec(name: str) -> TestSpec:
    """The :class:`TestSpec` of a test id, variant or alias."""
    return resolve(name).spec


def comparison_of(name: str) -> str:
    """``"within"`` or ``"between"``: the comparison the named test serves."""
    return spec(name).comparison


def tests_for(design: str, outcome_type: str,
              comparisons: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The test ids that fit an outcome of this type in this design (the comparisons the
    design runs unless ``comparisons`` narrows them), in the registry's order."""
    from .designs import design as design_of

    comps = design_of(design).comparisons if comparisons is None else comparisons
    return tuple(t.id for t in TESTS.values() if t.fits(design, outcome_type, comps))


def _unknown(name: object) -> UnknownTestError:
    return UnknownTestError(f"test {name!r} is not a test laktasi knows; known: "
                            f"{', '.join(sorted(NAMES))}.", option="test", value=name,
                            allowed=tuple(sorted(NAMES)), message_id="unknown_test")
