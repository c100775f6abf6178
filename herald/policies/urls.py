from django.urls import path

from herald.policies import consultation_views, views

app_name = "policies"
urlpatterns = [
    path("", views.index, name="index"),
    path("can-i-post-this/", views.self_check, name="self_check"),
    path("can-i-post-this/ask/", views.ask_for_advice, name="ask_for_advice"),
    path("advice-requests/", views.advice_requests, name="advice_requests"),
    path("advice-requests/<int:pk>/", views.advice_request, name="advice_request"),
    path("campaigns/", views.campaigns, name="campaigns"),
    path("campaigns/new/", views.campaign_new, name="campaign_new"),
    path("campaigns/<int:pk>/", views.campaign, name="campaign"),
    path("campaigns/<int:pk>/quiz/", views.campaign_quiz, name="campaign_quiz"),
    path("campaigns/<int:pk>/quiz/<int:question_pk>/remove/", views.question_remove, name="question_remove"),
    path("campaigns/<int:pk>/launch/", views.campaign_launch, name="campaign_launch"),
    path("campaigns/<int:pk>/close/", views.campaign_close, name="campaign_close"),
    path("campaigns/<int:pk>/export.csv", views.campaign_export, name="campaign_export"),
    path("campaigns/<int:pk>/people/<int:person_pk>/chase/", views.chase, name="chase"),
    path("campaigns/<int:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("campaigns/<int:pk>/read/", views.read, name="read"),
    path("campaigns/<int:pk>/take-quiz/", views.take_quiz, name="take_quiz"),
    path("consultations/", consultation_views.consultations, name="consultations"),
    path("consultations/<int:pk>/", consultation_views.consultation, name="consultation"),
    path("consultations/<int:pk>/comment/", consultation_views.consultation_comment, name="consultation_comment"),
    path(
        "consultations/<int:pk>/comments/<int:comment_pk>/answer/",
        consultation_views.consultation_answer,
        name="consultation_answer",
    ),
    path("<slug:slug>/", views.document, name="document"),
    path("<slug:slug>/versions/", views.versions, name="versions"),
    path("<slug:slug>/versions/<int:number>/", views.version, name="version"),
    path("<slug:slug>/versions/<int:number>/changes/", views.version_changes, name="version_changes"),
    path("<slug:slug>/versions/<int:number>/discard/", views.discard_draft, name="discard_draft"),
    path("<slug:slug>/clauses/<slug:clause_id>/", views.clause, name="clause"),
    path("<slug:slug>/draft/", views.edit_draft, name="edit_draft"),
    path("<slug:slug>/draft/changes/", views.draft_changes, name="draft_changes"),
    path("<slug:slug>/draft/publish/", views.publish, name="publish"),
    path("<slug:slug>/draft/consult/", consultation_views.consultation_new, name="consultation_new"),
]
