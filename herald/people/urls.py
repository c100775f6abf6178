from django.urls import path

from herald.people import views

app_name = "people"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("<int:pk>/", views.person_detail, name="detail"),
    path("<int:pk>/roles/", views.person_roles, name="person_roles"),
    path("imports/", views.imports, name="imports"),
    path("imports/<int:pk>/", views.import_detail, name="import_detail"),
    path("teams/", views.teams, name="teams"),
    path("roles/", views.roles, name="roles"),
]
