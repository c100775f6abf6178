from django.urls import path

from herald.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.start, name="start"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/send/", views.send, name="send"),
    path("<int:pk>/sign-off/", views.sign, name="sign"),
    path("<int:pk>/report.pdf", views.download_pdf, name="pdf"),
    path("<int:pk>/report.docx", views.download_docx, name="docx"),
    path("accounts/", views.monthly_latest, name="monthly_latest"),
    path("accounts/<int:year>/<int:month>/", views.monthly_accounts, name="monthly"),
]
