from django.urls import path

from herald.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.events, name="events"),
    path("<int:pk>/", views.event_detail, name="event"),
    path("verify/", views.verify, name="verify"),
]
