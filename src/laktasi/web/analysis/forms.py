"""Forms of the Analisis page: the upload, the study description, the campus template."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext_lazy as _

# one label per laktasi.design.study.DESIGNS / OUTCOME_TYPES (a test checks both lists)
DESIGN_LABELS = {
    "one-group-pretest-posttest": _("One group, measured before and after (pretest-posttest)"),
    "two-group-posttest": _("Two groups, measured after only (posttest)"),
    "nonequivalent-control-pretest-posttest": _(
        "Two groups, each measured before and after (pretest-posttest with control group)"),
}
TYPE_LABELS = {
    "continuous": _("measurement (e.g. volume in cc)"),
    "count": _("count (e.g. feeds per day)"),
    "ordinal": _("ordered score"),
    "binary": _("yes / no (two categories)"),
}


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Data file (.xlsx, .csv or .sav)"), allow_empty_file=True,
                           help_text=_("One row per mother; the first row holds the column names."))
    sheet = forms.CharField(label=_("Excel sheet (optional)"), required=False, max_length=100,
                            help_text=_("Leave empty to use the sheet that holds the data."))


def _column_choices(columns: Sequence[str], blank: str | None) -> list[tuple[str, str]]:
    head = [("", blank)] if blank is not None else []
    return head + [(c, c) for c in columns]


class StudyForm(forms.Form):
    title = forms.CharField(label=_("Title of the study"), max_length=300)
    design = forms.ChoiceField(label=_("Design"), choices=list(DESIGN_LABELS.items()),
                               widget=forms.RadioSelect)
    id_column = forms.ChoiceField(label=_("Column with the mothers' codes"), required=False)
    group_column = forms.ChoiceField(
        label=_("Column with the group (two-group designs)"), required=False)
    characteristics = forms.MultipleChoiceField(
        label=_("Characteristics of the mothers (table 4.1)"), required=False,
        widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: object, columns: Sequence[str] = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        none = str(_("— none —"))
        self.fields["id_column"].choices = _column_choices(columns, none)
        self.fields["group_column"].choices = _column_choices(columns, none)
        self.fields["characteristics"].choices = _column_choices(columns, None)


class OutcomeForm(forms.Form):
    post = forms.ChoiceField(label=_("Column after"), required=False)
    pre = forms.ChoiceField(label=_("Column before"), required=False)
    type = forms.ChoiceField(label=_("Kind of value"), choices=list(TYPE_LABELS.items()),
                             initial="count")
    name = forms.SlugField(label=_("Short name"), required=False, max_length=60,
                           allow_unicode=True)
    label = forms.CharField(label=_("Label in the report"), required=False, max_length=200)
    levels = forms.CharField(label=_("Categories, worse first (yes/no)"), required=False,
                             max_length=200)

    def __init__(self, *args: object, columns: Sequence[str] = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        none = str(_("— none —"))
        self.fields["post"].choices = _column_choices(columns, none)
        self.fields["pre"].choices = _column_choices(columns, none)


OutcomeFormSet = forms.formset_factory(OutcomeForm, extra=0, max_num=30, absolute_max=30)


class TemplateForm(forms.Form):
    template = forms.FileField(label=_("Campus template (.docx or .dotx, optional)"),
                               required=False)
