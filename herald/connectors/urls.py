from django.urls import path

from herald.connectors import views

app_name = "connectors"

urlpatterns = [
    path("", views.status, name="status"),
    path("webhooks/<slug:platform>/", views.webhook, name="webhook"),
]
