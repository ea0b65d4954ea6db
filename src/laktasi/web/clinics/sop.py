"""The oxytocin-massage SOP (pijat oksitosin) as a checklist (DOMAIN.md, "Oxytocin massage
SOP"): the session log ticks these steps, the family guide teaches them."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

__all__ = ["SOP_STEPS", "STEP_KEYS", "leaflet_pdf", "sop_text"]

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


def leaflet_pdf(title: str) -> bytes:
    """The family guide as a one-page A4 leaflet (PDF, drawn with matplotlib): the SOP steps
    numbered, the dose, when to stop."""
    import io
    import textwrap

    import matplotlib

    matplotlib.use("Agg")
    from django.utils.translation import gettext
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8.27, 11.69))  # A4 portrait, inches
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    y = 0.94
    ax.text(0.08, y, gettext("Oxytocin massage at home: a guide for the husband or family"),
            fontsize=15, weight="bold", va="top", wrap=True)
    y -= 0.04
    ax.text(0.08, y, title, fontsize=10, color="#555555", va="top")
    y -= 0.05
    for i, (_k, label) in enumerate(SOP_STEPS, start=1):
        lines = textwrap.wrap(str(label), 70)
        ax.text(0.08, y, f"{i}.", fontsize=12, weight="bold", va="top")
        ax.text(0.13, y, "\n".join(lines), fontsize=12, va="top", linespacing=1.4)
        y -= 0.03 * len(lines) + 0.035
    y -= 0.02
    note = gettext("Do it twice a day (morning and evening), 3-5 minutes, on the first days "
                   "after the birth. Stop if the mother feels pain.")
    ax.text(0.08, y, "\n".join(textwrap.wrap(note, 75)), fontsize=12, va="top",
            linespacing=1.4, weight="bold", color="#0b6e4f")
    out = io.BytesIO()
    with PdfPages(out) as pdf:
        pdf.savefig(fig)
    return out.getvalue()
