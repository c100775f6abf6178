from django.urls import path

from herald.risks import views

app_name = "risks"
urlpatterns = [
    path("", views.register, name="register"),
    path("add/", views.add, name="add"),
    path("matrix/", views.matrix, name="matrix"),
    path("matrix/change/", views.matrix_change, name="matrix_change"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/change/", views.edit, name="edit"),
    path("<int:pk>/score/", views.assess, name="assess"),
    path("<int:pk>/review/", views.review, name="review"),
    path("<int:pk>/accept/", views.accept, name="accept"),
    path("<int:pk>/actions/add/", views.action_add, name="action_add"),
    path("<int:pk>/actions/<int:action_pk>/change/", views.action_edit, name="action_edit"),
    path("<int:pk>/actions/<int:action_pk>/done/", views.action_done, name="action_done"),
    path("<int:pk>/controls/add/", views.control_add, name="control_add"),
]
