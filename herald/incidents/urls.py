from django.urls import path

from herald.incidents import views

app_name = "incidents"
urlpatterns = [
    path("", views.index, name="index"),
    path("report/", views.report, name="report"),
    path("breach-log/", views.breach_log, name="breach_log"),
    path("breach-log.csv", views.breach_log_csv, name="breach_log_csv"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/triage/", views.triage, name="triage"),
    path("<int:pk>/steps/<int:step_pk>/", views.step, name="step"),
    path("<int:pk>/note/", views.note, name="note"),
    path("<int:pk>/evidence/<int:entry_pk>/", views.evidence, name="evidence"),
    path("<int:pk>/stop-publishing/", views.stop, name="stop"),
    path("<int:pk>/breach/", views.breach, name="breach"),
    path("<int:pk>/hr-outcome/", views.hr_outcome, name="hr_outcome"),
    path("<int:pk>/police/", views.crime_reference, name="crime_reference"),
    path("<int:pk>/takedown/", views.takedown, name="takedown"),
    path("<int:pk>/close/", views.close, name="close"),
]
