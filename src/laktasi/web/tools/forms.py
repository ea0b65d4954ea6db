"""Forms of the Besar sampel, Audit and Meta-analisis pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .power_services import TESTS

TEST_LABELS = {
    "wilcoxon": _("One group, before-after, Wilcoxon signed-rank"),
    "paired-t": _("One group, before-after, paired t test"),
    "mcnemar": _("One group, before-after, yes/no outcome (McNemar)"),
    "mann-whitney": _("Two groups, Mann-Whitney"),
    "two-sample-t": _("Two groups, independent t test"),
    "two-proportions": _("Two groups, yes/no outcome (two proportions)"),
}
_NEEDS = {
    "dz": _("Effect d_z (mean change / SD of the change)"),
    "d": _("Effect d (difference of means / SD)"),
    "p_improve": _("Share of mothers that improve (tidak lancar → lancar)"),
    "p_worsen": _("Share of mothers that worsen (lancar → tidak lancar)"),
    "p1": _("Share lancar in the intervention group"),
    "p2": _("Share lancar in the control group"),
}


class PowerForm(forms.Form):
    test = forms.ChoiceField(label=_("Design and test"), choices=list(TEST_LABELS.items()),
                             initial="wilcoxon")
    dz = forms.FloatField(label=_NEEDS["dz"], required=False, initial=0.5)
    d = forms.FloatField(label=_NEEDS["d"], required=False, initial=0.5)
    parent = forms.ChoiceField(
        label=_("Shape of the data (rank tests)"), initial="normal",
        choices=[("normal", _("normal")), ("laplace", _("Laplace (heavier tails)")),
                 ("logistic", _("logistic")), ("min", _("least favourable"))])
    p_improve = forms.FloatField(label=_NEEDS["p_improve"], required=False, initial=0.4)
    p_worsen = forms.FloatField(label=_NEEDS["p_worsen"], required=False, initial=0.1)
    mcnemar_method = forms.ChoiceField(label=_("McNemar method"), initial="exact",
                                       choices=[("exact", _("exact (as G*Power)")),
                                                ("normal", _("normal approximation"))])
    p1 = forms.FloatField(label=_NEEDS["p1"], required=False, initial=0.8)
    p2 = forms.FloatField(label=_NEEDS["p2"], required=False, initial=0.5)
    prop_method = forms.ChoiceField(
        label=_("Two-proportion method"), initial="normal",
        choices=[("normal", _("normal approximation")), ("normal-cc", _("normal, corrected")),
                 ("fisher", _("Fisher exact")), ("chi-square", _("chi-square")),
                 ("chi-square-corrected", _("chi-square, corrected"))])
    power = forms.FloatField(label=_("Target power"), initial=0.8)
    alpha = forms.FloatField(label=_("Significance level α"), initial=0.05)
    alternative = forms.ChoiceField(label=_("Direction"), initial="two-sided",
                                    choices=[("two-sided", _("two-sided")),
                                             ("one-sided", _("one-sided"))])
    dropout = forms.FloatField(label=_("Expected dropout (0.1 = 10%)"), initial=0.0)

    def clean(self) -> dict:
        data = super().clean()
        test = data.get("test")
        for name in TESTS.get(test, ()):
            if name in _NEEDS and data.get(name) is None:
                self.add_error(name, _("This design and test need this value."))
        return data


class AuditForm(forms.Form):
    text = forms.CharField(label=_("The paper's text (results section at least)"),
                           widget=forms.Textarea, required=False, max_length=400_000,
                           strip=False)  # line numbers in the draft count from the first line
    items = forms.CharField(label=_("Drafted items (YAML): confirm or correct each value"),
                            widget=forms.Textarea, required=False, max_length=400_000)


class MetaForm(forms.Form):
    table = forms.CharField(
        label=_("Studies table (CSV: one row per study, header row first)"),
        widget=forms.Textarea, required=False, max_length=400_000)
    file = forms.FileField(label=_("…or upload the table as .csv"), required=False)
    method = forms.ChoiceField(label=_("Between-study variance"), initial="REML",
                               choices=[("REML", "REML"), ("DL", "DerSimonian-Laird"),
                                        ("PM", "Paule-Mandel"), ("FE", _("fixed effect"))])
    hksj = forms.BooleanField(label=_("Hartung-Knapp confidence interval"), required=False)
