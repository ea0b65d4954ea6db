"""Fuzzed reported-results files: never a traceback, only located AuditError messages."""

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laktasi.audit import AuditError, audit

KINDS = ["frequency", "descriptives", "paired-binary", "wilcoxon", "rank-two-group",
         "paired-means", "value", "group-comparison-claim", "bogus"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 50), st.floats(allow_nan=True),
                    st.text(max_size=8), st.sampled_from(["0,000", "<0.05", "13,3%", ".915"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(
        ["n", "pct", "label", "mean", "sd", "sum", "mean_rank", "min", "max"]), inner,
        max_size=4)), max_leaves=12)
item = st.fixed_dictionaries({"id": st.text(min_size=1, max_size=5), "kind": st.sampled_from(KINDS)},
                             optional={k: values for k in [
                                 "rows", "total", "n", "mean", "sd", "min", "max", "integer",
                                 "pre", "post", "p", "z", "claimed_test", "negative_ranks",
                                 "positive_ranks", "ties", "groups", "printed", "based_on",
                                 "discordant", "u", "tested_between_groups"]})
study = st.fixed_dictionaries({"design": st.sampled_from(
    ["one-group-pretest-posttest", "two-group-posttest", "nonequivalent-control-pretest-posttest",
     "rct"])})


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.fixed_dictionaries({"study": study, "items": st.lists(item, max_size=4)}))
def test_fuzzed_mappings(data):
    try:
        report = audit(data)
    except AuditError as exc:
        assert str(exc).startswith("(mapping): ")  # located: the source, then the path
    else:
        assert isinstance(report.findings, tuple)


@settings(max_examples=200, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_fuzzed_text_files(tmp_path, text):
    p = tmp_path / "r.yaml"
    p.write_text(text, encoding="utf-8")
    try:
        audit(p)
    except AuditError as exc:
        assert str(p) in str(exc) or "items" in str(exc)


def test_yaml_dump_round_trip_of_an_example(tmp_path):
    from laktasi.audit import load_file

    data, _ = load_file("kota-bengkulu-2018")
    p = tmp_path / "k.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert audit(p).codes() == audit("kota-bengkulu-2018").codes()
