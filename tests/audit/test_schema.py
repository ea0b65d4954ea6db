"""The reader: every bad field is named by file, path, item, value and what is allowed."""

import pytest

from laktasi.audit import AuditError, audit
from laktasi.audit.printed import parse_printed

STUDY = {"id": "x", "design": "one-group-pretest-posttest"}
FREQ = {"id": "t1", "kind": "frequency",
        "rows": [{"label": "a", "n": 2, "pct": "13,3%"}, {"label": "b", "n": 13, "pct": "86,7"}]}


def _fails(items, tmp_path, study=STUDY):
    import yaml

    p = tmp_path / "paper.yaml"
    p.write_text(yaml.safe_dump({"study": study, "items": items}), encoding="utf-8")
    with pytest.raises(AuditError) as info:
        audit(p)
    return str(info.value), info.value.detail


def test_a_bad_percent_is_located(tmp_path):
    bad = {**FREQ, "rows": [FREQ["rows"][0], {"label": "b", "n": 13, "pct": "86,x"}]}
    msg, detail = _fails([dict(FREQ, id="t0"), bad], tmp_path)
    assert "paper.yaml" in msg and "items[1].rows[1].pct" in msg and "'86,x'" in msg
    assert "item 't1'" in msg and "0,002" in msg  # what is allowed, with an example
    assert detail["path"] == "items[1].rows[1].pct" and detail["item"] == "t1"


@pytest.mark.parametrize(("item", "path", "allowed"), [
    ({"id": "d", "kind": "descriptives", "n": -3}, "items[0].n", "whole number >= 1"),
    ({"id": "d", "kind": "descriptives", "n": 5, "integer": "ya"}, "items[0].integer",
     "true or false"),
    ({"id": "d", "kind": "descriptives", "n": 5, "time": "during"}, "items[0].time", "pre, post"),
    ({"id": "b", "kind": "paired-binary", "pre": [1, 2, 3], "post": [3, 3]}, "items[0].pre",
     "a list of 2"),
    ({"id": "b", "kind": "paired-binary", "pre": [3, 3], "post": [3, 3],
      "claimed_test": "t-test"}, "items[0].claimed_test", "mcnemar"),
    ({"id": "w", "kind": "wilcoxon", "negative_ranks": {"n": 0},
      "positive_ranks": {"mean_rank": 8}}, "items[0].positive_ranks.n", "whole number"),
    ({"id": "r", "kind": "rank-two-group", "groups": [{"n": 3, "sum": 6}]}, "items[0].groups",
     "a list of 2"),
    ({"id": "m", "kind": "paired-means", "n": 15, "pre": {"mean": 1, "sd": 1},
      "post": {"mean": 2}}, "items[0].post.sd", "a number as printed"),
    ({"id": "v", "kind": "value", "printed": {"abstract": "0,95"}}, "items[0].printed",
     "at least 2 entries"),
    ({"id": "c", "kind": "group-comparison-claim", "better": "a", "than": "b",
      "based_on": ["nope"], "tested_between_groups": False}, "items[0].based_on[0]", "ids"),
    ({"id": "w", "kind": "wilcoxon", "negative_ranks": {"n": 0}, "positive_ranks": {"n": 5},
      "p": "1,5"}, "items[0].p", "from 0 to 1"),
    ({"id": "f", "kind": "frequency", "rows": [{"label": "a"}]}, "items[0].rows[0]",
     "n, pct or both"),
    ({"id": "x", "kind": "table"}, "items[0].kind", "frequency"),
])
def test_each_bad_field_is_located(tmp_path, item, path, allowed):
    msg, detail = _fails([item], tmp_path)
    assert path in msg and allowed in msg and detail["path"] == path, msg


def test_study_and_duplicates(tmp_path):
    msg, _ = _fails([], tmp_path, study={"design": "rct"})
    assert "study.design = 'rct' is not allowed" in msg
    msg, _ = _fails([], tmp_path, study={**STUDY, "alpha": 5})
    assert "study.alpha" in msg and "between 0 and 1" in msg
    msg, _ = _fails([FREQ, FREQ], tmp_path)
    assert "items[1].id" in msg and "unique" in msg


def test_extra_fields_are_accepted():
    rep = audit({"study": {**STUDY, "journal": "J"}, "items": [{**FREQ, "remark": "ok"}]})
    assert rep.findings == ()


@pytest.mark.parametrize(("raw", "value", "decimals", "low", "high"), [
    ("0,002", 0.002, 3, 0.0015, 0.0025),
    ("0,000", 0.0, 3, 0.0, 0.0005),        # SPSS's p < .0005, as a p-value never negative
    ("<0.05", 0.05, 2, 0.0, 0.05),
    ("13,3%", 13.3, 1, 13.25, 13.35),
    (".915", 0.915, 3, 0.9145, 0.9155),
    ("p = 0,004", 0.004, 3, 0.0035, 0.0045),
    ("−3.434", -3.434, 3, -3.4345, -3.4335),
    (120, 120.0, 0, 119.5, 120.5),
])
def test_printed_numbers_keep_their_decimals(raw, value, decimals, low, high):
    p = parse_printed(raw).as_p() if value >= 0 and value <= 1 else parse_printed(raw)
    assert (p.value, p.decimals) == (value, decimals)
    assert p.low == pytest.approx(low) and p.high == pytest.approx(high)
