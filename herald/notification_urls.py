from django.urls import path

from herald import notification_views as views

app_name = "notifications"

urlpatterns = [
    path("", views.preferences, name="preferences"),
    path("team-channels/", views.webhooks_list, name="webhooks"),
    path("team-channels/<int:pk>/remove/", views.webhook_remove, name="webhook_remove"),
    path("team-channels/<int:pk>/test/", views.webhook_test, name="webhook_test"),
    path("outbox/", views.outbox, name="outbox"),
    path("outbox/<int:pk>/", views.outbox_email, name="outbox_email"),
]
