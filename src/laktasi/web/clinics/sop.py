"""The oxytocin-massage SOP (pijat oksitosin) as a checklist (DOMAIN.md, "Oxytocin massage
SOP"): the session log ticks these steps, the family guide teaches them."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

__all__ = ["SOP_STEPS", "STEP_KEYS", "sop_text"]

SOP_STEPS = (
    ("posisi", _("The mother sits leaning forward, arms folded on a table, head resting on "
                 "her arms, breasts hanging free.")),
    ("minyak", _("Oil the back.")),
    ("mulai", _("Start one to two fingers below and beside the C7 vertebra (the bump at the "
                "base of the neck).")),
    ("kepalan", _("With two fists, thumbs pointing forward, massage both sides of the spine "
                  "in small firm circles.")),
    ("turun", _("Move downward to ribs 5-6 (the bra line).")),
    ("ulang", _("Repeat 3-5 passes; 2-3 or 3-5 minutes in all, morning and evening.")),
)
STEP_KEYS = tuple(k for k, _label in SOP_STEPS)


def sop_text() -> str:
    """The SOP as numbered lines (the study's SOP text when none is given)."""
    return "\n".join(f"{i}. {label}" for i, (_k, label) in enumerate(SOP_STEPS, start=1))
