"""Number formats of laktasi.i18n.numbers: decimal comma (id), APA (en), never "p = 0,000",
SPSS half-up rounding; the active language is the default."""

import pytest

from laktasi.errors import InvalidOptionError
from laktasi.i18n import use_language
from laktasi.i18n.chapter import proportion_word, say
from laktasi.i18n.numbers import fmt_number, fmt_p, fmt_percent


@pytest.mark.parametrize(
    ("p", "lang", "text"),
    [
        (0.0004, "id", "p < 0,001"),
        (0.0004, "en", "p < .001"),
        (0.00060364, "id", "p = 0,001"),
        (0.0241, "en", "p = .024"),
        (0.05, "id", "p = 0,050"),
        (1.0, "en", "p = 1.000"),
    ],
)
def test_fmt_p(p, lang, text):
    assert fmt_p(p, lang) == text


def test_the_active_language_is_the_default():
    assert fmt_number(2.5) == "2,50" and fmt_p(0.0004) == "p < 0,001"
    with use_language("en"):
        assert fmt_number(2.5) == "2.50" and fmt_p(0.0004) == "p < .001"
        assert fmt_percent(57.14) == "57.1%"
        assert fmt_number(2.5, 2, "id") == "2,50"  # an explicit language wins
    assert fmt_percent(57.14) == "57,1%"


def test_half_up_rounding_like_spss():
    # 0.0125 is stored as 0.01249999...; SPSS/Excel print .013 for a computed .0125
    assert fmt_number(2.675, 2, "en") == "2.68"
    assert fmt_number(-0.0004, 3, "en") == "0.000"
    assert fmt_number(-3.4299, 3, "id") == "−3,430"


def test_percent_and_words():
    assert fmt_percent(16 / 28 * 100, 1, "id") == "57,1%"
    assert proportion_word(16 / 28 * 100) == "sebagian besar"
    assert proportion_word(100) == "seluruhnya"
    assert proportion_word(50) == "setengahnya"
    assert proportion_word(0) == "tidak satupun"
    assert proportion_word(26.0) == "hampir setengahnya"
    assert proportion_word(80.0, "en") == "almost all"


def test_unknown_language_is_refused_with_the_allowed_values():
    with pytest.raises(InvalidOptionError, match=r"'id' .*'en'"):
        say("total", "fr")


@pytest.mark.parametrize(("text", "numeric"), [
    (".004", True), ("< .001", True), ("0,121 (χ²)", True), ("18 (64,3%)", True),
    ("−3,434", True), ("[0,1; 2,3]", True), ("<20 tahun", False), ("20-35 tahun", False),
    ("primipara", False), ("", False),
])
def test_numeric_cells_are_recognised_for_right_alignment(text, numeric):
    from laktasi.report.tables import is_numeric_cell

    assert is_numeric_cell(text) is numeric


def test_undefined_p_prints_a_dash_not_an_error():
    # paired t of 2 pairs: the correlation's p is undefined (PSPP prints NaN, R refuses)
    from laktasi.report.tables import paired_t_table
    from laktasi.stats import paired_t

    res = paired_t(pre=[1, 2], post=[3, 5])
    for lang in ("id", "en"):
        with use_language(lang):  # the report's tables read the active language
            table = paired_t_table("volume", res)
        assert any("p = –" in note for note in table.footnotes), table.footnotes
    assert fmt_p(float("nan"), "id") == "p = –"
