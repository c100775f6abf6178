from herald.apps import HeraldAppConfig


class PostsConfig(HeraldAppConfig):
    default = True
    name = "herald.posts"
    verbose_name = "Posts"
    nav_items = "herald.posts.nav.ITEMS"
    schedule = "herald.posts.tasks.SCHEDULE"
    demo_loader = "herald.posts.demo.seed"
    home_panels = "herald.posts.home.panels"
    report_sections = "herald.posts.report.sections"
    home_order = 10
    banners = "herald.posts.home.banners"

    def ready(self) -> None:
        # Withdrawing consent stops the unpublished posts that use the person's photos; changing a
        # photo's alt text sends the posts that use it back for approval.
        # An approver who leaves is taken out of the tiers of posts waiting for approval.
        from herald.consents.withdrawal import on_consent_withdrawn, on_published_details_changed
        from herald.people.leavers import on_person_left
        from herald.posts.services import (
            approve_again_after_media_change,
            reroute_posts_of_leaver,
            stop_posts_for_withdrawn_consent,
        )
        from herald.posts.services.publishing import stop_posts_of_closed_account
        from herald.social_accounts.closure import on_account_closed

        on_consent_withdrawn("post", stop_posts_for_withdrawn_consent)
        on_published_details_changed("post", approve_again_after_media_change)
        on_person_left(reroute_posts_of_leaver)
        # Closing an account stops its posts still to be approved or not yet due (their authors told).
        on_account_closed(stop_posts_of_closed_account)
