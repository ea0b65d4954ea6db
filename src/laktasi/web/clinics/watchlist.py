"""The watch-list: mothers whose recorded signs of milk intake fall below the thresholds of
the first week (DOMAIN.md, "Signs of adequate milk intake"). Each flag carries its rule and
its source and is worded as a prompt to the midwife, never as a diagnosis. The thresholds
are the clinic's own (editable by its admin), starting from the published ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language, gettext

__all__ = ["DEFAULT_THRESHOLDS", "Flag", "day_of_life", "flags_for", "thresholds_of"]

DEFAULT_THRESHOLDS: dict[str, float] = {
    "feeds_min": 8,            # feeds per 24 h (AAP 2012: 8-12)
    "wet_after_day3": 6,       # wet diapers per 24 h from day 4 (WHO 2009; IDAI)
    "weight_loss_check": 7,    # % of birth weight: needs evaluation (AAP 2012)
    "weight_loss_red": 10,     # %: red flag (AAP 2012; NEWT nomograms, Pediatrics 2015)
}

SOURCES = {
    "feeds": "AAP 2012 policy statement (Breastfeeding and the Use of Human Milk)",
    "wet": "WHO 2009 (via GPnotebook); Satgas ASI IDAI (Indonesian pediatric society)",
    "weight": "AAP 2012; NEWT newborn weight nomograms (Pediatrics 2015)",
}


@dataclass(frozen=True)
class Flag:
    """One prompt: which observation, the rule it falls below, the source, the words."""

    sign: str          # feeds | wet | weight
    level: str         # check | red
    observed: Any      # the observation's date
    rule: str
    source: str
    prompt: str


def thresholds_of(clinic_thresholds: Mapping[str, Any] | None) -> dict[str, float]:
    out = dict(DEFAULT_THRESHOLDS)
    for key, value in (clinic_thresholds or {}).items():
        if key in out and value not in (None, ""):
            out[key] = float(value)
    return out


def day_of_life(obs: Any, delivered: Any) -> int | None:
    """The baby's day of life at the observation: day N when the sheet says so, otherwise
    counted from the delivery date (the day of birth is day 1)."""
    if obs.point == "day" and obs.day:
        return int(obs.day)
    if delivered is None or obs.observed is None:
        return None
    return (obs.observed - delivered).days + 1


def _n(x: float) -> str:
    """A number as the page's language writes it (a decimal comma in Indonesian)."""
    text = f"{x:g}"
    return text.replace(".", ",") if (get_language() or "id").startswith("id") else text


def flags_for(observations: Iterable[Any], *, delivered: Any, birth_weight: int | None,
              thresholds: Mapping[str, float]) -> list[Flag]:
    """The flags of one mother's observations (each observation checked on its own)."""
    t = thresholds_of(thresholds)
    flags: list[Flag] = []
    for o in observations:
        day = day_of_life(o, delivered)
        if o.feeds is not None and o.feeds < t["feeds_min"]:
            flags.append(Flag(
                "feeds", "check", o.observed,
                gettext("fewer than %(n)s feeds in 24 hours (recommended 8-12)") % {
                    "n": _n(t["feeds_min"])},
                SOURCES["feeds"],
                gettext("%(feeds)s feeds in 24 h were recorded on %(date)s. Please check the "
                        "latch and how often the baby is put to the breast, and consider "
                        "feeding more often.") % {"feeds": o.feeds, "date": o.observed}))
        if o.urination is not None and day is not None and day >= 1:
            need = float(day) if day <= 3 else t["wet_after_day3"]
            if o.urination < need:
                rule = (gettext("day %(day)s of life: fewer than %(n)s wet diapers in 24 hours "
                                "(days 1-3: about one per day of life)")
                        if day <= 3 else
                        gettext("day %(day)s of life: fewer than %(n)s wet diapers in 24 hours "
                                "(after day 3: at least 6)")) % {"day": day, "n": _n(need)}
                flags.append(Flag(
                    "wet", "check", o.observed, rule, SOURCES["wet"],
                    gettext("%(n)s wet diapers were recorded on day %(day)s. Please ask about "
                            "dark urine and stools and check whether the baby is getting "
                            "enough milk.") % {"n": o.urination, "day": day}))
        if o.weight and birth_weight:
            loss = 100.0 * (birth_weight - o.weight) / birth_weight
            if loss >= t["weight_loss_red"]:
                level, limit = "red", t["weight_loss_red"]
                rule = gettext("weight loss of %(n)s%% of birth weight or more (red flag)")
            elif loss > t["weight_loss_check"]:
                level, limit = "check", t["weight_loss_check"]
                rule = gettext("weight loss beyond %(n)s%% of birth weight (needs evaluation)")
            else:
                continue
            flags.append(Flag(
                "weight", level, o.observed, rule % {"n": _n(limit)}, SOURCES["weight"],
                gettext("The baby weighed %(w)s g on %(date)s, %(loss)s%% below the birth weight "
                        "of %(bw)s g. Please evaluate the feeding and consider a lactation "
                        "consultation or a referral.") % {
                    "w": o.weight, "date": o.observed, "loss": _n(round(loss, 1)),
                    "bw": birth_weight}))
    return flags
