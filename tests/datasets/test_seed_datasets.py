"""The Kota Bengkulu and Blooto examples reproduce what the papers print, and the report
answers the questions the papers asked (issue 3's acceptance)."""

import pytest

from laktasi.pipeline import analyse_file, example_files
from laktasi.report.document import Paragraph


def _printed(value, text):
    decimals = len(text.split(".")[1])
    assert abs(value - float(text)) <= 0.5 * 10.0**-decimals + 1e-12, (value, text)


@pytest.fixture(scope="module")
def bengkulu():
    return analyse_file(*example_files("kota-bengkulu-2018"), lang="en")


@pytest.mark.parametrize(("group", "pre", "post", "p_low", "p_high"), [
    ("kontrol", ("0.62", "0.70"), ("1.59", "1.39"), 0.0035, 0.0045),      # table 2: p 0,004
    ("eksperimen", ("0.94", "1.25"), ("2.75", "2.28"), 0.0, 0.0005),     # table 3: p 0,000
])
def test_bengkulu_paired_t_per_group(bengkulu, group, pre, post, p_low, p_high):
    analysis, _ = bengkulu
    step = next(s for s in analysis.outcomes[0].steps if s.group == group)
    assert step.test == "paired-t"
    res = step.result
    _printed(res.pre.mean, pre[0])
    _printed(res.pre.sd, pre[1])
    _printed(res.post.mean, post[0])
    _printed(res.post.sd, post[1])
    assert p_low <= res.pvalue < p_high


def test_bengkulu_report_has_ancova_and_the_effectiveness_sentence(bengkulu):
    analysis, doc = bengkulu
    between = analysis.outcomes[0].steps[-1]
    assert between.comparison == "between" and between.test == "ancova"
    assert 0 <= between.result.effect_size.value <= 1
    captions = [b.caption for b in doc.tables()]
    assert any(c.startswith("ANCOVA") for c in captions)
    text = " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert "oxytocin + breast massage is more effective than oxytocin massage" in text
    assert "partial η²" in text


def test_blooto_mcnemar_and_correct_percentages():
    analysis, doc = analyse_file(*example_files("blooto-mojokerto-2021"), lang="id")
    step = analysis.outcomes[0].steps[0]
    assert step.test == "mcnemar"
    assert (step.result.b, step.result.c) == (18, 0)  # 6 -> 24 lancar of 28
    assert step.result.pvalue == pytest.approx(2 * 0.5**18, rel=1e-12)
    table = doc.tables()[0].table
    primi = next(r for r in table.rows if r[1] == "primipara")
    assert primi[2:] == ("16", "57,1")  # the paper printed 47,1%
    binary = next(b.table for b in doc.tables() if b.caption.startswith("Distribusi Kelancaran"))
    assert binary.rows[0][1:] == ("22 (78,6%)", "6 (21,4%)", "28")
    assert binary.rows[1][1:] == ("4 (14,3%)", "24 (85,7%)", "28")
