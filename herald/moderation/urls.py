from django.urls import path

from herald.moderation import handling_urls, views

app_name = "moderation"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("flags/", views.flags, name="flags"),
    path("comments/<int:pk>/", views.detail, name="detail"),
    *handling_urls.urlpatterns,
]
