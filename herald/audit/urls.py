from django.urls import path

from herald.audit import exports, views

app_name = "audit"
urlpatterns = [
    path("", views.events, name="events"),
    path("<int:pk>/", views.event_detail, name="event"),
    path("export/", exports.export_csv, name="export"),
    path("verify/", views.verify, name="verify"),
]
