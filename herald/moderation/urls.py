from django.urls import path

from herald.moderation import api, handling_urls, team_views, views

app_name = "moderation"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("bulk/", views.bulk, name="bulk"),
    path("flags/", views.flags, name="flags"),
    path("import/", views.import_csv, name="import_csv"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("api/v1/comments", api.receive, name="api_comments"),
    path("api/v1/openapi.json", api.schema, name="api_schema"),
    path("comments/<int:pk>/", views.detail, name="detail"),
    path("comments/<int:pk>/assign/", views.assign, name="assign"),
    path("comments/<int:pk>/status/", views.set_status, name="set_status"),
    path("comments/<int:pk>/notes/", views.add_note, name="add_note"),
    path("comments/<int:pk>/flags/", views.raise_flag, name="raise_flag"),
    path("comments/<int:pk>/safeguarding-concern/", views.raise_concern, name="raise_concern"),
    path("comments/<int:pk>/flags/<int:flag_pk>/close/", views.close_flag, name="close_flag"),
    *handling_urls.urlpatterns,
    path("teams/", team_views.team_list, name="teams"),
    path("teams/new/", team_views.team_edit, name="team_new"),
    path("teams/<int:pk>/", team_views.team_edit, name="team_edit"),
    path("teams/<int:pk>/delete/", team_views.team_delete, name="team_delete"),
]
