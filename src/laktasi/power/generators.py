"""Data models for Monte-Carlo power: each draws many simulated studies at once.

A model is called as ``model(rng, sims, n)`` and returns two arrays of shape
``(sims, n)`` -- ``(pre, post)`` for one-group pretest-posttest designs, ``(intervention,
control)`` for two-group designs (the control group has ``round(n * ratio)`` mothers).
``design`` says which; ``params`` records the inputs for reports.

Models (units as the studies print them):

* ``normal_differences`` / ``normal_groups``: normal outcomes (standardised effect).
* ``milk_volume`` / ``milk_volume_groups``: expressed milk volume in cc, gamma
  distributed (right-skewed), read off a syringe to 0.1 cc -- ties happen.
* ``integer_counts`` / ``two_group_counts``: whole-number counts such as feeds or infant
  urinations per 24 h -- heavy ties.
* ``ordinal_scores`` / ``ordinal_groups``: a score with few levels (e.g. an observation
  checklist or a 1-5 item) from a latent normal cut at fixed points -- very heavy ties.
* ``binary_pairs`` / ``binary_groups``: "ASI lancar" yes/no; paired with given
  discordant proportions, or two groups with given proportions (coded 1 = lancar).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import special

from laktasi.design.designs import ONE_GROUP, TWO_GROUP
from laktasi.errors import LaktasiInputError

from ._fused import GroupBinary, GroupValues, PairedBinary, PairedValues

__all__ = ["DESIGNS", "DataModel", "binary_groups", "binary_pairs", "integer_counts",
           "milk_volume", "milk_volume_groups", "normal_differences", "normal_groups",
           "ordinal_groups", "ordinal_scores", "two_group_counts"]

DESIGNS = (ONE_GROUP.name, TWO_GROUP.name)  # the designs power draws
Draw = Callable[[np.random.Generator, int, int], tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class DataModel:
    """A named data model: ``draw(rng, sims, n)`` and what it represents; ``fused``, when
    set, is the same distribution in the form the fused kernels draw from
    (:mod:`laktasi.power._fused`: probabilities of each value, rounded to 2**-32)."""

    name: str
    design: str
    params: tuple[tuple[str, float], ...]
    draw: Draw
    fused: object | None = None

    def __call__(self, rng: np.random.Generator, sims: int, n: int
                 ) -> tuple[np.ndarray, np.ndarray]:
        return self.draw(rng, sims, n)


def _positive(**values: float) -> None:
    for name, v in values.items():
        if not v > 0:
            raise LaktasiInputError(f"{name} = {v} must be greater than 0.", what=name, value=v,
                                    message_id="must_be_positive")


def _control_n(n: int, ratio: float) -> int:
    return max(2, round(n * ratio))


# --- normal --------------------------------------------------------------------------


def normal_differences(dz: float) -> DataModel:
    """Pre 0 and post normal with mean ``dz`` and SD 1: differences with standardised mean
    d_z (all a paired test sees)."""
    def draw(rng: np.random.Generator, sims: int, n: int) -> tuple[np.ndarray, np.ndarray]:
        return np.zeros((sims, n)), rng.standard_normal((sims, n)) + dz
    return DataModel("normal", DESIGNS[0], (("dz", dz),), draw)


def normal_groups(d: float, ratio: float = 1.0) -> DataModel:
    """Intervention N(d, 1), control N(0, 1)."""
    _positive(ratio=ratio)

    def draw(rng: np.random.Generator, sims: int, n: int) -> tuple[np.ndarray, np.ndarray]:
        return (rng.standard_normal((sims, n)) + d,
                rng.standard_normal((sims, _control_n(n, ratio))))
    return DataModel("normal", DESIGNS[1], (("d", d), ("ratio", ratio)), draw)


# --- milk volume (gamma, 0.1 cc) -----------------------------------------------------


def _gamma(rng: np.random.Generator, mean: float, cv: float, size: tuple[int, int]
           ) -> np.ndarray:
    shape = 1 / cv**2
    return rng.gamma(shape, mean / shape, size=size)


def _syringe(v: np.ndarray, step: float) -> np.ndarray:
    return np.rint(v / step) * step


def milk_volume(pre_mean: float = 8.0, pre_cv: float = 0.6, ratio: float = 1.3,
                change_cv: float = 0.35, step: float = 0.1) -> DataModel:
    """Expressed milk (cc) before and after: pre ~ gamma(mean ``pre_mean``, CV
    ``pre_cv``); post = pre x a gamma factor (mean ``ratio``, CV ``change_cv``), so that
    changes are right-skewed and larger in mothers who already produce more; both read to
    ``step`` cc."""
    _positive(pre_mean=pre_mean, pre_cv=pre_cv, ratio=ratio, change_cv=change_cv, step=step)

    def draw(rng: np.random.Generator, sims: int, n: int) -> tuple[np.ndarray, np.ndarray]:
        pre = _gamma(rng, pre_mean, pre_cv, (sims, n))
        post = pre * _gamma(rng, ratio, change_cv, (sims, n))
        return _syringe(pre, step), _syringe(post, step)
    return DataModel("milk-volume", DESIGNS[0],
                     (("pre_mean", pre_mean), ("pre_cv", pre_cv), ("ratio", ratio),
                      ("change_cv", change_cv), ("step", step)), draw)


def milk_volume_groups(control_mean: float = 8.0, cv: float = 0.6, ratio_means: float = 1.3,
                       step: float = 0.1, ratio: float = 1.0) -> DataModel:
    """Two groups of gamma milk volumes (same CV ``cv``): the intervention mean is
    ``ratio_means`` x ``control_mean``; read to ``step`` cc."""
    _positive(control_mean=control_mean, cv=cv, ratio_means=ratio_means, step=step,
              ratio=ratio)

    def draw(rng: np.random.Generator, sims: int, n: int) -> tuple[np.ndarray, np.ndarray]:
        x = _gamma(rng, control_mean * ratio_means, cv, (sims, n))
        y = _gamma(rng, control_mean, cv, (sims, _control_n(n, ratio)))
        return _syringe(x, step), _syringe(y, step)
    return DataModel("milk-volume", DESIGNS[1],
                     (("control_mean", control_mean), ("cv", cv),
                      ("ratio_means", ratio_means), ("step", step), ("ratio", ratio)), draw)


# --- whole-number counts -------------------------------------------------------------

_LEVELS = 65536
_U = (np.arange(_LEVELS) + 0.5) / _LEVELS


def _change_counts(spread: float, shift: float) -> dict[int, int]:
    """How many of the 65,536 equally likely levels give each rounded change."""
    values, counts = np.unique(np.rint(special.ndtri(_U) * spread + shift), return_counts=True)
    return {int(v): int(c) for v, c in zip(values, counts, strict=True)}


def _base_plus_change(lo: int, hi: int, change: dict[int, int]) -> dict[int, int]:
    """Weights (out of (hi - lo + 1) x 65,536) of max(base + change, 0), base uniform."""
    out: dict[int, int] = {}
    for base in range(lo, hi + 1):
        for c, w in change.items():
            v = max(base + c, 0)
            out[v] = out.get(v, 0) + w
    return out


def _probs(weights: dict[int, int], lo: int, hi: int) -> tuple[float, ...]:
    total = sum(weights.values())
    return tuple(weights.get(v, 0) / total for v in range(lo, hi + 1))


def integer_counts(base_low: int = 4, base_high: int = 8, effect: float = 1.0,
                   spread: float = 1.5) -> DataModel:
    """Whole-number outcomes with heavy ties (e.g. feeds per 24 h): pre uniform on
    base_low..base_high, post = pre + a rounded normal change (mean ``effect``, SD
    ``spread``), never below 0.

    The change is drawn through its quantile function tabulated at 65,536 equally likely
    levels (16 random bits per value): the rounded normal with probabilities quantised to
    1/65,536, several times faster than drawing normals and rounding them.
    """
    _positive(spread=spread)
    table = np.rint(special.ndtri(_U) * spread + effect).astype(np.int16)

    def draw(rng: np.random.Generator, sims: int, n: int) -> tuple[np.ndarray, np.ndarray]:
        pre = rng.integers(base_low, base_high + 1, size=(sims, n), dtype=np.int16)
        change = table[rng.integers(0, _LEVELS, size=(sims, n), dtype=np.uint16)]
        post = np.maximum(pre + change, 0)
        return pre, post

    # d = max(pre + change, 0) - pre = max(change, -pre)
    diff: dict[int, int] = {}
    for pre in range(base_low, base_high + 1):
        for c, w in _change_counts(spread, effect).items():
            diff[max(c, -pre)] = diff.get(max(c, -pre), 0) + w
    lo, hi = min(diff), max(diff)
    return DataModel("counts", DESIGNS[0],
                     (("base_low", base_low), ("base_high", base_high), ("effect", effect),
                      ("spread", spread)), draw, PairedValues(lo, _probs(diff, lo, hi)))


def two_group_counts(base_low: int = 4, base_high: int = 8, effect: float = 1.0,
                     spread: float = 1.5, ratio: float = 1.0) -> DataModel:
    """Two independent groups of whole-number outcomes: control = uniform base + rounded
    normal (mean 0, SD ``spread``), intervention the same with mean ``effect``; never
    below 0."""
    _positive(spread=spread, ratio=ratio)
    z = special.ndtri(_U) * spread

    def draw(rng: np.random.Generator, sims: int, n: int) -> tuple[np.ndarray, np.ndarray]:
        m = _control_n(n, ratio)
        x = rng.integers(base_low, base_high + 1, size=(sims, n), dtype=np.int16)
        y = rng.integers(base_low, base_high + 1, size=(sims, m), dtype=np.int16)
        x = x + np.rint(z[rng.integers(0, _LEVELS, size=(sims, n), dtype=np.uint16)] + effect)
        y = y + np.rint(z[rng.integers(0, _LEVELS, size=(sims, m), dtype=np.uint16)])
        return np.maximum(x, 0).astype(np.int64), np.maximum(y, 0).astype(np.int64)

    wx = _base_plus_change(base_low, base_high, _change_counts(spread, effect))
    wy = _base_plus_change(base_low, base_high, _change_counts(spread, 0.0))
    lo, hi = min(*wx, *wy), max(*wx, *wy)
    return DataModel("counts", DESIGNS[1],
                     (("base_low", base_low), ("base_high", base_high), ("effect", effect),
                      ("spread", spread), ("ratio", ratio)), draw,
                     GroupValues(lo, _probs(wx, lo, hi), _probs(wy, lo, hi), ratio))


# --- ordinal scores ------------------------------------------------------------------


def _cuts(levels: int) -> np.ndarray:
    if levels < 2:
        raise LaktasiInputError(f"levels = {levels}: a score needs at least 2 levels.",
                                levels=levels, message_id="score_levels_too_few")
    return np.linspace(-1.5, 1.5, levels - 1)


def ordinal_scores(levels: int = 5, effect: float = 0.5, r: float = 0.5) -> DataModel:
    """Scores 1..``levels`` before and after: a latent standard normal (correlation ``r``
    between pre and post, post shifted by ``effect`` latent SDs) cut at equally spaced
    points from -1.5 to 1.5 -- most mothers share a few scores."""
    if not -1 < r < 1:
        raise LaktasiInputError(f"r = {r} must lie between -1 and 1.", r=r,
                                message_id="correlation_range")
    cuts = _cuts(levels)

    def draw(rng: np.random.Generator, sims: int, n: int) -> tuple[np.ndarray, np.ndarray]:
        z1 = rng.standard_normal((sims, n))
        z2 = r * z1 + np.sqrt(1 - r * r) * rng.standard_normal((sims, n)) + effect
        return (np.searchsorted(cuts, z1).astype(np.int16) + 1,
                np.searchsorted(cuts, z2).astype(np.int16) + 1)
    return DataModel("ordinal", DESIGNS[0], (("levels", levels), ("effect", effect), ("r", r)),
                     draw)


def ordinal_groups(levels: int = 5, effect: float = 0.5, ratio: float = 1.0) -> DataModel:
    """Scores 1..``levels`` in two groups (latent normal, intervention shifted by
    ``effect``), cut as in :func:`ordinal_scores`."""
    _positive(ratio=ratio)
    cuts = _cuts(levels)

    def draw(rng: np.random.Generator, sims: int, n: int) -> tuple[np.ndarray, np.ndarray]:
        x = rng.standard_normal((sims, n)) + effect
        y = rng.standard_normal((sims, _control_n(n, ratio)))
        return (np.searchsorted(cuts, x).astype(np.int16) + 1,
                np.searchsorted(cuts, y).astype(np.int16) + 1)
    return DataModel("ordinal", DESIGNS[1],
                     (("levels", levels), ("effect", effect), ("ratio", ratio)), draw)


# --- binary --------------------------------------------------------------------------


def binary_pairs(p_improve: float, p_worsen: float, p_pre: float = 0.4) -> DataModel:
    """Paired yes/no (1 = lancar): P(0 -> 1) = ``p_improve``, P(1 -> 0) = ``p_worsen``,
    P(pre = 1) = ``p_pre``; the concordant pairs take the rest."""
    both = p_pre - p_worsen
    neither = 1 - p_improve - p_worsen - both
    if min(p_improve, p_worsen, both, neither) < 0:
        raise LaktasiInputError(
            f"p_improve = {p_improve}, p_worsen = {p_worsen}, p_pre = {p_pre} do not make a "
            "2 x 2 table of probabilities (need p_worsen <= p_pre and p_improve <= 1 - p_pre).",
            p_improve=p_improve, p_worsen=p_worsen, p_pre=p_pre,
            message_id="binary_pairs_probabilities")
    edges = np.cumsum([neither, p_improve, p_worsen])  # categories: 00, 01, 10, 11

    def draw(rng: np.random.Generator, sims: int, n: int) -> tuple[np.ndarray, np.ndarray]:
        cat = np.searchsorted(edges, rng.random((sims, n)), side="right")
        pre = ((cat == 2) | (cat == 3)).astype(np.int8)
        post = ((cat == 1) | (cat == 3)).astype(np.int8)
        return pre, post
    return DataModel("binary", DESIGNS[0],
                     (("p_improve", p_improve), ("p_worsen", p_worsen), ("p_pre", p_pre)), draw,
                     PairedBinary(p_improve, p_worsen))


def binary_groups(p1: float, p2: float, ratio: float = 1.0) -> DataModel:
    """Two groups of yes/no outcomes (1 = lancar) with proportions p1 (intervention) and p2
    (control)."""
    for name, p in (("p1", p1), ("p2", p2)):
        if not 0 <= p <= 1:
            raise LaktasiInputError(f"{name} = {p} must lie between 0 and 1.", what=name, value=p,
                                    message_id="probability_between")
    _positive(ratio=ratio)

    def draw(rng: np.random.Generator, sims: int, n: int) -> tuple[np.ndarray, np.ndarray]:
        return ((rng.random((sims, n)) < p1).astype(np.int8),
                (rng.random((sims, _control_n(n, ratio))) < p2).astype(np.int8))
    return DataModel("binary", DESIGNS[1], (("p1", p1), ("p2", p2), ("ratio", ratio)), draw,
                     GroupBinary(p1, p2, ratio))
