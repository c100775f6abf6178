from django.urls import path

from herald.elections import views

app_name = "elections"
urlpatterns = [
    path("", views.election_list, name="list"),
    path("add/", views.election_add, name="add"),
    path("<int:pk>/", views.election_detail, name="detail"),
    path("<int:pk>/change/", views.election_edit, name="edit"),
    path("<int:pk>/cancel/", views.election_cancel, name="cancel"),
    path("non-working-days/", views.non_working_days, name="non_working_days"),
    path("non-working-days/<int:pk>/remove/", views.non_working_day_remove, name="non_working_day_remove"),
    path("pre-election-period/", views.pre_election_rules, name="rules"),
    path("political-restrictions/", views.political_restrictions, name="restrictions"),
]
