"""URLs for handling comments, included in the app's `urls.py` (same `moderation:` namespace)."""

from django.urls import path

from herald.moderation import handling_views as views

urlpatterns = [
    path("comments/<int:pk>/presence/", views.presence, name="presence"),
    path("comments/<int:pk>/reply/check/", views.reply_check, name="reply_check"),
    path("comments/<int:pk>/reply/", views.reply, name="reply"),
    path("comments/<int:pk>/replies/<int:reply_pk>/approve/", views.approve_reply, name="approve_reply"),
    path("comments/<int:pk>/replies/<int:reply_pk>/withdraw/", views.withdraw_reply, name="withdraw_reply"),
    path("comments/<int:pk>/replies/<int:reply_pk>/posted/", views.record_posted, name="record_posted"),
    path("comments/<int:pk>/replies/<int:reply_pk>/send-again/", views.send_again, name="send_again"),
    path("comments/<int:pk>/remove/", views.remove, name="remove"),
    path("comments/<int:pk>/unhide/", views.unhide, name="unhide"),
    path("comments/<int:pk>/platform/<int:action_pk>/again/", views.platform_again, name="platform_again"),
    path("comments/<int:pk>/case/", views.open_case, name="open_case"),
    path("evidence/<int:pk>.pdf", views.evidence_pdf, name="evidence_pdf"),
    path("rule-actions/<int:pk>/undo/", views.undo_rule_action, name="undo_rule_action"),
    path("authors/blocked/", views.blocked_authors, name="blocked_authors"),
    path("authors/<int:pk>/", views.author, name="author"),
    path("sanctions/<int:pk>/lift/", views.lift_sanction, name="lift_sanction"),
    path("cases/", views.case_list, name="cases"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("cases/<int:pk>/evidence-pack/", views.case_pack, name="case_pack"),
    path("councillor-handles/", views.councillor_handles, name="councillor_handles"),
    path("councillor-handles/<int:pk>/", views.councillor_handle_edit, name="councillor_handle_edit"),
    path("councillor-handles/<int:pk>/retire/", views.councillor_handle_retire, name="councillor_handle_retire"),
    path("abuse-aimed-at-me/", views.my_cases, name="my_cases"),
    path("rules/", views.rule_list, name="rules"),
    path("rules/new/", views.rule_edit, name="rule_new"),
    path("rules/<int:pk>/", views.rule_edit, name="rule_edit"),
    path("rules/<int:pk>/automatic-hiding/", views.rule_auto_hide, name="rule_auto_hide"),
    path("saved-replies/", views.saved_replies, name="saved_replies"),
    path("saved-replies/<int:pk>/retire/", views.retire_saved_reply, name="retire_saved_reply"),
    path("reply-approval/", views.reply_approval, name="reply_approval"),
    path("house-rules/", views.house_rules_edit, name="house_rules_edit"),
]
