from django.urls import path

from herald.moderation import views

app_name = "moderation"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("bulk/", views.bulk, name="bulk"),
    path("flags/", views.flags, name="flags"),
    path("comments/<int:pk>/", views.detail, name="detail"),
    path("comments/<int:pk>/assign/", views.assign, name="assign"),
    path("comments/<int:pk>/status/", views.set_status, name="set_status"),
    path("comments/<int:pk>/notes/", views.add_note, name="add_note"),
    path("comments/<int:pk>/flags/", views.raise_flag, name="raise_flag"),
    path("comments/<int:pk>/flags/<int:flag_pk>/close/", views.close_flag, name="close_flag"),
]
