"""The results chapter: tables, a paragraph per table, the between-group claim."""

import numpy as np
import pytest

from laktasi.design import study_from_mapping
from laktasi.design.plan import analyse
from laktasi.report.chapter import build_chapter
from laktasi.report.document import Heading, Paragraph, TableBlock


def _nonequivalent(post_shift_exp):
    rng = np.random.default_rng(5)
    n = 15
    pre = rng.normal(0.8, 0.5, 2 * n).clip(0.05).round(2)
    gain = np.r_[rng.normal(0.9, 0.5, n), rng.normal(0.9 + post_shift_exp, 0.5, n)]
    post = (pre + gain).round(2)
    rows = [{"kode": f"R{i:02d}", "kelompok": "kontrol" if i < n else "eksperimen",
             "asi_pre": float(pre[i]), "asi_post": float(post[i]),
             "paritas": "primipara" if i % 3 else "multipara"} for i in range(2 * n)]
    study = study_from_mapping({
        "study": {"id": "k", "title": "K", "design": "nonequivalent-control-pretest-posttest",
                  "place": "Puskesmas X", "year": 2018},
        "group": {"column": "kelompok",
                  "levels": [{"value": "kontrol", "label": {"id": "pijat oksitosin",
                                                            "en": "oxytocin massage"}},
                             {"value": "eksperimen", "label": {
                                 "id": "pijat oksitosin + massase payudara",
                                 "en": "oxytocin + breast massage"}}],
                  "intervention": "eksperimen"},
        "characteristics": ["paritas"],
        "outcomes": [{"name": "asi", "type": "continuous", "pre": "asi_pre", "post": "asi_post",
                      "label": {"id": "Produksi ASI (cc)", "en": "Milk volume (cc)"}}],
    })
    return analyse(study, rows)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_table_is_numbered_and_followed_by_text(lang):
    doc = build_chapter(_nonequivalent(0.0), lang)
    numbers = [b.number for b in doc.tables()]
    assert numbers == [f"4.{i}" for i in range(1, len(numbers) + 1)]
    assert isinstance(doc.blocks[0], Heading)
    for i, block in enumerate(doc.blocks):
        if isinstance(block, TableBlock) and i + 1 < len(doc.blocks):
            assert isinstance(doc.blocks[i + 1], (TableBlock, Paragraph))
    text = " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert "0,000" not in text and ".000" not in text


def test_more_effective_claim_is_judged_by_the_between_group_test():
    no_diff = build_chapter(_nonequivalent(0.0), "en")
    texts = [b.text for b in no_diff.blocks if isinstance(b, Paragraph)]
    assert any("is NOT supported" in t for t in texts)
    big = build_chapter(_nonequivalent(1.5), "en")
    texts = [b.text for b in big.blocks if isinstance(b, Paragraph)]
    assert any("is supported by this between-group test" in t for t in texts)
    captions = [b.caption for b in big.tables()]
    assert any(c.startswith("ANCOVA") for c in captions) or any("Mann-Whitney" in c
                                                               for c in captions)


def test_one_group_chapter_states_the_missing_control_group():
    from laktasi.design import study_from_mapping

    study = study_from_mapping({
        "study": {"id": "a", "title": "A", "design": "one-group-pretest-posttest"},
        "outcomes": [{"name": "lancar", "type": "binary", "pre": "pre", "post": "post",
                      "levels": ["tidak lancar", "lancar"]}],
    })
    rows = ([{"pre": "tidak lancar", "post": "lancar"}] * 18
            + [{"pre": "lancar", "post": "lancar"}] * 6
            + [{"pre": "tidak lancar", "post": "tidak lancar"}] * 4)
    doc = build_chapter(analyse(study, rows), "id")
    text = " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert "tanpa kontrol" in text
    assert "uji McNemar" in text
    cross = doc.tables()[1].table
    assert cross.rows[0][2] == "18 (64,3%)"  # tidak lancar -> lancar


@pytest.mark.parametrize("shift, claim", [(0.0, "not_supported"), (1.5, "supported"),
                                          (-1.5, "contradicted")])
def test_the_plan_decides_the_claim_and_the_chapter_words_it(shift, claim):
    analysis = _nonequivalent(shift)
    between = [s for s in analysis.outcomes[0].steps if s.comparison == "between"]
    assert [s.claim for s in between] == [claim]
    assert all(s.claim is None for s in analysis.outcomes[0].steps if s.comparison != "between")
    step = between[0]
    assert step.significant == (step.pvalue < analysis.study.alpha)
    if claim != "not_supported":
        assert step.direction == ("eksperimen" if claim == "supported" else "kontrol")
    texts = [b.text for b in build_chapter(analysis, "en").blocks if isinstance(b, Paragraph)]
    words = {"not_supported": "is NOT supported", "supported": "is supported by this",
             "contradicted": "is contradicted"}
    assert any(words[claim] in t for t in texts)
