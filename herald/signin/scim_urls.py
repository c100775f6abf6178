from django.urls import path

from herald.signin import scim

app_name = "scim"
urlpatterns = [
    path("Users", scim.users, name="users"),
    path("Users/<int:pk>", scim.user, name="user"),
]
