"""Forms of the clinic pages: they read the fields, the services check and save."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Clinic, MassageSession, Membership, Observation
from .sop import SOP_STEPS
from .watchlist import DEFAULT_THRESHOLDS

DESIGNS = (
    ("one-group-pretest-posttest", _("One group, measured before and after")),
    ("nonequivalent-control-pretest-posttest",
     _("Two groups, each measured before and after")),
    ("two-group-posttest", _("Two groups, measured after only")),
)
_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def apply_errors(form: forms.Form, errors: dict[str, list[str]]) -> None:
    """Put a service's messages on the form's fields (unknown fields on the whole form)."""
    for name, messages in errors.items():
        for m in messages:
            form.add_error(name if name in form.fields else None, m)


class ClinicForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=Clinic.Kind.choices)
    district = forms.CharField(label=_("District (kabupaten/kota)"), max_length=120)


class StudyForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    design = forms.ChoiceField(label=_("Design"), choices=DESIGNS)
    intervention = forms.CharField(label=_("Intervention"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 3}))
    sop = forms.CharField(label=_("SOP (empty: the oxytocin-massage SOP)"), required=False,
                          widget=forms.Textarea(attrs={"rows": 6}))
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)


class StudyEditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    intervention = forms.CharField(label=_("Intervention"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 3}))
    sop = forms.CharField(label=_("SOP"), required=False,
                          widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args: Any, outcomes: list[tuple[str, str]] = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.outcome_names = []
        for name, label in outcomes:
            self.fields[f"{name}_min"] = forms.FloatField(
                label=_("%(outcome)s: lowest allowed") % {"outcome": label}, required=False)
            self.fields[f"{name}_max"] = forms.FloatField(
                label=_("%(outcome)s: highest allowed") % {"outcome": label}, required=False)
            self.outcome_names.append(name)


class MotherForm(forms.Form):
    code = forms.CharField(label=_("Code (pseudonym, e.g. R01)"), max_length=40)
    name = forms.CharField(label=_("Name (optional; shown only in this clinic, never "
                                   "exported)"), max_length=120, required=False)
    group = forms.ChoiceField(label=_("Group"), required=False)
    age = forms.IntegerField(label=_("Age (years)"), required=False)
    education = forms.ChoiceField(label=_("Education"), required=False)
    occupation = forms.ChoiceField(label=_("Occupation"), required=False)
    parity = forms.ChoiceField(label=_("Parity"), required=False)
    enrolled = forms.DateField(label=_("Enrolment date"), widget=_DATE)
    delivered = forms.DateField(label=_("Delivery date"), widget=_DATE)
    birth_weight = forms.IntegerField(label=_("Birth weight (g)"), required=False)

    def __init__(self, *args: Any, study: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        from .services import CHARACTERISTIC_FIELDS, study_object

        st = study_object(study)
        blank = [("", "—")]
        if st.group is None:
            del self.fields["group"]
        else:
            self.fields["group"].choices = blank + [(v, v) for v in st.group.levels]
            self.fields["group"].required = True
        cats = {ch.column: ch.categories for ch in st.characteristics}
        for col, name in CHARACTERISTIC_FIELDS.items():
            if name in self.fields and isinstance(self.fields[name], forms.ChoiceField):
                self.fields[name].choices = blank + [(v, v) for v in cats.get(col, ())]


class ObservationForm(forms.Form):
    point = forms.ChoiceField(label=_("Column of the sheet"), choices=Observation.Point.choices)
    day = forms.IntegerField(label=_("Day of life (for a day N column)"), required=False)
    observed = forms.DateField(label=_("Date observed"), widget=_DATE)
    feeds = forms.IntegerField(label=_("Feeds in 24 h"), required=False)
    urination = forms.IntegerField(label=_("Infant urinations (wet diapers) in 24 h"),
                                   required=False)
    volume = forms.DecimalField(label=_("Milk expressed (cc)"), required=False,
                                max_digits=6, decimal_places=1)
    lancar = forms.NullBooleanField(label=_("Milk flow"), required=False, widget=forms.Select(
        choices=[("unknown", "—"), ("true", _("lancar (smooth)")),
                 ("false", _("tidak lancar (not smooth)"))]))
    latch = forms.IntegerField(label=_("LATCH score (0-10, optional)"), required=False)
    weight = forms.IntegerField(label=_("Infant weight (g, optional)"), required=False)


class SessionForm(forms.Form):
    at = forms.DateTimeField(label=_("Date and time"), widget=forms.DateTimeInput(
        attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
    minutes = forms.IntegerField(label=_("Duration (minutes)"))
    given_by = forms.ChoiceField(label=_("Massaged by"), choices=MassageSession.Giver.choices)
    steps = forms.MultipleChoiceField(label=_("SOP steps done"), choices=SOP_STEPS,
                                      required=False, widget=forms.CheckboxSelectMultiple)
    notes = forms.CharField(label=_("Notes"), required=False,
                            widget=forms.Textarea(attrs={"rows": 3}))


class MemberForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)
    password = forms.CharField(label=_("Password (for a new account)"), required=False,
                               widget=forms.PasswordInput)


class ThresholdForm(forms.Form):
    feeds_min = forms.FloatField(label=_("Fewest feeds per 24 h"), min_value=0)
    wet_after_day3 = forms.FloatField(label=_("Fewest wet diapers per 24 h after day 3"),
                                      min_value=0)
    weight_loss_check = forms.FloatField(label=_("Weight loss needing evaluation (%)"),
                                         min_value=0, max_value=30)
    weight_loss_red = forms.FloatField(label=_("Weight loss red flag (%)"), min_value=0,
                                       max_value=30)

    @staticmethod
    def initial_for(clinic: Clinic) -> dict[str, float]:
        return {**DEFAULT_THRESHOLDS, **(clinic.thresholds or {})}


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Filled-in template (.xlsx, .csv or .sav)"))
    enrolled = forms.DateField(label=_("Enrolment date of these mothers"), widget=_DATE)
    delivered = forms.DateField(label=_("Delivery date (when the file does not say)"),
                                widget=_DATE)


class OdkImportForm(forms.Form):
    file = forms.FileField(label=_("CSV exported from ODK Central or KoboToolbox"))


class DoubleEntryForm(forms.Form):
    """The measurements only: the second person keys them from the paper sheet."""

    feeds = ObservationForm.base_fields["feeds"]
    urination = ObservationForm.base_fields["urination"]
    volume = ObservationForm.base_fields["volume"]
    lancar = ObservationForm.base_fields["lancar"]
    latch = ObservationForm.base_fields["latch"]
    weight = ObservationForm.base_fields["weight"]
