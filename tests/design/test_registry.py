"""One vocabulary of tests and one definition of the designs (issue 10).

- every registry entry runs: its core function returns its result type and every row it
  declares reads a p in [0, 1];
- the plan, the chapter, the audit, power and the web page name only registry tests, and
  the chapter has a table, a sentence and a name for every registry test;
- a scan of the source fails on a test name in a dispatch position (``test == "..."``,
  ``claimed in (...)``, a ``*TESTS`` / ``TEST_NAMES`` table) that the registry does not know;
- no module but ``laktasi.design.designs`` spells a list of design names.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import numpy as np
import pytest

from laktasi.design import designs, plan, registry
from laktasi.design.designs import ALL, DESIGNS, design
from laktasi.design.registry import (
    ALIASES,
    NAMES,
    TESTS,
    VARIANTS,
    UnknownTestError,
    canonical,
    resolve,
)
from laktasi.errors import InvalidOptionError

SRC = Path(__file__).resolve().parents[2] / "src" / "laktasi"

# One small data set per kind of data a test is handed (see registry.DATA_KINDS).
_PRE = np.array([3.0, 5, 4, 6, 2, 5, 4, 3, 5, 6, 4, 2])
_POST = np.array([5.0, 6, 6, 7, 4, 5, 6, 5, 7, 8, 5, 4])
_PRE01 = np.array([0.0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0])
_POST01 = np.array([1.0, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 0])
_GROUPS = ["a"] * 6 + ["b"] * 6
_DATA = {
    "pairs": lambda t: t.core(_PRE, _POST),
    "paired-binary": lambda t: t.core(_PRE01, _POST01, levels=(0.0, 1.0)),
    "paired-counts": lambda t: t.core([[9, 3], [3, 9]]),
    "groups": lambda t: t.core(_PRE[:6], _POST[6:]),
    "group-counts": lambda t: t.core([[12, 3], [6, 9]]),
    "change": lambda t: t.core((_POST - _PRE)[6:], (_POST - _PRE)[:6]),
    "covariate": lambda t: t.core(_POST, _PRE, _GROUPS, levels=("a", "b")),
}


@pytest.mark.parametrize("test_id", sorted(TESTS))
def test_every_entry_runs_its_core_function_and_reads_its_p(test_id):
    t = TESTS[test_id]
    assert t.id == test_id
    assert t.comparison in registry.COMPARISONS
    assert t.outcome_types and set(t.outcome_types) <= set(registry.OUTCOME_TYPES)
    assert t.data in registry.DATA_KINDS and set(_DATA) == set(registry.DATA_KINDS)
    assert set(t.designs) <= set(DESIGNS)
    result = _DATA[t.data](t)
    assert isinstance(result, t.result_type)
    for reading in (None, *t.readings):
        p = t.read_p(result, reading)
        assert 0.0 <= p <= 1.0, (test_id, reading, p)
    assert t.read_p(result) == float(result.pvalue)


def test_rows_read_the_row_they_name():
    chi = TESTS["chi-square"].core([[12, 3], [6, 9]])
    assert TESTS["chi-square"].read_p(chi, "continuity") == chi.continuity.pvalue
    assert TESTS["chi-square"].read_p(chi, "pearson") == chi.pearson.pvalue
    assert chi.continuity.pvalue > chi.pearson.pvalue  # the rows differ: the read is real
    larger = TESTS["chi-square"].core([[5, 3, 4], [6, 9, 2]])  # no continuity row: Pearson
    assert TESTS["chi-square"].read_p(larger, "continuity") == larger.pvalue
    t = TESTS["independent-t"].core(np.array([1.0, 2, 3, 4, 5]), np.array([2.0, 4, 6, 9, 14]))
    assert TESTS["independent-t"].read_p(t, "welch") == t.welch.pvalue != t.student.pvalue


def test_names_resolve_to_one_test_and_row():
    assert resolve("welch-t") == VARIANTS["welch-t"]
    assert resolve("chi-square-yates").test == "chi-square"
    assert resolve("chi-square-yates").reading == "continuity"
    assert canonical("chi-square-yates") == "chi-square-corrected"
    assert resolve("sign").spec is TESTS["mcnemar"]
    assert resolve("wilcoxon").reading is None
    for name in NAMES:
        assert resolve(name).test in TESTS
    for variant in VARIANTS.values():
        assert variant.test in TESTS and variant.reading in TESTS[variant.test].readings
    assert set(ALIASES.values()) <= set(TESTS) | set(VARIANTS)
    with pytest.raises(UnknownTestError) as info:
        resolve("t-test")
    assert info.value.detail["value"] == "t-test" and "welch-t" in info.value.detail["allowed"]


def test_allowed_tests_follow_the_design_and_the_outcome_type():
    assert registry.tests_for("one-group-pretest-posttest", "count") == ("wilcoxon", "paired-t")
    assert registry.tests_for("two-group-posttest", "binary") == ("chi-square", "fisher")
    assert registry.tests_for("nonequivalent-control-pretest-posttest", "continuous",
                     ("between",)) == ("mann-whitney", "independent-t", "ancova",
                                       "mann-whitney-change")
    assert "ancova" not in registry.tests_for("two-group-posttest", "continuous")


def test_designs_say_what_each_needs():
    assert DESIGNS == tuple(d.name for d in ALL) and len(set(DESIGNS)) == len(DESIGNS)
    for d in ALL:
        assert design(d.name) is d
        assert ("between" in d.comparisons) == d.groups
        assert ("within" in d.comparisons) == d.pre
    with pytest.raises(InvalidOptionError) as info:
        design("randomised-trial")
    assert info.value.detail["allowed"] == DESIGNS


def test_the_chapter_words_every_registry_test_and_no_other():
    from laktasi.i18n import keys
    from laktasi.report import chapter

    assert set(chapter.TABLES) == set(TESTS)
    assert set(chapter.STAT_TEXTS) == set(TESTS)
    assert keys("test", "id") == set(TESTS) == keys("test", "en")
    assert set(chapter._HIGHER_KEYS) <= set(TESTS)
    assert set(chapter._EFFECT_OF_TABLE) <= set(TESTS)


def test_the_plan_dispatches_registry_tests_only():
    assert set(plan._AFTER_MINUS_BEFORE) <= {t for t in TESTS if TESTS[t].comparison == "within"}
    assert set(plan._SECOND_MINUS_FIRST) <= {t for t in TESTS
                                             if TESTS[t].comparison == "between"}
    within_data = {t.data for t in TESTS.values() if t.comparison == "within"}
    assert within_data == set(plan._WITHIN_DATA)


def test_the_audit_and_power_name_registry_tests_with_the_right_comparison():
    from laktasi.audit import checks, schema
    from laktasi.i18n import keys
    from laktasi.power import _exact, _fused, simulate

    assert set(schema.TEST_NAMES) <= NAMES
    assert schema.DESIGNS is DESIGNS
    assert {registry.comparison_of(t) for t in checks.INDEPENDENT_TESTS} == {"between"}
    assert {registry.comparison_of(t) for t in checks.PAIRED_TESTS} == {"within"}
    # the audit works on registry ids: the published spellings are read as the ids
    assert checks.INDEPENDENT_TESTS | checks.PAIRED_TESTS == {canonical(t)
                                                              for t in schema.TEST_NAMES}
    assert not (checks.INDEPENDENT_TESTS | checks.PAIRED_TESTS) & set(ALIASES)
    assert {registry.comparison_of(t) for t in simulate.PAIRED_TESTS} == {"within"}
    assert {registry.comparison_of(t) for t in simulate.TWO_GROUP_TESTS} == {"between"}
    assert set(_exact.TWO_BY_TWO_TESTS) <= NAMES
    assert {t for names in _fused.FUSED_TESTS.values() for t in names} <= NAMES
    for lang in ("id", "en"):  # the names power prints (catalogue section power_test)
        assert keys("power_test", lang) <= NAMES
    assert set(simulate.DESIGNS if hasattr(simulate, "DESIGNS") else ()) <= set(DESIGNS)


# --- the source scan ----------------------------------------------------------------------

_DISPATCH_NAMES = re.compile(r"^(test|claimed|claimed_test|force_test|forced_test|chosen)$")
_TABLE_NAMES = re.compile(r"(TESTS|TEST_NAMES|PRINTED_ROW)$")
# Calls whose first argument is a test name.
_NAMING_CALLS = {"resolve", "spec", "canonical", "comparison_of", "_claimed_on_splits",
                 "_independent_p"}
# The rows a test's p is read from (power's McNemar p-values take them by name).
_ROWS = {r for t in TESTS.values() for r in t.readings}
# Tokens that are not test names and never reach the plan, the chapter or the audit's checks:
# the extractor's "t" is "a t test the paper does not name yet" before it becomes a name.
_NOT_NAMES = {"audit/extract/prose.py": {"t"}, "audit/extract/tables.py": {"t"}}


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        return str(node.slice.value)
    return ""


def _strings(node: ast.AST | None) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [s for e in node.elts for s in _strings(e)]
    return []


def _table_names(value: ast.AST) -> list[str]:
    """The test names of a ``*TESTS`` table: its keys (a dict keyed by language: the keys of
    each language's dict) or its elements."""
    if isinstance(value, ast.Dict):
        keys = [s for k in value.keys for s in _strings(k)]
        if keys and set(keys) <= {"id", "en"}:
            return [s for v in value.values for s in _table_names(v)]
        return keys
    return _strings(value)


def _test_names_in_dispatch(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_DISPATCH_NAMES.match(_name(s)) for s in sides):
                found += [(node.lineno, v) for s in sides for v in _strings(s)]
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if _TABLE_NAMES.search(_name(target)):
                found += [(node.lineno, v) for v in _table_names(node.value)]
        elif isinstance(node, ast.Call) and _name(node.func) in _NAMING_CALLS and node.args:
            found += [(node.lineno, v) for v in _strings(node.args[0])]
    return found


def test_the_scan_finds_names_in_dispatch_positions():
    tree = ast.parse('if test == "t-tset":\n    pass\nX_TESTS = {"id": {"wilcoxon": 1}}\n'
                     'if claimed in ("mcnemar", "sign"):\n    pass\n'
                     'resolve("welch")\n_PRINTED_ROW = {"independent-t": "student"}\n')
    assert sorted(v for _, v in _test_names_in_dispatch(tree)) == [
        "independent-t", "mcnemar", "sign", "t-tset", "welch", "wilcoxon"]


def test_every_test_name_in_a_dispatch_position_is_a_registry_name():
    unknown, seen = [], set()
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("stats/") or "meta" in rel:  # methods (exact, knha), not tests
            continue
        for line, name in _test_names_in_dispatch(ast.parse(path.read_text(encoding="utf-8"))):
            seen.add(name)
            if name not in NAMES | _ROWS | _NOT_NAMES.get(rel, set()):
                unknown.append(f"{rel}:{line}: {name!r}")
    assert not unknown, "test names unknown to laktasi.design.registry:\n" + "\n".join(unknown)
    assert {"wilcoxon", "welch-t", "chi-square-yates", "chi-square-corrected"} <= seen


# --- designs defined once -----------------------------------------------------------------

def _design_lists(tree: ast.AST) -> list[int]:
    """Lines of tuple/list/set literals holding two or more design names as elements (a
    table with one row per design, such as the extractor's words that reveal a design, is
    not a list of the designs)."""
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, (ast.Tuple, ast.List, ast.Set))
            and sum(isinstance(e, ast.Constant) and e.value in DESIGNS for e in node.elts) >= 2]


def test_no_module_but_designs_spells_a_list_of_design_names():
    assert _design_lists(ast.parse('D = ("two-group-posttest", "one-group-pretest-posttest")'))
    own = Path(designs.__file__).resolve()
    found = [f"{p.relative_to(SRC).as_posix()}:{line}" for p in sorted(SRC.rglob("*.py"))
             if p.resolve() != own
             for line in _design_lists(ast.parse(p.read_text(encoding="utf-8")))]
    assert not found, "design names listed outside laktasi.design.designs: " + ", ".join(found)


# --- aliases only where a published spelling is read --------------------------------------

# Where an alias may be spelled: the registry, the audit's list of the spellings a published
# paper's file may use (audit/schema.py, which turns them into ids), and power's option
# ``two-sample-t-auto`` (its command-line option, words and kernel table).
_ALIAS_EDGES = {
    "chi-square-yates": ("design/registry.py", "audit/schema.py"),
    "two-sample-t-auto": ("design/registry.py", "power/", "cli/power.py",
                          "i18n/"),
}


def test_aliases_are_spelled_only_where_a_published_name_is_read():
    assert set(_ALIAS_EDGES) == set(ALIASES)
    found = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in ALIASES \
                    and not rel.startswith(_ALIAS_EDGES[node.value]):
                found.append(f"{rel}:{node.lineno}: {node.value!r}")
    assert not found, "aliases used inside laktasi (use the registry's id):\n" + "\n".join(found)


def _audit(items, design="two-group-posttest"):
    from laktasi.audit import audit

    return audit({"study": {"id": "x", "design": design}, "items": items}, lang="en")


def test_the_audit_reads_a_published_spelling_as_the_registry_id():
    import laktasi.stats as st

    item = {"id": "b", "kind": "paired-binary", "pre": [12, 8], "post": [5, 15],
            "claimed_test": "chi-square-yates", "p": "0,05"}
    rep = _audit([item], "one-group-pretest-posttest")
    mismatch = next(f for f in rep.findings if f.code == "test-design-mismatch")
    assert mismatch.reported == "chi-square-corrected"
    p = st.chi_square([[12, 8], [5, 15]]).continuity.pvalue
    assert mismatch.recomputed["chi-square-corrected"] == p
    assert "chi-square-yates" not in str(rep.to_dict())
    # the same paper naming the id itself is not a published spelling the spec lists
    from laktasi.audit import AuditError

    with pytest.raises(AuditError) as info:
        _audit([{**item, "claimed_test": "t-test"}], "one-group-pretest-posttest")
    assert "t-test" in str(info.value) and "chi-square-yates" in str(info.value)


@pytest.mark.parametrize("claimed", sorted({"chi-square", "chi-square-yates", "fisher",
                                            "mcnemar", "wilcoxon", "mann-whitney", "paired-t",
                                            "independent-t", "welch-t", "sign"}))
def test_every_test_name_an_audit_finding_carries_is_a_registry_id(claimed):
    from laktasi.audit import schema

    assert claimed in schema.TEST_NAMES
    ids = set(TESTS) | set(VARIANTS)
    items = [
        {"id": "b", "kind": "paired-binary", "pre": [12, 8], "post": [5, 15],
         "claimed_test": claimed, "p": "0,001", "statistic": "9,9"},
        {"id": "r", "kind": "rank-two-group", "outcome_levels": 2, "claimed_test": claimed,
         "groups": [{"n": 10, "mean_rank": "8,5"}, {"n": 10, "mean_rank": "12,5"}]},
        {"id": "m", "kind": "paired-means", "n": 15, "claimed_test": claimed,
         "pre": {"mean": "1,0", "sd": "1,0"}, "post": {"mean": "2,0", "sd": "1,0"}, "p": "0,01"},
    ]
    for name in DESIGNS:
        rep = _audit(items, name)
        for f in rep.findings:
            if f.code == "test-design-mismatch":
                named = [f.reported, *(f.recomputed if isinstance(f.recomputed, list)
                                       else [f.recomputed] if isinstance(f.recomputed, str)
                                       else [])]
                assert set(named) <= ids, (name, f)
                assert set(f.recomputed if isinstance(f.recomputed, dict) else ()) - {
                    "mcnemar"} <= ids | {canonical(claimed)}, (name, f)
