from django.urls import path

from herald.consents import views

app_name = "consents"
urlpatterns = [
    path("", views.index, name="index"),
    path("requests/new/", views.request_new, name="request_new"),
    path("requests/<int:pk>/", views.request_detail, name="request"),
    path("requests/<int:pk>/open-or-close/", views.request_toggle, name="request_toggle"),
    path("requests/<int:pk>/poster/", views.request_poster, name="poster"),
    path("requests/<int:pk>/qr.<str:fmt>", views.request_qr, name="qr"),
    path("requests/<int:pk>/record/", views.record_new, name="record_new"),
    path("records/<int:pk>/", views.record_detail, name="record"),
    path("records/<int:pk>/scan/", views.record_scan, name="record_scan"),
    path("records/<int:pk>/withdraw/", views.record_withdraw, name="record_withdraw"),
    path("records/<int:pk>/do-not-publish/", views.record_do_not_publish, name="record_do_not_publish"),
    path("records/<int:pk>/erase/", views.record_erase, name="record_erase"),
    path("c/<str:code>/", views.give_by_code, name="give_by_code"),
    path("give/<str:token>/", views.give, name="give"),
    path("give/<str:token>/thank-you/", views.given, name="given"),
    path("withdraw/", views.withdraw, name="withdraw"),
    path("withdraw/sent/", views.withdraw_sent, name="withdraw_sent"),
    path("media/", views.media, name="media"),
    path("media/upload/", views.media_upload, name="media_upload"),
    path("media/<int:pk>/", views.media_detail, name="media_detail"),
    path("media/<int:pk>/edit/", views.media_edit, name="media_edit"),
    path("media/<int:pk>/people/add/", views.media_person, name="media_person"),
    path("media/<int:pk>/people/<int:appearance_pk>/remove/", views.media_person_remove, name="media_person_remove"),
    path("media/<int:pk>/uses/add/", views.media_use, name="media_use"),
    path("media/<int:pk>/file/", views.media_file, name="media_file"),
    path("media/<int:pk>/thumbnail/", views.media_thumbnail, name="media_thumbnail"),
    path("takedowns/", views.takedowns, name="takedowns"),
    path("takedowns/<int:pk>/", views.takedown, name="takedown"),
    path("subject-access/", views.subject_access, name="subject_access"),
    path("subject-access/export/", views.subject_export, name="subject_export"),
]
