from herald.apps import HeraldAppConfig


class ModerationConfig(HeraldAppConfig):
    default = True
    name = "herald.moderation"
    verbose_name = "Moderation inbox"
    nav_items = "herald.moderation.nav.ITEMS"
    schedule = "herald.moderation.tasks.SCHEDULE"
    demo_loader = "herald.moderation.demo.seed"
    home_panels = "herald.moderation.home.panels"
    report_sections = "herald.moderation.report.sections"
    home_order = 12

    def ready(self) -> None:
        from herald import subject_access
        from herald.moderation.services import evidence, inbox, teams
        from herald.people.leavers import on_person_left
        from herald.social_accounts.editor_removal import on_editor_removed

        # Someone who may no longer see an account's comments keeps none of them assigned.
        on_editor_removed(inbox.release_comments_of_former_editor)
        # A leaver is taken out of every inbox team (their comments back to its queue, the team told)...
        on_person_left(teams.remove_leaver_from_teams)
        # ...and any other open comment still assigned to them goes back too.
        on_person_left(inbox.release_comments_of_leaver)

        # Evidence of removed comments names their authors: it is in every subject access export.
        subject_access.register(
            "moderation_evidence", "Evidence kept of removed comments", evidence.subject_access_records
        )
