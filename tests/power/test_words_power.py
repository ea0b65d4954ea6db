"""The sample-size and simulated-power paragraphs: Indonesian by default with no English
fragments or code, every test named in the user's language, the software cited as
"perangkat lunak laktasi"."""

import re

import pytest

from laktasi.i18n.power import LABELS, justification, labels, simulation_justification
from laktasi.power import (
    binary_groups,
    binary_pairs,
    integer_counts,
    mcnemar_n,
    paired_t_n,
    simulate_power,
    two_proportions_n,
    two_sample_t_n,
    wilcoxon_n,
)

ENGLISH = re.compile(r"(?<!\()\bpower\b(?!\.prop)|signed rank|Fisher exact|chi-square|d_z|\bseed\b|"
                     r"\bties\b|seperti SPSS|dengan laktasi|\bthe\b|\bof\b")

PLANS = [paired_t_n(0.5, dropout=0.1), wilcoxon_n(0.5), two_sample_t_n(0.6),
         mcnemar_n(0.3, 0.1), two_proportions_n(0.7, 0.4)]


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.test)
def test_sample_size_paragraph_is_indonesian(plan):
    text = justification(plan)  # Indonesian by default
    assert ENGLISH.search(text) is None, text
    assert "perangkat lunak laktasi" in text and "kekuatan uji" in text
    assert "the laktasi software" in justification(plan, "en")


@pytest.mark.parametrize(("model", "test", "n"), [
    (integer_counts(effect=0.5), "wilcoxon", 20), (binary_pairs(0.3, 0.1), "mcnemar", 30),
    (binary_groups(0.7, 0.4), "fisher", 25), (binary_groups(0.7, 0.4), "chi-square", 25)])
def test_simulation_paragraph_is_indonesian(model, test, n):
    est = simulate_power(n, model, test, sims=2_000, seed=1)
    text = simulation_justification(est, model.params)
    assert ENGLISH.search(text) is None, text
    assert "perangkat lunak laktasi" in text and "0," in text
    assert "dz" in justification(wilcoxon_n(0.5))
    assert "d_z" not in str(labels("id")) + str(LABELS["en"])
