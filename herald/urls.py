from django.urls import include, path

from herald import views
from herald.moderation import handling_views as moderation_handling

urlpatterns = [
    path("", views.home, name="home"),
    path("sign-in/", views.sign_in, name="login"),
    path("sign-out/", views.sign_out, name="logout"),
    path("health/", views.health, name="health"),
    path("password/forgotten/", views.password_reset, name="password_reset"),
    path("password/forgotten/sent/", views.password_reset_done, name="password_reset_done"),
    path("password/set/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("password/set/done/", views.password_reset_complete, name="password_reset_complete"),
    path("password/change/", views.password_change, name="password_change"),
    path("password/change/done/", views.password_change_done, name="password_change_done"),
    path("people/", include("herald.people.urls")),
    path("audit/", include("herald.audit.urls")),
    path("notifications/", include("herald.notification_urls")),
    path("policies/", include("herald.policies.urls")),
    path("accounts/", include("herald.social_accounts.urls")),
    path("consent/", include("herald.consents.urls")),
    path("elections/", include("herald.elections.urls")),
    path("posts/", include("herald.posts.urls")),
    path("incidents/", include("herald.incidents.urls")),
    path("risks/", include("herald.risks.urls")),
    path("reports/", include("herald.reports.urls")),
    path("inbox/", include("herald.moderation.urls")),
    path("house-rules/", moderation_handling.house_rules, name="house_rules"),
    path("house-rules/version-<int:number>/", moderation_handling.house_rules, name="house_rules_version"),
    path("connectors/", include("herald.connectors.urls")),
    path("security/", include("herald.signin.urls")),
    path("scim/v2/", include("herald.signin.scim_urls")),
]

handler400 = "herald.views.error_400"
handler403 = "herald.views.error_403"
handler404 = "herald.views.error_404"
handler500 = "herald.views.error_500"
