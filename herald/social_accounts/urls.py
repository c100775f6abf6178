from django.urls import path

from herald.social_accounts import views

app_name = "social_accounts"
urlpatterns = [
    path("", views.official, name="official"),
    path("official.csv", views.official_csv, name="official_csv"),
    path("official.json", views.official_json, name="official_json"),
    path("register/", views.register, name="register"),
    path("register/export.csv", views.register_csv, name="register_csv"),
    path("mine/", views.mine, name="mine"),
    path("reports/", views.reports_overdue, name="reports_overdue"),
    path("tasks/<int:pk>/", views.task_done, name="task_done"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/editors/add/", views.editor_add, name="editor_add"),
    path("<int:pk>/editors/<int:person_pk>/remove/", views.editor_remove, name="editor_remove"),
    path("<int:pk>/dormancy/", views.dormancy, name="dormancy"),
    path("<int:pk>/close/", views.closing, name="closing"),
    path("<int:pk>/close/confirm/", views.close, name="close"),
    path("<int:pk>/reports/new/", views.report_new, name="report_new"),
    path("requests/", views.requests, name="requests"),
    path("requests/new/", views.request_new, name="request_new"),
    path("requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("requests/<int:pk>/edit/", views.request_edit, name="request_edit"),
    path("requests/<int:pk>/withdraw/", views.request_withdraw, name="request_withdraw"),
    path("requests/<int:pk>/endorse/", views.endorse, name="endorse"),
    path("requests/<int:pk>/review/", views.review, name="review"),
    path("requests/<int:pk>/security/", views.security, name="security"),
]
