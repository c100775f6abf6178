from django.urls import path

from herald.posts import calendar_views, export_views, media_views, views

app_name = "posts"
urlpatterns = [
    path("", views.index, name="index"),
    path("write/", views.write, name="write"),
    path("reply/", views.write_reply, name="write_reply"),
    path("check/", views.live_check, name="check"),
    path("fix/", views.apply_fix, name="fix"),
    path("approvals/", views.queue, name="queue"),
    path("calendar/", calendar_views.calendar, name="calendar"),
    path("archive/", views.archive, name="archive"),
    path("archive.csv", export_views.archive_csv, name="archive_csv"),
    path("archive.pdf", export_views.archive_pdf, name="archive_pdf"),
    path("overrides/", views.overrides, name="overrides"),
    path("stop/", views.stop, name="stop"),
    path("stop/<int:pk>/release/", views.release, name="release"),
    path("rules/", views.rules, name="rules"),
    path("rules/<int:account_pk>/", views.rule_edit, name="rule_edit"),
    path("rules/<int:account_pk>/retention/", views.retention_edit, name="retention_edit"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/record.pdf", export_views.post_pdf, name="record_pdf"),
    path("<int:pk>/media/<int:asset_pk>/thumbnail/", media_views.thumbnail, name="media_thumbnail"),
    path("<int:pk>/media/<int:asset_pk>/download/", media_views.download, name="media_download"),
    path("<int:pk>/change/", views.edit, name="edit"),
    path("<int:pk>/reschedule/", calendar_views.reschedule, name="reschedule"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/move/", views.move, name="move"),
    path("<int:pk>/approve/", views.approve, name="approve"),
    path("<int:pk>/send-back/", views.send_back, name="send_back"),
    path("<int:pk>/override/", views.override, name="override"),
    path("<int:pk>/note/", views.add_note, name="note"),
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("<int:pk>/reopen/", views.reopen, name="reopen"),
    path("<int:pk>/publish/", views.publish, name="publish"),
]
