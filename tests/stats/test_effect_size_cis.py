"""Effect-size CIs where R's noncentral t loses precision (ncp > 37.62): checked against a
40-digit integration of the noncentral t distribution (mpmath)."""

import math

import mpmath as mp
import pytest

import laktasi.stats as st


def _nct_cdf(t: float, df: int, ncp: float) -> float:
    """P(T <= t) for noncentral t: E_V[Phi(t sqrt(V/df) - ncp)], V ~ chi2(df)."""
    with mp.workdps(40):
        def integrand(v):
            log_dens = (df / 2 - 1) * mp.log(v) - v / 2 - (df / 2) * mp.log(2) - mp.loggamma(df / 2)
            return mp.ncdf(t * mp.sqrt(v / df) - ncp) * mp.exp(log_dens)

        return float(mp.quad(integrand, [0, df, 4 * df, mp.inf]))


@pytest.mark.parametrize(("pre", "post"), [
    ([1.0, 2.0, 3.0, 4.0, 5.0], [3.1, 4.0, 5.2, 6.1, 6.9]),  # t about 28, df 4
    ([10, 11, 12, 13, 14, 15], [14, 15.5, 16, 17.2, 18, 19.1]),
])
def test_d_z_limits_invert_the_noncentral_t(pre, post):
    res = st.paired_t(pre, post)
    n = res.n
    lo, hi = res.effect_size.ci.low * math.sqrt(n), res.effect_size.ci.high * math.sqrt(n)
    assert max(abs(lo), abs(hi)) > 37.62  # beyond R's pt() precision limit
    assert _nct_cdf(res.statistic, res.df, lo) == pytest.approx(0.975, abs=1e-10)
    assert _nct_cdf(res.statistic, res.df, hi) == pytest.approx(0.025, abs=1e-10)


def test_rank_biserial_ci_is_fisher_z_with_effectsize_se():
    # effectsize::rank_biserial(post, pre, paired = TRUE): SE = sqrt((2n^3+3n^2+n)/6)/(n(n+1)/2)
    pre = [5, 6, 4, 7, 5, 6, 5, 4, 6, 5, 7, 6]
    post = [7, 6, 6, 9, 4, 8, 7, 7, 8, 6, 7, 9]
    res = st.wilcoxon_signed_rank(pre, post)
    n = res.n_nonzero
    r = (res.t_plus - res.t_minus) / (res.t_plus + res.t_minus)
    se = math.sqrt((2 * n**3 + 3 * n**2 + n) / 6) / (n * (n + 1) / 2)
    rb = res.effect_size
    assert rb.value == pytest.approx(r, rel=1e-12)
    assert rb.ci.low == pytest.approx(math.tanh(math.atanh(r) - 1.959963984540054 * se))
    assert rb.ci.high == pytest.approx(math.tanh(math.atanh(r) + 1.959963984540054 * se))
