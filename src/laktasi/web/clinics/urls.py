from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "clinics"
urlpatterns = [
    path("", views.home, name="home"),
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("<int:pk>/", views.clinic, name="clinic"),
    path("<int:pk>/anggota/", views.members, name="members"),
    path("<int:pk>/anggota/<int:mpk>/hapus/", views.member_remove, name="member_remove"),
    path("<int:pk>/ambang/", views.thresholds, name="thresholds"),
    path("<int:pk>/riwayat/", views.history, name="history"),
    path("<int:pk>/studi-baru/", views.study_new, name="study_new"),
    path("studi/<int:pk>/", views.study, name="study"),
    path("studi/<int:pk>/ubah/", views.study_edit, name="study_edit"),
    path("studi/<int:pk>/study.yaml", views.study_yaml, name="study_yaml"),
    path("studi/<int:pk>/pantau/", views.watch, name="watch"),
    path("studi/<int:pk>/analisis/", views.analysis, name="analysis"),
    path("studi/<int:pk>/unduh/<slug:fmt>/", views.analysis_download, name="download"),
    path("studi/<int:pk>/ekspor/<slug:fmt>/", views.export, name="export"),
    path("studi/<int:pk>/templat.xlsx", views.template, name="template"),
    path("studi/<int:pk>/impor/", views.import_file, name="import"),
    path("studi/<int:pk>/panduan/", views.guide, name="guide"),
    path("studi/<int:pk>/xlsform.xlsx", views.xlsform, name="xlsform"),
    path("studi/<int:pk>/impor-odk/", views.odk_import, name="odk_import"),
    path("studi/<int:pk>/ibu-baru/", views.mother_new, name="mother_new"),
    path("ibu/<int:pk>/", views.mother, name="mother"),
    path("ibu/<int:pk>/ubah/", views.mother_edit, name="mother_edit"),
    path("ibu/<int:pk>/hapus/", views.mother_delete, name="mother_delete"),
    path("ibu/<int:pk>/observasi/", views.observation_new, name="observation_new"),
    path("ibu/<int:pk>/sesi/", views.session_new, name="session_new"),
    path("observasi/<int:pk>/ubah/", views.observation_edit, name="observation_edit"),
    path("observasi/<int:pk>/hapus/", views.observation_delete, name="observation_delete"),
    path("sesi/<int:pk>/hapus/", views.session_delete, name="session_delete"),
    path("observasi/<int:pk>/entri-ulang/", views.double_entry_new, name="double_entry_new"),
    path("studi/<int:pk>/entri-ganda/", views.double_entries, name="double_entries"),
    path("entri-ganda/<int:pk>/selesai/", views.double_entry_resolve,
         name="double_entry_resolve"),
    path("wilayah/<str:name>/", views.district, name="district"),
]
